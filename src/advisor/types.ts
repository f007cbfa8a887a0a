/** The versioned output object (design.md §7, `schemaVersion: 1`). Every renderer takes exactly this. */
import type { LineItem } from './price-lines';
import type { PriceSource } from '../pricing/types';
import type { Branch, PhaseName } from '../recovery/phases';
import type { TimeCategory } from '../recovery/categories';
import type { Targets, WorkloadDocument } from '../workload/validate';
import type { AnnualCost } from './loss';
import type { DistSummary } from '../recovery/montecarlo';

/**
 * A simulated quantity (seconds): the median is the headline figure, the value at the stated confidence is what the
 * target is judged on (met ⟺ P(X ≤ target) ≥ confidence ⟺ atConfidence ≤ target). The verdict itself is the
 * violation list, so the summary's boolean is left out.
 */
export type Distribution = Omit<DistSummary, 'meetsTarget'>;

export interface AssumptionUse {
  name: string;
  value: number;
  unit: string;
  low: number;
  high: number;
  description: string;
  source: string;
  estimated: boolean;
  overridden: boolean;
}

export interface PhaseResult {
  name: PhaseName;
  label: string;
  branch: Branch;
  /** The tier or data store the phase works on, when the workload names its parts: within a branch, parts run in
   * parallel and the slowest decides. */
  part?: string;
  seconds: number;
  lowSeconds: number;
  highSeconds: number;
  assumptions: string[];
  /** A part not from a named assumption (e.g. the DNS TTL from the workload). */
  fixed?: string;
}

export interface RpoResult {
  store: string;
  /** The data store (or, for DRS, the tier) when the workload names its parts. */
  part?: string;
  mechanism: string;
  seconds: number;
  lowSeconds: number;
  highSeconds: number;
  assumptions: string[];
  fixed?: string;
}

export interface Violation {
  target: 'rto' | 'rpo' | 'maxMonthlyCost';
  actual: number;
  limit: number;
  message: string;
}

export interface StrategyResult {
  id: string;
  name: string;
  base: string;
  summary: string;
  drMonthlyCost: number;
  /** The median (P50) of the simulated RTO: the headline figure. */
  rtoSeconds: number;
  /** The median (P50) of the simulated RPO (the worst data store, per sample). */
  rpoSeconds: number;
  rtoCategory: TimeCategory;
  rpoCategory: TimeCategory;
  rto: Distribution;
  rpo: Distribution;
  /** The sum of the phases' typical values (critical path): a reference only, it decides nothing. */
  rtoTypicalSumSeconds: number;
  /** The worst store's typical value: a reference only. */
  rpoTypicalSeconds: number;
  phases: PhaseResult[];
  rpoSources: RpoResult[];
  meetsTargets: boolean;
  violations: Violation[];
  /** Expected annual loss (downtime and lost data, over the three disruptions); null without business costs. */
  expectedAnnualLoss: number | null;
  /** 12 × DR cost + expected annual loss + failover events + drills; null without business costs. */
  totalAnnualCost: number | null;
  /** The parts of the expected annual cost, and what to do in a regional outage. */
  annual: AnnualCost;
  /** Per failover: the DR side at full size per hour, and the failback. */
  perEvent: {
    runPerHour: number;
    failbackCost: number;
    failbackHours: number;
    /** P(the failover completes before the region recovers). */
    pCompletes: number;
    /** Expected hours the DR side runs at full size per regional event: E[(outage − RTO)+] + P(completes) × failback hours. */
    expectedHours: number;
    /** The price keys these per-event costs use (the full-size DR side, the re-seed transfer), for provenance. */
    priceKeys: string[];
  };
  /** For a variant: the application change it needs that the workload does not have (never recommended then). */
  designChange: string | null;
  lineItems: LineItem[];
  /** True when any line item's price is estimated. */
  costEstimated: boolean;
  assumptions: AssumptionUse[];
  notes: string[];
}

export interface Recommendation {
  /** A base strategy, or a drop-in variant of one (estimate prices the variants; check does not). */
  strategy: string;
  /** The base strategy of the recommended option. */
  base: string;
  meetsTargets: boolean;
  basis: 'total-annual-cost' | 'dr-monthly-cost' | 'closest';
  reason: string;
  rejected: { strategy: string; reason: string }[];
  /** Why not each option the frontier says dominates the recommended one (cost and RTO at confidence). */
  notDominating: { strategy: string; reason: string }[];
  /** Other facts the reader should weigh (e.g. no DR costs less in expectation). */
  notes: string[];
}

/** "No DR, wait it out": the baseline every strategy is compared with (not a strategy of the seed table). */
export interface NoDrResult {
  id: 'no-dr';
  name: string;
  summary: string;
  drMonthlyCost: 0;
  /** The median regional outage: without DR the workload is down until the region recovers. */
  rtoSeconds: number;
  rpoSeconds: number;
  rto: Distribution;
  rpo: Distribution;
  meetsTargets: boolean;
  violations: Violation[];
  expectedAnnualLoss: number | null;
  totalAnnualCost: number | null;
  annual: AnnualCost;
  note: string;
}

export interface FrontierEntry {
  id: string;
  name: string;
  cost: number;
  rtoP90: number;
  /** The RTO at the stated confidence: the frontier's axis (the P90 at the default 0.9). */
  rtoAtConfidence: number;
  pareto: boolean;
  dominatedBy: string | null;
  /** A variant identical in cost and timing to a base strategy (e.g. warm standby at the workload's own 50%). */
  sameAs: string | null;
}

export interface ScenarioResult {
  id: 'region-outage' | 'az-outage' | 'data-corruption';
  name: string;
  /** Per strategy: median RTO and RPO of the scenario. */
  strategies: { strategy: string; rtoSeconds: number; rpoSeconds: number; note: string }[];
  /** Events a year (business.*EventsPerYear). */
  eventsPerYear: number;
}

export interface BreakEven {
  cheaper: string;
  costlier: string;
  /** Downtime cost per hour above which the costlier strategy has the lower total expected annual cost. */
  downtimeCostPerHour: number | null;
  sentence: string;
}

export interface Report {
  schemaVersion: 1;
  /** Tells an estimate document from a check document (`dr-advisor-check`) without guessing from its fields. */
  kind: 'dr-advisor-estimate';
  generatedAt: string;
  currency: 'USD';
  tool: { name: 'dr-advisor'; version: string };
  /** The workload as the file wrote it (one part or lists of parts), every default filled in. */
  workload: WorkloadDocument;
  targets: Targets;
  /** The prices this report uses: their sources and data dates, and how many distinct prices (not line items) are
   * estimated, by price-key id. */
  pricing: { source: PriceSource | 'mixed'; asOf: string; oldestAsOf: string; warnings: string[]; prices: number; estimatedPrices: number; estimatedPriceKeys: string[] };
  primaryMonthlyCost: number;
  primaryLineItems: LineItem[];
  /** The baseline: no DR, wait regional outages out. Shown first; not one of the seed table's strategies. */
  noDr: NoDrResult;
  strategies: StrategyResult[];
  /** Variants of the base strategies, priced and timed the same way (empty unless requested). */
  variants: StrategyResult[];
  frontier: FrontierEntry[];
  scenarios: ScenarioResult[];
  breakEven: BreakEven[];
  recommendation: Recommendation;
  /** Findings about the figures as a whole, e.g. why the seed table's cost order does not hold for this workload. */
  notes: string[];
  monteCarlo: { samples: number; seed: number; confidence: number };
  disclaimer: string;
}

/**
 * What `check` reads of an option: its figures and verdict, without the words and tables of an estimate report
 * (phases, assumptions, per-event costs…). A {@link StrategyResult} is one.
 */
export type StrategyVerdict = Pick<
  StrategyResult,
  'id' | 'name' | 'drMonthlyCost' | 'rtoSeconds' | 'rpoSeconds' | 'rto' | 'rpo' | 'meetsTargets' | 'violations' | 'totalAnnualCost' | 'costEstimated' | 'designChange'
> & { lineItems: readonly Pick<LineItem, 'priceKey'>[] };

/**
 * What `check` reads of a workload's evaluation (evaluate.ts `evaluateForCheck`, the same figures as the estimate
 * report's, without what only the report shows). A {@link Report} is one.
 */
export interface ReportVerdict {
  workload: Pick<WorkloadDocument, 'name' | 'strategy'>;
  targets: Targets;
  pricing: Pick<Report['pricing'], 'source' | 'asOf' | 'oldestAsOf' | 'estimatedPriceKeys'>;
  primaryMonthlyCost: number;
  primaryLineItems: readonly Pick<LineItem, 'priceKey'>[];
  strategies: readonly StrategyVerdict[];
  variants: readonly StrategyVerdict[];
  recommendation: Pick<Recommendation, 'strategy'>;
}

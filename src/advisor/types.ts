/** The versioned output object (design.md §7, `schemaVersion: 1`). Every renderer takes exactly this. */
import type { LineItem } from './price-lines';
import type { PriceSource } from '../pricing/types';
import type { Branch, PhaseName } from '../recovery/phases';
import type { TimeCategory } from '../recovery/categories';
import type { Targets, Workload } from '../workload/validate';

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
  seconds: number;
  lowSeconds: number;
  highSeconds: number;
  assumptions: string[];
  /** A part not from a named assumption (e.g. the DNS TTL from the workload). */
  fixed?: string;
}

export interface RpoResult {
  store: string;
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
  rtoSeconds: number;
  rpoSeconds: number;
  rtoCategory: TimeCategory;
  rpoCategory: TimeCategory;
  rto: { p50: number; p90: number; p99: number; mean: number; pMeetsTarget: number | null; samples: number };
  phases: PhaseResult[];
  rpoSources: RpoResult[];
  meetsTargets: boolean;
  violations: Violation[];
  expectedAnnualLoss: number | null;
  totalAnnualCost: number | null;
  lineItems: LineItem[];
  /** True when any line item's price is estimated. */
  costEstimated: boolean;
  assumptions: AssumptionUse[];
  notes: string[];
}

export interface Recommendation {
  strategy: string;
  meetsTargets: boolean;
  basis: 'total-annual-cost' | 'dr-monthly-cost' | 'closest';
  reason: string;
  rejected: { strategy: string; reason: string }[];
}

export interface FrontierEntry {
  id: string;
  name: string;
  cost: number;
  rtoP90: number;
  pareto: boolean;
  dominatedBy: string | null;
  /** A variant identical in cost and timing to a base strategy (e.g. warm standby at the workload's own 50%). */
  sameAs: string | null;
}

export interface ScenarioResult {
  id: 'region-outage' | 'az-outage' | 'data-corruption';
  name: string;
  strategies: { strategy: string; rtoSeconds: number; rpoSeconds: number; note: string }[];
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
  generatedAt: string;
  currency: 'USD';
  tool: { name: 'dr-advisor'; version: string };
  workload: Workload;
  targets: Targets;
  /** The prices this report uses: their sources and data dates, and how many distinct prices (not line items) are
   * estimated, by price-key id. */
  pricing: { source: PriceSource | 'mixed'; asOf: string; oldestAsOf: string; warnings: string[]; prices: number; estimatedPrices: number; estimatedPriceKeys: string[] };
  primaryMonthlyCost: number;
  primaryLineItems: LineItem[];
  strategies: StrategyResult[];
  /** Variants of the base strategies, priced and timed the same way (empty unless requested). */
  variants: StrategyResult[];
  frontier: FrontierEntry[];
  scenarios: ScenarioResult[];
  breakEven: BreakEven[];
  recommendation: Recommendation;
  monteCarlo: { samples: number; seed: number };
  disclaimer: string;
}

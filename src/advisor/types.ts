/** The versioned output object (design.md §7, `schemaVersion: 1`). Every renderer takes exactly this. */
import type { LineItem } from '../pricing/apply';
import type { PriceSource } from '../pricing/types';
import type { Branch, PhaseName } from '../recovery/phases';
import type { TimeCategory } from '../recovery/categories';
import type { Workload } from '../workload/validate';

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

export interface Report {
  schemaVersion: 1;
  generatedAt: string;
  currency: 'USD';
  tool: { name: 'dr-advisor'; version: string };
  workload: Workload;
  targets: { rtoSeconds: number | null; rpoSeconds: number | null; maxMonthlyCost: number | null };
  pricing: { source: PriceSource | 'mixed'; asOf: string; oldestAsOf: string; warnings: string[]; estimatedLineItems: number };
  primaryMonthlyCost: number;
  primaryLineItems: LineItem[];
  strategies: StrategyResult[];
  recommendation: Recommendation;
  monteCarlo: { samples: number; seed: number };
  disclaimer: string;
}

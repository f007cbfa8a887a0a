/**
 * `dr-advisor check` (issue 6): the shapes. `run.ts` builds a {@link CheckResult} (figures only); `report/check-text.ts`
 * words it into the {@link CheckReport} that every check renderer, and `check --format json`, takes.
 */
import type { PriceSource } from '../../pricing/types';
import type { ReportVerdict } from '../types';

export type StrategySource = 'flag' | 'workload' | 'recommended';

/** A violated check target, in words (`message`). */
export interface CheckViolation {
  target: 'rto' | 'rpo' | 'maxMonthlyCost' | 'maxIncrease';
  /** Seconds for rto/rpo, USD/month for maxMonthlyCost, percent for maxIncrease (null when the baseline was $0). */
  actual: number | null;
  limit: number;
  message: string;
}
/** Before wording: the estimate's own violations carry their message already; the check's own (maxIncrease) not yet. */
export type CheckViolationData = Omit<CheckViolation, 'message'> & { message?: string };

/** A strategy's figures, kept per workload so that a later run can diff every strategy, not only the checked one. */
export interface StrategyFigures {
  id: string;
  name: string;
  drMonthlyCost: number;
  rtoSeconds: number;
  rpoSeconds: number;
  meetsTargets: boolean;
}

/** A cheaper strategy that meets the same targets (information, never a failure). */
export interface CheaperOptionData {
  strategy: string;
  name: string;
  drMonthlyCost: number;
  savingMonthly: number;
  rtoSeconds: number;
  rpoSeconds: number;
  /** How much more the cheaper one costs in total a year once its longer recovery is counted (null: not more / unknown). */
  annualCostIncrease: number | null;
}
export interface CheaperOption {
  strategy: string;
  name: string;
  drMonthlyCost: number;
  savingMonthly: number;
  message: string;
}

export interface StrategyDelta {
  id: string;
  baselineDrMonthlyCost: number;
  drMonthlyCost: number;
  costDelta: number;
  /** Percent (12.5 = +12.5 %), to 2 decimals; null when the baseline cost was $0. */
  costDeltaPct: number | null;
  rtoDeltaSeconds: number;
  rpoDeltaSeconds: number;
}

export type BaselineComparisonData =
  | { status: 'new' }
  | {
      status: 'compared';
      /** The strategy the baseline checked for this workload (it may differ from the one checked now). */
      strategy: string;
      strategyChanged: boolean;
      drMonthlyCost: number;
      rtoSeconds: number;
      rpoSeconds: number;
      costDelta: number;
      costDeltaPct: number | null;
      rtoDeltaSeconds: number;
      rpoDeltaSeconds: number;
      /** The same strategy then and now, for every strategy both runs priced. */
      strategies: StrategyDelta[];
    };
export type BaselineComparison = BaselineComparisonData & { message: string };

interface WorkloadCheckOf<V, C, B> {
  name: string;
  file: string;
  strategy: string;
  strategyName: string;
  strategySource: StrategySource;
  recommended: string;
  drMonthlyCost: number;
  primaryMonthlyCost: number;
  /** Median RTO and RPO (the headline figures). */
  rtoSeconds: number;
  rpoSeconds: number;
  /** RTO and RPO at the confidence the targets are judged at (`targets.confidence`). */
  rtoAtConfidenceSeconds: number;
  rpoAtConfidenceSeconds: number;
  costEstimated: boolean;
  targets: ReportVerdict['targets'];
  pass: boolean;
  violations: V[];
  cheaper: C | null;
  baseline: B | null;
  strategies: StrategyFigures[];
}
export type WorkloadCheckData = WorkloadCheckOf<CheckViolationData, CheaperOptionData, BaselineComparisonData>;
export type WorkloadCheck = WorkloadCheckOf<CheckViolation, CheaperOption, BaselineComparison>;

interface CheckReportOf<W> {
  schemaVersion: 1;
  kind: 'dr-advisor-check';
  generatedAt: string;
  currency: 'USD';
  tool: { name: 'dr-advisor'; version: string };
  pass: boolean;
  summary: { workloads: number; passed: number; failed: number; new: number };
  strategyOverride: string | null;
  baseline: { file: string; maxIncreasePct: number | null; removed: { name: string; file: string | null }[] } | null;
  pricing: { source: PriceSource | 'mixed' | 'none'; asOf: string; oldestAsOf: string; prices: number; estimatedPrices: number };
  workloads: W[];
}
export type CheckResult = CheckReportOf<WorkloadCheckData>;
export type CheckReport = CheckReportOf<WorkloadCheck>;

/** One workload as a baseline remembers it. */
export interface BaselineEntry {
  name: string;
  /** null when the baseline is an `estimate` document (it has no file). */
  file: string | null;
  strategy: string;
  drMonthlyCost: number;
  rtoSeconds: number;
  rpoSeconds: number;
  strategies: { id: string; drMonthlyCost: number; rtoSeconds: number; rpoSeconds: number }[];
}

export interface CheckInput {
  /** The workload's evaluation: an estimate Report, or check's own (evaluate.ts `evaluateForCheck`). */
  report: ReportVerdict;
  /** The workload file as the user named it (after glob expansion). */
  file: string;
  /** --strategy, already validated. */
  strategyOverride?: string;
}

export interface CheckRunOptions {
  generatedAt: string;
  version: string;
  strategyOverride?: string;
  baseline?: { file: string; entries: BaselineEntry[]; maxIncreasePct?: number };
}

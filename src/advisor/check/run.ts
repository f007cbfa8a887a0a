/**
 * `dr-advisor check`, the pure run: from the estimate Reports of several workloads to one {@link CheckResult}. Picks
 * each workload's strategy (--strategy > the workload's `strategy` > the recommended one), takes its target violations,
 * notes a cheaper strategy that meets the same targets (information, never a failure), and compares with a baseline.
 * Figures only: report/check-text.ts words the result. No I/O, no clock.
 */
import { InputError } from '../../errors';
import { cents } from '../../text/format';
import type { ReportVerdict, StrategyVerdict } from '../types';
import { baselineFigures, increaseFigures, matchBaseline } from './baseline';
import type { BaselineEntry, CheaperOptionData, CheckInput, CheckResult, CheckRunOptions, StrategyFigures, StrategySource, WorkloadCheckData } from './types';

function figures(s: StrategyVerdict): StrategyFigures {
  return { id: s.id, name: s.name, drMonthlyCost: s.drMonthlyCost, rtoSeconds: s.rtoSeconds, rpoSeconds: s.rpoSeconds, meetsTargets: s.meetsTargets };
}

/** The cheapest strategy that meets the same RTO/RPO targets (and budget) for less than the checked one. */
export function cheaperOption(report: ReportVerdict, chosen: StrategyVerdict): CheaperOptionData | null {
  // With no RTO or RPO target every strategy "meets the targets"; saying backup-restore is cheaper would mislead.
  if (report.targets.rtoSeconds === null && report.targets.rpoSeconds === null) return null;
  const cheaper = report.strategies
    .filter((s) => s.id !== chosen.id && s.meetsTargets && s.drMonthlyCost < chosen.drMonthlyCost)
    .sort((a, b) => a.drMonthlyCost - b.drMonthlyCost)[0];
  if (!cheaper) return null;
  const annualMore =
    cheaper.totalAnnualCost !== null && chosen.totalAnnualCost !== null && cheaper.totalAnnualCost > chosen.totalAnnualCost
      ? cents(cheaper.totalAnnualCost - chosen.totalAnnualCost)
      : null;
  return {
    strategy: cheaper.id, name: cheaper.name, drMonthlyCost: cheaper.drMonthlyCost, savingMonthly: cents(chosen.drMonthlyCost - cheaper.drMonthlyCost),
    rtoSeconds: cheaper.rtoSeconds, rpoSeconds: cheaper.rpoSeconds, annualCostIncrease: annualMore,
  };
}

/** Evaluates one workload's chosen strategy against its targets (flags already folded into the report's targets). */
export function checkWorkload(input: CheckInput): WorkloadCheckData {
  const { report, file } = input;
  const source: StrategySource = input.strategyOverride ? 'flag' : report.workload.strategy ? 'workload' : 'recommended';
  const id = input.strategyOverride ?? report.workload.strategy ?? report.recommendation.strategy;
  // The recommended option may be a drop-in variant (estimate and check price the same ones for such a workload).
  const chosen = report.strategies.find((s) => s.id === id) ?? (source === 'recommended' ? report.variants.find((s) => s.id === id) : undefined);
  if (!chosen) throw new InputError(`strategy must be one of ${report.strategies.map((s) => s.id).join(', ')} (got ${JSON.stringify(id)})`);
  const violations = chosen.violations.map((v) => ({ target: v.target, actual: v.actual, limit: v.limit, message: v.message }));
  return {
    name: report.workload.name,
    file,
    strategy: chosen.id,
    strategyName: chosen.name,
    strategySource: source,
    recommended: report.recommendation.strategy,
    drMonthlyCost: chosen.drMonthlyCost,
    primaryMonthlyCost: report.primaryMonthlyCost,
    rtoSeconds: chosen.rtoSeconds,
    rpoSeconds: chosen.rpoSeconds,
    rtoAtConfidenceSeconds: chosen.rto.atConfidence,
    rpoAtConfidenceSeconds: chosen.rpo.atConfidence,
    costEstimated: chosen.costEstimated,
    targets: report.targets,
    pass: violations.length === 0,
    violations,
    cheaper: cheaperOption(report, chosen),
    baseline: null,
    strategies: report.strategies.map(figures),
  };
}

/**
 * What the check result needs of a report's pricing, tallied over the workloads one report at a time, so that `check`
 * keeps one row per file and lets each report go (issue 17).
 */
export interface PricingTally {
  sources: Set<ReportVerdict['pricing']['source']>;
  /** The newest `asOf` and the oldest `oldestAsOf` seen (empty dates left out). */
  asOf: string;
  oldestAsOf: string;
  priceKeys: Set<string>;
  estimatedPriceKeys: Set<string>;
}

export function newPricingTally(): PricingTally {
  return { sources: new Set(), asOf: '', oldestAsOf: '', priceKeys: new Set(), estimatedPriceKeys: new Set() };
}

export function tallyPricing(t: PricingTally, r: ReportVerdict): void {
  t.sources.add(r.pricing.source);
  if (r.pricing.asOf && (t.asOf === '' || r.pricing.asOf > t.asOf)) t.asOf = r.pricing.asOf;
  if (r.pricing.oldestAsOf && (t.oldestAsOf === '' || r.pricing.oldestAsOf < t.oldestAsOf)) t.oldestAsOf = r.pricing.oldestAsOf;
  for (const i of r.primaryLineItems) t.priceKeys.add(i.priceKey);
  for (const s of r.strategies) for (const i of s.lineItems) t.priceKeys.add(i.priceKey);
  for (const s of r.variants) for (const i of s.lineItems) t.priceKeys.add(i.priceKey);
  for (const k of r.pricing.estimatedPriceKeys) t.estimatedPriceKeys.add(k);
}

/**
 * One file of a streaming check: its row (what the check output says of it) and its pricing tallied; the report is
 * not kept. `strategyOverride` is --strategy.
 */
export function checkRow(input: CheckInput, tally: PricingTally, strategyOverride?: string): WorkloadCheckData {
  tallyPricing(tally, input.report);
  return checkWorkload({ ...input, ...(strategyOverride ? { strategyOverride } : {}) });
}

/** All workloads → one check result. `inputs` are in the order the files were given (globs expanded and sorted). */
export function runCheck(inputs: readonly CheckInput[], opts: CheckRunOptions): CheckResult {
  const tally = newPricingTally();
  return finishCheck(inputs.map((i) => checkRow(i, tally, opts.strategyOverride)), tally, opts);
}

/** The rows of every workload (in the order the files were given) and their pricing tally → one check result. */
export function finishCheck(workloads: WorkloadCheckData[], tally: PricingTally, opts: CheckRunOptions): CheckResult {
  let removed: { name: string; file: string | null }[] = [];
  if (opts.baseline) {
    const used = new Set<BaselineEntry>();
    for (const w of workloads) {
      const entry = matchBaseline(w, opts.baseline.entries);
      if (entry) used.add(entry);
      w.baseline = baselineFigures(w, entry);
      if (opts.baseline.maxIncreasePct !== undefined) {
        const v = increaseFigures(w.baseline, opts.baseline.maxIncreasePct);
        if (v) {
          w.violations.push(v);
          w.pass = false;
        }
      }
    }
    removed = opts.baseline.entries.filter((e) => !used.has(e)).map((e) => ({ name: e.name, file: e.file }));
  }
  const sources = tally.sources;
  const failed = workloads.filter((w) => !w.pass).length;
  return {
    schemaVersion: 1,
    kind: 'dr-advisor-check',
    generatedAt: opts.generatedAt,
    currency: 'USD',
    tool: { name: 'dr-advisor', version: opts.version },
    pass: failed === 0,
    summary: {
      workloads: workloads.length,
      passed: workloads.length - failed,
      failed,
      new: workloads.filter((w) => w.baseline?.status === 'new').length,
    },
    strategyOverride: opts.strategyOverride ?? null,
    baseline: opts.baseline ? { file: opts.baseline.file, maxIncreasePct: opts.baseline.maxIncreasePct ?? null, removed } : null,
    pricing: {
      source: sources.size === 0 ? 'none' : sources.size === 1 ? [...sources][0] : 'mixed',
      asOf: tally.asOf,
      oldestAsOf: tally.oldestAsOf,
      prices: tally.priceKeys.size,
      estimatedPrices: tally.estimatedPriceKeys.size,
    },
    workloads,
  };
}

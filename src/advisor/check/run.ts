/**
 * `dr-advisor check`, the pure run: from the estimate Reports of several workloads to one {@link CheckResult}. Picks
 * each workload's strategy (--strategy > the workload's `strategy` > the recommended one), takes its target violations,
 * notes a cheaper strategy that meets the same targets (information, never a failure), and compares with a baseline.
 * Figures only: report/check-text.ts words the result. No I/O, no clock.
 */
import { InputError } from '../../errors';
import { cents } from '../../text/format';
import type { Report, StrategyResult } from '../types';
import { baselineFigures, increaseFigures, matchBaseline } from './baseline';
import type { BaselineEntry, CheaperOptionData, CheckInput, CheckResult, CheckRunOptions, StrategyFigures, StrategySource, WorkloadCheckData } from './types';

function figures(s: StrategyResult): StrategyFigures {
  return { id: s.id, name: s.name, drMonthlyCost: s.drMonthlyCost, rtoSeconds: s.rtoSeconds, rpoSeconds: s.rpoSeconds, meetsTargets: s.meetsTargets };
}

/** The cheapest strategy that meets the same RTO/RPO targets (and budget) for less than the checked one. */
export function cheaperOption(report: Report, chosen: StrategyResult): CheaperOptionData | null {
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

/** All workloads → one check result. `inputs` are in the order the files were given (globs expanded and sorted). */
export function runCheck(inputs: readonly CheckInput[], opts: CheckRunOptions): CheckResult {
  const workloads = inputs.map((i) => checkWorkload({ ...i, ...(opts.strategyOverride ? { strategyOverride: opts.strategyOverride } : {}) }));
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
  const reports = inputs.map((i) => i.report);
  const sources = new Set(reports.map((r) => r.pricing.source));
  const asOf = reports.map((r) => r.pricing.asOf).filter(Boolean).sort();
  const oldest = reports.map((r) => r.pricing.oldestAsOf).filter(Boolean).sort();
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
      asOf: asOf[asOf.length - 1] ?? '',
      oldestAsOf: oldest[0] ?? '',
      prices: new Set(reports.flatMap((r) => [...r.primaryLineItems, ...r.strategies.flatMap((s) => s.lineItems), ...r.variants.flatMap((s) => s.lineItems)].map((i) => i.priceKey))).size,
      estimatedPrices: new Set(reports.flatMap((r) => r.pricing.estimatedPriceKeys)).size,
    },
    workloads,
  };
}

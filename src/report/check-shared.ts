/** Words and cells shared by the check renderers (table, Markdown, GitHub), so that all show the same thing. */
import type { CheckReport, WorkloadCheck } from '../advisor/check/types';
import { allowedIncreaseText, costChangeText, pctText, timeChangeText, violationLabel } from './check-text';
import type { Report } from '../advisor/types';
import { formatDuration, formatPct, formatUsd, formatUsdDelta } from '../text/format';
import { pricingLine, targetsLine } from './shared';
import { escapeControl } from '../text/escape';

export function checkTargetsText(w: WorkloadCheck): string {
  return targetsLine({ targets: w.targets } as Report);
}

export function checkPricingLine(r: CheckReport): string {
  if (r.pricing.source === 'none') return 'Prices: none needed.';
  return pricingLine({ pricing: { ...r.pricing, warnings: [] } } as unknown as Report);
}

export function strategyText(w: WorkloadCheck): string {
  const tag = w.strategySource === 'recommended' ? ' (recommended)' : w.strategySource === 'flag' ? ' (--strategy)' : '';
  return `${w.strategyName}${tag}`;
}

export function costText(w: WorkloadCheck): string {
  return `${formatUsd(w.drMonthlyCost)}${w.costEstimated ? '*' : ''}`;
}

/** "52m (1h 24m)": the median and, in brackets, the value at the targets' confidence (what the check judges). */
export function rtoText(w: WorkloadCheck): string {
  return `${formatDuration(w.rtoSeconds)} (${formatDuration(w.rtoAtConfidenceSeconds)})`;
}

export function rpoText(w: WorkloadCheck): string {
  return `${formatDuration(w.rpoSeconds)} (${formatDuration(w.rpoAtConfidenceSeconds)})`;
}

/** The column heads for RTO and RPO: "RTO P50 (at 90%)". */
export function timeHeads(r: CheckReport): [string, string] {
  const c = [...new Set(r.workloads.map((w) => w.targets.confidence))];
  const at = c.length === 1 ? `at ${formatPct(c[0])}` : 'at confidence';
  return [`RTO P50 (${at})`, `RPO P50 (${at})`];
}

/** "pass" / "FAIL: RTO, budget" (+ "new" when new since the baseline). */
export function resultText(w: WorkloadCheck): string {
  const what = w.violations.map(violationLabel);
  return w.pass ? 'pass' : `FAIL: ${[...new Set(what)].join(', ')}`;
}

export function headline(r: CheckReport): string {
  const s = r.summary;
  // "2 of 3 workloads pass, 1 fails"; with none passing, "the workload fails" / "all 3 workloads fail".
  const counts =
    s.passed === 0 && s.workloads > 0
      ? s.workloads === 1 ? 'the workload fails' : `all ${s.workloads} workloads fail`
      : `${s.passed} of ${s.workloads} workload${s.workloads === 1 ? '' : 's'} pass${s.passed === 1 ? 'es' : ''}${s.failed ? `, ${s.failed} fail${s.failed === 1 ? 's' : ''}` : ''}`;
  return `DR check ${r.pass ? 'passed' : 'failed'}: ${counts}${s.new ? ` (${s.new} new since the baseline)` : ''}`;
}

/** Strategy notes: recommended ones and --strategy. */
export function strategyFootnote(r: CheckReport): string | null {
  if (r.strategyOverride) return `Every workload was checked with --strategy ${r.strategyOverride}.`;
  const rec = r.workloads.filter((w) => w.strategySource === 'recommended').map((w) => w.name);
  if (rec.length === 0) return null;
  return `${rec.join(', ')} ${rec.length === 1 ? 'names' : 'name'} no \`strategy\`, so the recommended strategy was checked (marked "recommended").`;
}

export interface BaselineRow {
  name: string;
  strategy: string;
  cost: string;
  change: string;
  rto: string;
  rpo: string;
}

/** One row per workload in the baseline comparison. */
export function baselineRows(r: CheckReport): BaselineRow[] {
  return r.workloads.map((w) => {
    const b = w.baseline;
    if (!b || b.status === 'new') {
      return { name: w.name, strategy: w.strategyName, cost: `new: ${formatUsd(w.drMonthlyCost)}`, change: 'new since the baseline', rto: formatDuration(w.rtoSeconds), rpo: formatDuration(w.rpoSeconds) };
    }
    return {
      name: w.name,
      strategy: b.strategyChanged ? `${b.strategy} → ${w.strategy}` : w.strategyName,
      cost: `${formatUsd(b.drMonthlyCost)} → ${formatUsd(w.drMonthlyCost)}`,
      change: `${formatUsdDelta(b.costDelta)} (${pctText(b.costDeltaPct)})`,
      rto: timeChangeText(b.rtoSeconds, w.rtoSeconds),
      rpo: timeChangeText(b.rpoSeconds, w.rpoSeconds),
    };
  });
}

/** Other strategies whose cost moved since the baseline (same strategy then and now), for the detail view. */
export function otherStrategyChanges(r: CheckReport): string[] {
  const out: string[] = [];
  for (const w of r.workloads) {
    if (w.baseline?.status !== 'compared') continue;
    for (const d of w.baseline.strategies) {
      if (d.id === w.strategy || (d.costDelta === 0 && d.rtoDeltaSeconds === 0 && d.rpoDeltaSeconds === 0)) continue;
      const name = w.strategies.find((s) => s.id === d.id)?.name ?? d.id;
      const sRto = w.strategies.find((s) => s.id === d.id)!;
      out.push(
        `${w.name}, ${name}: ${costChangeText(d.baselineDrMonthlyCost, d.drMonthlyCost, d.costDelta, d.costDeltaPct)}, ` +
          `RTO ${timeChangeText(sRto.rtoSeconds - d.rtoDeltaSeconds, sRto.rtoSeconds)}, RPO ${timeChangeText(sRto.rpoSeconds - d.rpoDeltaSeconds, sRto.rpoSeconds)}`,
      );
    }
  }
  return out;
}

/** "; at most 10% cost increase allowed" when --max-increase was given, else "". */
export function increaseLimitText(r: CheckReport): string {
  return r.baseline && r.baseline.maxIncreasePct !== null ? `; at most ${allowedIncreaseText(r.baseline.maxIncreasePct)} cost increase allowed` : '';
}

export function removedLine(r: CheckReport): string | null {
  const removed = r.baseline?.removed ?? [];
  if (removed.length === 0) return null;
  return `In the baseline but not checked now: ${removed.map((x) => (x.file ? `${x.name} (${escapeControl(x.file)})` : x.name)).join(', ')}.`;
}

/**
 * Every sentence of `dr-advisor check`: the words for a {@link CheckResult}'s figures (cheaper options, baseline
 * comparisons, the --max-increase violation), the failure line and the annotation sentence. `describeCheck` turns the
 * figures into the {@link CheckReport} that the renderers and `check --format json` take.
 */
import { baselineFigures, increaseFigures } from '../advisor/check/baseline';
import type {
  BaselineComparison, BaselineComparisonData, BaselineEntry, CheaperOption, CheaperOptionData, CheckReport, CheckResult, CheckViolation,
  CheckViolationData, WorkloadCheck, WorkloadCheckData,
} from '../advisor/check/types';
import { formatDuration, formatPct, formatUsd, formatUsdDelta } from '../text/format';

function signedDuration(seconds: number): string {
  if (seconds === 0) return '±0s';
  return `${seconds > 0 ? '+' : '-'}${formatDuration(Math.abs(seconds))}`;
}

/** "+12.5%", "-3.0%", "n/a" (from $0). */
export function pctText(pct: number | null): string {
  if (pct === null) return 'n/a';
  return `${pct > 0 ? '+' : ''}${formatPct(pct / 100, 1)}`;
}

/** "$250.00 → $298.69 (+$48.69, +19.5%)". */
export function costChangeText(before: number, after: number, delta: number, pct: number | null): string {
  return `${formatUsd(before)} → ${formatUsd(after)} (${formatUsdDelta(delta)}, ${pctText(pct)})`;
}

/** "52m → 32m (-20m)" or "52m (no change)". */
export function timeChangeText(before: number, after: number): string {
  if (before === after) return `${formatDuration(after)} (no change)`;
  return `${formatDuration(before)} → ${formatDuration(after)} (${signedDuration(after - before)})`;
}

/** "10%", "12.5%": the allowed increase as the user wrote it. */
export function allowedIncreaseText(maxIncreasePct: number): string {
  return formatPct(maxIncreasePct / 100, maxIncreasePct % 1 ? 1 : 0);
}

type Checked = Pick<WorkloadCheckData, 'name' | 'strategy' | 'strategyName' | 'drMonthlyCost' | 'rtoSeconds' | 'rpoSeconds'>;

function comparisonText(w: Checked, c: BaselineComparisonData): string {
  if (c.status === 'new') return `${w.name} is new since the baseline, so there is nothing to compare.`;
  return (
    `${c.strategyChanged ? `strategy ${c.strategy} → ${w.strategy}; ` : ''}DR cost ${costChangeText(c.drMonthlyCost, w.drMonthlyCost, c.costDelta, c.costDeltaPct)}, ` +
    `RTO ${timeChangeText(c.rtoSeconds, w.rtoSeconds)}, RPO ${timeChangeText(c.rpoSeconds, w.rpoSeconds)}`
  );
}

function describeComparison(w: Checked, c: BaselineComparisonData): BaselineComparison {
  return { ...c, message: comparisonText(w, c) };
}

/** A workload compared with its baseline entry, in words. */
export function compareWithBaseline(w: WorkloadCheckData | WorkloadCheck, entry: BaselineEntry | undefined): BaselineComparison {
  return describeComparison(w, baselineFigures(w, entry));
}

function increaseText(c: BaselineComparisonData, maxIncreasePct: number): string {
  if (c.status !== 'compared') return '';
  if (c.drMonthlyCost === 0) {
    return `DR cost rose from $0.00 to ${formatUsd(c.drMonthlyCost + c.costDelta)}/month since the baseline, more than the ${allowedIncreaseText(maxIncreasePct)} allowed increase`;
  }
  return `DR cost ${formatUsdDelta(c.costDelta)}/month (${pctText(c.costDeltaPct)}) since the baseline > ${allowedIncreaseText(maxIncreasePct)} allowed increase`;
}

/** The --max-increase violation, in words, if the checked strategy's DR cost rose by more than allowed. */
export function increaseViolation(c: BaselineComparisonData, maxIncreasePct: number): CheckViolation | null {
  const v = increaseFigures(c, maxIncreasePct);
  return v ? { ...v, message: increaseText(c, maxIncreasePct) } : null;
}

function cheaperText(w: Checked, c: CheaperOptionData): string {
  let message =
    `${c.name} also meets the targets for ${formatUsd(c.savingMonthly)}/month less than ${w.strategyName} ` +
    `(${formatUsd(c.drMonthlyCost)} vs ${formatUsd(w.drMonthlyCost)}; RTO ${formatDuration(c.rtoSeconds)}, RPO ${formatDuration(c.rpoSeconds)})`;
  if (c.annualCostIncrease !== null) message += `, though its longer recovery raises the expected total annual cost by ${formatUsd(c.annualCostIncrease)}`;
  return `${message}.`;
}

function describeViolation(w: WorkloadCheckData, v: CheckViolationData): CheckViolation {
  if (v.message !== undefined) return { ...v, message: v.message };
  return { ...v, message: w.baseline ? increaseText(w.baseline, v.limit) : '' };
}

function describeWorkload(w: WorkloadCheckData): WorkloadCheck {
  const cheaper: CheaperOption | null = w.cheaper
    ? { strategy: w.cheaper.strategy, name: w.cheaper.name, drMonthlyCost: w.cheaper.drMonthlyCost, savingMonthly: w.cheaper.savingMonthly, message: cheaperText(w, w.cheaper) }
    : null;
  return {
    ...w,
    violations: w.violations.map((v) => describeViolation(w, v)),
    cheaper,
    baseline: w.baseline ? describeComparison(w, w.baseline) : null,
  };
}

/** The check's figures in words: what every renderer, and `check --format json`, takes. */
export function describeCheck(r: CheckResult): CheckReport {
  return { ...r, workloads: r.workloads.map(describeWorkload) };
}

/** What a violation is about, in a word or two: "RTO", "RPO", "budget", "cost increase". */
export function violationLabel(v: Pick<CheckViolation, 'target'>): string {
  return v.target === 'maxMonthlyCost' ? 'budget' : v.target === 'maxIncrease' ? 'cost increase' : v.target.toUpperCase();
}

/** The one line for stderr (and the CheckFailed message) when the check fails. */
export function failureLine(r: CheckReport): string {
  const failing = r.workloads.filter((w) => !w.pass);
  const counted = `${r.summary.failed} of ${r.summary.workloads} workload${r.summary.workloads === 1 ? '' : 's'}`;
  // A --max-increase failure is not a broken DR target: say what failed.
  if (failing.every((w) => w.violations.every((v) => v.target !== 'maxIncrease'))) {
    return `check failed: ${counted} ${r.summary.failed === 1 ? 'breaks its' : 'break their'} DR targets (${failing.map((w) => w.name).join(', ')})`;
  }
  const what = failing.map((w) => `${w.name}: ${[...new Set(w.violations.map(violationLabel))].join(', ')}`);
  return `check failed: ${counted} ${r.summary.failed === 1 ? 'fails' : 'fail'} the DR check (${what.join('; ')})`;
}

/** The violation as one sentence naming the workload and strategy (annotations, the table's reasons). */
export function violationSentence(w: WorkloadCheck, v: CheckViolation): string {
  return `${w.name} (${w.strategyName}): ${v.message}`;
}

/**
 * `dr-advisor check` (issue 6), the pure part: from the estimate Reports of several workloads to one check result.
 * Picks each workload's strategy (--strategy > the workload's `strategy` > the recommended one), takes its target
 * violations, notes a cheaper strategy that meets the same targets (information, never a failure), and compares with
 * a baseline (a previous `check --format json`, or an `estimate --format json` for one workload). Every user-facing
 * sentence of the check is written here. No I/O, no clock.
 */
import { z } from 'zod';
import { InputError } from '../errors';
import { cents, formatDuration, formatPct, formatUsd, formatUsdDelta } from '../text/format';
import type { PriceSource } from '../pricing/types';
import type { Report, StrategyResult } from './types';

export type StrategySource = 'flag' | 'workload' | 'recommended';

export interface CheckViolation {
  target: 'rto' | 'rpo' | 'maxMonthlyCost' | 'maxIncrease';
  /** Seconds for rto/rpo, USD/month for maxMonthlyCost, percent for maxIncrease (null when the baseline was $0). */
  actual: number | null;
  limit: number;
  message: string;
}

/** A strategy's figures, kept per workload so that a later run can diff every strategy, not only the checked one. */
export interface StrategyFigures {
  id: string;
  name: string;
  drMonthlyCost: number;
  rtoSeconds: number;
  rpoSeconds: number;
  meetsTargets: boolean;
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

export type BaselineComparison =
  | { status: 'new'; message: string }
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
      message: string;
    };

export interface WorkloadCheck {
  name: string;
  file: string;
  strategy: string;
  strategyName: string;
  strategySource: StrategySource;
  recommended: string;
  drMonthlyCost: number;
  primaryMonthlyCost: number;
  rtoSeconds: number;
  rpoSeconds: number;
  costEstimated: boolean;
  targets: Report['targets'];
  pass: boolean;
  violations: CheckViolation[];
  cheaper: CheaperOption | null;
  baseline: BaselineComparison | null;
  strategies: StrategyFigures[];
}

export interface CheckReport {
  schemaVersion: 1;
  kind: 'dr-advisor-check';
  generatedAt: string;
  currency: 'USD';
  tool: { name: 'dr-advisor'; version: string };
  pass: boolean;
  summary: { workloads: number; passed: number; failed: number; new: number };
  strategyOverride: string | null;
  baseline: { file: string; maxIncreasePct: number | null; removed: { name: string; file: string | null }[] } | null;
  pricing: { source: PriceSource | 'mixed' | 'none'; asOf: string; oldestAsOf: string; estimatedLineItems: number };
  workloads: WorkloadCheck[];
}

// ---- wording ------------------------------------------------------------------------------------------------------

export const STRATEGY_SOURCE_TEXT: Record<StrategySource, string> = {
  flag: 'set by --strategy',
  workload: 'the workload’s `strategy`',
  recommended: 'recommended; the workload names no `strategy`',
};

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

// ---- one workload -------------------------------------------------------------------------------------------------

export interface CheckInput {
  report: Report;
  /** The workload file as the user named it (after glob expansion). */
  file: string;
  /** --strategy, already validated. */
  strategyOverride?: string;
}

function figures(s: StrategyResult): StrategyFigures {
  return { id: s.id, name: s.name, drMonthlyCost: s.drMonthlyCost, rtoSeconds: s.rtoSeconds, rpoSeconds: s.rpoSeconds, meetsTargets: s.meetsTargets };
}

/** The cheapest strategy that meets the same RTO/RPO targets (and budget) for less than the checked one. */
export function cheaperOption(report: Report, chosen: StrategyResult): CheaperOption | null {
  // With no RTO or RPO target every strategy "meets the targets"; saying backup-restore is cheaper would mislead.
  if (report.targets.rtoSeconds === null && report.targets.rpoSeconds === null) return null;
  const cheaper = report.strategies
    .filter((s) => s.id !== chosen.id && s.meetsTargets && s.drMonthlyCost < chosen.drMonthlyCost)
    .sort((a, b) => a.drMonthlyCost - b.drMonthlyCost)[0];
  if (!cheaper) return null;
  const saving = cents(chosen.drMonthlyCost - cheaper.drMonthlyCost);
  let message =
    `${cheaper.name} also meets the targets for ${formatUsd(saving)}/month less than ${chosen.name} ` +
    `(${formatUsd(cheaper.drMonthlyCost)} vs ${formatUsd(chosen.drMonthlyCost)}; RTO ${formatDuration(cheaper.rtoSeconds)}, RPO ${formatDuration(cheaper.rpoSeconds)})`;
  if (cheaper.totalAnnualCost !== null && chosen.totalAnnualCost !== null && cheaper.totalAnnualCost > chosen.totalAnnualCost) {
    message += `, though its longer recovery raises the expected total annual cost by ${formatUsd(cents(cheaper.totalAnnualCost - chosen.totalAnnualCost))}`;
  }
  return { strategy: cheaper.id, name: cheaper.name, drMonthlyCost: cheaper.drMonthlyCost, savingMonthly: saving, message: `${message}.` };
}

/** Evaluates one workload's chosen strategy against its targets (flags already folded into the report's targets). */
export function checkWorkload(input: CheckInput): WorkloadCheck {
  const { report, file } = input;
  const source: StrategySource = input.strategyOverride ? 'flag' : report.workload.strategy ? 'workload' : 'recommended';
  const id = input.strategyOverride ?? report.workload.strategy ?? report.recommendation.strategy;
  const chosen = report.strategies.find((s) => s.id === id);
  if (!chosen) throw new InputError(`strategy must be one of ${report.strategies.map((s) => s.id).join(', ')} (got ${JSON.stringify(id)})`);
  const violations: CheckViolation[] = chosen.violations.map((v) => ({ target: v.target, actual: v.actual, limit: v.limit, message: v.message }));
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
    costEstimated: chosen.costEstimated,
    targets: report.targets,
    pass: violations.length === 0,
    violations,
    cheaper: cheaperOption(report, chosen),
    baseline: null,
    strategies: report.strategies.map(figures),
  };
}

// ---- baseline -----------------------------------------------------------------------------------------------------

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

const num = z.number({ error: 'must be a number' }).refine(Number.isFinite, { error: 'must be a number' });
const figuresSchema = z.looseObject({ id: z.string({ error: 'must be a strategy id' }), drMonthlyCost: num, rtoSeconds: num, rpoSeconds: num });
const checkDocSchema = z.looseObject({
  schemaVersion: z.literal(1, { error: 'must be 1' }),
  kind: z.literal('dr-advisor-check'),
  workloads: z.array(
    z.looseObject({
      name: z.string({ error: 'must be text' }),
      file: z.string({ error: 'must be text' }).nullable(),
      strategy: z.string({ error: 'must be a strategy id' }),
      drMonthlyCost: num,
      rtoSeconds: num,
      rpoSeconds: num,
      strategies: z.array(figuresSchema).optional(),
    }),
    { error: 'must be a list' },
  ),
});
const estimateDocSchema = z.looseObject({
  schemaVersion: z.literal(1, { error: 'must be 1' }),
  workload: z.looseObject({ name: z.string({ error: 'must be text' }), strategy: z.string().optional() }),
  strategies: z.array(figuresSchema, { error: 'must be a list' }).min(1, { error: 'must not be empty' }),
  recommendation: z.looseObject({ strategy: z.string({ error: 'must be a strategy id' }) }),
});

function issueText(err: z.ZodError, doc: unknown): string {
  const issue = err.issues[0];
  const path = issue.path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('').replace(/^\./, '');
  let got: unknown = doc;
  for (const p of issue.path) got = got !== null && typeof got === 'object' ? (got as Record<PropertyKey, unknown>)[p as PropertyKey] : undefined;
  const gotText = got === undefined ? 'nothing' : JSON.stringify(got)?.slice(0, 60);
  return `${path || 'document'} ${issue.message} (got ${gotText})`;
}

/**
 * Reads a baseline document: a previous `check --format json` (`kind: "dr-advisor-check"`), or an
 * `estimate --format json` (one workload; its strategy is the workload's `strategy`, else the recommended one).
 */
export function parseBaseline(doc: unknown, source: string): BaselineEntry[] {
  const isObject = doc !== null && typeof doc === 'object' && !Array.isArray(doc);
  const o = (isObject ? doc : {}) as Record<string, unknown>;
  if (isObject && o.kind === 'dr-advisor-check') {
    const r = checkDocSchema.safeParse(doc);
    if (!r.success) throw new InputError(`${source}: ${issueText(r.error, doc)}`);
    return r.data.workloads.map((w) => {
      const strategies = (w.strategies ?? []).map((s) => ({ id: s.id, drMonthlyCost: s.drMonthlyCost, rtoSeconds: s.rtoSeconds, rpoSeconds: s.rpoSeconds }));
      return { name: w.name, file: w.file, strategy: w.strategy, drMonthlyCost: w.drMonthlyCost, rtoSeconds: w.rtoSeconds, rpoSeconds: w.rpoSeconds, strategies };
    });
  }
  if (isObject && 'workload' in o && 'strategies' in o) {
    const r = estimateDocSchema.safeParse(doc);
    if (!r.success) throw new InputError(`${source}: ${issueText(r.error, doc)}`);
    const d = r.data;
    const id = d.workload.strategy ?? d.recommendation.strategy;
    const chosen = d.strategies.find((s) => s.id === id);
    if (!chosen) throw new InputError(`${source}: strategies has no entry for ${JSON.stringify(id)}, the workload's strategy`);
    const strategies = d.strategies.map((s) => ({ id: s.id, drMonthlyCost: s.drMonthlyCost, rtoSeconds: s.rtoSeconds, rpoSeconds: s.rpoSeconds }));
    return [{ name: d.workload.name, file: null, strategy: id, drMonthlyCost: chosen.drMonthlyCost, rtoSeconds: chosen.rtoSeconds, rpoSeconds: chosen.rpoSeconds, strategies }];
  }
  throw new InputError(
    `${source}: not a dr-advisor JSON output; --baseline takes the output of \`dr-advisor check --format json\` or \`dr-advisor estimate --format json\``,
  );
}

/**
 * The baseline entry for a workload: same file and name; else the same name in a file whose path ends with this one
 * (a baseline run over another checkout, e.g. `-f "$BASE/services/*\/dr.yaml"`); else the only entry with that name
 * (an `estimate` baseline, or a moved file).
 */
export function matchBaseline(w: Pick<WorkloadCheck, 'name' | 'file'>, entries: readonly BaselineEntry[]): BaselineEntry | undefined {
  const exact = entries.find((e) => e.file === w.file && e.name === w.name);
  if (exact) return exact;
  const rel = w.file.replace(/^\.\//, '');
  const suffix = entries.filter((e) => e.name === w.name && e.file !== null && e.file.endsWith(`/${rel}`));
  if (suffix.length === 1) return suffix[0];
  const byName = entries.filter((e) => e.name === w.name);
  return byName.length === 1 ? byName[0] : undefined;
}

function pctOf(delta: number, before: number): number | null {
  if (before === 0) return delta === 0 ? 0 : null;
  return Math.round((delta / before) * 10000) / 100;
}

export function compareWithBaseline(w: WorkloadCheck, entry: BaselineEntry | undefined): BaselineComparison {
  if (!entry) return { status: 'new', message: `${w.name} is new since the baseline, so there is nothing to compare.` };
  const costDelta = cents(w.drMonthlyCost - entry.drMonthlyCost);
  const costDeltaPct = pctOf(costDelta, entry.drMonthlyCost);
  const strategies: StrategyDelta[] = [];
  for (const now of w.strategies) {
    const then = entry.strategies.find((s) => s.id === now.id);
    if (!then) continue;
    const d = cents(now.drMonthlyCost - then.drMonthlyCost);
    strategies.push({
      id: now.id, baselineDrMonthlyCost: then.drMonthlyCost, drMonthlyCost: now.drMonthlyCost, costDelta: d, costDeltaPct: pctOf(d, then.drMonthlyCost),
      rtoDeltaSeconds: now.rtoSeconds - then.rtoSeconds, rpoDeltaSeconds: now.rpoSeconds - then.rpoSeconds,
    });
  }
  const changed = entry.strategy !== w.strategy;
  const message =
    `${changed ? `strategy ${entry.strategy} → ${w.strategy}; ` : ''}DR cost ${costChangeText(entry.drMonthlyCost, w.drMonthlyCost, costDelta, costDeltaPct)}, ` +
    `RTO ${timeChangeText(entry.rtoSeconds, w.rtoSeconds)}, RPO ${timeChangeText(entry.rpoSeconds, w.rpoSeconds)}`;
  return {
    status: 'compared', strategy: entry.strategy, strategyChanged: changed,
    drMonthlyCost: entry.drMonthlyCost, rtoSeconds: entry.rtoSeconds, rpoSeconds: entry.rpoSeconds,
    costDelta, costDeltaPct, rtoDeltaSeconds: w.rtoSeconds - entry.rtoSeconds, rpoDeltaSeconds: w.rpoSeconds - entry.rpoSeconds,
    strategies, message,
  };
}

/** The --max-increase violation, if the checked strategy's DR cost rose by more than `maxIncreasePct` percent. */
export function increaseViolation(c: BaselineComparison, maxIncreasePct: number): CheckViolation | null {
  if (c.status !== 'compared' || c.costDelta <= 0) return null;
  if (c.drMonthlyCost === 0) {
    return {
      target: 'maxIncrease', actual: null, limit: maxIncreasePct,
      message: `DR cost rose from $0.00 to ${formatUsd(c.drMonthlyCost + c.costDelta)}/month since the baseline, more than the ${formatPct(maxIncreasePct / 100, maxIncreasePct % 1 ? 1 : 0)} allowed increase`,
    };
  }
  const pct = (c.costDelta / c.drMonthlyCost) * 100;
  if (pct <= maxIncreasePct + 1e-9) return null;
  return {
    target: 'maxIncrease', actual: c.costDeltaPct, limit: maxIncreasePct,
    message: `DR cost ${formatUsdDelta(c.costDelta)}/month (${pctText(c.costDeltaPct)}) since the baseline > ${formatPct(maxIncreasePct / 100, maxIncreasePct % 1 ? 1 : 0)} allowed increase`,
  };
}

// ---- the whole run ------------------------------------------------------------------------------------------------

export interface CheckRunOptions {
  generatedAt: string;
  version: string;
  strategyOverride?: string;
  baseline?: { file: string; entries: BaselineEntry[]; maxIncreasePct?: number };
}

/** All workloads → one check report. `inputs` are in the order the files were given (globs expanded and sorted). */
export function runCheck(inputs: readonly CheckInput[], opts: CheckRunOptions): CheckReport {
  const workloads = inputs.map((i) => checkWorkload({ ...i, ...(opts.strategyOverride ? { strategyOverride: opts.strategyOverride } : {}) }));
  let removed: { name: string; file: string | null }[] = [];
  if (opts.baseline) {
    const used = new Set<BaselineEntry>();
    for (const w of workloads) {
      const entry = matchBaseline(w, opts.baseline.entries);
      if (entry) used.add(entry);
      w.baseline = compareWithBaseline(w, entry);
      if (opts.baseline.maxIncreasePct !== undefined) {
        const v = increaseViolation(w.baseline, opts.baseline.maxIncreasePct);
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
      estimatedLineItems: reports.reduce((n, r) => n + r.pricing.estimatedLineItems, 0),
    },
    workloads,
  };
}

/** The one line for stderr (and the CheckFailed message) when the check fails. */
export function failureLine(r: CheckReport): string {
  const names = r.workloads.filter((w) => !w.pass).map((w) => w.name);
  return `check failed: ${r.summary.failed} of ${r.summary.workloads} workload${r.summary.workloads === 1 ? '' : 's'} ${r.summary.failed === 1 ? 'breaks its' : 'break their'} DR targets (${names.join(', ')})`;
}

/** The violation as one sentence naming the workload and strategy (annotations, the table's reasons). */
export function violationSentence(w: WorkloadCheck, v: CheckViolation): string {
  return `${w.name} (${w.strategyName}): ${v.message}`;
}

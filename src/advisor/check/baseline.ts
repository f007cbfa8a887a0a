/**
 * The baseline of `check --baseline FILE`: reading it (a previous `check --format json`, or an `estimate --format
 * json` for one workload), finding each workload's entry, and the figures of the comparison. Pure; words are in
 * report/check-text.ts.
 */
import { z } from 'zod';
import { InputError } from '../../errors';
import { cents } from '../../text/format';
import type { BaselineComparisonData, BaselineEntry, CheckViolationData, StrategyDelta, WorkloadCheckData } from './types';

// Costs and times in a baseline are never negative: a negative figure is a hand-edited or corrupt file (issue 15).
const num = z
  .number({ error: 'must be a number' })
  .refine(Number.isFinite, { error: 'must be a number' })
  .refine((v) => v >= 0, { error: 'must be a number ≥ 0' });
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
export function matchBaseline(w: Pick<WorkloadCheckData, 'name' | 'file'>, entries: readonly BaselineEntry[]): BaselineEntry | undefined {
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

/** The figures of the comparison of a workload with its baseline entry (none: the workload is new). */
export function baselineFigures(w: Pick<WorkloadCheckData, 'strategy' | 'drMonthlyCost' | 'rtoSeconds' | 'rpoSeconds' | 'strategies'>, entry: BaselineEntry | undefined): BaselineComparisonData {
  if (!entry) return { status: 'new' };
  const costDelta = cents(w.drMonthlyCost - entry.drMonthlyCost);
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
  return {
    status: 'compared', strategy: entry.strategy, strategyChanged: entry.strategy !== w.strategy,
    drMonthlyCost: entry.drMonthlyCost, rtoSeconds: entry.rtoSeconds, rpoSeconds: entry.rpoSeconds,
    costDelta, costDeltaPct: pctOf(costDelta, entry.drMonthlyCost), rtoDeltaSeconds: w.rtoSeconds - entry.rtoSeconds, rpoDeltaSeconds: w.rpoSeconds - entry.rpoSeconds,
    strategies,
  };
}

/** The --max-increase violation, if the checked strategy's DR cost rose by more than `maxIncreasePct` percent. */
export function increaseFigures(c: BaselineComparisonData, maxIncreasePct: number): CheckViolationData | null {
  if (c.status !== 'compared' || c.costDelta <= 0) return null;
  if (c.drMonthlyCost === 0) return { target: 'maxIncrease', actual: null, limit: maxIncreasePct };
  const pct = (c.costDelta / c.drMonthlyCost) * 100;
  if (pct <= maxIncreasePct + 1e-9) return null;
  return { target: 'maxIncrease', actual: c.costDeltaPct, limit: maxIncreasePct };
}

/**
 * The one pipeline that `estimate`, the wizard and `check` share: plan every workload, resolve every distinct price
 * key in ONE PriceBook call (a key shared by 1,000 files is asked for once), and evaluate each plan with the core.
 * The pricing diagnostics come back to the caller, which decides when to print them (after a spinner, or at once);
 * their texts are also each report's `pricing.warnings`.
 */
import { evaluate, type EvaluateOptions } from '../advisor/evaluate';
import { planEstimate, type EstimatePlan } from '../advisor/plan';
import type { Report } from '../advisor/types';
import { requirePrices, type PricingOptions } from '../pricing/index';
import { distinctKeys } from '../pricing/keys';
import { readFileSync } from 'node:fs';
import { dataPath } from '../data-path';
import { SimulationCache } from '../recovery/montecarlo';
import { usePrecomputedTables } from '../recovery/tables';
import type { Diagnostic, Price, PriceBook, PriceKey } from '../pricing/types';
import type { Workload } from '../workload/validate';
import { VERSION } from '../version';
import { createPriceBook } from './inputs';

/** Monte Carlo defaults when no --samples / --seed is given (the estimate flags default to the same values). */
export const DEFAULT_SAMPLES = 10_000;
export const DEFAULT_SEED = 1;

export interface EvaluateRun {
  generatedAt: string;
  samples: number;
  seed: number;
}

let tablesRead = false;
/**
 * The Monte Carlo's precomputed tables (data/mc-tables.bin, see src/recovery/tables.ts), read once before the first
 * evaluation. A missing or unreadable file only means the tables are built as they are needed.
 */
export function readMonteCarloTables(): void {
  if (tablesRead) return;
  tablesRead = true;
  try {
    usePrecomputedTables(readFileSync(dataPath('mc-tables.bin')));
  } catch {
    /* built on demand instead */
  }
}

/** Prices every plan from one resolution and evaluates each; each item comes back with its report. */
export async function evaluatePlans<T extends { plan: EstimatePlan }>(
  items: readonly T[],
  book: PriceBook,
  run: EvaluateRun,
): Promise<{ items: (T & { report: Report })[]; diagnostics: Diagnostic[] }> {
  const out: (T & { report: Report })[] = [];
  let diagnostics: Diagnostic[] = [];
  await evaluateEach(
    distinctKeys(items.flatMap((i) => i.plan.keys)),
    items.map((i) => () => i.plan),
    book,
    run,
    (d) => (diagnostics = d),
    (report, i) => out.push({ ...items[i], report }),
  );
  return { items: out, diagnostics };
}

/**
 * `check`'s streaming form of {@link evaluatePlans}: one resolution for `keys` (the distinct keys of every plan, in
 * the order first met), then each plan is made (`plans[i]()`), evaluated and handed to `each` with its report, and
 * its slot cleared, so that neither the plan nor the report outlives its turn (what the caller keeps of them is up to
 * it). The pricing diagnostics go to `priced` before the first evaluation.
 */
export async function evaluateEach(
  keys: readonly PriceKey[],
  plans: ((() => EstimatePlan) | null)[],
  book: PriceBook,
  run: EvaluateRun,
  priced: (diagnostics: Diagnostic[]) => void,
  each: (report: Report, index: number) => void,
): Promise<void> {
  return evaluateEachWith(evaluate, keys, plans, book, run, priced, each);
}

/** {@link evaluateEach} with another evaluation of the same plans and prices (`check`: evaluateForCheck). */
export async function evaluateEachWith<R>(
  evaluator: (plan: EstimatePlan, prices: ReadonlyMap<string, Price>, opts: EvaluateOptions) => R,
  keys: readonly PriceKey[],
  plans: ((() => EstimatePlan) | null)[],
  book: PriceBook,
  run: EvaluateRun,
  priced: (diagnostics: Diagnostic[]) => void,
  each: (report: R, index: number) => void,
): Promise<void> {
  const resolution = await book.resolve(keys);
  const prices = requirePrices(resolution);
  const warnings = resolution.diagnostics.map((d) => d.text);
  priced(resolution.diagnostics);
  readMonteCarloTables();
  // One cache of simulations for every plan: files with the same phases and assumption values simulate once.
  const cache = new SimulationCache();
  for (let i = 0; i < plans.length; i++) {
    const plan = plans[i];
    if (!plan) continue;
    plans[i] = null;
    each(evaluator(plan(), prices, { generatedAt: run.generatedAt, version: VERSION, samples: run.samples, seed: run.seed, warnings, cache }), i);
  }
}

export interface EstimateRun {
  samples?: number;
  seed?: number;
  /** Price and time the variants for the frontier (default true). */
  variants?: boolean;
  /** Clock for `generatedAt`; default now. */
  now?: () => Date;
}

export interface EstimateResult {
  report: Report;
  /** The pricing diagnostics, for `printPricingDiagnostics` (their texts are `report.pricing.warnings`). */
  diagnostics: Diagnostic[];
}

/** "Estimate this workload → Report" (estimate and the wizard). */
export async function estimateReport(workload: Workload, pricing: PricingOptions, run: EstimateRun = {}): Promise<EstimateResult> {
  const plan = planEstimate(workload, { variants: run.variants ?? true });
  const { items, diagnostics } = await evaluatePlans([{ plan }], await createPriceBook(pricing), {
    generatedAt: (run.now ?? (() => new Date()))().toISOString(),
    samples: run.samples ?? DEFAULT_SAMPLES,
    seed: run.seed ?? DEFAULT_SEED,
  });
  return { report: items[0].report, diagnostics };
}

/**
 * The core pipeline over many workload files, in one process (bundled and run by bench/scale.mjs): load + validate
 * each file, plan each, resolve the distinct price keys of ALL the plans in one PriceBook.resolve() call, evaluate
 * each. Counts the keys the book was asked for against the lines priced, to show that a price is resolved once per
 * distinct key, not once per file.
 */
import { evaluate } from '../src/advisor/evaluate';
import { planEstimate } from '../src/advisor/plan';
import { loadWorkload } from '../src/cli/inputs';
import { distinctKeys } from '../src/pricing/keys';
import { requirePrices } from '../src/pricing/index';
import { createSnapshotPriceBook } from '../src/pricing/snapshot/book';
import type { PriceBook, PriceKey } from '../src/pricing/types';

export interface ScaleResult {
  files: number;
  keysPlanned: number;
  distinctKeys: number;
  resolveCalls: number;
  keysRequested: number;
  linesPriced: number;
  ms: { load: number; plan: number; resolve: number; evaluate: number; total: number };
}

export async function runScale(files: readonly string[], samples: number): Promise<ScaleResult> {
  const t0 = performance.now();
  const workloads = files.map((file) => loadWorkload({ file }));
  const t1 = performance.now();
  const plans = workloads.map((w) => planEstimate(w));
  const t2 = performance.now();
  const inner = createSnapshotPriceBook();
  let resolveCalls = 0;
  let keysRequested = 0;
  const book: PriceBook = {
    name: 'counting',
    resolve(keys: readonly PriceKey[]) {
      resolveCalls++;
      keysRequested += keys.length;
      return inner.resolve(keys);
    },
  };
  const all = plans.flatMap((p) => p.keys);
  const resolution = await book.resolve(distinctKeys(all));
  const prices = requirePrices(resolution);
  const warnings = resolution.diagnostics.map((d) => d.text);
  const t3 = performance.now();
  let linesPriced = 0;
  for (const plan of plans) {
    const report = evaluate(plan, prices, { generatedAt: '2026-11-25T00:00:00.000Z', version: 'bench', samples, seed: 1, warnings });
    for (const s of [...report.strategies, ...(report.variants ?? [])]) linesPriced += s.lineItems.length;
  }
  const t4 = performance.now();
  return {
    files: files.length,
    keysPlanned: all.length,
    distinctKeys: prices.size,
    resolveCalls,
    keysRequested,
    linesPriced,
    ms: { load: t1 - t0, plan: t2 - t1, resolve: t3 - t2, evaluate: t4 - t3, total: t4 - t0 },
  };
}

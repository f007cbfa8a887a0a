/**
 * Where check's time goes over many workload files, in one process (bundled and run by `bench/scale.mjs --stages`):
 * read + parse + validate each file, plan it, resolve the distinct keys of all plans in one PriceBook call, then plan
 * each again and evaluate it, keeping only its check row — the stages of `dr-advisor check` (src/cli/commands/check.ts).
 */
import { checkRow, newPricingTally } from '../src/advisor/check/run';
import { evaluateForCheck } from '../src/advisor/evaluate';
import { planEstimate, type EstimatePlan } from '../src/advisor/plan';
import { loadWorkload } from '../src/cli/inputs';
import { readMonteCarloTables } from '../src/cli/pipeline';
import { distinctKeys } from '../src/pricing/keys';
import { requirePrices } from '../src/pricing/index';
import { createSnapshotPriceBook } from '../src/pricing/snapshot/book';
import { SimulationCache } from '../src/recovery/montecarlo';
import type { Workload } from '../src/workload/validate';

export { generatedWorkload } from './scale-workloads';

export interface StageTimes {
  files: number;
  distinctKeys: number;
  simulations: number;
  cacheHits: number;
  ms: { load: number; plan: number; resolve: number; replan: number; evaluate: number; total: number };
}

export async function runStages(files: readonly string[], samples: number): Promise<StageTimes> {
  const ms = { load: 0, plan: 0, resolve: 0, replan: 0, evaluate: 0, total: 0 };
  const t0 = performance.now();
  const workloads: Workload[] = [];
  const keys = [];
  for (const file of files) {
    const a = performance.now();
    const w = loadWorkload({ file });
    const b = performance.now();
    keys.push(...planEstimate(w, { variants: w.strategy === undefined }).keys);
    ms.load += b - a;
    ms.plan += performance.now() - b;
    workloads.push(w);
  }
  let t = performance.now();
  const distinct = distinctKeys(keys);
  const prices = requirePrices(await createSnapshotPriceBook().resolve(distinct));
  readMonteCarloTables();
  ms.resolve = performance.now() - t;
  const cache = new SimulationCache();
  const tally = newPricingTally();
  workloads.forEach((w, i) => {
    t = performance.now();
    const plan: EstimatePlan = planEstimate(w, { variants: w.strategy === undefined });
    const u = performance.now();
    const report = evaluateForCheck(plan, prices, { generatedAt: '2026-11-25T00:00:00.000Z', version: 'bench', samples, seed: 1, cache });
    checkRow({ file: files[i], report }, tally);
    ms.replan += u - t;
    ms.evaluate += performance.now() - u;
  });
  ms.total = performance.now() - t0;
  return { files: files.length, distinctKeys: distinct.length, simulations: cache.size, cacheHits: cache.hits, ms };
}

/**
 * The Monte Carlo tables to precompute (bundled and run by scripts/mc-tables.mjs, and by test/core/mc-tables.test.ts):
 * every shape of the default assumptions, and every shape the bundled examples' estimates and checks draw from.
 */
import { evaluate } from '../src/advisor/evaluate';
import { planEstimate } from '../src/advisor/plan';
import { ASSUMPTION_NAMES, ASSUMPTIONS, type AssumptionDef } from '../src/model/assumptions';
import { requirePrices } from '../src/pricing/index';
import { createSnapshotPriceBook } from '../src/pricing/snapshot/book';
import { compileDraw } from '../src/recovery/montecarlo';
import { builtTables, encodeTables, type BuiltTable } from '../src/recovery/tables';
import { exampleNames, loadExample } from '../src/workload/load';

/** Runs what builds the tables (a table already decoded from tables.generated.ts is not built again). */
export async function exerciseTables(): Promise<void> {
  for (const name of ASSUMPTION_NAMES) {
    const d: AssumptionDef = ASSUMPTIONS[name];
    const dist = d.dist ?? { shape: 'pert' as const };
    compileDraw(dist.shape, d.low, d.value, d.high, 1, name, dist.shape === 'lognormal' ? dist.boundQuantile : undefined);
  }
  const book = createSnapshotPriceBook();
  for (const example of exampleNames()) {
    for (const variants of [true, false]) {
      const plan = planEstimate(loadExample(example), { variants });
      const prices = requirePrices(await book.resolve(plan.keys));
      evaluate(plan, prices, { generatedAt: '2026-01-01T00:00:00.000Z', version: 'tables', samples: 16, seed: 1 });
    }
  }
}

/** The tables this process built, by key. */
export function built(): BuiltTable[] {
  return [...builtTables];
}

/** data/mc-tables.bin for the given tables, sorted by key. */
export function tablesFile(tables: readonly BuiltTable[]): Uint8Array {
  return encodeTables([...tables].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)));
}

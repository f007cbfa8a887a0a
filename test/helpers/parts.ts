/**
 * Random multi-part workloads for property tests (issue 14): 1–4 named compute tiers and 0–3 named data stores, each
 * with its own instance type, size and engine, in the list form of the workload file.
 */
import fc from 'fast-check';

const TYPES = ['m5.large', 'm5.xlarge', 'c5.large', 'c5.xlarge', 't3.medium', 'r5.large', 'm6g.large'];
const ENGINES = ['aurora-mysql', 'aurora-postgresql', 'mysql', 'postgres', 'dynamodb'] as const;

const tier = fc.record({
  instanceType: fc.constantFrom(...TYPES),
  count: fc.integer({ min: 1, max: 40 }),
  ebsGbPerInstance: fc.integer({ min: 0, max: 500 }),
  ebsVolumesPerInstance: fc.integer({ min: 1, max: 4 }),
});

const store = fc
  .record({
    engine: fc.constantFrom(...ENGINES),
    storageGb: fc.integer({ min: 0, max: 12000 }),
    multiAz: fc.boolean(),
    writes: fc.integer({ min: 0, max: 2000 }),
  })
  .map((s) =>
    s.engine === 'dynamodb'
      ? { engine: s.engine, storageGb: s.storageGb, writesPerSecond: s.writes, readsPerSecond: s.writes * 4 }
      : { engine: s.engine, storageGb: s.storageGb, multiAz: s.multiAz },
  );

/** `compute` and `database` in the list form: parts named tier-1…, store-1…. */
export const partsArbitrary = fc
  .record({ tiers: fc.array(tier, { minLength: 1, maxLength: 4 }), stores: fc.array(store, { minLength: 0, maxLength: 3 }) })
  .map(({ tiers, stores }) => ({
    compute: tiers.map((t, i) => ({ name: `tier-${i + 1}`, ...t })),
    database: stores.map((s, i) => ({ name: `store-${i + 1}`, ...s })),
  }));

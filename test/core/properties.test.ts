/**
 * Properties over random valid workloads (style.md §5): line items sum to totals, no price is zero or NaN, RTO never
 * gets worse from backup & restore to active-active, warm standby costs more than pilot light, and replication beats
 * backups on RPO. Priced from the bundled snapshot, in process. The same over random workloads of several parts (issue
 * 14), whose every line item of a part names it.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluate } from '../../src/advisor/evaluate';
import { planEstimate } from '../../src/advisor/plan';
import { createSnapshotPriceBook } from '../../src/pricing/snapshot/book';
import { REGION_CODES } from '../../src/model/regions';
import { documentOf, validateWorkload, type Workload } from '../../src/workload/validate';
import { partsArbitrary } from '../helpers/parts';

const TYPES = ['m5.large', 'm5.xlarge', 'm6i.large', 'c5.large', 't3.medium', 'r5.large', 'm6g.large'];
const region = fc.constantFrom(...REGION_CODES);
const workload = fc
  .record({
    primary: region,
    dr: region,
    extra: fc.subarray([...REGION_CODES], { maxLength: 2 }),
    instanceType: fc.constantFrom(...TYPES),
    count: fc.integer({ min: 1, max: 40 }),
    ebs: fc.integer({ min: 0, max: 500 }),
    engine: fc.constantFrom('aurora-mysql', 'aurora-postgresql', 'mysql', 'postgres', 'dynamodb', 'none'),
    storageGb: fc.integer({ min: 0, max: 20000 }),
    writes: fc.integer({ min: 0, max: 2000 }),
    s3: fc.integer({ min: 0, max: 100000 }),
    // Non-zero quantities below 0.001 are refused by the schema (MIN_NONZERO).
    change: fc.double({ min: 0, max: 500, noNaN: true }).map((v) => (v < 0.001 ? 0 : v)),
    routing: fc.constantFrom('route53', 'global-accelerator'),
    ttl: fc.integer({ min: 0, max: 3600 }),
    detection: fc.constantFrom('manual', 'automated'),
    decision: fc.constantFrom('manual', 'automated'),
    capacity: fc.double({ min: 0.05, max: 1, noNaN: true }),
    pitr: fc.boolean(),
    multiAz: fc.boolean(),
    backupHours: fc.integer({ min: 1, max: 168 }),
  })
  .filter((x) => x.primary !== x.dr)
  .map((x) =>
    validateWorkload({
      regions: { primary: x.primary, dr: x.dr, additional: x.extra.filter((r) => r !== x.primary && r !== x.dr) },
      compute: { instanceType: x.instanceType, count: x.count, ebsGbPerInstance: x.ebs },
      database: x.engine === 'dynamodb' ? { engine: x.engine, storageGb: x.storageGb, writesPerSecond: x.writes, readsPerSecond: x.writes * 4 } : { engine: x.engine, storageGb: x.storageGb, multiAz: x.multiAz },
      objectStorage: { storageGb: x.s3 },
      dataChangeGbPerDay: x.change,
      network: { failoverRouting: x.routing, dnsTtlSeconds: x.ttl, egressGbPerMonth: 100 },
      operations: { detection: x.detection, failoverDecision: x.decision, warmStandbyCapacity: x.capacity, pointInTimeRecovery: x.pitr, backupIntervalHours: x.backupHours },
      targets: { rto: '1h', rpo: '15m' },
      business: { downtimeCostPerHour: 10000 },
    }),
  );

const book = createSnapshotPriceBook();

/** The properties every estimate keeps, single-part or not. */
async function holds(w: Workload): Promise<void> {
  const plan = planEstimate(w);
  const { prices } = await book.resolve(plan.keys);
  const r = evaluate(plan, prices, { generatedAt: 'x', version: 'test', samples: 50, seed: 1 });
  const [br, pl, ws, aa] = r.strategies;
  for (const s of r.strategies) {
    const sum = s.lineItems.reduce((a, i) => a + i.monthlyCost, 0);
    expect(Math.abs(sum - s.drMonthlyCost)).toBeLessThanOrEqual(0.005 * s.lineItems.length + 1e-9);
    for (const i of s.lineItems) {
      expect(Number.isFinite(i.monthlyCost)).toBe(true);
      expect(i.unitPrice).toBeGreaterThan(0);
    }
    expect(Number.isFinite(s.rtoSeconds) && s.rtoSeconds > 0).toBe(true);
    expect(s.rto.p50).toBeLessThanOrEqual(s.rto.p99);
    // totals are computed before rounding to cents: 12 × a half-cent, plus the four roundings (loss, failovers, drills, total)
    const parts = 12 * s.drMonthlyCost + s.expectedAnnualLoss! + s.annual.failoverEvents + s.annual.drills;
    expect(Math.abs(s.totalAnnualCost! - parts)).toBeLessThanOrEqual(0.06 + 0.02 + 1e-9);
  }
  expect(br.rtoSeconds).toBeGreaterThan(pl.rtoSeconds);
  expect(pl.rtoSeconds).toBeGreaterThan(ws.rtoSeconds);
  expect(ws.rtoSeconds).toBeGreaterThan(aa.rtoSeconds);
  expect(ws.drMonthlyCost).toBeGreaterThan(pl.drMonthlyCost);
  expect(aa.rpoSeconds).toBeLessThanOrEqual(ws.rpoSeconds);
  expect(pl.rpoSeconds).toBeLessThanOrEqual(br.rpoSeconds);
  expect(r.recommendation.rejected).toHaveLength(3);
  // A part's lines, phases and RPO sources name it, and only named parts are named.
  const names = new Set([...w.tiers, ...w.stores].filter((p) => p.named).map((p) => p.name));
  for (const i of [...r.primaryLineItems, ...r.strategies.flatMap((s) => s.lineItems)]) {
    if (i.part === undefined) continue;
    expect(names.has(i.part)).toBe(true);
    expect(i.component).toContain(i.part);
  }
  for (const s of r.strategies) for (const p of [...s.phases, ...s.rpoSources]) if (p.part !== undefined) expect(names.has(p.part)).toBe(true);
  // Every tier runs in the primary region, every store has its lines there.
  for (const t of w.tiers) expect(r.primaryLineItems.some((i) => i.component.startsWith(`App servers (${t.named ? `${t.name}, ` : ''}${t.instanceType})`))).toBe(true);
  if (names.size) for (const st of w.stores) expect(r.primaryLineItems.some((i) => i.part === st.name)).toBe(true);
}

describe('properties over random workloads', () => {
  it('totals, prices, RTO order, warm standby > pilot light, replication RPO ≤ backup RPO', async () => {
    await fc.assert(fc.asyncProperty(workload, holds), { numRuns: 150, seed: 11 });
  });

  it('the same over random workloads of several tiers and data stores', async () => {
    const multi = fc.tuple(workload, partsArbitrary).map(([w, parts]) => validateWorkload({ ...documentOf(w), ...parts }));
    await fc.assert(fc.asyncProperty(multi, holds), { numRuns: 80, seed: 14 });
  });
});

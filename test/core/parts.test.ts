/**
 * A workload of several parts (issue 14): two compute tiers and two data stores. Hand-computed line items for each
 * part (snapshot unit prices, a month of 730 h), RTO decided by the slowest store and the slowest tier, RPO by the
 * worst store, and the single form unchanged (its parts are implicit and never named).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { planEstimate } from '../../src/advisor/plan';
import type { Report } from '../../src/advisor/types';
import { priceKeyId } from '../../src/pricing/keys';
import { createSnapshotPriceBook } from '../../src/pricing/snapshot/book';
import { simulateRecovery, simulateRpo } from '../../src/recovery/montecarlo';
import { DAYS_PER_MONTH } from '../../src/model/time';
import { parseWorkloadText } from '../../src/workload/load';
import { documentOf, validateWorkload, type Workload } from '../../src/workload/validate';
import { evaluate } from '../../src/advisor/evaluate';
import { estimateReport, example, line, strategy } from '../helpers/core';

const WEB = { name: 'web', instanceType: 'm5.large', count: 4, ebsGbPerInstance: 50 };
const WORKERS = { name: 'workers', instanceType: 'c5.xlarge', count: 2 };
const ORDERS = { name: 'orders', engine: 'aurora-postgresql', instanceClass: 'db.r6g.large', storageGb: 500, multiAz: true };
const SESSIONS = { name: 'sessions', engine: 'dynamodb', storageGb: 20, writesPerSecond: 100, readsPerSecond: 400 };

/** web m5.large × 4 + workers c5.xlarge × 2, Aurora PostgreSQL 500 GB Multi-AZ + DynamoDB 20 GB; 26 GB/day of changes. */
function shop(patch: Record<string, unknown> = {}): Workload {
  return validateWorkload({
    version: 1, name: 'shop', regions: { primary: 'us-east-1', dr: 'us-west-2' },
    compute: [WEB, WORKERS], database: [ORDERS, SESSIONS], dataChangeGbPerDay: 26, ...patch,
  }, 'shop.yaml');
}

const cents = (x: number) => Math.round(x * 100) / 100;

/** The estimate with its variants (DRS, headless, warm standby sizes, capacity reservations), priced from the snapshot. */
async function withVariants(w: Workload): Promise<Report> {
  const plan = planEstimate(w, { variants: true });
  const { prices } = await createSnapshotPriceBook().resolve(plan.keys);
  return evaluate(plan, prices, { generatedAt: '2026-11-25T00:00:00.000Z', version: 'test', samples: 1000, seed: 1 });
}

/** The snapshot's unit price of a price key (the same book `estimate --pricing snapshot` reads). */
async function unitPrices(w: Workload): Promise<(id: string) => number> {
  const { prices } = await createSnapshotPriceBook().resolve(planEstimate(w, { variants: true }).keys);
  return (id) => {
    const p = prices.get(id);
    if (!p) throw new Error(`no snapshot price ${id}`);
    return p.unitPrice;
  };
}

describe('the workload file: one part or a list of named parts', () => {
  it('normalises both forms to lists, with defaults per part; the single form\'s parts are implicit (app, database)', () => {
    const w = shop({ database: [{ name: 'orders', engine: 'aurora-postgresql' }, { name: 'legacy', engine: 'mysql', storageGb: 0 }, SESSIONS] });
    expect(w.tiers.map((t) => [t.name, t.named, t.field, t.count, t.ebsGbPerInstance, t.ebsVolumesPerInstance])).toEqual([
      ['web', true, 'compute[0]', 4, 50, 1],
      ['workers', true, 'compute[1]', 2, 50, 1],
    ]);
    // The instance class is filled per engine (model/engines.ts); storage defaults to 100 GB per store.
    expect(w.stores.map((s) => [s.name, s.engine, s.instanceClass, s.storageGb])).toEqual([
      ['orders', 'aurora-postgresql', 'db.r6g.large', 100],
      ['legacy', 'mysql', 'db.m5.large', 0],
      ['sessions', 'dynamodb', undefined, 20],
    ]);
    // The echo keeps the list form, defaults filled, and no derived fields.
    expect(documentOf(w).database).toEqual([
      { name: 'orders', engine: 'aurora-postgresql', instanceClass: 'db.r6g.large', storageGb: 100, multiAz: false, writesPerSecond: 0, readsPerSecond: 0 },
      { name: 'legacy', engine: 'mysql', instanceClass: 'db.m5.large', storageGb: 0, multiAz: false, writesPerSecond: 0, readsPerSecond: 0 },
      { name: 'sessions', engine: 'dynamodb', storageGb: 20, multiAz: false, writesPerSecond: 100, readsPerSecond: 400 },
    ]);
    const single = example('web-app');
    expect(single.tiers).toMatchObject([{ name: 'app', named: false, field: 'compute', instanceType: 'm5.large', count: 2 }]);
    expect(single.stores).toMatchObject([{ name: 'database', named: false, field: 'database', engine: 'aurora-mysql', instanceClass: 'db.r6g.large', changeGbPerDay: 24 }]);
    expect(documentOf(single)).not.toHaveProperty('tiers');
    // engine: none (the single form's default) is no store at all.
    expect(validateWorkload({ regions: { primary: 'us-east-1' }, compute: { instanceType: 'm5.large', count: 1 } }).stores).toEqual([]);
    expect(shop({ database: [] }).stores).toEqual([]);
  });

  it('splits dataChangeGbPerDay between the stores by storage (500 : 20 of 26 GB/day → 25 and 1), equally when all are empty', () => {
    expect(shop().stores.map((s) => s.changeGbPerDay)).toEqual([25, 1]);
    const empty = shop({ database: [{ ...ORDERS, storageGb: 0 }, { ...SESSIONS, storageGb: 0 }] });
    expect(empty.stores.map((s) => s.changeGbPerDay)).toEqual([13, 13]);
    expect(shop({ database: [ORDERS] }).stores[0].changeGbPerDay).toBe(26);
  });

  it.each([
    [{ compute: [WEB, { ...WORKERS, count: -2 }] }, 'shop.yaml: compute[1].count must be a whole number ≥ 1 (got -2)'],
    [{ compute: [WEB, { ...WORKERS, name: 'web' }] }, 'shop.yaml: compute[1].name must be unique among the tiers: compute[0] has the same name (got "web")'],
    [{ compute: [{ ...WEB, name: 'Web servers' }] }, 'shop.yaml: compute[0].name must be a name of lowercase letters, digits and - (e.g. web), at most 63 characters (got "Web servers")'],
    [{ compute: [{ instanceType: 'm5.large', count: 2 }] }, 'shop.yaml: compute[0].name is required'],
    [{ compute: [] }, 'shop.yaml: compute must list at least one tier (got a list)'],
    [{ compute: 'web' }, 'shop.yaml: compute must be one tier (instanceType, count, ...) or a list of named tiers (- name: web, instanceType: m5.large, count: 4) (got "web")'],
    [{ database: [ORDERS, { name: 'cache', engine: 'none' }] }, 'shop.yaml: database[1].engine must be one of aurora-mysql, aurora-postgresql, mysql, postgres, dynamodb (a data store in a list has an engine; leave a store out rather than none); nearest: mysql, dynamodb (got "none")'],
    [{ database: [ORDERS, { name: 'cache' }] }, 'shop.yaml: database[1].engine is required'],
    [{ database: [ORDERS, { ...SESSIONS, instanceClass: 'db.r6g.large' }] }, 'shop.yaml: database[1].instanceClass does not apply to dynamodb (remove it) (got "db.r6g.large")'],
    [{ database: [ORDERS, { ...SESSIONS, name: 'orders' }] }, 'shop.yaml: database[1].name must be unique among the data stores: database[0] has the same name (got "orders")'],
    [{ database: [ORDERS, { ...SESSIONS, storgeGb: 2 }] }, 'shop.yaml: database[1]: unknown field "storgeGb" (allowed: name, engine, instanceClass, storageGb, multiAz, writesPerSecond, readsPerSecond; did you mean "storageGb"?)'],
  ])('names the part in its message: %j', (patch, message) => {
    expect(() => shop(patch)).toThrow(message);
  });

  it('a tier and a store may share a name (names are unique per list)', () => {
    expect(shop({ compute: [{ ...WEB, name: 'orders' }] }).tiers[0].name).toBe('orders');
  });
});

describe('two tiers and two data stores: the line items of each part, by hand (snapshot prices, us-east-1 → us-west-2)', async () => {
  const w = shop();
  const r = await withVariants(w);
  const price = await unitPrices(w);
  const id = priceKeyId;
  const ec2 = (region: string, instanceType: string) => price(id({ service: 'ec2.instance', region, attrs: { instanceType } }));
  const aurora = (region: string) => price(id({ service: 'rds.instance', region, attrs: { engine: 'aurora-postgresql', instanceClass: 'db.r6g.large', deployment: 'single-az' } }));
  const engine = { engine: 'aurora-postgresql' };

  it('the unit prices these figures use, as the snapshot has them', () => {
    expect([ec2('us-east-1', 'm5.large'), ec2('us-east-1', 'c5.xlarge'), ec2('us-west-2', 'm5.large'), ec2('us-west-2', 'c5.xlarge')]).toEqual([0.096, 0.17, 0.096, 0.17]);
    expect([aurora('us-east-1'), aurora('us-west-2')]).toEqual([0.26, 0.26]);
    expect([price(id({ service: 'ebs.gp3', region: 'us-east-1' })), price(id({ service: 'ebs.snapshot', region: 'us-west-2' })), price(id({ service: 'rds.storage', region: 'us-east-1', attrs: engine }))]).toEqual([0.08, 0.05, 0.1]);
    expect([price(id({ service: 'dynamodb.write', region: 'us-east-1' })), price(id({ service: 'dynamodb.read', region: 'us-east-1' })), price(id({ service: 'dynamodb.replicatedWrite', region: 'us-west-2' }))]).toEqual([6.25e-7, 1.25e-7, 6.25e-7]);
    expect([price(id({ service: 'dynamodb.storage', region: 'us-east-1' })), price(id({ service: 'dynamodb.pitr', region: 'us-east-1' })), price(id({ service: 'dynamodb.backup', region: 'us-west-2' }))]).toEqual([0.25, 0.2, 0.1]);
    expect([price(id({ service: 'rds.io', region: 'us-east-1', attrs: engine })), price(id({ service: 'rds.backup', region: 'us-west-2', attrs: engine })), price(id({ service: 'transfer.interRegion', region: 'us-east-1', attrs: { to: 'us-west-2' } }))]).toEqual([2e-7, 0.021, 0.02]);
  });

  it('primary region: each tier and each store on its own lines', () => {
    const items = r.primaryLineItems;
    const expected: Array<[string, string, number, number]> = [
      // [component, part, quantity, monthly]
      ['App servers (web, m5.large)', 'web', 4 * 730, 280.32], // 4 × 730 h × $0.096
      ['App servers EBS gp3 volumes (web)', 'web', 200, 16], // 4 × 50 GB × $0.08
      ['App servers (workers, c5.xlarge)', 'workers', 2 * 730, 248.2], // 2 × 730 h × $0.17
      ['App servers EBS gp3 volumes (workers)', 'workers', 100, 8], // 2 × 50 GB (the default) × $0.08
      ['Aurora writer (orders, db.r6g.large)', 'orders', 2 * 730, 379.6], // Multi-AZ Aurora: writer + reader, 1,460 h × $0.26
      ['Aurora writer storage (orders)', 'orders', 500, 50], // 500 GB × $0.10
      ['DynamoDB writes (sessions, on-demand)', 'sessions', 100 * 3600 * 730, 164.25], // 262.8M WRU × $0.625/M
      ['DynamoDB reads (sessions, on-demand)', 'sessions', 400 * 3600 * 730, 131.4], // 1,051.2M RRU × $0.125/M
      ['DynamoDB storage (sessions)', 'sessions', 20, 5], // 20 GB × $0.25
      ['DynamoDB point-in-time recovery (sessions)', 'sessions', 20, 4], // 20 GB × $0.20
    ];
    for (const [component, part, quantity, monthly] of expected) {
      const i = line(items, component);
      expect([i.part, i.quantity, i.monthlyCost], component).toEqual([part, quantity, monthly]);
      expect(cents(i.quantity * i.unitPrice)).toBe(monthly);
    }
    // Shared lines name no part.
    expect(line(items, 'Application Load Balancer').part).toBeUndefined();
    expect(line(items, 'Route 53 hosted zone').part).toBeUndefined();
    expect(r.primaryMonthlyCost).toBe(cents(280.32 + 16 + 248.2 + 8 + 16.425 + 5.84 + 379.6 + 50 + 164.25 + 131.4 + 5 + 4 + 0.5));
  });

  it('backup & restore: full Aurora copies of orders, incremental DynamoDB copies of sessions, each tier\'s AMIs', () => {
    const items = strategy(r, 'backup-restore').lineItems;
    const perMonth = 730 / 24; // daily copies
    const expected: Array<[string, string, number, number]> = [
      ['Database backup copies (orders, full Aurora snapshots)', 'orders', 7 * 500, 73.5], // 7 retained full copies × 500 GB × $0.021
      ['Backup copy transfer to us-west-2 (orders, full copies)', 'orders', perMonth * 500, 304.17], // 30.42 copies × 500 GB × $0.02
      ['DynamoDB backup copies (sessions)', 'sessions', 20 + 1 * 7, 2.7], // 20 GB full + 1 GB/day × 7 days, × $0.10
      ['Backup copy (incremental) transfer to us-west-2 (sessions)', 'sessions', 1 * DAYS_PER_MONTH, 0.61], // 1 GB/day × 30.42 × $0.02
      ['AMI and EBS snapshot copies (web)', 'web', 200, 10], // 4 × 50 GB × $0.05
      ['AMI and EBS snapshot copies (workers)', 'workers', 100, 5], // 2 × 50 GB × $0.05
    ];
    expect(items.map((i) => i.component)).toEqual(expected.map((e) => e[0]));
    for (const [component, part, quantity, monthly] of expected) {
      const i = line(items, component);
      expect([i.part, i.monthlyCost], component).toEqual([part, monthly]);
      expect(i.quantity).toBeCloseTo(quantity, 6);
    }
  });

  it('pilot light: a global secondary for orders (its share of the changes: 25 GB/day), a replica of sessions (1 GB/day)', () => {
    const items = strategy(r, 'pilot-light').lineItems;
    const ios = (25e9 * DAYS_PER_MONTH) / 4096; // auroraWriteIoBytes 4,096
    const expected: Array<[string, string | undefined, number, number]> = [
      ['Aurora global secondary (orders, db.r6g.large)', 'orders', 730, 189.8], // one instance (pilot light), 730 h × $0.26
      ['Aurora global secondary storage (orders)', 'orders', 500, 50],
      ['Aurora global replicated write I/O (orders)', 'orders', ios, 37.13], // 185.6M I/Os × $0.20/M
      ['Replication transfer to us-west-2 (orders)', 'orders', 25 * DAYS_PER_MONTH, 15.21], // 760.4 GB × $0.02
      ['DynamoDB global table replicated writes (sessions)', 'sessions', 100 * 3600 * 730, 164.25], // 262.8M rWRU × $0.625/M
      ['DynamoDB replica storage (sessions)', 'sessions', 20, 5],
      ['Replication transfer to us-west-2 (sessions)', 'sessions', 1 * DAYS_PER_MONTH, 0.61],
      ['AMI and EBS snapshot copies (web)', 'web', 200, 10],
      ['AMI and EBS snapshot copies (workers)', 'workers', 100, 5],
      ['Route 53 health checks', undefined, 2, 1],
    ];
    expect(items.map((i) => i.component)).toEqual(expected.map((e) => e[0]));
    for (const [component, part, quantity, monthly] of expected) {
      const i = line(items, component);
      expect([i.part, i.monthlyCost], component).toEqual([part, monthly]);
      expect(i.quantity).toBeCloseTo(quantity, 3);
    }
    // The two transfers add up to the workload's change rate: 26 GB/day.
    const transfer = items.filter((i) => i.component.startsWith('Replication transfer')).reduce((s, i) => s + i.quantity, 0);
    expect(transfer).toBeCloseTo(26 * DAYS_PER_MONTH, 6);
  });

  it('warm standby sizes each tier: ceil(4 × 0.5) = 2 web, ceil(2 × 0.5) = 1 worker; 25%: 1 web (at least 1 per tier), 1 worker', () => {
    const ws = strategy(r, 'warm-standby').lineItems;
    expect(line(ws, 'Standby app servers (web, m5.large)').monthlyCost).toBe(140.16); // 2 × 730 h × $0.096
    expect(line(ws, 'Standby app servers (workers, c5.xlarge)').monthlyCost).toBe(124.1); // 1 × 730 h × $0.17
    expect(line(ws, 'Standby app servers EBS gp3 volumes (workers)').monthlyCost).toBe(4); // 1 × 50 GB × $0.08
    const q = r.variants.find((v) => v.id === 'warm-standby-25')!.lineItems;
    expect(line(q, 'Standby app servers (web, m5.large)').quantity).toBe(730); // ceil(4 × 0.25) = 1
    expect(line(q, 'Standby app servers (workers, c5.xlarge)').quantity).toBe(730); // ceil(2 × 0.25) = 1, at least one
    // Capacity reservations for each tier's gap: 2 web, 1 worker.
    const odcr = r.variants.find((v) => v.id === 'warm-standby-odcr')!.lineItems;
    expect(line(odcr, 'On-Demand Capacity Reservations (web, m5.large, the scale-out gap)').monthlyCost).toBe(140.16);
    expect(line(odcr, 'On-Demand Capacity Reservations (workers, c5.xlarge, the scale-out gap)').monthlyCost).toBe(124.1);
  });

  it('active-active: each tier at full size (static stability per tier), orders Multi-AZ like its primary', async () => {
    const aa = strategy(r, 'active-active').lineItems;
    expect(line(aa, 'App servers, full size (web, m5.large)').monthlyCost).toBe(280.32);
    expect(line(aa, 'App servers, full size (workers, c5.xlarge)').monthlyCost).toBe(248.2);
    expect(line(aa, 'Aurora global secondary (orders, db.r6g.large)').monthlyCost).toBe(379.6); // 2 instances: orders is Multi-AZ
    // Three regions: ceil(4 / 2) = 2 web and ceil(2 / 2) = 1 worker in each other region.
    const three = await estimateReport(shop({ regions: { primary: 'us-east-1', dr: 'us-west-2', additional: ['eu-west-1'] } }));
    const items = strategy(three, 'active-active').lineItems;
    expect(line(items, 'App servers, 1/2 of the load each (web, m5.large)', 'eu-west-1').quantity).toBe(2 * 730);
    expect(line(items, 'App servers, 1/2 of the load each (workers, c5.xlarge)', 'eu-west-1').quantity).toBe(730);
    expect(strategy(three, 'active-active').notes.join('\n')).toContain('each region runs 3 servers (web 2, workers 1) (3 × 3 = 9 in all');
  });

  it('DRS: source servers, staging and snapshots per tier; one t3.small for the 6 volumes of both tiers', () => {
    const drs = r.variants.find((v) => v.id === 'pilot-light-drs')!.lineItems;
    expect(line(drs, 'Elastic Disaster Recovery source servers (web)').quantity).toBe(4 * 730);
    expect(line(drs, 'Elastic Disaster Recovery source servers (workers)').quantity).toBe(2 * 730);
    expect(line(drs, 'DRS staging volumes (workers)').quantity).toBe(100);
    const rep = line(drs, 'DRS replication servers (t3.small)');
    expect([rep.quantity, rep.part, rep.usage]).toEqual([730, undefined, '1 × t3.small for 6 source volumes (drsVolumesPerReplicationServer 15)']);
  });

  it('headless pilot light: orders has no instance in us-west-2; sessions replicates as in pilot light', () => {
    const h = r.variants.find((v) => v.id === 'pilot-light-headless')!;
    expect(h.lineItems.some((i) => i.component.startsWith('Aurora headless global secondary (orders'))).toBe(false);
    expect(line(h.lineItems, 'Aurora headless global secondary storage (orders)').monthlyCost).toBe(50);
    expect(line(h.lineItems, 'DynamoDB global table replicated writes (sessions)').monthlyCost).toBe(164.25);
    expect(h.drMonthlyCost).toBe(cents(strategy(r, 'pilot-light').drMonthlyCost - 189.8));
  });

  it('every total is the sum of its line items; every line item of a part names it', () => {
    for (const s of [...r.strategies, ...r.variants]) {
      expect(s.drMonthlyCost).toBeCloseTo(s.lineItems.reduce((a, i) => a + i.monthlyCost, 0), 1);
      for (const i of s.lineItems) {
        if (i.part) expect(i.component, s.id).toContain(i.part);
        expect(i.monthlyCost).toBeGreaterThan(0);
      }
    }
  });
});

describe('a list of one part costs what the single form does; only the names differ', () => {
  it('web-app written as lists: the same DR costs, RTO and RPO, with the parts named', async () => {
    const single = example('web-app');
    const doc = documentOf(single) as any;
    const listed = validateWorkload({ ...doc, compute: [{ name: 'checkout', ...doc.compute }], database: [{ name: 'carts', ...doc.database }] });
    const [a, b] = [await estimateReport(single), await estimateReport(listed)];
    expect(b.strategies.map((s) => [s.id, s.drMonthlyCost, s.rtoSeconds, s.rpoSeconds])).toEqual(a.strategies.map((s) => [s.id, s.drMonthlyCost, s.rtoSeconds, s.rpoSeconds]));
    expect(line(strategy(b, 'pilot-light').lineItems, 'Aurora global secondary (carts, db.r6g.large)').monthlyCost).toBe(line(strategy(a, 'pilot-light').lineItems, 'Aurora global secondary (db.r6g.large)').monthlyCost);
    expect(strategy(a, 'pilot-light').lineItems.every((i) => i.part === undefined)).toBe(true);
    expect(strategy(a, 'pilot-light').phases.every((p) => p.part === undefined)).toBe(true);
    expect(strategy(b, 'pilot-light').rpoSources[0]).toMatchObject({ store: 'carts', part: 'carts' });
    expect(strategy(a, 'pilot-light').rpoSources[0]).toEqual(expect.not.objectContaining({ part: expect.anything() }));
  });
});

/** The sorted RTO samples of a strategy of a workload (the simulation the verdict reads). */
function rtoSamples(w: Workload, id: string, samples = 4000): Float64Array {
  const plan = planEstimate(w);
  const s = plan.strategies.find((x) => x.model.id === id)!;
  return simulateRecovery(s.plan.phases, plan.assumptions, { samples, seed: 7, rampServed: s.plan.rampServed }).sorted;
}
function rpoSamples(w: Workload, id: string, samples = 4000): Float64Array {
  const plan = planEstimate(w);
  const s = plan.strategies.find((x) => x.model.id === id)!;
  return simulateRpo(s.plan.rpo, plan.assumptions, { samples, seed: 7 }).sorted;
}

describe('RTO: the slowest store and the slowest tier decide; RPO: the worst store', () => {
  // Each store's phases draw from their own assumptions' streams, so when one store is the slowest in every sample,
  // the two-store workload's RTO samples are exactly those of the workload with that store alone.
  it('backup & restore: make each store\'s restore the slowest in turn (assumption overrides)', () => {
    const slowSessions = { dynamodbRestoreMinutes: 100_000 };
    expect(rtoSamples(shop({ assumptions: slowSessions }), 'backup-restore')).toEqual(rtoSamples(shop({ assumptions: slowSessions, database: [SESSIONS] }), 'backup-restore'));
    const slowOrders = { auroraSnapshotRestoreMinutes: 100_000 };
    expect(rtoSamples(shop({ assumptions: slowOrders }), 'backup-restore')).toEqual(rtoSamples(shop({ assumptions: slowOrders, database: [ORDERS] }), 'backup-restore'));
    // Not the sum: two slow stores take as long as the slower, not both.
    const both = { ...slowSessions, auroraSnapshotRestoreMinutes: 100 };
    const sum = rtoSamples(shop({ assumptions: both }), 'backup-restore');
    const alone = rtoSamples(shop({ assumptions: both, database: [SESSIONS] }), 'backup-restore');
    expect(sum).toEqual(alone);
  });

  it('without overrides the two-store RTO is at least each store\'s alone, quantile by quantile, and less than their sum', async () => {
    const [both, orders, sessions] = [shop(), shop({ database: [ORDERS] }), shop({ database: [SESSIONS] })].map((w) => rtoSamples(w, 'backup-restore'));
    for (const q of [0.1, 0.5, 0.9]) {
      const k = Math.floor(q * both.length);
      expect(both[k]).toBeGreaterThanOrEqual(Math.max(orders[k], sessions[k]) - 1e-9);
    }
    const r = await estimateReport(shop());
    const br = strategy(r, 'backup-restore');
    // Typical sum: 10m + 30m serial + max(orders 45m + 8m, sessions 30m × 0.36 = 10.8m; compute 20m + 4.75m) + 1.5m + 15m.
    expect(br.rtoTypicalSumSeconds).toBeCloseTo((10 + 30 + 53 + 1.5 + 15) * 60, 6);
  });

  it('pilot light: the orders promotion decides the data branch (DynamoDB global tables need none)', () => {
    const slow = { auroraGlobalFailoverMinutes: 100_000 };
    expect(rtoSamples(shop({ assumptions: slow }), 'pilot-light')).toEqual(rtoSamples(shop({ assumptions: slow, database: [ORDERS] }), 'pilot-light'));
  });

  it('warm standby: the tier with the longest scale-out decides, whichever it is', () => {
    // At 1 %, a tier of 64 scales out from 1 in 6 cycles (warmStandbyMaxScaleOutCycles raised to 10), a tier of 2 in 1:
    // 6 × 3 min at least, against 15 min at most, so the big tier is the slowest in every sample. The big tier is
    // listed first either way, so that it draws the same random stream as when it is alone.
    const ops = { operations: { warmStandbyCapacity: 0.01 }, assumptions: { warmStandbyMaxScaleOutCycles: 10, warmStandbyScaleOutMinutes: 5 } };
    const big = (t: object) => ({ ...t, count: 64 });
    const small = (t: object) => ({ ...t, count: 2 });
    expect(rtoSamples(shop({ ...ops, compute: [big(WEB), small(WORKERS)] }), 'warm-standby')).toEqual(rtoSamples(shop({ ...ops, compute: [big(WEB)] }), 'warm-standby'));
    expect(rtoSamples(shop({ ...ops, compute: [big(WORKERS), small(WEB)] }), 'warm-standby')).toEqual(rtoSamples(shop({ ...ops, compute: [big(WORKERS)] }), 'warm-standby'));
    const plan = planEstimate(shop({ ...ops, compute: [big(WEB), small(WORKERS)] }));
    const phases = plan.strategies.find((s) => s.model.id === 'warm-standby')!.plan.phases.filter((p) => p.name === 'scale');
    expect(phases.map((p) => [p.part, p.label])).toEqual([
      ['web', 'scale out web from 1 to 64 servers (6 Auto Scaling cycles; 16% of the traffic served meanwhile)'],
      ['workers', 'scale out workers from 1 to 2 servers (1 Auto Scaling cycle; 50% of the traffic served meanwhile)'],
    ]);
    // The service runs at the pace of its slowest tier: the least served share.
    expect(plan.strategies.find((s) => s.model.id === 'warm-standby')!.plan.rampServed).toBeCloseTo((1 + 2 + 4 + 8 + 16 + 32) / 64 / 6, 9);
  });

  it('backup & restore: every tier launches in parallel after the shared IaC deploy (the slowest decides)', () => {
    // Compute dominates (fast stores, a long bootstrap): two tiers take at least as long as one, far less than two.
    const a = { assumptions: { appBootstrapMinutes: 600, auroraSnapshotRestoreMinutes: 1, dynamodbRestoreMinutes: 1, auroraAddInstanceMinutes: 1 } };
    const two = rtoSamples(shop(a), 'backup-restore');
    const one = rtoSamples(shop({ ...a, compute: [WEB] }), 'backup-restore');
    const k = Math.floor(two.length / 2);
    expect(two[k]).toBeGreaterThan(one[k]);
    expect(two[k]).toBeLessThan(one[k] * 1.5);
  });

  it('RPO: make each store the worst in turn (replication lag overrides)', () => {
    const slowOrders = { auroraGlobalLagSeconds: 10_000 };
    expect(rpoSamples(shop({ assumptions: slowOrders }), 'pilot-light')).toEqual(rpoSamples(shop({ assumptions: slowOrders, database: [ORDERS] }), 'pilot-light'));
    const slowSessions = { dynamodbGlobalLagSeconds: 10_000 };
    expect(rpoSamples(shop({ assumptions: slowSessions }), 'pilot-light')).toEqual(rpoSamples(shop({ assumptions: slowSessions, database: [SESSIONS] }), 'pilot-light'));
  });

  it('the report: phases and RPO sources name their part, the verdict follows the slowest', async () => {
    const r: Report = await estimateReport(shop({ assumptions: { dynamodbRestoreMinutes: 6000 } }));
    const br = strategy(r, 'backup-restore');
    expect(br.phases.filter((p) => p.branch === 'data').map((p) => [p.part, p.label])).toEqual([
      ['orders', 'restore Aurora cluster orders from snapshot copy (500 GB)'],
      ['orders', 'add a DB instance to the restored cluster orders'],
      ['sessions', 'restore DynamoDB table sessions from backup copy (20 GB)'],
    ]);
    expect(br.phases.filter((p) => p.branch === 'compute').map((p) => [p.part, p.label])).toEqual([
      [undefined, 'deploy infrastructure from IaC'],
      ['web', 'launch web: 4 × m5.large and bootstrap'],
      ['workers', 'launch workers: 2 × c5.xlarge and bootstrap'],
    ]);
    expect(br.rpoSources.map((s) => [s.store, s.part])).toEqual([['orders', 'orders'], ['sessions', 'sessions']]);
    // dynamodbRestoreMinutes 6,000 for 500 GB: sessions (20 GB) restores in 6,000 × 0.36 = 2,160 min typically.
    expect(br.rtoTypicalSumSeconds).toBeCloseTo((10 + 30 + 6000 * (1 / 3 + (2 / 3) * (20 / 500)) + 1.5 + 15) * 60, 6);
    expect(br.rtoSeconds).toBeGreaterThan(2160 * 60 * 0.3);
  });

  it('the AZ and corruption scenarios run per store and per tier', async () => {
    const r = await estimateReport(shop({ compute: [WEB, { ...WORKERS, count: 1 }], database: [ORDERS, SESSIONS, { name: 'ledger', engine: 'postgres', storageGb: 50 }] }));
    const az = r.scenarios.find((s) => s.id === 'az-outage')!.strategies[0].note;
    expect(az).toContain('ledger: the database is single-AZ: set database[2].multiAz');
    expect(az).toContain('one workers server: run at least two, in two AZs');
    expect(r.scenarios.find((s) => s.id === 'data-corruption')!.strategies[0].note).toContain('every store is restored in parallel and the slowest decides');
  });
});

describe('estimate output of a multi-part workload', () => {
  it('the priced keys carry every part; JSON names the part on lines, phases and RPO sources', async () => {
    const r = await estimateReport(shop());
    const ids = new Set([...r.primaryLineItems, ...r.strategies.flatMap((s) => s.lineItems)].map((i) => i.priceKey));
    expect(ids.has(priceKeyId({ service: 'ec2.instance', region: 'us-west-2', attrs: { instanceType: 'c5.xlarge' } }))).toBe(true);
    const json = JSON.parse(JSON.stringify(r));
    expect(json.workload.compute).toEqual([{ ...WEB, ebsVolumesPerInstance: 1 }, { ...WORKERS, ebsGbPerInstance: 50, ebsVolumesPerInstance: 1 }]);
    expect(json.workload).not.toHaveProperty('tiers');
    expect(json.strategies[1].phases.map((p: { part?: string }) => p.part ?? null)).toEqual([null, null, 'orders', null, 'web', 'workers', null, null]);
  });
});

describe('the README shows the list form', () => {
  it('its workload-file example is valid and splits the change rate as its comment says (orders 25, sessions 1)', () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    const section = readme.slice(readme.indexOf('## The workload file'), readme.indexOf('<!-- /section: workload -->'));
    const yaml = /```yaml\n([\s\S]*?)```/.exec(section)![1];
    const w = validateWorkload(parseWorkloadText(yaml, 'README'), 'README');
    expect(w.tiers.map((t) => t.name)).toEqual(['web', 'workers']);
    expect(w.stores.map((s) => [s.name, s.changeGbPerDay])).toEqual([['orders', 25], ['sessions', 1]]);
  });
});

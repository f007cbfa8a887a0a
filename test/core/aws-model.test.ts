/**
 * Costs, recovery times and per-event costs as AWS documents them (issue 12 §3–§5), by hand from list prices in the
 * bundled snapshot and the named defaults (data/reference/dr-model.md).
 */
import { describe, expect, it } from 'vitest';
import { planEstimate } from '../../src/advisor/plan';
import { resolveAssumptions } from '../../src/model/assumptions';
import { dataCorruption } from '../../src/recovery/scenarios';
import { BASE_STRATEGIES } from '../../src/strategies';
import { scaleOut } from '../../src/strategies/warm-standby';
import { estimateReport, example, line, MIN, strategy } from '../helpers/core';
import { evaluate } from '../../src/advisor/evaluate';
import { createSnapshotPriceBook } from '../../src/pricing/snapshot/book';
import type { Workload } from '../../src/workload/validate';

async function review(w: Workload) {
  const plan = planEstimate(w, { variants: true });
  const { prices } = await createSnapshotPriceBook().resolve(plan.keys);
  return evaluate(plan, prices, { generatedAt: '2026-11-25T00:00:00.000Z', version: 'test', samples: 2000, seed: 1 });
}
const variant = (r: Awaited<ReturnType<typeof review>>, id: string) => r.variants.find((v) => v.id === id)!;
const a = resolveAssumptions({});

describe('Aurora snapshot copies are full copies', () => {
  it('the copies retained and the copy time scale with the cluster', () => {
    const w = example('global-saas', (d) => (d.operations.backupIntervalHours = 12));
    const br = planEstimate(w).strategies[0].plan;
    // round(7 days × 24 h / 12 h) = 14 full copies × 1,000 GB; 730 / 12 = 60.83 copies a month × 1,000 GB transferred
    expect(br.lines.find((l) => l.component.startsWith('Database backup copies'))!.monthlyQuantity).toBe(14000);
    expect(br.lines.find((l) => l.component.startsWith('Backup copy transfer'))!.monthlyQuantity).toBeCloseTo((730 / 12) * 1000, 6);
    // copy time: 30 min for 500 GB × (1/3 + 2/3 × 1000/500) = 50 min, on top of half the 12 h cycle
    expect(br.rpo.find((x) => x.store === 'database')!.seconds).toBeCloseTo(6 * 3600 + 50 * MIN, 6);
  });
});

describe('active-active sized for static stability', () => {
  it('3 regions, 4 servers: each region runs ceil(4 / 2) = 2, so any two carry the load', async () => {
    const r = await estimateReport(example('global-saas'));
    const aa = strategy(r, 'active-active');
    for (const region of ['eu-west-1', 'ap-northeast-1']) expect(line(aa.lineItems, 'App servers, 1/2 of the load each (m6i.xlarge)', region).quantity).toBe(2 * 730);
    expect(aa.notes.join(' ')).toMatch(/each region runs 2 servers \(3 × 2 = 6 in all, so that any 2 carry the load\)/);
  });
  it('5 regions, 6 servers: ceil(6 / 4) = 2 per region', () => {
    const w = example('global-saas', (d) => Object.assign(d, { compute: { ...d.compute, count: 6 }, regions: { ...d.regions, additional: ['ap-northeast-1', 'us-west-2', 'eu-central-1'] } }));
    const aa = planEstimate(w).strategies[3].plan;
    const fleets = aa.lines.filter((l) => l.key.service === 'ec2.instance');
    expect(fleets.map((l) => l.hourlyQuantity)).toEqual([2, 2, 2, 2]);
  });
  it('the database in each active region follows the primary Multi-AZ: Aurora 2 instances, RDS a Multi-AZ replica', async () => {
    const aurora = await estimateReport(example('web-app', (d) => (d.database.multiAz = true)));
    expect(line(strategy(aurora, 'active-active').lineItems, 'Aurora global secondary (db.r6g.large)').quantity).toBe(2 * 730);
    expect(line(strategy(aurora, 'warm-standby').lineItems, 'Aurora global secondary (db.r6g.large)').quantity).toBe(730);
    const rds = planEstimate(example('web-app', (d) => Object.assign(d.database, { engine: 'mysql', instanceClass: 'db.m5.large', multiAz: true })));
    const replica = rds.strategies[3].plan.lines.find((l) => l.component.startsWith('RDS cross-region read replica ('))!;
    expect(replica.key.attrs).toMatchObject({ deployment: 'multi-az' });
  });
});

describe('warm standby: Auto Scaling cycles and partial service', () => {
  it('cycles grow with the gap (×2 per cycle, at most 2 before the runbook sets full capacity); served share per cycle', () => {
    expect(scaleOut(a, 1, 2)).toEqual({ cycles: 1, served: 0.5 });
    expect(scaleOut(a, 1, 4)).toEqual({ cycles: 2, served: (0.25 + 0.5) / 2 });
    expect(scaleOut(a, 1, 10)).toEqual({ cycles: 2, served: (0.1 + 0.2) / 2 });
    expect(scaleOut(a, 5, 10)).toEqual({ cycles: 1, served: 0.5 });
    expect(scaleOut(a, 10, 10)).toEqual({ cycles: 0, served: 1 });
  });
  it('10 %, 25 % and 50 % of 10 servers: 10, 10 and 5 min of scale-out, and the expected regional loss falls with capacity', async () => {
    const at = async (capacity: number) => strategy(await estimateReport(example('web-app', (d) => Object.assign(d, { compute: { ...d.compute, count: 10 }, operations: { ...d.operations, warmStandbyCapacity: capacity } }))), 'warm-standby');
    const [ten, quarter, half] = [await at(0.1), await at(0.25), await at(0.5)];
    expect([ten, quarter, half].map((s) => s.phases.find((p) => p.name === 'scale')!.seconds)).toEqual([10 * MIN, 10 * MIN, 5 * MIN]);
    expect(ten.annual.lossByScenario!.region).toBeGreaterThan(quarter.annual.lossByScenario!.region);
    expect(quarter.annual.lossByScenario!.region).toBeGreaterThan(half.annual.lossByScenario!.region);
  });
  it('a large scale-out is a capacity risk; capacity reservations for the gap remove it, billed at the On-Demand rate', async () => {
    const w = example('web-app', (d) => Object.assign(d, { compute: { instanceType: 'm5.xlarge', count: 50, ebsGbPerInstance: 100 }, operations: { ...d.operations, warmStandbyCapacity: 0.25 } }));
    const r = await review(w);
    expect(strategy(r, 'pilot-light').notes.join(' ')).toMatch(/capacity risk: 50 instances launch in us-west-2 at failover/);
    // standby ceil(50 × 0.25) = 13, gap 37
    expect(strategy(r, 'warm-standby').notes.join(' ')).toMatch(/capacity risk: 37 instances launch/);
    const odcr = variant(r, 'warm-standby-odcr');
    const reservation = line(odcr.lineItems, 'On-Demand Capacity Reservations');
    expect(reservation.quantity).toBe(37 * 730);
    expect(odcr.notes.join(' ')).not.toMatch(/capacity risk/);
    const standby = line(strategy(r, 'warm-standby').lineItems, 'Standby app servers (m5.xlarge)');
    expect(reservation.unitPrice).toBeCloseTo(standby.unitPrice, 10);
    expect(odcr.drMonthlyCost).toBeCloseTo(strategy(r, 'warm-standby').drMonthlyCost + reservation.monthlyCost, 1);
  });
  it('one server: the warm standby is a hot standby, costs what two-region active-active does, and the report says why', async () => {
    const r = await estimateReport(example('web-app', (d) => (d.compute.count = 1)));
    const ws = strategy(r, 'warm-standby');
    expect(ws.notes.join(' ')).toMatch(/with 1 server, a standby at 50% runs the full fleet: this warm standby is a hot standby/);
    expect(ws.drMonthlyCost).toBe(strategy(r, 'active-active').drMonthlyCost);
    expect(r.notes).toContain(
      `Warm Standby costs as much as Multi-site Active-Active here ($${ws.drMonthlyCost.toFixed(2)} vs $${ws.drMonthlyCost.toFixed(2)}/month), against the seed table's order: with 1 server the warm standby runs the full fleet (a hot standby), the same stack as a second active region.`,
    );
  });
});

describe('pilot light with a headless Aurora secondary', () => {
  it('drops the DB instance ($298.69 − $189.80 = $108.89) and adds one at failover: 10 + 15 + max(8 + 2, 9.75) + 1.5 + 15 = 51.5 min', async () => {
    const r = await review(example('web-app'));
    const h = variant(r, 'pilot-light-headless');
    expect(h.lineItems.some((i) => i.priceKey.startsWith('rds.instance'))).toBe(false);
    expect(h.drMonthlyCost).toBeCloseTo(298.69 - 189.8, 2);
    expect(h.rtoTypicalSumSeconds).toBeCloseTo(51.5 * MIN, 6);
    expect(h.phases.map((p) => p.label)).toContain('add a DB instance to the headless Aurora secondary');
    // the instance runs only while failed over: $0.26/h of db.r6g.large in the DR region
    expect(h.perEvent.runPerHour).toBeGreaterThan(strategy(r, 'pilot-light').perEvent.runPerHour);
  });
});

describe('DynamoDB point-in-time recovery is charged the same way in every strategy', () => {
  it('a primary-region line (200 GB), in no DR strategy; on a low-write table backup & restore stays the cheapest', async () => {
    const r = await estimateReport(example('serverless-dynamodb', (d) => (d.database.writesPerSecond = 1)));
    expect(line(r.primaryLineItems, 'DynamoDB point-in-time recovery').quantity).toBe(200);
    for (const s of r.strategies) expect(s.lineItems.some((i) => i.component === 'DynamoDB point-in-time recovery')).toBe(false);
    expect(strategy(r, 'backup-restore').drMonthlyCost).toBeLessThan(strategy(r, 'pilot-light').drMonthlyCost);
  });
});

describe('AWS Elastic Disaster Recovery', () => {
  it('one replication server per 15 source volumes: 20 servers × 1 volume → 2; × 3 volumes → 4', () => {
    const drs = (volumes: number) =>
      planEstimate(example('web-app', (d) => Object.assign(d.compute, { count: 20, ebsVolumesPerInstance: volumes })), { variants: true }).variants.find((v) => v.model.id === 'pilot-light-drs')!.plan;
    const servers = (p: ReturnType<typeof drs>) => p.lines.find((l) => l.component.startsWith('DRS replication servers'))!.hourlyQuantity;
    expect(servers(drs(1))).toBe(2);
    expect(servers(drs(3))).toBe(4);
  });
  it('the servers\' volumes get their RPO from drsRpoSeconds', () => {
    const p = planEstimate(example('web-app'), { variants: true }).variants.find((v) => v.model.id === 'pilot-light-drs')!.plan;
    expect(p.rpo.find((x) => x.store === 'app servers (EBS volumes)')!.terms).toEqual([{ assumption: 'drsRpoSeconds', factor: 1 }]);
  });
});

describe('data corruption: what point-in-time restore to just before the damage loses', () => {
  for (const engine of ['aurora-mysql', 'mysql', 'dynamodb'] as const) {
    it(`${engine}: 1 s with PITR (restorable to the second); without it, half the backup cycle typically, the cycle at most`, () => {
      const w = (pitr: boolean) => example(engine === 'dynamodb' ? 'serverless-dynamodb' : 'web-app', (d) => {
        if (engine === 'mysql') Object.assign(d.database, { engine, instanceClass: 'db.m5.large' });
        d.operations.pointInTimeRecovery = pitr;
      });
      const on = dataCorruption(w(true), a, BASE_STRATEGIES[3]).rpo[0];
      expect([on.seconds, on.terms[0].assumption]).toEqual([1, 'pitrRestoreGranularitySeconds']);
      const off = dataCorruption(w(false), a, BASE_STRATEGIES[3]).rpo[0];
      expect([off.seconds, off.highSeconds]).toEqual([12 * 3600, 24 * 3600]);
    });
  }
});

describe('costs per event', () => {
  it('web-app backup & restore: the DR side at full size per hour, drills, and the failback re-seed, by hand', async () => {
    const r = await estimateReport(example('web-app'));
    const br = strategy(r, 'backup-restore');
    // 2 × m5.large $0.096 + 100 GB gp3 × $0.08 / 730 + ALB $0.0225 + 1 LCU $0.008 + db.r6g.large $0.26 + 500 GB × $0.10 / 730
    const perHour = 2 * 0.096 + (100 * 0.08) / 730 + 0.0225 + 0.008 + 0.26 + (500 * 0.1) / 730;
    expect(br.perEvent.runPerHour).toBeCloseTo(perHour, 2);
    // drills: 2 a year × 4 h × $0.5620/h = $4.50
    expect(br.annual.drills).toBeCloseTo(2 * 4 * perHour, 2);
    // failback: 500 GB × $0.02 from us-west-2, in 2 h + 500 GB ÷ 200 GB/h = 4.5 h
    expect(br.perEvent.failbackCost).toBe(10);
    expect(br.perEvent.failbackHours).toBe(4.5);
    // per year: 0.5 events × (run per hour × expected hours on the DR side + P(complete) × $10)
    const expected = 0.5 * (perHour * br.perEvent.expectedHours + br.perEvent.pCompletes * 10);
    expect(br.annual.failoverEvents).toBeCloseTo(expected, 1);
    expect(br.perEvent.expectedHours).toBeLessThan(6.8084 + 4.5);
    expect(br.perEvent.expectedHours).toBeGreaterThan(br.perEvent.pCompletes * 4.5);
  });
  it('active-active adds nothing while failed over and nothing for a drill', async () => {
    const aa = strategy(await estimateReport(example('web-app')), 'active-active');
    expect([aa.perEvent.runPerHour, aa.annual.drills]).toEqual([0, 0]);
  });
  it('when the data a failover loses costs more than the downtime it saves, backup & restore waits the outage out', async () => {
    const r = await estimateReport(example('web-app', (d) => (d.business.dataLossCostPerHour = 1_000_000)));
    const br = strategy(r, 'backup-restore');
    expect(br.annual.regionChoice).toBe('wait');
    expect(br.annual.failoverEvents).toBe(0);
    // waiting: 0.5 × $20,000/h × 6.808406 h = $68,084, as no DR
    expect(br.annual.lossByScenario!.region).toBeCloseTo(r.noDr.annual.lossByScenario!.region, 1);
  });
});

/** RTO/RPO arithmetic per strategy, by hand from the named defaults (reference/dr-model.md §5). */
import { describe, expect, it } from 'vitest';
import { planEstimate } from '../../src/advisor/plan';
import { ASSUMPTIONS, resolveAssumptions } from '../../src/model/assumptions';
import { restoreScale, rpoSeconds, rtoSeconds } from '../../src/recovery/phases';
import { example, HOUR, MIN } from '../helpers/core';

function plans(w: ReturnType<typeof example>) {
  const p = planEstimate(w);
  return Object.fromEntries(p.strategies.map((s) => [s.model.id, { rto: rtoSeconds(s.plan.phases), rpo: rpoSeconds(s.plan.rpo), plan: s.plan }]));
}

describe('web-app (manual detection and decision, Aurora 500 GB, Route 53 TTL 60 s)', () => {
  const p = plans(example('web-app'));
  it('backup & restore: 10 + 30 + max(Aurora restore 45, IaC 20 + launch 0.75 + bootstrap 4) + (1 + 1) + 15 = 102 min', () => {
    expect(p['backup-restore'].rto).toBeCloseTo(102 * MIN, 6);
  });
  it('backup & restore RPO: Aurora PITR stays in-region, so the daily snapshot copy bounds it: 24 h + 30 min', () => {
    expect(p['backup-restore'].rpo).toBeCloseTo(24 * HOUR + 30 * MIN, 6);
  });
  it('pilot light: 10 + 15 + max(promote 2, non-core 5 + 0.75 + 4) + 2 + 15 = 51.75 min', () => {
    expect(p['pilot-light'].rto).toBeCloseTo(51.75 * MIN, 6);
  });
  it('pilot light RPO: max(Aurora global 1 s, S3 RTC 60 s) = 60 s', () => {
    expect(p['pilot-light'].rpo).toBe(60);
  });
  it('warm standby: 10 + 10 + max(promote 2, scale-out 5) + 2 + 5 = 32 min', () => {
    expect(p['warm-standby'].rto).toBeCloseTo(32 * MIN, 6);
  });
  it('active-active: automated 1.5 + 0.5 + writer promotion 2 + 2 + 0 = 6 min', () => {
    expect(p['active-active'].rto).toBeCloseTo(6 * MIN, 6);
  });
});

describe('RTO follows the workload', () => {
  it('a restore grows with storage: 2,000 GB Aurora takes (1/3 + 2/3 × 4) × 45 min', () => {
    const p = plans(example('web-app', (w) => (w.database.storageGb = 2000)));
    const restore = p['backup-restore'].plan.phases.find((x) => x.name === 'restore')!;
    expect(restoreScale(2000)).toBeCloseTo(3, 10);
    expect(restore.seconds).toBeCloseTo(3 * 45 * MIN, 6);
    expect(p['backup-restore'].rto).toBeCloseTo((10 + 30 + 135 + 2 + 15) * MIN, 6);
  });
  it('automated detection and decision: 1.5 + 0.5 instead of 10 + decision', () => {
    const p = plans(example('web-app', (w) => Object.assign(w.operations, { detection: 'automated', failoverDecision: 'automated' })));
    expect(p['warm-standby'].rto).toBeCloseTo((1.5 + 0.5 + 5 + 2 + 5) * MIN, 6);
    expect(p['pilot-light'].rto).toBeCloseTo((1.5 + 0.5 + 9.75 + 2 + 15) * MIN, 6);
  });
  it('Global Accelerator shifts traffic in 0.5 min instead of Route 53 propagation + TTL', () => {
    const p = plans(example('web-app', (w) => (w.network.failoverRouting = 'global-accelerator')));
    expect(p['active-active'].rto).toBeCloseTo((1.5 + 0.5 + 2 + 0.5) * MIN, 6);
  });
  it('a 300 s TTL adds 4 minutes over a 60 s TTL', () => {
    const a = plans(example('web-app'));
    const b = plans(example('web-app', (w) => (w.network.dnsTtlSeconds = 300)));
    expect(b['pilot-light'].rto - a['pilot-light'].rto).toBeCloseTo(240, 6);
  });
  it('RDS cross-region replica: promotion 10 min and replica lag 60 s', () => {
    const p = plans(example('web-app', (w) => Object.assign(w.database, { engine: 'mysql', instanceClass: 'db.m5.large' })));
    expect(p['warm-standby'].rto).toBeCloseTo((10 + 10 + 10 + 2 + 5) * MIN, 6);
    expect(p['backup-restore'].rpo).toBeCloseTo(15 * MIN, 6); // RDS PITR replicated cross-region: 5 min + 10 min copy lag
  });
  it('DynamoDB global tables: no promotion; strong consistency gives a database RPO of 0', () => {
    const w = example('serverless-dynamodb', (d) => (d.activeActive = { writePattern: 'partitioned-write', consistency: 'strong' }));
    const p = plans(w);
    expect(p['active-active'].plan.phases.some((x) => x.name === 'promote')).toBe(false);
    expect(p['active-active'].plan.rpo.find((x) => x.store === 'database')!.seconds).toBe(0);
  });
  it('partitioned writes need no writer promotion with Aurora', () => {
    const p = plans(example('web-app', (w) => (w.activeActive.writePattern = 'partitioned-write')));
    expect(p['active-active'].rto).toBeCloseTo(4 * MIN, 6);
  });
  it('warm standby at 100% needs no scale-out', () => {
    const p = plans(example('web-app', (w) => (w.operations.warmStandbyCapacity = 1)));
    expect(p['warm-standby'].rto).toBeCloseTo((10 + 10 + 2 + 2 + 5) * MIN, 6);
  });
  it('no database and no objects: RPO 0', () => {
    const p = plans(example('web-app', (w) => { w.database = { engine: 'none' }; w.objectStorage.storageGb = 0; }));
    for (const s of Object.values(p)) expect(s.rpo).toBe(0);
  });
});

describe('assumptions are named, sourced and overridable', () => {
  it('every default has a source, a range around its value, and a unit', () => {
    for (const [name, a] of Object.entries(ASSUMPTIONS)) {
      expect(a.source, name).toMatch(/\S/);
      expect(a.low, name).toBeLessThanOrEqual(a.value);
      expect(a.high, name).toBeGreaterThanOrEqual(a.value);
    }
  });
  it('an override moves the value and scales the range', () => {
    const a = resolveAssumptions({ auroraSnapshotRestoreMinutes: 90 });
    expect(a.auroraSnapshotRestoreMinutes).toMatchObject({ value: 90, low: 40, high: 240, overridden: true });
    const p = plans(example('web-app', (w) => (w.assumptions = { auroraSnapshotRestoreMinutes: 90 })));
    expect(p['backup-restore'].rto).toBeCloseTo((10 + 30 + 90 + 2 + 15) * MIN, 6);
  });
});

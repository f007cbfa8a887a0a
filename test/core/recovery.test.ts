/**
 * RTO/RPO arithmetic per strategy, by hand from the named defaults (data/reference/dr-model.md): the sums of the
 * typical values (`rtoTypicalSumSeconds`, a reference; the verdict uses the simulation, see verdict.test.ts).
 */
import { describe, expect, it } from 'vitest';
import { planEstimate } from '../../src/advisor/plan';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ASSUMPTIONS, NOTES, resolveAssumptions } from '../../src/model/assumptions';
import { restoreScale, rpoSeconds, rtoSeconds } from '../../src/recovery/phases';
import { example, HOUR, MIN } from '../helpers/core';

function plans(w: ReturnType<typeof example>) {
  const p = planEstimate(w);
  return Object.fromEntries(p.strategies.map((s) => [s.model.id, { rto: rtoSeconds(s.plan.phases), rpo: rpoSeconds(s.plan.rpo), plan: s.plan }]));
}

describe('web-app (manual detection and decision, Aurora 500 GB, Route 53 TTL 60 s)', () => {
  const p = plans(example('web-app'));
  // Route 53 traffic shift: propagation 1 min + a cached answer's remaining TTL, typically TTL/2 = 30 s → 1.5 min.
  it('backup & restore: 10 + 30 + max(Aurora restore 45 + add an instance 8, IaC 20 + launch 0.75 + bootstrap 4) + 1.5 + 15 = 109.5 min', () => {
    expect(p['backup-restore'].rto).toBeCloseTo(109.5 * MIN, 6);
  });
  it('backup & restore RPO: Aurora PITR stays in-region, so the daily snapshot copy bounds it: typically 24 h / 2 + 30 min copy', () => {
    expect(p['backup-restore'].rpo).toBeCloseTo(12 * HOUR + 30 * MIN, 6);
    const db = p['backup-restore'].plan.rpo.find((x) => x.store === 'database')!;
    expect(db.highSeconds).toBeCloseTo(24 * HOUR + 120 * MIN, 6); // the bound: the whole interval + the longest copy
  });
  it('pilot light: 10 + 15 + max(promote 2, non-core 5 + 0.75 + 4) + 1.5 + 15 = 51.25 min', () => {
    expect(p['pilot-light'].rto).toBeCloseTo(51.25 * MIN, 6);
  });
  it('pilot light RPO: max(Aurora global 1 s, S3 RTC median 30 s) = 30 s', () => {
    expect(p['pilot-light'].rpo).toBe(30);
  });
  it('warm standby: 10 + 10 + max(promote 2, one 5-min scale-out cycle from 1 to 2 servers) + 1.5 + 5 = 31.5 min', () => {
    expect(p['warm-standby'].rto).toBeCloseTo(31.5 * MIN, 6);
  });
  it('active-active: automated 1.5 + 0.5 + writer promotion 2 + 1.5 + 0 = 5.5 min', () => {
    expect(p['active-active'].rto).toBeCloseTo(5.5 * MIN, 6);
  });
});

describe('RTO follows the workload', () => {
  it('an Aurora restore grows with storage: 2,000 GB takes (1/3 + 2/3 × 4) × 45 min, then an instance is added (8 min)', () => {
    const p = plans(example('web-app', (w) => (w.database.storageGb = 2000)));
    const restore = p['backup-restore'].plan.phases.filter((x) => x.name === 'restore');
    expect(restoreScale(2000)).toBeCloseTo(3, 10);
    expect(restore.map((x) => x.seconds)).toEqual([3 * 45 * MIN, 8 * MIN]);
    expect(p['backup-restore'].rto).toBeCloseTo((10 + 30 + 135 + 8 + 1.5 + 15) * MIN, 6);
  });
  it('automated detection and decision: 1.5 + 0.5 instead of 10 + decision; a warm standby is then validated by its checks (0 + 0.5)', () => {
    const p = plans(example('web-app', (w) => Object.assign(w.operations, { detection: 'automated', failoverDecision: 'automated' })));
    expect(p['warm-standby'].rto).toBeCloseTo((1.5 + 0.5 + 5 + 1.5 + 0.5) * MIN, 6);
    expect(p['pilot-light'].rto).toBeCloseTo((1.5 + 0.5 + 9.75 + 1.5 + 15) * MIN, 6);
  });
  it('Global Accelerator: its and the ALB\'s health checks detect (40 s typical, 60 s at most) and shift in seconds (3 s)', () => {
    const p = plans(example('web-app', (w) => (w.network.failoverRouting = 'global-accelerator')));
    expect(p['active-active'].rto).toBeCloseTo(40 + 0.5 * MIN + 2 * MIN + 3, 6);
    const ph = p['active-active'].plan.phases;
    const detectShift = ph.filter((x) => x.name === 'detect' || x.name === 'traffic');
    expect(detectShift.reduce((s, x) => s + x.seconds, 0)).toBeCloseTo(43, 6);
    expect(detectShift.reduce((s, x) => s + x.highSeconds, 0)).toBeCloseTo(60 + 15, 6); // "a maximum of 60 seconds" + 15 s shift
  });
  it('Route 53: typically propagation + TTL/2 (a cached answer expires uniformly over the TTL); bound propagation + TTL', () => {
    const a = plans(example('web-app'));
    const b = plans(example('web-app', (w) => (w.network.dnsTtlSeconds = 300)));
    expect(b['pilot-light'].rto - a['pilot-light'].rto).toBeCloseTo(150 - 30, 6);
    const shift = b['pilot-light'].plan.phases.find((x) => x.name === 'traffic')!;
    expect([shift.seconds, shift.highSeconds]).toEqual([60 + 150, 120 + 300]);
    expect(shift.fixed!.shape).toBe('uniform');
  });
  it('RDS cross-region replica: promotion 10 min; backup & restore replays the logs since the snapshot', () => {
    const p = plans(example('web-app', (w) => Object.assign(w.database, { engine: 'mysql', instanceClass: 'db.m5.large' })));
    expect(p['warm-standby'].rto).toBeCloseTo((10 + 10 + 10 + 1.5 + 5) * MIN, 6);
    // RDS PITR replicated cross-region: logs every 5 min (typically 2.5 lost) + 10 min copy lag = 12.5 min; the
    // workload's typical RPO is the worst store: S3 replication without RTC, 15 min
    expect(p['backup-restore'].plan.rpo.find((x) => x.store === 'database')!.seconds).toBeCloseTo(12.5 * MIN, 6);
    expect(p['backup-restore'].rpo).toBeCloseTo(15 * MIN, 6);
    // restore: fixed 20 min + replay of 24 GB/day × 24 h / 24 / 2 = 12 GB at 3 min/GB = 56 min — not linear in size
    const restore = p['backup-restore'].plan.phases.find((x) => x.name === 'restore')!;
    expect(restore.seconds).toBeCloseTo((20 + 12 * 3) * MIN, 6);
    const big = plans(example('web-app', (w) => Object.assign(w.database, { engine: 'mysql', instanceClass: 'db.m5.large', storageGb: 10000 })));
    expect(big['backup-restore'].plan.phases.find((x) => x.name === 'restore')!.seconds).toBeCloseTo(restore.seconds, 6);
  });
  it('DynamoDB global tables: no promotion; strong consistency gives a database RPO of 0', () => {
    const w = example('serverless-dynamodb', (d) => (d.activeActive = { writePattern: 'partitioned-write', consistency: 'strong' }));
    const p = plans(w);
    expect(p['active-active'].plan.phases.some((x) => x.name === 'promote')).toBe(false);
    expect(p['active-active'].plan.rpo.find((x) => x.store === 'database')!.seconds).toBe(0);
  });
  it('partitioned writes need no writer promotion with Aurora', () => {
    const p = plans(example('web-app', (w) => (w.activeActive.writePattern = 'partitioned-write')));
    expect(p['active-active'].rto).toBeCloseTo(3.5 * MIN, 6);
  });
  it('warm standby at 100% needs no scale-out', () => {
    const p = plans(example('web-app', (w) => (w.operations.warmStandbyCapacity = 1)));
    expect(p['warm-standby'].rto).toBeCloseTo((10 + 10 + 2 + 1.5 + 5) * MIN, 6);
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
  it('every source cites a public URL or the shipped notes, and the shipped notes cover every default', () => {
    const notes = readFileSync(join(import.meta.dirname, '..', '..', NOTES), 'utf8');
    for (const [name, a] of Object.entries(ASSUMPTIONS)) {
      expect(a.source, name).toMatch(/https:\/\/|data\/reference\/dr-model\.md §\d+/);
      expect(a.source, name).not.toMatch(/(^|[^/])reference\/dr-model\.md §5/);
      expect(notes, name).toContain(`\`${name}\``);
    }
  });
  it('an override moves the value and scales the range', () => {
    const a = resolveAssumptions({ auroraSnapshotRestoreMinutes: 90 });
    expect(a.auroraSnapshotRestoreMinutes).toMatchObject({ value: 90, low: 40, high: 240, overridden: true });
    const p = plans(example('web-app', (w) => (w.assumptions = { auroraSnapshotRestoreMinutes: 90 })));
    expect(p['backup-restore'].rto).toBeCloseTo((10 + 30 + 90 + 8 + 1.5 + 15) * MIN, 6);
  });
});

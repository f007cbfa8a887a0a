/**
 * The seed document's summary table (design.md §1, §5.2): for the web-app example each strategy lands in its row by
 * its headline figures (medians of the simulation), and the DR cost follows the seed order — except where AWS's own
 * pricing says otherwise, which the report then explains: Aurora snapshot copies are full copies ("Aurora DB cluster
 * snapshot copies are always full copies", Aurora UG), so daily copies of a 500 GB cluster cost more in transfer than
 * a running Aurora secondary.
 */
import { describe, expect, it } from 'vitest';
import { estimateReport, example, HOUR, line, MIN, strategy } from '../helpers/core';

describe('web-app lands in the seed table', async () => {
  const r = await estimateReport(example('web-app'));
  const br = strategy(r, 'backup-restore');
  const pl = strategy(r, 'pilot-light');
  const ws = strategy(r, 'warm-standby');
  const aa = strategy(r, 'active-active');

  it('DR cost: pilot light < warm standby < active-active', () => {
    expect(pl.drMonthlyCost).toBeLessThan(ws.drMonthlyCost);
    expect(ws.drMonthlyCost).toBeLessThan(aa.drMonthlyCost);
    expect(br.drMonthlyCost).toBeGreaterThan(0);
  });

  it('backup & restore costs more than pilot light at 500 GB of Aurora, and the report says why', () => {
    // 730 h / 24 h = 30.42 full copies a month × 500 GB = 15,208.33 GB × $0.02 = $304.17 of transfer;
    // 7 retained full copies × 500 GB = 3,500 GB × $0.021 = $73.50; + AMIs $5.00 + S3 replica $2.30 + S3 transfer $0.20
    expect(line(br.lineItems, 'Backup copy transfer to us-west-2 (full copies)').monthlyCost).toBe(304.17);
    expect(line(br.lineItems, 'Database backup copies (full Aurora snapshots)').monthlyCost).toBe(73.5);
    expect(br.drMonthlyCost).toBeCloseTo(304.17 + 73.5 + 5 + 2.3 + 0.2, 2);
    expect(br.drMonthlyCost).toBeGreaterThan(pl.drMonthlyCost);
    expect(r.notes.join(' ')).toMatch(/^Backup & Restore costs more than Pilot Light here \(\$385\.17 vs \$298\.69\/month\), against the seed table's order: Aurora snapshot copies are full copies/);
  });

  it('below about 450 GB of Aurora the seed order holds from backup & restore up', async () => {
    // 100 GB: B&R = 30.42 × 100 × $0.02 = $60.83 + 7 × 100 × $0.021 = $14.70 + $5.00 + $2.30 + $0.20 = $83.03;
    // pilot light = $189.80 + 100 × $0.10 + $35.64 + $14.60 + $2.30 + $0.20 + $0.15 + $5.00 + $1.00 = $258.69
    const small = await estimateReport(example('web-app', (w) => (w.database.storageGb = 100)));
    expect(strategy(small, 'backup-restore').drMonthlyCost).toBeCloseTo(83.03, 2);
    expect(strategy(small, 'pilot-light').drMonthlyCost).toBeCloseTo(258.69, 2);
    const costs = small.strategies.map((s) => s.drMonthlyCost);
    expect([...costs].sort((a, b) => a - b)).toEqual(costs);
    expect(small.notes).toEqual([]);
  });

  it('backup & restore: RTO in hours, RPO tens of minutes to hours', () => {
    expect(br.rtoSeconds).toBeGreaterThan(90 * MIN);
    expect(br.rtoSeconds).toBeLessThan(24 * HOUR);
    expect(br.rtoCategory).toBe('hours');
    expect(br.rpoSeconds).toBeGreaterThanOrEqual(10 * MIN);
  });

  it('pilot light: RTO in tens of minutes (up to 90 with manual detection, and the tool says why), RPO within minutes', () => {
    expect(pl.rtoSeconds).toBeGreaterThan(15 * MIN);
    expect(pl.rtoSeconds).toBeLessThanOrEqual(90 * MIN);
    expect(pl.rtoCategory).toBe('tens of minutes');
    expect(pl.notes[0]).toBe('manual detection and decision take 25m of this RTO; automate both (health-check alarms and a one-button runbook) to reach tens of minutes');
    expect(pl.rpoSeconds).toBeLessThanOrEqual(10 * MIN);
  });

  it('warm standby: about 30 min with manual detection, and the tool says so', () => {
    expect(ws.rtoSeconds).toBeGreaterThanOrEqual(25 * MIN);
    expect(ws.rtoSeconds).toBeLessThanOrEqual(40 * MIN);
    expect(ws.notes.join(' ')).toMatch(/manual detection and decision take 20m of this RTO; automate both/);
    expect(ws.rpoSeconds).toBeLessThanOrEqual(10 * MIN);
  });

  it('warm standby: within minutes once detection and decision are automated', async () => {
    const auto = await estimateReport(example('web-app', (w) => Object.assign(w.operations, { detection: 'automated', failoverDecision: 'automated' })));
    const s = strategy(auto, 'warm-standby');
    expect(s.rtoSeconds).toBeLessThanOrEqual(15 * MIN);
    expect(s.rtoCategory).toBe('minutes');
    expect(s.notes).toEqual([]);
  });

  it('active-active: RTO a few minutes at most, RPO near zero', () => {
    expect(aa.rtoSeconds).toBeLessThanOrEqual(10 * MIN);
    expect(aa.rpoSeconds).toBeLessThanOrEqual(60);
    expect(aa.rpoCategory).toBe('near zero');
  });

  it('RTO never gets worse from backup-restore to active-active', () => {
    const rtos = [br, pl, ws, aa].map((s) => s.rtoSeconds);
    expect([...rtos].sort((a, b) => b - a)).toEqual(rtos);
  });
});

describe('the other examples keep the cost order (or explain it) and the RTO order', () => {
  it('serverless-dynamodb: the seed cost order holds', async () => {
    const r = await estimateReport(example('serverless-dynamodb'));
    const costs = r.strategies.map((s) => s.drMonthlyCost);
    expect([...costs].sort((a, b) => a - b)).toEqual(costs);
    expect(new Set(costs).size).toBe(4);
    expect(r.notes).toEqual([]);
    const rtos = r.strategies.map((s) => s.rtoSeconds);
    expect([...rtos].sort((a, b) => b - a)).toEqual(rtos);
  });
  it('global-saas: pilot light < warm standby < active-active; backup & restore above pilot light, explained', async () => {
    const r = await estimateReport(example('global-saas'));
    const [br, pl, ws, aa] = r.strategies;
    expect(pl.drMonthlyCost).toBeLessThan(ws.drMonthlyCost);
    expect(ws.drMonthlyCost).toBeLessThan(aa.drMonthlyCost);
    // 30.42 full copies × 1,000 GB × $0.02 (us-east-1 → eu-west-1) = $608.33 a month
    expect(line(br.lineItems, 'Backup copy transfer to eu-west-1 (full copies)').monthlyCost).toBe(608.33);
    expect(br.drMonthlyCost).toBeGreaterThan(pl.drMonthlyCost);
    expect(r.notes).toHaveLength(1);
    expect(r.notes[0]).toMatch(/Aurora snapshot copies are full copies, so the 24 h cross-region copies of the 1000 GB cluster cost \$608\.33\/month/);
    const rtos = r.strategies.map((s) => s.rtoSeconds);
    expect([...rtos].sort((a, b) => b - a)).toEqual(rtos);
  });
});

/**
 * The seed document's summary table (design.md §1, §5.2): for the web-app example each strategy lands in its row,
 * and DR cost is strictly ordered backup-restore < pilot-light < warm-standby < active-active.
 */
import { describe, expect, it } from 'vitest';
import { estimateReport, example, HOUR, MIN, strategy } from '../helpers/core';

describe('web-app lands in the seed table', async () => {
  const r = await estimateReport(example('web-app'));
  const br = strategy(r, 'backup-restore');
  const pl = strategy(r, 'pilot-light');
  const ws = strategy(r, 'warm-standby');
  const aa = strategy(r, 'active-active');

  it('DR cost is strictly ordered, lowest to highest', () => {
    expect(br.drMonthlyCost).toBeLessThan(pl.drMonthlyCost);
    expect(pl.drMonthlyCost).toBeLessThan(ws.drMonthlyCost);
    expect(ws.drMonthlyCost).toBeLessThan(aa.drMonthlyCost);
    expect(br.drMonthlyCost).toBeGreaterThan(0);
  });

  it('backup & restore: RTO in hours, RPO tens of minutes to hours', () => {
    expect(br.rtoSeconds).toBeGreaterThanOrEqual(1 * HOUR);
    expect(br.rtoSeconds).toBeLessThan(24 * HOUR);
    expect(br.rtoCategory).toBe('hours');
    expect(br.rpoSeconds).toBeGreaterThanOrEqual(10 * MIN);
  });

  it('pilot light: RTO in tens of minutes, RPO within minutes', () => {
    expect(pl.rtoSeconds).toBeGreaterThan(15 * MIN);
    expect(pl.rtoSeconds).toBeLessThan(1 * HOUR);
    expect(pl.rtoCategory).toBe('tens of minutes');
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

describe('the other examples keep the cost order and the RTO order', () => {
  for (const name of ['serverless-dynamodb', 'global-saas']) {
    it(name, async () => {
      const r = await estimateReport(example(name));
      const costs = r.strategies.map((s) => s.drMonthlyCost);
      expect([...costs].sort((a, b) => a - b)).toEqual(costs);
      expect(new Set(costs).size).toBe(4);
      const rtos = r.strategies.map((s) => s.rtoSeconds);
      expect([...rtos].sort((a, b) => b - a)).toEqual(rtos);
    });
  }
});

/** The recommendation rule (design.md §5.3, issue 12) on constructed cases, and the expected annual cost by hand. */
import { describe, expect, it } from 'vitest';
import { recommend } from '../../src/advisor/recommend';
import { planEstimate } from '../../src/advisor/plan';
import { createSnapshotPriceBook } from '../../src/pricing/snapshot/book';
import { annualAt, breakEvenDowntimeCost, type LossModel } from '../../src/advisor/loss';
import { evaluate, outageOf } from '../../src/advisor/evaluate';
import { resolveAssumptions } from '../../src/model/assumptions';
import { lognormalCappedMean, lognormalMean } from '../../src/recovery/distributions';
import type { StrategyResult } from '../../src/advisor/types';
import { estimateReport, example, strategy } from '../helpers/core';

function s(id: string, drMonthlyCost: number, rtoSeconds: number, violations: StrategyResult['violations'] = [], total: number | null = null): StrategyResult {
  const d = { p50: rtoSeconds, p90: rtoSeconds, p99: rtoSeconds, mean: rtoSeconds, atConfidence: rtoSeconds, confidence: 0.9, pMeetsTarget: null, samples: 1 };
  return {
    id, name: id, base: id, summary: '', drMonthlyCost, rtoSeconds, rpoSeconds: 60, rtoCategory: 'minutes', rpoCategory: 'near zero',
    rto: d, rpo: { ...d, p50: 60, atConfidence: 60 }, rtoTypicalSumSeconds: rtoSeconds, rpoTypicalSeconds: 60, phases: [], rpoSources: [], meetsTargets: violations.length === 0,
    violations, expectedAnnualLoss: total === null ? null : total - 12 * drMonthlyCost, totalAnnualCost: total,
    annual: { drRunning: 12 * drMonthlyCost, expectedLoss: null, lossByScenario: null, failoverEvents: 0, drills: 0, total, regionChoice: 'fail-over' },
    perEvent: { runPerHour: 0, failbackCost: 0, failbackHours: 0, pCompletes: 1, expectedHours: 0, priceKeys: [] }, designChange: null, lineItems: [], costEstimated: false, assumptions: [], notes: [],
  };
}
const rtoMiss = (actual: number, limit: number) => ({ target: 'rto' as const, actual, limit, message: `RTO ${actual}s > ${limit}s target` });

describe('recommend', () => {
  it('without business costs: the cheapest strategy that meets the targets', () => {
    const r = recommend([s('a', 10, 9000, [rtoMiss(9000, 3600)]), s('b', 100, 3000), s('c', 200, 600)], false);
    expect(r).toMatchObject({ strategy: 'b', base: 'b', basis: 'dr-monthly-cost', meetsTargets: true });
    expect(r.rejected.map((x) => x.strategy)).toEqual(['a', 'c']);
    expect(r.rejected[0].reason).toBe('a misses RTO 9000s > 3600s target.');
    expect(r.rejected[1].reason).toBe('c meets the targets but costs $100.00/month more.');
  });
  it('with business costs: the lowest total expected annual cost', () => {
    const r = recommend([s('b', 100, 3000, [], 20000), s('c', 200, 600, [], 5000)], true);
    expect(r).toMatchObject({ strategy: 'c', basis: 'total-annual-cost' });
    expect(r.rejected[0].reason).toMatch(/^b is \$100.00\/month cheaper but its RTO of 50m raises the expected annual loss, for \$15,000\/year more in total\.$/);
  });
  it('when none qualifies: the closest, saying what it misses', () => {
    const r = recommend([s('a', 10, 36000, [rtoMiss(36000, 600)]), s('b', 100, 1200, [rtoMiss(1200, 600)])], false);
    expect(r).toMatchObject({ strategy: 'b', basis: 'closest', meetsTargets: false });
    expect(r.reason).toMatch(/^No strategy meets every target at 90% confidence; b comes closest .* but misses: RTO 1200s > 600s target\.$/);
  });
  it('a drop-in variant can be recommended; a variant that changes the design is not, and the reason says so', () => {
    const v = { ...s('v', 100, 600), base: 'b' };
    const partitioned = { ...s('p', 100, 300), base: 'b', designChange: 'partitioned writes need every key to have a home region' };
    const frontier = [
      { id: 'b', name: 'b', cost: 120, rtoP90: 900, rtoAtConfidence: 900, pareto: false, dominatedBy: 'v', sameAs: null },
      { id: 'v', name: 'v', cost: 100, rtoP90: 600, rtoAtConfidence: 600, pareto: false, dominatedBy: 'p', sameAs: null },
      { id: 'p', name: 'p', cost: 100, rtoP90: 300, rtoAtConfidence: 300, pareto: true, dominatedBy: null, sameAs: null },
    ];
    const r = recommend([s('b', 120, 900)], false, { variants: [v, partitioned], frontier });
    expect(r).toMatchObject({ strategy: 'v', base: 'b' });
    expect(r.notDominating).toEqual([{ strategy: 'p', reason: 'p costs $100.00/month and recovers in 5m at 90% confidence, but it is not a drop-in choice: partitioned writes need every key to have a home region.' }]);
  });
  it('says so when no DR costs less in expectation', () => {
    const noDr = { totalAnnualCost: 1000 } as never;
    const r = recommend([s('b', 100, 600, [], 5000)], true, { noDr });
    expect(r.notes).toEqual([
      'Without DR, waiting regional outages out, the expected annual cost is $1,000.00, $4,000.00 less than b: at these business costs DR is insurance that the targets call for, not a saving in expectation.',
    ]);
  });
});

describe('expected annual cost, by hand', () => {
  const a = resolveAssumptions({});
  const d = outageOf(a);
  it('the regional outage: a lognormal with median 4 h and P90 15 h, mean 6.8084 h', () => {
    // σ = ln(15/4) / z(0.9) = 1.32176 / 1.28155 = 1.031372; mean = 4 × e^(σ²/2) = 4 × 1.702101 = 6.808406 h
    expect(d.sigma).toBeCloseTo(1.031372, 5);
    expect(lognormalMean(d) / 3600).toBeCloseTo(6.808406, 4);
    // a 1 h recovery capped by the outage: 1 × P(D > 1 h) + E[D; D ≤ 1 h] = 0.910546 + 6.808406 × Φ(−2.37549) = 0.970206 h
    expect(lognormalCappedMean(d, 3600) / 3600).toBeCloseTo(0.970206, 4);
  });
  const model = (over: Partial<LossModel> = {}): LossModel => ({
    drMonthlyCost: 100, drillsPerYear: 2, drillCost: 5, regionEventsPerYear: 0.5, azEventsPerYear: 0.5, corruptionEventsPerYear: 0.25,
    failover: { downtimeHours: 1, dataLossHours: 0.5, cost: 20 },
    wait: { downtimeHours: 6.8, dataLossHours: 0, cost: 0 },
    az: { downtimeHours: 0.1, dataLossHours: 0, cost: 0 },
    corruption: { downtimeHours: 2, dataLossHours: 0, cost: 0 },
    ...over,
  });
  it('total = 12 × DR + the chosen regional outcome + AZ + corruption + failovers + drills', () => {
    // fail over: $20,000 × 1 h + $5,000 × 0.5 h + $20 = $22,520 per event < wait: $20,000 × 6.8 h = $136,000
    // region 0.5 × $22,500 = $11,250; AZ 0.5 × $2,000 = $1,000; corruption 0.25 × $40,000 = $10,000;
    // failovers 0.5 × $20 = $10; drills 2 × $5 = $10; 12 × $100 = $1,200 → $23,470
    const x = annualAt(model(), 20000, 5000);
    expect(x).toMatchObject({ choice: 'fail-over', region: 11250, az: 1000, corruption: 10000, events: 10 });
    expect(x.loss).toBe(22250);
    expect(x.total).toBe(23470);
  });
  it('waiting is chosen when the data a failover loses costs more than the downtime it saves', () => {
    // fail over: $1,000 × 1 h + $200,000 × 0.5 h + $20 = $101,020 > wait: $1,000 × 6.8 h = $6,800
    const x = annualAt(model(), 1000, 200000);
    expect(x.choice).toBe('wait');
    expect(x.region).toBeCloseTo(0.5 * 6800, 6);
    expect(x.events).toBe(0);
  });
  it('break-even downtime cost: 12 × ΔDR = ΔEAL → v', () => {
    // cheaper: DR $100, fails over in 2 h; costlier: DR $200, in 1 h; no data loss, no other costs.
    // 12 × $100 = $1,200 = 0.5/yr × v × (2 − 1) h → v = $2,400/h
    const zero = { downtimeHours: 0, dataLossHours: 0, cost: 0 };
    const base = { drillsPerYear: 0, drillCost: 0, regionEventsPerYear: 0.5, azEventsPerYear: 0, corruptionEventsPerYear: 0, wait: { downtimeHours: 6.8, dataLossHours: 0, cost: 0 }, az: zero, corruption: zero };
    const cheaper: LossModel = { ...base, drMonthlyCost: 100, failover: { downtimeHours: 2, dataLossHours: 0, cost: 0 } };
    const costlier: LossModel = { ...base, drMonthlyCost: 200, failover: { downtimeHours: 1, dataLossHours: 0, cost: 0 } };
    expect(breakEvenDowntimeCost(cheaper, costlier, 0)).toBeCloseTo(2400, 6);
    expect(breakEvenDowntimeCost(costlier, cheaper, 0)).toBe(0);
    expect(breakEvenDowntimeCost(cheaper, { ...costlier, failover: { downtimeHours: 3, dataLossHours: 0, cost: 0 } }, 0)).toBeNull();
  });
  it('a one-server fleet: warm standby and active-active cost the same, and the break-even says so rather than "pays off … covers its extra $0.00"', async () => {
    const r = await estimateReport(example('web-app', (d) => {
      d.compute = { instanceType: 'm5.large', count: 1 };
      d.business = { downtimeCostPerHour: 100 };
    }));
    const ws = strategy(r, 'warm-standby');
    const aa = strategy(r, 'active-active');
    expect(aa.drMonthlyCost).toBe(ws.drMonthlyCost);
    const be = r.breakEven.find((b) => b.cheaper === 'warm-standby' && b.costlier === 'active-active')!;
    expect(be.downtimeCostPerHour).toBe(0);
    expect(be.sentence).toBe(`Multi-site Active-Active costs the same as Warm Standby ($${ws.drMonthlyCost.toFixed(2)}/month) and loses less in a disruption: it is the better of the two at any downtime cost (at 0.5 regional events a year).`);
    for (const b of r.breakEven) expect(b.sentence).not.toMatch(/\$0\.00\/month/);
  });
  it('the count in the recommendation is the distinct drop-in options that meet the targets (one server: 10 rows ✓, 3 distinct)', async () => {
    const w = example('web-app', (d) => {
      d.compute = { instanceType: 'm5.large', count: 1 };
      d.business = { downtimeCostPerHour: 100 };
    });
    const plan = planEstimate(w, { variants: true });
    const { prices } = await createSnapshotPriceBook().resolve(plan.keys);
    const r = evaluate(plan, prices, { generatedAt: '2026-11-25T00:00:00.000Z', version: 'test', samples: 2000, seed: 1 });
    const sameAs = new Set(r.frontier.filter((p) => p.sameAs != null).map((p) => p.id));
    const distinct = [...r.strategies, ...r.variants.filter((v) => v.designChange === null && !sameAs.has(v.id))].filter((s) => s.meetsTargets);
    expect([...r.strategies, ...r.variants].filter((s) => s.meetsTargets).length).toBeGreaterThan(distinct.length);
    expect(r.recommendation.reason).toContain(`of the ${distinct.length} distinct drop-in options that meet the targets`);
    expect(distinct.map((s) => s.id)).toContain(r.recommendation.strategy);
  });
  it('no business costs → no expected loss, but failovers and drills are still counted', async () => {
    const r = await estimateReport(example('web-app', (w) => (w.business = {})));
    for (const x of r.strategies) {
      expect(x.expectedAnnualLoss).toBeNull();
      expect(x.totalAnnualCost).toBeNull();
      expect(x.annual.drills).toBeCloseTo(2 * 4 * x.perEvent.runPerHour, 1);
    }
  });
  it('the report uses them: web-app totals add up, no DR waits, and the recommendation is the cheapest that qualifies', async () => {
    const r = await estimateReport(example('web-app'));
    for (const x of r.strategies) {
      const parts = 12 * x.drMonthlyCost + x.expectedAnnualLoss! + x.annual.failoverEvents + x.annual.drills;
      // each part is rounded to cents, the total before rounding: 12 × ½¢ + 4 × ½¢ at most
      expect(Math.abs(x.totalAnnualCost! - parts)).toBeLessThanOrEqual(0.08 + 1e-9);
      const l = x.annual.lossByScenario!;
      expect(Math.abs(x.expectedAnnualLoss! - (l.region + l.az + l.corruption))).toBeLessThanOrEqual(0.02 + 1e-9);
    }
    // No DR: 0.5/yr × $20,000/h × 6.808406 h = $68,084 for the regional outages alone
    expect(r.noDr.annual.lossByScenario!.region).toBeCloseTo(68084.06, 0);
    expect(r.noDr.drMonthlyCost).toBe(0);
    const best = [...r.strategies].filter((x) => x.meetsTargets).sort((a, b) => a.totalAnnualCost! - b.totalAnnualCost!)[0];
    expect(r.recommendation.strategy).toBe(best.id);
    expect(r.recommendation.rejected).toHaveLength(r.strategies.length - 1);
    for (const rej of r.recommendation.rejected) expect(rej.reason).toMatch(/\.$/);
  });
  it('without business costs the web-app recommendation is the cheapest qualifying strategy', async () => {
    const r = await estimateReport(example('web-app', (d) => (d.business = {})));
    expect(r.recommendation.strategy).toBe('warm-standby');
    expect(strategy(r, 'pilot-light').meetsTargets).toBe(false);
    expect(strategy(r, 'backup-restore').meetsTargets).toBe(false);
  });
});

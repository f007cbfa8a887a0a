/** The recommendation rule (design.md §5.3) on constructed cases and on the examples. */
import { describe, expect, it } from 'vitest';
import { recommend } from '../../src/advisor/recommend';
import { breakEvenDowntimeCost, expectedAnnualLoss } from '../../src/advisor/loss';
import type { StrategyResult } from '../../src/advisor/types';
import { estimateReport, example, strategy } from '../helpers/core';

function s(id: string, drMonthlyCost: number, rtoSeconds: number, violations: StrategyResult['violations'] = [], total: number | null = null): StrategyResult {
  return {
    id, name: id, base: id, summary: '', drMonthlyCost, rtoSeconds, rpoSeconds: 60, rtoCategory: 'minutes', rpoCategory: 'near zero',
    rto: { p50: 0, p90: 0, p99: 0, mean: 0, pMeetsTarget: null, samples: 1 }, phases: [], rpoSources: [], meetsTargets: violations.length === 0,
    violations, expectedAnnualLoss: total === null ? null : total - 12 * drMonthlyCost, totalAnnualCost: total, lineItems: [], costEstimated: false, assumptions: [], notes: [],
  };
}
const rtoMiss = (actual: number, limit: number) => ({ target: 'rto' as const, actual, limit, message: `RTO ${actual}s > ${limit}s target` });

describe('recommend', () => {
  it('without business costs: the cheapest strategy that meets the targets', () => {
    const r = recommend([s('a', 10, 9000, [rtoMiss(9000, 3600)]), s('b', 100, 3000), s('c', 200, 600)], false);
    expect(r).toMatchObject({ strategy: 'b', basis: 'dr-monthly-cost', meetsTargets: true });
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
    expect(r.reason).toMatch(/^No strategy meets every target; b comes closest .* but misses: RTO 1200s > 600s target\.$/);
  });
});

describe('expected annual loss and break-even, by hand', () => {
  const w = example('web-app');
  it('EAL = 0.5/yr × ($20,000/h × 2 h + $5,000/h × 0.25 h) = $20,625', () => {
    expect(expectedAnnualLoss(w, 2 * 3600, 900)).toBeCloseTo(20625, 6);
  });
  it('no business costs → no EAL', () => {
    expect(expectedAnnualLoss(example('web-app', (d) => (d.business = {})), 3600, 60)).toBeNull();
  });
  it('break-even: 12 × $100 = 0.5 × v × 1 h → v = $2,400/h', () => {
    const b = breakEvenDowntimeCost(
      example('web-app', (d) => (d.business = { downtimeCostPerHour: 1, regionEventsPerYear: 0.5 })),
      { drMonthlyCost: 100, rtoSeconds: 2 * 3600, rpoSeconds: 60 },
      { drMonthlyCost: 200, rtoSeconds: 3600, rpoSeconds: 60 },
    );
    expect(b).toBeCloseTo(2400, 6);
  });
  it('the report uses them: web-app total = 12 × DR cost + EAL for each strategy', async () => {
    const r = await estimateReport(w);
    for (const x of r.strategies) {
      const eal = 0.5 * (20000 * (x.rtoSeconds / 3600) + 5000 * (x.rpoSeconds / 3600));
      expect(x.expectedAnnualLoss).toBeCloseTo(eal, 1);
      expect(x.totalAnnualCost).toBeCloseTo(12 * x.drMonthlyCost + eal, 0);
    }
    const best = [...r.strategies].filter((x) => x.meetsTargets).sort((a, b) => a.totalAnnualCost! - b.totalAnnualCost!)[0];
    expect(r.recommendation.strategy).toBe(best.id);
    expect(r.recommendation.rejected).toHaveLength(r.strategies.length - 1);
    for (const rej of r.recommendation.rejected) expect(rej.reason).toMatch(/\.$/);
  });
  it('without business costs the web-app recommendation is the cheapest qualifying strategy', async () => {
    const r = await estimateReport(example('web-app', (d) => (d.business = {})));
    expect(r.recommendation.strategy).toBe('pilot-light');
    expect(strategy(r, 'backup-restore').meetsTargets).toBe(false);
  });
});

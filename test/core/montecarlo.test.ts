import { describe, expect, it } from 'vitest';
import { resolveAssumptions } from '../../src/model/assumptions';
import { mulberry32, percentile, samplePert, simulateRto } from '../../src/recovery/montecarlo';
import { phase, rtoSeconds } from '../../src/recovery/phases';
import { estimateReport, example } from '../helpers/core';

describe('Monte Carlo RTO', () => {
  it('percentiles are ordered and bracket the typical value of each strategy', async () => {
    const r = await estimateReport(example('web-app'), { samples: 5000 });
    for (const s of r.strategies) {
      expect(s.rto.p50).toBeLessThanOrEqual(s.rto.p90);
      expect(s.rto.p90).toBeLessThanOrEqual(s.rto.p99);
      const lo = s.phases.reduce((a, p) => a + (p.branch === 'serial' ? p.lowSeconds : 0), 0);
      expect(s.rto.p50).toBeGreaterThan(lo);
    }
  });

  it('the same seed gives the same output; another seed differs', async () => {
    const a = await estimateReport(example('web-app'), { seed: 7 });
    const b = await estimateReport(example('web-app'), { seed: 7 });
    const c = await estimateReport(example('web-app'), { seed: 8 });
    expect(a.strategies.map((s) => s.rto)).toEqual(b.strategies.map((s) => s.rto));
    expect(a.strategies.map((s) => s.rto.p90)).not.toEqual(c.strategies.map((s) => s.rto.p90));
  });

  it('P50 is close to the point estimate for symmetric phases', () => {
    const a = resolveAssumptions({});
    const symmetric = [
      phase(a, 'detect', 'detect', 'serial', [], { value: 600, low: 300, high: 900, what: 'test' }),
      phase(a, 'restore', 'restore', 'data', [], { value: 1800, low: 900, high: 2700, what: 'test' }),
      phase(a, 'launch', 'launch', 'compute', [], { value: 300, low: 200, high: 400, what: 'test' }),
    ];
    const d = simulateRto(symmetric, a, { samples: 20000, seed: 1, key: 'sym' });
    expect(Math.abs(d.p50 - rtoSeconds(symmetric)) / rtoSeconds(symmetric)).toBeLessThan(0.02);
    expect(simulateRto(symmetric, a, { samples: 10, seed: 1, key: 'x' }).samples).toBe(10);
  });

  it('probability of meeting the target is 0 and 1 at the extremes', () => {
    const a = resolveAssumptions({});
    const ph = [phase(a, 'detect', 'd', 'serial', [{ assumption: 'detectManualMinutes', factor: 1 }])];
    expect(simulateRto(ph, a, { samples: 1000, seed: 1, key: 'k', targetSeconds: 60 }).pMeetsTarget).toBe(0);
    expect(simulateRto(ph, a, { samples: 1000, seed: 1, key: 'k', targetSeconds: 31 * 60 }).pMeetsTarget).toBe(1);
  });

  it('PERT draws stay inside [low, high] and the nearest-rank percentile is exact', () => {
    const rand = mulberry32(3);
    for (let i = 0; i < 2000; i++) {
      const x = samplePert(2, 3, 10, rand);
      expect(x).toBeGreaterThanOrEqual(2);
      expect(x).toBeLessThanOrEqual(10);
    }
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 90)).toBe(9);
    // the PERT mean is (low + 4 × mode + high) / 6
    let sum = 0;
    for (let i = 0; i < 100000; i++) sum += samplePert(2, 3, 10, rand);
    expect(sum / 100000).toBeCloseTo((2 + 12 + 10) / 6, 1);
    expect(samplePert(5, 5, 5, rand)).toBe(5);
  });
});

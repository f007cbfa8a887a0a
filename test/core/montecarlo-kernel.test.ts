/**
 * The Monte Carlo's fast parts (issue 17): the radix sort sorts exactly as Float64Array.prototype.sort, and the
 * bounded simulation cache stays within its bound and gives the same simulations as an unbounded one.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { planEstimate } from '../../src/advisor/plan';
import { outageOf } from '../../src/advisor/evaluate';
import { SimulationCache, simulateRecovery, simulateRpo, sortSamples } from '../../src/recovery/montecarlo';
import { loadExample } from '../../src/workload/load';

function sortedBoth(values: number[]): [Float64Array, Float64Array] {
  const a = Float64Array.from(values);
  const b = Float64Array.from(values);
  sortSamples(a);
  b.sort();
  return [a, b];
}

function bits(a: Float64Array): string[] {
  return Array.from(a, (x) => (Object.is(x, -0) ? '-0' : String(x)));
}

describe('sortSamples', () => {
  it('sorts as the built-in sort does: finite samples ≥ 0, from 256 values up (the radix path)', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0, max: 1e7, noNaN: true }), { minLength: 256, maxLength: 3000 }), (values) => {
        const [a, b] = sortedBoth(values);
        expect(bits(a)).toEqual(bits(b));
      }),
      { numRuns: 60 },
    );
  });

  it('sorts ties, values equal in their upper 32 bits, and a run too long for the insertion pass', () => {
    const base = 3600.25;
    // Same upper bits, different lower bits: the insertion pass orders them.
    const close = Array.from({ length: 600 }, (_, i) => base + ((i * 7919) % 600) * 1e-9);
    // Ties and constants.
    const ties = Array.from({ length: 1000 }, (_, i) => [5, 5, 7, 0, 1e6][i % 5]);
    // 5,000 values within 2^-20 of each other, reversed: more moves than the insertion pass allows.
    const crowd = Array.from({ length: 5000 }, (_, i) => 1000 + (5000 - i) * 1e-10);
    for (const values of [close, ties, crowd]) {
      const [a, b] = sortedBoth(values);
      expect(bits(a)).toEqual(bits(b));
    }
  });

  it('falls back to the built-in sort for negatives, −0, infinities and NaN', () => {
    const values = Array.from({ length: 400 }, (_, i) => (i % 97 === 0 ? -0 : i % 89 === 0 ? -3 : i % 83 === 0 ? Infinity : i % 79 === 0 ? NaN : i * 1.5));
    const [a, b] = sortedBoth(values);
    expect(bits(a)).toEqual(bits(b));
    expect(Number.isNaN(a[a.length - 1])).toBe(true);
  });
});

describe('SimulationCache', () => {
  const plan = planEstimate(loadExample('web-app'), { variants: true });
  const a = plan.assumptions;
  const all = [...plan.strategies, ...plan.variants];
  const opts = { samples: 2000, seed: 4, outage: outageOf(a) };

  it('holds at most its bound, and what it gives is what simulating gives, hit or miss', () => {
    // Room for about two 2,000-sample simulations.
    const small = new SimulationCache(40_000);
    for (let round = 0; round < 2; round++) {
      for (const s of all) {
        const o = { ...opts, rampServed: s.plan.rampServed ?? 0 };
        expect(small.recovery(s.plan.phases, a, o)).toEqual(simulateRecovery(s.plan.phases, a, o));
        expect(small.rpo(s.plan.rpo, a, opts)).toEqual(simulateRpo(s.plan.rpo, a, opts));
        expect(small.size).toBeLessThanOrEqual(2);
      }
    }
  });

  it('keeps a simulation that is used again while others come and go (second chance)', () => {
    const cache = new SimulationCache(60_000);
    const keep = all[0];
    const o = { ...opts, rampServed: keep.plan.rampServed ?? 0 };
    const first = cache.recovery(keep.plan.phases, a, o);
    for (const s of all.slice(1)) {
      cache.rpo(s.plan.rpo, a, { samples: 2000, seed: 9 });
      expect(cache.recovery(keep.plan.phases, a, o)).toBe(first);
    }
    // Every look-up of the kept one was a hit (some strategies also share an RPO simulation).
    expect(cache.hits).toBeGreaterThanOrEqual(all.length - 1);
  });
});

/**
 * The Monte Carlo's WebAssembly kernel (issue 17, src/recovery/kernel.wat) against its oracle: the JavaScript kernels
 * it replaced, kept here verbatim as the reference (`reference` below). For random phases, terms, shapes, seeds,
 * sample counts (1, 255, 256, 2,000, 10,000…), ramps and parts groups, and for the bundled examples' plans, the
 * simulations must be bitwise equal: the sorted samples' bytes, and the means with Object.is. Also: the generated
 * src/recovery/kernel-wasm.ts is what scripts/build-wasm.mjs compiles from kernel.wat.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { outageOf } from '../../src/advisor/evaluate';
import { planEstimate } from '../../src/advisor/plan';
import type { AssumptionDef, Assumptions } from '../../src/model/assumptions';
import { UNIT_SECONDS } from '../../src/model/assumptions';
import { lognormalCdf, lognormalMean, normalCdf, type Lognormal } from '../../src/recovery/distributions';
import { compileDraw, hashSeed, simulateRecovery, simulateRpo, sortSamples, type CompiledTerm, type RecoveryOptions, type RecoverySim, type SampleSet } from '../../src/recovery/montecarlo';
import { parallelParts, type Phase, type RpoSource } from '../../src/recovery/phases';
import { EMPTY, QUANTILES } from '../../src/recovery/tables';
import { exampleNames, loadExample } from '../../src/workload/load';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

// ---- the reference: src/recovery/montecarlo.ts's JavaScript kernels before the WebAssembly one (commit db11a49) ------

namespace reference {
  /** distributions.ts's lognormalCappedMean as it was (the product now shares its pieces with the outage means). */
  function lognormalCappedMean(d: Lognormal, x: number): number {
    if (x <= 0) return 0;
    if (d.sigma === 0) return Math.min(x, Math.exp(d.mu));
    const lx = Math.log(x);
    const survival = 1 - normalCdf((lx - d.mu) / d.sigma);
    const partial = lognormalMean(d) * normalCdf((lx - d.mu - d.sigma * d.sigma) / d.sigma);
    return x * survival + partial;
  }

  function compileAssumption(def: AssumptionDef, factor: number, stream: string): CompiledTerm {
    const k = factor * (UNIT_SECONDS[def.unit] ?? 1);
    const dist = def.dist ?? { shape: 'pert' as const };
    return compileDraw(dist.shape, def.low, def.value, def.high, k, stream, dist.shape === 'lognormal' ? dist.boundQuantile : undefined);
  }

  function compileParts(x: Pick<Phase, 'terms' | 'fixed'>, a: Assumptions, seen: Map<string, number>): CompiledTerm[] {
    const stream = (id: string) => {
      const n = (seen.get(id) ?? 0) + 1;
      seen.set(id, n);
      return n === 1 ? id : `${id}#${n}`;
    };
    const out = x.terms.map((t) => compileAssumption(a[t.assumption], t.factor, stream(t.assumption)));
    if (x.fixed) out.push(compileDraw(x.fixed.shape ?? 'pert', x.fixed.low, x.fixed.value, x.fixed.high, 1, stream(`fixed:${x.fixed.what}`)));
    return out;
  }

  function branchOf(p: Pick<Phase, 'branch'>): 0 | 1 | 2 {
    return p.branch === 'serial' ? 0 : p.branch === 'data' ? 1 : 2;
  }

  const BLOCKS = 128;

  function meanOf(sorted: Float64Array, f: (x: number) => number): number {
    const n = sorted.length;
    if (n <= BLOCKS) {
      let s = 0;
      for (let i = 0; i < n; i++) s += f(sorted[i]);
      return s / n;
    }
    let s = 0;
    for (let b = 0; b < BLOCKS; b++) s += f(sorted[Math.min(n - 1, Math.floor(((b + 0.5) * n) / BLOCKS))]);
    return s / BLOCKS;
  }

  function partGroups(phases: readonly Phase[]): { group: number[]; branchOfGroup: number[] } | null {
    const data = parallelParts(phases, 'data');
    const compute = parallelParts(phases, 'compute');
    if (!data.length && !compute.length) return null;
    const branchOfGroup = [0, 1, 2, ...data.map(() => 1), ...compute.map(() => 2)];
    const group = phases.map((p) => {
      const b = branchOf(p);
      if (b === 0) return 0;
      const parts = b === 1 ? data : compute;
      const i = p.part === undefined ? -1 : parts.indexOf(p.part);
      return i < 0 ? b : 3 + (b === 1 ? 0 : data.length) + i;
    });
    return { group, branchOfGroup };
  }

  interface Compiled {
    base: Float64Array;
    span: Float64Array;
    seeds: Uint32Array;
    tables: Float64Array[];
  }

  function compiled(terms: readonly CompiledTerm[], seed: number): Compiled {
    return {
      base: Float64Array.from(terms, (t) => t.base),
      span: Float64Array.from(terms, (t) => (t.table === null ? 0 : t.span)),
      seeds: Uint32Array.from(terms, (t) => hashSeed(seed, t.stream) >>> 0),
      tables: terms.map((t) => t.table ?? EMPTY),
    };
  }

  let scratch = new Float64Array(0);
  function columns(count: number, n: number): Float64Array[] {
    if (scratch.length < count * n) scratch = new Float64Array(Math.max(count * n, scratch.length * 2));
    const out: Float64Array[] = [];
    for (let c = 0; c < count; c++) out.push(scratch.subarray(c * n, (c + 1) * n).fill(0));
    return out;
  }

  const U_SCALE = QUANTILES / 4294967296;

  function drawColumn(n: number, seed: number, base: number, span: number, q: Float64Array, v: Float64Array): void {
    if (span === 0) {
      v.fill(base);
      return;
    }
    let s = seed;
    for (let i = 0; i < n; i++) {
      s = (s + 0x6d2b79f5) >>> 0;
      let x = Math.imul(s ^ (s >>> 15), s | 1);
      x ^= x + Math.imul(x ^ (x >>> 7), x | 61);
      const u = ((x ^ (x >>> 14)) >>> 0) * U_SCALE;
      const f = u | 0;
      const lo = q[f];
      v[i] = base + span * (lo + (q[f + 1] - lo) * (u - f));
    }
  }

  function addInto(acc: Float64Array, v: Float64Array, n: number): void {
    for (let i = 0; i < n; i++) acc[i] += v[i];
  }

  export function simulateRecovery(phases: readonly Phase[], a: Assumptions, opts: RecoveryOptions): RecoverySim {
    const n = Math.max(1, Math.floor(opts.samples));
    const served = opts.rampServed ?? 0;
    const d = opts.outage ?? null;
    const seen = new Map<string, number>();
    const terms: CompiledTerm[] = [];
    const branchList: number[] = [];
    const rampList: number[] = [];
    const groupList: number[] = [];
    const grouping = partGroups(phases);
    phases.forEach((p, i) => {
      for (const t of compileParts(p, a, seen)) {
        terms.push(t);
        branchList.push(branchOf(p));
        rampList.push(p.ramp ? 1 : 0);
        if (grouping) groupList.push(grouping.group[i]);
      }
    });
    const hasRamp = served > 0 && rampList.some((x) => x === 1);
    const out = new Float64Array(n);
    const c = compiled(terms, opts.seed);
    const ramp = Uint8Array.from(rampList);
    const sums = grouping
      ? partsKernel(n, c, Uint16Array.from(groupList), Uint8Array.from(grouping.branchOfGroup), ramp, hasRamp ? served : 0, out)
      : recoveryKernel(n, c, Uint8Array.from(branchList), ramp, hasRamp ? served : 0, out);
    const effective = hasRamp ? sums.effective : out;
    sortSamples(out);
    if (hasRamp) sortSamples(effective);
    return {
      sorted: out,
      mean: sums.sum / n,
      meanEffective: sums.sumEffective / n,
      outage: d
        ? {
            downtimeSeconds: meanOf(effective, (x) => lognormalCappedMean(d, x)),
            cappedRecoverySeconds: meanOf(out, (x) => lognormalCappedMean(d, x)),
            pCompletes: meanOf(out, (x) => 1 - lognormalCdf(d, x)),
          }
        : null,
    };
  }

  interface KernelSums {
    sum: number;
    sumEffective: number;
    effective: Float64Array;
  }

  function recoveryKernel(n: number, c: Compiled, branch: Uint8Array, ramp: Uint8Array, served: number, out: Float64Array): KernelSums {
    const [v, serial, data, compute, rampPart, effective] = columns(6, n);
    for (let j = 0; j < c.base.length; j++) {
      drawColumn(n, c.seeds[j], c.base[j], c.span[j], c.tables[j], v);
      const b = branch[j];
      if (b === 0) addInto(serial, v, n);
      else if (b === 1) addInto(data, v, n);
      else {
        addInto(compute, v, n);
        if (ramp[j] === 1) addInto(rampPart, v, n);
      }
    }
    let sum = 0;
    let sumEffective = 0;
    for (let i = 0; i < n; i++) {
      const di = data[i];
      const ci = compute[i];
      const full = serial[i] + (di > ci ? di : ci);
      out[i] = full;
      sum += full;
      if (served > 0) {
        const nonRamp = ci - rampPart[i];
        const partial = serial[i] + (di > nonRamp ? di : nonRamp);
        const eff = full - (full - partial) * served;
        effective[i] = eff;
        sumEffective += eff;
      } else sumEffective += full;
    }
    return { sum, sumEffective, effective };
  }

  function partsKernel(n: number, c: Compiled, group: Uint16Array, branchOfGroup: Uint8Array, ramp: Uint8Array, served: number, out: Float64Array): KernelSums {
    const g = branchOfGroup.length;
    const cols = columns(2 + 2 * g, n);
    const v = cols[0];
    const effective = cols[1];
    const sum = cols.slice(2, 2 + g);
    const rampSum = cols.slice(2 + g);
    for (let j = 0; j < c.base.length; j++) {
      drawColumn(n, c.seeds[j], c.base[j], c.span[j], c.tables[j], v);
      addInto(sum[group[j]], v, n);
      if (served > 0 && ramp[j] === 1) addInto(rampSum[group[j]], v, n);
    }
    let total = 0;
    let totalEffective = 0;
    for (let i = 0; i < n; i++) {
      let dataParts = 0;
      let computeParts = 0;
      let computeSteady = 0;
      for (let k = 3; k < g; k++) {
        const sk = sum[k][i];
        if (branchOfGroup[k] === 1) {
          if (sk > dataParts) dataParts = sk;
        } else {
          if (sk > computeParts) computeParts = sk;
          const steady = sk - rampSum[k][i];
          if (steady > computeSteady) computeSteady = steady;
        }
      }
      const data = sum[1][i] + dataParts;
      const compute = sum[2][i] + computeParts;
      const full = sum[0][i] + (data > compute ? data : compute);
      out[i] = full;
      total += full;
      if (served > 0) {
        const nonRamp = sum[2][i] - rampSum[2][i] + computeSteady;
        const partial = sum[0][i] + (data > nonRamp ? data : nonRamp);
        const eff = full - (full - partial) * served;
        effective[i] = eff;
        totalEffective += eff;
      } else totalEffective += full;
    }
    return { sum: total, sumEffective: totalEffective, effective };
  }

  export function simulateRpo(sources: readonly RpoSource[], a: Assumptions, opts: { samples: number; seed: number }): SampleSet {
    const n = Math.max(1, Math.floor(opts.samples));
    const seen = new Map<string, number>();
    const terms: CompiledTerm[] = [];
    const groupList: number[] = [];
    sources.forEach((src, g) => {
      for (const t of compileParts(src, a, seen)) {
        terms.push(t);
        groupList.push(g);
      }
    });
    const out = new Float64Array(n);
    const sum = rpoKernel(n, compiled(terms, opts.seed), Uint16Array.from(groupList), out);
    sortSamples(out);
    return { sorted: out, mean: sum / n };
  }

  function rpoKernel(n: number, c: Compiled, group: Uint16Array, out: Float64Array): number {
    const [v, current] = columns(2, n);
    out.fill(0);
    let g = -1;
    for (let j = 0; j < c.base.length; j++) {
      if (group[j] !== g) {
        if (g !== -1) worstInto(out, current, n);
        current.fill(0);
        g = group[j];
      }
      drawColumn(n, c.seeds[j], c.base[j], c.span[j], c.tables[j], v);
      addInto(current, v, n);
    }
    if (g !== -1) worstInto(out, current, n);
    let sum = 0;
    for (let i = 0; i < n; i++) sum += out[i];
    return sum;
  }

  function worstInto(worst: Float64Array, current: Float64Array, n: number): void {
    for (let i = 0; i < n; i++) if (current[i] > worst[i]) worst[i] = current[i];
  }

  let sortScratch = new Float64Array(0);
  let sortScratchWords = new Uint32Array(0);
  const digitCounts = new Uint32Array(3 * 2048);

  export function sortSamples(a: Float64Array): void {
    const n = a.length;
    if (n < 256) {
      a.sort();
      return;
    }
    const words = new Uint32Array(a.buffer, a.byteOffset, n * 2);
    const counts = digitCounts;
    counts.fill(0);
    for (let i = 1; i < 2 * n; i += 2) {
      const h = words[i];
      if (h >= 0x7ff00000) {
        a.sort();
        return;
      }
      counts[h & 2047]++;
      counts[2048 + ((h >>> 11) & 2047)]++;
      counts[4096 + (h >>> 22)]++;
    }
    if (sortScratch.length < n) {
      sortScratch = new Float64Array(n);
      sortScratchWords = new Uint32Array(sortScratch.buffer);
    }
    let src: Float64Array = a;
    let srcWords: Uint32Array = words;
    let dst: Float64Array = sortScratch;
    let dstWords: Uint32Array = sortScratchWords;
    const h0 = words[1];
    for (let d = 0; d < 3; d++) {
      const off = d * 2048;
      const shift = d * 11;
      if (counts[off + ((h0 >>> shift) & 2047)] === n) continue;
      let total = 0;
      for (let k = off; k < off + 2048; k++) {
        const c = counts[k];
        counts[k] = total;
        total += c;
      }
      for (let i = 0; i < n; i++) dst[counts[off + ((srcWords[2 * i + 1] >>> shift) & 2047)]++] = src[i];
      const t = src;
      src = dst;
      dst = t;
      const tw = srcWords;
      srcWords = dstWords;
      dstWords = tw;
    }
    if (src !== a) a.set(src.subarray(0, n));
    let moves = 0;
    for (let i = 1; i < n; i++) {
      const k = words[2 * i + 1];
      if (k !== words[2 * i - 1]) continue;
      const v = a[i];
      let j = i - 1;
      while (j >= 0 && words[2 * j + 1] === k && a[j] > v) {
        a[j + 1] = a[j];
        j--;
      }
      a[j + 1] = v;
      moves += i - 1 - j;
      if (moves > 4 * n) {
        a.sort();
        return;
      }
    }
  }
}

// ---- comparing ---------------------------------------------------------------------------------------------------

/** The bytes of a float64 array, as hex (NaN payloads and −0 included). */
function hex(a: Float64Array): string {
  return Buffer.from(a.buffer, a.byteOffset, a.byteLength).toString('hex');
}

function expectSameSet(actual: SampleSet, expected: SampleSet): void {
  expect(actual.sorted.length).toBe(expected.sorted.length);
  expect(hex(actual.sorted) === hex(expected.sorted)).toBe(true);
  expect(Object.is(actual.mean, expected.mean)).toBe(true);
}

function expectSameRecovery(actual: RecoverySim, expected: RecoverySim): void {
  expectSameSet(actual, expected);
  expect(Object.is(actual.meanEffective, expected.meanEffective)).toBe(true);
  if (expected.outage === null) expect(actual.outage).toBeNull();
  else {
    expect(actual.outage).not.toBeNull();
    for (const k of ['downtimeSeconds', 'cappedRecoverySeconds', 'pCompletes'] as const) expect(Object.is(actual.outage![k], expected.outage[k])).toBe(true);
  }
}

// ---- random plans ------------------------------------------------------------------------------------------------

const NAMES = ['a0', 'a1', 'a2', 'a3', 'a4', 'a5'];
const PART_NAMES = ['p', 'q', 'r', 's'];

/** A value in [0, max]: fast-check's doubles (biased to edge cases: 0, max, tiny) or plain decimals. */
const amount = (max: number) => fc.oneof(fc.double({ min: 0, max, noNaN: true }), fc.integer({ min: 0, max: max * 1e4 }).map((x) => x / 1e4));

/** A range (low ≤ value ≤ high, sometimes degenerate). */
const range = fc
  .tuple(amount(500), amount(500), amount(500), fc.integer({ min: 0, max: 5 }))
  .map(([x, y, z, degenerate]) => {
    const [low, value, high] = [x, y, z].sort((p, q) => p - q);
    if (degenerate === 0) return { low: value, value, high: value };
    if (degenerate === 1) return { low, value: low, high };
    return { low, value, high };
  });

const assumptionDef: fc.Arbitrary<AssumptionDef> = fc
  .record({
    r: range,
    unit: fc.constantFrom('seconds', 'minutes', 'hours', 'ratio' as const),
    shape: fc.constantFrom('pert', 'lognormal', 'uniform', undefined),
    boundQuantile: fc.constantFrom(0.9, 0.99, 0.999),
  })
  .map(({ r, unit, shape, boundQuantile }) => ({
    ...r, unit, description: '', source: '', estimated: false,
    ...(shape === undefined ? {} : { dist: shape === 'lognormal' ? { shape, boundQuantile } : { shape } }),
  }) as AssumptionDef);

const assumptions = fc.array(assumptionDef, { minLength: NAMES.length, maxLength: NAMES.length }).map((defs) => Object.fromEntries(NAMES.map((n, i) => [n, defs[i]])) as unknown as Assumptions);

const terms = fc.array(fc.record({ assumption: fc.constantFrom(...NAMES), factor: fc.constantFrom(0, 0.5, 1, 1, 2, 3.7) }), { maxLength: 3 }) as fc.Arbitrary<Phase['terms']>;

const fixed = fc.option(
  fc.record({ r: range, what: fc.constantFrom('ttl', 'cycle', 'x'), shape: fc.constantFrom('pert', 'uniform', 'lognormal', undefined) }).map(({ r, what, shape }) => ({ ...r, what, ...(shape ? { shape } : {}) })),
  { nil: undefined },
) as fc.Arbitrary<Phase['fixed']>;

const phaseArb: fc.Arbitrary<Phase> = fc
  .record({
    branch: fc.constantFrom('serial', 'data', 'compute' as const),
    terms,
    fixed,
    ramp: fc.boolean(),
    part: fc.option(fc.constantFrom(...PART_NAMES), { nil: undefined }),
  })
  .map(({ branch, terms, fixed, ramp, part }) => ({
    name: 'restore', label: 'x', branch, terms, ...(fixed ? { fixed } : {}), ...(ramp ? { ramp: true } : {}), ...(part !== undefined ? { part } : {}),
    seconds: 0, lowSeconds: 0, highSeconds: 0,
  }) as Phase);

const sourceArb: fc.Arbitrary<RpoSource> = fc.record({ terms, fixed }).map(({ terms, fixed }) => ({ store: 's', mechanism: 'm', terms, ...(fixed ? { fixed } : {}), seconds: 0, lowSeconds: 0, highSeconds: 0 }));

const samples = fc.oneof(fc.constantFrom(1, 2, 255, 256, 257, 2000, 10000), fc.integer({ min: 1, max: 3000 }), fc.double({ min: 0, max: 600, noNaN: true }));
const seed = fc.oneof(fc.constantFrom(0, 1, 4, 0xffffffff), fc.integer({ min: 0, max: 0xffffffff }));
const outage: fc.Arbitrary<Lognormal | null> = fc.option(fc.record({ mu: fc.double({ min: 0, max: 12, noNaN: true }), sigma: fc.oneof(fc.constant(0), fc.double({ min: 0.1, max: 2, noNaN: true })) }), { nil: null });
const served = fc.oneof(fc.constant(0), amount(1));

describe('the WebAssembly kernel is bitwise the JavaScript one', () => {
  it('recovery: random phases (serial, data, compute; ramps), seeds and sample counts', () => {
    fc.assert(
      fc.property(assumptions, fc.array(phaseArb.map((p) => { const { part: _part, ...rest } = p; return rest as Phase; }), { maxLength: 10 }), samples, seed, served, outage, (a, phases, n, s, rampServed, d) => {
        const opts = { samples: n, seed: s, rampServed, outage: d };
        expectSameRecovery(simulateRecovery(phases, a, opts), reference.simulateRecovery(phases, a, opts));
      }),
      { numRuns: 150 },
    );
  });

  it('recovery: branches of several parts (parts groups)', () => {
    fc.assert(
      fc.property(assumptions, fc.array(phaseArb, { minLength: 2, maxLength: 12 }), samples, seed, served, outage, (a, phases, n, s, rampServed, d) => {
        const opts = { samples: n, seed: s, rampServed, outage: d };
        expectSameRecovery(simulateRecovery(phases, a, opts), reference.simulateRecovery(phases, a, opts));
      }),
      { numRuns: 150 },
    );
  });

  it('RPO: random sources (the worst store), seeds and sample counts', () => {
    fc.assert(
      fc.property(assumptions, fc.array(sourceArb, { maxLength: 6 }), samples, seed, (a, sources, n, s) => {
        const opts = { samples: n, seed: s };
        expectSameSet(simulateRpo(sources, a, opts), reference.simulateRpo(sources, a, opts));
      }),
      { numRuns: 150 },
    );
  });

  it('interleaved sizes: a large simulation after small ones and back (memory grows; views are re-made)', () => {
    const a = fc.sample(assumptions, { numRuns: 1, seed: 42 })[0];
    const phases = fc.sample(fc.array(phaseArb, { minLength: 12, maxLength: 12 }), { numRuns: 1, seed: 7 })[0];
    for (const n of [10, 300, 40_000, 256, 120_000, 2000]) {
      const opts = { samples: n, seed: n, rampServed: 0.5, outage: { mu: 9, sigma: 1 } };
      expectSameRecovery(simulateRecovery(phases, a, opts), reference.simulateRecovery(phases, a, opts));
    }
  });

  it('many distinct tables (the kernel\'s table memory is recycled): each simulation still uses its own', () => {
    // 720 distinct PERT shapes: more than the kernel keeps in memory at once (1 MiB of tables, about 128).
    const def = (i: number): AssumptionDef => ({ value: 10 + i * 0.37, low: 5, high: 30 + i, unit: 'seconds', description: '', source: '', estimated: false });
    const phases: Phase[] = [
      { name: 'restore', label: 'x', branch: 'data', terms: [{ assumption: 'a0' as never, factor: 1 }, { assumption: 'a1' as never, factor: 2 }], seconds: 0, lowSeconds: 0, highSeconds: 0 },
      { name: 'launch', label: 'x', branch: 'compute', terms: [{ assumption: 'a2' as never, factor: 1 }], seconds: 0, lowSeconds: 0, highSeconds: 0 },
    ];
    for (let i = 0; i < 240; i++) {
      const a = { a0: def(3 * i), a1: def(3 * i + 1), a2: def(3 * i + 2) } as unknown as Assumptions;
      const opts = { samples: 300, seed: i };
      expectSameRecovery(simulateRecovery(phases, a, opts), reference.simulateRecovery(phases, a, opts));
      // The first table again, after others took its place.
      if (i % 50 === 49) {
        const first = { a0: def(0), a1: def(1), a2: def(2) } as unknown as Assumptions;
        expectSameRecovery(simulateRecovery(phases, first, opts), reference.simulateRecovery(phases, first, opts));
      }
    }
  });
});

describe('the bundled examples through the simulation API', () => {
  for (const name of exampleNames()) {
    it(`${name}: every strategy's and variant's RTO and RPO simulation, 2,000 and 10,000 samples`, () => {
      const plan = planEstimate(loadExample(name), { variants: true });
      const a = plan.assumptions;
      const d = outageOf(a);
      for (const s of [...plan.strategies, ...plan.variants]) {
        for (const [n, seed] of [[2000, 1], [10000, 1], [10000, 4242]]) {
          const opts = { samples: n, seed, rampServed: s.plan.rampServed ?? 0, outage: d };
          expectSameRecovery(simulateRecovery(s.plan.phases, a, opts), reference.simulateRecovery(s.plan.phases, a, opts));
          expectSameSet(simulateRpo(s.plan.rpo, a, { samples: n, seed }), reference.simulateRpo(s.plan.rpo, a, { samples: n, seed }));
        }
      }
    });
  }
});

describe('sortSamples (in WebAssembly) sorts as the reference and the built-in sort', () => {
  it('random samples, ties, crowded runs and values the radix sort cannot take', () => {
    const value = fc.oneof(
      { weight: 20, arbitrary: fc.double({ min: 0, max: 1e7, noNaN: true }) },
      { weight: 4, arbitrary: fc.constantFrom(1, 2, 3600, 3600.000000001) },
      { weight: 1, arbitrary: fc.constantFrom(-0, -1, Infinity, NaN, 0) },
    );
    fc.assert(
      fc.property(fc.array(value, { minLength: 0, maxLength: 3000 }), fc.boolean(), (values, finite) => {
        const xs = finite ? values.map((x) => (Number.isFinite(x) && !Object.is(x, -0) && x >= 0 ? x : 1)) : values;
        const a = Float64Array.from(xs);
        const b = Float64Array.from(xs);
        const c = Float64Array.from(xs);
        sortSamples(a);
        reference.sortSamples(b);
        c.sort();
        expect(hex(a)).toBe(hex(b));
        expect(hex(a)).toBe(hex(c));
      }),
      { numRuns: 120 },
    );
  });

  it('a subarray is sorted in place, its neighbours untouched', () => {
    const all = Float64Array.from({ length: 1200 }, (_, i) => ((i * 7919) % 1200) + 0.5);
    const copy = all.slice();
    sortSamples(all.subarray(100, 1100));
    expect(hex(all.subarray(0, 100))).toBe(hex(copy.subarray(0, 100)));
    expect(hex(all.subarray(1100))).toBe(hex(copy.subarray(1100)));
    expect(hex(all.subarray(100, 1100))).toBe(hex(copy.subarray(100, 1100).sort()));
  });
});

describe('src/recovery/kernel-wasm.ts and the launcher checksum', () => {
  it('are what scripts/build-wasm.mjs compiles from src/recovery/kernel.wat and src/launcher/checksum.wat (else: node scripts/build-wasm.mjs)', () => {
    const r = spawnSync(process.execPath, [`${ROOT}scripts/build-wasm.mjs`, '--check'], { encoding: 'utf8', timeout: 60_000 });
    expect(r.stdout).toContain('src/recovery/kernel-wasm.ts and bin/dr-advisor.js are up to date');
    expect(r.status).toBe(0);
  });
});

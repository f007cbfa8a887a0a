/**
 * Seeded Monte Carlo over the recovery phases and the RPO sources (dr-model.md §4). Every random term is drawn by
 * inverse CDF from a table (PERT, lognormal or uniform; recovery/distributions.ts), one uniform number per draw.
 *
 * - RTO per sample follows the critical path: serial phases + max(data branch, compute branch); within a branch that
 *   works on several parts (data stores, compute tiers), its shared phases + the slowest part's phases.
 * - RPO per sample is the worst data store: max over the sources of each source's sum of terms.
 * - Each term has its own random stream, keyed by the seed and the term (its assumption name, or the fixed part's
 *   name): the same assumption draws the same numbers in every strategy ("common random numbers"), so that two
 *   strategies that share a phase differ only where their plans differ, and a source shared by two strategies gives
 *   both the same draws.
 *
 * The headline figure is the median; a target is met when P(X ≤ target) ≥ the confidence, which is the same as the
 * confidence-quantile being ≤ the target (`summarize`). Same seed → same output. Pure: no clock, no I/O.
 */
import { UNIT_SECONDS, type AssumptionDef, type Assumptions, type Shape } from '../model/assumptions';
import { lognormalCappedMean, lognormalCdf, normalQuantile, type Lognormal } from './distributions';
import { parallelParts, type Phase, type RpoSource } from './phases';
import { betaQuantiles, EMPTY, lognormalTable, QUANTILES, uniformTable } from './tables';

/** mulberry32: a small, fast, seedable PRNG with a 2^32 period — plenty for 10^4–10^6 draws. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** FNV-1a of a string, to derive a per-term seed so that adding a term never changes another's draws. */
export function hashSeed(seed: number, text: string): number {
  let h = (2166136261 ^ seed) >>> 0;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619) >>> 0;
  return h;
}


export { betaQuantiles } from './tables';

/** One compiled random term: a draw is `base + span × T(u)`; `span` 0 is a constant. */
export interface CompiledTerm {
  /** The random stream (assumption name or fixed part), suffixed when a plan uses it twice. */
  stream: string;
  base: number;
  span: number;
  table: Float64Array | null;
}

export function compileDraw(shape: Shape, low: number, mode: number, high: number, k: number, stream: string, boundQuantile = 0.99): CompiledTerm {
  if (shape === 'uniform') {
    if (!(high > low)) return { stream, base: mode * k, span: 0, table: null };
    return { stream, base: low * k, span: (high - low) * k, table: uniformTable() };
  }
  if (shape === 'lognormal') {
    if (!(mode > 0) || !(high > mode)) return { stream, base: mode * k, span: 0, table: null };
    const sigma = Math.log(high / mode) / normalQuantile(boundQuantile);
    return { stream, base: 0, span: mode * k, table: lognormalTable(sigma) };
  }
  if (!(high > low)) return { stream, base: mode * k, span: 0, table: null };
  const m = Math.min(Math.max(mode, low), high);
  const alpha = 1 + (4 * (m - low)) / (high - low);
  const beta = 1 + (4 * (high - m)) / (high - low);
  return { stream, base: low * k, span: (high - low) * k, table: betaQuantiles(alpha, beta) };
}

function drawWith(t: CompiledTerm, rand: () => number): number {
  if (t.table === null || t.span === 0) return t.base;
  const u = rand() * QUANTILES;
  const i = Math.min(QUANTILES - 1, Math.floor(u));
  return t.base + t.span * (t.table[i] + (t.table[i + 1] - t.table[i]) * (u - i));
}

/** One draw from PERT(low, mode, high). Degenerate ranges return the mode. */
export function samplePert(low: number, mode: number, high: number, rand: () => number): number {
  return drawWith(compileDraw('pert', low, mode, high, 1, 'x'), rand);
}

/** A term of a phase or an RPO source, compiled from its assumption (or its fixed part). */
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

// ---- sample sets and their statistics ------------------------------------------------------------------------------

/** Sorted samples of one simulated quantity (seconds) and their mean. */
export interface SampleSet {
  sorted: Float64Array;
  mean: number;
}

/** The smallest count k (1 ≤ k ≤ n) with k / n ≥ q in floating point: the rank of the q-quantile. */
export function rankAt(n: number, q: number): number {
  let k = Math.min(n, Math.max(1, Math.ceil(q * n)));
  while (k > 1 && (k - 1) / n >= q) k--;
  while (k < n && k / n < q) k++;
  return k;
}

/** Nearest-rank percentile of sorted values (p in percent). */
export function percentile(sorted: Float64Array | number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[rankAt(sorted.length, p / 100) - 1];
}

/** How many sorted values are ≤ x. */
export function countAtMost(sorted: Float64Array | number[], x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** A simulated quantity as the report shows it. */
export interface DistSummary {
  p50: number;
  p90: number;
  p99: number;
  mean: number;
  /** The value at the stated confidence (the confidence-quantile): a target is met when this is ≤ the target. */
  atConfidence: number;
  confidence: number;
  /** P(X ≤ target); null without a target. */
  pMeetsTarget: number | null;
  /** P(X ≤ target) ≥ confidence; null without a target. */
  meetsTarget: boolean | null;
  samples: number;
}

/**
 * The verdict rule, in one place: with k the rank of the confidence-quantile, "P(X ≤ target) ≥ confidence"
 * ⟺ at least k samples ≤ target ⟺ the k-th smallest sample (the value at confidence) ≤ target.
 */
export function summarize(set: SampleSet, opts: { confidence: number; target?: number | null }): DistSummary {
  const s = set.sorted;
  const n = s.length;
  const k = rankAt(n, opts.confidence);
  const target = opts.target ?? null;
  const count = target === null ? 0 : countAtMost(s, target);
  return {
    p50: percentile(s, 50),
    p90: percentile(s, 90),
    p99: percentile(s, 99),
    mean: set.mean,
    atConfidence: s[k - 1],
    confidence: opts.confidence,
    pMeetsTarget: target === null ? null : count / n,
    meetsTarget: target === null ? null : count >= k,
    samples: n,
  };
}

// ---- RTO ---------------------------------------------------------------------------------------------------------

/** Expected figures of one regional event with an outage of random length D (lognormal, seconds). */
export interface OutageStats {
  /** E[min(effective downtime, D)]: the downtime when you fail over (partial service credited), capped by the outage. */
  downtimeSeconds: number;
  /** E[min(RTO, D)], so that E[(D − RTO)+] = E[D] − this is the time the DR side runs before failback. */
  cappedRecoverySeconds: number;
  /** P(RTO < D): the failover completes before the outage ends (only then is data lost, and failback needed). */
  pCompletes: number;
}

export interface RecoverySim extends SampleSet {
  /** Mean effective downtime: RTO less the share of the partial-service ramp that was served. */
  meanEffective: number;
  outage: OutageStats | null;
}

export interface RecoveryOptions {
  samples: number;
  seed: number;
  /** Average share of traffic served while the `ramp` phases run (warm standby scaling out); 0 when none. */
  rampServed?: number;
  /** The regional outage length, to cap downtime by it. */
  outage?: Lognormal | null;
}

function branchOf(p: Pick<Phase, 'branch'>): 0 | 1 | 2 {
  return p.branch === 'serial' ? 0 : p.branch === 'data' ? 1 : 2;
}

/** The assumption values of one resolved set, as text: computed once per set (a workload's defaults and overrides). */
const fingerprints = new WeakMap<Assumptions, string>();
/** Distinct value sets → short ids, so that cache keys stay short (a value set is about 5 KB of text). */
const valueSets = new Map<string, string>();
function fingerprint(a: Assumptions): string {
  let f = fingerprints.get(a);
  if (f === undefined) {
    const text = JSON.stringify(Object.entries(a).map(([k, d]) => [k, d.value, d.low, d.high, d.dist?.shape ?? 'p', d.dist && 'boundQuantile' in d.dist ? d.dist.boundQuantile : 0]));
    f = valueSets.get(text);
    if (f === undefined) {
      f = `a${valueSets.size}`;
      valueSets.set(text, f);
    }
    fingerprints.set(a, f);
  }
  return f;
}

function partsKey(x: Pick<Phase, 'terms' | 'fixed'>): string {
  const terms = x.terms.map((t) => `${t.assumption}*${t.factor}`).join(',');
  const f = x.fixed;
  return f ? `${terms}|${f.what}:${f.low}:${f.value}:${f.high}:${f.shape ?? 'p'}` : terms;
}

/**
 * A cache key for a simulation: everything that defines its draws — the phases' structure, the assumption values
 * (so that two workload files with different overrides never share a simulation), samples, seed and the options.
 */
export function recoveryKey(phases: readonly Phase[], a: Assumptions, opts: RecoveryOptions): string {
  const parts = phases.map((p) => `${branchOf(p)}${p.ramp ? 'r' : ''}${p.part !== undefined ? `{${p.part}}` : ''}[${partsKey(p)}]`).join('');
  const o = opts.outage ? `${opts.outage.mu}:${opts.outage.sigma}` : '-';
  return `R|${opts.samples}|${opts.seed}|${opts.rampServed ?? 0}|${o}|${parts}|${fingerprint(a)}`;
}

/** Quantile midpoints used to average a smooth function of a simulated time (the outage's capped mean). */
const BLOCKS = 128;

/** E[f(X)] over sorted samples, by the X of equal-count blocks' midpoints (error O(1/BLOCKS²) for smooth f). */
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

/**
 * The group of each phase when a branch runs several parts in parallel: 0 serial, 1 and 2 the data and compute
 * branches' shared phases, 3… one per part; with the branch of each group. Null when no branch has two parts (the
 * branches' phases then simply add up, in the kernel that always did so).
 */
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

/** A simulation's terms, compiled: what the kernels read (typed arrays only). */
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

/**
 * Scratch columns of n samples, reused by every simulation (check runs thousands of them): one per accumulator. Their
 * contents never outlive a call; only `out`, the sorted samples a result keeps, is allocated per simulation.
 */
let scratch = new Float64Array(0);
function columns(count: number, n: number): Float64Array[] {
  if (scratch.length < count * n) scratch = new Float64Array(Math.max(count * n, scratch.length * 2));
  const out: Float64Array[] = [];
  for (let c = 0; c < count; c++) out.push(scratch.subarray(c * n, (c + 1) * n).fill(0));
  return out;
}

/**
 * Term j's n draws, in sample order, into `v`: its own mulberry32 stream (the same sequence as mulberry32(seed)), each
 * uniform through the inverse-CDF table, interpolated; a constant term is its base. The kernels then add the column
 * into their accumulators term by term, so that every sample's sums add the same numbers in the same order as a
 * sample-by-sample loop would: the results are the same to the last bit.
 */
/** 1024 / 2^32: a 32-bit draw to a position on the 1,024-step table. */
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
    // (r / 2^32) × 1024 = r × 2^-22 exactly (scalings by powers of two are exact).
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
  /** The effective downtime per sample (a scratch column: read it before the next simulation). */
  effective: Float64Array;
}

/**
 * RTO per sample = serial + max(data, compute); the effective downtime credits the share `served` during `ramp`
 * terms. Column by column (see drawColumn), on typed arrays only.
 */
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

/**
 * The kernel for branches of several parts: per sample, each group's sum (and its ramp share); a branch is its shared
 * group plus the slowest of its part groups. Column by column, as `recoveryKernel`.
 */
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

// ---- RPO ---------------------------------------------------------------------------------------------------------

export function rpoKey(sources: readonly RpoSource[], a: Assumptions, opts: { samples: number; seed: number }): string {
  return `P|${opts.samples}|${opts.seed}|${sources.map((s) => `[${partsKey(s)}]`).join('')}|${fingerprint(a)}`;
}

/** The workload's RPO per sample: the worst store, each store the sum of its terms. No stores: 0. */
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

/** RPO per sample: the worst group (data store), each the sum of its terms. Column by column (see drawColumn). */
function rpoKernel(n: number, c: Compiled, group: Uint16Array, out: Float64Array): number {
  const [v, current] = columns(2, n);
  // `out` holds the worst store so far (it starts at 0, as no store is a zero RPO).
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

// ---- sorting -----------------------------------------------------------------------------------------------------

let sortScratch = new Float64Array(0);
let sortScratchWords = new Uint32Array(0);
const digitCounts = new Uint32Array(3 * 2048);

/**
 * Sorts samples ascending, exactly as `Float64Array.prototype.sort()` does, 2–4× as fast for the sample counts
 * simulated here: an LSD radix sort on the upper 32 bits of each value (for finite values ≥ +0 the bit patterns order
 * as the numbers do), three 11-bit digits, a digit that every value shares skipped, then an insertion pass over runs
 * of equal upper bits. Anything else (a negative, −0, infinite or NaN sample), and samples crowded into long runs of
 * equal upper bits, go to the built-in sort.
 */
export function sortSamples(a: Float64Array): void {
  const n = a.length;
  if (n < 256) {
    a.sort();
    return;
  }
  // Little-endian words: the upper half of value i is words[2i + 1] (the platforms Node runs on are little-endian).
  const words = new Uint32Array(a.buffer, a.byteOffset, n * 2);
  const counts = digitCounts;
  counts.fill(0);
  for (let i = 1; i < 2 * n; i += 2) {
    const h = words[i];
    // Sign bit set (negative or −0), or exponent all ones (±Infinity, NaN).
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
  // Values with the same upper bits differ in the lower ones: order each such run by insertion.
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

// ---- compatibility: one call for an RTO distribution -------------------------------------------------------------

export interface RtoDistribution extends DistSummary {}

export function simulateRto(
  phases: readonly Phase[],
  a: Assumptions,
  opts: { samples: number; seed: number; key?: string; targetSeconds?: number; confidence?: number },
): RtoDistribution {
  const sim = simulateRecovery(phases, a, { samples: opts.samples, seed: opts.seed });
  return summarize(sim, { confidence: opts.confidence ?? 0.9, target: opts.targetSeconds ?? null });
}

/**
 * The samples a cache may hold, in bytes (16 MiB): `check` over 1,000 files shares one cache, and an unbounded one kept
 * every file's distinct simulations (16 kB each at 2,000 samples) for the whole run. Past the bound the least
 * recently used simulation is dropped; a dropped one is simulated again if asked for, with the same draws.
 */
export const CACHE_BYTES = 16 * 1024 * 1024;

/** A simulation's samples, and about what its key and object cost. */
function bytesOf(s: SampleSet): number {
  return s.sorted.byteLength + 512;
}

/**
 * A memo of simulations by what defines them, shared across strategies, variants and (in `check`) files; bounded to
 * `maxBytes` of samples. Eviction is "second chance": the oldest entry goes, unless it was used since it was last
 * looked at, in which case it moves to the back once (a hit only sets a flag).
 */
export class SimulationCache {
  private readonly map = new Map<string, { sim: SampleSet; used: boolean }>();
  private bytes = 0;
  hits = 0;
  constructor(private readonly maxBytes = CACHE_BYTES) {}
  private get<T extends SampleSet>(key: string): T | undefined {
    const hit = this.map.get(key);
    if (hit === undefined) return undefined;
    this.hits++;
    hit.used = true;
    return hit.sim as T;
  }
  private put<T extends SampleSet>(key: string, sim: T): T {
    this.map.set(key, { sim, used: false });
    this.bytes += bytesOf(sim);
    while (this.bytes > this.maxBytes && this.map.size > 1) {
      const [k, e] = this.map.entries().next().value!;
      this.map.delete(k);
      if (e.used) {
        e.used = false;
        this.map.set(k, e);
      } else this.bytes -= bytesOf(e.sim);
    }
    return sim;
  }
  recovery(phases: readonly Phase[], a: Assumptions, opts: RecoveryOptions): RecoverySim {
    const key = recoveryKey(phases, a, opts);
    return this.get<RecoverySim>(key) ?? this.put(key, simulateRecovery(phases, a, opts));
  }
  rpo(sources: readonly RpoSource[], a: Assumptions, opts: { samples: number; seed: number }): SampleSet {
    const key = rpoKey(sources, a, opts);
    return this.get<SampleSet>(key) ?? this.put(key, simulateRpo(sources, a, opts));
  }
  get size(): number {
    return this.map.size;
  }
}

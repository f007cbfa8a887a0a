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
 *
 * The hot loops (the draws, the branch sums, each sample's critical path or worst store, the sort) are WebAssembly,
 * kernel.wat (issue 17: in JavaScript the first simulations of a run went through V8's interpreter, ≈60 ms of a
 * 300 ms `estimate`). This module compiles the terms to 32-byte records in the kernel's memory (tables copied in
 * once per table), calls the kernel, and copies the sorted samples out; the outage means stay here (128 points per
 * simulation, with Math.log and Math.exp). The kernel performs the JavaScript it replaced operation for operation, so
 * the results are the same to the bit (test/core/montecarlo-wasm.test.ts keeps that JavaScript as its oracle).
 */
import { UNIT_SECONDS, type AssumptionDef, type Assumptions, type Shape } from '../model/assumptions';
import { cappedMeanFrom, lognormalCappedMean, lognormalMean, normalCdf, normalQuantile, type Lognormal } from './distributions';
import { parallelParts, type Phase, type RpoSource } from './phases';
import { KERNEL_WASM_BASE64 } from './kernel-wasm';
import { betaQuantiles, lognormalTable, QUANTILES, uniformTable } from './tables';

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

// ---- the WebAssembly kernel ----------------------------------------------------------------------------------------

/** The few WebAssembly APIs used here (neither lib ES2023 nor @types/node 20 declares them). */
declare const WebAssembly: {
  Memory: new (descriptor: { initial: number }) => WasmMemory;
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: object) => { exports: unknown };
};
interface WasmMemory {
  readonly buffer: ArrayBuffer;
  grow(pages: number): number;
}

/** kernel.wat's exports (addresses are byte offsets into its memory; see there for what each reads and writes). */
interface KernelExports {
  recovery(n: number, terms: number, count: number, cols: number, served: number): number;
  parts(n: number, terms: number, count: number, cols: number, groups: number, branchOfGroup: number, served: number): number;
  rpo(n: number, terms: number, count: number, cols: number): number;
  sort(a: number, n: number, scratch: number, counts: number): number;
}

/** 1024 / 2^32: a 32-bit draw to a position on the 1,024-step table (the kernel imports it). */
const U_SCALE = QUANTILES / 4294967296;
const PAGE = 65536;
/**
 * The kernel's memory: at 0 its second result (a sum), at COUNTS the radix sort's digit counts (3 × 2048 u32), at
 * TERMS the term records (32 bytes each, then a parts kernel's branch per group, a byte each), then the columns, then
 * the tables.
 */
const COUNTS = 64;
const TERMS = COUNTS + 3 * 2048 * 4;
const TERM_BYTES = 32;
const TABLE_BYTES = (QUANTILES + 1) * 8;
/**
 * The tables kept in the kernel's memory at once, in bytes (about 128 tables; a plan uses a few dozen): `check` over
 * 1,000 files meets thousands of distinct ones, and a wasm memory never shrinks (its pages count in the peak RSS);
 * past this, the tables' space is reused from its start (copying a table in again costs about a microsecond).
 */
const TABLE_REGION = 1024 * 1024;

interface Kernel {
  exports: KernelExports;
  memory: WasmMemory;
  /** Views of the memory, re-made when it grows (growing detaches the old buffer). */
  f64: Float64Array;
  u32: Uint32Array;
  u8: Uint8Array;
  /** Bytes for the term records, the columns' address and bytes, where the tables start and end. */
  termBytes: number;
  cols: number;
  colBytes: number;
  tables: number;
  tableTop: number;
  /** Where each table was copied, by identity (tables are memoized, so one shape is one array). */
  tableAt: WeakMap<Float64Array, number>;
}

let kernel: Kernel | undefined;

/** Compiles and instantiates the kernel, synchronously (a 2 kB module: ≈0.2 ms), on the first simulation. */
function instantiate(): Kernel {
  const bytes = Buffer.from(KERNEL_WASM_BASE64, 'base64');
  const memory = new WebAssembly.Memory({ initial: 1 });
  const instance = new WebAssembly.Instance(new WebAssembly.Module(bytes), { env: { memory, uScale: U_SCALE } });
  const k: Kernel = {
    exports: instance.exports as KernelExports, memory, f64: new Float64Array(0), u32: new Uint32Array(0), u8: new Uint8Array(0),
    termBytes: 0, cols: TERMS, colBytes: 0, tables: TERMS, tableTop: TERMS, tableAt: new WeakMap(),
  };
  views(k);
  return k;
}

function views(k: Kernel): void {
  const b = k.memory.buffer;
  k.f64 = new Float64Array(b);
  k.u32 = new Uint32Array(b);
  k.u8 = new Uint8Array(b);
}

/** Grows the memory to at least `bytes` (by half its size at least, so that tables added one by one grow it rarely). */
function reserve(k: Kernel, bytes: number): void {
  const have = k.memory.buffer.byteLength;
  if (bytes <= have) return;
  k.memory.grow(Math.ceil(Math.max(bytes - have, have / 2) / PAGE));
  views(k);
}

function forgetTables(k: Kernel): void {
  k.tableTop = k.tables;
  k.tableAt = new WeakMap();
}

/** The kernel, with room for `termBytes` of term records and `colBytes` of columns (a new layout forgets the tables). */
function kernelFor(termBytes: number, colBytes: number): Kernel {
  const k = (kernel ??= instantiate());
  if (termBytes > k.termBytes || colBytes > k.colBytes) {
    k.termBytes = Math.max(termBytes, k.termBytes, 4096);
    k.colBytes = Math.max(colBytes, k.colBytes);
    k.cols = TERMS + Math.ceil(k.termBytes / 8) * 8;
    k.tables = k.cols + k.colBytes;
    forgetTables(k);
    reserve(k, k.tables);
  }
  return k;
}

/** Where table `q` is in the kernel's memory: copied there on its first use. */
function tableOf(k: Kernel, q: Float64Array): number {
  let at = k.tableAt.get(q);
  if (at === undefined) {
    at = k.tableTop;
    k.tableTop += TABLE_BYTES;
    reserve(k, k.tableTop);
    k.f64.set(q, at / 8);
    k.tableAt.set(q, at);
  }
  return at;
}

/**
 * The term records at TERMS: base, span (0 for a constant), the stream's seed, the table's address, the term's group
 * (or branch) and its ramp flag. A draw is then the mulberry32 stream's next number through the table, interpolated
 * (kernel.wat `$draw`, the same operations as mulberry32 and drawWith here).
 */
function writeTerms(k: Kernel, terms: readonly CompiledTerm[], seed: number, group: readonly number[], ramp: readonly number[] | null): void {
  if (k.tableTop + terms.length * TABLE_BYTES > k.tables + TABLE_REGION) forgetTables(k);
  for (let j = 0; j < terms.length; j++) {
    const t = terms[j];
    const span = t.table === null ? 0 : t.span;
    // Before the record's stores: copying a table may grow the memory (and so re-make the views).
    const table = span === 0 ? 0 : tableOf(k, t.table!);
    const at = TERMS + j * TERM_BYTES;
    k.f64[at / 8] = t.base;
    k.f64[at / 8 + 1] = span;
    k.u32[at / 4 + 4] = hashSeed(seed, t.stream);
    k.u32[at / 4 + 5] = table;
    k.u32[at / 4 + 6] = group[j];
    k.u32[at / 4 + 7] = ramp === null ? 0 : ramp[j];
  }
}

/**
 * The column of n samples at `at`, sorted in place in the kernel's memory (kernel.wat `sort`, through `scratch`; the
 * built-in sort where that one declines or for fewer than 256 samples), as a view: read it before the next simulation.
 */
function sortedColumn(k: Kernel, at: number, n: number, scratch: number): Float64Array {
  const v = k.f64.subarray(at / 8, at / 8 + n);
  if (n < 256 || k.exports.sort(at, n, scratch, COUNTS) !== 0) v.sort();
  return v;
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
  const s = hasRamp ? served : 0;
  // Columns: recovery: RTO, serial, data, compute, ramp, effective; parts: RTO, effective, each group's sum and ramp.
  const groups = grouping ? grouping.branchOfGroup.length : 0;
  const count = grouping ? 2 + 2 * groups : 6;
  const stride = n * 8;
  // One more column: the sort's scratch.
  const k = kernelFor(terms.length * TERM_BYTES + groups, (count + 1) * stride);
  writeTerms(k, terms, opts.seed, grouping ? groupList : branchList, rampList);
  let sum: number;
  if (grouping) {
    const branchOfGroup = TERMS + terms.length * TERM_BYTES;
    k.u8.set(grouping.branchOfGroup, branchOfGroup);
    sum = k.exports.parts(n, TERMS, terms.length, k.cols, groups, branchOfGroup, s);
  } else sum = k.exports.recovery(n, TERMS, terms.length, k.cols, s);
  const sumEffective = k.f64[0];
  const scratch = k.cols + count * stride;
  const out = sortedColumn(k, k.cols, n, scratch).slice();
  // The effective downtime per sample (a view of the kernel's memory) feeds the outage's capped mean only.
  const effective = hasRamp && d ? sortedColumn(k, k.cols + (grouping ? 1 : 5) * stride, n, scratch) : out;
  return {
    sorted: out,
    mean: sum / n,
    meanEffective: sumEffective / n,
    outage: d ? outageStats(d, out, effective) : null,
  };
}

/**
 * The outage figures: E[min(RTO, D)] and P(RTO < D) over the RTO's block midpoints (see meanOf), and E[min(effective,
 * D)] over the effective downtime's (the same as the first without a ramp). Per midpoint x, as
 * `lognormalCappedMean(d, x)` and `1 − lognormalCdf(d, x)` (distributions.ts) compute them, sharing E[D], ln x and
 * Φ((ln x − μ)/σ): the same operations on the same numbers, so the same results to the bit, at a quarter of the cost.
 */
function outageStats(d: Lognormal, out: Float64Array, effective: Float64Array): OutageStats {
  const n = out.length;
  const m = Math.min(n, BLOCKS);
  const mean = lognormalMean(d);
  let capped = 0;
  let completes = 0;
  for (let b = 0; b < m; b++) {
    const x = out[n <= BLOCKS ? b : Math.min(n - 1, Math.floor(((b + 0.5) * n) / BLOCKS))];
    if (x <= 0) {
      // lognormalCappedMean: 0; lognormalCdf: 0 (the 0 is added: −0 + 0 is +0).
      capped += 0;
      completes += 1;
    } else if (d.sigma === 0) {
      capped += Math.min(x, Math.exp(d.mu));
      completes += 1 - (x >= Math.exp(d.mu) ? 1 : 0);
    } else {
      const lx = Math.log(x);
      const survival = 1 - normalCdf((lx - d.mu) / d.sigma);
      capped += cappedMeanFrom(d, mean, x, lx, survival);
      completes += survival;
    }
  }
  const cappedRecoverySeconds = capped / m;
  return {
    downtimeSeconds: effective === out ? cappedRecoverySeconds : meanOf(effective, (x) => lognormalCappedMean(d, x)),
    cappedRecoverySeconds,
    pCompletes: completes / m,
  };
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
  // Columns: RPO (the worst store so far), the current store's sum, the sort's scratch.
  const stride = n * 8;
  const k = kernelFor(terms.length * TERM_BYTES, 3 * stride);
  writeTerms(k, terms, opts.seed, groupList, null);
  const sum = k.exports.rpo(n, TERMS, terms.length, k.cols);
  return { sorted: sortedColumn(k, k.cols, n, k.cols + 2 * stride).slice(), mean: sum / n };
}

// ---- sorting -----------------------------------------------------------------------------------------------------

/**
 * Sorts samples ascending, exactly as `Float64Array.prototype.sort()` does, 2–4× as fast for the sample counts
 * simulated here: kernel.wat's `sort`, an LSD radix sort on the upper 32 bits of each value (for finite values ≥ +0
 * the bit patterns order as the numbers do), three 11-bit digits, a digit that every value shares skipped, then an
 * insertion pass over runs of equal upper bits. Anything else (a negative, −0, infinite or NaN sample), samples
 * crowded into long runs of equal upper bits, and fewer than 256 samples go to the built-in sort. (The simulations
 * sort their columns where the kernel made them; this copies `a` in and out.)
 */
export function sortSamples(a: Float64Array): void {
  const n = a.length;
  if (n < 256) {
    a.sort();
    return;
  }
  const k = kernelFor(0, 2 * n * 8);
  k.f64.set(a, k.cols / 8);
  if (k.exports.sort(k.cols, n, k.cols + n * 8, COUNTS) !== 0) a.sort();
  else a.set(k.f64.subarray(k.cols / 8, k.cols / 8 + n));
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

/**
 * Seeded Monte Carlo over the recovery phases (dr-model.md §4): each term of each phase is drawn from a PERT
 * distribution over (low, typical, high), by inverse CDF; RTO per sample follows the same critical-path rule as the point estimate.
 * Same seed → same output. Pure: no clock, no I/O.
 */
import type { Assumptions } from '../model/assumptions';
import type { Phase } from './phases';

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

/** FNV-1a of a string, to derive a per-strategy seed so that adding a variant never changes another's draws. */
export function hashSeed(seed: number, text: string): number {
  let h = (2166136261 ^ seed) >>> 0;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619) >>> 0;
  return h;
}

/** One draw from PERT(low, mode, high). Degenerate ranges return the mode. */
export function samplePert(low: number, mode: number, high: number, rand: () => number): number {
  return drawTerm(compileTerm(low, mode, high, 1), rand);
}

const UNIT_SECONDS: Record<string, number> = { minutes: 60, seconds: 1 };

/**
 * Inverse-CDF table of a PERT's Beta(α, β) shape on [0, 1], so a draw is one uniform number and a table lookup
 * (about 50× faster than two gamma draws; 10,000 samples of a dozen strategies must not slow `estimate` down).
 * Built once per shape by integrating the density on a fine grid. Memoized; pure.
 */
const QUANTILES = 1024;
const GRID = 4096;
const EMPTY = new Float64Array(QUANTILES + 1);
const tables = new Map<string, Float64Array>();
/** One sample buffer reused across calls (sorted in place; only percentiles leave the function). */
let scratch = new Float64Array(0);
let logGrid: { lx: Float64Array; l1x: Float64Array } | undefined;
/** ln(x) and ln(1 − x) at the grid's midpoints, shared by every shape: a density point is then one exp(). */
function grids(): { lx: Float64Array; l1x: Float64Array } {
  if (!logGrid) {
    const lx = new Float64Array(GRID + 1);
    const l1x = new Float64Array(GRID + 1);
    for (let i = 1; i <= GRID; i++) {
      const xm = (i - 0.5) / GRID;
      lx[i] = Math.log(xm);
      l1x[i] = Math.log(1 - xm);
    }
    logGrid = { lx, l1x };
  }
  return logGrid;
}

export function betaQuantiles(alpha: number, beta: number): Float64Array {
  const key = `${alpha.toFixed(9)}:${beta.toFixed(9)}`;
  const hit = tables.get(key);
  if (hit) return hit;
  const { lx, l1x } = grids();
  const a1 = alpha - 1;
  const b1 = beta - 1;
  const cdf = new Float64Array(GRID + 1);
  let prev = 0;
  for (let i = 1; i <= GRID; i++) {
    prev += Math.exp(a1 * lx[i] + b1 * l1x[i]);
    cdf[i] = prev;
  }
  const q = new Float64Array(QUANTILES + 1);
  let j = 0;
  for (let k = 1; k < QUANTILES; k++) {
    const u = (k / QUANTILES) * prev;
    while (j < GRID && cdf[j + 1] < u) j++;
    const c0 = cdf[j];
    const c1 = cdf[Math.min(GRID, j + 1)];
    q[k] = (j + (c1 > c0 ? (u - c0) / (c1 - c0) : 0)) / GRID;
  }
  q[0] = 0;
  q[QUANTILES] = 1;
  tables.set(key, q);
  return q;
}

/** One compiled random term: a draw is low + range × Q(u), times a unit factor. */
interface CompiledTerm {
  low: number;
  range: number;
  mode: number;
  table: Float64Array | null;
  k: number;
}

function compileTerm(low: number, mode: number, high: number, k: number): CompiledTerm {
  if (!(high > low)) return { low, range: 0, mode, table: null, k };
  const m = Math.min(Math.max(mode, low), high);
  const alpha = 1 + (4 * (m - low)) / (high - low);
  const beta = 1 + (4 * (high - m)) / (high - low);
  return { low, range: high - low, mode: m, table: betaQuantiles(alpha, beta), k };
}

function drawTerm(t: CompiledTerm, rand: () => number): number {
  if (t.table === null) return t.mode * t.k;
  const u = rand() * QUANTILES;
  const i = Math.floor(u);
  const q = t.table[i] + (t.table[i + 1] - t.table[i]) * (u - i);
  return (t.low + t.range * q) * t.k;
}

function compilePhase(p: Phase, a: Assumptions): { branch: 0 | 1 | 2; terms: CompiledTerm[] } {
  const terms = p.terms.map((term) => {
    const def = a[term.assumption];
    return compileTerm(def.low, def.value, def.high, term.factor * (UNIT_SECONDS[def.unit] ?? 1));
  });
  if (p.fixed) terms.push(compileTerm(p.fixed.low, p.fixed.value, p.fixed.high, 1));
  return { branch: p.branch === 'serial' ? 0 : p.branch === 'data' ? 1 : 2, terms };
}

export interface RtoDistribution {
  p50: number;
  p90: number;
  p99: number;
  mean: number;
  /** Probability that RTO ≤ target, when a target is given. */
  pMeetsTarget: number | null;
  samples: number;
}

/** Nearest-rank percentile of sorted values. */
export function percentile(sorted: Float64Array | number[], p: number): number {
  if (sorted.length === 0) return 0;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i];
}

export function simulateRto(phases: readonly Phase[], a: Assumptions, opts: { samples: number; seed: number; key: string; targetSeconds?: number }): RtoDistribution {
  const n = Math.max(1, Math.floor(opts.samples));
  // mulberry32, inlined (same sequence as mulberry32(seed)): the loop below runs n × terms times.
  let state = hashSeed(opts.seed, opts.key) >>> 0;
  if (scratch.length < n) scratch = new Float64Array(n);
  const out = scratch.subarray(0, n);
  let sum = 0;
  let meets = 0;
  // Flatten the phases into parallel arrays so the hot loop touches numbers only.
  const compiled = phases.map((p) => compilePhase(p, a));
  const termCount = compiled.reduce((c, p) => c + p.terms.length, 0);
  const branch = new Uint8Array(termCount);
  const base = new Float64Array(termCount); // low × k, or mode × k for a constant term
  const span = new Float64Array(termCount); // range × k (0 for a constant term)
  const tablesOf: Float64Array[] = [];
  let j = 0;
  for (const p of compiled) {
    for (const t of p.terms) {
      branch[j] = p.branch;
      if (t.table === null) {
        base[j] = t.mode * t.k;
        span[j] = 0;
        tablesOf.push(EMPTY);
      } else {
        base[j] = t.low * t.k;
        span[j] = t.range * t.k;
        tablesOf.push(t.table);
      }
      j++;
    }
  }
  const target = opts.targetSeconds;
  for (let i = 0; i < n; i++) {
    let serial = 0;
    let data = 0;
    let compute = 0;
    for (let m = 0; m < termCount; m++) {
      let v = base[m];
      if (span[m] !== 0) {
        const q = tablesOf[m];
        state = (state + 0x6d2b79f5) >>> 0;
        let t = state;
        t = Math.imul(t ^ (t >>> 15), t | 1);
        t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
        const u = (((t ^ (t >>> 14)) >>> 0) / 4294967296) * QUANTILES;
        const f = u | 0;
        v += span[m] * (q[f] + (q[f + 1] - q[f]) * (u - f));
      }
      const b = branch[m];
      if (b === 0) serial += v;
      else if (b === 1) data += v;
      else compute += v;
    }
    const rto = serial + (data > compute ? data : compute);
    out[i] = rto;
    sum += rto;
    if (target !== undefined && rto <= target) meets++;
  }
  out.sort();
  return {
    p50: percentile(out, 50),
    p90: percentile(out, 90),
    p99: percentile(out, 99),
    mean: sum / n,
    pMeetsTarget: opts.targetSeconds === undefined ? null : meets / n,
    samples: n,
  };
}

/**
 * Seeded Monte Carlo over the recovery phases (dr-model.md §4): each term of each phase is drawn from a PERT
 * distribution over (low, typical, high); RTO per sample follows the same critical-path rule as the point estimate.
 * Same seed → same output. Pure: no clock, no I/O.
 */
import type { Assumptions } from './assumptions';
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

function normal(rand: () => number): number {
  let u = 0;
  while (u === 0) u = rand();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rand());
}

/** Gamma(shape ≥ 1, 1) by Marsaglia & Tsang. */
function gamma(shape: number, rand: () => number): number {
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    let x: number;
    let v: number;
    do {
      x = normal(rand);
      v = 1 + c * x;
    } while (v <= 0);
    v = v * v * v;
    const u = rand();
    if (u < 1 - 0.0331 * x * x * x * x) return d * v;
    if (Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) return d * v;
  }
}

/** One draw from PERT(low, mode, high). Degenerate ranges return the mode. */
export function samplePert(low: number, mode: number, high: number, rand: () => number): number {
  if (!(high > low)) return mode;
  const m = Math.min(Math.max(mode, low), high);
  const alpha = 1 + (4 * (m - low)) / (high - low);
  const beta = 1 + (4 * (high - m)) / (high - low);
  const x = gamma(alpha, rand);
  const y = gamma(beta, rand);
  return low + ((x / (x + y)) * (high - low));
}

const UNIT_SECONDS: Record<string, number> = { minutes: 60, seconds: 1 };

function samplePhase(p: Phase, a: Assumptions, rand: () => number): number {
  let s = 0;
  for (const term of p.terms) {
    const def = a[term.assumption];
    const k = term.factor * (UNIT_SECONDS[def.unit] ?? 1);
    s += samplePert(def.low, def.value, def.high, rand) * k;
  }
  if (p.fixed) s += samplePert(p.fixed.low, p.fixed.value, p.fixed.high, rand);
  return s;
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
  const rand = mulberry32(hashSeed(opts.seed, opts.key));
  const out = new Float64Array(n);
  let sum = 0;
  let meets = 0;
  for (let i = 0; i < n; i++) {
    let serial = 0;
    let data = 0;
    let compute = 0;
    for (const p of phases) {
      const s = samplePhase(p, a, rand);
      if (p.branch === 'serial') serial += s;
      else if (p.branch === 'data') data += s;
      else compute += s;
    }
    const rto = serial + Math.max(data, compute);
    out[i] = rto;
    sum += rto;
    if (opts.targetSeconds !== undefined && rto <= opts.targetSeconds) meets++;
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

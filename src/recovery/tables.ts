/**
 * Inverse-CDF tables on [0, 1] (PERT's Beta shape), or of the lognormal's multiplier exp(σ·z), so that a draw is one
 * uniform number and a table lookup (about 50× faster than two gamma draws; 10,000 samples of a dozen strategies must
 * not slow `estimate` down). Built once per shape and memoized; pure.
 *
 * The shapes of the default assumptions and the bundled examples come precomputed: data/mc-tables.bin, written by
 * scripts/mc-tables.mjs (test/core/mc-tables.test.ts checks it), read by the CLI and handed over with
 * {@link usePrecomputedTables} (this module does no I/O). Building them at run time cost ~17–21 ms of a cold
 * `estimate` (the code still runs cold then); reading them, well under 1 ms. A precomputed table is used only for the
 * exact parameters it was built from, so it is bitwise the table this module would build.
 */
import { normalQuantile } from './distributions';

export const QUANTILES = 1024;
const GRID = 4096;
const tables = new Map<string, Float64Array>();
export const EMPTY = new Float64Array(QUANTILES + 1);
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

/** A table built here: its memo key, the exact parameters, and the values (for scripts/mc-tables.mjs). */
export interface BuiltTable {
  key: string;
  params: number[];
  table: Float64Array;
}
/** Every table this process built rather than decoded, in order. */
export const builtTables: BuiltTable[] = [];

/** The precomputed tables by memo key: the exact parameters, and where the 1,025 values start in `values`. */
interface Precomputed {
  index: Map<string, { params: number[]; offset: number }>;
  values: Float64Array;
}
let precomputedSet: Precomputed | undefined;
const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/**
 * The layout of data/mc-tables.bin: a uint32 (little-endian) byte length of a JSON index, the index
 * (`[[key, [params…]], …]`, UTF-8), zero padding to a multiple of 8 bytes, then each table's 1,025 float64 values in
 * index order (little-endian).
 */
export function encodeTables(list: readonly BuiltTable[]): Uint8Array {
  const index = new TextEncoder().encode(JSON.stringify(list.map((t) => [t.key, t.params])));
  const head = 4 + index.length;
  const start = Math.ceil(head / 8) * 8;
  const out = new Uint8Array(start + list.length * (QUANTILES + 1) * 8);
  new DataView(out.buffer).setUint32(0, index.length, true);
  out.set(index, 4);
  const view = new DataView(out.buffer);
  list.forEach((t, i) => t.table.forEach((v, k) => view.setFloat64(start + (i * (QUANTILES + 1) + k) * 8, v, true)));
  return out;
}

/**
 * Hands over the bytes of data/mc-tables.bin (see {@link encodeTables}). Bytes that do not parse are ignored, and
 * every table is then built as before; a table is only ever taken for the exact parameters it was built from.
 */
export function usePrecomputedTables(bytes: Uint8Array): boolean {
  try {
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const length = view.getUint32(0, true);
    const entries = JSON.parse(new TextDecoder().decode(bytes.subarray(4, 4 + length))) as [string, number[]][];
    const start = Math.ceil((4 + length) / 8) * 8;
    const count = entries.length * (QUANTILES + 1);
    if (!Array.isArray(entries) || bytes.byteLength !== start + count * 8) return false;
    const values = new Float64Array(count);
    if (LITTLE_ENDIAN) new Uint8Array(values.buffer).set(bytes.subarray(start));
    else for (let i = 0; i < count; i++) values[i] = view.getFloat64(start + i * 8, true);
    const index = new Map<string, { params: number[]; offset: number }>();
    entries.forEach(([key, params], i) => index.set(key, { params, offset: i * (QUANTILES + 1) }));
    precomputedSet = { index, values };
    return true;
  } catch {
    return false;
  }
}

/** The precomputed table for `key`, if it was built from exactly `params`. */
function precomputed(key: string, params: readonly number[]): Float64Array | undefined {
  const entry = precomputedSet?.index.get(key);
  if (!entry || entry.params.length !== params.length || entry.params.some((p, i) => !Object.is(p, params[i]))) return undefined;
  return precomputedSet!.values.subarray(entry.offset, entry.offset + QUANTILES + 1);
}

function remember(key: string, params: number[], table: Float64Array): Float64Array {
  tables.set(key, table);
  builtTables.push({ key, params, table });
  return table;
}

export function computeBetaQuantiles(alpha: number, beta: number): Float64Array {
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
  return q;
}

export function betaQuantiles(alpha: number, beta: number): Float64Array {
  const key = `b${alpha.toFixed(9)}:${beta.toFixed(9)}`;
  const hit = tables.get(key);
  if (hit) return hit;
  const pre = precomputed(key, [alpha, beta]);
  if (pre) {
    tables.set(key, pre);
    return pre;
  }
  return remember(key, [alpha, beta], computeBetaQuantiles(alpha, beta));
}

export function uniformTable(): Float64Array {
  const hit = tables.get('u');
  if (hit) return hit;
  const q = new Float64Array(QUANTILES + 1);
  for (let k = 0; k <= QUANTILES; k++) q[k] = k / QUANTILES;
  tables.set('u', q);
  return q;
}

/** exp(σ·z(p)) at p = k/1024; the two ends at p = 0.5/1024 and 1 − 0.5/1024 (the truncation, ≈ ±3.3σ). */
export function computeLognormalTable(sigma: number): Float64Array {
  const q = new Float64Array(QUANTILES + 1);
  for (let k = 0; k <= QUANTILES; k++) {
    const p = k === 0 ? 0.5 / QUANTILES : k === QUANTILES ? 1 - 0.5 / QUANTILES : k / QUANTILES;
    q[k] = Math.exp(sigma * normalQuantile(p));
  }
  return q;
}

export function lognormalTable(sigma: number): Float64Array {
  const key = `l${sigma.toFixed(9)}`;
  const hit = tables.get(key);
  if (hit) return hit;
  const pre = precomputed(key, [sigma]);
  if (pre) {
    tables.set(key, pre);
    return pre;
  }
  return remember(key, [sigma], computeLognormalTable(sigma));
}

/**
 * Reading attribute values out of Terraform JSON defensively: a plan is user input, so every value may be missing,
 * null, unknown at plan time (`after_unknown`), or of an unexpected type. Nothing here throws. Pure.
 */

export type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
export type JsonObject = { [k: string]: unknown };

export function isObject(v: unknown): v is JsonObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function str(v: unknown): string | undefined {
  return typeof v === 'string' && v !== '' ? v : undefined;
}

/** A finite number (Terraform numbers may arrive as numeric strings from some providers' string attributes). */
export function num(v: unknown): number | undefined {
  if (typeof v === 'number') return Number.isFinite(v) ? v : undefined;
  if (typeof v === 'string' && /^-?\d+(\.\d+)?$/.test(v.trim())) return Number(v);
  return undefined;
}

export function bool(v: unknown): boolean | undefined {
  if (typeof v === 'boolean') return v;
  if (v === 'true') return true;
  if (v === 'false') return false;
  return undefined;
}

/**
 * A nested block as a list of objects. In values, "list" and "set" blocks are JSON arrays and "single" blocks are
 * objects (json-format.mdx, block expressions representation); both become an array here.
 */
export function blocks(v: unknown): JsonObject[] {
  if (Array.isArray(v)) return v.filter(isObject);
  return isObject(v) ? [v] : [];
}

export function first(v: unknown): JsonObject | undefined {
  return blocks(v)[0];
}

export function strings(v: unknown): string[] {
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string' && x !== '') : [];
}

function child(cur: unknown, k: string | number): unknown {
  if (typeof k === 'number') return Array.isArray(cur) ? cur[k] : undefined;
  return isObject(cur) ? cur[k] : undefined;
}

/** The value at a path of keys and list indexes, or undefined. */
export function at(v: unknown, path: readonly (string | number)[]): unknown {
  return path.reduce<unknown>(child, v);
}

/**
 * Whether the value at `path` is unknown at plan time: `after_unknown` mirrors `after` with `true` at unknown
 * leaves, and an unknown parent (`"root_block_device": true`) makes everything below it unknown.
 */
export function unknownAt(unknown: unknown, path: readonly (string | number)[]): boolean {
  let cur: unknown = unknown;
  for (const k of path) {
    if (cur === true) return true;
    cur = child(cur, k);
  }
  return cur === true;
}

/** An instance key as written inside `[...]` of an address: `0` → 0, `"us-east-1"` → "us-east-1". */
export function instanceKey(raw: string): string | number {
  if (!raw.startsWith('"')) return Number(raw);
  try {
    return JSON.parse(raw) as string;
  } catch {
    return raw.slice(1, -1);
  }
}

/** The Terraform address index `[0]` or `["key"]` of an instance key. */
export function indexText(index: string | number | undefined): string {
  if (index === undefined) return '';
  return typeof index === 'number' ? `[${index}]` : `[${JSON.stringify(index)}]`;
}

/** A number within [min, max], else undefined (a value outside what the workload can hold is not read). */
export const within =
  (min: number, max: number) =>
  (v: unknown): number | undefined => {
    const n = num(v);
    return n !== undefined && n >= min && n <= max ? n : undefined;
  };

/** Readers for the workload's ranges (src/workload/schema.ts). */
export const volumeGb = within(0, 65536);
export const instanceCount = within(0, 10000);
export const storageGb = within(0, 1_000_000);
export const requestRate = within(0, 10_000_000);
export const ttlSeconds = within(0, 172800);
export const percent = within(0, 100);

/** An EC2 instance type as the workload schema accepts it (m5.large). */
export function isInstanceType(v: unknown): v is string {
  return typeof v === 'string' && /^[a-z][a-z0-9-]*\.[a-z0-9]+$/.test(v);
}

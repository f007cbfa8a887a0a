/** Validation with one-line messages that name the field, the value and what is allowed. Pure. */
import type { z } from 'zod';
import { InputError } from '../errors';
import { regionInfo } from '../model/regions';
import { ASSUMPTION_NAMES } from '../model/assumptions';
import { ENGINES } from '../model/engines';
import { workloadSchema, type ParsedWorkload } from './schema';
import { parseDuration } from '../model/time';
import { nearest } from '../text/suggest';

/** The workload after validation and normalization: every default filled in. */
export type Workload = ParsedWorkload & {
  regions: ParsedWorkload['regions'] & { dr: string };
  database: ParsedWorkload['database'] & { instanceClass?: string };
  business: ParsedWorkload['business'] & { regionEventsPerYear: number };
};

function valueAt(doc: unknown, path: readonly PropertyKey[]): unknown {
  let cur: unknown = doc;
  for (const k of path) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<PropertyKey, unknown>)[k as string];
  }
  return cur;
}

function show(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (typeof value === 'string') return JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}...` : value);
  if (typeof value === 'number') return Number.isNaN(value) ? 'NaN' : String(value);
  if (Array.isArray(value)) return 'a list';
  if (value === null) return 'null';
  if (typeof value === 'object') return 'an object';
  return String(value);
}

/** A key from the user's file, quoted on one line (newlines and control characters escaped) and cut to 60 chars. */
function quoted(key: string): string {
  return JSON.stringify(key.length > 60 ? `${key.slice(0, 57)}...` : key);
}

function fieldName(path: readonly PropertyKey[]): string {
  return path.reduce<string>((acc, k) => (typeof k === 'number' ? `${acc}[${k}]` : acc ? `${acc}.${String(k)}` : String(k)), '');
}

/** One line for the first issue: `error: compute.count must be a whole number ≥ 1 (got -2)`. */
export function formatIssue(issue: z.core.$ZodIssue, doc: unknown, prefix = ''): string {
  const path = issue.path;
  const field = prefix + fieldName(path);
  if (issue.code === 'unrecognized_keys') {
    const parent = field ? `${field}: ` : '';
    const shape = allowedKeys(path);
    const key = issue.keys[0];
    const hint =
      shape.length > 12
        ? ` (nearest known: ${nearest(key, shape, 3).join(', ')}; all names: dr-advisor schema workload)`
        : shape.length
          ? ` (allowed: ${shape.join(', ')}${nearestHint(key, shape)})`
          : '';
    return `${parent}unknown field ${quoted(key)}${hint}`;
  }
  const value = valueAt(doc, path);
  if (issue.code === 'invalid_type' && value === undefined) return `${field} is required`;
  let message = issue.message;
  if (issue.code === 'invalid_value' && typeof value === 'string' && 'values' in issue) {
    const options = (issue.values as unknown[]).map(String);
    const near = nearest(value, options, 2);
    if (!message.startsWith('must')) message = `must be one of ${options.join(', ')}`;
    if (near.length && options.length > 4) message += `; nearest: ${near.join(', ')}`;
  }
  if (issue.code === 'invalid_key') {
    const key = path[path.length - 1];
    return `${fieldName(path.slice(0, -1))}: ${quoted(String(key))} ${firstMessage(issue)}`;
  }
  return `${field} ${message} (got ${show(value)})`;
}

function firstMessage(issue: z.core.$ZodIssue): string {
  if ('issues' in issue && Array.isArray(issue.issues) && issue.issues[0]) return (issue.issues[0] as { message: string }).message;
  return issue.message;
}

function nearestHint(key: string, allowed: string[]): string {
  const near = nearest(key, allowed, 1)[0];
  return near ? `; did you mean "${near}"?` : '';
}

/** Keys allowed at a path of the schema, for "unknown field" messages. */
function allowedKeys(path: readonly PropertyKey[]): string[] {
  if (path.length === 1 && path[0] === 'assumptions') return [...ASSUMPTION_NAMES];
  // Walk the zod schema by its JSON shape: objects only (arrays and records do not take unknown keys).
  let schema: unknown = workloadSchema;
  for (const k of path) {
    const shape = objectShape(schema);
    if (!shape || typeof k !== 'string') return [];
    schema = shape[k];
  }
  return Object.keys(objectShape(schema) ?? {});
}

function objectShape(schema: unknown): Record<string, unknown> | undefined {
  let s = schema as { _zod?: { def?: Record<string, unknown> } } | undefined;
  for (let i = 0; i < 8 && s?._zod?.def; i++) {
    const def = s._zod.def as Record<string, unknown>;
    if (def.type === 'object') return def.shape as Record<string, unknown>;
    s = (def.innerType ?? def.in ?? def.schema) as typeof s;
  }
  return undefined;
}

/** Validates a parsed document (from YAML or JSON) and fills every default. Throws InputError (exit 2). */
export function validateWorkload(doc: unknown, source = 'workload'): Workload {
  if (doc === null || typeof doc !== 'object' || Array.isArray(doc)) {
    throw new InputError(`${source}: must be a mapping of fields (version, regions, compute, ...), got ${show(doc)}`);
  }
  const result = workloadSchema.safeParse(doc);
  if (!result.success) {
    const issues = [...result.error.issues].sort((a, b) => a.path.length - b.path.length);
    const first = issues.find((i) => i.code === 'invalid_type' && valueAt(doc, i.path) === undefined) ?? issues[0];
    const more = result.error.issues.length > 1 ? ` (+${result.error.issues.length - 1} more)` : '';
    throw new InputError(`${source}: ${formatIssue(first, doc)}${more}`);
  }
  return normalizeWorkload(result.data);
}

/** Fills the defaults that depend on other fields. Pure; idempotent. */
export function normalizeWorkload(w: ParsedWorkload): Workload {
  const primary = regionInfo(w.regions.primary)!;
  const dr = w.regions.dr ?? primary.defaultDr;
  const engine = w.database.engine;
  const instanceClass =
    engine === 'dynamodb' || engine === 'none'
      ? undefined
      : (w.database.instanceClass ?? ENGINES[engine].defaultClass);
  return {
    ...w,
    regions: { ...w.regions, dr },
    database: { ...w.database, ...(instanceClass ? { instanceClass } : {}) },
    business: {
      ...w.business,
      regionEventsPerYear: w.business.regionEventsPerYear ?? (w.regions.primary === 'us-east-1' ? 0.5 : 0.2),
    },
  };
}

/** A workload's targets in seconds and USD; null where the workload sets none. */
export interface Targets {
  rtoSeconds: number | null;
  rpoSeconds: number | null;
  maxMonthlyCost: number | null;
  /** A target is met when P(RTO ≤ target) (and the same for RPO) reaches this. */
  confidence: number;
}

/**
 * The targets normalised to seconds: the one place a workload's durations are parsed (validation has already checked
 * them), so that the core only ever sees numbers.
 */
export function targetsOf(w: Workload): Targets {
  const seconds = (v: string | number | undefined): number | null =>
    v === undefined ? null : typeof v === 'number' ? v : (parseDuration(v) ?? null);
  return { rtoSeconds: seconds(w.targets.rto), rpoSeconds: seconds(w.targets.rpo), maxMonthlyCost: w.targets.maxMonthlyCost ?? null, confidence: w.targets.confidence };
}

/** Validates names that only the price catalog knows (instance types, DB classes). Pure: the catalog is passed in. */
export function checkCatalog(w: Workload, catalog: { instanceTypes: readonly string[]; dbClasses: (engine: string) => readonly string[] }): void {
  if (catalog.instanceTypes.length && !catalog.instanceTypes.includes(w.compute.instanceType)) {
    const near = nearest(w.compute.instanceType, catalog.instanceTypes, 3);
    throw new InputError(`compute.instanceType: unknown instance type "${w.compute.instanceType}"; nearest known: ${near.join(', ')}`);
  }
  const cls = w.database.instanceClass;
  if (cls) {
    const known = catalog.dbClasses(w.database.engine);
    if (known.length && !known.includes(cls)) {
      throw new InputError(`database.instanceClass: unknown ${w.database.engine} instance class "${cls}"; nearest known: ${nearest(cls, known, 3).join(', ')}`);
    }
  }
}


/** Validation with one-line messages that name the field, the value and what is allowed. Pure. */
import type { z } from 'zod';
import { InputError } from '../errors';
import { MRSC_REGION_SETS, mrscRegionSet, regionInfo } from '../model/regions';
import { ASSUMPTION_NAMES } from '../model/assumptions';
import { fastParse } from './fast-validate';
import type { ParsedWorkload } from './schema';
import schema from './schema.lazy';
import { storesOf, tiersOf, withDefaultClass, type Store, type Tier } from './parts';
import { parseDuration } from '../model/time';
import { editDistance, nearest, nearestKnown } from '../text/suggest';
import { echo, quote } from '../text/escape';

/**
 * The workload after validation and normalization: every default filled in. `tiers` and `stores` are its parts as
 * the core reads them (always lists, src/workload/parts.ts); `compute` and `database` stay as the file wrote them
 * (one object or a list, defaults filled), for the report's echo of the workload and for the wizard.
 */
export type Workload = WorkloadDocument & {
  tiers: Tier[];
  stores: Store[];
};

/** The workload as the output echoes it and a file saves it: the file's form, every default filled, no derived parts. */
export type WorkloadDocument = ParsedWorkload & {
  regions: ParsedWorkload['regions'] & { dr: string };
  business: ParsedWorkload['business'] & { regionEventsPerYear: number };
};

/** The workload without its derived parts: what the report echoes, a file saves and validation takes again. */
export function documentOf(w: Workload | WorkloadDocument): WorkloadDocument {
  const { tiers: _t, stores: _s, ...doc } = w as Workload;
  return doc;
}

function valueAt(doc: unknown, path: readonly PropertyKey[]): unknown {
  let cur: unknown = doc;
  for (const k of path) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<PropertyKey, unknown>)[k as string];
  }
  return cur;
}

/** A value from the user's file for an error line: quoted, control characters escaped, cut to 80 characters. */
function show(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (typeof value === 'string') return quote(value);
  if (typeof value === 'number') return Number.isNaN(value) ? 'NaN' : String(value);
  if (Array.isArray(value)) return 'a list';
  if (value === null) return 'null';
  if (typeof value === 'object') return 'an object';
  return echo(String(value));
}

/** What a value is, without its content (for a whole document that is not a mapping: it may be any file at all). */
function kindOf(value: unknown): string {
  if (value === undefined || value === null) return 'nothing';
  if (typeof value === 'string') return 'a single text value';
  if (typeof value === 'number') return 'a single number';
  if (typeof value === 'boolean') return 'a single true/false value';
  if (Array.isArray(value)) return 'a list';
  return 'a single value';
}

/** A key from the user's file, quoted on one line (control characters escaped) and cut. */
function quoted(key: string): string {
  return quote(key);
}

/** `compute.count`, `regions.additional[2]`; a key from the user's file (an assumption name) is escaped and cut. */
function fieldName(path: readonly PropertyKey[]): string {
  return path.reduce<string>((acc, k) => {
    if (typeof k === 'number') return `${acc}[${k}]`;
    const name = echo(String(k));
    return acc ? `${acc}.${name}` : name;
  }, '');
}

/** One line for the first issue: `error: compute.count must be a whole number ≥ 1 (got -2)`. */
export function formatIssue(issue: z.core.$ZodIssue, doc: unknown, prefix = ''): string {
  const path = issue.path;
  const field = prefix + fieldName(path);
  if (issue.code === 'unrecognized_keys') {
    const parent = field ? `${field}: ` : '';
    const shape = allowedKeys(path);
    const key = issue.keys[0];
    const near = nearest(key, shape, 3);
    // A typo (`compte`) gets one answer; a name far from every known one gets the nearest few.
    const close = near.length > 0 && editDistance(key.toLowerCase(), near[0].toLowerCase()) <= Math.max(2, Math.floor(key.length / 3));
    const hint =
      shape.length > 12
        ? ` (${close ? `did you mean "${near[0]}"? ` : near.length ? `nearest known: ${near.join(', ')}; ` : ''}all names: dr-advisor schema workload)`
        : shape.length
          ? ` (allowed: ${shape.join(', ')}${nearestHint(key, shape)})`
          : '';
    return `${parent}unknown field ${quoted(key)}${hint}`;
  }
  const value = valueAt(doc, path);
  // Missing: a field (invalid_type), a part (`compute`, a union) or a listed part's engine (an enum without a default).
  const missing = issue.code === 'invalid_type' || issue.code === 'invalid_union' || (issue.code === 'invalid_value' && path.some((k) => typeof k === 'number'));
  if (missing && value === undefined) return `${field} is required`;
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

/**
 * A part written as one object or as a list (`compute`, `database`) is a union: when the value is of one form, the
 * issues are that form's, at their full path (`compute[1].count`), not "must be one tier or a list". A value of
 * neither form keeps the union's own message.
 */
function fromUnion(issue: z.core.$ZodIssue): z.core.$ZodIssue[] {
  if (issue.code !== 'invalid_union' || !('errors' in issue)) return [issue];
  const wrongForm = (branch: readonly z.core.$ZodIssue[]) => branch.length === 1 && branch[0].code === 'invalid_type' && branch[0].path.length === 0;
  const matching = (issue.errors as z.core.$ZodIssue[][]).filter((branch) => branch.length > 0 && !wrongForm(branch));
  if (matching.length !== 1) return [issue];
  return matching[0].map((i) => ({ ...i, path: [...issue.path, ...i.path] }) as z.core.$ZodIssue).flatMap(fromUnion);
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
  // Walk the zod schema by its JSON shape: objects, and the items of a list (a part of `compute: [...]`); records do
  // not take unknown keys. A union (one part or a list of parts) is walked by the kind of the key.
  let node: unknown = schema().workloadSchema;
  for (const k of path) {
    if (typeof k === 'number') {
      node = arrayItem(node);
      if (!node) return [];
      continue;
    }
    const shape = objectShape(node);
    if (!shape || typeof k !== 'string') return [];
    node = shape[k];
  }
  return Object.keys(objectShape(node) ?? {});
}

type ZodLike = { _zod?: { def?: Record<string, unknown> } } | undefined;

/** The schema under wrappers (default, optional, pipe) of the given kind, looking into each option of a union. */
function unwrap(schema: unknown, type: 'object' | 'array'): Record<string, unknown> | undefined {
  let s = schema as ZodLike;
  for (let i = 0; i < 8 && s?._zod?.def; i++) {
    const def = s._zod.def as Record<string, unknown>;
    if (def.type === type) return def;
    if (def.type === 'union') {
      for (const option of def.options as unknown[]) {
        const found = unwrap(option, type);
        if (found) return found;
      }
      return undefined;
    }
    s = (def.innerType ?? def.in ?? def.schema) as ZodLike;
  }
  return undefined;
}

function objectShape(schema: unknown): Record<string, unknown> | undefined {
  return unwrap(schema, 'object')?.shape as Record<string, unknown> | undefined;
}

function arrayItem(schema: unknown): unknown {
  return unwrap(schema, 'array')?.element;
}

/** Validates a parsed document (from YAML or JSON) and fills every default. Throws InputError (exit 2). */
export function validateWorkload(doc: unknown, source = 'workload'): Workload {
  const w = normalizeWorkload(parseWorkload(doc, source));
  checkStrongConsistency(w, source);
  return w;
}

/**
 * `activeActive.consistency: strong` asks for DynamoDB multi-Region strong consistency (MRSC), which AWS offers only
 * on 3 Regions of one Region set (3 replicas, or 2 and a witness): refused, naming the sets, when a DynamoDB store's
 * active regions (primary, dr, additional) are more than 3 or span sets. Without a DynamoDB store it changes nothing.
 */
export function checkStrongConsistency(w: Workload, source = 'workload'): void {
  if (w.activeActive.consistency !== 'strong' || !w.stores.some((s) => s.engine === 'dynamodb')) return;
  const active = [w.regions.primary, w.regions.dr, ...w.regions.additional];
  if (active.length <= 3 && mrscRegionSet(active)) return;
  const sets = Object.entries(MRSC_REGION_SETS).map(([k, rs]) => `${k}: ${rs.join(', ')}`).join('; ');
  const why = active.length > 3 ? `at most 3 active regions (3 replicas, or 2 and a witness), got ${active.length}` : `its active regions in one Region set (${sets}), got`;
  throw new InputError(`${source}: activeActive.consistency strong (DynamoDB multi-Region strong consistency) needs ${why}${active.length > 3 ? ':' : ''} ${active.join(', ')}`);
}

/**
 * The schema's output for a parsed document: validated, the schema's defaults filled. Throws InputError (exit 2).
 * A valid document is parsed by the validator generated from the schema (fast-validate.ts), which returns what zod
 * would; zod itself runs only for the others, and words the error.
 */
export function parseWorkload(doc: unknown, source = 'workload'): ParsedWorkload {
  if (doc === null || typeof doc !== 'object' || Array.isArray(doc)) {
    throw new InputError(`${source}: must be a mapping of fields (version, regions, compute, ...), got ${kindOf(doc)}`);
  }
  const fast = fastParse(doc);
  if (fast !== undefined) return fast;
  const result = schema().workloadSchema.safeParse(doc);
  if (!result.success) throw new InputError(`${source}: ${issuesLine(result.error.issues, doc)}`);
  return result.data;
}

/**
 * The issues as one line, the cause first. An unknown field comes first (a typo such as `compte:` also makes
 * `compute` missing; the typo is the cause, and its did-you-mean the fix), then a missing field, then the rest,
 * shallowest first; the second issue is shown too, and the count of any others.
 */
export function issuesLine(found: readonly z.core.$ZodIssue[], doc: unknown): string {
  const all = found.flatMap(fromUnion);
  const rank = (i: z.core.$ZodIssue) => (i.code === 'unrecognized_keys' ? 0 : (i.code === 'invalid_type' || i.code === 'invalid_union') && valueAt(doc, i.path) === undefined ? 1 : 2);
  // One line per unknown key, so that each gets its did-you-mean.
  const issues = all
    .flatMap((i): z.core.$ZodIssue[] => (i.code === 'unrecognized_keys' ? i.keys.map((key) => ({ ...i, keys: [key] })) : [i]))
    .map((issue, order) => ({ issue, order }))
    .sort((a, b) => rank(a.issue) - rank(b.issue) || a.issue.path.length - b.issue.path.length || a.order - b.order)
    .map((x) => x.issue);
  const [first, second] = issues;
  let line = formatIssue(first, doc);
  if (second) line += `; also: ${formatIssue(second, doc)}`;
  if (issues.length > 2) line += ` (+${issues.length - 2} more)`;
  return line;
}

/**
 * Fills the defaults that depend on other fields (the DR region, each store's instance class, events per year) and
 * derives the parts (`tiers`, `stores`) the core reads. Pure; idempotent.
 */
export function normalizeWorkload(w: ParsedWorkload): Workload {
  const primary = regionInfo(w.regions.primary)!;
  const dr = w.regions.dr ?? primary.defaultDr;
  const { tiers: _t, stores: _s, ...doc } = w as ParsedWorkload & Partial<Pick<Workload, 'tiers' | 'stores'>>;
  return {
    ...doc,
    regions: { ...w.regions, dr },
    database: Array.isArray(w.database) ? w.database.map(withDefaultClass) : withDefaultClass(w.database),
    business: {
      ...w.business,
      regionEventsPerYear: w.business.regionEventsPerYear ?? (w.regions.primary === 'us-east-1' ? 0.5 : 0.2),
    },
    tiers: tiersOf(w.compute),
    stores: storesOf(w.database, w.dataChangeGbPerDay),
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
  for (const t of w.tiers) {
    if (catalog.instanceTypes.length && !catalog.instanceTypes.includes(t.instanceType)) {
      throw new InputError(`${t.field}.instanceType: unknown instance type ${quote(t.instanceType)}${nearestKnown(t.instanceType, catalog.instanceTypes)}`);
    }
  }
  for (const s of w.stores) {
    const cls = s.instanceClass;
    if (!cls) continue;
    const known = catalog.dbClasses(s.engine);
    if (known.length && !known.includes(cls)) {
      throw new InputError(`${s.field}.instanceClass: unknown ${s.engine} instance class ${quote(cls)}${nearestKnown(cls, known)}`);
    }
  }
}


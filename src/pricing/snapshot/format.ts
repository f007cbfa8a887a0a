/**
 * The bundled snapshot's file format (schemaVersion 2), in one place: {@link encodeSnapshot} writes it
 * (`scripts/build-snapshot.mjs`, `scripts/build-snapshot-live.mjs`) and {@link decodeSnapshot} reads it (the CLI).
 *
 * The file is compact, so that start-up parses about a fifth of the bytes of the expanded form:
 * - entries are grouped by `service|region`; each group states its most common unit/asOf/source once, and an entry
 *   that matches them and is not estimated is written as its bare price;
 * - RDS Multi-AZ entries of the engines whose Multi-AZ price is derived (the `rds` family of `model/engines.ts`:
 *   MySQL, PostgreSQL) are not stored when they are `rdsMultiAzFactor` × Single-AZ (rule `rds-multi-az`): the
 *   decoder derives them with the same rounding. One that differs (a price read live) is stored, and wins;
 * - `catalog` lists the instance types and DB classes, so input validation reads no price entry at all;
 * - the text is ASCII: other characters are written as `\uXXXX` escapes.
 *
 * A decoded {@link Snapshot} answers lookups from the compact form; its `entries` are expanded on first access only,
 * so `estimate` never expands the 5,000 entries. {@link decodeSnapshotText} goes further: on the encoder's own
 * layout (one group per block, at a fixed indent) it parses the header and indexes the groups by offset, and parses a
 * group's text on its first lookup, so that start-up parses the few groups of the asked regions instead of the
 * 830 kB file (≈15 ms and the garbage of 13,000 objects at every start; issue 17). Any other layout of the same JSON
 * is parsed whole, with the same result.
 */
import { PricingError } from '../../errors';
import { engineTraits } from '../../model/engines';
import { parsePriceKeyId, priceKeyAttrsId, priceKeyId, type PriceKey } from '../keys';
import type { PriceTier } from '../types';

export const SNAPSHOT_SCHEMA_VERSION = 2;

export interface SnapshotSource {
  title: string;
  repo: string | null;
  path: string;
  commit: string | null;
  /** Date (YYYY-MM-DD) of the source's data. */
  date: string;
  licence: string;
  /** V: read from a verified source; S: seen in a non-authoritative source; M: from memory. */
  label: 'V' | 'S' | 'M';
  /** The copy of the source inside the repo, when there is one. */
  file?: string;
  note?: string;
}

export interface SnapshotEntry {
  unitPrice: number;
  unit: string;
  asOf: string;
  source: string;
  estimated: boolean;
  /** Rule id (see `rules.descriptions`) when the entry is estimated. */
  rule?: string;
  note?: string;
  tiers?: PriceTier[];
}

export interface RegionalFactor {
  factor: number;
  basis: number | string;
}

export interface SnapshotRules {
  descriptions: Record<string, string>;
  ec2RegionalFactor: Record<string, RegionalFactor>;
  ec2RegionalFactorNote?: string;
  rdsRegionalFactor: Record<string, Record<string, RegionalFactor>>;
  rdsRegionalFactorNote?: string;
  rdsMultiAzFactor: number;
  storageRegionalFactor?: Record<string, RegionalFactor>;
}

/** What the encoder writes: every entry by price-key id, the derived Multi-AZ ones included. */
export interface SnapshotData {
  /** Newest date of the data read from a verified source. Individual entries may be older: each has its own `asOf`. */
  asOf: string;
  /** The day the snapshot was built from its sources (YYYY-MM-DD): the date the messages call "built". */
  builtOn?: string;
  currency: 'USD';
  sources: Record<string, SnapshotSource>;
  rules: SnapshotRules;
  entries: Readonly<Record<string, SnapshotEntry>>;
}

/** A decoded snapshot. `entries` (every entry by id) is expanded on first access. */
export interface Snapshot extends SnapshotData {
  schemaVersion: typeof SNAPSHOT_SCHEMA_VERSION;
}

/** What the bundled snapshot knows without reading a price: its instance types and DB classes. */
export interface SnapshotCatalog {
  instanceTypes: string[];
  dbInstanceClasses: Record<string, string[]>;
}

// ---------------------------------------------------------------------------------------------------------------
// The file's shape

type CompactValue = number | (Partial<SnapshotEntry> & { unitPrice: number });

interface CompactGroup {
  unit: string;
  asOf: string;
  source: string;
  /** When set, a bare price of the group is estimated by this rule, with this note (an object entry states its own). */
  rule?: string;
  note?: string;
  prices: Record<string, CompactValue>;
}

interface CompactFile {
  schemaVersion: typeof SNAPSHOT_SCHEMA_VERSION;
  asOf: string;
  builtOn?: string;
  currency: 'USD';
  entryCount?: number;
  sources: Record<string, SnapshotSource>;
  rules: SnapshotRules;
  catalog: SnapshotCatalog;
  groups: Record<string, CompactGroup>;
}

/** The groups of a decoded file, by `service|region`: parsed already, or parsed from the file's text on first use. */
interface GroupTable {
  get(id: string): CompactGroup | undefined;
  ids(): readonly string[];
}

interface Decoded extends Omit<CompactFile, 'groups'> {
  groups: GroupTable;
}

function groupId(key: PriceKey): string {
  return `${key.service}|${key.region}`;
}

// ---------------------------------------------------------------------------------------------------------------
// Derived Multi-AZ entries

/** The Single-AZ key a stored-as-derived Multi-AZ key comes from, or undefined when the key is stored as is. */
function multiAzBase(key: PriceKey): PriceKey | undefined {
  if (key.service !== 'rds.instance' || key.attrs.deployment !== 'multi-az') return undefined;
  if (engineTraits(key.attrs.engine)?.family !== 'rds') return undefined;
  return { ...key, attrs: { ...key.attrs, deployment: 'single-az' } };
}

/** The Multi-AZ key derived from a Single-AZ key, or undefined when there is none to derive. */
function multiAzOf(key: PriceKey): PriceKey | undefined {
  if (key.service !== 'rds.instance' || key.attrs.deployment !== 'single-az') return undefined;
  if (engineTraits(key.attrs.engine)?.family !== 'rds') return undefined;
  return { ...key, attrs: { ...key.attrs, deployment: 'multi-az' } };
}

function multiAzFrom(single: SnapshotEntry, factor: number): SnapshotEntry {
  return {
    asOf: single.asOf,
    estimated: true,
    note: `Multi-AZ = ${factor} × Single-AZ ${single.unitPrice}`,
    rule: 'rds-multi-az',
    source: single.source,
    unit: single.unit,
    unitPrice: Number((single.unitPrice * factor).toPrecision(4)),
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Encoding

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

/** The same value with every object's keys sorted (deterministic output). */
function sortKeys<T>(v: T): T {
  if (Array.isArray(v)) return v.map(sortKeys) as T;
  if (v && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    return Object.fromEntries(
      Object.keys(o)
        .sort()
        .map((k) => [k, sortKeys(o[k])]),
    ) as T;
  }
  return v;
}

const same = (a: unknown, b: unknown) => JSON.stringify(sortKeys(a)) === JSON.stringify(sortKeys(b));

/**
 * The file text of a snapshot: deterministic (keys sorted, no clock read), so that the same data gives the same
 * bytes. Throws an Error when a Multi-AZ entry the decoder would derive is absent from `data`.
 */
export function encodeSnapshot(data: SnapshotData): string {
  const fail = (msg: string): never => {
    throw new Error(`snapshot encoding: ${msg}`);
  };
  const ids = Object.keys(data.entries).sort();
  const keys = new Map(ids.map((id) => [id, parsePriceKeyId(id)]));
  const factor = data.rules.rdsMultiAzFactor;
  const stored = ids.filter((id) => {
    const base = multiAzBase(keys.get(id)!);
    const single = base && data.entries[priceKeyId(base)];
    return !single || !same(multiAzFrom(single, factor), data.entries[id]);
  });
  for (const id of ids) {
    const multi = multiAzOf(keys.get(id)!);
    if (multi && !Object.hasOwn(data.entries, priceKeyId(multi))) fail(`no Multi-AZ entry for ${id}, but the decoder derives one`);
  }

  const groups = new Map<string, [string, SnapshotEntry][]>();
  for (const id of stored) {
    const key = keys.get(id)!;
    const g = groupId(key);
    if (!groups.has(g)) groups.set(g, []);
    groups.get(g)!.push([priceKeyAttrsId(key), data.entries[id]]);
  }
  // A bare price: no tiers, and either not estimated with no note, or estimated by a rule with a note (the group's).
  const bareable = (e: SnapshotEntry) => !e.tiers && (e.estimated ? Boolean(e.rule && e.note) : !e.note && !e.rule);
  const shape = (e: SnapshotEntry) => JSON.stringify([e.unit, e.asOf, e.source, e.estimated ? e.rule : null, e.estimated ? e.note : null]);
  const groupLines: string[] = [];
  for (const [g, list] of groups) {
    const counts = new Map<string, number>();
    for (const [, e] of list) {
      if (!bareable(e)) continue;
      counts.set(shape(e), (counts.get(shape(e)) ?? 0) + 1);
    }
    const best = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]?.[0];
    const [unit, asOf, source, rule, note] = best
      ? (JSON.parse(best) as (string | null)[])
      : [list[0][1].unit, list[0][1].asOf, list[0][1].source, null, null];
    const body = list.map(([attrs, e]) => {
      let v: Json;
      if (bareable(e) && shape(e) === best) v = e.unitPrice;
      else {
        const o: Record<string, unknown> = { ...e };
        if (o.unit === unit) delete o.unit;
        if (o.asOf === asOf) delete o.asOf;
        if (o.source === source) delete o.source;
        if (!o.estimated) delete o.estimated;
        v = sortKeys(o) as Json;
      }
      return `        ${JSON.stringify(attrs)}: ${JSON.stringify(v)}`;
    });
    const ruled = rule ? `\n      "rule": ${JSON.stringify(rule)}, "note": ${JSON.stringify(note)},` : '';
    groupLines.push(
      `    ${JSON.stringify(g)}: {\n      "asOf": ${JSON.stringify(asOf)}, "source": ${JSON.stringify(source)}, "unit": ${JSON.stringify(unit)},${ruled}\n      "prices": {\n${body.join(',\n')}\n      }\n    }`,
    );
  }

  const instanceTypes = new Set<string>();
  const dbClasses = new Map<string, Set<string>>();
  for (const key of keys.values()) {
    if (key.service === 'ec2.instance') instanceTypes.add(key.attrs.instanceType);
    if (key.service === 'rds.instance') {
      if (!dbClasses.has(key.attrs.engine)) dbClasses.set(key.attrs.engine, new Set());
      dbClasses.get(key.attrs.engine)!.add(key.attrs.instanceClass);
    }
  }
  const catalog: SnapshotCatalog = {
    instanceTypes: [...instanceTypes].sort(),
    dbInstanceClasses: Object.fromEntries([...dbClasses.keys()].sort().map((e) => [e, [...dbClasses.get(e)!].sort()])),
  };

  const indent = (v: unknown) => JSON.stringify(sortKeys(v), null, 2).replace(/\n/g, '\n  ');
  const lines: string[] = [];
  lines.push('{');
  lines.push(`  "schemaVersion": ${SNAPSHOT_SCHEMA_VERSION},`);
  lines.push(`  "asOf": ${JSON.stringify(data.asOf)},`);
  if (data.builtOn) lines.push(`  "builtOn": ${JSON.stringify(data.builtOn)},`);
  lines.push(`  "currency": ${JSON.stringify(data.currency)},`);
  lines.push(`  "entryCount": ${ids.length},`);
  lines.push(`  "sources": ${indent(data.sources)},`);
  lines.push(`  "rules": ${indent(data.rules)},`);
  lines.push(`  "catalog": {`);
  lines.push(`    "instanceTypes": ${JSON.stringify(catalog.instanceTypes)},`);
  lines.push(`    "dbInstanceClasses": {`);
  const engines = Object.keys(catalog.dbInstanceClasses);
  engines.forEach((e, i) => lines.push(`      ${JSON.stringify(e)}: ${JSON.stringify(catalog.dbInstanceClasses[e])}${i < engines.length - 1 ? ',' : ''}`));
  lines.push('    }');
  lines.push('  },');
  lines.push(`  "groups": {`);
  lines.push(groupLines.join(',\n'));
  lines.push('  }');
  lines.push('}');
  // ASCII only (× → \u00d7 inside the strings): the reader's text is then a one-byte string, read and sliced in
  // half the time of a two-byte one.
  return `${lines.join('\n')}\n`.replace(/[^\x00-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

// ---------------------------------------------------------------------------------------------------------------
// Decoding

const compactOf = new WeakMap<Snapshot, Decoded>();

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function isCompactFile(doc: unknown): doc is CompactFile {
  return isObject(doc) && isObject(doc.groups) && isCompactHeader(doc);
}

/** Everything of the layout but the groups. */
function isCompactHeader(doc: unknown): doc is Omit<CompactFile, 'groups'> {
  if (!isObject(doc) || doc.schemaVersion !== SNAPSHOT_SCHEMA_VERSION) return false;
  const { sources, catalog, rules } = doc;
  return (
    typeof doc.asOf === 'string' &&
    isObject(sources) &&
    isObject(rules) &&
    typeof rules.rdsMultiAzFactor === 'number' &&
    isObject(catalog) &&
    Array.isArray(catalog.instanceTypes) &&
    isObject(catalog.dbInstanceClasses)
  );
}

function expandEntry(group: CompactGroup, value: CompactValue): SnapshotEntry {
  if (typeof value === 'number') {
    const e: SnapshotEntry = { asOf: group.asOf, estimated: Boolean(group.rule), source: group.source, unit: group.unit, unitPrice: value };
    if (group.rule) {
      e.rule = group.rule;
      e.note = group.note;
    }
    return e;
  }
  const e = { asOf: group.asOf, estimated: false, source: group.source, unit: group.unit, ...value } as SnapshotEntry;
  if (e.tiers) e.tiers = e.tiers.map((t) => ({ ...t }));
  return e;
}

function expandAll(c: Decoded): Record<string, SnapshotEntry> {
  const out = new Map<string, SnapshotEntry>();
  for (const g of c.groups.ids()) {
    const group = c.groups.get(g)!;
    for (const [attrs, value] of Object.entries(group.prices)) {
      const key = parsePriceKeyId(`${g}|${attrs}`);
      const e = expandEntry(group, value);
      out.set(priceKeyId(key), e);
      const multi = multiAzOf(key);
      if (multi && !Object.hasOwn(group.prices, priceKeyAttrsId(multi))) out.set(priceKeyId(multi), multiAzFrom(e, c.rules.rdsMultiAzFactor));
    }
  }
  const entries: Record<string, SnapshotEntry> = {};
  for (const id of [...out.keys()].sort()) entries[id] = out.get(id)!;
  return entries;
}

/**
 * A snapshot from the parsed file. Anything but the schemaVersion 2 layout (the expanded schemaVersion 1 `entries`
 * form included) is a PricingError naming `where` and the version found.
 */
export function decodeSnapshot(doc: unknown, where: string): Snapshot {
  if (!isCompactFile(doc)) throw unknownFormat(doc, where);
  const groups = doc.groups;
  const ids = Object.keys(groups);
  return decoded({ ...doc, groups: { get: (id) => (Object.hasOwn(groups, id) ? groups[id] : undefined), ids: () => ids } });
}

function unknownFormat(doc: unknown, where: string): PricingError {
  const version = isObject(doc) ? String(doc.schemaVersion) : 'none';
  return new PricingError(`${where} has an unknown format (schemaVersion ${version}; this dr-advisor reads schemaVersion ${SNAPSHOT_SCHEMA_VERSION})`);
}

/** Where the encoder's groups start, and how each group block opens and how the file ends (see encodeSnapshot). */
const GROUPS_OPEN = '\n  "groups": {\n';
const GROUP_OPEN = '    "';
const GROUP_CLOSE = '\n    }';
const FILE_CLOSE = '  }\n}';

/**
 * The snapshot from the file's text. On the encoder's layout, the header (everything before `groups`) is parsed and
 * the groups are indexed by offset: a group block opens with its id at a 4-space indent and closes with `}` at the
 * same indent, and nothing inside a block (indented deeper, strings holding no raw newline) can look like that. A
 * group is parsed on its first lookup; a block that is not valid JSON is then a PricingError, as a whole parse would
 * have given at load. Any other text (another layout of the same JSON) is parsed whole.
 */
export function decodeSnapshotText(text: string, where: string): Snapshot {
  const indexed = indexGroups(text);
  if (!indexed) {
    let doc: unknown;
    try {
      doc = JSON.parse(text);
    } catch (err) {
      throw new PricingError(`${where} cannot be read: ${(err as Error).message}`);
    }
    return decodeSnapshot(doc, where);
  }
  const { header, spans } = indexed;
  if (!isCompactHeader(header)) throw unknownFormat(header, where);
  const parsed = new Map<string, CompactGroup>();
  const ids = [...spans.keys()];
  const get = (id: string): CompactGroup | undefined => {
    const hit = parsed.get(id);
    if (hit) return hit;
    const span = spans.get(id);
    if (!span) return undefined;
    let group: unknown;
    try {
      group = JSON.parse(text.slice(span[0], span[1]));
    } catch (err) {
      throw new PricingError(`${where} cannot be read: group ${id}: ${(err as Error).message}`);
    }
    if (!isObject(group) || !isObject(group.prices)) throw new PricingError(`${where} cannot be read: group ${id} has no prices`);
    parsed.set(id, group as unknown as CompactGroup);
    return group as unknown as CompactGroup;
  };
  return decoded({ ...header, groups: { get, ids: () => ids } });
}

/** The header and the group blocks' offsets, or undefined when the text is not laid out as the encoder writes it. */
function indexGroups(text: string): { header: unknown; spans: Map<string, [number, number]> } | undefined {
  const open = text.indexOf(GROUPS_OPEN);
  if (open < 0) return undefined;
  const before = text.slice(0, open).trimEnd();
  if (!before.endsWith(',')) return undefined;
  let header: unknown;
  try {
    header = JSON.parse(`${before.slice(0, -1)}\n}`);
  } catch {
    return undefined;
  }
  const spans = new Map<string, [number, number]>();
  let p = open + GROUPS_OPEN.length;
  for (;;) {
    if (text.startsWith(FILE_CLOSE, p)) return text.slice(p + FILE_CLOSE.length).trim() === '' ? { header, spans } : undefined;
    if (!text.startsWith(GROUP_OPEN, p)) return undefined;
    const keyEnd = text.indexOf('": {', p + GROUP_OPEN.length);
    const close = text.indexOf(GROUP_CLOSE, p);
    if (keyEnd < 0 || close < 0 || keyEnd > close || text.indexOf('\n', p) < keyEnd) return undefined;
    let id: unknown;
    try {
      id = JSON.parse(text.slice(p + GROUP_OPEN.length - 1, keyEnd + 1));
    } catch {
      return undefined;
    }
    if (typeof id !== 'string' || spans.has(id)) return undefined;
    const end = close + GROUP_CLOSE.length;
    spans.set(id, [keyEnd + 3, end]);
    if (text.startsWith(',\n', end)) p = end + 2;
    else if (text.startsWith('\n', end)) p = end + 1;
    else return undefined;
  }
}

function decoded(c: Decoded): Snapshot {
  let entries: Record<string, SnapshotEntry> | undefined;
  const snap = {
    schemaVersion: SNAPSHOT_SCHEMA_VERSION,
    asOf: c.asOf,
    ...(typeof c.builtOn === 'string' ? { builtOn: c.builtOn } : {}),
    currency: c.currency,
    sources: c.sources,
    rules: c.rules,
    get entries(): Record<string, SnapshotEntry> {
      entries ??= expandAll(c);
      return entries;
    },
  } as Snapshot;
  compactOf.set(snap, c);
  return snap;
}

function compactFileOf(snapshot: Snapshot): Decoded {
  const c = compactOf.get(snapshot);
  if (!c) throw new PricingError('not a decoded price snapshot (use decodeSnapshot)');
  return c;
}

/** The entry for a key, from the compact form (derived Multi-AZ entries included), without expanding the others. */
export function snapshotEntry(snapshot: Snapshot, key: PriceKey): SnapshotEntry | undefined {
  const c = compactFileOf(snapshot);
  const group = c.groups.get(groupId(key));
  const attrs = priceKeyAttrsId(key);
  if (group && Object.hasOwn(group.prices, attrs)) return expandEntry(group, group.prices[attrs]);
  const base = multiAzBase(key);
  if (!base) return undefined;
  const single = snapshotEntry(snapshot, base);
  return single ? multiAzFrom(single, c.rules.rdsMultiAzFactor) : undefined;
}

/** The instance types and DB classes the snapshot prices (as stored in the file). */
export function snapshotCatalog(snapshot: Snapshot): SnapshotCatalog {
  return compactFileOf(snapshot).catalog;
}

/** Every region the snapshot prices something in ('global' included), sorted. */
export function snapshotRegions(snapshot: Snapshot): string[] {
  const regions = new Set<string>();
  const { groups } = compactFileOf(snapshot);
  for (const g of groups.ids()) {
    const first = Object.keys(groups.get(g)!.prices)[0];
    if (first !== undefined) regions.add(parsePriceKeyId(`${g}|${first}`).region);
  }
  return [...regions].sort();
}

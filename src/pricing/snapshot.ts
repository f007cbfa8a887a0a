/**
 * The bundled offline price book: `data/price-snapshot.json`, built by `scripts/build-snapshot.mjs` from real AWS
 * price data (see `scripts/sources/README.md`). Every entry keeps its source and date; entries derived by a rule are
 * `estimated`. For EC2 types and RDS classes priced in us-east-1 but not in the asked region, the book derives an
 * estimated price with the regional factor stored in the snapshot, and says so in `warnings`.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { PricingError } from '../errors';
import { priceKeyId } from './keys';
import { nearest } from '../text/suggest';
import { isAurora, priceListEngineName } from '../model/engines';
import type { Price, PriceBook, PriceKey, PriceResolution, PriceService, PriceTier } from './types';

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

export interface Snapshot {
  /** 1: the expanded form (every entry stored); 2: the compact file format (see `loadSnapshot`). */
  schemaVersion: 1 | 2;
  /** Newest date of the data read from a verified source. Individual entries may be older. */
  asOf: string;
  currency: 'USD';
  sources: Record<string, SnapshotSource>;
  rules: SnapshotRules;
  entries: Record<string, SnapshotEntry>;
}

// ---------------------------------------------------------------------------------------------------------------
// Loading
//
// The file is compact (schemaVersion 2, written by scripts/build-snapshot.mjs): entries grouped by `service|region`
// with the group's common unit/asOf/source stated once (a bare number is a non-estimated entry with those), RDS
// Multi-AZ entries for MySQL/PostgreSQL derived at run time (rdsMultiAzFactor × Single-AZ, rule rds-multi-az), and a
// `catalog` of instance types and DB classes. `loadSnapshot()` returns the same `Snapshot` as ever: its `entries`
// are expanded on first access only; the price book and the catalog helpers read the compact form directly, so
// `estimate` never expands the 5,000 entries.

interface CompactGroup {
  unit: string;
  asOf: string;
  source: string;
  prices: Record<string, number | (Partial<SnapshotEntry> & { unitPrice: number })>;
}

interface CompactFile {
  schemaVersion: 2;
  asOf: string;
  currency: 'USD';
  entryCount?: number;
  sources: Record<string, SnapshotSource>;
  rules: SnapshotRules;
  catalog: { instanceTypes: string[]; dbInstanceClasses: Record<string, string[]> };
  groups: Record<string, CompactGroup>;
}

/** Engines whose Multi-AZ instance price is derived (Aurora has none). */
const MULTI_AZ_ENGINES = ['mysql', 'postgres'];

const compactOf = new WeakMap<Snapshot, CompactFile>();

let cached: Snapshot | undefined;

/** Where the bundled file is: `dist/*.js` → `../data/`, `src/pricing/*.ts` (tests) → `../../data/`. */
function snapshotPath(): string {
  const candidates = ['../data/price-snapshot.json', '../../data/price-snapshot.json'];
  for (const rel of candidates) {
    const path = fileURLToPath(new URL(rel, import.meta.url));
    if (existsSync(path)) return path;
  }
  throw new PricingError(`the bundled price snapshot (data/price-snapshot.json) is missing from this installation`);
}

function expandEntry(group: CompactGroup, value: CompactGroup['prices'][string]): SnapshotEntry {
  if (typeof value === 'number') return { asOf: group.asOf, estimated: false, source: group.source, unit: group.unit, unitPrice: value };
  const e: SnapshotEntry = { asOf: group.asOf, estimated: false, source: group.source, unit: group.unit, ...value } as SnapshotEntry;
  if (e.tiers) e.tiers = e.tiers.map((t) => ({ ...t }));
  return e;
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

/** The Single-AZ id a derived Multi-AZ id comes from, or undefined. */
function multiAzBase(id: string): string | undefined {
  if (!id.startsWith('rds.instance|') || !id.includes('deployment=multi-az;')) return undefined;
  if (!MULTI_AZ_ENGINES.some((e) => id.includes(`;engine=${e};`))) return undefined;
  return id.replace('deployment=multi-az;', 'deployment=single-az;');
}

/** One entry of a compact snapshot by id, without expanding the others. */
function compactLookup(c: CompactFile, id: string): SnapshotEntry | undefined {
  const bar = id.lastIndexOf('|');
  const group = c.groups[id.slice(0, bar)];
  const value = group && Object.hasOwn(group.prices, id.slice(bar + 1)) ? group.prices[id.slice(bar + 1)] : undefined;
  if (value !== undefined) return expandEntry(group, value);
  const base = multiAzBase(id);
  if (!base) return undefined;
  const single = compactLookup(c, base);
  return single ? multiAzFrom(single, c.rules.rdsMultiAzFactor) : undefined;
}

function expandAll(c: CompactFile): Record<string, SnapshotEntry> {
  const out = new Map<string, SnapshotEntry>();
  for (const [g, group] of Object.entries(c.groups)) {
    for (const [attrs, value] of Object.entries(group.prices)) {
      const id = `${g}|${attrs}`;
      const e = expandEntry(group, value);
      out.set(id, e);
      if (id.startsWith('rds.instance|') && id.includes('deployment=single-az;') && MULTI_AZ_ENGINES.some((en) => id.includes(`;engine=${en};`))) {
        out.set(id.replace('deployment=single-az;', 'deployment=multi-az;'), multiAzFrom(e, c.rules.rdsMultiAzFactor));
      }
    }
  }
  const entries: Record<string, SnapshotEntry> = {};
  for (const id of [...out.keys()].sort()) entries[id] = out.get(id)!;
  return entries;
}

function fromCompact(c: CompactFile): Snapshot {
  let entries: Record<string, SnapshotEntry> | undefined;
  const snap = {
    schemaVersion: 2,
    asOf: c.asOf,
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

/** An entry by price-key id: from the compact form when there is one, else from `entries`. */
function lookupEntry(snapshot: Snapshot, id: string): SnapshotEntry | undefined {
  const c = compactOf.get(snapshot);
  if (c) return compactLookup(c, id);
  return Object.hasOwn(snapshot.entries, id) ? snapshot.entries[id] : undefined;
}

export function loadSnapshot(): Snapshot {
  if (cached) return cached;
  const path = snapshotPath();
  let data: Snapshot | CompactFile;
  try {
    data = JSON.parse(readFileSync(path, 'utf8')) as Snapshot | CompactFile;
  } catch (err) {
    throw new PricingError(`the bundled price snapshot ${path} cannot be read: ${(err as Error).message}`);
  }
  const compact = data as CompactFile;
  if (compact?.schemaVersion === 2 && compact.groups && compact.sources && compact.catalog) {
    cached = fromCompact(compact);
    return cached;
  }
  if (data?.schemaVersion !== 1 || !(data as Snapshot).entries || !data.sources) {
    throw new PricingError(`the bundled price snapshot ${path} has an unknown format (schemaVersion ${String(data?.schemaVersion)})`);
  }
  cached = data as Snapshot;
  return cached;
}

// ---------------------------------------------------------------------------------------------------------------
// Plain words for keys (error messages, warnings)


const SERVICE_NAMES: Record<PriceService, string> = {
  'ec2.instance': 'EC2 instance',
  'ebs.gp3': 'EBS gp3 storage',
  'ebs.snapshot': 'EBS snapshot storage',
  'rds.instance': 'RDS instance',
  'rds.storage': 'database storage',
  'rds.backup': 'database backup storage',
  'rds.io': 'Aurora I/O requests',
  'dynamodb.write': 'DynamoDB on-demand write request units',
  'dynamodb.read': 'DynamoDB on-demand read request units',
  'dynamodb.replicatedWrite': 'DynamoDB global tables replicated write request units',
  'dynamodb.storage': 'DynamoDB table storage',
  'dynamodb.pitr': 'DynamoDB continuous backup (PITR) storage',
  'dynamodb.backup': 'DynamoDB on-demand backup storage',
  's3.standard': 'S3 Standard storage',
  's3.rtc': 'S3 Replication Time Control',
  'transfer.interRegion': 'inter-region data transfer',
  'route53.healthCheck': 'Route 53 health check',
  'route53.hostedZone': 'Route 53 hosted zone',
  'ga.fixed': 'Global Accelerator fixed fee',
  'ga.premium': 'Global Accelerator data-transfer premium',
  'elb.alb': 'Application Load Balancer hour',
  'elb.albLcu': 'Application Load Balancer LCU-hour',
  'drs.server': 'Elastic Disaster Recovery source server',
};

/** A key in plain words, e.g. "EC2 instance m5.large in eu-west-1". */
export function describePriceKey(key: PriceKey): string {
  const a = key.attrs ?? {};
  const where = key.region === 'global' ? '' : ` in ${key.region}`;
  switch (key.service) {
    case 'ec2.instance':
      return `EC2 instance ${a.instanceType ?? '(no instanceType)'}${where}`;
    case 'rds.instance':
      return `${priceListEngineName(a.engine) ?? a.engine ?? 'RDS'} ${a.deployment ?? ''} instance ${a.instanceClass ?? '(no instanceClass)'}${where}`.replace(/ {2,}/g, ' ');
    case 'rds.storage':
    case 'rds.backup':
    case 'rds.io':
      return `${priceListEngineName(a.engine) ?? a.engine ?? ''} ${SERVICE_NAMES[key.service]}${where}`.trim();
    case 'transfer.interRegion':
    case 'ga.premium':
      return `${SERVICE_NAMES[key.service]} from ${key.region} to ${a.to ?? '(no destination)'}`;
    default:
      return `${SERVICE_NAMES[key.service] ?? key.service}${where}`;
  }
}

// ---------------------------------------------------------------------------------------------------------------
// The price book

function shortCommit(c: string | null | undefined): string {
  return c ? `@${c.slice(0, 7)}` : '';
}

function originOf(snapshot: Snapshot, entry: SnapshotEntry): string {
  const src = snapshot.sources[entry.source];
  const base = src ? `${src.title}${src.repo ? ` (${src.repo}${shortCommit(src.commit)})` : ''} ${entry.asOf}` : `${entry.source} ${entry.asOf}`;
  return entry.estimated && entry.note ? `${base}; estimated: ${entry.note}` : base;
}

function round(x: number): number {
  return Number(x.toPrecision(4));
}

interface Derived {
  entry: SnapshotEntry;
  rule: string;
  origin: string;
}

/** EC2 types / RDS classes priced in us-east-1 but not in `key.region`: us-east-1 price × regional factor. */
function derive(snapshot: Snapshot, key: PriceKey): Derived | undefined {
  if (key.region === 'us-east-1' || key.region === 'global') return undefined;
  const attrs = key.attrs ?? {};
  let factor: RegionalFactor | undefined;
  let rule: string;
  let basisText: string;
  let baseKey: PriceKey;
  if (key.service === 'ec2.instance') {
    factor = snapshot.rules.ec2RegionalFactor?.[key.region];
    rule = 'ec2-regional-factor';
    basisText = `median over ${factor?.basis} instance types priced in both regions`;
    baseKey = { ...key, region: 'us-east-1' };
  } else if (key.service === 'rds.instance' && attrs.engine) {
    factor = snapshot.rules.rdsRegionalFactor?.[attrs.engine]?.[key.region];
    rule = 'rds-regional-factor';
    basisText = `median over ${factor?.basis} ${priceListEngineName(attrs.engine) ?? attrs.engine} classes priced in both regions`;
    baseKey = { ...key, region: 'us-east-1' };
  } else {
    return undefined;
  }
  if (!factor) return undefined;
  const base = lookupEntry(snapshot, priceKeyId(baseKey));
  if (!base) return undefined;
  const unitPrice = round(base.unitPrice * factor.factor);
  const note = `us-east-1 price ${base.unitPrice} × ${key.region} regional factor ${factor.factor} (${basisText})`;
  const entry: SnapshotEntry = { unitPrice, unit: base.unit, asOf: base.asOf, source: base.source, estimated: true, rule, note };
  return { entry, rule, origin: originOf(snapshot, entry) };
}

function unknownKeyMessage(snapshot: Snapshot, key: PriceKey): string {
  const words = `no price for ${describePriceKey(key)} in the bundled snapshot`;
  const a = key.attrs ?? {};
  const regions = new Set(Object.keys(snapshot.entries).map((id) => id.split('|')[1]));
  if (!regions.has(key.region)) {
    return `${words} (it covers ${[...regions].filter((r) => r !== 'global').sort().join(', ')})`;
  }
  if (key.service === 'ec2.instance' && a.instanceType) {
    const known = knownInstanceTypes(snapshot);
    if (!known.includes(a.instanceType)) return `${words}; unknown instance type "${a.instanceType}"; nearest known: ${nearest(a.instanceType, known).join(', ')}`;
  }
  if (key.service === 'rds.instance' && a.instanceClass && a.engine) {
    if (a.deployment === 'multi-az' && isAurora(a.engine)) {
      return `${words}: Aurora has no Multi-AZ instance price (a multi-AZ Aurora cluster is priced as more single-az instances)`;
    }
    const known = knownDbInstanceClasses(a.engine, snapshot);
    if (known.length && !known.includes(a.instanceClass)) {
      return `${words}; unknown ${priceListEngineName(a.engine) ?? a.engine} instance class "${a.instanceClass}"; nearest known: ${nearest(a.instanceClass, known).join(', ')}`;
    }
  }
  return words;
}

function daysBetween(from: string, to: Date): number {
  return Math.floor((to.getTime() - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

export function createSnapshotPriceBook(snapshot?: Snapshot, opts: { now?: () => Date } = {}): PriceBook {
  return {
    name: 'snapshot',
    async resolve(keys: readonly PriceKey[]): Promise<PriceResolution> {
      const snap = snapshot ?? loadSnapshot();
      const prices = new Map<string, Price>();
      const byRule = new Map<string, string[]>();
      const missing: PriceKey[] = [];
      for (const key of keys) {
        const id = priceKeyId(key);
        if (prices.has(id)) continue;
        let entry: SnapshotEntry | undefined = lookupEntry(snap, id);
        let origin: string;
        if (entry) {
          origin = originOf(snap, entry);
        } else {
          const d = derive(snap, key);
          if (!d) {
            missing.push(key);
            continue;
          }
          entry = d.entry;
          origin = d.origin;
        }
        const price: Price = { unitPrice: entry.unitPrice, unit: entry.unit, source: 'snapshot', asOf: entry.asOf, estimated: entry.estimated, origin };
        if (entry.tiers) price.tiers = entry.tiers.map((t) => ({ ...t }));
        prices.set(id, price);
        if (entry.estimated) {
          const rule = entry.rule ?? 'estimated';
          const list = byRule.get(rule) ?? [];
          list.push(`${describePriceKey(key)}: ${entry.note ?? 'estimated'}`);
          byRule.set(rule, list);
        }
      }
      if (missing.length) {
        const msgs = missing.slice(0, 3).map((k) => unknownKeyMessage(snap, k));
        const more = missing.length > 3 ? ` (and ${missing.length - 3} more)` : '';
        throw new PricingError(`${msgs.join('; ')}${more}`);
      }

      const warnings: string[] = [];
      const now = (opts.now ?? (() => new Date()))();
      const age = daysBetween(snap.asOf, now);
      const oldest = [...prices.values()].map((p) => p.asOf).sort()[0];
      const ageText = age >= 0 ? `, ${age} days old` : '';
      const olderText = oldest && oldest < snap.asOf ? `; some prices are older, the oldest from ${oldest}, see --explain` : '';
      warnings.push(`prices from the bundled snapshot (data as of ${snap.asOf}${ageText}${olderText})`);
      for (const [rule, items] of [...byRule.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
        const what = snap.rules.descriptions?.[rule] ?? rule;
        const shown = items.slice(0, 3).join('; ');
        const more = items.length > 3 ? `; and ${items.length - 3} more` : '';
        warnings.push(`${items.length} estimated price${items.length === 1 ? '' : 's'} (${what}): ${shown}${more}`);
      }
      return { prices, warnings };
    },
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Catalog helpers (input validation, `pricing status`)

const typeCache = new WeakMap<Snapshot, string[]>();
const classCache = new WeakMap<Snapshot, Map<string, string[]>>();

/** Every EC2 instance type the snapshot prices (in at least one region), sorted. */
export function knownInstanceTypes(snapshot: Snapshot = loadSnapshot()): string[] {
  let list = typeCache.get(snapshot) ?? compactOf.get(snapshot)?.catalog.instanceTypes;
  if (!list) {
    const set = new Set<string>();
    for (const id of Object.keys(snapshot.entries)) {
      if (id.startsWith('ec2.instance|')) set.add(id.slice(id.indexOf('instanceType=') + 'instanceType='.length));
    }
    list = [...set].sort();
    typeCache.set(snapshot, list);
  }
  return [...list];
}

/** Every instance class the snapshot prices for an engine (aurora-mysql, aurora-postgresql, mysql, postgres), sorted. */
export function knownDbInstanceClasses(engine: string, snapshot: Snapshot = loadSnapshot()): string[] {
  let byEngine = classCache.get(snapshot);
  const compact = compactOf.get(snapshot);
  if (!byEngine && compact) {
    byEngine = new Map(Object.entries(compact.catalog.dbInstanceClasses));
    classCache.set(snapshot, byEngine);
  }
  if (!byEngine) {
    const sets = new Map<string, Set<string>>();
    for (const id of Object.keys(snapshot.entries)) {
      if (!id.startsWith('rds.instance|')) continue;
      const attrs = Object.fromEntries(id.split('|')[2].split(';').map((p) => p.split('=') as [string, string]));
      const set = sets.get(attrs.engine) ?? new Set<string>();
      set.add(attrs.instanceClass);
      sets.set(attrs.engine, set);
    }
    byEngine = new Map([...sets].map(([e, s]) => [e, [...s].sort()]));
    classCache.set(snapshot, byEngine);
  }
  return [...(byEngine.get(engine) ?? [])];
}

export interface SnapshotInfo {
  asOf: string;
  /** Number of entries. */
  entries: number;
  /** Number of entries derived by a rule or from [S]/[M] values. */
  estimatedEntries: number;
  sources: Array<SnapshotSource & { id: string; entries: number }>;
}

export function snapshotInfo(snapshot: Snapshot = loadSnapshot()): SnapshotInfo {
  const counts = new Map<string, number>();
  let estimated = 0;
  for (const e of Object.values(snapshot.entries)) {
    counts.set(e.source, (counts.get(e.source) ?? 0) + 1);
    if (e.estimated) estimated++;
  }
  return {
    asOf: snapshot.asOf,
    entries: Object.keys(snapshot.entries).length,
    estimatedEntries: estimated,
    sources: Object.keys(snapshot.sources)
      .sort()
      .map((id) => ({ id, ...snapshot.sources[id], entries: counts.get(id) ?? 0 })),
  };
}



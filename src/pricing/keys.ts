/**
 * Price keys: a service, a region (or 'global') and the attributes that pin one price. The typed union is derived
 * from the rows of `services.ts`; the string id `service|region|k=v;k=v` (attributes sorted) names a key in maps,
 * cache file names and the bundled snapshot, and {@link parsePriceKeyId} is the only way back from an id to a key.
 */
import { PricingError } from '../errors';
import { priceListEngineName } from '../model/engines';
import { SERVICES, TEXT, serviceRow, type PriceService } from './services';

type Row<S extends PriceService> = (typeof SERVICES)[S];
/** The attributes of a service's key, by name. Values are strings; where the row lists the values (deployment),
 * {@link parsePriceKeyId} checks them. */
type AttrsOf<S extends PriceService> = { readonly [K in keyof Row<S>['attrs']]: string };
type RegionOf<S extends PriceService> = Row<S>['scope'] extends 'global' ? 'global' : string;

/** The key of one service: `attrs` present exactly when the service's row names attributes. */
export type PriceKeyOf<S extends PriceService> = [keyof Row<S>['attrs']] extends [never]
  ? { service: S; region: RegionOf<S>; attrs?: undefined }
  : { service: S; region: RegionOf<S>; attrs: AttrsOf<S> };

/**
 * A price key, discriminated by `service`, e.g. `{ service: 'ec2.instance', region, attrs: { instanceType } }`,
 * `{ service: 'rds.instance', region, attrs: { engine, instanceClass, deployment } }`,
 * `{ service: 'transfer.interRegion', region: from, attrs: { to } }`, `{ service: 'route53.hostedZone', region: 'global' }`.
 */
export type PriceKey = { [S in PriceService]: PriceKeyOf<S> }[PriceService];

/** Anything with the shape of a key (the id of a key is built from these fields alone). */
export interface PriceKeyLike {
  service: PriceService;
  region: string;
  attrs?: Readonly<Record<string, string>>;
}

/** The attribute part of an id: `k=v;k=v`, attributes sorted, '' when there are none. */
export function priceKeyAttrsId(key: PriceKeyLike): string {
  const attrs = key.attrs;
  if (!attrs) return '';
  // A plain loop (keys have one to three attributes; check builds ids for every line of every file, issue 17).
  const names = Object.keys(attrs);
  if (names.length > 1) names.sort();
  let id = '';
  for (let i = 0; i < names.length; i++) id += `${i === 0 ? '' : ';'}${names[i]}=${attrs[names[i]]}`;
  return id;
}

/** Canonical string id of a key: `service|region|k=v;k=v` with attributes sorted. Used as map key and cache key. */
export function priceKeyId(key: PriceKeyLike): string {
  return `${key.service}|${key.region}|${priceKeyAttrsId(key)}`;
}

/** A parsed key: typed by service, and its attributes also readable by name (for code that lists them). */
export type ParsedPriceKey = PriceKey & PriceKeyLike;

/** Characters an id uses as separators: never inside a region or an attribute. */
const SEPARATORS = /[|;=]/;

/**
 * The key an id names, checked against its service's row: a known service, a region ('global' exactly for global
 * services), every attribute the service carries and no other, each non-empty and, where the row lists the values,
 * one of them. Throws a PricingError naming the id and what is wrong.
 */
export function parsePriceKeyId(id: string): ParsedPriceKey {
  const bad = (why: string) => new PricingError(`invalid price key ${JSON.stringify(id)}: ${why}`);
  const parts = id.split('|');
  if (parts.length !== 3) throw bad('expected service|region|attributes');
  const [service, region, attrText] = parts;
  const row = serviceRow(service);
  if (!row) throw bad(`unknown price service "${service}"`);
  if (region === '' || SEPARATORS.test(region)) throw bad('no region');
  if ((row.scope === 'global') !== (region === 'global')) throw bad(row.scope === 'global' ? 'the region of a global service is "global"' : 'a regional service needs a region');
  const attrs: Record<string, string> = {};
  if (attrText !== '') {
    for (const pair of attrText.split(';')) {
      const i = pair.indexOf('=');
      const name = i < 0 ? pair : pair.slice(0, i);
      const value = i < 0 ? '' : pair.slice(i + 1);
      if (!Object.hasOwn(row.attrs, name)) throw bad(`${service} has no attribute "${name}"`);
      if (Object.hasOwn(attrs, name)) throw bad(`attribute "${name}" is given twice`);
      if (value === '' || SEPARATORS.test(value)) throw bad(`attribute "${name}" has no value`);
      const spec = row.attrs[name];
      if (spec !== TEXT && !spec.includes(value)) throw bad(`attribute "${name}" must be one of ${spec.join(', ')}`);
      attrs[name] = value;
    }
  }
  for (const name of Object.keys(row.attrs)) if (!Object.hasOwn(attrs, name)) throw bad(`${service} needs attribute "${name}"`);
  const key = (Object.keys(attrs).length ? { service, region, attrs } : { service, region }) as ParsedPriceKey;
  if (priceKeyId(key) !== id) throw bad('attributes are not in sorted order');
  return key;
}

/** Distinct keys by their ids, in first-seen order. */
export function distinctKeysById(keys: Iterable<PriceKey>): Map<string, PriceKey> {
  const seen = new Map<string, PriceKey>();
  for (const k of keys) {
    const id = priceKeyId(k);
    if (!seen.has(id)) seen.set(id, k);
  }
  return seen;
}

/** Distinct keys, in first-seen order. */
export function distinctKeys(keys: Iterable<PriceKey>): PriceKey[] {
  return [...distinctKeysById(keys).values()];
}

/** A key in plain words, e.g. "EC2 instance m5.large in eu-west-1". */
export function describePriceKey(key: PriceKey): string {
  const words = SERVICES[key.service].words;
  const where = key.region === 'global' ? '' : ` in ${key.region}`;
  switch (key.service) {
    case 'ec2.instance':
      return `${words} ${key.attrs.instanceType}${where}`;
    case 'rds.instance': {
      const a = key.attrs;
      return `${priceListEngineName(a.engine) ?? a.engine} ${a.deployment} instance ${a.instanceClass}${where}`;
    }
    case 'rds.storage':
    case 'rds.backup':
    case 'rds.io':
      return `${priceListEngineName(key.attrs.engine) ?? key.attrs.engine} ${words}${where}`;
    case 'transfer.interRegion':
    case 'ga.premium':
      return `${words} from ${key.region} to ${key.attrs.to}`;
    default:
      return `${words}${where}`;
  }
}

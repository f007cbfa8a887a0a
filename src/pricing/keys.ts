import type { PriceKey, PriceService } from './types';

/** Canonical string id of a key: `service|region|k=v;k=v` with attributes sorted. Used as map key and cache key. */
export function priceKeyId(key: PriceKey): string {
  const attrs = key.attrs
    ? Object.keys(key.attrs)
        .sort()
        .map((k) => `${k}=${key.attrs![k]}`)
        .join(';')
    : '';
  return `${key.service}|${key.region}|${attrs}`;
}

export function parsePriceKeyId(id: string): PriceKey {
  const [service, region, attrText] = id.split('|');
  const attrs: Record<string, string> = {};
  if (attrText) {
    for (const pair of attrText.split(';')) {
      const i = pair.indexOf('=');
      attrs[pair.slice(0, i)] = pair.slice(i + 1);
    }
  }
  return Object.keys(attrs).length ? { service: service as PriceService, region, attrs } : { service: service as PriceService, region };
}

/** Distinct keys, in first-seen order. */
export function distinctKeys(keys: Iterable<PriceKey>): PriceKey[] {
  const seen = new Map<string, PriceKey>();
  for (const k of keys) {
    const id = priceKeyId(k);
    if (!seen.has(id)) seen.set(id, k);
  }
  return [...seen.values()];
}

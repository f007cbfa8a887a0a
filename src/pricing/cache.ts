/**
 * The price cache: one JSON file per price key under `$DR_ADVISOR_CACHE_DIR` or `$XDG_CACHE_HOME/dr-advisor` or
 * `~/.cache/dr-advisor`, in `prices/`. Each file keeps the price with its provenance (fetchedAt, SKU, publicationDate).
 *
 * Writes are atomic (unique temp file + rename), so two processes writing at once lose nothing: different keys are
 * different files, and the same key ends as one writer's complete file. A corrupt file is ignored with a warning and
 * rewritten by the next live fetch.
 */
import { mkdir, readFile, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { createHash, randomBytes } from 'node:crypto';
import { priceKeyId } from './keys';
import { PRICE_UNITS, type Price, type PriceKey, type PriceService, type PriceTier } from './types';

export const CACHE_FORMAT = 1;
/** A cache entry younger than this is "fresh" (design.md §6). */
export const CACHE_FRESH_SECONDS = 7 * 86400;

export interface CacheEntry {
  key: string;
  price: Price;
  /** Path of the file, for diagnostics. */
  file: string;
}

/** Where the cache lives: DR_ADVISOR_CACHE_DIR > XDG_CACHE_HOME/dr-advisor > ~/.cache/dr-advisor. */
export function resolveCacheDir(explicit?: string, env: NodeJS.ProcessEnv = process.env): string {
  if (explicit) return explicit;
  if (env.DR_ADVISOR_CACHE_DIR) return env.DR_ADVISOR_CACHE_DIR;
  if (env.XDG_CACHE_HOME) return join(env.XDG_CACHE_HOME, 'dr-advisor');
  return join(homedir(), '.cache', 'dr-advisor');
}

/** File name of a key: readable, filesystem-safe, and collision-free thanks to a short hash of the exact id. */
export function cacheFileName(keyId: string): string {
  const readable = keyId.replace(/[^A-Za-z0-9.=-]+/g, '_').slice(0, 120);
  const hash = createHash('sha256').update(keyId).digest('hex').slice(0, 10);
  return `${readable}.${hash}.json`;
}

function isTier(t: unknown): t is PriceTier {
  const x = t as PriceTier;
  return (
    typeof x === 'object' && x !== null && typeof x.from === 'number' && (x.to === null || typeof x.to === 'number') &&
    typeof x.unitPrice === 'number' && Number.isFinite(x.unitPrice) && x.unitPrice >= 0
  );
}

/** Validates a parsed cache file. Returns the price, or a reason it is unusable. */
function validate(doc: unknown, keyId: string): Price | string {
  const d = doc as { format?: unknown; key?: unknown; price?: Record<string, unknown> };
  if (typeof d !== 'object' || d === null) return 'not an object';
  if (d.format !== CACHE_FORMAT) return `unknown format ${String(d.format)}`;
  if (d.key !== keyId) return 'written for another key';
  const p = d.price;
  if (!p || typeof p !== 'object') return 'no price';
  if (typeof p.unitPrice !== 'number' || !Number.isFinite(p.unitPrice) || p.unitPrice < 0) return 'bad unitPrice';
  if (p.tiers !== undefined && !(Array.isArray(p.tiers) && p.tiers.length > 0 && p.tiers.every(isTier))) return 'bad tiers';
  if (!(p.unitPrice > 0) && !(Array.isArray(p.tiers) && (p.tiers as PriceTier[]).some((t) => t.unitPrice > 0))) return 'zero price';
  const service = keyId.split('|')[0] as PriceService;
  if (typeof p.unit !== 'string' || p.unit !== PRICE_UNITS[service]) return 'wrong unit';
  if (typeof p.fetchedAt !== 'string' || Number.isNaN(Date.parse(p.fetchedAt))) return 'no fetchedAt';
  if (typeof p.asOf !== 'string' || !/^\d{4}-\d{2}-\d{2}/.test(p.asOf)) return 'no asOf';
  return {
    unitPrice: p.unitPrice,
    unit: p.unit,
    ...(p.tiers ? { tiers: p.tiers as PriceTier[] } : {}),
    source: 'cache',
    asOf: p.asOf,
    ...(typeof p.sku === 'string' ? { sku: p.sku } : {}),
    ...(typeof p.publicationDate === 'string' ? { publicationDate: p.publicationDate } : {}),
    fetchedAt: p.fetchedAt,
    ...(typeof p.origin === 'string' ? { origin: p.origin } : {}),
  };
}

export class PriceCache {
  readonly dir: string;

  constructor(
    readonly root: string,
    private readonly warn: (message: string) => void = () => {},
  ) {
    this.dir = join(root, 'prices');
  }

  fileOf(key: PriceKey | string): string {
    const id = typeof key === 'string' ? key : priceKeyId(key);
    return join(this.dir, cacheFileName(id));
  }

  /** Reads one key. Missing → undefined; corrupt → a warning and undefined (the next live fetch rewrites it). */
  async get(key: PriceKey | string): Promise<CacheEntry | undefined> {
    const id = typeof key === 'string' ? key : priceKeyId(key);
    const file = this.fileOf(id);
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      this.warn(`cannot read cache file ${file} (${(err as NodeJS.ErrnoException).code ?? 'error'}); ignoring it`);
      return undefined;
    }
    let doc: unknown;
    try {
      doc = JSON.parse(text);
    } catch {
      this.warn(`ignoring corrupt cache file ${file} (not JSON); it will be rebuilt`);
      return undefined;
    }
    const price = validate(doc, id);
    if (typeof price === 'string') {
      this.warn(`ignoring corrupt cache file ${file} (${price}); it will be rebuilt`);
      return undefined;
    }
    return { key: id, price, file };
  }

  async getMany(keys: readonly PriceKey[]): Promise<Map<string, CacheEntry>> {
    const out = new Map<string, CacheEntry>();
    const entries = await Promise.all(keys.map((k) => this.get(k)));
    for (const e of entries) if (e) out.set(e.key, e);
    return out;
  }

  /** Writes one price atomically: a unique temp file in the same directory, then rename over the target. */
  async put(key: PriceKey | string, price: Price): Promise<void> {
    const id = typeof key === 'string' ? key : priceKeyId(key);
    await mkdir(this.dir, { recursive: true });
    const file = this.fileOf(id);
    const tmp = `${file}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
    const { source: _source, estimated: _estimated, ...rest } = price;
    void _source;
    void _estimated;
    const doc = { format: CACHE_FORMAT, key: id, price: rest };
    try {
      await writeFile(tmp, `${JSON.stringify(doc, null, 2)}\n`, { flag: 'wx' });
      await rename(tmp, file);
    } catch (err) {
      await rm(tmp, { force: true }).catch(() => undefined);
      throw err;
    }
  }

  /** Writes many prices; a failure to write the cache is a warning, never a failed estimate. */
  async putMany(prices: ReadonlyMap<string, Price>): Promise<void> {
    const results = await Promise.allSettled([...prices].map(([id, p]) => this.put(id, p)));
    const failed = results.filter((r) => r.status === 'rejected') as PromiseRejectedResult[];
    if (failed.length) {
      const code = (failed[0].reason as NodeJS.ErrnoException)?.code ?? 'error';
      this.warn(`could not write ${failed.length} price(s) to the cache in ${this.dir} (${code})`);
    }
  }

  /** Every readable entry, plus the files that are not (for `pricing status`). */
  async list(): Promise<{ entries: CacheEntry[]; corrupt: string[] }> {
    let names: string[];
    try {
      names = await readdir(this.dir);
    } catch {
      return { entries: [], corrupt: [] };
    }
    const entries: CacheEntry[] = [];
    const corrupt: string[] = [];
    for (const name of names.filter((n) => n.endsWith('.json')).sort()) {
      const file = join(this.dir, name);
      try {
        const doc = JSON.parse(await readFile(file, 'utf8')) as { key?: unknown };
        const id = typeof doc.key === 'string' ? doc.key : '';
        const price = id && cacheFileName(id) === name ? validate(doc, id) : 'unknown key';
        if (typeof price === 'string') corrupt.push(file);
        else entries.push({ key: id, price, file });
      } catch {
        corrupt.push(file);
      }
    }
    return { entries, corrupt };
  }
}

/** Age of a cached price in seconds, from its fetchedAt. */
export function cacheAgeSeconds(price: Price, now: Date): number {
  return Math.max(0, (now.getTime() - Date.parse(price.fetchedAt ?? '')) / 1000);
}

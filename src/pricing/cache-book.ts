/**
 * The price cache: one JSON file per price key under `<cache dir>/prices/` (the CLI chooses the directory:
 * DR_ADVISOR_CACHE_DIR, XDG_CACHE_HOME/dr-advisor or ~/.cache/dr-advisor). Each file keeps the price with its
 * provenance (fetchedAt, SKU, publicationDate), or the Price List's answer that it has no product for the key (a
 * negative entry, kept as long as a price, so that a warm run sends no request for it either).
 *
 * A shared cache directory (restored in CI, say) may hold anything, so an entry is used only when it is as sound as a
 * live answer:
 * - the file is a regular file of at most {@link MAX_CACHE_FILE_BYTES} (read with O_NONBLOCK: a FIFO never blocks);
 * - it is JSON, of {@link CACHE_FORMAT}, written for this key, in the key's unit;
 * - the price passes `sanity.ts`: finite, positive, within the absolute bounds, sound tiers;
 * - the price is within {@link SNAPSHOT_BAND} of the bundled snapshot's price for the same key, when the snapshot has
 *   one;
 * - `fetchedAt` is an ISO time no later than now plus {@link CLOCK_SKEW_SECONDS}, and `asOf` a real calendar date
 *   (YYYY-MM-DD) no later than the day it was fetched.
 * Anything else is dropped: it is not used at all (not even offline: the next source, live or the snapshot, prices the
 * key), it is rewritten by the next live fetch, and all such entries together give one warning line naming the first
 * reasons (for a price outside the band, both figures).
 *
 * Writes are atomic (unique temp file + rename), so two processes writing at once lose nothing: different keys are
 * different files, and the same key ends as one writer's complete file.
 */
import { makeDirs } from '../io/dirs';
import fsp from '../io/fs-promises.lazy';
import { join } from 'node:path';
import { FileReadError, readRegularFileAsync } from '../io/read';
import { distinctKeys, parsePriceKeyId, priceKeyId, type PriceKey } from './keys';
import { bandProblem, priceProblem } from './sanity';
import { SERVICES } from './services';
import type { Diagnostic, MissingPrice, Price, PriceBook, PriceResolution, PriceTier } from './types';
import crypto from '../io/crypto.lazy';

export const CACHE_FORMAT = 1;
/** A cache entry younger than this is "fresh" (design.md §6). */
export const CACHE_FRESH_SECONDS = 7 * 86400;
/** A cache file is a few hundred bytes; anything larger than this is not one. */
export const MAX_CACHE_FILE_BYTES = 256 * 1024;
/** How far in the future a `fetchedAt` may be (another machine's clock) before the entry is refused. */
export const CLOCK_SKEW_SECONDS = 5 * 60;

export interface CacheEntry {
  key: string;
  price: Price;
  /** Path of the file, for diagnostics. */
  file: string;
}

/** The Price List answered that it has no product for the key. */
export interface NoProductEntry {
  key: string;
  fetchedAt: string;
  /** The answer in plain words, as live pricing gave it. */
  reason: string;
  file: string;
}

/** One key's file: a price, a negative entry, nothing, or something unusable (and why). */
export type CacheRead =
  | { status: 'price'; entry: CacheEntry }
  | { status: 'no-product'; entry: NoProductEntry }
  | { status: 'absent' }
  | { status: 'bad'; file: string; reason: string };

/** File name of a key: readable, filesystem-safe, and collision-free thanks to a short hash of the exact id. */
export function cacheFileName(keyId: string): string {
  const readable = keyId.replace(/[^A-Za-z0-9.=-]+/g, '_').slice(0, 120);
  const hash = crypto().createHash('sha256').update(keyId).digest('hex').slice(0, 10);
  return `${readable}.${hash}.json`;
}

/** Age of a cached price (or answer) in seconds, from its fetchedAt. */
export function cacheAgeSeconds(entry: { fetchedAt?: string }, now: Date): number {
  return Math.max(0, (now.getTime() - Date.parse(entry.fetchedAt ?? '')) / 1000);
}

const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

/** Why this fetchedAt is unusable, or undefined. */
function fetchedAtProblem(fetchedAt: unknown, now: Date): string | undefined {
  if (typeof fetchedAt !== 'string') return 'no fetchedAt';
  const t = Date.parse(fetchedAt);
  if (!ISO_TIME.test(fetchedAt) || Number.isNaN(t)) return 'bad fetchedAt';
  if (t > now.getTime() + CLOCK_SKEW_SECONDS * 1000) return `fetchedAt ${fetchedAt} is in the future`;
  return undefined;
}

/** True for a real calendar date written YYYY-MM-DD (not 2026-02-30). */
function isCalendarDate(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const t = Date.parse(`${s}T00:00:00Z`);
  return !Number.isNaN(t) && new Date(t).toISOString().slice(0, 10) === s;
}

/** Validates a parsed cache file for `keyId`. Returns what it holds, or a reason it is unusable. */
function validate(doc: unknown, keyId: string, now: Date): Price | Omit<NoProductEntry, 'key' | 'file'> | string {
  const d = doc as { format?: unknown; key?: unknown; price?: Record<string, unknown>; noProduct?: Record<string, unknown> };
  if (typeof d !== 'object' || d === null) return 'not an object';
  if (d.format !== CACHE_FORMAT) return `unknown format ${String(d.format)}`;
  if (d.key !== keyId) return 'written for another key';
  let key: PriceKey;
  try {
    key = parsePriceKeyId(keyId);
  } catch {
    return 'unknown price key';
  }
  if (d.noProduct !== undefined) {
    const n = d.noProduct;
    if (typeof n !== 'object' || n === null || typeof n.reason !== 'string' || n.reason === '') return 'bad noProduct entry';
    const when = fetchedAtProblem(n.fetchedAt, now);
    if (when) return when;
    return { fetchedAt: n.fetchedAt as string, reason: n.reason };
  }
  const p = d.price;
  if (!p || typeof p !== 'object') return 'no price';
  const problem = priceProblem({ unitPrice: p.unitPrice as number, tiers: p.tiers as PriceTier[] | undefined });
  if (problem) return problem;
  if (typeof p.unit !== 'string' || p.unit !== SERVICES[key.service].unit) return 'wrong unit';
  const when = fetchedAtProblem(p.fetchedAt, now);
  if (when) return when;
  if (typeof p.asOf !== 'string') return 'no asOf';
  if (!isCalendarDate(p.asOf)) return `asOf ${JSON.stringify(p.asOf.slice(0, 40))} is not a date`;
  if (p.asOf > (p.fetchedAt as string).slice(0, 10)) return `asOf ${p.asOf} is after fetchedAt`;
  return {
    unitPrice: p.unitPrice as number,
    unit: p.unit,
    ...(p.tiers ? { tiers: p.tiers as PriceTier[] } : {}),
    source: 'cache',
    asOf: p.asOf,
    ...(typeof p.sku === 'string' ? { sku: p.sku } : {}),
    ...(typeof p.publicationDate === 'string' ? { publicationDate: p.publicationDate } : {}),
    fetchedAt: p.fetchedAt as string,
    ...(typeof p.origin === 'string' ? { origin: p.origin } : {}),
  };
}

/** The one line for a cache file that cannot be used. */
function corruptLine(file: string, reason: string): string {
  return `ignoring corrupt cache file ${file} (${reason}); it will be rebuilt`;
}

/** Reads one file: `undefined` when it does not exist, else its text, or why it cannot be read. */
async function readCacheFile(file: string): Promise<{ text: string } | { problem: string } | undefined> {
  try {
    return { text: await readRegularFileAsync(file, MAX_CACHE_FILE_BYTES) };
  } catch (err) {
    if (err instanceof FileReadError) return err.code === 'ENOENT' ? undefined : { problem: err.reason };
    throw err;
  }
}

/** What the text of `file`, the cache file of `keyId`, holds, checked. */
function interpret(text: string, file: string, keyId: string, now: Date): CacheRead {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    return { status: 'bad', file, reason: 'not JSON' };
  }
  const v = validate(doc, keyId, now);
  if (typeof v === 'string') return { status: 'bad', file, reason: v };
  if ('reason' in v) return { status: 'no-product', entry: { key: keyId, file, ...v } };
  return { status: 'price', entry: { key: keyId, price: v, file } };
}

export interface PriceCacheOptions {
  /** Clock for the `fetchedAt` checks; default now. */
  now?: () => Date;
}

/** The files of the cache: read, validate, write. */
export class PriceCache {
  readonly dir: string;
  private readonly now: () => Date;

  constructor(
    readonly root: string,
    private readonly warn: (message: string) => void = () => {},
    options: PriceCacheOptions = {},
  ) {
    this.dir = join(root, 'prices');
    this.now = options.now ?? (() => new Date());
  }

  fileOf(key: PriceKey | string): string {
    const id = typeof key === 'string' ? key : priceKeyId(key);
    return join(this.dir, cacheFileName(id));
  }

  /** Reads and checks one key's file. */
  async read(key: PriceKey | string): Promise<CacheRead> {
    const id = typeof key === 'string' ? key : priceKeyId(key);
    const file = this.fileOf(id);
    const got = await readCacheFile(file);
    if (!got) return { status: 'absent' };
    if ('problem' in got) return { status: 'bad', file, reason: got.problem };
    return interpret(got.text, file, id, this.now());
  }

  /** Reads one key's price. Missing → undefined; corrupt → a warning and undefined (the next live fetch rewrites it). */
  async get(key: PriceKey | string): Promise<CacheEntry | undefined> {
    const r = await this.read(key);
    if (r.status === 'bad') this.warn(corruptLine(r.file, r.reason));
    return r.status === 'price' ? r.entry : undefined;
  }

  /** Writes one file atomically: a unique temp file in the same directory, then rename over the target. */
  private async write(id: string, body: Record<string, unknown>): Promise<void> {
    makeDirs(this.dir);
    const file = this.fileOf(id);
    const tmp = `${file}.${process.pid}.${crypto().randomBytes(6).toString('hex')}.tmp`;
    const doc = { format: CACHE_FORMAT, key: id, ...body };
    try {
      await fsp().writeFile(tmp, `${JSON.stringify(doc, null, 2)}\n`, { flag: 'wx' });
      await fsp().rename(tmp, file);
    } catch (err) {
      await fsp().rm(tmp, { force: true }).catch(() => undefined);
      throw err;
    }
  }

  /** Writes one price. A cached price reads back as source `cache`; `via` keeps where it was fetched from (`live`:
   * the Query API, `bulk`: the Bulk API offer files), with its SKU and publication date. */
  async put(key: PriceKey | string, price: Price): Promise<void> {
    const { source, estimated: _estimated, ...rest } = price;
    void _estimated;
    await this.write(typeof key === 'string' ? key : priceKeyId(key), { via: source, price: rest });
  }

  /** Remembers that the Price List has no product for a key. */
  async putNoProduct(key: PriceKey | string, answer: { fetchedAt: string; reason: string }): Promise<void> {
    await this.write(typeof key === 'string' ? key : priceKeyId(key), { noProduct: { fetchedAt: answer.fetchedAt, reason: answer.reason } });
  }

  /**
   * Writes many prices and negative answers. A failure to write the cache is a diagnostic, never a failed estimate.
   */
  async putMany(prices: ReadonlyMap<string, Price>, noProduct: readonly MissingPrice[] = []): Promise<Diagnostic[]> {
    const jobs: [string, Promise<void>][] = [
      ...[...prices].map(([id, p]) => [id, this.put(id, p)] as [string, Promise<void>]),
      ...noProduct.map((m) => [m.id, this.putNoProduct(m.id, { fetchedAt: m.fetchedAt ?? this.now().toISOString(), reason: m.reason })] as [string, Promise<void>]),
    ];
    const results = await Promise.allSettled(jobs.map(([, job]) => job));
    const failed = jobs.filter((_, i) => results[i].status === 'rejected').map(([id]) => id);
    if (!failed.length) return [];
    const first = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    const code = (first.reason as NodeJS.ErrnoException)?.code ?? 'error';
    return [{ kind: 'cache-write', count: failed.length, keys: failed, text: `could not write ${failed.length} price(s) to the cache in ${this.dir} (${code})` }];
  }

  /**
   * Every usable entry, the negative answers, and the files that cannot be used (for `pricing status`). Entries are
   * checked as for an estimate, against `reference` (the snapshot) when given.
   */
  async list(options: { reference?: PriceBook } = {}): Promise<{ entries: CacheEntry[]; noProduct: NoProductEntry[]; corrupt: string[] }> {
    let names: string[];
    try {
      names = await fsp().readdir(this.dir);
    } catch {
      return { entries: [], noProduct: [], corrupt: [] };
    }
    const reads: CacheRead[] = [];
    for (const name of names.filter((n) => n.endsWith('.json')).sort()) {
      const file = join(this.dir, name);
      const got = await readCacheFile(file);
      if (!got) continue; // removed meanwhile
      if ('problem' in got) {
        reads.push({ status: 'bad', file, reason: got.problem });
        continue;
      }
      let id = '';
      try {
        const doc = JSON.parse(got.text) as { key?: unknown };
        if (typeof doc?.key === 'string') id = doc.key;
      } catch {
        // not JSON: corrupt
      }
      reads.push(id && cacheFileName(id) === name ? interpret(got.text, file, id, this.now()) : { status: 'bad', file, reason: 'unknown key' });
    }
    const checked = await checkBand(reads, options.reference);
    return {
      entries: checked.flatMap((r) => (r.status === 'price' ? [r.entry] : [])),
      noProduct: checked.flatMap((r) => (r.status === 'no-product' ? [r.entry] : [])),
      corrupt: checked.flatMap((r) => (r.status === 'bad' ? [r.file] : [])),
    };
  }
}

/** The reads with every price outside the snapshot band turned into a bad entry naming both figures. */
async function checkBand(reads: CacheRead[], reference: PriceBook | undefined): Promise<CacheRead[]> {
  const priced = reads.flatMap((r) => (r.status === 'price' ? [r.entry] : []));
  if (!reference || priced.length === 0) return reads;
  const ref = await reference.resolve(priced.map((e) => parsePriceKeyId(e.key)));
  return reads.map((r) => {
    if (r.status !== 'price') return r;
    const snapshotPrice = ref.prices.get(r.entry.key);
    const problem = snapshotPrice && bandProblem(r.entry.price, snapshotPrice);
    return problem ? { status: 'bad', file: r.entry.file, reason: problem } : r;
  });
}

export interface CacheBookOptions {
  /** The time to judge ages and `fetchedAt` by. */
  now: Date;
  /** Entries older than this (since fetchedAt) are not used. Default: any age. */
  maxAgeSeconds?: number;
  /** The book whose price for the same key bounds a cached price (the bundled snapshot): see SNAPSHOT_BAND. */
  reference?: PriceBook;
}

/**
 * The cache as a PriceBook: a key is priced from its file when the entry is usable and young enough; a remembered
 * "no product" answer is named missing with kind `no-product`; anything else is `not-held`. Each file is read once
 * per book, and {@link CacheBook.withMaxAge} gives views with another age limit over the same reads, so that the
 * policy can ask for fresh entries first and older ones later without a second read or a second warning.
 */
export class CacheBook implements PriceBook {
  readonly name = 'cache';
  private readonly checked = new Map<string, CacheRead>();
  private readonly reported = new Set<string>();

  constructor(
    readonly store: PriceCache,
    private readonly options: CacheBookOptions,
  ) {}

  /** The same cache, answering only with entries at most `seconds` old. */
  withMaxAge(seconds: number): PriceBook {
    return { name: 'cache', resolve: (keys) => this.resolveWithin(keys, seconds) };
  }

  resolve(keys: readonly PriceKey[]): Promise<PriceResolution> {
    return this.resolveWithin(keys, this.options.maxAgeSeconds ?? Infinity);
  }

  private async readAll(keys: readonly PriceKey[]): Promise<void> {
    const todo = keys.filter((k) => !this.checked.has(priceKeyId(k)));
    const reads = await checkBand(await Promise.all(todo.map((k) => this.store.read(k))), this.options.reference);
    todo.forEach((k, i) => this.checked.set(priceKeyId(k), reads[i]));
  }

  private async resolveWithin(requested: readonly PriceKey[], maxAgeSeconds: number): Promise<PriceResolution> {
    const keys = distinctKeys(requested);
    await this.readAll(keys);
    const now = this.options.now;
    const prices = new Map<string, Price>();
    const missing: MissingPrice[] = [];
    const bad: { id: string; file: string; reason: string }[] = [];
    for (const key of keys) {
      const id = priceKeyId(key);
      const r = this.checked.get(id)!;
      if (r.status === 'price' && cacheAgeSeconds(r.entry.price, now) <= maxAgeSeconds) {
        prices.set(id, r.entry.price);
      } else if (r.status === 'no-product' && cacheAgeSeconds(r.entry, now) <= maxAgeSeconds) {
        missing.push({ key, id, kind: 'no-product', reason: r.entry.reason, fetchedAt: r.entry.fetchedAt });
      } else if (r.status === 'bad') {
        missing.push({ key, id, kind: 'not-held', reason: `the cache entry is unusable (${r.reason})` });
        if (!this.reported.has(id)) {
          this.reported.add(id);
          bad.push({ id, file: r.file, reason: r.reason });
        }
      } else {
        missing.push({ key, id, kind: 'not-held', reason: r.status === 'absent' ? 'not in the cache' : 'the cache entry is too old' });
      }
    }
    return { prices, missing, diagnostics: bad.length ? [this.corruptDiagnostic(bad)] : [] };
  }

  private corruptDiagnostic(bad: { id: string; file: string; reason: string }[]): Diagnostic {
    const keys = bad.map((b) => b.id);
    if (bad.length === 1) return { kind: 'cache-corrupt', count: 1, keys, text: corruptLine(bad[0].file, bad[0].reason) };
    const byReason = new Map<string, number>();
    for (const b of bad) byReason.set(b.reason, (byReason.get(b.reason) ?? 0) + 1);
    const reasons = [...byReason].map(([reason, n]) => `${reason}: ${n}`);
    const shown = reasons.slice(0, 3).join('; ') + (reasons.length > 3 ? `; and ${reasons.length - 3} other reasons` : '');
    return {
      kind: 'cache-corrupt',
      count: bad.length,
      keys,
      text: `ignoring ${bad.length} corrupt cache files in ${this.store.dir} (${shown}); they will be rebuilt`,
    };
  }
}

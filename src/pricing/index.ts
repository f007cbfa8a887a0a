/**
 * The pricing policy: composes the books (cache, live, snapshot) into the one PriceBook the CLI uses. This is the only
 * place that decides between sources (design.md §6):
 *
 * - `snapshot`: the bundled snapshot only; never touches the cache or the network.
 * - `auto` (default): a fresh cache entry (≤ 7 days) → live if AWS credentials resolve → an older cache entry →
 *   the bundled snapshot, with a diagnostic naming the source and its age. A key the Price List has no product for
 *   (answered live, or remembered in the cache) goes to the snapshot without a request.
 * - `live`: a fresh cache entry → live; prices that cannot be had live are a PricingError (exit 3).
 * - `--offline`: never touches the network: cache (any age), then the snapshot. `--pricing live --offline` is an
 *   input error.
 * - `--max-price-age`: a price older than this is refused (exit 3). The age of a cached or live price is the time
 *   since it was fetched; the age of a snapshot price is the time since its `asOf` date.
 *
 * The policy reads no environment and prints nothing: the CLI passes the cache directory, the environment for the
 * credential check and a progress callback, and prints the diagnostics it gets back. A key no source can price is a
 * PricingError, so its resolution never has `missing` keys. The live code (and with it the AWS SDK) is loaded with a
 * dynamic import, only when a key actually needs it.
 */
import { InputError, PricingError } from '../errors';
import { describePriceKey, distinctKeys, parsePriceKeyId, priceKeyId } from './keys';
import type { Diagnostic, DiagnosticKind, MissingPrice, Price, PriceBook, PriceKey, PriceResolution } from './types';
import { createSnapshotPriceBook } from './snapshot/book';
import { loadSnapshot } from './snapshot/catalog';
import { credentialSourceConfigured, type CredentialEnv } from './credential-hint';
import { CACHE_FRESH_SECONDS, CacheBook, PriceCache, cacheAgeSeconds } from './cache-book';
import type { LiveOptions, LiveProgress } from './live';
import type { LiveBook } from './live-book';
import type { BulkOptions } from './bulk';

export type PricingMode = 'auto' | 'live' | 'snapshot';

/** What live pricing is doing, for a spinner: it starts (for `keys` prices), progresses by query, and ends. */
export type PricingProgress = { phase: 'start'; keys: number } | ({ phase: 'queries' } & LiveProgress) | { phase: 'end' };

export interface PricingOptions {
  /** --pricing (flag) > DR_ADVISOR_PRICING (env) > 'auto'. */
  mode: PricingMode;
  /** --offline: never touch the network (cache, then snapshot). */
  offline: boolean;
  /** --max-price-age in seconds: prices older than this are refused (exit 3). */
  maxPriceAgeSeconds?: number;
  /** The cache directory (the CLI resolves DR_ADVISOR_CACHE_DIR / XDG). Without one, no cache is read or written. */
  cacheDir?: string;
  /** The environment the AWS SDK will see, for the fast "no credential source at all" check that lets `auto` skip
   * loading the SDK (credential-hint.ts). Without it, the SDK's own chain is asked. */
  env?: CredentialEnv;
  /** Live-pricing progress, for a spinner. */
  onProgress?: (p: PricingProgress) => void;
  /** Clock, injected for tests. */
  now?: () => Date;
  /** Live-source tuning (deadline, timeouts, rate). Default deadline 60 s. */
  live?: LiveOptions;
  /** The snapshot PriceBook to fall back on (tests inject a fake); default: the bundled snapshot. */
  snapshot?: PriceBook;
  /** The book a cached price is checked against (sanity band, sanity.ts); default: the bundled snapshot. */
  reference?: PriceBook;
  /** How the user sees every price's date, named in the snapshot's source line ("see --explain"). */
  seeDetails?: string;
  /** The Bulk API (the CLI passes DR_ADVISOR_BULK_URL): when set, `auto` reads the small offer files for what the
   * cache and live did not price. Unset: no Bulk API request. */
  bulk?: BulkOptions;
}

/** `auto` reads only small files, quickly: 10 s for all of them, 16 MiB per file, 5 s to answer, 5 s of silence. */
const AUTO_BULK: BulkOptions = { deadlineMs: 10_000, maxFileBytes: 16 * 1024 * 1024, connectTimeoutMs: 5_000, idleTimeoutMs: 5_000 };

const DAY = 86400;

/** "3h", "2d", "41d": a compact age. */
export function formatAge(seconds: number): string {
  if (seconds < 60) return 'just now';
  if (seconds < 3600) return `${Math.floor(seconds / 60)}m ago`;
  if (seconds < DAY) return `${Math.floor(seconds / 3600)}h ago`;
  return `${Math.floor(seconds / DAY)}d ago`;
}

function formatMaxAge(seconds: number): string {
  if (seconds % DAY === 0) return `${seconds / DAY}d`;
  if (seconds % 3600 === 0) return `${seconds / 3600}h`;
  if (seconds % 60 === 0) return `${seconds / 60}m`;
  return `${seconds}s`;
}

/** Age of a price's data in seconds: since its `asOf` (the publication or effective date of the list price, or the
 * date of the source a snapshot figure was read from), whatever book it comes from. When it was fetched decides only
 * whether a cache entry is fresh (CACHE_FRESH_SECONDS). */
export function priceAgeSeconds(price: Price, now: Date): number {
  const t = Date.parse(`${price.asOf.slice(0, 10)}T00:00:00Z`);
  return Number.isNaN(t) ? Infinity : Math.max(0, (now.getTime() - t) / 1000);
}

/** The data dates of some prices in words: "price data of 2026-07-20" or "price data from 2022-01-18 to 2026-09-20". */
export function dataDatesText(prices: Iterable<Price>): string {
  const dates = [...prices].map((p) => p.asOf.slice(0, 10)).sort();
  if (!dates.length) return 'no price data';
  const [oldest, newest] = [dates[0], dates[dates.length - 1]];
  return oldest === newest ? `price data of ${newest}` : `price data from ${oldest} to ${newest}`;
}

/** The PricingError for keys no book could price: the first three reasons, and how many more. */
export function missingPricesError(missing: readonly MissingPrice[]): PricingError {
  const more = missing.length > 3 ? ` (and ${missing.length - 3} more)` : '';
  return new PricingError(`${missing.slice(0, 3).map((m) => m.reason).join('; ')}${more}`);
}

/** The resolution's prices, or the PricingError for its missing keys. */
export function requirePrices(resolution: PriceResolution): Map<string, Price> {
  if (resolution.missing.length) throw missingPricesError(resolution.missing);
  return resolution.prices;
}

/** The snapshot in messages: "built 2026-11-24; price data from 2022-01-18 to 2026-09-20" (the build date of the
 * bundled snapshot, and the data dates of the prices it gave). */
function snapshotWords(prices: readonly Price[], bundled: boolean): string {
  let built: string | undefined;
  if (bundled) {
    try {
      built = loadSnapshot().builtOn;
    } catch {
      // no build date to name
    }
  }
  return `${built ? `built ${built}; ` : ''}${dataDatesText(prices)}`;
}

function ageRange(prices: readonly { fetchedAt?: string }[], now: Date): string {
  const ages = prices.map((p) => cacheAgeSeconds(p, now)).sort((a, b) => a - b);
  return `fetched ${formatAge(ages[ages.length - 1])}`;
}

const empty = (keys: readonly PriceKey[]): PriceResolution => ({
  prices: new Map(),
  missing: keys.map((key) => ({ key, id: priceKeyId(key), kind: 'not-held', reason: 'no cache' })),
  diagnostics: [],
});

class PricingPolicy implements PriceBook {
  readonly name: string;

  constructor(private readonly options: PricingOptions) {
    this.name = options.offline ? `${options.mode}+offline` : options.mode;
  }

  private snapshot(): PriceBook {
    return this.options.snapshot ?? createSnapshotPriceBook(undefined, { now: this.options.now, seeDetails: this.options.seeDetails });
  }

  async resolve(requested: readonly PriceKey[]): Promise<PriceResolution> {
    const o = this.options;
    const now = (o.now ?? (() => new Date()))();
    const keys = distinctKeys(requested);
    // Diagnostics in order: cache problems, then one line naming the sources, then the snapshot's notes.
    const diagnostics: Diagnostic[] = [];
    const maxAge = o.maxPriceAgeSeconds;
    const tooOld = (p: Price) => maxAge !== undefined && priceAgeSeconds(p, now) > maxAge;
    const prices = new Map<string, Price>();

    if (o.mode === 'snapshot') {
      const snap = await this.snapshot().resolve(keys);
      requirePrices(snap);
      this.enforceMaxAge(snap.prices, now);
      return { prices: snap.prices, missing: [], diagnostics: snap.diagnostics };
    }

    // 1. The cache: fresh entries are used as they are; older ones are kept as a fallback. A remembered "no product"
    //    answer keeps its key away from live.
    const store = o.cacheDir !== undefined ? new PriceCache(o.cacheDir, undefined, { now: () => now }) : undefined;
    const cache = store ? new CacheBook(store, { now, reference: o.reference ?? createSnapshotPriceBook(undefined, { now: o.now }) }) : undefined;
    const fresh = cache ? await cache.withMaxAge(CACHE_FRESH_SECONDS).resolve(keys) : empty(keys);
    diagnostics.push(...fresh.diagnostics);
    // A fresh entry whose data is older than --max-price-age is asked for again.
    const fromCache = [...fresh.prices.values()].filter((p) => !tooOld(p));
    for (const [id, p] of fresh.prices) if (!tooOld(p)) prices.set(id, p);
    const knownAbsent = fresh.missing.filter((m) => m.kind === 'no-product');
    let pending = keys.filter((k) => !prices.has(priceKeyId(k)) && !knownAbsent.some((m) => m.id === priceKeyId(k)));

    // 2. Live, for whatever the fresh cache does not have.
    let liveCount = 0;
    let liveProblem: { kind: DiagnosticKind; text: string; keys: string[] } | undefined;
    let liveMissing: MissingPrice[] = [];
    const asked = pending.length;
    if (pending.length > 0 && !o.offline && o.mode === 'auto' && o.env && !credentialSourceConfigured(o.env)) {
      // Nothing for the SDK's credential chain to find: skip loading it (see credential-hint.ts).
      liveProblem = { kind: 'live-unavailable', text: 'no AWS credentials found', keys: pending.map(priceKeyId) };
    } else if (pending.length > 0 && !o.offline) {
      const live = await this.openLive();
      try {
        if (!(await live.hasCredentials())) {
          if (o.mode === 'live') {
            throw new PricingError(
              '--pricing live needs AWS credentials, and none were found (environment, shared config and credentials files, SSO, container or instance role). Configure credentials, or use --pricing auto or snapshot',
            );
          }
          liveProblem = { kind: 'live-unavailable', text: 'no AWS credentials found', keys: pending.map(priceKeyId) };
        } else {
          o.onProgress?.({ phase: 'start', keys: pending.length });
          let result: PriceResolution;
          try {
            result = await live.resolve(pending);
          } finally {
            o.onProgress?.({ phase: 'end' });
          }
          for (const [id, price] of result.prices) prices.set(id, price);
          liveCount = result.prices.size;
          liveMissing = result.missing;
          if (store) diagnostics.push(...(await store.putMany(result.prices, liveMissing.filter((m) => m.kind === 'no-product'))));
          pending = pending.filter((k) => !prices.has(priceKeyId(k)));
        }
      } finally {
        live.destroy();
      }
    }
    if (o.mode === 'live') {
      // Every key not in the fresh cache must come live: a failure, or a (remembered) "no product", is exit 3.
      const failures = [...liveMissing, ...knownAbsent];
      if (failures.length > 0) {
        throw new PricingError(
          `live pricing failed for ${failures.length} of ${asked + knownAbsent.length} price(s): ${failures[0].reason}` +
            (failures.length > 1 || failures[0].reason.includes(describePriceKey(failures[0].key)) ? '' : ` (${describePriceKey(failures[0].key)})`),
        );
      }
      // Only reachable with --offline, which main rejects for live; kept as a guard.
      if (pending.length > 0) throw new PricingError(`no live price for ${priceKeyId(pending[0])}`);
    }
    if (liveMissing.length > 0) {
      const reasons = [...new Set(liveMissing.map((m) => m.reason))];
      liveProblem = {
        kind: 'live-failed',
        keys: liveMissing.map((m) => m.id),
        text:
          liveMissing.length === asked
            ? `live pricing failed (${reasons[0]})`
            : `live pricing failed for ${liveMissing.length} price(s) (${reasons[0]}${reasons.length > 1 ? `; and ${reasons.length - 1} other reason(s)` : ''})`,
      };
    }

    // 2b. auto: the small public Bulk API offer files (bulk.ts OFFER_FILES: Route 53, Global Accelerator, DRS, data
    //     transfer), for what live did not price; no credentials needed; bounded in time and size. Answers go to the
    //     cache like live ones, so a warm run sends no request.
    let bulkCount = 0;
    let bulkProblem: string | undefined;
    if (pending.length > 0 && !o.offline && o.mode === 'auto' && o.bulk) {
      const { createBulkBook } = await import('./bulk-book');
      const bulk = createBulkBook({ ...AUTO_BULK, ...o.bulk, smallOnly: true, now: () => now });
      const result = await bulk.resolve(pending);
      for (const [id, price] of result.prices) prices.set(id, price);
      bulkCount = result.prices.size;
      const absent = result.missing.filter((m) => m.kind === 'no-product');
      if (store) diagnostics.push(...(await store.putMany(result.prices, absent)));
      knownAbsent.push(...absent);
      const failed = result.missing.filter((m) => m.kind === 'failed');
      if (failed.length) bulkProblem = `the Bulk API offer files could not be read for ${failed.length} price(s) (${failed[0].reason})`;
      pending = pending.filter((k) => !prices.has(priceKeyId(k)) && !absent.some((m) => m.id === priceKeyId(k)));
    }

    // 3. Older cache entries (still within --max-price-age), then the snapshot (for the keys the Price List has no
    //    product for, too).
    const staleUsed: Price[] = [];
    if (cache && pending.length > 0) {
      const older = await cache.withMaxAge(Infinity).resolve(pending);
      for (const [id, p] of older.prices) {
        if (tooOld(p)) continue;
        prices.set(id, p);
        staleUsed.push(p);
      }
    }
    pending = [...pending, ...knownAbsent.map((m) => m.key)].filter((k) => !prices.has(priceKeyId(k)));
    let snapshotPrices: Price[] = [];
    let snapshotNotes: Diagnostic[] = [];
    if (pending.length > 0) {
      const snap = await this.snapshot().resolve(pending);
      requirePrices(snap);
      snapshotPrices = [...snap.prices.values()];
      for (const [id, p] of snap.prices) prices.set(id, p);
      // The snapshot's own "prices from the bundled snapshot (…)" line is folded into the summary below; its other
      // notes (estimated prices) follow the summary.
      snapshotNotes = snap.diagnostics.filter((d) => d.kind !== 'source');
    }

    this.enforceMaxAge(prices, now, liveProblem?.text);

    // 4. One line naming the sources and their age (and why live was not used for all of them).
    const absentText =
      knownAbsent.length > 0 && !o.offline ? `no AWS Price List product for ${knownAbsent.length} price(s) (cached answer, ${ageRange(knownAbsent, now)})` : undefined;
    const why = [liveProblem?.text, bulkProblem, absentText].filter(Boolean).join('; ') || (o.offline ? '--offline' : undefined);
    const parts: string[] = [];
    if (liveCount) parts.push(`${liveCount} live from the AWS Price List API`);
    if (bulkCount) parts.push(`${bulkCount} from the AWS Price List Bulk API`);
    if (fromCache.length) parts.push(`${fromCache.length} from the cache (${ageRange(fromCache, now)})`);
    if (staleUsed.length) parts.push(`${staleUsed.length} from an older cache (${ageRange(staleUsed, now)})`);
    const bundled = !this.options.snapshot;
    if (snapshotPrices.length) parts.push(`${snapshotPrices.length} from the bundled snapshot (${snapshotWords(snapshotPrices, bundled)})`);
    let text: string | undefined;
    if (why && snapshotPrices.length && !liveCount && !bulkCount && !fromCache.length && !staleUsed.length) {
      text = `${why}; using the bundled snapshot (${snapshotWords(snapshotPrices, bundled)})`;
    } else if (why && (snapshotPrices.length || staleUsed.length)) {
      text = `${why}; prices: ${parts.join(', ')}`;
    } else if (parts.length) {
      text = `prices: ${parts.join(', ')}`;
    }
    if (text !== undefined) {
      const kind = liveProblem?.kind ?? 'source';
      const concerned = liveProblem?.kind === 'live-failed' ? liveProblem.keys : [...prices.keys()];
      diagnostics.push({ kind, count: concerned.length, keys: concerned, text });
    }
    diagnostics.push(...snapshotNotes);
    return { prices, missing: [], diagnostics };
  }

  /** Refuses the prices whose data is older than --max-price-age, naming them (the first three) and how many. */
  private enforceMaxAge(prices: ReadonlyMap<string, Price>, now: Date, why?: string): void {
    const maxAge = this.options.maxPriceAgeSeconds;
    if (maxAge === undefined) return;
    const old = [...prices].filter(([, p]) => priceAgeSeconds(p, now) > maxAge).sort(([a, p], [b, q]) => (p.asOf < q.asOf ? -1 : p.asOf > q.asOf ? 1 : a < b ? -1 : 1));
    if (old.length === 0) return;
    const named = old.slice(0, 3).map(([id, p]) => `${describePriceKey(parsePriceKeyId(id))} (data of ${p.asOf.slice(0, 10)}, ${Math.floor(priceAgeSeconds(p, now) / DAY)} days old)`);
    const more = old.length > 3 ? `; and ${old.length - 3} more` : '';
    const bundled = !this.options.snapshot && [...prices.values()].some((p) => p.source === 'snapshot');
    const built = bundled ? snapshotWords([], true).replace(/; no price data$/, '') : '';
    throw new PricingError(
      `prices older than --max-price-age ${formatMaxAge(maxAge)} refused: ${old.length} of ${prices.size} price${prices.size === 1 ? '' : 's'} ${old.length === 1 ? 'has' : 'have'} older data: ${named.join('; ')}${more}` +
        (built.startsWith('built') ? ` (the bundled snapshot was ${built})` : '') +
        (why ? `; and ${why}` : '') +
        '; fetch fresh prices (AWS credentials, `dr-advisor pricing refresh`, `--source bulk`) or raise --max-price-age',
    );
  }

  private async openLive(): Promise<LiveBook> {
    return openLiveBook(this.options.live, this.options.now, this.options.onProgress);
  }
}

async function openLiveBook(live: LiveOptions | undefined, now: (() => Date) | undefined, onProgress: PricingOptions['onProgress']): Promise<LiveBook> {
  const { createLiveBook } = await import('./live-book');
  return createLiveBook({ ...live, now, onProgress: (p) => onProgress?.({ phase: 'queries', ...p }) });
}

export async function createPriceBook(options: PricingOptions): Promise<PriceBook> {
  if (options.offline && options.mode === 'live') {
    throw new InputError('--offline cannot be combined with --pricing live (live pricing needs the network)');
  }
  return new PricingPolicy(options);
}

export interface RefreshOptions {
  cacheDir: string;
  /** `live` (Query API, credentials) or `bulk` (public offer files). Default live. */
  source?: 'live' | 'bulk';
  live?: LiveOptions;
  /** Bulk API options (base URL, deadline, caps, progress). */
  bulk?: BulkOptions;
  onProgress?: (p: PricingProgress) => void;
  now?: () => Date;
}

export interface RefreshResult {
  source: 'live' | 'bulk';
  fetched: number;
  /** Bulk: offer-file bytes streamed, products seen and kept. */
  bytes?: number;
  products?: number;
  kept?: number;
  /** Keys not refreshed, with the reason (no product included: that answer is remembered in the cache). */
  failed: { key: string; reason: string }[];
  requests: number;
  cacheDir: string;
  /** Cache write problems, for the CLI to print. */
  diagnostics: Diagnostic[];
}

/** The deadline of `pricing refresh` when the caller sets none: it asks for many more keys than an estimate. */
export const REFRESH_DEADLINE_MS = 300_000;

/**
 * `pricing refresh`: fetch these keys live (ignoring the cache) and write them into the cache, with the "no product"
 * answers. No credentials is a PricingError (exit 3). Keys that fail are reported, not fatal, unless every key fails.
 */
export async function refreshPrices(keys: readonly PriceKey[], options: RefreshOptions): Promise<RefreshResult> {
  const distinct = distinctKeys(keys);
  const cache = new PriceCache(options.cacheDir, undefined, { now: options.now });
  if (options.source === 'bulk') {
    const { createBulkBook } = await import('./bulk-book');
    const bulk = createBulkBook({ ...options.bulk, now: options.now });
    const result = await bulk.resolve(distinct);
    const diagnostics = await cache.putMany(result.prices, result.missing.filter((m) => m.kind === 'no-product'));
    const failed = result.missing.map((m) => ({ key: m.id, reason: m.reason }));
    if (result.prices.size === 0 && failed.length > 0 && !result.missing.some((m) => m.kind === 'no-product')) {
      throw new PricingError(`pricing refresh --source bulk failed: ${failed[0].reason}`);
    }
    const { requests, bytes, products, kept } = bulk.stats;
    return { source: 'bulk', fetched: result.prices.size, failed, requests, bytes, products, kept, cacheDir: options.cacheDir, diagnostics };
  }
  const live = await openLiveBook({ ...options.live, deadlineMs: options.live?.deadlineMs ?? REFRESH_DEADLINE_MS }, options.now, options.onProgress);
  try {
    if (!(await live.hasCredentials())) {
      throw new PricingError(
        'pricing refresh needs AWS credentials, and none were found (environment, shared config and credentials files, SSO, container or instance role)',
      );
    }
    options.onProgress?.({ phase: 'start', keys: distinct.length });
    let result: PriceResolution;
    try {
      result = await live.resolve(distinct);
    } finally {
      options.onProgress?.({ phase: 'end' });
    }
    const diagnostics = await cache.putMany(
      result.prices,
      result.missing.filter((m) => m.kind === 'no-product'),
    );
    const failed = result.missing.map((m) => ({ key: m.id, reason: m.reason }));
    if (result.prices.size === 0 && failed.length > 0) {
      throw new PricingError(`pricing refresh failed: ${failed[0].reason}`);
    }
    return { source: 'live', fetched: result.prices.size, failed, requests: live.requests, cacheDir: options.cacheDir, diagnostics };
  } finally {
    live.destroy();
  }
}

/**
 * Builds the PriceBook the CLI uses from the pricing flags. This is the only place that decides between sources
 * (design.md §6):
 *
 * - `snapshot`: the bundled snapshot only; never touches the cache or the network.
 * - `auto` (default): a fresh cache entry (≤ 7 days) → live if AWS credentials resolve → an older cache entry →
 *   the bundled snapshot, with a diagnostic naming the source and its age.
 * - `live`: a fresh cache entry → live; prices that cannot be had live are a PricingError (exit 3).
 * - `--offline`: never touches the network: cache (any age), then the snapshot. `--pricing live --offline` is an
 *   input error.
 * - `--max-price-age`: a price older than this is refused (exit 3). The age of a cached or live price is the time
 *   since it was fetched; the age of a snapshot price is the time since its `asOf` date.
 *
 * The live code (and with it the AWS SDK) is loaded with a dynamic import, only when a key actually needs it.
 */
import { InputError, PricingError } from '../errors';
import { distinctKeys, priceKeyId } from './keys';
import type { Price, PriceBook, PriceKey, PriceResolution } from './types';
import { createSnapshotPriceBook, snapshotInfo } from './snapshot';
import { credentialSourceConfigured } from './credential-hint';
import { CACHE_FRESH_SECONDS, PriceCache, cacheAgeSeconds, resolveCacheDir } from './cache';
import type { LiveOptions, LiveSource } from './live';

export type PricingMode = 'auto' | 'live' | 'snapshot';

export interface PricingOptions {
  /** --pricing (flag) > DR_ADVISOR_PRICING (env) > 'auto'. */
  mode: PricingMode;
  /** --offline: never touch the network (cache, then snapshot). */
  offline: boolean;
  /** --max-price-age in seconds: prices older than this are refused (exit 3). */
  maxPriceAgeSeconds?: number;
  /** DR_ADVISOR_CACHE_DIR, else the XDG cache dir. */
  cacheDir?: string;
  /** True when stderr is a TTY and colour/spinners are allowed. */
  interactive: boolean;
  /** Where diagnostics go (stderr in the CLI). resolve() returns its diagnostics in `warnings` and does not call this;
   * it is used by `refreshPrices` (pricing refresh), which has no resolution to return them in. */
  warn: (message: string) => void;
  /** Clock, injected for tests. */
  now?: () => Date;
  /** Live-source tuning (deadline, timeouts, rate). Default deadline 60 s, or DR_ADVISOR_PRICING_TIMEOUT. */
  live?: LiveOptions;
  /** The snapshot PriceBook to fall back on (tests inject a fake); default: the bundled snapshot. */
  snapshot?: PriceBook;
}

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

/** Age of a price in seconds: since fetchedAt for cache and live, since asOf for the snapshot. */
export function priceAgeSeconds(price: Price, now: Date): number {
  if (price.source !== 'snapshot' && price.fetchedAt) return cacheAgeSeconds(price, now);
  const t = Date.parse(`${price.asOf.slice(0, 10)}T00:00:00Z`);
  return Number.isNaN(t) ? Infinity : Math.max(0, (now.getTime() - t) / 1000);
}

/** DR_ADVISOR_PRICING_TIMEOUT: a duration like `30s`, or milliseconds as a bare number. */
function envDeadlineMs(): number | undefined {
  const v = process.env.DR_ADVISOR_PRICING_TIMEOUT;
  if (!v) return undefined;
  const m = /^(\d+(?:\.\d+)?)(ms|s|m)?$/.exec(v.trim());
  if (!m) throw new InputError(`DR_ADVISOR_PRICING_TIMEOUT must be a duration like 30s (got ${JSON.stringify(v)})`);
  const n = Number(m[1]);
  return m[2] === 's' ? n * 1000 : m[2] === 'm' ? n * 60_000 : n;
}

/** The snapshot's date for messages: the bundled snapshot's `asOf` (or, for an injected snapshot, the newest `asOf`
 * among the prices it returned), and its age in days. */
function snapshotAsOf(prices: Iterable<Price>, now: Date, bundled: boolean): string {
  const dates = [...prices].map((p) => p.asOf.slice(0, 10)).sort();
  let newest = dates[dates.length - 1];
  if (bundled) {
    try {
      newest = snapshotInfo().asOf;
    } catch {
      // keep the newest price date
    }
  }
  if (!newest) return 'unknown date';
  const days = Math.floor((now.getTime() - Date.parse(`${newest}T00:00:00Z`)) / (DAY * 1000));
  return Number.isFinite(days) && days >= 0 ? `${newest}, ${days} day${days === 1 ? '' : 's'} old` : newest;
}

/** A spinner on stderr, only when interactive; loaded lazily. */
async function startSpinner(interactive: boolean, text: string): Promise<{ update(t: string): void; stop(): void }> {
  if (!interactive) return { update() {}, stop() {} };
  const { default: yoctoSpinner } = await import('yocto-spinner');
  const s = yoctoSpinner({ text, stream: process.stderr }).start();
  return {
    update(t) {
      s.text = t;
    },
    stop() {
      s.stop();
      s.clear?.();
    },
  };
}

class PricingPipeline implements PriceBook {
  readonly name: string;

  constructor(private readonly options: PricingOptions) {
    this.name = options.offline ? `${options.mode}+offline` : options.mode;
  }

  private snapshot(): PriceBook {
    return this.options.snapshot ?? createSnapshotPriceBook();
  }

  async resolve(requested: readonly PriceKey[]): Promise<PriceResolution> {
    const o = this.options;
    const now = (o.now ?? (() => new Date()))();
    const keys = distinctKeys(requested);
    const warnings: string[] = [];
    // Diagnostics go into `warnings` only: the caller prints them on stderr and puts them in JSON `pricing.warnings`.
    const say = (m: string) => {
      warnings.push(m);
    };
    const maxAge = o.maxPriceAgeSeconds;
    const tooOld = (p: Price) => maxAge !== undefined && priceAgeSeconds(p, now) > maxAge;
    const prices = new Map<string, Price>();

    if (o.mode === 'snapshot') {
      const snap = await this.snapshot().resolve(keys);
      for (const w of snap.warnings) say(w);
      this.enforceMaxAge(snap.prices.values(), now, 'the bundled snapshot');
      return { prices: snap.prices, warnings };
    }

    // 1. The cache: fresh entries are used as they are; older ones are kept as a fallback.
    const cache = new PriceCache(resolveCacheDir(o.cacheDir), say);
    const cached = await cache.getMany(keys);
    const freshLimit = Math.min(CACHE_FRESH_SECONDS, maxAge ?? Infinity);
    const fromCache: Price[] = [];
    for (const [id, entry] of cached) {
      if (cacheAgeSeconds(entry.price, now) <= freshLimit) {
        prices.set(id, entry.price);
        fromCache.push(entry.price);
      }
    }
    let pending = keys.filter((k) => !prices.has(priceKeyId(k)));

    // 2. Live, for whatever the fresh cache does not have.
    let liveCount = 0;
    let liveProblem: string | undefined;
    if (pending.length > 0 && !o.offline && o.mode === 'auto' && !credentialSourceConfigured()) {
      // Nothing for the SDK's credential chain to find: skip loading it (see credential-hint.ts).
      liveProblem = 'no AWS credentials found';
    } else if (pending.length > 0 && !o.offline) {
      const live = await this.openLive();
      try {
        if (!(await live.hasCredentials())) {
          if (o.mode === 'live') {
            throw new PricingError(
              '--pricing live needs AWS credentials, and none were found (environment, shared config and credentials files, SSO, container or instance role). Configure credentials, or use --pricing auto or snapshot',
            );
          }
          liveProblem = 'no AWS credentials found';
        } else {
          const spinner = await startSpinner(o.interactive, `Fetching ${pending.length} prices from the AWS Price List API…`);
          let result;
          try {
            result = await live.fetch(pending, (p) =>
              spinner.update(`Fetching prices from the AWS Price List API… ${p.done}/${p.total} queries`),
            );
          } finally {
            spinner.stop();
          }
          for (const [id, price] of result.prices) prices.set(id, price);
          liveCount = result.prices.size;
          await cache.putMany(result.prices);
          if (result.errors.size > 0) {
            const [firstId, firstErr] = [...result.errors][0];
            if (o.mode === 'live') {
              throw new PricingError(
                `live pricing failed for ${result.errors.size} of ${pending.length} price(s): ${firstErr.message}` +
                  (result.errors.size > 1 ? '' : ` (${firstId})`),
              );
            }
            const reasons = [...new Set([...result.errors.values()].map((e) => e.message))];
            liveProblem =
              result.errors.size === pending.length
                ? `live pricing failed (${reasons[0]})`
                : `live pricing failed for ${result.errors.size} price(s) (${reasons[0]}${reasons.length > 1 ? `; and ${reasons.length - 1} other reason(s)` : ''})`;
          }
          pending = pending.filter((k) => !prices.has(priceKeyId(k)));
        }
      } finally {
        live.destroy();
      }
    }
    if (o.mode === 'live' && pending.length > 0) {
      // Only reachable with --offline, which main rejects for live; kept as a guard.
      throw new PricingError(`no live price for ${priceKeyId(pending[0])}`);
    }

    // 3. Older cache entries (still within --max-price-age), then the snapshot.
    const staleUsed: Price[] = [];
    for (const k of pending) {
      const entry = cached.get(priceKeyId(k));
      if (entry && !tooOld(entry.price)) {
        prices.set(entry.key, entry.price);
        staleUsed.push(entry.price);
      }
    }
    pending = pending.filter((k) => !prices.has(priceKeyId(k)));
    let snapshotPrices: Price[] = [];
    let snapshotNotes: string[] = [];
    if (pending.length > 0) {
      const snap = await this.snapshot().resolve(pending);
      snapshotPrices = [...snap.prices.values()];
      this.enforceMaxAge(snapshotPrices, now, 'the bundled snapshot', liveProblem);
      for (const [id, p] of snap.prices) prices.set(id, p);
      // The snapshot's own "prices from the bundled snapshot (…)" line is folded into the summary below; its other
      // notes (estimated prices) follow the summary.
      snapshotNotes = snap.warnings.filter((w) => !/^prices from the bundled snapshot/.test(w));
    }

    // 4. One line naming the sources and their age.
    const why = liveProblem ?? (o.offline ? '--offline' : undefined);
    const parts: string[] = [];
    if (liveCount) parts.push(`${liveCount} live from the AWS Price List API`);
    if (fromCache.length) parts.push(`${fromCache.length} from the cache (${this.ageRange(fromCache, now)})`);
    if (staleUsed.length) parts.push(`${staleUsed.length} from an older cache (${this.ageRange(staleUsed, now)})`);
    if (snapshotPrices.length) parts.push(`${snapshotPrices.length} from the bundled snapshot (as of ${snapshotAsOf(snapshotPrices, now, !this.options.snapshot)})`);
    if (why && snapshotPrices.length && !liveCount && !fromCache.length && !staleUsed.length) {
      say(`${why}; using the bundled snapshot (as of ${snapshotAsOf(snapshotPrices, now, !this.options.snapshot)})`);
    } else if (why && (snapshotPrices.length || staleUsed.length)) {
      say(`${why}; prices: ${parts.join(', ')}`);
    } else if (parts.length) {
      say(`prices: ${parts.join(', ')}`);
    }
    for (const w of snapshotNotes) say(w);
    return { prices, warnings };
  }

  private ageRange(prices: Price[], now: Date): string {
    const ages = prices.map((p) => cacheAgeSeconds(p, now)).sort((a, b) => a - b);
    const oldest = formatAge(ages[ages.length - 1]);
    return `fetched ${oldest}`;
  }

  private enforceMaxAge(prices: Iterable<Price>, now: Date, what: string, why?: string): void {
    const maxAge = this.options.maxPriceAgeSeconds;
    if (maxAge === undefined) return;
    const old = [...prices].filter((p) => priceAgeSeconds(p, now) > maxAge);
    if (old.length === 0) return;
    const oldest = old.reduce((a, b) => (priceAgeSeconds(a, now) >= priceAgeSeconds(b, now) ? a : b));
    const days = Math.floor(priceAgeSeconds(oldest, now) / DAY);
    throw new PricingError(
      `prices older than --max-price-age ${formatMaxAge(maxAge)} refused: ${what} is as of ${oldest.asOf.slice(0, 10)} (${days} days old)` +
        (why ? ` and ${why}` : '') +
        '; fetch live prices (AWS credentials, `dr-advisor pricing refresh`) or raise --max-price-age',
    );
  }

  private async openLive(): Promise<LiveSource> {
    const { createLiveSource } = await import('./live');
    const deadlineMs = this.options.live?.deadlineMs ?? envDeadlineMs();
    return createLiveSource({ ...this.options.live, ...(deadlineMs !== undefined ? { deadlineMs } : {}), now: this.options.now });
  }
}

export async function createPriceBook(options: PricingOptions): Promise<PriceBook> {
  if (options.offline && options.mode === 'live') {
    throw new InputError('--offline cannot be combined with --pricing live (live pricing needs the network)');
  }
  return new PricingPipeline(options);
}

export interface RefreshResult {
  fetched: number;
  failed: { key: string; reason: string }[];
  requests: number;
  cacheDir: string;
}

/**
 * `pricing refresh`: fetch these keys live (ignoring the cache) and write them into the cache. No credentials is a
 * PricingError (exit 3). Keys that fail are reported, not fatal, unless every key fails.
 */
export async function refreshPrices(keys: readonly PriceKey[], options: Omit<PricingOptions, 'mode' | 'offline'>): Promise<RefreshResult> {
  const distinct = distinctKeys(keys);
  const cacheDir = resolveCacheDir(options.cacheDir);
  const cache = new PriceCache(cacheDir, options.warn);
  const { createLiveSource } = await import('./live');
  const deadlineMs = options.live?.deadlineMs ?? envDeadlineMs() ?? 300_000;
  const live = await createLiveSource({ ...options.live, deadlineMs, now: options.now });
  try {
    if (!(await live.hasCredentials())) {
      throw new PricingError(
        'pricing refresh needs AWS credentials, and none were found (environment, shared config and credentials files, SSO, container or instance role)',
      );
    }
    const spinner = await startSpinner(options.interactive, `Fetching ${distinct.length} prices from the AWS Price List API…`);
    let result;
    try {
      result = await live.fetch(distinct, (p) => spinner.update(`Fetching prices from the AWS Price List API… ${p.done}/${p.total} queries`));
    } finally {
      spinner.stop();
    }
    await cache.putMany(result.prices);
    const failed = [...result.errors].map(([key, e]) => ({ key, reason: e.message }));
    if (result.prices.size === 0 && failed.length > 0) {
      throw new PricingError(`pricing refresh failed: ${failed[0].reason}`);
    }
    return { fetched: result.prices.size, failed, requests: result.requests, cacheDir };
  } finally {
    live.destroy();
  }
}

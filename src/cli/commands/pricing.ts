/**
 * `dr-advisor pricing status` (bundled snapshot date, what is cached and how old) and
 * `dr-advisor pricing refresh [--regions ...] [--example NAME]` (fetch live prices into the cache).
 * Results on stdout; progress and warnings on stderr.
 */
import { InputError } from '../../errors';
import { CACHE_FRESH_SECONDS, PriceCache, cacheAgeSeconds } from '../../pricing/cache-book';
import { formatAge, refreshPrices } from '../../pricing/index';
import { describePriceKey, distinctKeys, parsePriceKeyId } from '../../pricing/keys';
import { REGION_CODES, unknownRegionText } from '../../model/regions';
import { createSnapshotPriceBook } from '../../pricing/snapshot/book';
import { loadSnapshot, snapshotInfo } from '../../pricing/snapshot/catalog';
import type { PriceKey } from '../../pricing/types';
import { terminal } from '../terminal';
import { bulkOptions, pricingTimeoutMs, resolveCacheDir, warnToStderr } from '../inputs';
import { bulkProgress, formatBytes, pricingSpinner } from '../spinner';

export interface StatusOptions {
  format?: 'table' | 'json';
}

export async function status(opts: StatusOptions, _globals: { color?: boolean } = {}): Promise<void> {
  void _globals;
  const now = new Date();
  const info = snapshotInfo();
  const cacheDir = resolveCacheDir(undefined, process.env);
  const cache = new PriceCache(cacheDir, undefined, { now: () => now });
  // Checked as an estimate checks them (against the snapshot's price too); a FIFO or device is unreadable, never a wait.
  const { entries, noProduct: unsorted, corrupt } = await cache.list({ reference: createSnapshotPriceBook() });
  const noProduct = [...unsorted].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const ages = entries.map((e) => cacheAgeSeconds(e.price, now));
  const fresh = ages.filter((a) => a <= CACHE_FRESH_SECONDS).length;
  const byService = new Map<string, { entries: number; regions: Set<string> }>();
  for (const e of entries) {
    const k = parsePriceKeyId(e.key);
    const s = byService.get(k.service) ?? { entries: 0, regions: new Set<string>() };
    s.entries++;
    s.regions.add(k.region);
    byService.set(k.service, s);
  }
  const fetched = entries.map((e) => e.price.fetchedAt!).sort();
  const doc = {
    snapshot: {
      builtOn: info.builtOn ?? null,
      asOf: info.asOf,
      entries: info.entries,
      estimatedEntries: info.estimatedEntries,
      estimatedByRule: info.estimatedByRule,
      sources: info.sources.length,
    },
    cache: {
      dir: cacheDir,
      entries: entries.length,
      fresh,
      stale: entries.length - fresh,
      freshForSeconds: CACHE_FRESH_SECONDS,
      oldestFetchedAt: fetched[0] ?? null,
      newestFetchedAt: fetched[fetched.length - 1] ?? null,
      corruptFiles: corrupt,
      noProduct: noProduct.map((n) => n.key),
      services: Object.fromEntries(
        [...byService].sort(([a], [b]) => a.localeCompare(b)).map(([s, v]) => [s, { entries: v.entries, regions: [...v.regions].sort() }]),
      ),
    },
  };
  if (opts.format === 'json') {
    process.stdout.write(`${JSON.stringify(doc, null, 2)}\n`);
    return;
  }
  const lines = [
    `Bundled snapshot  built ${info.builtOn ?? 'on an unknown date'}; newest exact price data ${info.asOf}; ${info.entries} prices (${info.estimatedEntries} estimated), ${info.sources.length} sources`,
    `Cache             ${cacheDir}`,
  ];
  if (entries.length === 0) {
    lines.push('                  empty (run `dr-advisor pricing refresh` with AWS credentials to fill it)');
  } else {
    lines.push(
      `                  ${entries.length} prices: ${fresh} fresh (≤ 7 days), ${entries.length - fresh} older; ` +
        `newest fetched ${formatAge(Math.min(...ages))}, oldest ${formatAge(Math.max(...ages))}`,
    );
    for (const [service, v] of [...byService].sort(([a], [b]) => a.localeCompare(b))) {
      lines.push(`                  ${service.padEnd(26)} ${String(v.entries).padStart(4)}  ${[...v.regions].sort().join(', ')}`);
    }
  }
  if (noProduct.length) {
    lines.push(`                  ${noProduct.length} key(s) with no AWS Price List product (remembered as long as a price):`);
    for (const n of noProduct) lines.push(`                    ${describePriceKey(parsePriceKeyId(n.key))}  fetched ${formatAge(cacheAgeSeconds(n, now))}`);
  }
  if (corrupt.length) lines.push(`                  ${corrupt.length} unreadable file(s), ignored and rebuilt on the next live fetch`);
  process.stdout.write(`${lines.join('\n')}\n`);
}

export interface RefreshOptions {
  regions?: string[];
  example?: string;
  /** live (Query API, credentials) or bulk (public offer files, no credentials). */
  source?: 'live' | 'bulk';
}

/** The keys `pricing refresh` fetches: an example's keys, or every snapshot key except the per-type instance prices,
 * plus the instance prices already cached. Limited to `regions` (the region a key is priced in; global keys always). */
async function refreshKeys(opts: RefreshOptions, regions: Set<string>, cache: PriceCache): Promise<PriceKey[]> {
  const inRegions = (k: PriceKey) => k.region === 'global' || regions.has(k.region);
  if (opts.example) {
    const { loadWorkload } = await import('../inputs');
    const { planEstimate } = await import('../../advisor/plan');
    return planEstimate(loadWorkload({ example: opts.example }), { variants: true }).keys.filter(inRegions);
  }
  const fromSnapshot = Object.keys(loadSnapshot().entries)
    .map(parsePriceKeyId)
    .filter((k) => k.service !== 'ec2.instance' && k.service !== 'rds.instance');
  const listed = await cache.list();
  const cached = [...listed.entries, ...listed.noProduct].map((e) => parsePriceKeyId(e.key));
  return distinctKeys([...fromSnapshot, ...cached]).filter(inRegions);
}

export async function refresh(opts: RefreshOptions, globals: { color?: boolean } = {}): Promise<void> {
  if (opts.source === 'bulk' && !opts.regions && !opts.example) {
    throw new InputError('pricing refresh --source bulk needs --regions (or --example): the EC2 offer file alone is hundreds of MB per region');
  }
  const regionList = opts.regions?.flatMap((r) => r.split(',')).map((r) => r.trim()).filter(Boolean) ?? [...REGION_CODES];
  for (const r of regionList) {
    if (!REGION_CODES.includes(r)) throw new InputError(unknownRegionText('--regions', r));
  }
  const cacheDir = resolveCacheDir(undefined, process.env);
  const deadlineMs = pricingTimeoutMs(process.env);
  const keys = await refreshKeys(opts, new Set(regionList), new PriceCache(cacheDir));
  if (keys.length === 0) throw new InputError('nothing to refresh for these regions');
  const source = opts.source ?? 'live';
  const result = await refreshPrices(keys, {
    cacheDir,
    source,
    ...(deadlineMs !== undefined ? { live: { deadlineMs } } : {}),
    bulk: { baseUrl: bulkOptions(process.env).baseUrl, ...(deadlineMs !== undefined ? { deadlineMs } : {}), onProgress: bulkProgress(terminal.spinner(globals)) },
    onProgress: pricingSpinner(terminal.spinner(globals)),
  });
  for (const d of result.diagnostics) warnToStderr(d.text);
  for (const f of result.failed.slice(0, 5)) {
    const words = describePriceKey(parsePriceKeyId(f.key));
    warnToStderr(`not refreshed: ${f.reason.includes(words) ? f.reason : `${words}: ${f.reason}`}`);
  }
  if (result.failed.length > 5) warnToStderr(`not refreshed: ${result.failed.length - 5} more`);
  const how =
    result.source === 'bulk'
      ? `${result.requests} Bulk API requests, ${formatBytes(result.bytes ?? 0)} streamed, ${result.products ?? 0} products read, ${result.kept ?? 0} kept`
      : `${result.requests} Price List requests`;
  process.stdout.write(`refreshed ${result.fetched} of ${keys.length} prices into ${result.cacheDir} (${how})\n`);
}

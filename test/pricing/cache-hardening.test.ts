/**
 * A poisoned or odd cache directory (issue 15 items 2, 3 and 10): through the built CLI with `--offline` (no network),
 * every unusable entry is dropped, the snapshot prices its key, and all of them together give one warning line; a
 * FIFO never blocks. In-process against the loopback Price List: a dropped entry is refetched live and rewritten.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { planEstimate } from '../../src/advisor/plan';
import { cacheFileName } from '../../src/pricing/cache-book';
import { priceKeyId } from '../../src/pricing/keys';
import { runCli } from '../helpers/cli';
import { example } from '../helpers/core';
import { createPriceBook } from '../helpers/texts-book';
import { NOW, fakeSnapshot, tempCacheDir, useReplayServer } from './live-helpers';

const ALB = 'elb.alb|us-east-1|';
/** The bundled snapshot's ALB hour in us-east-1 (infracost golden, 2024-07-01). */
const ALB_SNAPSHOT = 0.0225;

function cacheDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'dr-poison-'));
  mkdirSync(join(dir, 'prices'));
  return dir;
}

const fileOf = (dir: string, id: string) => join(dir, 'prices', cacheFileName(id));

function seed(dir: string, id: string, price: Record<string, unknown>): void {
  writeFileSync(fileOf(dir, id), JSON.stringify({ format: 1, key: id, price }));
}

const entry = (over: Record<string, unknown> = {}) => ({
  unitPrice: ALB_SNAPSHOT,
  unit: 'Hrs',
  asOf: '2026-11-01',
  sku: 'SKU1',
  fetchedAt: new Date(Date.now() - 3600_000).toISOString(),
  origin: 'AWS Price List API',
  ...over,
});

/** `estimate --example web-app --offline --format json` on this cache directory (auto pricing, no network). */
function offlineEstimate(dir: string) {
  const r = runCli(['estimate', '--example', 'web-app', '--offline', '--format', 'json'], {
    env: { DR_ADVISOR_PRICING: undefined, DR_ADVISOR_CACHE_DIR: dir },
    timeoutMs: 15_000,
  });
  const doc = r.status === 0 ? JSON.parse(r.stdout) : undefined;
  const alb = doc?.primaryLineItems.find((i: { priceKey: string }) => i.priceKey === ALB);
  const cacheLines = r.stderr.split('\n').filter((l) => /cache file/.test(l));
  return { r, doc, alb, cacheLines };
}

describe.concurrent('a poisoned cache entry is never used (estimate --offline)', () => {
  it('control: a sound entry is used, from the cache', () => {
    const dir = cacheDir();
    seed(dir, ALB, entry());
    const { r, alb, cacheLines } = offlineEstimate(dir);
    expect(r.status).toBe(0);
    expect(alb.price.source).toBe('cache');
    expect(cacheLines).toEqual([]);
  });

  it.each([
    ['"unitPrice": 0 plus one tier above 0', { unitPrice: 0, tiers: [{ from: 0, to: 1, unitPrice: 0 }, { from: 1, to: null, unitPrice: 0.0225 }] }, 'zero price'],
    ['unitPrice 1e308 (would be $∞)', { unitPrice: 1e308 }, 'unit price 1e+308 is above 10000'],
    ['unitPrice 1e-300 (a silent near-zero)', { unitPrice: 1e-300 }, 'unit price 1e-300 is below 1e-9'],
    ['22× the snapshot price', { unitPrice: 0.5 }, "unit price 0.5 is outside 0.2×–5× the bundled snapshot's 0.0225"],
    ['a tier at zero', { tiers: [{ from: 0, to: 10, unitPrice: 0.0225 }, { from: 10, to: null, unitPrice: 0 }] }, 'zero price'],
    ['fetchedAt in 2099 (fresh forever)', { fetchedAt: '2099-01-01T00:00:00.000Z' }, 'fetchedAt 2099-01-01T00:00:00.000Z is in the future'],
    ['fetchedAt not a time', { fetchedAt: 'yesterday' }, 'bad fetchedAt'],
    ['asOf not a calendar date', { asOf: '2026-99-99' }, 'asOf "2026-99-99" is not a date'],
    ['asOf after the fetch', { asOf: '2099-12-31' }, 'asOf 2099-12-31 is after fetchedAt'],
  ])('%s: dropped, priced by the snapshot, one warning naming the reason', (_what, over, reason) => {
    const dir = cacheDir();
    seed(dir, ALB, entry(over));
    const { r, alb, cacheLines } = offlineEstimate(dir);
    expect(r.status).toBe(0);
    expect(alb.price.source).toBe('snapshot');
    expect(alb.unitPrice).toBeCloseTo(ALB_SNAPSHOT, 12);
    expect(Number.isFinite(alb.monthlyCost) && alb.monthlyCost > 1).toBe(true);
    expect(cacheLines).toEqual([`warning: ignoring corrupt cache file ${fileOf(dir, ALB)} (${reason}); it will be rebuilt`]);
  });

  it('a FIFO where a cache file should be is refused at once, not waited on', () => {
    const dir = cacheDir();
    execFileSync('mkfifo', [fileOf(dir, ALB)]);
    const t0 = Date.now();
    const { r, alb, cacheLines } = offlineEstimate(dir);
    expect(r.status).toBe(0);
    expect(Date.now() - t0).toBeLessThan(10_000);
    expect(alb.price.source).toBe('snapshot');
    expect(cacheLines).toEqual([`warning: ignoring corrupt cache file ${fileOf(dir, ALB)} (is a FIFO (named pipe), not a regular file); it will be rebuilt`]);
  });

  it('a file above 256 kB is refused without reading it all', () => {
    const dir = cacheDir();
    writeFileSync(fileOf(dir, ALB), `${JSON.stringify({ format: 1, key: ALB, price: entry() })}${' '.repeat(300 * 1024)}`);
    const { alb, cacheLines } = offlineEstimate(dir);
    expect(alb.price.source).toBe('snapshot');
    expect(cacheLines).toHaveLength(1);
    expect(cacheLines[0]).toMatch(/\(is \d+ bytes, larger than the 256 kB accepted\)/);
  });

  it('27 corrupt entries (every key of web-app) give one warning line, not 27', () => {
    const dir = cacheDir();
    const ids = planEstimate(example('web-app'), { variants: true }).keys.map(priceKeyId);
    expect(ids).toHaveLength(27); // 26 before issue 12 added the failback re-seed transfer us-west-2 → us-east-1
    for (const id of ids) writeFileSync(fileOf(dir, id), '\u0000garbage');
    seed(dir, ALB, entry({ unitPrice: 0 }));
    const { r, doc, cacheLines } = offlineEstimate(dir);
    expect(r.status).toBe(0);
    expect(doc.pricing.source).toBe('snapshot');
    expect(cacheLines).toEqual([`warning: ignoring 27 corrupt cache files in ${join(dir, 'prices')} (not JSON: 26; zero price: 1); they will be rebuilt`]);
    // The same line is in JSON pricing.warnings, once.
    expect(doc.pricing.warnings.filter((w: string) => /cache file/.test(w))).toEqual([cacheLines[0].slice('warning: '.length)]);
  });
});

describe('pricing status on an odd cache directory', () => {
  it('lists a FIFO, a device link and a corrupt file as unreadable, without hanging; sound entries as entries', () => {
    const dir = cacheDir();
    seed(dir, ALB, entry());
    const fifo = join(dir, 'prices', 'fifo.0123456789.json');
    execFileSync('mkfifo', [fifo]);
    const device = join(dir, 'prices', 'device.0123456789.json');
    symlinkSync('/dev/zero', device);
    const bad = fileOf(dir, 'elb.alb|us-west-2|');
    writeFileSync(bad, '{"format": 1, "key": "elb.alb|us-west-2|", "price": {"unitPrice": 1e308}}');
    const t0 = Date.now();
    const r = runCli(['pricing', 'status', '--format', 'json'], { env: { DR_ADVISOR_CACHE_DIR: dir }, timeoutMs: 15_000 });
    expect(Date.now() - t0).toBeLessThan(10_000);
    expect(r.status).toBe(0);
    const cache = JSON.parse(r.stdout).cache;
    expect(cache.entries).toBe(1);
    expect([...cache.corruptFiles].sort()).toEqual([bad, device, fifo].sort());
    const text = runCli(['pricing', 'status'], { env: { DR_ADVISOR_CACHE_DIR: dir }, timeoutMs: 15_000 });
    expect(text.stdout).toContain('3 unreadable file(s), ignored and rebuilt on the next live fetch');
  });
});

describe('a dropped entry is refetched live and rewritten (loopback Price List)', () => {
  const replay = useReplayServer();

  it.each([
    ['"unitPrice": 0 plus a tier above 0', { unitPrice: 0, tiers: [{ from: 0, to: 1, unitPrice: 0 }, { from: 1, to: null, unitPrice: 0.0225 }] }],
    ['out of the snapshot band', { unitPrice: 3 }],
    ['fetchedAt in the future', { fetchedAt: '2099-01-01T00:00:00.000Z' }],
  ])('%s: one request, the live price, the file repaired', async (_what, over) => {
    const dir = tempCacheDir();
    mkdirSync(join(dir, 'prices'));
    seed(dir, ALB, entry({ ...over, ...('fetchedAt' in over ? {} : { fetchedAt: NOW.toISOString() }) }));
    const opts = { mode: 'auto' as const, offline: false, cacheDir: dir, now: () => NOW, snapshot: fakeSnapshot() };
    const key = { service: 'elb.alb' as const, region: 'us-east-1' };
    const first = await (await createPriceBook(opts)).resolve([key]);
    expect(replay.server.requests).toHaveLength(1);
    expect(first.prices.get(ALB)).toMatchObject({ source: 'live', unitPrice: 0.0225 });
    expect(first.diagnostics.map((d) => d.kind)).toEqual(['cache-corrupt', 'source']);
    const repaired = JSON.parse(readFileSync(fileOf(dir, ALB), 'utf8'));
    expect(repaired.price).toMatchObject({ unitPrice: 0.0225, fetchedAt: NOW.toISOString() });
    expect(repaired.price.tiers).toBeUndefined();
    replay.server.reset();
    const second = await (await createPriceBook(opts)).resolve([key]);
    expect(replay.server.requests).toHaveLength(0);
    expect(second.warnings).toEqual(['prices: 1 from the cache (fetched just now)']);
  });
});

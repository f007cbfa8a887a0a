/** The price cache: location, atomic per-key files, corruption handling and concurrent writers. */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { PriceCache, cacheFileName } from '../../src/pricing/cache-book';
import { resolveCacheDir } from '../../src/cli/inputs';
import { createPriceBook } from '../helpers/texts-book';
import { priceKeyId } from '../../src/pricing/keys';
import type { Price } from '../../src/pricing/types';
import { startReplayServer, type ReplayServer } from '../helpers/replay-server';
import { NOW, WEB_APP_KEYS, fakeSnapshot, tempCacheDir, useReplayEnv } from './live-helpers';

const price = (unitPrice: number, fetchedAt = NOW.toISOString()): Price => ({
  unitPrice,
  unit: 'Hrs',
  source: 'live',
  asOf: '2026-11-01',
  sku: 'SKU1',
  publicationDate: '2026-11-01T00:00:00Z',
  fetchedAt,
  origin: 'AWS Price List API',
});

describe('cache location', () => {
  it('DR_ADVISOR_CACHE_DIR > XDG_CACHE_HOME/dr-advisor > ~/.cache/dr-advisor', () => {
    expect(resolveCacheDir(undefined, { DR_ADVISOR_CACHE_DIR: '/x/c', XDG_CACHE_HOME: '/xdg' })).toBe('/x/c');
    expect(resolveCacheDir(undefined, { XDG_CACHE_HOME: '/xdg' })).toBe('/xdg/dr-advisor');
    expect(resolveCacheDir(undefined, { HOME: '/h' })).toMatch(/\.cache\/dr-advisor$/);
    expect(resolveCacheDir('/explicit', { DR_ADVISOR_CACHE_DIR: '/x/c' })).toBe('/explicit');
  });

  it('one readable, collision-free file per key', () => {
    expect(cacheFileName('ec2.instance|us-east-1|instanceType=m5.large')).toMatch(/^ec2\.instance_us-east-1_instanceType=m5\.large\.[0-9a-f]{10}\.json$/);
    expect(cacheFileName('a|b|c=d e')).not.toBe(cacheFileName('a|b|c=d_e'));
  });
});

describe('reading and writing', () => {
  it('round-trips a price with provenance, read back as source cache', async () => {
    const cache = new PriceCache(tempCacheDir());
    await cache.put('elb.alb|us-east-1|', price(0.0225));
    const e = await cache.get('elb.alb|us-east-1|');
    expect(e!.price).toEqual({ ...price(0.0225), source: 'cache' });
    expect(readdirSync(cache.dir).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });

  it('a cache directory Node cannot create under /proc fails the write instead of hanging (mkdir -p is bounded)', async () => {
    const cache = new PriceCache('/proc/self/fd/dr-advisor-cache');
    await expect(cache.put('elb.alb|us-east-1|', price(1))).rejects.toMatchObject({ code: 'ENOENT' });
  }, 10_000);
  it('a missing chain of folders is made', async () => {
    const cache = new PriceCache(join(tempCacheDir(), 'a', 'b', 'c'));
    await cache.put('elb.alb|us-east-1|', price(1));
    expect((await cache.get('elb.alb|us-east-1|'))!.price.unitPrice).toBe(1);
  });

  it.each([
    ['not JSON', '{"format": 1, "key": "elb.alb|us-east-1|", "pri', 'not JSON'],
    ['a zero price', JSON.stringify({ format: 1, key: 'elb.alb|us-east-1|', price: { ...price(0), source: undefined } }), 'zero price'],
    ['another key', JSON.stringify({ format: 1, key: 'elb.alb|us-west-2|', price: price(1) }), 'written for another key'],
    ['the wrong unit', JSON.stringify({ format: 1, key: 'elb.alb|us-east-1|', price: { ...price(1), unit: 'GB' } }), 'wrong unit'],
  ])('a corrupt file (%s) is ignored with a warning', async (_what, text, reason) => {
    const said: string[] = [];
    const cache = new PriceCache(tempCacheDir(), (m) => said.push(m));
    await cache.put('elb.alb|us-east-1|', price(1));
    writeFileSync(cache.fileOf('elb.alb|us-east-1|'), text);
    expect(await cache.get('elb.alb|us-east-1|')).toBeUndefined();
    expect(said).toEqual([`ignoring corrupt cache file ${cache.fileOf('elb.alb|us-east-1|')} (${reason}); it will be rebuilt`]);
  });
});

describe('corruption and concurrency with live pricing', () => {
  let server: ReplayServer;
  let restore: () => void;
  beforeAll(async () => {
    server = await startReplayServer();
    restore = useReplayEnv(server.url);
  });
  afterAll(async () => {
    restore();
    await server.close();
  });
  afterEach(() => server.reset());

  it('a corrupt cache file gives a warning, is fetched live and rebuilt', async () => {
    const cacheDir = tempCacheDir();
    const opts = { mode: 'auto' as const, offline: false, cacheDir, now: () => NOW, snapshot: fakeSnapshot() };
    await (await createPriceBook(opts)).resolve(WEB_APP_KEYS);
    const cache = new PriceCache(cacheDir);
    const file = cache.fileOf(WEB_APP_KEYS[0]);
    writeFileSync(file, '\u0000\u0000garbage');
    server.reset();
    const { prices, warnings } = await (await createPriceBook(opts)).resolve(WEB_APP_KEYS);
    expect(warnings).toEqual([
      `ignoring corrupt cache file ${file} (not JSON); it will be rebuilt`,
      'prices: 1 live from the AWS Price List API, 7 from the cache (fetched just now)',
    ]);
    expect(server.requests).toHaveLength(1);
    expect(prices.get(priceKeyId(WEB_APP_KEYS[0]))).toMatchObject({ source: 'live', unitPrice: 0.096 });
    expect(JSON.parse(readFileSync(file, 'utf8')).price.unitPrice).toBe(0.096);
    // Third run: all from the cache again, no warning about corruption.
    server.reset();
    const third = await (await createPriceBook(opts)).resolve(WEB_APP_KEYS);
    expect(server.requests).toHaveLength(0);
    expect(third.warnings).toEqual(['prices: 8 from the cache (fetched just now)']);
  });
});

describe('two processes writing at once', () => {
  let script: string;
  beforeAll(async () => {
    // The real cache module, bundled for plain node child processes.
    const dir = mkdtempSync(join(tmpdir(), 'dr-cache-bundle-'));
    script = join(dir, 'writer.mjs');
    await build({
      stdin: {
        contents: `
          import { PriceCache } from ${JSON.stringify(join(import.meta.dirname, '../../src/pricing/cache-book.ts'))};
          const [dir, who, n] = process.argv.slice(2);
          const cache = new PriceCache(dir, (m) => { console.error(m); process.exitCode = 1; });
          const jobs = [];
          for (let i = 0; i < Number(n); i++) {
            const p = { unitPrice: 0.001 * (i + 1), unit: 'Hrs', source: 'live', asOf: '2026-11-01', fetchedAt: new Date().toISOString(), sku: who };
            jobs.push(cache.put('ec2.instance|us-east-1|instanceType=' + who + '.' + i, p));
            jobs.push(cache.put('ec2.instance|us-east-1|instanceType=shared.' + i, p));
          }
          await Promise.all(jobs);
        `,
        resolveDir: import.meta.dirname,
        loader: 'ts',
      },
      bundle: true,
      platform: 'node',
      format: 'esm',
      outfile: script,
      logLevel: 'silent',
    });
  });

  it('lose nothing: every key of both writers is present and every file is whole', async () => {
    const dir = tempCacheDir();
    const n = 150;
    const run = (who: string) =>
      new Promise<number>((resolve) => spawn(process.execPath, [script, dir, who, String(n)], { stdio: 'inherit' }).on('exit', (c) => resolve(c ?? 1)));
    expect(await Promise.all([run('a'), run('b')])).toEqual([0, 0]);
    const cache = new PriceCache(dir);
    const { entries, corrupt } = await cache.list();
    expect(corrupt).toEqual([]);
    expect(entries).toHaveLength(3 * n); // a.*, b.*, and shared.* written by both
    const shared = entries.filter((e) => e.key.includes('shared.'));
    expect(shared).toHaveLength(n);
    for (const e of shared) expect(['a', 'b']).toContain(e.price.sku);
    expect(readdirSync(cache.dir).filter((x) => x.endsWith('.tmp'))).toEqual([]);
  });
});

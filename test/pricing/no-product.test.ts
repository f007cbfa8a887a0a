/**
 * "No product" is an answer (issue 13 item 4): when the Price List has no product for a key, the cache remembers it
 * as long as a price, so a warm run sends 0 requests, for those keys too; `pricing status` lists them. Against the
 * loopback Price List, counting requests.
 */
import { describe, expect, it } from 'vitest';
import type { PriceKey } from '../../src/pricing/types';
import { runCli } from '../helpers/cli';
import { createPriceBook } from '../helpers/texts-book';
import { NOW, WEB_APP_KEYS, fakeSnapshot, tempCacheDir, useReplayServer } from './live-helpers';

const ALB_USW2 = 'AWSELB?locationType=AWS Region&productFamily=Load Balancer-Application&regionCode=us-west-2';
const NO_PRODUCT_KEYS: PriceKey[] = [
  { service: 'elb.alb', region: 'us-west-2' },
  { service: 'elb.albLcu', region: 'us-west-2' },
];
const KEYS = [...WEB_APP_KEYS, ...NO_PRODUCT_KEYS];

const replay = useReplayServer();
const noAlb = () => replay.server.override(ALB_USW2, [{ FormatVersion: 'aws_v1', PriceList: [] }]);

describe('a key with no Price List product', () => {
  it('auto: cold run N requests, warm run 0; the snapshot prices the keys with no product both times', async () => {
    const cacheDir = tempCacheDir();
    const opts = (now: Date) => ({ mode: 'auto' as const, offline: false, cacheDir, now: () => now, snapshot: fakeSnapshot() });
    noAlb();
    const cold = await (await createPriceBook(opts(NOW))).resolve(KEYS);
    // 9 requests for the web-app keys (rds.storage spans two pages) + 1 for the ALB query both ALB keys share.
    expect(replay.server.requests).toHaveLength(10);
    expect(cold.prices.get('elb.alb|us-west-2|')).toMatchObject({ source: 'snapshot' });
    expect(cold.warnings).toEqual([
      'live pricing failed for 2 price(s) (the AWS Price List has no product for Application Load Balancer hour in us-west-2; and 1 other reason(s)); prices: 8 live from the AWS Price List API, 2 from the bundled snapshot (price data of 2026-07-20)',
    ]);

    replay.server.reset();
    const later = new Date(NOW.getTime() + 3 * 3600_000);
    const warm = await (await createPriceBook(opts(later))).resolve(KEYS);
    expect(replay.server.requests).toHaveLength(0);
    expect(warm.prices.get('elb.albLcu|us-west-2|')).toMatchObject({ source: 'snapshot' });
    expect(warm.warnings).toEqual([
      'no AWS Price List product for 2 price(s) (cached answer, fetched 3h ago); prices: 8 from the cache (fetched 3h ago), 2 from the bundled snapshot (price data of 2026-07-20)',
    ]);
    expect(warm.diagnostics[0]).toMatchObject({ kind: 'source', count: 10 });

    // pricing status lists the keys with no product.
    const status = runCli(['pricing', 'status', '--format', 'json'], { env: { DR_ADVISOR_CACHE_DIR: cacheDir } });
    expect(status.status).toBe(0);
    expect(JSON.parse(status.stdout).cache).toMatchObject({ entries: 8, noProduct: ['elb.albLcu|us-west-2|', 'elb.alb|us-west-2|'] });
    const text = runCli(['pricing', 'status'], { env: { DR_ADVISOR_CACHE_DIR: cacheDir } }).stdout;
    expect(text).toContain('2 key(s) with no AWS Price List product (remembered as long as a price):');
    expect(text).toMatch(/\n {20}Application Load Balancer LCU-hour in us-west-2  fetched /);
    // After the time-to-live of a price (7 days) the Price List is asked again.
    replay.server.reset();
    noAlb();
    const eightDays = new Date(NOW.getTime() + 8 * 86400_000);
    await (await createPriceBook(opts(eightDays))).resolve(NO_PRODUCT_KEYS);
    expect(replay.server.requests).toHaveLength(1);

  });

  it('live: the remembered answer is still exit 3, with the same words and no request', async () => {
    const cacheDir = tempCacheDir();
    const opts = { mode: 'live' as const, offline: false, cacheDir, now: () => NOW, snapshot: fakeSnapshot() };
    noAlb();
    const message = 'live pricing failed for 1 of 1 price(s): the AWS Price List has no product for Application Load Balancer hour in us-west-2';
    await expect((await createPriceBook(opts)).resolve([NO_PRODUCT_KEYS[0]])).rejects.toThrow(message);
    expect(replay.server.requests).toHaveLength(1);
    replay.server.reset();
    await expect((await createPriceBook(opts)).resolve([NO_PRODUCT_KEYS[0]])).rejects.toThrow(message);
    expect(replay.server.requests).toHaveLength(0);
  });

  it('--offline: a remembered answer changes nothing (the snapshot prices the key; no request)', async () => {
    const cacheDir = tempCacheDir();
    noAlb();
    await (await createPriceBook({ mode: 'auto', offline: false, cacheDir, now: () => NOW, snapshot: fakeSnapshot() })).resolve(NO_PRODUCT_KEYS);
    replay.server.reset();
    const r = await (await createPriceBook({ mode: 'auto', offline: true, cacheDir, now: () => NOW, snapshot: fakeSnapshot() })).resolve(NO_PRODUCT_KEYS);
    expect(replay.server.requests).toHaveLength(0);
    expect(r.warnings).toEqual(['--offline; using the bundled snapshot (price data of 2026-07-20)']);
  });
});

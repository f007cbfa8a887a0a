/**
 * The Bulk API reader (`bulk.ts`, `bulk-book.ts`) against the loopback Bulk API (test/helpers/bulk-server.ts): the
 * same products as the Query API fixtures, in the documented offer-file layout, with decoys. It picks the same prices
 * live pricing picks, never a decoy; a key whose file has no product is a `no-product` answer; every failure is named.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createBulkBook } from '../../src/pricing/bulk-book';
import { priceKeyId } from '../../src/pricing/keys';
import type { PriceKey } from '../../src/pricing/types';
import { PUBLISHED, VERSION, startBulkServer, type BulkServer } from '../helpers/bulk-server';
import { WEB_APP_KEYS } from './live-helpers';

let server: BulkServer;
beforeAll(async () => {
  server = await startBulkServer();
});
afterAll(async () => server.close());
afterEach(() => server.reset());

const book = (extra: Parameters<typeof createBulkBook>[0] = {}) => createBulkBook({ baseUrl: server.url, now: () => new Date('2026-11-24T12:00:00Z'), ...extra });
const key = (service: string, region: string, attrs?: Record<string, string>) => ({ service, region, ...(attrs ? { attrs } : {}) }) as PriceKey;

describe('Bulk API reader', () => {
  it('prices every web-app key from the offer files, with SKU, publication date and source bulk', async () => {
    const r = await book().resolve(WEB_APP_KEYS);
    expect(r.missing.filter((m) => m.kind === 'failed')).toEqual([]);
    const m5 = r.prices.get(priceKeyId(WEB_APP_KEYS[0]))!;
    // test/fixtures/pricing/responses/ec2-m5.large-us-east-1.json: the real instance-selector item, $0.096/h.
    expect(m5).toMatchObject({ unitPrice: 0.096, unit: 'Hrs', source: 'bulk', publicationDate: PUBLISHED, asOf: '2026-11-01', origin: `AWS Price List Bulk API (AmazonEC2 ${VERSION})` });
    expect(m5.sku).toBe('6C86BEPQVG73ZGGR');
    expect([...r.prices.values()].every((p) => p.source === 'bulk' && p.sku && p.fetchedAt === '2026-11-24T12:00:00.000Z')).toBe(true);
  });

  it('never picks a decoy: I/O-Optimized Aurora, archive snapshots, Windows, capacity reservations, other regions', async () => {
    const keys = [
      key('rds.instance', 'us-east-1', { deployment: 'single-az', engine: 'aurora-mysql', instanceClass: 'db.r6g.large' }),
      key('rds.storage', 'us-east-1', { engine: 'aurora-mysql' }),
      key('ebs.snapshot', 'us-east-1'),
      key('ec2.instance', 'us-west-2', { instanceType: 'm5.large' }),
      key('ebs.gp3', 'us-east-1'),
    ];
    const r = await book().resolve(keys);
    const skus = keys.map((k) => r.prices.get(priceKeyId(k))?.sku);
    expect(skus.every((s) => s && !s.startsWith('DECOY'))).toBe(true);
    // rds-aurora-mysql-db.r6g.large-us-east-1.json 0.26 (the I/O-Optimized decoy is 0.338); ebs-gp3-us-east-1.json 0.08.
    expect(r.prices.get(priceKeyId(keys[0]))!.unitPrice).toBe(0.26);
    expect(r.prices.get(priceKeyId(keys[4]))!.unitPrice).toBe(0.08);
  });

  it('reads each file once, and only the regions asked for', async () => {
    await book().resolve(WEB_APP_KEYS.filter((k) => k.region === 'us-east-1' || k.region === 'global'));
    const files = server.requests.filter((p) => p.endsWith('/index.json') && p !== '/offers/v1.0/aws/index.json');
    expect(files.length).toBe(new Set(files).size);
    expect(files.some((p) => p.includes('/us-west-2/'))).toBe(false);
    expect(server.requests.filter((p) => p === '/offers/v1.0/aws/index.json')).toHaveLength(1);
  });

  it('a key the offer has no product for is a no-product answer; an unknown region file too', async () => {
    const r = await book().resolve([key('ec2.instance', 'us-east-1', { instanceType: 'x9.huge' }), key('ec2.instance', 'eu-west-3', { instanceType: 'm5.large' })]);
    expect(r.prices.size).toBe(0);
    expect(r.missing.map((m) => m.kind)).toEqual(['no-product', 'no-product']);
    expect(r.missing[1].reason).toBe('the AWS Price List Bulk API has no AmazonEC2 offer file for eu-west-3');
  });

  it('smallOnly (auto) reads the small offer files and leaves the large ones', async () => {
    const r = await book({ smallOnly: true }).resolve([...WEB_APP_KEYS, key('route53.hostedZone', 'global')]);
    const services = new Set(server.requests.filter((p) => p.endsWith('/index.json') && p !== '/offers/v1.0/aws/index.json').map((p) => p.split('/')[4]));
    expect(services.has('AmazonRoute53')).toBe(true);
    expect([...services].every((s) => ['AWSDataTransfer', 'AWSElasticDisasterRecovery', 'AmazonRoute53', 'AWSGlobalAccelerator'].includes(s))).toBe(true);
    expect(r.prices.get(priceKeyId(key('route53.hostedZone', 'global')))?.source).toBe('bulk');
    expect(r.missing.find((m) => m.key.service === 'ec2.instance')).toMatchObject({ kind: 'not-held', reason: expect.stringMatching(/pricing refresh --source bulk/) });
  });

  it('failures are named, never a price: a refused connection, HTTP 404, a size cap, a silent server', async () => {
    const k = key('ec2.instance', 'us-east-1', { instanceType: 'm5.large' });
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const gone = await book({ baseUrl: `http://127.0.0.1:${port}` }).resolve([k]);
    expect(gone.missing[0]).toMatchObject({ kind: 'failed', reason: `cannot reach the AWS Price List Bulk API at 127.0.0.1:${port} (ECONNREFUSED)` });
    const missing = await book({ baseUrl: `${server.url}/nothing-here` }).resolve([k]);
    expect(missing.missing[0]).toMatchObject({ kind: 'failed', reason: `the AWS Price List Bulk API answered HTTP 404 for ${server.url}/nothing-here/offers/v1.0/aws/index.json` });
    const capped = await book({ maxFileBytes: 100 }).resolve([key('route53.hostedZone', 'global')]);
    expect(capped.missing[0]).toMatchObject({ kind: 'failed', reason: expect.stringMatching(/^the offer file .*AmazonRoute53.* is (over the 0 MiB cap|\d+ MiB, over the 0 MiB cap)$/) });
    // A server that sends headers and then nothing: the idle timeout ends the wait.
    const silent = createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('{"offers": {');
    });
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const t0 = Date.now();
    const hung = await book({ baseUrl: `http://127.0.0.1:${(silent.address() as AddressInfo).port}`, idleTimeoutMs: 300 }).resolve([k]);
    silent.closeAllConnections();
    silent.close();
    expect(hung.missing[0]).toMatchObject({ kind: 'failed', reason: expect.stringMatching(/sent nothing for 0\.3s/) });
    expect(Date.now() - t0).toBeLessThan(5000);
  });
});

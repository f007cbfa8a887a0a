/**
 * End to end through the built CLI against the loopback Bulk API (127.0.0.1, test/helpers/bulk-server.ts):
 * `pricing refresh --source bulk` fills the cache with no credentials; a generated EC2-like offer file of more than
 * 200 MB streams through in bounded memory (peak RSS of the refresh process measured from /proc); a terminal shows
 * the progress (bytes and products); `auto` reads only the small offer files, and a warm cache sends no request,
 * including for keys the Bulk API has no product for.
 */
import { spawn } from 'node:child_process';
import { createWriteStream, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { once } from 'node:events';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN } from '../helpers/cli';
import { PUBLISHED, VERSION, offerFilesFromFixtures, offerPath, startBulkServer, type BulkServer } from '../helpers/bulk-server';

const ROOT = join(import.meta.dirname, '..', '..');
const built = existsSync(join(ROOT, 'dist', 'cli.js'));

let server: BulkServer;
let work: string;
beforeAll(async () => {
  server = await startBulkServer();
  work = mkdtempSync(join(tmpdir(), 'dr-bulk-'));
});
afterAll(async () => {
  await server.close();
  rmSync(work, { recursive: true, force: true });
});

function env(cacheDir: string, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const e: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) if (v !== undefined && !k.startsWith('DR_ADVISOR_') && !k.startsWith('AWS_')) e[k] = v;
  const home = mkdtempSync(join(work, 'home-'));
  return {
    ...e,
    HOME: home,
    AWS_CONFIG_FILE: join(home, 'none'),
    AWS_SHARED_CREDENTIALS_FILE: join(home, 'none'),
    AWS_EC2_METADATA_DISABLED: 'true',
    CI: '1',
    NO_COLOR: '1',
    DR_ADVISOR_CACHE_DIR: cacheDir,
    DR_ADVISOR_BULK_URL: server.url,
    ...extra,
  };
}

/** Runs the CLI (or `via`: a wrapper such as script(1) whose child is the CLI), sampling the CLI process's peak RSS
 * (VmHWM) from /proc while it runs. */
async function run(
  args: string[],
  e: NodeJS.ProcessEnv,
  timeoutMs = 240_000,
  via?: [string, string[]],
): Promise<{ code: number; stdout: string; stderr: string; peakRssMb: number; ms: number }> {
  const t0 = Date.now();
  const child = via ? spawn(via[0], via[1], { env: e, cwd: ROOT }) : spawn(process.execPath, [BIN, ...args], { env: e, cwd: ROOT });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => (stdout += d));
  child.stderr.on('data', (d) => (stderr += d));
  let peakKb = 0;
  const sample = () => {
    try {
      let pid = child.pid;
      if (via) pid = Number(readFileSync(`/proc/${child.pid}/task/${child.pid}/children`, 'utf8').trim().split(/\s+/)[0]) || undefined;
      if (!pid) return;
      const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
      if (m) peakKb = Math.max(peakKb, Number(m[1]));
    } catch {
      // not started yet, or exited
    }
  };
  const timer = setInterval(sample, 50);
  const kill = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
  const [code] = (await once(child, 'exit')) as [number | null];
  clearInterval(timer);
  clearTimeout(kill);
  return { code: code ?? -1, stdout, stderr, peakRssMb: peakKb / 1024, ms: Date.now() - t0 };
}

const cacheFiles = (dir: string) => (existsSync(join(dir, 'prices')) ? readdirSync(join(dir, 'prices')).map((f) => JSON.parse(readFileSync(join(dir, 'prices', f), 'utf8'))) : []);
const offerRequests = () => server.requests.filter((p) => p.endsWith('.json'));

/**
 * An EC2-like us-east-1 offer file of at least `minBytes`: the recorded products of the fixtures (m5.large, t3.small,
 * gp3, snapshots and the decoys) plus filler products of other instance types, operating systems and usage types,
 * each with an OnDemand and a Reserved term, written as a stream (never held in memory).
 */
async function writeBigEc2File(file: string, minBytes: number): Promise<{ bytes: number; products: number }> {
  const base = offerFilesFromFixtures().get('AmazonEC2')!.get('us-east-1')!;
  const out = createWriteStream(file);
  const write = async (s: string) => {
    if (!out.write(s)) await once(out, 'drain');
  };
  const families = ['c6gd', 'x2iedn', 'i4i', 'r6id', 'm6in', 'z1d', 'g5', 'inf2', 'trn1', 'hpc7g'];
  const sizes = ['large', 'xlarge', '2xlarge', '4xlarge', '8xlarge', '12xlarge', '16xlarge', '24xlarge', 'metal'];
  const systems = ['Linux', 'Windows', 'RHEL', 'SUSE', 'Ubuntu Pro'];
  const filler = (i: number) => {
    const type = `${families[i % families.length]}.${sizes[(i >> 4) % sizes.length]}`;
    const sku = `FILL${String(i).padStart(10, '0')}X`;
    return {
      sku,
      type,
      product: {
        sku,
        productFamily: i % 7 === 0 ? 'Compute Instance (bare metal)' : 'Compute Instance',
        attributes: {
          servicecode: 'AmazonEC2', location: 'US East (N. Virginia)', locationType: 'AWS Region', regionCode: 'us-east-1', instanceType: type,
          currentGeneration: 'Yes', instanceFamily: 'General purpose', vcpu: String(2 << (i % 6)), physicalProcessor: 'Intel Xeon Platinum 8375C (Ice Lake)',
          clockSpeed: '3.5 GHz', memory: `${8 << (i % 6)} GiB`, storage: 'EBS only', networkPerformance: 'Up to 12500 Megabit', processorArchitecture: '64-bit',
          tenancy: i % 3 === 0 ? 'Dedicated' : 'Shared', operatingSystem: systems[i % systems.length], licenseModel: 'No License required',
          usagetype: `${i % 3 === 0 ? 'DedicatedUsage' : 'BoxUsage'}:${type}`, operation: `RunInstances:${String(i % 9).padStart(4, '0')}`, capacitystatus: i % 5 === 0 ? 'AllocatedCapacityReservation' : 'Used',
          preInstalledSw: i % 11 === 0 ? 'SQL Std' : 'NA', marketoption: 'OnDemand', normalizationSizeFactor: '4', servicename: 'Amazon Elastic Compute Cloud',
        },
      },
    };
  };
  const term = (sku: string, code: string, usd: string) => ({
    [`${sku}.${code}`]: {
      priceDimensions: { [`${sku}.${code}.6YS6EN2CT7`]: { unit: 'Hrs', endRange: 'Inf', description: `$${usd} per On Demand instance hour`, appliesTo: [], rateCode: `${sku}.${code}.6YS6EN2CT7`, beginRange: '0', pricePerUnit: { USD: usd } } },
      sku, effectiveDate: '2026-11-01T00:00:00Z', offerTermCode: code, termAttributes: {},
    },
  });
  const perProduct = 1700; // bytes of one filler product with its two terms, roughly
  const n = Math.ceil(minBytes / perProduct);
  let bytes = 0;
  const w = async (s: string) => {
    bytes += Buffer.byteLength(s);
    await write(s);
  };
  await w(`{"formatVersion":"v1.0","disclaimer":"generated for a test","offerCode":"AmazonEC2","version":"${VERSION}","publicationDate":"${PUBLISHED}","products":{`);
  let first = true;
  const sep = () => (first ? ((first = false), '') : ',');
  for (const [sku, p] of base.products) await w(`${sep()}${JSON.stringify(sku)}:${JSON.stringify(p)}`);
  for (let i = 0; i < n; i++) {
    const f = filler(i);
    await w(`${sep()}${JSON.stringify(f.sku)}:${JSON.stringify(f.product)}`);
  }
  await w('},"terms":{"OnDemand":{');
  first = true;
  for (const [sku, t] of base.onDemand) await w(`${sep()}${JSON.stringify(sku)}:${JSON.stringify(t)}`);
  for (let i = 0; i < n; i++) await w(`${sep()}${JSON.stringify(filler(i).sku)}:${JSON.stringify(term(filler(i).sku, 'JRTCKXETXF', '0.4321000000'))}`);
  await w('},"Reserved":{');
  first = true;
  for (let i = 0; i < n; i++) {
    const s = filler(i).sku;
    await w(`${sep()}${JSON.stringify(s)}:${JSON.stringify({ ...term(s, '4NA7Y494T4', '0.2100000000'), ...term(s, '6QCMYABX3D', '0.1900000000') })}`);
  }
  await w('}}}');
  out.end();
  await once(out, 'finish');
  return { bytes, products: base.products.size + n };
}

describe.skipIf(!built)('pricing refresh --source bulk (built CLI, loopback Bulk API)', () => {
  it('fills the cache without credentials: SKU, publication date, via bulk; estimate --offline then uses it', async () => {
    const cache = mkdtempSync(join(work, 'cache-'));
    server.reset();
    const r = await run(['pricing', 'refresh', '--source', 'bulk', '--example', 'web-app', '--regions', 'us-east-1', 'us-west-2'], env(cache));
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^refreshed (\d+) of \1 prices into .* \(\d+ Bulk API requests, [\d.]+ kB streamed, \d+ products read, \d+ kept\)\n$/);
    const files = cacheFiles(cache);
    const m5 = files.find((f) => f.key === 'ec2.instance|us-east-1|instanceType=m5.large');
    // The real instance-selector item (fixture ec2-m5.large-us-east-1.json): $0.096, SKU 6C86BEPQVG73ZGGR.
    expect(m5).toMatchObject({ via: 'bulk', price: { unitPrice: 0.096, sku: '6C86BEPQVG73ZGGR', publicationDate: PUBLISHED, asOf: '2026-11-01' } });
    expect(files.every((f) => f.via === 'bulk' || f.noProduct)).toBe(true);
    const est = await run(['estimate', '--example', 'web-app', '--offline', '--format', 'json'], env(cache));
    expect(est.code).toBe(0);
    const report = JSON.parse(est.stdout);
    expect(report.primaryLineItems.find((i: { priceKey: string }) => i.priceKey === 'ec2.instance|us-east-1|instanceType=m5.large').price).toMatchObject({ source: 'cache', sku: '6C86BEPQVG73ZGGR' });
  });

  it('refuses to read every region by default: --source bulk needs --regions or --example (exit 2, no request)', async () => {
    server.reset();
    const r = await run(['pricing', 'refresh', '--source', 'bulk'], env(mkdtempSync(join(work, 'cache-'))));
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('error: pricing refresh --source bulk needs --regions (or --example): the EC2 offer file alone is hundreds of MB per region\n');
    expect(server.requests).toEqual([]);
  });

  it('auto reads only the small offer files (Route 53, Global Accelerator, DRS, data transfer); a warm cache then sends 0 requests, no-product keys included', async () => {
    const cache = mkdtempSync(join(work, 'cache-'));
    server.reset();
    // global-saas: us-east-1 → eu-west-1 (+ ap-northeast-1): the loopback Bulk API has no eu-west-1 or ap-northeast-1
    // file, so those keys are no-product answers, remembered.
    const cold = await run(['estimate', '--example', 'global-saas', '--format', 'json'], env(cache));
    expect(cold.code).toBe(0);
    const services = new Set(offerRequests().filter((p) => p.split('/').length > 6).map((p) => p.split('/')[4]));
    expect([...services].every((s) => ['AmazonRoute53', 'AWSGlobalAccelerator', 'AWSElasticDisasterRecovery', 'AWSDataTransfer'].includes(s))).toBe(true);
    expect(services.has('AmazonEC2') || services.has('AmazonRDS')).toBe(false);
    const report = JSON.parse(cold.stdout);
    expect(report.pricing.warnings[0]).toMatch(/^no AWS credentials found; (.*; )?prices: \d+ from the AWS Price List Bulk API, \d+ from the bundled snapshot/);
    const remembered = cacheFiles(cache).filter((f) => f.noProduct);
    expect(remembered.length).toBeGreaterThan(0);
    server.reset();
    const warm = await run(['estimate', '--example', 'global-saas', '--format', 'json'], env(cache));
    expect(warm.code).toBe(0);
    expect(server.requests).toEqual([]);
    expect(JSON.parse(warm.stdout).pricing.warnings[0]).toMatch(/from the cache/);
  });

  it('scripts/build-snapshot.mjs --bulk regenerates the snapshot with exact prices wherever the offer files have a product', async () => {
    const out = join(work, 'snapshot.json');
    server.reset();
    const script = join(ROOT, 'scripts', 'build-snapshot.mjs');
    const r = await run([], env(work), 240_000, [process.execPath, [script, '--bulk', '--regions', 'us-east-1,us-west-2', '--bulk-url', server.url, '--built-on', '2026-12-01', out]]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr, r.stderr.slice(-3000)).toMatch(/build-snapshot: Bulk API: \d+ exact prices, \d+ keys without a product, 0 failed/);
    const snap = JSON.parse(readFileSync(out, 'utf8'));
    expect(snap.builtOn).toBe('2026-12-01');
    // us-west-2 m5.large: the loopback offer file's product (fixture ec2-m5.large-us-west-2.json), exact, dated by the
    // offer's publication date; the SkyPilot figure it replaces is the same 0.096.
    const group = snap.groups['ec2.instance|us-west-2'];
    const v = group.prices['instanceType=m5.large'];
    const e = typeof v === 'number' ? { unitPrice: v, source: group.source, asOf: group.asOf } : { source: group.source, asOf: group.asOf, ...v };
    expect(e).toMatchObject({ unitPrice: 0.096, source: 'aws-price-list-bulk', asOf: '2026-11-01' });
    expect(snap.sources['aws-price-list-bulk']).toMatchObject({ label: 'V', date: '2026-11-01' });
    expect(server.requests.some((p) => p.includes('/eu-west-1/'))).toBe(false);
  });

  it('streams a generated EC2 offer file of more than 200 MB in bounded memory, with progress on a terminal', async () => {
    const file = join(work, 'ec2-us-east-1.json');
    const gen = await writeBigEc2File(file, 200 * 1024 * 1024);
    expect(statSync(file).size).toBeGreaterThan(200 * 1024 * 1024);
    server.serveFile(offerPath('AmazonEC2', 'us-east-1'), file);
    const cache = mkdtempSync(join(work, 'cache-'));
    server.reset();
    // One run in a pseudo-terminal (script(1), the shell exec'ing node so that node is script's child): the progress
    // line must show, and the peak RSS of the node process (VmHWM) is sampled from /proc while it runs.
    const command = `exec ${JSON.stringify(process.execPath)} ${JSON.stringify(BIN)} pricing refresh --source bulk --example web-app --regions us-east-1`;
    const r = await run([], { ...env(cache), CI: '', NO_COLOR: '' }, 400_000, ['script', ['-qfec', command, '/dev/null']]);
    expect(r.code, r.stdout.slice(-1500)).toBe(0);
    expect(r.stdout).toMatch(/Reading the AmazonEC2 us-east-1 offer file \(\d+\/\d+\): [\d.]+ MB of [\d.]+ MB, [\d,]+ products, \d+ kept/);
    const m = /\((\d+) Bulk API requests, ([\d.]+) MB streamed, (\d+) products read, (\d+) kept\)/.exec(r.stdout)!;
    expect(Number(m[2])).toBeGreaterThan(200);
    expect(Number(m[3])).toBeGreaterThanOrEqual(gen.products);
    expect(cacheFiles(cache).find((f) => f.key === 'ec2.instance|us-east-1|instanceType=m5.large')?.price.unitPrice).toBe(0.096);
    // Peak RSS of the refresh process: bounded, whatever the file's size. Measured 2026-12-02 for the 259 MB file:
    // 119–140 MB (the CLI alone is about 50 MB; the same run with the heap capped at 48 MB completes at 115 MB, so
    // what is above that is garbage not yet collected, which depends on the machine's load). The bound leaves room
    // for a loaded CI machine and still fails if the file were held in memory.
    process.stderr.write(`bulk refresh of ${(gen.bytes / 1e6).toFixed(0)} MB: peak RSS ${r.peakRssMb.toFixed(0)} MB, ${(r.ms / 1000).toFixed(1)} s, ${m[3]} products read, ${m[4]} kept\n`);
    expect(r.peakRssMb).toBeGreaterThan(30);
    expect(r.peakRssMb).toBeLessThan(180);
  }, 600_000);
});

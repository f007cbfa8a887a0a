/**
 * End to end: the built CLI (`npm run build` first) against the loopback Price List API. Exit codes, stderr text and
 * JSON `pricing.source`. The child gets a clean environment: no real credentials, IMDS off, empty shared config.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { AWS_ENV_TO_CLEAR, replayEnv, startReplayServer, type ReplayServer } from '../helpers/replay-server';

const ROOT = join(import.meta.dirname, '..', '..');
const BIN = join(ROOT, 'bin', 'dr-advisor.js');
const built = existsSync(join(ROOT, 'dist', 'cli.js'));

let server: ReplayServer;
beforeAll(async () => {
  server = await startReplayServer();
});
afterAll(async () => server.close());
afterEach(() => server.reset());

function cli(args: string[], opts: { credentials?: boolean; cacheDir: string; extraEnv?: Record<string, string> }) {
  const home = mkdtempSync(join(tmpdir(), 'dr-e2e-'));
  writeFileSync(join(home, 'aws-config'), '');
  writeFileSync(join(home, 'aws-credentials'), '');
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) if (v !== undefined && !AWS_ENV_TO_CLEAR.includes(k) && !k.startsWith('DR_ADVISOR_')) env[k] = v;
  Object.assign(env, replayEnv(server.url, { home, credentials: opts.credentials }), { DR_ADVISOR_CACHE_DIR: opts.cacheDir, HOME: home, CI: '1', DR_ADVISOR_BULK_URL: 'off' }, opts.extraEnv);
  return new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { env, cwd: ROOT });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('exit', (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}

const cacheDir = () => mkdtempSync(join(tmpdir(), 'dr-e2e-cache-'));

describe.skipIf(!built)('built CLI against the replay server', () => {
  it('--pricing live: source live, then cache with zero requests; stderr carries only our diagnostics', async () => {
    const dir = cacheDir();
    const first = await cli(['estimate', '--example', 'web-app', '--pricing', 'live', '--format', 'json'], { cacheDir: dir });
    // 27 keys: issue 12 added the failback re-seed transfer us-west-2 → us-east-1 (per-event cost) to the 26 before
    expect(first.stderr).toBe('warning: prices: 27 live from the AWS Price List API\n'); // no SDK NodeVersionSupportWarning
    expect(first.code).toBe(0);
    const out1 = JSON.parse(first.stdout);
    expect(out1.pricing.source).toBe('live');
    expect(server.unknown).toEqual([]);
    const cold = server.requests.length;
    expect(cold).toBe(28); // one request per key, two for the key whose answer is paginated

    const second = await cli(['estimate', '--example', 'web-app', '--pricing', 'live', '--format', 'json'], { cacheDir: dir });
    expect(second.code).toBe(0);
    expect(server.requests.length).toBe(cold);
    const out2 = JSON.parse(second.stdout);
    expect(out2.pricing.source).toBe('cache');
    expect(second.stderr).toBe('warning: prices: 27 from the cache (fetched just now)\n');
    // Same prices, same figures.
    expect(out2.strategies.map((s: { drMonthlyCost: number }) => s.drMonthlyCost)).toEqual(out1.strategies.map((s: { drMonthlyCost: number }) => s.drMonthlyCost));

    const status = await cli(['pricing', 'status', '--format', 'json'], { cacheDir: dir });
    expect(status.code).toBe(0);
    expect(JSON.parse(status.stdout).cache).toMatchObject({ dir, entries: 27, fresh: 27, stale: 0, corruptFiles: [] });
  });

  it('--pricing live without credentials: exit 3, one clear line, no stack trace', async () => {
    const r = await cli(['estimate', '--example', 'web-app', '--pricing', 'live', '--format', 'json'], { cacheDir: cacheDir(), credentials: false });
    expect(r.code).toBe(3);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(
      'error: --pricing live needs AWS credentials, and none were found (environment, shared config and credentials files, SSO, container or instance role). Configure credentials, or use --pricing auto or snapshot\n',
    );
    expect(server.requests).toHaveLength(0);
  });

  it('auto without credentials: exit 0 on the snapshot, with the explained warning', async () => {
    const r = await cli(['estimate', '--example', 'web-app', '--format', 'json'], { cacheDir: cacheDir(), credentials: false });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).pricing.source).toBe('snapshot');
    expect(r.stderr).toMatch(/^warning: no AWS credentials found; using the bundled snapshot \(built \d{4}-\d{2}-\d{2}; price data from \d{4}-\d{2}-\d{2} to \d{4}-\d{2}-\d{2}\)\n/);
  });

  it('--pricing live with a failing API (HTTP 500): exit 3', async () => {
    server.always = { status: 500, body: JSON.stringify({ __type: 'InternalErrorException', message: 'boom' }) };
    const r = await cli(['estimate', '--example', 'web-app', '--pricing', 'live', '--format', 'json'], { cacheDir: cacheDir() });
    expect(r.code).toBe(3);
    expect(r.stderr).toBe('error: live pricing failed for 27 of 27 price(s): the AWS Price List API failed (HTTP 500 InternalErrorException)\n');
  });

  it('auto with a hanging API: falls back to the snapshot within the deadline, exit 0', async () => {
    server.always = { status: 200, hang: true };
    const r = await cli(['estimate', '--example', 'web-app', '--format', 'json'], { cacheDir: cacheDir(), extraEnv: { DR_ADVISOR_PRICING_TIMEOUT: '1.5s' } });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).pricing.source).toBe('snapshot');
    expect(r.stderr).toMatch(/^warning: live pricing failed \(the AWS Price List API did not answer (in time|within 1\.5s)\); using the bundled snapshot \(built /);
  });

  it('pricing refresh --example web-app fills the cache; estimate --offline then uses it', async () => {
    const dir = cacheDir();
    const r = await cli(['pricing', 'refresh', '--example', 'web-app', '--regions', 'us-east-1,us-west-2'], { cacheDir: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(`refreshed 27 of 27 prices into ${dir} (28 Price List requests)\n`);
    server.reset();
    const e = await cli(['estimate', '--example', 'web-app', '--offline', '--format', 'json'], { cacheDir: dir });
    expect(e.code).toBe(0);
    expect(server.requests).toHaveLength(0);
    expect(JSON.parse(e.stdout).pricing.source).toBe('cache');
  });
});

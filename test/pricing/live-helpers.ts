/** Shared set-up for the live pricing tests: env isolation, a fake snapshot and a temp cache dir. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describePriceKey, priceKeyId } from '../../src/pricing/keys';
import type { MissingPrice, Price, PriceBook, PriceKey } from '../../src/pricing/types';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { AWS_ENV_TO_CLEAR, replayEnv, startReplayServer, type ReplayServer } from '../helpers/replay-server';

export const NOW = new Date('2026-11-24T12:00:00Z');

/** Points the process at the replay server (or at nothing, without credentials). Returns a restore function. */
export function useReplayEnv(url: string, opts: { credentials?: boolean } = {}): () => void {
  const saved = new Map<string, string | undefined>();
  const home = mkdtempSync(join(tmpdir(), 'dr-aws-'));
  writeFileSync(join(home, 'aws-config'), '');
  writeFileSync(join(home, 'aws-credentials'), '');
  const env = replayEnv(url, { home, credentials: opts.credentials });
  for (const name of [...AWS_ENV_TO_CLEAR, ...Object.keys(env)]) saved.set(name, process.env[name]);
  for (const name of AWS_ENV_TO_CLEAR) delete process.env[name];
  Object.assign(process.env, env);
  return () => {
    for (const [name, value] of saved) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  };
}

/** For the enclosing suite: a replay server the process points at (with credentials), reset after each test. */
export function useReplayServer(): { server: ReplayServer } {
  const handle = {} as { server: ReplayServer };
  let restore: () => void;
  beforeAll(async () => {
    handle.server = await startReplayServer();
    restore = useReplayEnv(handle.server.url);
  });
  afterAll(async () => {
    restore();
    await handle.server.close();
  });
  afterEach(() => handle.server.reset());
  return handle;
}

export function tempCacheDir(): string {
  return mkdtempSync(join(tmpdir(), 'dr-cache-'));
}

/** A snapshot stand-in: every key priced at 1.5 (tiers none), as of 2026-07-20 (but drs.server in "nowhere", which
 * it names missing); counts calls. */
export function fakeSnapshot(asOf = '2026-07-20'): PriceBook & { calls: PriceKey[][] } {
  const calls: PriceKey[][] = [];
  return {
    name: 'snapshot',
    calls,
    async resolve(keys) {
      calls.push([...keys]);
      const prices = new Map<string, Price>();
      const missing: MissingPrice[] = [];
      for (const k of keys) {
        if (k.service === 'drs.server' && k.region === 'nowhere') {
          missing.push({ key: k, id: priceKeyId(k), kind: 'not-held', reason: `no price for ${describePriceKey(k)} in the fake snapshot` });
          continue;
        }
        prices.set(priceKeyId(k), { unitPrice: 1.5, unit: 'Hrs', source: 'snapshot', asOf, origin: 'fake snapshot' });
      }
      const ids = [...prices.keys()];
      return { prices, missing, diagnostics: [{ kind: 'source', count: ids.length, keys: ids, text: `prices from the bundled snapshot (data as of ${asOf})` }] };
    },
  };
}

export const WEB_APP_KEYS: PriceKey[] = [
  { service: 'ec2.instance', region: 'us-east-1', attrs: { instanceType: 'm5.large' } },
  { service: 'ec2.instance', region: 'us-west-2', attrs: { instanceType: 'm5.large' } },
  { service: 'ebs.gp3', region: 'us-west-2' },
  { service: 'rds.instance', region: 'us-west-2', attrs: { engine: 'aurora-mysql', instanceClass: 'db.r6g.large', deployment: 'single-az' } },
  { service: 'rds.storage', region: 'us-west-2', attrs: { engine: 'aurora-mysql' } },
  { service: 's3.standard', region: 'us-west-2' },
  { service: 'transfer.interRegion', region: 'us-east-1', attrs: { to: 'us-west-2' } },
  { service: 'route53.healthCheck', region: 'global' },
];

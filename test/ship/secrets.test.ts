/**
 * Security hygiene: no credential or environment value is ever printed, on success, on errors, with --debug, and on
 * the live-pricing path (which here can reach only a closed port on loopback, so it fails and falls back).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const bin = fileURLToPath(new URL('../../bin/dr-advisor.js', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'dr-secrets-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const CANARY = 'sekret-canary-7f3a9';
const env = {
  ...process.env,
  CI: '1',
  AWS_ACCESS_KEY_ID: `AKIA${CANARY}`,
  AWS_SECRET_ACCESS_KEY: CANARY,
  AWS_SESSION_TOKEN: `token-${CANARY}`,
  AWS_PROFILE: `profile-${CANARY}`,
  AWS_REGION: 'us-east-1',
  // Loopback only: a closed port, so live pricing fails fast; no instance-metadata lookups.
  AWS_ENDPOINT_URL_PRICING: 'http://127.0.0.1:9',
  AWS_EC2_METADATA_DISABLED: 'true',
  AWS_CONFIG_FILE: join(dir, 'none'),
  AWS_SHARED_CREDENTIALS_FILE: join(dir, 'none'),
  DR_ADVISOR_CACHE_DIR: join(dir, 'cache'),
  DR_ADVISOR_PRICING_TIMEOUT: '5s',
  HOME: dir,
  MY_APP_PASSWORD: CANARY,
};
delete (env as Record<string, string | undefined>).DR_ADVISOR_PRICING;

writeFileSync(join(dir, 'bad.yaml'), `compute: {instanceType: m5.large, count: -1}\nregions: {primary: us-east-1}\n`);
writeFileSync(join(dir, 'unknown.yaml'), `compute: {instanceType: m5.lrge, count: 1}\nregions: {primary: us-east-1}\n`);

const cases: Array<[string, string[], number[]]> = [
  ['estimate, snapshot', ['estimate', '--example', 'web-app', '--pricing', 'snapshot', '--samples', '100', '--explain'], [0]],
  ['estimate, json', ['estimate', '--example', 'web-app', '--pricing', 'snapshot', '--samples', '100', '--format', 'json'], [0]],
  ['estimate, auto → live fails on loopback → snapshot', ['estimate', '--example', 'web-app', '--samples', '100', '--debug'], [0]],
  ['estimate, --pricing live fails (exit 3)', ['estimate', '--example', 'web-app', '--pricing', 'live', '--samples', '100', '--debug'], [3]],
  ['bad workload, --debug', ['estimate', '-f', join(dir, 'bad.yaml'), '--pricing', 'snapshot', '--debug'], [2]],
  ['unknown instance type', ['estimate', '-f', join(dir, 'unknown.yaml'), '--pricing', 'snapshot'], [2]],
  ['missing file', ['estimate', '-f', join(dir, 'missing.yaml'), '--debug'], [2]],
  ['bad flag', ['estimate', '--example', 'web-app', '--rto', CANARY, '--pricing', 'snapshot'], [2]],
  ['unknown option', ['estimate', '--frobnicate', '--debug'], [2]],
  ['pricing status', ['pricing', 'status', '--format', 'json'], [0]],
  ['schema', ['schema', 'workload'], [0]],
  ['version', ['--version'], [0]],
];

describe('no credentials or environment values in the output', () => {
  it.each(cases)('%s', (_name, args, codes) => {
    const r = spawnSync(process.execPath, [bin, ...args], { cwd: dir, encoding: 'utf8', env, timeout: 60_000 });
    expect(codes).toContain(r.status);
    const out = r.stdout + r.stderr;
    // The one exception: a value the user typed as a flag is echoed back in its error message (`--rto ... (got "...")`).
    const echoed = args.includes(CANARY) ? out.replace(`"${CANARY}"`, '') : out;
    expect(echoed).not.toContain(CANARY);
    expect(out).not.toMatch(/AKIA/);
  });
});

/** Shared set-up for the check tests: a temp "repo" with services/<name>/dr.yaml copied from the bundled examples. */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli, type CliResult } from '../helpers/cli';

export const ROOT = join(import.meta.dirname, '..', '..');
export const EXAMPLES = join(ROOT, 'data', 'examples');

/** services/checkout ← web-app, services/orders-api ← serverless-dynamodb, services/global-saas ← global-saas. */
export const SERVICES: Record<string, string> = { checkout: 'web-app', 'orders-api': 'serverless-dynamodb', 'global-saas': 'global-saas' };

export function makeRepo(services: Record<string, string> = SERVICES): string {
  const dir = mkdtempSync(join(tmpdir(), 'dr-check-'));
  for (const [svc, example] of Object.entries(services)) {
    mkdirSync(join(dir, 'services', svc), { recursive: true });
    cpSync(join(EXAMPLES, `${example}.yaml`), join(dir, 'services', svc, 'dr.yaml'));
  }
  return dir;
}

/** Rewrites a file with a replacement, failing loudly when the text to replace is not there. */
export function edit(path: string, from: string | RegExp, to: string): void {
  const text = readFileSync(path, 'utf8');
  const next = text.replace(from, to);
  if (next === text) throw new Error(`edit(${path}): ${String(from)} not found`);
  writeFileSync(path, next);
}

/** The built CLI in `cwd`, snapshot prices, no colour, a private cache dir, no inherited GitHub summary file. */
export function check(cwd: string, args: string[], env: Record<string, string | undefined> = {}): CliResult {
  return runCli(['check', ...args], {
    cwd,
    env: { GITHUB_STEP_SUMMARY: undefined, DR_ADVISOR_CACHE_DIR: join(cwd, '.cache'), ...env },
  });
}

export function lines(text: string): string[] {
  return text.split('\n').filter((l) => l !== '');
}

/**
 * The bundled examples do not meet their own RTO/RPO targets at 90% confidence (estimate says so: checkout's pilot
 * light reaches a 1 h RTO a third of the time; orders-api's warm standby 15 min a third of the time; global-saas's
 * active-active 5 min half the time and a 1 min RPO with S3 RTC three times in four). The check mechanics are tested
 * on services that do: checkout runs warm standby, orders-api targets 30 min, global-saas 10 min / 5 min.
 */
export const PASSING_EDITS: Record<string, [string, string]> = {
  'web-app': ['strategy: pilot-light', 'strategy: warm-standby'],
  'serverless-dynamodb': ['targets: { rto: 15m, rpo: 5m, maxMonthlyCost: 800 }', 'targets: { rto: 30m, rpo: 5m, maxMonthlyCost: 800 }'],
  'global-saas': ['targets: { rto: 5m, rpo: 1m }', 'targets: { rto: 10m, rpo: 5m }'],
};

/** makeRepo, with every service edited to meet its targets (PASSING_EDITS). */
export function makePassingRepo(services: Record<string, string> = SERVICES): string {
  const dir = makeRepo(services);
  for (const [svc, example] of Object.entries(services)) passing(join(dir, 'services', svc, 'dr.yaml'), example);
  return dir;
}

/** Applies the edit that makes an example's service meet its targets. */
export function passing(path: string, example: string): void {
  const [from, to] = PASSING_EDITS[example];
  edit(path, from, to);
}

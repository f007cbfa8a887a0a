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

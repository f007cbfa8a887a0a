/** Run the built CLI (dist/, built by `npm test` before vitest) as a user would, and capture what it prints. */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const BIN = fileURLToPath(new URL('../../bin/dr-advisor.js', import.meta.url));

export interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

export function runCli(args: string[], opts: { env?: Record<string, string | undefined>; cwd?: string; input?: string; timeoutMs?: number; bin?: string } = {}): CliResult {
  const env: Record<string, string | undefined> = {
    ...process.env,
    CI: '1',
    NO_COLOR: '1',
    DR_ADVISOR_PRICING: 'snapshot',
    // auto reads the small Bulk API offer files; tests never reach the internet (a test points it at a loopback server).
    DR_ADVISOR_BULK_URL: 'off',
    AWS_EC2_METADATA_DISABLED: 'true',
    ...opts.env,
  };
  for (const k of Object.keys(env)) if (env[k] === undefined) delete env[k];
  const r = spawnSync(process.execPath, [opts.bin ?? BIN, ...args], {
    cwd: opts.cwd, env: env as NodeJS.ProcessEnv, input: opts.input ?? '', encoding: 'utf8', timeout: opts.timeoutMs ?? 30_000,
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

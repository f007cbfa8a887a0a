/**
 * A reader that stops early (`| head`) closes stdout: the built CLI ends quietly, with no stack trace, and with the
 * exit code the command itself gives (0 for estimate and for a passing check, never the "check failed" 1).
 */
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BIN } from '../helpers/cli';

const ENV = { ...process.env, CI: '1', NO_COLOR: '1', DR_ADVISOR_PRICING: 'snapshot', AWS_EC2_METADATA_DISABLED: 'true' };

/** Runs the CLI with stdout a pipe whose read end is closed before the CLI writes anything. */
function withClosedStdout(args: string[]): Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { env: ENV, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.destroy();
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stderr }));
  });
}

/** What a stack trace or an unhandled stream error looks like on stderr. */
const NO_TRACE = /EPIPE|\n\s+at |Unhandled|node:events|internal error/;

describe('a closed stdout ends the CLI quietly', () => {
  it('`estimate --format json | head -1` (bash, pipefail): the first line, exit 0, no stack trace', () => {
    const r = spawnSync('bash', ['-c', `set -o pipefail; ${JSON.stringify(process.execPath)} ${JSON.stringify(BIN)} estimate --example web-app --format json | head -1`], {
      env: ENV, encoding: 'utf8', timeout: 60_000,
    });
    expect(r.stdout).toBe('{\n');
    expect(r.stderr).not.toMatch(NO_TRACE);
    expect(r.status).toBe(0);
  });

  it('estimate (table, markdown, json) into a pipe closed before the first write: exit 0, only the usual warnings', async () => {
    for (const format of ['table', 'markdown', 'json']) {
      const r = await withClosedStdout(['estimate', '--example', 'global-saas', '--format', format]);
      expect(r.stderr).not.toMatch(NO_TRACE);
      expect(r.stderr.split('\n').filter(Boolean).every((l) => l.startsWith('warning: '))).toBe(true);
      expect([r.code, r.signal]).toEqual([0, null]);
    }
  }, 60_000);

  it('a passing `check` into a closed pipe exits 0; a failing one keeps its verdict, 1, with its one failure line', async () => {
    const pass = await withClosedStdout(['check', '-f', 'data/examples/*.yaml', '--rto', '4h', '--rpo', '1d', '--format', 'markdown']);
    expect(pass.stderr).not.toMatch(NO_TRACE);
    expect([pass.code, pass.signal]).toEqual([0, null]);

    const fail = await withClosedStdout(['check', '-f', 'data/examples/web-app.yaml', '--max-monthly-cost', '1', '--format', 'json']);
    expect(fail.stderr).not.toMatch(NO_TRACE);
    expect(fail.stderr).toMatch(/^error: /m);
    expect([fail.code, fail.signal]).toEqual([1, null]);
  }, 60_000);

  it('--help and --version (written to the descriptor, not the stream): whole into a pipe, quiet into a closed one', async () => {
    for (const flag of ['--help', '--version']) {
      const r = await withClosedStdout([flag]);
      expect([r.code, r.signal, r.stderr]).toEqual([0, null, '']);
    }
    const version = spawnSync(process.execPath, [BIN, '--version'], { env: ENV, encoding: 'utf8', timeout: 30_000 });
    expect([version.stdout, version.stderr, version.status]).toEqual([`${JSON.parse(readFileSync('package.json', 'utf8')).version}\n`, '', 0]);
    const help = spawnSync(process.execPath, [BIN, '--help'], { env: ENV, encoding: 'utf8', timeout: 30_000 });
    expect(help.stdout).toMatch(/^Usage: dr-advisor \[options\] \[command\]\n[\s\S]*\n {2}estimate\b[\s\S]*\n {2}check\b/);
    expect(help.stdout.endsWith('\n')).toBe(true);
    expect([help.stderr, help.status]).toEqual(['', 0]);
  }, 60_000);

  it('`check | head -2` through bash with pipefail: exit 0 for a passing check', () => {
    const r = spawnSync('bash', ['-c', `set -o pipefail; ${JSON.stringify(process.execPath)} ${JSON.stringify(BIN)} check -f 'data/examples/*.yaml' --rto 4h --rpo 1d --format json | head -2`], {
      env: ENV, encoding: 'utf8', timeout: 60_000,
    });
    expect(r.stdout.split('\n')).toHaveLength(3);
    expect(r.stderr).not.toMatch(NO_TRACE);
    expect(r.status).toBe(0);
  });
});

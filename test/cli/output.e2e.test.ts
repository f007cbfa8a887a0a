/** `--out-file FILE` (atomic, never overwrites without --force) and `--quiet` (no warnings; errors still), built CLI. */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli';
import { HAS_TMUX, NO_TMUX_REASON, TmuxTerminal } from '../helpers/tmux';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'dr-out-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const normalize = (s: string) => s.replace(/"generatedAt": "[^"]+"/g, '"generatedAt": "…"');

describe('--out-file', () => {
  it('estimate writes the output to the file, nothing on stdout, the same text stdout would have had', () => {
    const out = join(dir, 'review.md');
    const r = runCli(['estimate', '--example', 'web-app', '--format', 'markdown', '--out-file', out]);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('');
    expect(readFileSync(out, 'utf8')).toBe(runCli(['estimate', '--example', 'web-app', '--format', 'markdown']).stdout);
    expect(readdirSync(dir)).toEqual(['review.md']); // no temp file left behind
  });

  it('refuses an existing file without --force, before doing the work (no pricing warnings), and leaves it untouched', () => {
    const out = join(dir, 'report.json');
    writeFileSync(out, 'mine');
    const r = runCli(['estimate', '--example', 'web-app', '--format', 'json', '-o', out]);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(`error: ${out} already exists; use --force to overwrite it\n`);
    expect(readFileSync(out, 'utf8')).toBe('mine');
    const forced = runCli(['estimate', '--example', 'web-app', '--format', 'json', '-o', out, '--force']);
    expect(forced.status).toBe(0);
    expect(JSON.parse(readFileSync(out, 'utf8')).kind).toBe('dr-advisor-estimate');
  });

  it('refuses a directory, and a folder that does not exist', () => {
    mkdirSync(join(dir, 'sub'));
    expect(runCli(['estimate', '--example', 'web-app', '-o', join(dir, 'sub')])).toMatchObject({ status: 2, stderr: `error: --out-file ${join(dir, 'sub')} is a directory; give a file name\n` });
    const r = runCli(['estimate', '--example', 'web-app', '-o', join(dir, 'nowhere', 'x.txt')]);
    expect(r.status).toBe(2);
    // Refused before any pricing work: one line, no pricing warnings before it.
    expect(r.stderr).toBe(`error: --out-file ${join(dir, 'nowhere', 'x.txt')}: the folder ${join(dir, 'nowhere')} does not exist\n`);
  });

  it('check writes its report (markdown unless --format says otherwise) and keeps its exit code', () => {
    const pass = join(dir, 'pass.md');
    expect(runCli(['check', '-f', 'data/examples/*.yaml', '--rto', '4h', '--rpo', '1d', '-o', pass]).status).toBe(0);
    expect(readFileSync(pass, 'utf8')).toBe(runCli(['check', '-f', 'data/examples/*.yaml', '--rto', '4h', '--rpo', '1d']).stdout);
    const fail = join(dir, 'fail.json');
    const r = runCli(['check', '-f', 'data/examples/web-app.yaml', '--max-monthly-cost', '1', '--format', 'json', '--out-file', fail]);
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^error: /m);
    expect(normalize(readFileSync(fail, 'utf8'))).toBe(normalize(runCli(['check', '-f', 'data/examples/web-app.yaml', '--max-monthly-cost', '1', '--format', 'json']).stdout));
  });
});

describe('--quiet', () => {
  it('estimate and check: no warnings on stderr; the output is unchanged', () => {
    const loud = runCli(['estimate', '--example', 'web-app']);
    expect(loud.stderr).toMatch(/^warning: /m);
    const quiet = runCli(['estimate', '--example', 'web-app', '--quiet']);
    expect(quiet.status).toBe(0);
    expect(quiet.stderr).toBe('');
    expect(quiet.stdout).toBe(loud.stdout);
    const check = runCli(['check', '-f', 'data/examples/*.yaml', '--rto', '4h', '--rpo', '1d', '-q']);
    expect(check.status).toBe(0);
    expect(check.stderr).toBe('');
  });

  it('errors are still printed: bad input (exit 2) and a failed check (exit 1)', () => {
    const bad = runCli(['estimate', '--example', 'nope', '--quiet']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/^error: --example must be one of /);
    const failed = runCli(['check', '-f', 'data/examples/web-app.yaml', '--max-monthly-cost', '1', '--quiet']);
    expect(failed.status).toBe(1);
    expect(failed.stderr).toMatch(/^error: /);
    expect(failed.stderr).not.toMatch(/^warning: /m);
  });
});

describe.skipIf(!HAS_TMUX)(`--out-file from a colour terminal${HAS_TMUX ? '' : ` — ${NO_TMUX_REASON}`}`, () => {
  it('the file gets the full-width table with no colour codes, whatever the terminal', async () => {
    const term = new TmuxTerminal(dir, { cols: 80, rows: 24 });
    try {
      term.start(['estimate', '--example', 'web-app', '--out-file', join(dir, 'table.txt')]);
      const screen = await term.waitFor(/EXIT=\d+/, 30_000);
      expect(screen).toContain('EXIT=0');
      const text = readFileSync(join(dir, 'table.txt'), 'utf8');
      expect(text).not.toMatch(/\x1b\[/);
      expect(text).toBe(runCli(['estimate', '--example', 'web-app']).stdout);
      expect(text.split('\n').some((l) => [...l].length > 80)).toBe(true);
    } finally {
      term.stop();
    }
  }, 60_000);
});

/**
 * File safety: output paths (`init -o`) never overwrite without --force, writes are atomic (temp file in the same
 * folder, then rename), and no temp file is left behind, whether the write succeeds or fails.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeFileAtomic } from '../../src/cli/files';
import { InputError } from '../../src/errors';

const bin = fileURLToPath(new URL('../../bin/dr-advisor.js', import.meta.url));
let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'dr-files-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const cli = (args: string[]) => spawnSync(process.execPath, [bin, ...args], { cwd: dir, encoding: 'utf8', env: { ...process.env, CI: '1', DR_ADVISOR_PRICING: 'snapshot' } });

describe('init -o', () => {
  it('writes a new file, says so on stderr, and leaves nothing else in the folder', () => {
    const r = cli(['init', '-o', 'w.yaml']);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('wrote w.yaml; next: dr-advisor estimate -f w.yaml\n');
    expect(readdirSync(dir)).toEqual(['w.yaml']);
    expect(readFileSync(join(dir, 'w.yaml'), 'utf8')).toMatch(/^# dr-advisor workload file \(version 1\)/);
    // The written template is a valid workload.
    expect(cli(['estimate', '-f', 'w.yaml', '--samples', '100', '--format', 'json']).status).toBe(0);
  });

  it('refuses to overwrite an existing file without --force (exit 2, file untouched)', () => {
    writeFileSync(join(dir, 'w.yaml'), 'precious\n');
    const r = cli(['init', '-o', 'w.yaml']);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('error: w.yaml already exists; use --force to overwrite it\n');
    expect(readFileSync(join(dir, 'w.yaml'), 'utf8')).toBe('precious\n');
    expect(readdirSync(dir)).toEqual(['w.yaml']);
  });

  it('replaces it with --force, leaving no temp file', () => {
    writeFileSync(join(dir, 'w.yaml'), 'precious\n');
    const r = cli(['init', '--example', 'web-app', '-o', 'w.yaml', '--force']);
    expect(r.status).toBe(0);
    const text = readFileSync(join(dir, 'w.yaml'), 'utf8');
    expect(text).toMatch(/name: checkout/);
    expect(text).not.toMatch(/precious/);
    expect(readdirSync(dir)).toEqual(['w.yaml']);
  });

  it('into a missing folder: a clean exit 2, nothing created', () => {
    const r = cli(['init', '-o', join('no', 'such', 'dir', 'w.yaml')]);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(`error: cannot write ${join('no', 'such', 'dir', 'w.yaml')}: no such file or directory (ENOENT)\n`);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('-o - writes to stdout and no file', () => {
    const r = cli(['init', '-o', '-']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^# dr-advisor workload file/);
    expect(readdirSync(dir)).toEqual([]);
  });
});

describe('writeFileAtomic', () => {
  it('a failed rename (the target is a folder, --force) leaves the target and no temp file', () => {
    mkdirSync(join(dir, 'out'));
    writeFileSync(join(dir, 'out', 'keep.txt'), 'x');
    expect(() => writeFileAtomic(join(dir, 'out'), 'new', { force: true })).toThrow(InputError);
    expect(readdirSync(dir)).toEqual(['out']);
    expect(readdirSync(join(dir, 'out'))).toEqual(['keep.txt']);
  });

  it('replaces the content in one step: a reader sees the old or the new text, never a mix', () => {
    const p = join(dir, 'f.txt');
    writeFileSync(p, 'old');
    writeFileAtomic(p, 'new'.repeat(100_000), { force: true });
    expect(readFileSync(p, 'utf8')).toBe('new'.repeat(100_000));
    expect(readdirSync(dir)).toEqual(['f.txt']);
    expect(() => writeFileAtomic(p, 'again')).toThrow(/already exists; use --force/);
    expect(readFileSync(p, 'utf8')).toBe('new'.repeat(100_000));
  });
});

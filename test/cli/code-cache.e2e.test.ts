/**
 * The V8 code cache of the bundle (issue 17 item 1, bin/dr-advisor.js): made on the first run in `<cache dir>/code/`,
 * used from the second; a damaged, truncated, foreign or rejected cache, a FIFO in its place, or a cache directory
 * that cannot be written never changes the output or the exit code and prints nothing (DR_ADVISOR_DEBUG_CODE_CACHE=1
 * shows what happened, for these tests); DR_ADVISOR_NO_CODE_CACHE=1 turns it off.
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { resolveCacheDir } from '../../src/cli/inputs';
import { runCli, type CliResult } from '../helpers/cli';

const root = fileURLToPath(new URL('../../', import.meta.url));
const ESTIMATE = ['estimate', '--example', 'web-app', '--explain'];
const IS_ROOT = process.getuid?.() === 0;
const TRACE = /^dr-advisor code cache: (.*)$/gm;

/** The trace lines of a run (what the launcher did with the cache; the lazy parts loaded apart), and stderr without them. */
function traced(r: CliResult): { trace: string[]; lazy: string[]; stderr: string } {
  const lines = [...r.stderr.matchAll(TRACE)].map((m) => m[1]);
  const lazy = lines.find((l) => l.startsWith('lazy parts loaded: '))?.slice('lazy parts loaded: '.length).split(' ') ?? [];
  return { trace: lines.filter((l) => !l.startsWith('lazy parts loaded: ')), lazy, stderr: r.stderr.replace(/^dr-advisor code cache: .*\n/gm, '') };
}

function run(dir: string, args = ESTIMATE, env: Record<string, string | undefined> = {}): CliResult & { trace: string[]; lazy: string[] } {
  const r = runCli(args, { env: { DR_ADVISOR_CACHE_DIR: dir, DR_ADVISOR_DEBUG_CODE_CACHE: '1', ...env } });
  const t = traced(r);
  return { ...r, ...t };
}

/** The code cache file of this build under a cache directory, for a kind of run (bin/dr-advisor.js runKind). */
function cacheFile(dir: string, kind: 'estimate' | 'estimate-file' | 'check' | 'other' = 'estimate'): string {
  const hash = /^\/\*dr-advisor:([0-9a-f]{16}) ascii\*\//.exec(readFileSync(join(root, 'dist/cli.js'), 'utf8'))![1];
  return join(dir, 'code', `cli-${hash}-node${process.version}-v8-${process.versions.v8}-${process.arch}-${kind}.bin`);
}

/** bin/dr-advisor.js's checksum of the V8 data. */
function checksum(bytes: Buffer): [number, number] {
  let a = 0x811c9dc5 | 0;
  let b = 0x2545f491 | 0;
  const words = new Int32Array(bytes.buffer, bytes.byteOffset, bytes.length >>> 2);
  for (const w of words) {
    a = Math.imul(a ^ w, 0x01000193);
    b = Math.imul(b ^ w ^ (a >>> 13), 0x5bd1e995);
  }
  for (let i = words.length << 2; i < bytes.length; i++) {
    a = Math.imul(a ^ bytes[i], 0x01000193);
    b = Math.imul(b ^ bytes[i] ^ (a >>> 13), 0x5bd1e995);
  }
  return [a >>> 0, b >>> 0];
}

const fresh = () => mkdtempSync(join(tmpdir(), 'dr-code-cache-'));

let expected: CliResult;
beforeAll(() => {
  expected = runCli(ESTIMATE, { env: { DR_ADVISOR_NO_CODE_CACHE: '1' } });
  expect(expected.status).toBe(0);
});

/** Same bytes, same exit code, same warnings as a run without the code cache. */
function sameAsWithout(r: CliResult): void {
  expect(r.status).toBe(0);
  expect(r.stdout).toBe(expected.stdout);
  expect(r.stderr).toBe(expected.stderr);
}

describe('the code cache', () => {
  it('is made by the first run (private: 0700 folder, 0600 file) and used by the second, with the same output', () => {
    const dir = fresh();
    const file = cacheFile(dir);
    const first = run(dir);
    sameAsWithout(first);
    expect(first.trace).toEqual([`absent ${file}`, expect.stringMatching(new RegExp(`^wrote ${file.replace(/[.]/g, '\\.')} \\(\\d+ bytes\\)$`))]);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(statSync(join(dir, 'code')).mode & 0o777).toBe(0o700);
    const second = run(dir);
    sameAsWithout(second);
    expect(second.trace).toEqual([`used ${file}`]);
    expect(readdirSync(join(dir, 'code'))).toEqual([file.split('/').at(-1)!]);
  });

  it('one per kind of run (estimate of an example, of a file, check, the others), each rewritten when a run loads a part it does not hold', () => {
    const dir = fresh();
    const wrote = expect.stringMatching(/^wrote /);
    const yaml = join(root, 'data/examples/web-app.yaml');
    const runs: [string[], 'estimate' | 'estimate-file' | 'check' | 'other'][] = [
      [['--version'], 'other'],
      [ESTIMATE, 'estimate'],
      [['estimate', '-f', yaml], 'estimate-file'],
      [['check', '-f', yaml, '--format', 'json'], 'check'],
    ];
    for (const [args, kind] of runs) expect(run(dir, args).trace).toEqual([`absent ${cacheFile(dir, kind)}`, wrote]);
    for (const [args, kind] of [...runs, [['--help'], 'other'] as (typeof runs)[number]]) expect(run(dir, args).trace).toEqual([`used ${cacheFile(dir, kind)}`]);
    // A Terraform plan needs the import, which a YAML file did not load: that cache is rewritten once.
    const plan = join(root, 'test/fixtures/terraform/web-app.plan.json');
    const fromPlan = run(dir, ['estimate', '-f', plan]);
    expect(fromPlan.status, fromPlan.stderr).toBe(0);
    expect(fromPlan.stdout).toMatch(/Warm Standby/);
    expect(fromPlan.trace).toEqual([`used ${cacheFile(dir, 'estimate-file')}`, wrote]);
    expect(run(dir, ['estimate', '-f', plan]).trace).toEqual([`used ${cacheFile(dir, 'estimate-file')}`]);
    expect(readdirSync(join(dir, 'code')).length).toBe(4);
  });

  it('a valid workload file loads the YAML parser and not zod; an invalid one loads zod for its message, and does not add it to the cache', () => {
    const dir = fresh();
    const yaml = join(root, 'data/examples/web-app.yaml');
    const valid = run(dir, ['estimate', '-f', yaml]);
    expect(valid.status).toBe(0);
    expect(valid.lazy).toEqual(['src/workload/yaml.lazy.ts']);
    const bad = join(dir, 'bad.yaml');
    writeFileSync(bad, 'regions: { primary: us-east-1 }\ncompute: { instanceType: m5.large, count: -2 }\n');
    const invalid = run(dir, ['estimate', '-f', bad]);
    expect(invalid.status).toBe(2);
    expect(invalid.stderr).toBe(`error: ${bad}: compute.count must be a whole number ≥ 1 (got -2)\n`);
    expect(invalid.lazy).toEqual(['src/workload/yaml.lazy.ts', 'src/workload/schema.lazy.ts']);
    expect(invalid.trace).toEqual([`used ${cacheFile(dir, 'estimate-file')}`]);
  });

  it('DR_ADVISOR_NO_CODE_CACHE=1: neither read nor written', () => {
    const dir = fresh();
    const r = run(dir, ESTIMATE, { DR_ADVISOR_NO_CODE_CACHE: '1' });
    sameAsWithout(r);
    expect(r.trace).toEqual(['off']);
    expect(existsSync(join(dir, 'code'))).toBe(false);
  });

  it('lives where the price cache does: DR_ADVISOR_CACHE_DIR > XDG_CACHE_HOME/dr-advisor > ~/.cache/dr-advisor', () => {
    const home = fresh();
    const xdg = fresh();
    // resolveCacheDir (src/cli/inputs.ts) reads the home directory of this process; the launcher that of its own.
    expect(resolveCacheDir(undefined, {})).toBe(join(homedir(), '.cache', 'dr-advisor'));
    const cases = [
      { env: { XDG_CACHE_HOME: xdg, HOME: home }, dir: resolveCacheDir(undefined, { XDG_CACHE_HOME: xdg }) },
      { env: { XDG_CACHE_HOME: undefined, HOME: home }, dir: join(home, '.cache', 'dr-advisor') },
    ];
    for (const { env, dir } of cases) {
      const r = runCli(['--version'], { env: { DR_ADVISOR_CACHE_DIR: undefined, DR_ADVISOR_DEBUG_CODE_CACHE: '1', ...env } });
      expect(r.status).toBe(0);
      expect(r.stderr).toContain(`absent ${cacheFile(dir, 'other')}\n`);
      expect(existsSync(cacheFile(dir, 'other'))).toBe(true);
    }
  });
});

describe('a cache that cannot be used falls back to a normal compile, silently, and is rewritten', () => {
  /** A made cache, then `spoil` applied to its file; the next run must print the same and say `state`. */
  function spoiled(spoil: (file: string) => void, state: RegExp): string {
    const dir = fresh();
    const file = cacheFile(dir);
    expect(run(dir).status).toBe(0);
    spoil(file);
    const r = run(dir);
    sameAsWithout(r);
    expect(r.trace[0]).toMatch(state);
    return dir;
  }

  it('damaged in the middle (the checksum catches it: V8 itself would crash on it)', () => {
    const dir = spoiled((file) => {
      const b = readFileSync(file);
      for (let i = 0; i < 64; i++) b[Math.floor(b.length / 2) + i * 97] ^= 0x5a;
      writeFileSync(file, b);
    }, /^damaged \(checksum\) /);
    expect(run(dir).trace).toEqual([`used ${cacheFile(dir)}`]);
  });

  it('truncated, empty, or not a cache at all', () => {
    spoiled((file) => writeFileSync(file, readFileSync(file).subarray(0, 5000)), /^damaged \(header\) /);
    spoiled((file) => writeFileSync(file, ''), /^damaged \(not a cache file\) /);
    spoiled((file) => writeFileSync(file, 'x'.repeat(100_000)), /^damaged \(header\) /);
  });

  it('rejected by V8 (a sound file whose data V8 does not take): fallback, and rewritten', () => {
    const dir = spoiled((file) => {
      const b = readFileSync(file);
      const junk = Buffer.alloc(b.length - 24, 7);
      // The launcher's own checksum over the junk (its two FNV-style lanes), so that only
      // V8 refuses it.
      const [a, c] = checksum(junk);
      b.writeUInt32LE(a, 12);
      b.writeUInt32LE(c, 16);
      junk.copy(b, 24);
      writeFileSync(file, b);
    }, /^rejected by V8 /);
    expect(run(dir).trace).toEqual([`used ${cacheFile(dir)}`]);
  });

  it('a FIFO in its place never blocks the run, and is replaced', () => {
    const dir = spoiled((file) => {
      execFileSync('rm', [file]);
      execFileSync('mkfifo', [file]);
    }, /^damaged \(not a cache file\) /);
    expect(statSync(cacheFile(dir)).isFile()).toBe(true);
  });

  it('writable by others: not used, and rewritten as 0600', () => {
    const dir = spoiled((file) => chmodSync(file, 0o666), /^refused \(writable by others\) /);
    expect(statSync(cacheFile(dir)).mode & 0o777).toBe(0o600);
    expect(run(dir).trace).toEqual([`used ${cacheFile(dir)}`]);
  });

  it.skipIf(!IS_ROOT)("another user's file: not used, and left alone", () => {
    const dir = spoiled((file) => chownSync(file, 65534, 65534), /^refused \(not owned by this user\) /);
    expect(statSync(cacheFile(dir)).uid).toBe(65534);
  });

  it("old caches (other builds, other Node versions) are pruned to the 8 newest when a cache is written; this build's are kept", () => {
    const dir = fresh();
    mkdirSync(join(dir, 'code'), { recursive: true });
    const old = (i: number) => `cli-00000000000000${String(i).padStart(2, '0')}-nodev0-v8-0-x64-estimate.bin`;
    for (let i = 0; i < 10; i++) {
      writeFileSync(join(dir, 'code', old(i)), 'old');
      utimesSync(join(dir, 'code', old(i)), 1_700_000_000 + i, 1_700_000_000 + i);
    }
    const staleTemp = `${cacheFile(dir, 'check')}.99999.x.tmp`;
    writeFileSync(staleTemp, 'half');
    utimesSync(staleTemp, 1_700_000_000, 1_700_000_000);
    writeFileSync(join(dir, 'code', 'unrelated.txt'), 'kept');
    expect(run(dir, ['--version']).status).toBe(0);
    expect(run(dir).status).toBe(0);
    expect(readdirSync(join(dir, 'code')).sort()).toEqual(
      [cacheFile(dir, 'other'), cacheFile(dir, 'estimate')].map((f) => f.split('/').at(-1)!).concat([2, 3, 4, 5, 6, 7, 8, 9].map(old), 'unrelated.txt').sort(),
    );
  });
});

describe('a cache directory that cannot be written never fails a run, and prints nothing', () => {
  const quiet = (dir: string) => runCli(ESTIMATE, { env: { DR_ADVISOR_CACHE_DIR: dir } });

  it('the cache directory is a file (ENOTDIR), or under one', () => {
    const d = fresh();
    const f = join(d, 'a-file');
    writeFileSync(f, 'x');
    for (const dir of [f, join(f, 'below')]) {
      sameAsWithout(quiet(dir));
      expect(run(dir).trace).toEqual([expect.stringMatching(/^unreadable \(ENOTDIR\) /), expect.stringMatching(/^could not write .* \(ENOTDIR\)$/)]);
    }
  });

  it('`code` is a file, or a folder with no write permission for this user', () => {
    const d = fresh();
    writeFileSync(join(d, 'code'), 'x');
    sameAsWithout(quiet(d));
    // As root a folder's mode does not stop a write; /proc refuses it to everyone.
    const ro = IS_ROOT ? '/proc/self' : fresh();
    if (!IS_ROOT) chmodSync(ro, 0o500);
    sameAsWithout(quiet(ro));
    expect(run(ro).trace.at(-1)).toMatch(/^could not write /);
  });
});

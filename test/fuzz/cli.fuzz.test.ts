/**
 * The built CLI under hostile input (bounded: a few dozen runs per property, run 4 at a time, each with a time
 * limit): hostile workload files (mutated documents, alias bombs, deep nesting, binary garbage, > 1 MiB) and hostile
 * flag values. Always exit 0 or 2; on 2, exactly one `error: ` line on stderr (besides `warning:` lines); never a
 * stack trace, never exit 70 (internal error), never a hang.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { stringify } from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { hostileYaml, workloadDoc } from './arbitraries';

const bin = fileURLToPath(new URL('../../bin/dr-advisor.js', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'dr-fuzz-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const SEED = Number(process.env.FUZZ_SEED ?? 20261125);

interface Run {
  args: string[];
  status: number | null;
  signal: string | null;
  stdout: string;
  stderr: string;
}

function cli(args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [bin, ...args],
      { encoding: 'utf8', timeout: 20_000, maxBuffer: 64 << 20, env: { ...process.env, CI: '1', DR_ADVISOR_PRICING: 'snapshot', NO_COLOR: '1' } },
      (err, stdout, stderr) => {
        const e = err as (NodeJS.ErrnoException & { code?: number | string; signal?: string }) | null;
        resolve({ args, status: e ? (typeof e.code === 'number' ? e.code : null) : 0, signal: e?.signal ?? null, stdout, stderr });
      },
    );
  });
}

async function pool<T, R>(items: T[], n: number, fn: (t: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: n }, async () => {
      while (next < items.length) {
        const i = next++;
        out[i] = await fn(items[i]);
      }
    }),
  );
  return out;
}

function expectClean(r: Run): void {
  const where = `dr-advisor ${r.args.map((a) => JSON.stringify(a.slice(0, 80))).join(' ')}\n${r.stderr.slice(0, 2000)}`;
  expect(r.signal, `killed (hang?): ${where}`).toBeNull();
  expect([0, 2], `exit ${r.status}: ${where}`).toContain(r.status);
  expect(r.stderr, where).not.toMatch(/^\s+at /m);
  expect(r.stderr, where).not.toMatch(/internal error/);
  const lines = r.stderr.split('\n').filter((l) => l !== '' && !l.startsWith('warning: '));
  if (r.status === 2) {
    expect(lines, where).toHaveLength(1);
    expect(lines[0], where).toMatch(/^error: \S/);
    expect(lines[0].length, where).toBeLessThan(800);
  } else {
    expect(lines, where).toEqual([]);
    expect(r.stdout.length).toBeGreaterThan(0);
  }
}

let n = 0;
function file(text: string | Buffer, ext = 'yaml'): string {
  const f = join(dir, `w${n++}.${ext}`);
  writeFileSync(f, text);
  return f;
}

const estimate = (f: string, extra: string[] = []) => ['estimate', '-f', f, '--pricing', 'snapshot', '--samples', '200', ...extra];

describe('built CLI: hostile workload files', () => {
  it('mutated workload documents as YAML and JSON', async () => {
    const docs = fc.sample(workloadDoc, { numRuns: 40, seed: SEED });
    const runs = docs.flatMap((doc, i) => {
      const out: string[][] = [];
      try {
        out.push(estimate(file(stringify(doc))));
      } catch {
        /* not representable as YAML */
      }
      const json = (() => {
        try {
          return JSON.stringify(doc);
        } catch {
          return undefined;
        }
      })();
      if (json !== undefined && i % 2 === 0) out.push(estimate(file(json, 'json'), ['--format', 'json']));
      return out;
    });
    for (const r of await pool(runs, 4, cli)) expectClean(r);
  }, 240_000);

  it('alias bombs, deep nesting, tags, binary garbage, empty and > 1 MiB files', async () => {
    const texts = fc.sample(hostileYaml, { numRuns: 30, seed: SEED });
    const runs = texts.map((t) => estimate(file(t)));
    const big = 'version: 1\n' + `# ${'x'.repeat(100)}\n`.repeat(11_000);
    runs.push(estimate(file(big)));
    runs.push(estimate(file(Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256)))));
    runs.push(estimate(file('{"a":'.repeat(100_000), 'json')));
    runs.push(estimate(dir));
    runs.push(estimate(join(dir, 'missing.yaml')));
    const results = await pool(runs, 4, cli);
    for (const r of results) expectClean(r);
    expect(results.at(-5)!.stderr).toMatch(/^error: .*: the workload file is \d+ bytes, larger than the 1 MB accepted\n$/);
  }, 240_000);
});

describe('built CLI: hostile flag values', () => {
  it('--rto, --rpo, --max-monthly-cost, --samples, --seed, --format, regions', async () => {
    const value = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 24 }).map((s) => s.replace(/\0/g, '')),
      fc.constantFrom('', '0', '-1', '1e400', 'NaN', 'Infinity', '1.5', '1000001', '2147483648', '99999999999999999999', '--help', '-V', '1h', '15m', '$1,000', 'us-west-2', 'eu-west-1', 'json', 'markdown', 'table', 'xml', '🙂'),
    );
    const flagSet = fc.array(
      fc.tuple(fc.constantFrom('--rto', '--rpo', '--max-monthly-cost', '--samples', '--seed', '--format', '--primary-region', '--dr-region'), value),
      { minLength: 1, maxLength: 3 },
    );
    const sets = fc.sample(flagSet, { numRuns: 40, seed: SEED });
    const runs = sets.map((set) => {
      const flags = set.flatMap(([f, v]) => (f === '--samples' && /^\d+$/.test(v) && Number(v) > 2000 ? [f, '2000'] : [`${f}=${v}`]));
      return ['estimate', '--example', 'web-app', '--pricing', 'snapshot', '--samples', '200', ...flags];
    });
    for (const r of await pool(runs, 4, cli)) expectClean(r);
  }, 240_000);
});

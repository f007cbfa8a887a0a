/**
 * `--debug` stack traces point to src/…ts lines through the bundle's source maps; without --debug Node never enables
 * source maps (start-up does not read a map) and no stack trace is printed.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli';

const root = fileURLToPath(new URL('../../', import.meta.url));
/** A preloaded hook that reports whether source maps were enabled when the process ends. */
const REPORT = `data:text/javascript,${encodeURIComponent("process.on('exit',()=>process.stderr.write('sourceMapsEnabled='+process.sourceMapsEnabled+'\\n'))")}`;

describe('--debug', () => {
  it('the stack trace names src/…ts files and lines, and the top frame is the line that throws', () => {
    const r = runCli(['estimate', '--example', 'nope', '--debug']);
    expect(r.status).toBe(2);
    const lines = r.stderr.split('\n');
    expect(lines[0]).toMatch(/^error: --example must be one of /);
    const frames = lines.filter((l) => /^\s+at /.test(l));
    expect(frames.length).toBeGreaterThan(2);
    const top = /\((.*\/src\/[\w/.-]+\.ts):(\d+):(\d+)\)$/.exec(frames[0]);
    expect(top, frames[0]).not.toBeNull();
    const [, file, line] = top!;
    expect(file.startsWith(root)).toBe(true);
    const source = readFileSync(file, 'utf8').split('\n')[Number(line) - 1];
    expect(source).toContain('throw new InputError(`--example must be one of');
    expect(frames.some((f) => f.includes('/src/cli/main.ts:'))).toBe(true);
    expect(frames.some((f) => /dist\/[\w-]+\.js:/.test(f))).toBe(false);
  });

  it('without --debug: one line, no stack, and source maps stay off', () => {
    const r = runCli(['estimate', '--example', 'nope'], { env: { NODE_OPTIONS: `--import=${REPORT}` } });
    expect(r.status).toBe(2);
    expect(r.stderr).toBe('error: --example must be one of global-saas, serverless-dynamodb, web-app (got "nope")\nsourceMapsEnabled=false\n');
    const d = runCli(['estimate', '--example', 'nope', '--debug'], { env: { NODE_OPTIONS: `--import=${REPORT}` } });
    expect(d.stderr.trim().split('\n').at(-1)).toBe('sourceMapsEnabled=true');
  });
});

/**
 * The README's commands, as written, from a fresh clone (issue 16 item 3): every shell command in its ```sh blocks
 * and every `$ ` line of its transcripts is extracted and, when it can run offline, run in order in one empty
 * folder (with `services/<name>/dr.yaml` as the CI section assumes), with `dr-advisor` on the PATH as the Quick
 * start's `npm link` leaves it. Setup and benchmark commands are recognised, not run; the wizard needs a terminal
 * and must say so.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BIN } from '../helpers/cli';
import { passing } from '../check/helpers';

const ROOT = join(import.meta.dirname, '..', '..');
const README = readFileSync(join(ROOT, 'README.md'), 'utf8');

interface Command { line: string; block: number }

/** Shell commands of ```sh blocks (comments dropped) and `$ ` lines of other blocks, in README order. */
function readmeCommands(md: string): Command[] {
  const out: Command[] = [];
  let block = 0;
  for (const m of md.matchAll(/^```(\w*)\n([\s\S]*?)^```$/gm)) {
    block++;
    const [, lang, body] = m;
    for (const raw of body.split('\n')) {
      if (lang === 'sh') {
        const line = raw.replace(/\s{2,}#.*$/, '').trim();
        if (line && !line.startsWith('#')) out.push({ line, block });
      } else if (/^\$ /.test(raw) && ['', 'text'].includes(lang)) out.push({ line: raw.slice(2).trim(), block });
    }
  }
  return out;
}

const SETUP = /^(npm (ci|install|link|test|start|run (build|typecheck|goldens|snapshot|examples|wasm))\b|node bench\/)/;
const NEEDS_TERMINAL = /^dr-advisor( wizard\b.*)?$/;
const NEEDS_AWS = /\bpricing refresh\b|--pricing live\b/;
/** Lines that run Terraform itself (to make plan.json); the test puts a real plan JSON fixture there instead. */
const NEEDS_TERRAFORM = /^terraform\b/;

const commands = readmeCommands(README);
const work = mkdtempSync(join(tmpdir(), 'dr-readme-'));
const bin = join(work, '.bin');
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** `dr-advisor` as `npm link` of the built clone leaves it. */
mkdirSync(bin);
writeFileSync(join(bin, 'dr-advisor'), `#!/bin/sh\nexec ${JSON.stringify(process.execPath)} ${JSON.stringify(BIN)} "$@"\n`, { mode: 0o755 });
copyFileSync(join(ROOT, 'test', 'fixtures', 'terraform', 'web-app.plan.json'), join(work, 'plan.json'));
for (const [service, example] of [['checkout', 'web-app'], ['orders-api', 'serverless-dynamodb'], ['global-saas', 'global-saas']]) {
  mkdirSync(join(work, 'services', service), { recursive: true });
  copyFileSync(join(ROOT, 'data', 'examples', `${example}.yaml`), join(work, 'services', service, 'dr.yaml'));
  // Edited to meet their targets at 90% confidence, as the CI section's sample output shows (test/check/helpers.ts).
  passing(join(work, 'services', service, 'dr.yaml'), example);
}

function run(line: string) {
  const env: NodeJS.ProcessEnv = {
    PATH: `${bin}:${process.env.PATH}`, HOME: work, LANG: 'C.UTF-8', NO_COLOR: '1',
    DR_ADVISOR_CACHE_DIR: join(work, '.cache'), AWS_EC2_METADATA_DISABLED: 'true',
    AWS_CONFIG_FILE: join(work, 'no-aws-config'), AWS_SHARED_CREDENTIALS_FILE: join(work, 'no-aws-credentials'),
  };
  return spawnSync('bash', ['--noprofile', '--norc', '-o', 'pipefail', '-c', line], { cwd: work, env, encoding: 'utf8', timeout: 60_000 });
}

describe('README commands', () => {
  it('are found, and none uses `npx dr-advisor` (not published) or `node bin/…` (the one convention is `dr-advisor`)', () => {
    expect(commands.length).toBeGreaterThan(10);
    expect(commands.filter((c) => /\bnpx dr-advisor\b/.test(c.line))).toEqual([]);
    expect(commands.filter((c) => /bin\/dr-advisor\.js/.test(c.line))).toEqual([]);
    // The Quick start says what a fresh clone needs first.
    const quick = README.slice(README.indexOf('## Quick start'), README.indexOf('<!-- section: estimate -->'));
    expect(quick).toContain('```sh\nnpm ci && npm run build && npm link\n```');
  });

  it('run from a fresh clone as written, in order, offline', () => {
    const ran: string[] = [];
    const skipped: string[] = [];
    for (const { line } of commands) {
      if (SETUP.test(line)) {
        skipped.push(`${line}  (setup or benchmark)`);
        continue;
      }
      if (NEEDS_AWS.test(line)) {
        skipped.push(`${line}  (needs AWS credentials and the network)`);
        continue;
      }
      if (NEEDS_TERRAFORM.test(line)) {
        skipped.push(`${line}  (needs Terraform; plan.json is a fixture here)`);
        continue;
      }
      const r = run(line);
      if (NEEDS_TERMINAL.test(line)) {
        // Not a terminal here: it must refuse in one documented line, exit 2, not hang or crash.
        expect(r.status, line).toBe(2);
        expect(r.stderr, line).toMatch(/^(usage: dr-advisor <command> \[options\]|error: the wizard needs a terminal)/);
        ran.push(line);
        continue;
      }
      expect(r.stderr, line).not.toMatch(/^error:/m);
      expect(r.stderr, line).not.toMatch(/\n\s+at /);
      expect(r.status, `${line}\n${r.stderr}`).toBe(0);
      ran.push(line);
    }
    expect(ran).toEqual(expect.arrayContaining([
      'dr-advisor estimate --example web-app',
      'dr-advisor init -o dr-workload.yaml',
      'dr-advisor estimate -f dr-workload.yaml --format markdown -o dr-review.md',
      'dr-advisor check -f dr-workload.yaml',
      'eval "$(dr-advisor completion bash)"',
      'dr-advisor import terraform plan.json -o dr-imported.yaml',
      'dr-advisor estimate -f plan.json',
    ]));
    expect(readFileSync(join(work, 'dr-imported.yaml'), 'utf8')).toMatch(/^compute:/m);
    expect(readFileSync(join(work, 'dr-review.md'), 'utf8')).toMatch(/^# DR assessment: /);
    expect(JSON.parse(readFileSync(join(work, 'dr-baseline.json'), 'utf8')).kind).toBe('dr-advisor-check');
    expect(skipped.every((s) => SETUP.test(s) || NEEDS_AWS.test(s) || NEEDS_TERRAFORM.test(s))).toBe(true);
  }, 240_000);
});

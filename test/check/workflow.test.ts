/**
 * Runs the shell of examples/github-actions/dr-check.yml (not GitHub): a base branch holding the bundled examples as
 * services/<name>/dr.yaml (edited to meet their targets at 90% confidence: helpers.ts PASSING_EDITS), a pull request that raises orders-api's warm-standby capacity from 0.34 to 1, and the
 * workflow's steps in order with `dr-advisor` on the PATH pointing at the built CLI (what the workflow's install step's
 * `npm link` gives; that step itself needs the npm registry and is checked, not run). The documented result (README, CI
 * section): the baseline comes from the base branch, the gate exits 1 because orders-api's DR cost rose by more than
 * 10%, the annotation names the file, and the comment and the job summary say why.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { BIN } from '../helpers/cli';
import { formatDuration } from '../../src/text/format';
import { edit, makePassingRepo, ROOT } from './helpers';

interface Step {
  id?: string;
  name?: string;
  if?: string;
  run?: string;
  uses?: string;
  env?: Record<string, string>;
}
interface Workflow {
  env: Record<string, string>;
  on: Record<string, unknown>;
  jobs: { 'dr-check': { steps: Step[] } };
}

const WORKFLOW = join(ROOT, 'examples', 'github-actions', 'dr-check.yml');
const workflow = parse(readFileSync(WORKFLOW, 'utf8')) as Workflow;
const steps = workflow.jobs['dr-check'].steps;
const step = (id: string) => {
  const s = steps.find((x) => x.id === id);
  if (!s?.run) throw new Error(`no step ${id} with a run script`);
  return s;
};

function sh(cwd: string, args: string[]): string {
  const r = spawnSync(args[0], args.slice(1), { cwd, encoding: 'utf8', env: gitEnv() });
  if (r.status !== 0) throw new Error(`${args.join(' ')}: ${r.stderr}`);
  return r.stdout;
}

function gitEnv(): NodeJS.ProcessEnv {
  return {
    ...process.env,
    GIT_AUTHOR_NAME: 'ci', GIT_AUTHOR_EMAIL: 'ci@example.com', GIT_COMMITTER_NAME: 'ci', GIT_COMMITTER_EMAIL: 'ci@example.com',
    GIT_CONFIG_NOSYSTEM: '1', GIT_TERMINAL_PROMPT: '0',
  };
}

/** A folder with `dr-advisor` in it, as `npm link` of the built CLI leaves on the PATH. */
let linked: string | undefined;
function linkedBin(): string {
  if (!linked) {
    linked = mkdtempSync(join(tmpdir(), 'dr-link-'));
    writeFileSync(join(linked, 'dr-advisor'), `#!/bin/sh\nexec ${JSON.stringify(process.execPath)} ${JSON.stringify(BIN)} "$@"\n`, { mode: 0o755 });
  }
  return linked;
}

/** Runs one step's script as the runner would (bash -eo pipefail), with `${{ ... }}` values supplied. */
function runStep(s: Step, cwd: string, ctx: { runnerTemp: string; summary: string; baseRef: string }) {
  const script = s.run!;
  const stepEnv: Record<string, string> = {};
  for (const [k, v] of Object.entries(s.env ?? {})) stepEnv[k] = v.replace('${{ github.base_ref }}', ctx.baseRef);
  const env: NodeJS.ProcessEnv = {
    ...gitEnv(), CI: 'true', GITHUB_ACTIONS: 'true', NO_COLOR: '1', ...workflow.env, ...stepEnv,
    RUNNER_TEMP: ctx.runnerTemp, GITHUB_STEP_SUMMARY: ctx.summary, DR_ADVISOR_CACHE_DIR: join(ctx.runnerTemp, 'cache'),
    PATH: `${linkedBin()}:${process.env.PATH}`,
  };
  delete env.DR_ADVISOR_PRICING;
  const r = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', script], { cwd, env, encoding: 'utf8', timeout: 60_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('examples/github-actions/dr-check.yml', () => {
  it('runs on pull requests and on main for the workload files, and runs the documented command', () => {
    expect(Object.keys(workflow.on).sort()).toEqual(['pull_request', 'push']);
    expect(workflow.env.DR_FILES).toBe('services/*/dr.yaml');
    expect(step('check').run).toContain("dr-advisor check -f 'services/*/dr.yaml' --format github --pricing snapshot");
    // Not published on the npm registry: no `npx dr-advisor`; the install step builds and links it from a clone first.
    expect(steps.filter((s) => /\bnpx\b/.test(s.run ?? '')).map((s) => s.name)).toEqual([]);
    const install = step('install').run!;
    expect(install).toContain('npm ci --no-audit --no-fund\nnpm run build\nnpm link\n');
    expect(steps.findIndex((s) => s.id === 'install')).toBeLessThan(steps.findIndex((s) => s.id === 'baseline'));
    expect(workflow.env).toMatchObject({ DR_ADVISOR_REPO: expect.stringMatching(/\.git$/), DR_ADVISOR_REF: expect.any(String) });
    expect(step('baseline').if).toBe("github.event_name == 'pull_request'");
  });

  it("a pull request that raises a service's DR cost by more than 10%: baseline from main, annotations, comment, summary, exit 1", () => {
    // The base branch: the three bundled examples as services.
    const origin = makePassingRepo();
    sh(origin, ['git', 'init', '-q', '-b', 'main']);
    sh(origin, ['git', 'add', 'services']);
    sh(origin, ['git', 'commit', '-q', '-m', 'services']);
    // The pull request: a clone with one change.
    const pr = join(mkdtempSync(join(tmpdir(), 'dr-pr-')), 'repo');
    sh(ROOT, ['git', 'clone', '-q', `file://${origin}`, pr]);
    sh(pr, ['git', 'checkout', '-q', '-b', 'bigger-standby']);
    edit(join(pr, 'services/orders-api/dr.yaml'), 'warmStandbyCapacity: 0.34', 'warmStandbyCapacity: 1');
    sh(pr, ['git', 'commit', '-q', '-am', 'orders-api: full-size warm standby']);

    const ctx = { runnerTemp: mkdtempSync(join(tmpdir(), 'dr-runner-')), summary: join(mkdtempSync(join(tmpdir(), 'dr-sum-')), 'summary.md'), baseRef: 'main' };
    writeFileSync(ctx.summary, '');

    // 1. Baseline from the base branch: JSON over main's three services, exit 0 → kept.
    const base = runStep(step('baseline'), pr, ctx);
    expect(base.stderr).not.toMatch(/^error:/m);
    expect(base.status).toBe(0);
    const baseline = JSON.parse(readFileSync(join(pr, 'dr-baseline.json'), 'utf8'));
    expect(baseline.kind).toBe('dr-advisor-check');
    expect(baseline.workloads.map((w: { name: string }) => w.name)).toEqual(['checkout', 'global-saas', 'orders-api']);
    expect(baseline.workloads.every((w: { file: string }) => w.file.startsWith(`${ctx.runnerTemp}/dr-base/services/`))).toBe(true);
    expect(existsSync(join(ctx.runnerTemp, 'dr-base'))).toBe(false);
    const before = baseline.workloads.find((w: { name: string }) => w.name === 'orders-api').drMonthlyCost;

    // 2. The Markdown report for the comment: written although the check fails (exit 1 is not a step failure).
    const report = runStep(step('report'), pr, ctx);
    expect(report.status).toBe(0);
    const md = readFileSync(join(pr, 'dr-check.md'), 'utf8');
    expect(md.split('\n')[0]).toBe('## ❌ DR check failed: 2 of 3 workloads pass, 1 fails');
    expect(md).toContain('✅ **checkout** · ✅ **global-saas** · ❌ **orders-api**');
    // Baseline paths from the other checkout are matched to these files: nothing is "new".
    expect(md).not.toContain('new since the baseline');
    const was = baseline.workloads.find((w: { name: string }) => w.name === 'orders-api');
    const row = /\| orders-api \| Warm Standby \| \$([\d,.]+) → \$([\d,.]+) \| \+\$([\d.]+) \(\+([\d.]+)%\) \| ([^|]+) → ([^|]+) \(-[^|]+\) \| ([^|]+) \(no change\) \|/.exec(md);
    expect(row).not.toBeNull();
    const [, from, to, delta, pct, rtoFrom, rtoTo, rpo] = row!;
    // The RTO falls (no scale-out at 100% capacity); the RPO is the same replication.
    expect(rtoFrom).toBe(formatDuration(was.rtoSeconds));
    expect(formatDuration(was.rtoSeconds)).not.toBe(rtoTo);
    expect(rpo).toBe(formatDuration(was.rpoSeconds));
    expect(Number(from)).toBe(before);
    // One more c5.large in eu-central-1 (730 h × $0.097) and its 20 GB gp3 volume (20 × $0.0952): +$72.714.
    expect(Math.abs(Number(delta) - 72.714)).toBeLessThanOrEqual(0.01);
    expect(Number(to)).toBeCloseTo(before + Number(delta), 2);
    expect(pct).toBe(((Number(delta) / before) * 100).toFixed(1));
    expect(md).toContain(`- ❌ **orders-api** (Warm Standby, \`services/orders-api/dr.yaml\`): DR cost +$${delta}/month (+${pct}%) since the baseline > 10% allowed increase`);

    // 3. The gate: exit 1, the annotation on the changed file, the summary appended.
    const gate = runStep(step('check'), pr, ctx);
    expect(gate.status).toBe(1);
    expect(gate.stdout.split('\n')[0]).toBe(
      `::error file=services/orders-api/dr.yaml,title=DR check failed for orders-api (warm-standby)::orders-api (Warm Standby): DR cost +$${delta}/month (+${pct}%25) since the baseline > 10%25 allowed increase`,
    );
    expect(gate.stderr.trim().split('\n').at(-1)).toBe('error: check failed: 1 of 3 workloads fails the DR check (orders-api: cost increase)');
    expect(readFileSync(ctx.summary, 'utf8')).toBe(md);

    // 4. The comment step posts dr-check.md with gh (not run here).
    const comment = steps.find((s) => s.run?.includes('gh pr comment'))!;
    expect(comment.run).toContain('--body-file dr-check.md');
    expect(comment.if).toContain("steps.report.outcome == 'success'");
  });

  it('a pull request that changes nothing DR-relevant passes (exit 0) and still compares with main', () => {
    const origin = makePassingRepo({ checkout: 'web-app' });
    sh(origin, ['git', 'init', '-q', '-b', 'main']);
    sh(origin, ['git', 'add', 'services']);
    sh(origin, ['git', 'commit', '-q', '-m', 'services']);
    const pr = join(mkdtempSync(join(tmpdir(), 'dr-pr-')), 'repo');
    sh(ROOT, ['git', 'clone', '-q', `file://${origin}`, pr]);
    const ctx = { runnerTemp: mkdtempSync(join(tmpdir(), 'dr-runner-')), summary: join(mkdtempSync(join(tmpdir(), 'dr-sum-')), 'summary.md'), baseRef: 'main' };
    expect(runStep(step('baseline'), pr, ctx).status).toBe(0);
    expect(runStep(step('report'), pr, ctx).status).toBe(0);
    const gate = runStep(step('check'), pr, ctx);
    expect(gate.status).toBe(0);
    expect(gate.stdout).not.toContain('::error');
    expect(gate.stdout).toContain('| checkout | Warm Standby |');
    expect(gate.stdout).toMatch(/\| \+\$0\.00 \(0\.0%\) \| [^|]+ \(no change\) \| [^|]+ \(no change\) \|/);
  });
});

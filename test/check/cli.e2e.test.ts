/**
 * `dr-advisor check` end to end, on the built CLI: every exit code, several workloads at once, the baseline diff
 * against hand-computed figures, GitHub annotations, the step-summary file, and byte-identical output.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatDuration } from '../../src/text/format';
import { runCli } from '../helpers/cli';
import { check, edit, EXAMPLES, lines, makePassingRepo, makeRepo, passing } from './helpers';

interface Doc {
  schemaVersion: number;
  kind: string;
  generatedAt: string;
  pass: boolean;
  summary: { workloads: number; passed: number; failed: number; new: number };
  baseline: { file: string; maxIncreasePct: number | null; removed: { name: string; file: string | null }[] } | null;
  workloads: {
    name: string;
    file: string;
    strategy: string;
    strategySource: string;
    drMonthlyCost: number;
    rtoSeconds: number;
    rpoSeconds: number;
    pass: boolean;
    violations: { target: string; actual: number | null; limit: number; message: string }[];
    cheaper: { strategy: string; savingMonthly: number; message: string } | null;
    baseline: null | {
      status: string;
      strategy?: string;
      drMonthlyCost?: number;
      costDelta?: number;
      costDeltaPct?: number | null;
      rtoDeltaSeconds?: number;
      rpoDeltaSeconds?: number;
      strategies?: { id: string; costDelta: number }[];
    };
    rtoAtConfidenceSeconds: number;
    rpoAtConfidenceSeconds: number;
    strategies: { id: string; drMonthlyCost: number; rtoSeconds: number; rpoSeconds: number }[];
  }[];
}

interface EstimateStrategy {
  id: string;
  drMonthlyCost: number;
  rtoSeconds: number;
  rpoSeconds: number;
  rtoTypicalSumSeconds: number;
  rto: { atConfidence: number; pMeetsTarget: number | null };
  rpo: { atConfidence: number; pMeetsTarget: number | null };
}

function json(stdout: string): Doc {
  return JSON.parse(stdout) as Doc;
}

/** The same workload through `estimate --format json` at check's 2,000 samples: check must agree with it. */
function estimate(cwd: string, file: string, extra: string[] = []): { strategies: EstimateStrategy[]; variants: EstimateStrategy[]; recommendation: { strategy: string; base: string } } {
  const r = runCli(['estimate', '-f', file, '--format', 'json', '--pricing', 'snapshot', '--samples', '2000', ...extra], { cwd });
  expect(r.status).toBe(0);
  return JSON.parse(r.stdout);
}

const time = (s: { rtoSeconds: number; rto: { atConfidence: number } }) => `${formatDuration(s.rtoSeconds)} (${formatDuration(s.rto.atConfidence)})`;
const rpoTime = (s: { rpoSeconds: number; rpo: { atConfidence: number } }) => `${formatDuration(s.rpoSeconds)} (${formatDuration(s.rpo.atConfidence)})`;

describe('the bundled examples against their own targets, at 90% confidence', () => {
  it('all three fail, each saying by how much; at 50 % confidence global-saas passes', () => {
    const repo = makeRepo();
    const r = check(repo, ['-f', 'services/*/dr.yaml', '--pricing', 'snapshot']);
    expect(r.status).toBe(1);
    expect(lines(r.stdout)[0]).toBe('## ❌ DR check failed: all 3 workloads fail');
    const pl = estimate(repo, 'services/checkout/dr.yaml').strategies.find((s) => s.id === 'pilot-light')!;
    expect(pl.rto.pMeetsTarget!).toBeLessThan(0.5);
    expect(r.stdout).toContain(
      `- ❌ **checkout** (Pilot Light, \`services/checkout/dr.yaml\`): RTO ${formatDuration(pl.rto.atConfidence)} at 90% confidence > 1h target (P(RTO ≤ 1h) = ${Math.round(pl.rto.pMeetsTarget! * 100)}%)`,
    );
    const half = check(repo, ['-f', 'services/global-saas/dr.yaml', '--pricing', 'snapshot', '--format', 'json', '--confidence', '0.5']);
    expect(half.status).toBe(0);
    expect(json(half.stdout).workloads[0].pass).toBe(true);
  });
});

describe('exit 0: every workload passes', () => {
  it('checks three services from one glob, in sorted order, and prints the Markdown PR comment when not on a TTY', () => {
    const repo = makePassingRepo();
    const r = check(repo, ['-f', 'services/*/dr.yaml', '--pricing', 'snapshot']);
    expect(r.stderr).not.toMatch(/^error:/m);
    expect(r.status).toBe(0);
    const out = lines(r.stdout);
    expect(out[0]).toBe('## ✅ DR check passed: 3 of 3 workloads pass');
    expect(out[1]).toBe('✅ **checkout** · ✅ **global-saas** · ✅ **orders-api**');
    expect(out[2]).toBe('|  | Workload | File | Strategy | DR cost/month | RTO P50 (at 90%) | RPO P50 (at 90%) | Targets | Result |');
    // Each row carries the estimate's figures for the workload's own `strategy`.
    const est = estimate(repo, 'services/checkout/dr.yaml');
    const ws = est.strategies.find((s) => s.id === 'warm-standby')!;
    expect(r.stdout).toContain(`| ✅ | checkout | \`services/checkout/dr.yaml\` | Warm Standby | $${ws.drMonthlyCost.toFixed(2)}* | ${time(ws)} | ${rpoTime(ws)} | RTO ≤ 1h, RPO ≤ 15m at 90% confidence, DR budget ≤ $1,500.00/month | pass |`);
    expect(r.stdout).not.toContain('generatedAt');
  });

  it('agrees with estimate for every workload and every strategy (JSON)', () => {
    const repo = makePassingRepo();
    const r = check(repo, ['-f', 'services/*/dr.yaml', '--pricing', 'snapshot', '--format', 'json']);
    expect(r.status).toBe(0);
    const doc = json(r.stdout);
    expect(doc.schemaVersion).toBe(1);
    expect(doc.kind).toBe('dr-advisor-check');
    expect(doc.summary).toEqual({ workloads: 3, passed: 3, failed: 0, new: 0 });
    expect(doc.workloads.map((w) => [w.name, w.file, w.strategy, w.strategySource])).toEqual([
      ['checkout', 'services/checkout/dr.yaml', 'warm-standby', 'workload'],
      ['global-saas', 'services/global-saas/dr.yaml', 'active-active', 'workload'],
      ['orders-api', 'services/orders-api/dr.yaml', 'warm-standby', 'workload'],
    ]);
    for (const w of doc.workloads) {
      const est = estimate(repo, w.file);
      expect(w.strategies.map((s) => [s.id, s.drMonthlyCost, s.rtoSeconds, s.rpoSeconds])).toEqual(
        est.strategies.map((s) => [s.id, s.drMonthlyCost, s.rtoSeconds, s.rpoSeconds]),
      );
      const chosen = est.strategies.find((s) => s.id === w.strategy)!;
      expect([w.drMonthlyCost, w.rtoSeconds, w.rpoSeconds]).toEqual([chosen.drMonthlyCost, chosen.rtoSeconds, chosen.rpoSeconds]);
      expect([w.rtoAtConfidenceSeconds, w.rpoAtConfidenceSeconds]).toEqual([chosen.rto.atConfidence, chosen.rpo.atConfidence]);
    }
  });

  it('accepts several -f values and literal paths, each file once', () => {
    const repo = makePassingRepo();
    const r = check(repo, ['-f', 'services/checkout/dr.yaml', 'services/*/dr.yaml', '-f', 'services/checkout/dr.yaml', '--pricing', 'snapshot', '--format', 'json']);
    expect(r.status).toBe(0);
    expect(json(r.stdout).workloads.map((w) => w.file)).toEqual(['services/checkout/dr.yaml', 'services/global-saas/dr.yaml', 'services/orders-api/dr.yaml']);
  });
});

describe('exit 1: a workload breaks its targets', () => {
  it('fails when one of several workloads fails, after printing everything, and says which and why', () => {
    const repo = makePassingRepo();
    // orders-api: tighten its RTO target below what Warm Standby achieves.
    edit(join(repo, 'services/orders-api/dr.yaml'), 'targets: { rto: 30m,', 'targets: { rto: 10m,');
    const est = estimate(repo, 'services/orders-api/dr.yaml');
    const ws = est.strategies.find((s) => s.id === 'warm-standby')!;
    expect(ws.rto.atConfidence).toBeGreaterThan(600);
    const r = check(repo, ['-f', 'services/*/dr.yaml', '--pricing', 'snapshot']);
    expect(r.status).toBe(1);
    const why = `RTO ${formatDuration(ws.rto.atConfidence)} at 90% confidence > 10m target (P(RTO ≤ 10m) = ${Math.round(ws.rto.pMeetsTarget! * 100)}%)`;
    const out = lines(r.stdout);
    expect(out[0]).toBe('## ❌ DR check failed: 2 of 3 workloads pass, 1 fails');
    expect(out[1]).toBe('✅ **checkout** · ✅ **global-saas** · ❌ **orders-api**');
    expect(r.stdout).toContain(`- ❌ **orders-api** (Warm Standby, \`services/orders-api/dr.yaml\`): ${why}`);
    expect(r.stdout).toMatch(/\| ❌ \| orders-api \| .* \| FAIL: RTO \|\n/);
    // The whole report is on stdout (it ends with the pricing line), then one error line on stderr.
    expect(out[out.length - 1]).toMatch(/^_Prices: bundled snapshot/);
    expect(lines(r.stderr).filter((l) => l.startsWith('error:'))).toEqual(['error: check failed: 1 of 3 workloads breaks its DR targets (orders-api)']);
  });

  it('flags override the workload targets for every file (--rto, --rpo, --max-monthly-cost)', () => {
    const repo = makeRepo();
    const r = check(repo, ['-f', 'services/*/dr.yaml', '--pricing', 'snapshot', '--format', 'json', '--rto', '1d', '--rpo', '1d', '--max-monthly-cost', '400']);
    expect(r.status).toBe(1);
    const doc = json(r.stdout);
    const byName = Object.fromEntries(doc.workloads.map((w) => [w.name, w]));
    // global-saas: active-active over three regions costs more than $400/month; the others stay under.
    expect(byName['global-saas'].pass).toBe(false);
    expect(byName['global-saas'].violations).toEqual([
      { target: 'maxMonthlyCost', actual: byName['global-saas'].drMonthlyCost, limit: 400, message: expect.stringMatching(/^DR cost \$[\d,.]+\/month > \$400\.00 budget$/) },
    ]);
    expect(byName.checkout.pass).toBe(true);
    expect(byName['orders-api'].pass).toBe(true);
    expect(lines(r.stderr).at(-1)).toBe('error: check failed: 1 of 3 workloads breaks its DR targets (global-saas)');
  });

  it('--strategy checks that strategy everywhere, and a cheaper strategy meeting the targets is information, not a failure', () => {
    const repo = makeRepo({ checkout: 'web-app' });
    const est = estimate(repo, 'services/checkout/dr.yaml');
    const aa = est.strategies.find((s) => s.id === 'active-active')!;
    // Pilot Light misses the 1 h RTO at 90% confidence; Warm Standby is the cheapest that meets the targets.
    const pl = est.strategies.find((s) => s.id === 'warm-standby')!;
    const r = check(repo, ['-f', 'services/*/dr.yaml', '--pricing', 'snapshot', '--format', 'json', '--strategy', 'active-active']);
    expect(r.status).toBe(0);
    const w = json(r.stdout).workloads[0];
    expect([w.strategy, w.strategySource, w.drMonthlyCost]).toEqual(['active-active', 'flag', aa.drMonthlyCost]);
    expect(w.cheaper?.strategy).toBe('warm-standby');
    expect(w.cheaper?.savingMonthly).toBeCloseTo(aa.drMonthlyCost - pl.drMonthlyCost, 2);
    const md = check(repo, ['-f', 'services/*/dr.yaml', '--pricing', 'snapshot', '--format', 'markdown', '--strategy', 'active-active']);
    expect(md.stdout).toContain('**Information** (does not fail the check)');
    expect(md.stdout).toContain(`- ℹ️ **checkout**: Warm Standby also meets the targets for $${(aa.drMonthlyCost - pl.drMonthlyCost).toFixed(2)}/month less than Multi-site Active-Active`);
    expect(md.stdout).toContain('_Every workload was checked with --strategy active-active._');
  });

  it('a workload without `strategy` is checked with the recommended one, and the output says so', () => {
    const repo = makeRepo({ checkout: 'web-app' });
    edit(join(repo, 'services/checkout/dr.yaml'), /^strategy: pilot-light\n/m, '');
    const est = estimate(repo, 'services/checkout/dr.yaml');
    const r = check(repo, ['-f', 'services/checkout/dr.yaml', '--pricing', 'snapshot', '--format', 'markdown']);
    expect(r.status).toBe(0);
    // The recommended option is the one estimate recommends, a drop-in variant included.
    const rec = est.recommendation.strategy;
    const name = [...est.strategies, ...est.variants].find((s) => s.id === rec)! as unknown as { name: string };
    expect(r.stdout).toContain(`| ${name.name} (recommended) |`);
    expect(json(check(repo, ['-f', 'services/checkout/dr.yaml', '--pricing', 'snapshot', '--format', 'json']).stdout).workloads[0].strategy).toBe(rec);
    expect(r.stdout).toContain('_checkout names no `strategy`, so the recommended strategy was checked (marked "recommended")._');
  });
});

describe('exit 2: usage and input errors', () => {
  const cases: [string, string[], string][] = [
    ['a glob matching nothing', ['-f', 'services/*/nope.yaml'], 'error: -f "services/*/nope.yaml" matched no files'],
    ['an unreadable file', ['-f', 'services/missing/dr.yaml'], 'error: services/missing/dr.yaml: cannot read the workload file: no such file or directory (ENOENT)'],
    ['an unknown --strategy', ['-f', 'services/*/dr.yaml', '--strategy', 'hot-standby'], 'error: --strategy must be one of backup-restore, pilot-light, warm-standby, active-active (got "hot-standby")'],
    ['a bad --rto', ['-f', 'services/*/dr.yaml', '--rto', 'soon'], 'error: --rto must be a duration like 90s, 15m, 4h or 1d (got "soon")'],
    ['a bad --max-monthly-cost', ['-f', 'services/*/dr.yaml', '--max-monthly-cost', 'lots'], 'error: --max-monthly-cost must be an amount in USD ≥ 0 (got "lots")'],
    ['a bad --confidence', ['-f', 'services/*/dr.yaml', '--confidence', '2'], 'error: --confidence must be a confidence from 0.5 to 1, like 0.9 or 95% (got "2")'],
    ['a bad --samples', ['-f', 'services/*/dr.yaml', '--samples', '0'], 'error: --samples must be a whole number from 1 to 1000000 (got "0")'],
    ['--max-increase without --baseline', ['-f', 'services/*/dr.yaml', '--max-increase', '10%'], 'error: --max-increase needs --baseline FILE (the previous `check --format json` output to compare with)'],
    ['a bad --max-increase', ['-f', 'services/*/dr.yaml', '--baseline', 'b.json', '--max-increase', 'ten'], 'error: --max-increase must be a percentage ≥ 0 like 10% (got "ten")'],
    ['a missing baseline', ['-f', 'services/*/dr.yaml', '--baseline', 'b.json'], 'error: --baseline b.json: cannot read the file: no such file or directory (ENOENT)'],
    ['an unknown --format', ['-f', 'services/*/dr.yaml', '--format', 'xml'], "error: option '--format <format>' argument 'xml' is invalid. Allowed choices are table, json, markdown, github."],
  ];
  for (const [what, args, message] of cases) {
    it(`exits 2 on ${what}, with one error line and nothing on stdout`, () => {
      const repo = makeRepo({ checkout: 'web-app' });
      const r = check(repo, [...args, '--pricing', 'snapshot']);
      expect(r.status).toBe(2);
      expect(r.stdout).toBe('');
      expect(lines(r.stderr)).toEqual([message]);
    });
  }

  it('exits 2 on a baseline that is not a dr-advisor document, or a broken one, naming the field', () => {
    const repo = makeRepo({ checkout: 'web-app' });
    writeFileSync(join(repo, 'b.json'), '{"hello": 1}');
    let r = check(repo, ['-f', 'services/*/dr.yaml', '--pricing', 'snapshot', '--baseline', 'b.json']);
    expect(r.status).toBe(2);
    expect(lines(r.stderr)).toEqual(['error: --baseline b.json: not a dr-advisor JSON output; --baseline takes the output of `dr-advisor check --format json` or `dr-advisor estimate --format json`']);
    writeFileSync(join(repo, 'b.json'), JSON.stringify({ schemaVersion: 1, kind: 'dr-advisor-check', workloads: [{ name: 'checkout', file: null, strategy: 'pilot-light', drMonthlyCost: 'cheap', rtoSeconds: 1, rpoSeconds: 1 }] }));
    r = check(repo, ['-f', 'services/*/dr.yaml', '--pricing', 'snapshot', '--baseline', 'b.json']);
    expect(r.status).toBe(2);
    expect(lines(r.stderr)).toEqual(['error: --baseline b.json: workloads[0].drMonthlyCost must be a number (got "cheap")']);
  });

  it('exits 2 on an invalid workload among valid ones, naming the file and field', () => {
    const repo = makeRepo();
    edit(join(repo, 'services/orders-api/dr.yaml'), 'count: 3,', 'count: -2,');
    const r = check(repo, ['-f', 'services/*/dr.yaml', '--pricing', 'snapshot']);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(lines(r.stderr)).toEqual(['error: services/orders-api/dr.yaml: compute.count must be a whole number ≥ 1 (got -2)']);
  });
});

describe('exit 3: pricing unavailable', () => {
  it('--pricing live with no AWS credentials exits 3 with the live-pricing message and prints no report', () => {
    const repo = makeRepo();
    const empty = join(mkdtempSync(join(tmpdir(), 'dr-aws-')), 'empty');
    writeFileSync(empty, '');
    const r = check(repo, ['-f', 'services/*/dr.yaml', '--pricing', 'live'], {
      AWS_ACCESS_KEY_ID: '', AWS_SECRET_ACCESS_KEY: '', AWS_SESSION_TOKEN: undefined, AWS_PROFILE: undefined,
      AWS_CONFIG_FILE: empty, AWS_SHARED_CREDENTIALS_FILE: empty, AWS_EC2_METADATA_DISABLED: 'true',
      AWS_CONTAINER_CREDENTIALS_RELATIVE_URI: undefined, AWS_CONTAINER_CREDENTIALS_FULL_URI: undefined, AWS_WEB_IDENTITY_TOKEN_FILE: undefined,
      DR_ADVISOR_PRICING: undefined,
    });
    expect(r.status).toBe(3);
    expect(r.stdout).toBe('');
    expect(lines(r.stderr)).toEqual([
      'error: --pricing live needs AWS credentials, and none were found (environment, shared config and credentials files, SSO, container or instance role). Configure credentials, or use --pricing auto or snapshot',
    ]);
  });

  it('prices older than --max-price-age exit 3', () => {
    const repo = makeRepo({ checkout: 'web-app' });
    const r = check(repo, ['-f', 'services/*/dr.yaml', '--pricing', 'snapshot', '--max-price-age', '1s']);
    expect(r.status).toBe(3);
    expect(r.stdout).toBe('');
    expect(lines(r.stderr).at(-1)).toMatch(/^error: prices older than --max-price-age 1s refused: \d+ of \d+ prices have older data: .* \(data of \d{4}-\d\d-\d\d, \d+ days old\).* \(the bundled snapshot was built \d{4}-\d\d-\d\d\)/);
  });
});

describe('baseline', () => {
  /**
   * The PR raises orders-api's warm-standby capacity from 0.34 to 1 (3 servers): standby servers go from
   * ceil(3 × 0.34) = 2 to 3, so one more c5.large in eu-central-1 runs all month (730 h × $0.097 = $70.81) with its
   * 20 GB gp3 volume (20 × $0.0952 = $1.904): +$72.714/month. The scale-out phase disappears: RTO −5 min
   * (warmStandbyScaleOutMinutes). RPO is unchanged.
   */
  it('shows the cost delta in $ and %, RTO/RPO changes, and --max-increase 10% fails on the +20.8% rise', () => {
    const repo = makePassingRepo();
    const base = check(repo, ['-f', 'services/*/dr.yaml', '--pricing', 'snapshot', '--format', 'json']);
    expect(base.status).toBe(0);
    writeFileSync(join(repo, 'baseline.json'), base.stdout);
    const before = json(base.stdout).workloads.find((w) => w.name === 'orders-api')!;
    const typical = () => estimate(repo, 'services/orders-api/dr.yaml').strategies.find((s) => s.id === 'warm-standby')!.rtoTypicalSumSeconds;
    const typicalBefore = typical();
    edit(join(repo, 'services/orders-api/dr.yaml'), 'warmStandbyCapacity: 0.34', 'warmStandbyCapacity: 1');
    expect(typical() - typicalBefore).toBeCloseTo(-300, 6);

    const r = check(repo, ['-f', 'services/*/dr.yaml', '--pricing', 'snapshot', '--format', 'json', '--baseline', 'baseline.json', '--max-increase', '10%']);
    expect(r.status).toBe(1);
    const doc = json(r.stdout);
    const w = doc.workloads.find((x) => x.name === 'orders-api')!;
    const b = w.baseline!;
    expect(b.status).toBe('compared');
    expect(b.drMonthlyCost).toBe(before.drMonthlyCost);
    // $ delta: the hand-computed +$72.714, to the cent (the two totals are each rounded to cents).
    expect(Math.abs(b.costDelta! - 72.714)).toBeLessThanOrEqual(0.01);
    expect(b.costDelta).toBe(Math.round((w.drMonthlyCost - before.drMonthlyCost) * 100) / 100);
    // % delta: 72.714 / 349.49 ≈ 20.8 %.
    expect(b.costDeltaPct).toBe(Math.round((b.costDelta! / before.drMonthlyCost) * 10000) / 100);
    expect(b.costDeltaPct!).toBeGreaterThan(20.7);
    expect(b.costDeltaPct!).toBeLessThan(20.9);
    // RTO: the scale-out phase (one Auto Scaling cycle, 5 min typical) disappears: −300 s of typical values (above); the
    // median moves by a draw of that cycle (3–15 min)
    expect(b.rtoDeltaSeconds).toBe(w.rtoSeconds - before.rtoSeconds);
    expect(b.rtoDeltaSeconds!).toBeLessThanOrEqual(-180);
    expect(b.rtoDeltaSeconds!).toBeGreaterThanOrEqual(-900);
    expect(b.rpoDeltaSeconds).toBe(0);
    expect(w.violations).toEqual([
      { target: 'maxIncrease', actual: b.costDeltaPct, limit: 10, message: `DR cost +$${b.costDelta!.toFixed(2)}/month (+${b.costDeltaPct!.toFixed(1)}%) since the baseline > 10% allowed increase` },
    ]);
    // Per strategy: pilot light does not run app servers, so its cost is unchanged; warm standby moved as above.
    expect(b.strategies!.find((s) => s.id === 'pilot-light')!.costDelta).toBe(0);
    expect(b.strategies!.find((s) => s.id === 'warm-standby')!.costDelta).toBe(b.costDelta);
    // The other services did not change.
    for (const o of doc.workloads.filter((x) => x.name !== 'orders-api')) expect([o.pass, o.baseline!.costDelta, o.baseline!.costDeltaPct]).toEqual([true, 0, 0]);
    // A cost increase is not a broken DR target: the line says what failed (issue 16).
    expect(lines(r.stderr).at(-1)).toBe('error: check failed: 1 of 3 workloads fails the DR check (orders-api: cost increase)');

    // The same in Markdown.
    const md = check(repo, ['-f', 'services/*/dr.yaml', '--pricing', 'snapshot', '--baseline', 'baseline.json', '--max-increase', '10%']);
    expect(md.status).toBe(1);
    const from = `$${before.drMonthlyCost.toFixed(2)}`;
    const to = `$${w.drMonthlyCost.toFixed(2)}`;
    expect(md.stdout).toContain('**Changes since the baseline** (`baseline.json`; at most 10% cost increase allowed)');
    const rtoChange = `${formatDuration(before.rtoSeconds)} → ${formatDuration(w.rtoSeconds)} (-${formatDuration(before.rtoSeconds - w.rtoSeconds)})`;
    expect(md.stdout).toContain(`| orders-api | Warm Standby | ${from} → ${to} | +$${b.costDelta!.toFixed(2)} (+${b.costDeltaPct!.toFixed(1)}%) | ${rtoChange} | ${formatDuration(w.rpoSeconds)} (no change) |`);

    // A 25% allowance lets the same change through (exit 0), still showing the delta.
    const ok = check(repo, ['-f', 'services/*/dr.yaml', '--pricing', 'snapshot', '--baseline', 'baseline.json', '--max-increase', '25']);
    expect(ok.status).toBe(0);
    expect(ok.stdout).toContain(`+$${b.costDelta!.toFixed(2)} (+${b.costDeltaPct!.toFixed(1)}%)`);
  });

  it('a hand-written baseline: $250.00 → now, and the percentage', () => {
    const repo = makePassingRepo({ checkout: 'web-app' });
    const now = json(check(repo, ['-f', 'services/*/dr.yaml', '--pricing', 'snapshot', '--format', 'json']).stdout).workloads[0];
    writeFileSync(join(repo, 'b.json'), JSON.stringify({
      schemaVersion: 1, kind: 'dr-advisor-check',
      workloads: [{ name: 'checkout', file: 'services/checkout/dr.yaml', strategy: 'pilot-light', drMonthlyCost: 250, rtoSeconds: 3600, rpoSeconds: 900 }],
    }));
    const r = check(repo, ['-f', 'services/*/dr.yaml', '--pricing', 'snapshot', '--format', 'json', '--baseline', 'b.json']);
    expect(r.status).toBe(0);
    const b = json(r.stdout).workloads[0].baseline!;
    const delta = Math.round((now.drMonthlyCost - 250) * 100) / 100;
    expect(b.costDelta).toBe(delta);
    expect(b.costDeltaPct).toBe(Math.round((delta / 250) * 10000) / 100);
    expect(b.rtoDeltaSeconds).toBe(now.rtoSeconds - 3600);
    expect(b.rpoDeltaSeconds).toBe(now.rpoSeconds - 900);
  });

  it('accepts an `estimate --format json` document as the baseline of a single workload', () => {
    const repo = makePassingRepo({ checkout: 'web-app' });
    const est = runCli(['estimate', '-f', 'services/checkout/dr.yaml', '--format', 'json', '--pricing', 'snapshot'], { cwd: repo });
    writeFileSync(join(repo, 'estimate.json'), est.stdout);
    edit(join(repo, 'services/checkout/dr.yaml'), 'count: 2,', 'count: 4,');
    const r = check(repo, ['-f', 'services/checkout/dr.yaml', '--pricing', 'snapshot', '--format', 'json', '--baseline', 'estimate.json']);
    expect(r.status).toBe(0);
    const b = json(r.stdout).workloads[0].baseline!;
    expect(b.status).toBe('compared');
    expect(b.strategy).toBe('warm-standby');
    // Warm standby: one more m5.large in us-west-2 (730 h × $0.096 = $70.08), its 50 GB gp3 volume ($4.00) and the
    // snapshot copies of the two new servers' 50 GB volumes (2 × 50 × $0.05 = $5.00) → +$79.08.
    expect(b.costDelta).toBe(79.08);
    // Pilot light keeps only the AMI/EBS snapshot copies: 2 × 50 × $0.05 = +$5.00.
    expect(b.strategies!.find((s) => s.id === 'pilot-light')!.costDelta).toBe(5);
  });

  it('a workload new since the baseline is reported as new, not failed; one gone from it is listed', () => {
    const repo = makePassingRepo({ checkout: 'web-app', 'orders-api': 'serverless-dynamodb' });
    const base = check(repo, ['-f', 'services/*/dr.yaml', '--pricing', 'snapshot', '--format', 'json']);
    writeFileSync(join(repo, 'baseline.json'), base.stdout);
    mkdirSync(join(repo, 'services', 'saas'));
    cpSync(join(EXAMPLES, 'global-saas.yaml'), join(repo, 'services', 'saas', 'dr.yaml'));
    passing(join(repo, 'services', 'saas', 'dr.yaml'), 'global-saas');
    const r = check(repo, ['-f', 'services/{saas,checkout}/dr.yaml', '--pricing', 'snapshot', '--baseline', 'baseline.json', '--max-increase', '0%']);
    expect(r.status).toBe(0);
    expect(lines(r.stdout)[0]).toBe('## ✅ DR check passed: 2 of 2 workloads pass (1 new since the baseline)');
    expect(lines(r.stdout)[1]).toBe('✅ **checkout** · ✅ **global-saas** (new)');
    expect(r.stdout).toMatch(/\| global-saas \| Multi-site Active-Active \| new: \$[\d,.]+ \| new since the baseline \|/);
    expect(r.stdout).toContain('In the baseline but not checked now: orders-api (services/orders-api/dr.yaml).');
  });
});

describe('--format github', () => {
  it('prints one ::error annotation per violation, escaped, then the Markdown; appends the summary to $GITHUB_STEP_SUMMARY', () => {
    const repo = makeRepo({ 'odd,dir:100%': 'web-app', 'orders-api': 'serverless-dynamodb' });
    edit(join(repo, 'services/orders-api/dr.yaml'), 'targets: { rto: 15m, rpo: 5m, maxMonthlyCost: 800 }', 'targets: { rto: 10m, rpo: 5m, maxMonthlyCost: 100 }');
    edit(join(repo, 'services/odd,dir:100%/dr.yaml'), 'targets: { rto: 1h,', 'targets: { rto: 30m,');
    const summary = join(repo, 'summary.md');
    writeFileSync(summary, '# earlier step\n');
    const est = estimate(repo, 'services/orders-api/dr.yaml').strategies.find((s) => s.id === 'warm-standby')!;
    const estPl = estimate(repo, 'services/odd,dir:100%/dr.yaml').strategies.find((s) => s.id === 'pilot-light')!;
    const pct = (p: number | null) => `${Math.round(p! * 100)}%25`; // "%" is escaped as %25 in an annotation

    const r = check(repo, ['-f', 'services/*/dr.yaml', '--pricing', 'snapshot', '--format', 'github'], { GITHUB_STEP_SUMMARY: summary });
    expect(r.status).toBe(1);
    const out = r.stdout.split('\n');
    expect(out.slice(0, 3)).toEqual([
      `::error file=services/odd%2Cdir%3A100%25/dr.yaml,title=DR check failed for checkout (pilot-light)::checkout (Pilot Light): RTO ${formatDuration(estPl.rto.atConfidence)} at 90%25 confidence > 30m target (P(RTO ≤ 30m) = ${pct(estPl.rto.pMeetsTarget)})`,
      `::error file=services/orders-api/dr.yaml,title=DR check failed for orders-api (warm-standby)::orders-api (Warm Standby): RTO ${formatDuration(est.rto.atConfidence)} at 90%25 confidence > 10m target (P(RTO ≤ 10m) = ${pct(est.rto.pMeetsTarget)})`,
      `::error file=services/orders-api/dr.yaml,title=DR check failed for orders-api (warm-standby)::orders-api (Warm Standby): DR cost $${est.drMonthlyCost.toFixed(2)}/month > $100.00 budget`,
    ]);
    const md = check(repo, ['-f', 'services/*/dr.yaml', '--pricing', 'snapshot', '--format', 'markdown']).stdout;
    // After the annotations: a blank line and the same Markdown as --format markdown.
    expect(r.stdout.endsWith(`\n\n${md}`)).toBe(true);
    // The summary file: appended, not overwritten; a second run appends again.
    expect(readFileSync(summary, 'utf8')).toBe(`# earlier step\n${md}`);
    check(repo, ['-f', 'services/*/dr.yaml', '--pricing', 'snapshot', '--format', 'github'], { GITHUB_STEP_SUMMARY: summary });
    expect(readFileSync(summary, 'utf8')).toBe(`# earlier step\n${md}${md}`);
  });

  it('writes the summary file when it does not exist yet, and annotates a cheaper strategy as a notice', () => {
    const repo = makeRepo({ checkout: 'web-app' });
    const summary = join(repo, 'new-summary.md');
    const r = check(repo, ['-f', 'services/*/dr.yaml', '--pricing', 'snapshot', '--format', 'github', '--strategy', 'active-active'], { GITHUB_STEP_SUMMARY: summary });
    expect(r.status).toBe(0);
    expect(r.stdout.split('\n')[0]).toMatch(/^::notice file=services\/checkout\/dr\.yaml,title=Cheaper DR strategy for checkout::checkout: Warm Standby also meets the targets for \$[\d.,]+\/month less than Multi-site Active-Active/);
    expect(r.stdout).not.toContain('::error');
    expect(readFileSync(summary, 'utf8')).toMatch(/^## ✅ DR check passed: 1 of 1 workload passes\n/);
  });
});

describe('deterministic output with --pricing snapshot', () => {
  it('is byte-identical run to run in every format (JSON apart from generatedAt), and only JSON carries generatedAt', () => {
    const repo = makeRepo();
    const base = check(repo, ['-f', 'services/*/dr.yaml', '--pricing', 'snapshot', '--format', 'json']);
    writeFileSync(join(repo, 'baseline.json'), base.stdout);
    edit(join(repo, 'services/checkout/dr.yaml'), 'count: 2,', 'count: 3,');
    for (const format of ['json', 'markdown', 'github', 'table']) {
      const args = ['-f', 'services/*/dr.yaml', '--pricing', 'snapshot', '--format', format, '--baseline', 'baseline.json', '--strategy', 'warm-standby'];
      const a = check(repo, args);
      const b = check(repo, args);
      expect(a.status).toBe(b.status);
      if (format === 'json') {
        const strip = (s: string) => s.replace(/"generatedAt": "[^"]+"/, '"generatedAt": "X"');
        expect(a.stdout).toMatch(/"generatedAt": "\d{4}-\d\d-\d\dT/);
        expect(strip(a.stdout)).toBe(strip(b.stdout));
      } else {
        expect(a.stdout).toBe(b.stdout);
        expect(a.stdout).not.toMatch(/generatedAt|\d{4}-\d\d-\d\dT\d\d:/);
      }
    }
  });

  it('the table format has no colour codes when not on a TTY', () => {
    const repo = makePassingRepo({ checkout: 'web-app' });
    const r = check(repo, ['-f', 'services/*/dr.yaml', '--pricing', 'snapshot', '--format', 'table'], { NO_COLOR: undefined });
    expect(r.status).toBe(0);
    expect(r.stdout).not.toContain('\u001b[');
    expect(lines(r.stdout)[0]).toBe('DR check passed: 1 of 1 workload passes');
  });

  it('a file name holding terminal escapes is shown escaped in every format, never sent raw (issue 15)', () => {
    const repo = makeRepo({ checkout: 'web-app' });
    const evil = join(repo, 'services', 'checkout', 'a\u001b]0;PWNED\u0007\u001b[2Jb.yaml');
    writeFileSync(evil, readFileSync(join(repo, 'services', 'checkout', 'dr.yaml')));
    for (const format of ['table', 'markdown', 'github']) {
      const r = check(repo, ['-f', 'services/*/a*.yaml', '--pricing', 'snapshot', '--format', format, '--strategy', 'warm-standby']);
      expect(r.status).toBe(0);
      expect(r.stdout).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f]/);
      expect(r.stdout).toContain('a\\x1b]0;PWNED\\x07\\x1b[2Jb.yaml');
    }
  });

  it('a headline with no workload passing reads "the workload fails" / "all N workloads fail", not "0 of 1 workload pass"', () => {
    const repo = makeRepo({ checkout: 'web-app' });
    const one = check(repo, ['-f', 'services/*/dr.yaml', '--pricing', 'snapshot', '--format', 'table', '--rto', '1m']);
    expect(one.status).toBe(1);
    expect(lines(one.stdout)[0]).toBe('DR check failed: the workload fails');
    const repo3 = makeRepo();
    const all = check(repo3, ['-f', 'services/*/dr.yaml', '--pricing', 'snapshot', '--format', 'markdown', '--max-monthly-cost', '1']);
    expect(all.status).toBe(1);
    expect(lines(all.stdout)[0]).toBe('## ❌ DR check failed: all 3 workloads fail');
    expect(lines(all.stderr).at(-1)).toBe('error: check failed: 3 of 3 workloads break their DR targets (checkout, global-saas, orders-api)');
  });
});

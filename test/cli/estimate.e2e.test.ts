/** End-to-end: the built CLI, as a user runs it. */
import Ajv2020 from 'ajv/dist/2020.js';
import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli';

const tmp = () => mkdtempSync(join(tmpdir(), 'dr-advisor-'));

describe('estimate', () => {
  it('table: the four strategies, the recommendation, the pricing source and date', () => {
    const r = runCli(['estimate', '--example', 'web-app']);
    expect(r.status).toBe(0);
    for (const name of ['Backup & Restore', 'Pilot Light', 'Warm Standby', 'Multi-site Active-Active']) expect(r.stdout).toContain(name);
    // The no-DR baseline comes first; then the four strategies; the recommended drop-in variant (Global Accelerator
    // in front of the same active-active) is added as a row.
    const rows = r.stdout.split('\n').filter((l) => l.startsWith('│ ') && !l.startsWith('│ Strategy'));
    expect(rows.map((l) => l.split('│')[1].trim())).toEqual(['No DR (wait it out)', 'Backup & Restore', 'Pilot Light', 'Warm Standby', 'Multi-site Active-Active', '▶ Active-Active, Global Accelerator, global-write']);
    expect(r.stdout).toMatch(/Recommendation: Active-Active, Global Accelerator, global-write\. .*lowest total expected annual cost/);
    expect(r.stdout).toMatch(/Why not the others:\n  - Backup & Restore misses RTO \dh \d+m at 90% confidence > 1h target \(P\(RTO ≤ 1h\) = 0%\); RPO \d+h \d+m at 90% confidence > 15m target \(P\(RPO ≤ 15m\) = 0%\)\./);
    expect(r.stdout).toContain('RTO and RPO are medians of 10,000 Monte Carlo samples (seed 1), with the value at 90% confidence in brackets; a target is met when P(RTO ≤ target) and P(RPO ≤ target) reach 90%.');
    expect(r.stdout).toMatch(/Prices: bundled snapshot, data from \d{4}-\d{2}-\d{2} to \d{4}-\d{2}-\d{2}/);
    expect(r.stdout).not.toMatch(/\x1b\[/); // no colour: CI and NO_COLOR are set
    expect(r.stderr).toMatch(/snapshot/);
  });

  it('json: one document, schemaVersion 1, valid against `schema output`', () => {
    const r = runCli(['estimate', '--example', 'web-app', '--format', 'json']);
    expect(r.status).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc).toMatchObject({ schemaVersion: 1, currency: 'USD', pricing: { source: 'snapshot' } });
    expect(doc.strategies.map((s: { id: string }) => s.id)).toEqual(['backup-restore', 'pilot-light', 'warm-standby', 'active-active']);
    // the no-DR baseline is shown first, before the strategies, and is not one of them
    const keys = Object.keys(doc);
    expect(keys.indexOf('noDr')).toBe(keys.indexOf('strategies') - 1);
    expect(doc.noDr).toMatchObject({ id: 'no-dr', drMonthlyCost: 0, rpoSeconds: 0 });
    for (const s of doc.strategies) expect(s.rtoSeconds).toBe(s.rto.p50);
    expect(doc.strategies[1].lineItems[0].price).toHaveProperty('asOf');
    const schema = JSON.parse(runCli(['schema', 'output']).stdout);
    const ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: false });
    const validate = ajv.compile(schema);
    expect(validate(doc), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
    // money rounded to cents
    for (const s of doc.strategies) expect(Math.round(s.drMonthlyCost * 100) / 100).toBe(s.drMonthlyCost);
  });

  it('markdown: a review document with the comparison table and line items', () => {
    const r = runCli(['estimate', '--example', 'web-app', '--format', 'markdown']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^# DR assessment: checkout\n/);
    expect(r.stdout).toContain('| Strategy | DR cost/month |');
    expect(r.stdout).toContain('### Pilot Light: $');
  });

  it('--explain lists phases, line items and the assumptions with sources', () => {
    const r = runCli(['estimate', '--example', 'web-app', '--explain']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('restore Aurora cluster from snapshot copy (500 GB)');
    expect(r.stdout).toContain('auroraSnapshotRestoreMinutes');
    expect(r.stdout).toContain('data/reference/dr-model.md §5');
    expect(r.stdout).toContain('RTO = detect + decide + max(data branch, compute branch) + traffic shift + validate, drawn per sample');
    expect(r.stdout).toMatch(/typical values sum to 1h 50m, a reference only/); // B&R: 10 + 30 + 53 + 1.5 + 15 = 109.5 min
    expect(r.stdout).toMatch(/Expected annual cost \$[\d,]+ = 12 × DR cost \$4,622\.00 \+ expected loss/); // 12 × $385.17
  });

  it('overrides: --rto, --dr-region, --max-monthly-cost', () => {
    const r = runCli(['estimate', '--example', 'web-app', '--format', 'json', '--rto', '10m', '--dr-region', 'eu-west-1', '--max-monthly-cost', '300']);
    expect(r.status).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.workload.regions.dr).toBe('eu-west-1');
    expect(doc.targets).toMatchObject({ rtoSeconds: 600, maxMonthlyCost: 300 });
    expect(doc.recommendation.meetsTargets).toBe(false);
    expect(doc.recommendation.reason).toMatch(/^No strategy meets every target/);
  });

  it('--confidence judges every target at that confidence; a bad value is one error line', () => {
    const r = runCli(['estimate', '--example', 'web-app', '--format', 'json', '--confidence', '95%', '--samples', '2000']);
    expect(r.status).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.targets.confidence).toBe(0.95);
    for (const s of [...doc.strategies, ...doc.variants]) {
      expect(s.rto.confidence).toBe(0.95);
      expect(s.rto.atConfidence).toBeGreaterThanOrEqual(s.rto.p90);
      expect(s.violations.some((v: { target: string }) => v.target === 'rto')).toBe(s.rto.pMeetsTarget < 0.95);
    }
    const bad = runCli(['estimate', '--example', 'web-app', '--confidence', '0.2']);
    expect(bad.status).toBe(2);
    expect(bad.stderr.trim()).toBe('error: --confidence must be a confidence from 0.5 to 1, like 0.9 or 95% (got "0.2")');
  });

  it('a workload file in YAML and in JSON', () => {
    const d = tmp();
    const yaml = join(d, 'w.yaml');
    writeFileSync(yaml, 'regions: { primary: eu-central-1 }\ncompute: { instanceType: c5.large, count: 3 }\ndatabase: { engine: postgres, storageGb: 200 }\n');
    const a = runCli(['estimate', '-f', yaml, '--format', 'json']);
    expect(a.status, a.stderr).toBe(0);
    expect(JSON.parse(a.stdout).workload.regions.dr).toBe('eu-west-1');
    const json = join(d, 'w.json');
    writeFileSync(json, JSON.stringify({ regions: { primary: 'ap-northeast-2' }, compute: { instanceType: 't3.medium', count: 1 } }));
    expect(runCli(['estimate', '-f', json]).status).toBe(0);
  });
});

describe('bad input: one line on stderr, exit 2, no stack trace', () => {
  const cases: Array<[string[], string | RegExp, string?]> = [
    [['estimate'], 'error: no workload: give -f FILE or --example NAME (try `--example web-app`, or `dr-advisor init`)\n'],
    [['estimate', '--example', 'nope'], 'error: --example must be one of global-saas, serverless-dynamodb, web-app (got "nope")\n'],
    [['estimate', '--example', 'web-app', '--rto', 'soon'], 'error: --rto must be a duration like 90s, 15m, 4h or 1d (got "soon")\n'],
    [['estimate', '--example', 'web-app', '--dr-region', 'mars-1'], /^error: --dr-region must be a known commercial AWS region \(34 known, us-east-1 to ap-southeast-7\); nearest: [a-z0-9-]+, [a-z0-9-]+, [a-z0-9-]+ \(got "mars-1"\)\n$/],
    [['estimate', '--example', 'web-app', '--samples', '0'], 'error: --samples must be a whole number from 1 to 1000000 (got "0")\n'],
    [['estimate', '-f', '/nonexistent/w.yaml'], 'error: /nonexistent/w.yaml: cannot read the workload file: no such file or directory (ENOENT)\n'],
    [['estimate', '--example', 'web-app', '--format', 'xml'], /error: option '--format <format>' argument 'xml' is invalid\. Allowed choices are table, json, markdown\./],
  ];
  for (const [args, message] of cases) {
    it(args.join(' '), () => {
      const r = runCli(args);
      expect(r.status).toBe(2);
      if (typeof message === 'string') expect(r.stderr).toBe(message);
      else expect(r.stderr).toMatch(message);
      expect(r.stdout).toBe('');
      expect(r.stderr).not.toMatch(/\n\s+at /);
    });
  }

  it('a workload with a bad field names the field, the value and the rule', () => {
    const d = tmp();
    const f = join(d, 'w.yaml');
    writeFileSync(f, 'regions: { primary: us-east-1 }\ncompute: { instanceType: m5.large, count: -2 }\n');
    const r = runCli(['estimate', '-f', f]);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(`error: ${f}: compute.count must be a whole number ≥ 1 (got -2)\n`);
  });

  it('an unknown instance type names the nearest known ones', () => {
    const d = tmp();
    const f = join(d, 'w.yaml');
    writeFileSync(f, 'regions: { primary: us-east-1 }\ncompute: { instanceType: m5.lrge, count: 2 }\n');
    const r = runCli(['estimate', '-f', f]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^error: compute\.instanceType: unknown instance type "m5\.lrge"; nearest known: m5\.large, /);
  });

  it('invalid YAML says where', () => {
    const d = tmp();
    const f = join(d, 'w.yaml');
    writeFileSync(f, 'regions: { primary: us-east-1\ncompute: [\n');
    const r = runCli(['estimate', '-f', f]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(new RegExp(`^error: ${f.replace(/[.]/g, '\\.')}: not valid YAML at line \\d+, column \\d+`));
  });
});

describe('init, schema, version, help', () => {
  it('init writes a commented template that estimate accepts, and never overwrites without --force', () => {
    const d = tmp();
    const f = join(d, 'dr-workload.yaml');
    const a = runCli(['init', '-o', f]);
    expect(a.status).toBe(0);
    const text = readFileSync(f, 'utf8');
    expect(text).toContain('# number of application servers in the primary region');
    expect(text).toContain('  rto: 4h # recovery time objective, e.g. 1h\n');
    expect(text).toContain('  # maxMonthlyCost: 1500    # monthly DR budget in USD (optional)\n');
    expect(runCli(['estimate', '-f', f]).status).toBe(0);
    writeFileSync(f, 'mine');
    const b = runCli(['init', '-o', f]);
    expect(b.status).toBe(2);
    expect(b.stderr).toBe(`error: ${f} already exists; use --force to overwrite it\n`);
    expect(readFileSync(f, 'utf8')).toBe('mine');
    expect(runCli(['init', '-o', f, '--force', '--example', 'global-saas']).status).toBe(0);
    expect(readFileSync(f, 'utf8')).toContain('ap-northeast-1');
    expect(readdirSync(d)).toEqual(['dr-workload.yaml']);
  });

  it('init from every example round-trips through estimate', () => {
    for (const ex of ['web-app', 'serverless-dynamodb', 'global-saas']) {
      const f = join(tmp(), 'w.yaml');
      expect(runCli(['init', '--example', ex, '-o', f]).status).toBe(0);
      const a = JSON.parse(runCli(['estimate', '-f', f, '--format', 'json']).stdout);
      const b = JSON.parse(runCli(['estimate', '--example', ex, '--format', 'json']).stdout);
      expect(a.strategies.map((s: { drMonthlyCost: number }) => s.drMonthlyCost)).toEqual(b.strategies.map((s: { drMonthlyCost: number }) => s.drMonthlyCost));
    }
  });

  it('schema workload is a JSON Schema that accepts the examples', () => {
    const r = runCli(['schema', 'workload']);
    expect(r.status).toBe(0);
    const s = JSON.parse(r.stdout);
    expect(s.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(runCli(['schema', 'nope']).stderr).toBe('error: schema must be one of workload, output, check (got "nope")\n');
  });

  it('--version and --help', () => {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'));
    expect(runCli(['--version']).stdout.trim()).toBe(pkg.version);
    const h = runCli(['--help']);
    expect(h.status).toBe(0);
    for (const c of ['estimate', 'check', 'init', 'pricing', 'schema', 'wizard']) expect(h.stdout).toContain(c);
    expect(runCli(['estimate', '--help']).stdout).toContain('--max-monthly-cost <usd>');
  });

  it('no arguments and no terminal: short usage on stderr, exit 2, never waits', () => {
    const r = runCli([]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^usage: dr-advisor <command> \[options\]/);
    expect(existsSync('/nonexistent')).toBe(false);
  });
});

/**
 * `dr-advisor import terraform` and `estimate -f` / `check -f` on Terraform JSON, through the built CLI: stdout and
 * `-o` (no overwrite without --force, no temp file left), the summary on stderr, bad input as one line and exit 2,
 * every fixture (and its imported YAML) passing `estimate`, the multi-part ones with line items for each part, and a
 * few random plans.
 */
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { parse } from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { importTerraformText } from '../../src/import/terraform/index';
import { renderImportSummary, renderImportYaml } from '../../src/import/terraform/render';
import { runCli } from '../helpers/cli';
import { FIXTURES } from './helpers';

const dir = mkdtempSync(join(tmpdir(), 'dr-import-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const fx = (name: string) => join(FIXTURES, name);
const errorLines = (stderr: string) => stderr.split('\n').filter((l) => l.startsWith('error: '));

const SINGLE = ['web-app.plan.json', 'pilot-light-aurora.plan.json', 'active-active-dynamodb.plan.json', 'warm-standby.plan.json', 'legacy-0.12.plan.json', 'backup-restore.state.json', 'eks.state.json'];

describe('import terraform PLAN.json', () => {
  it('writes the commented workload to stdout and the summary to stderr, as the in-process import does', () => {
    const r = runCli(['import', 'terraform', fx('web-app.plan.json')]);
    expect(r.status).toBe(0);
    const expected = importTerraformText(readFileSync(fx('web-app.plan.json'), 'utf8'), { source: 'web-app.plan.json', name: 'web-app' });
    expect(r.stdout).toBe(renderImportYaml(expected));
    expect(r.stderr).toBe(renderImportSummary(expected.summary));
    expect(parse(r.stdout)).toMatchObject({ name: 'web-app', regions: { primary: 'us-east-1', dr: 'us-west-2' }, compute: { instanceType: 'm5.large', count: 4 } });
    expect(r.stderr).toContain('  12 resources skipped:\n');
  });

  it('names the workload after the file, or after its folder when the file is plan.json', () => {
    const target = join(mkdtempSync(join(dir, 'svc-')), 'plan.json');
    copyFileSync(fx('eks.state.json'), target);
    const r = runCli(['import', 'terraform', target]);
    expect(parse(r.stdout).name).toMatch(/^svc-/);
  });

  it('-o writes the file atomically, says so, and leaves nothing else; refuses to overwrite without --force', () => {
    const out = mkdtempSync(join(dir, 'out-'));
    const first = runCli(['import', 'terraform', fx('warm-standby.plan.json'), '-o', 'dr.yaml'], { cwd: out });
    expect(first.status).toBe(0);
    expect(first.stdout).toBe('');
    expect(first.stderr.endsWith('wrote dr.yaml; next: dr-advisor estimate -f dr.yaml\n')).toBe(true);
    expect(readdirSync(out)).toEqual(['dr.yaml']);
    expect(parse(readFileSync(join(out, 'dr.yaml'), 'utf8'))).toMatchObject({ strategy: 'warm-standby', operations: { warmStandbyCapacity: 0.33 } });

    writeFileSync(join(out, 'dr.yaml'), 'precious\n');
    const again = runCli(['import', 'terraform', fx('warm-standby.plan.json'), '-o', 'dr.yaml'], { cwd: out });
    expect(again.status).toBe(2);
    expect(again.stdout).toBe('');
    expect(again.stderr).toBe('error: dr.yaml already exists; use --force to overwrite it\n');
    expect(readFileSync(join(out, 'dr.yaml'), 'utf8')).toBe('precious\n');

    const forced = runCli(['import', 'terraform', fx('warm-standby.plan.json'), '-o', 'dr.yaml', '--force'], { cwd: out });
    expect(forced.status).toBe(0);
    expect(readFileSync(join(out, 'dr.yaml'), 'utf8')).toMatch(/^# dr-advisor workload, imported from warm-standby\.plan\.json/);
    expect(readdirSync(out)).toEqual(['dr.yaml']);
  });

  it.each([
    ['not JSON', 'main.tf', 'resource "aws_instance" "web" {}\n', /^error: main\.tf: not valid JSON \(.+\); expected the output of `terraform show -json`$/],
    ['JSON that is not Terraform', 'package.json', '{"name": "shop", "version": "1.0.0"}', /^error: package\.json: not Terraform plan or state JSON: no format_version; expected the JSON of `terraform show -json`/],
    ['an unsupported format_version', 'future.json', '{"format_version": "2.0", "planned_values": {}}', /^error: future\.json: Terraform JSON format_version 2\.0 is not supported \(dr-advisor reads 0\.1 to 1\.x; a new major version is not backward-compatible\)$/],
    ['a plan with no compute', 'empty.json', '{"format_version": "1.2", "planned_values": {}, "resource_changes": []}', /^error: empty\.json: no AWS resource in a region dr-advisor prices$/],
  ])('%s → one error line, exit 2, nothing on stdout', (_what, name, content, message) => {
    writeFileSync(join(dir, name), content);
    const r = runCli(['import', 'terraform', name], { cwd: dir });
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(r.stderr.trimEnd()).toMatch(message);
  });

  it('a missing file, a directory, an unknown source: one line, exit 2', () => {
    const missing = runCli(['import', 'terraform', 'nope.json'], { cwd: dir });
    expect([missing.status, missing.stderr]).toEqual([2, 'error: nope.json: no such file or directory (ENOENT)\n']);
    const folder = runCli(['import', 'terraform', '.'], { cwd: dir });
    expect([folder.status, folder.stderr]).toEqual([2, 'error: .: is a directory, not a regular file\n']);
    const other = runCli(['import', 'cloudformation', 'x.json'], { cwd: dir });
    expect(other.status).toBe(2);
  });
});

describe('estimate -f / check -f take the JSON of terraform show -json directly', () => {
  it.each(SINGLE)('estimate -f %s exits 0, as does estimate -f on the YAML it imports to', (file) => {
    const plan = runCli(['estimate', '-f', fx(file), '--samples', '100', '--format', 'json']);
    expect(plan.stderr).not.toMatch(/^error:/m);
    expect(plan.status).toBe(0);
    const report = JSON.parse(plan.stdout);
    expect(plan.stderr).toContain(`warning: ${file}: workload imported from a Terraform `);
    const out = join(mkdtempSync(join(dir, 'yaml-')), 'dr.yaml');
    expect(runCli(['import', 'terraform', fx(file), '-o', out]).status).toBe(0);
    const yaml = runCli(['estimate', '-f', out, '--samples', '100', '--format', 'json']);
    expect(yaml.stderr).not.toMatch(/^error:/m);
    expect(yaml.status).toBe(0);
    // The plan and its imported YAML are the same workload: the same DR costs for every strategy.
    const costs = (j: { strategies: { id: string; drMonthlyCost: number }[] }) => j.strategies.map((s) => [s.id, s.drMonthlyCost]);
    expect(costs(JSON.parse(yaml.stdout))).toEqual(costs(report));
  });

  // Plans of several tiers and data stores (issue 14): estimated end to end, each part on its own line items.
  const MULTI: Array<[string, string[], string[]]> = [
    ['multi-part.plan.json', ['web', 'workers'], ['orders', 'sessions']],
    ['mixed-actions.plan.json', ['app', 'blue', 'canary', 'steady'], []],
  ];
  it.each(MULTI)('estimate -f %s: exit 0, line items for every part, the same DR costs from its imported YAML', (file, tiers, stores) => {
    const plan = runCli(['estimate', '-f', fx(file), '--samples', '200', '--format', 'json']);
    expect(plan.stderr).not.toMatch(/^error:/m);
    expect(plan.status).toBe(0);
    const report = JSON.parse(plan.stdout);
    expect(report.workload.compute.map((t: { name: string }) => t.name)).toEqual(tiers);
    const parts = (items: { part?: string }[]) => new Set(items.map((i) => i.part).filter(Boolean));
    expect([...parts(report.primaryLineItems)].sort()).toEqual([...tiers, ...stores].sort());
    for (const s of report.strategies) {
      // Every strategy keeps each tier's AMIs or servers and each store's copy in the DR region.
      expect([...parts(s.lineItems)].sort(), s.id).toEqual([...tiers, ...stores].sort());
    }
    const out = join(mkdtempSync(join(dir, 'multi-')), 'dr.yaml');
    expect(runCli(['import', 'terraform', fx(file), '-o', out]).status).toBe(0);
    const yaml = runCli(['estimate', '-f', out, '--samples', '200', '--format', 'json']);
    expect(yaml.status).toBe(0);
    const costs = (j: { strategies: { id: string; drMonthlyCost: number; lineItems: unknown[] }[] }) => j.strategies.map((s) => [s.id, s.drMonthlyCost, s.lineItems]);
    expect(costs(JSON.parse(yaml.stdout))).toEqual(costs(report));
    // The table names the parts too.
    const table = runCli(['estimate', '-f', fx(file), '--samples', '200', '--explain']);
    expect(table.status).toBe(0);
    expect(table.stdout).toContain(`App servers (${tiers[0]}, `);
  });

  it('check -f a multi-part plan gates like any workload', () => {
    const r = runCli(['check', '-f', fx('multi-part.plan.json'), '--rto', '4h', '--rpo', '1d', '--format', 'json']);
    expect(r.stderr).not.toMatch(/^error:/m);
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).workloads[0]).toMatchObject({ name: 'multi-part', file: fx('multi-part.plan.json'), strategy: 'backup-restore', strategySource: 'recommended', pass: true });
    // Backup & Restore restores orders and sessions in parallel: hours, so a 30 min RTO fails whatever is recommended.
    expect(runCli(['check', '-f', fx('multi-part.plan.json'), '--strategy', 'backup-restore', '--rto', '30m']).status).toBe(1);
  });

  it('check -f plan.json gates on flag targets; the workload keeps the plan as its file', () => {
    const r = runCli(['check', '-f', fx('pilot-light-aurora.plan.json'), '--rto', '1h', '--rpo', '15m', '--format', 'json']);
    expect(r.status).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j.workloads[0]).toMatchObject({ name: 'pilot-light-aurora', file: fx('pilot-light-aurora.plan.json'), strategy: 'pilot-light', strategySource: 'workload', pass: true });
    const tight = runCli(['check', '-f', fx('pilot-light-aurora.plan.json'), '--rto', '5m', '--format', 'github']);
    expect(tight.status).toBe(1);
    expect(tight.stdout).toContain(`::error file=${fx('pilot-light-aurora.plan.json')}`);
  });

  it('an unsupported format_version given to estimate -f is one error line too', () => {
    writeFileSync(join(dir, 'v2.json'), '{"format_version": "2.1", "values": {"root_module": {}}}');
    const r = runCli(['estimate', '-f', 'v2.json'], { cwd: dir });
    expect(r.status).toBe(2);
    expect(errorLines(r.stderr)).toEqual(['error: v2.json: Terraform JSON format_version 2.1 is not supported (dr-advisor reads 0.1 to 1.x; a new major version is not backward-compatible)']);
  });

  it('a JSON workload file is still read as a workload', () => {
    writeFileSync(join(dir, 'w.json'), JSON.stringify({ version: 1, regions: { primary: 'us-east-1' }, compute: { instanceType: 'm5.large', count: 2 } }));
    const r = runCli(['estimate', '-f', 'w.json', '--samples', '100', '--format', 'json'], { cwd: dir });
    expect(r.status).toBe(0);
    expect(r.stderr).not.toContain('imported');
  });
});

describe('the gate straight from terraform show -json (examples/github-actions/dr-check.yml, commented variant)', () => {
  it('the documented command runs on a plan file', () => {
    const workflow = readFileSync(new URL('../../examples/github-actions/dr-check.yml', import.meta.url), 'utf8');
    const line = workflow.split('\n').find((l) => /^#\s+dr-advisor check -f plan\.json /.test(l));
    expect(line).toBeDefined();
    const args = line!.replace(/^#\s+dr-advisor /, '').split(/\s+/).filter(Boolean);
    const work = mkdtempSync(join(dir, 'gate-'));
    copyFileSync(fx('web-app.plan.json'), join(work, 'plan.json'));
    const r = runCli(args, { cwd: work, env: { DR_ADVISOR_PRICING: undefined, DR_ADVISOR_CACHE_DIR: join(work, 'cache') } });
    expect([0, 1]).toContain(r.status);
    expect(r.stdout).toMatch(/^## (✅|❌) DR check/m);
  });
});

describe('random plans through the CLI', () => {
  it('exit 0 with a workload on stdout, or exit 2 with one error line', () => {
    const types = ['aws_instance', 'aws_autoscaling_group', 'aws_db_instance', 'aws_dynamodb_table', 'aws_s3_bucket', 'aws_lambda_function', 'random_id'];
    const res = fc.record({ type: fc.constantFrom(...types), after: fc.dictionary(fc.constantFrom('instance_type', 'desired_capacity', 'engine', 'instance_class', 'region'), fc.oneof(fc.constantFrom('m5.large', 'mysql', 'db.m5.large', 'us-east-1', 3), fc.jsonValue({ maxDepth: 1 }))) });
    fc.assert(
      fc.property(fc.array(res, { maxLength: 6 }), fc.constantFrom('1.2', '0.1', '3.0'), (resources, format) => {
        const doc = {
          format_version: format,
          planned_values: {},
          resource_changes: resources.map((r, i) => ({ address: `${r.type}.r${i}`, mode: 'managed', type: r.type, name: `r${i}`, provider_name: `registry.terraform.io/hashicorp/${r.type.split('_')[0]}`, change: { actions: ['create'], before: null, after: r.after, after_unknown: {} } })),
          configuration: { provider_config: { aws: { name: 'aws', expressions: { region: { constant_value: 'eu-west-1' } } } } },
        };
        const file = join(dir, 'fuzz.json');
        writeFileSync(file, JSON.stringify(doc));
        const r = runCli(['import', 'terraform', file]);
        expect([0, 2]).toContain(r.status);
        if (r.status === 0) expect(parse(r.stdout)).toHaveProperty('compute');
        else {
          expect(r.stdout).toBe('');
          expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
          expect(r.stderr).toMatch(/^error: /);
        }
      }),
      { numRuns: 8, seed: 20261202 },
    );
  });
});

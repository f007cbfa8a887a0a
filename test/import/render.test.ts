/**
 * The commented YAML of an import and the stderr summary: the YAML parses back to exactly the imported workload,
 * comments sit on the fields they describe, nothing depends on the date, and skipped resources are grouped.
 */
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { importOneLine, renderImportSummary, renderImportYaml } from '../../src/import/terraform/render';
import { impFixture } from './helpers';

describe('the workload YAML', () => {
  const r = impFixture('multi-part.plan.json', 'media');
  const text = renderImportYaml(r);

  it('parses back to the imported workload (comments aside)', () => {
    expect(parse(text)).toEqual(r.workload);
  });

  it('is deterministic: the same text for the same input, no date', () => {
    expect(renderImportYaml(impFixture('multi-part.plan.json', 'media'))).toBe(text);
    expect(text).not.toMatch(/20\d\d-\d\d-\d\d/);
  });

  it('opens with a header naming the plan file and its format', () => {
    expect(text.split('\n').slice(0, 3)).toEqual([
      '# dr-advisor workload, imported from multi-part.plan.json by `dr-advisor import terraform`',
      '# (Terraform plan, format 1.2, Terraform 1.9.8).',
      '# Values marked DEFAULT were not read from the plan: measure them and edit this file. Fields left out take',
    ]);
  });

  it('puts each comment above its field, list items included, lines at most 118 characters', () => {
    const lines = text.split('\n');
    const before = (line: string) => lines[lines.indexOf(line) - 1];
    expect(before('  - name: workers')).toBe('  # from aws_instance.workers: 2 × c5.xlarge');
    expect(before('    storageGb: 100')).toBe('    # Measure: CloudWatch VolumeBytesUsed (AWS/RDS, per DB cluster).');
    expect(before('dataChangeGbPerDay: 10')).toBe('# snapshots.');
    expect(lines.every((l) => l.length <= 118)).toBe(true);
  });

  it('ends with the targets and business costs a plan cannot give, commented out', () => {
    expect(text.trimEnd().split('\n').slice(-3)).toEqual([
      '#   business: what an hour of downtime and an hour of lost data cost, for the expected annual loss, e.g.',
      '#     business: { downtimeCostPerHour: 20000, dataLossCostPerHour: 5000 }',
      '# `dr-advisor check` flags (--rto, --rpo, --max-monthly-cost) set targets without editing this file.',
    ]);
    expect(parse(text).targets).toBeUndefined();
  });

  it('the single-part form writes the comment of the only tier on `compute`', () => {
    const one = renderImportYaml(impFixture('warm-standby.plan.json', 'shop'));
    expect(one).toContain('# from module.app.module.web.aws_autoscaling_group.web: 6 × c5.xlarge\ncompute:\n  instanceType: c5.xlarge\n');
    expect(one).toContain("# inferred from the plan: eu-central-1 runs 2 of the primary's 6 instances (capacity 0.33); data: RDS cross-region\n# read replica\nstrategy: warm-standby\n");
  });
});

describe('the summary on stderr', () => {
  it('groups skipped resources by reason, by type like Infracost, and lists the read and defaulted values', () => {
    const text = renderImportSummary(impFixture('web-app.plan.json', 'checkout').summary);
    expect(text).toBe(
      [
        'Imported web-app.plan.json (Terraform plan, format 1.2, Terraform 1.9.8): 18 resources',
        '  read: 6',
        '    ∙ aws_autoscaling_group.web → compute tier web (4 × m5.large)',
        '    ∙ aws_db_instance.main → data store main (postgres db.m5.large)',
        '    ∙ aws_launch_template.web → launch settings of a compute tier',
        '    ∙ aws_lb.web → load balancer (ALB)',
        '    ∙ aws_route53_record.www → DNS (Route 53)',
        '    ∙ aws_s3_bucket.assets → object storage (S3)',
        '  defaulted, not in the plan (measure and edit): 2',
        '    ∙ objectStorage.storageGb = 100: 1 S3 bucket × 100 GB, a placeholder per bucket (bucket sizes are not in the plan); measure: S3 Storage Lens or CloudWatch BucketSizeBytes (AWS/S3, daily, per storage class)',
        "    ∙ dataChangeGbPerDay = 10: dr-advisor's dataChangeGbPerDay default (a plan holds no change rate); measure: CloudWatch WriteThroughput of the database (bytes/s × 86,400), or the size of a day of incremental snapshots",
        '  12 resources skipped:',
        '    ∙ 8 with no cost of their own (configuration):',
        '        ∙ 2 x aws_subnet',
        '        ∙ 1 x aws_iam_role',
        '        ∙ 1 x aws_lb_listener',
        '        ∙ 1 x aws_lb_target_group',
        '        ∙ 1 x aws_s3_bucket_versioning',
        '        ∙ 1 x aws_security_group',
        '        ∙ 1 x aws_vpc',
        '    ∙ 1 not modelled by dr-advisor:',
        '        ∙ 1 x aws_cloudwatch_metric_alarm',
        '    ∙ 1 from another provider:',
        '        ∙ 1 x random_id',
        '    ∙ 1 data source:',
        '        ∙ 1 x data.aws_ami',
        '    ∙ 1 deleted by the plan:',
        '        ∙ aws_instance.legacy: destroyed by this plan',
        '  notes:',
        "    ∙ regions.dr us-west-2: only us-east-1 is in the plan: us-west-2 is dr-advisor's default DR region for us-east-1 (the usual partner in the same geography; the rule is defaultDr in src/model/regions.ts)",
        '    ∙ no strategy: no DR posture in the plan (nothing runs, is replicated or copied outside the primary region): `check` uses the recommended strategy',
        '',
      ].join('\n'),
    );
  });

  it('a resource skipped for a specific reason is listed on its own within its group', () => {
    const text = renderImportSummary(impFixture('backup-restore.state.json').summary);
    expect(text).toContain(
      '    ∙ 2 not modelled by dr-advisor:\n        ∙ 1 x aws_nat_gateway\n        ∙ aws_db_instance.erp: engine sqlserver-se is not modelled (dr-advisor models MySQL, PostgreSQL, MariaDB as MySQL, Aurora and DynamoDB)\n',
    );
  });

  it('one line for estimate/check -f plan.json', () => {
    expect(importOneLine(impFixture('web-app.plan.json').summary)).toBe(
      'web-app.plan.json: workload imported from a Terraform plan, format 1.2, Terraform 1.9.8; 2 values defaulted (not in the plan), 12 resources skipped; `dr-advisor import terraform web-app.plan.json` shows them',
    );
  });
});

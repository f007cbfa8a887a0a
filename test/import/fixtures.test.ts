/**
 * The realistic fixtures (test/fixtures/terraform, written by generate.mjs to Terraform's JSON format), imported:
 * the whole workload written for each, computed by hand from the resources in the file, and what was skipped.
 */
import { describe, expect, it } from 'vitest';
import { validateWorkload } from '../../src/workload/validate';
import { fixture, imp } from './helpers';

const skippedOf = (r: ReturnType<typeof imp>) => r.summary.skipped.map((s) => `${s.reason} ${s.address}`).sort();
const defaultedOf = (r: ReturnType<typeof imp>) => r.summary.defaulted.map((d) => `${d.field}=${d.value}`);
const manual = { detection: 'manual', failoverDecision: 'manual' } as const;

describe('single-region web app (plan format 1.2, Terraform 1.9)', () => {
  const r = imp(fixture('web-app.plan.json'), 'checkout');
  it('reads the ASG through its launch template reference, RDS, S3 and the ALB; the DR region by the pair rule', () => {
    expect(r.workload).toEqual({
      version: 1,
      name: 'checkout',
      regions: { primary: 'us-east-1', dr: 'us-west-2' },
      // aws_autoscaling_group.web desired_capacity 4; aws_launch_template.web (id unknown, linked by reference):
      // m5.large, one 40 GB mapping.
      compute: { instanceType: 'm5.large', count: 4, ebsGbPerInstance: 40 },
      database: { engine: 'postgres', instanceClass: 'db.m5.large', storageGb: 200, multiAz: true },
      objectStorage: { storageGb: 100 }, // 1 bucket × 100 GB placeholder
      dataChangeGbPerDay: 10,
      // The alias to aws_lb.web: Route 53's fixed 60 s TTL for ELB aliases.
      network: { loadBalancer: 'alb', dnsTtlSeconds: 60 },
      operations: { ...manual, pointInTimeRecovery: true },
    });
    expect(r.workload.strategy).toBeUndefined();
  });
  it('skips the deleted instance, the data source, random_id, configuration and the unmodelled alarm', () => {
    expect(skippedOf(r)).toEqual([
      'data-source data.aws_ami.al2023',
      'deleted aws_instance.legacy',
      'no-cost aws_iam_role.app',
      'no-cost aws_lb_listener.https',
      'no-cost aws_lb_target_group.web',
      'no-cost aws_s3_bucket_versioning.assets',
      'no-cost aws_security_group.web',
      'no-cost aws_subnet.public[0]',
      'no-cost aws_subnet.public[1]',
      'no-cost aws_vpc.main',
      'not-modelled aws_cloudwatch_metric_alarm.cpu',
      'other-provider random_id.suffix',
    ]);
    expect(defaultedOf(r)).toEqual(['objectStorage.storageGb=100', 'dataChangeGbPerDay=10']);
    expect(r.summary.resources).toBe(18);
    expect(r.summary.read.map((x) => x.address)).toEqual([
      'aws_autoscaling_group.web',
      'aws_db_instance.main',
      'aws_launch_template.web',
      'aws_lb.web',
      'aws_route53_record.www',
      'aws_s3_bucket.assets',
    ]);
    // Every instance is read or skipped, once.
    expect(r.summary.read.reduce((s, x) => s + x.instances, 0) + r.summary.skipped.length).toBe(r.summary.resources);
  });
  it('says how the DR region was chosen', () => {
    expect(r.summary.notes[0]).toBe(
      "regions.dr us-west-2: only us-east-1 is in the plan: us-west-2 is dr-advisor's default DR region for us-east-1 (the usual partner in the same geography; the rule is defaultDr in src/model/regions.ts)",
    );
  });
});

describe('pilot light with an Aurora global database (plan format 1.1, Terraform 1.2)', () => {
  const r = imp(fixture('pilot-light-aurora.plan.json'), 'orders');
  it('regions from variables through the default provider and the aws.dr alias passed into a module', () => {
    expect(r.workload.regions).toEqual({ primary: 'us-east-2', dr: 'us-west-2' });
  });
  it('the primary cluster (master_username set) is the store; the us-west-2 member is the secondary → pilot light', () => {
    expect(r.workload).toMatchObject({
      strategy: 'pilot-light',
      compute: { instanceType: 'm6i.large', count: 3, ebsGbPerInstance: 30 },
      // Writer: module.primary.aws_rds_cluster_instance.db[0] (promotion tier 0), 2 instances → multiAz.
      database: { engine: 'aurora-postgresql', instanceClass: 'db.r6g.xlarge', storageGb: 100, multiAz: true },
      network: { loadBalancer: 'alb', failoverRouting: 'route53', dnsTtlSeconds: 60 },
      operations: { detection: 'automated', failoverDecision: 'automated', pointInTimeRecovery: true },
    });
    expect(r.comments.strategy).toBe(
      'inferred from the plan: the data is replicated continuously to us-west-2 (Aurora global database secondary) and no compute runs there (its compute is scaled to zero)',
    );
    expect(r.summary.read.find((x) => x.address === 'module.dr.aws_rds_cluster.db')?.as).toBe('DR posture: Aurora global secondary in us-west-2');
    expect(r.summary.read.find((x) => x.address === 'module.dr.aws_autoscaling_group.app')?.as).toBe('DR posture: 0 × m6i.large in us-west-2');
    expect(skippedOf(r)).toEqual([]);
    expect(defaultedOf(r)).toEqual(['database.storageGb=100', 'dataChangeGbPerDay=10']);
  });
});

describe('active-active, DynamoDB global table in 3 regions behind latency records (plan format 1.2, Terraform 1.6)', () => {
  const r = imp(fixture('active-active-dynamodb.plan.json'), 'api');
  it('full-size compute in every region + latency routing → active-active; primary = the table’s region', () => {
    expect(r.workload).toMatchObject({
      strategy: 'active-active',
      // 4 instances in each region: the tie goes to the region of the writer data store (the table), then the other
      // two alphabetically.
      regions: { primary: 'us-east-1', dr: 'ap-northeast-1', additional: ['eu-west-1'] },
      compute: { instanceType: 'c6i.xlarge', count: 4, ebsGbPerInstance: 50 },
      database: { engine: 'dynamodb', storageGb: 100, writesPerSecond: 0, readsPerSecond: 0 },
      network: { loadBalancer: 'alb', failoverRouting: 'route53' },
      operations: { detection: 'automated', failoverDecision: 'automated', pointInTimeRecovery: true },
      activeActive: { writePattern: 'global-write' },
    });
    expect(defaultedOf(r)).toEqual(['database.storageGb=100', 'database.writesPerSecond=0', 'database.readsPerSecond=0', 'dataChangeGbPerDay=10']);
    expect(r.summary.notes[1]).toBe(
      'strategy active-active: us-east-1, ap-northeast-1, eu-west-1 each run full-size compute (4 instances) and Route 53 latency/weighted records send traffic to all of them; data: DynamoDB global table replica',
    );
  });
});

describe('warm standby (plan format 1.0, Terraform 1.1): nested modules, a provider declared inside a module', () => {
  const r = imp(fixture('warm-standby.plan.json'), 'shop');
  it('the DR region from module.dr_site’s own provider (var.region ← var.dr_region); 2 of 6 instances → 0.33', () => {
    expect(r.workload).toEqual({
      version: 1,
      name: 'shop',
      strategy: 'warm-standby',
      regions: { primary: 'eu-west-1', dr: 'eu-central-1' },
      // module.app.module.web.aws_autoscaling_group.web: 6 × c5.xlarge from its launch configuration (root 30 GB).
      compute: { instanceType: 'c5.xlarge', count: 6, ebsGbPerInstance: 30 },
      database: { engine: 'mysql', instanceClass: 'db.r5.large', storageGb: 500, multiAz: true },
      dataChangeGbPerDay: 10,
      network: { loadBalancer: 'alb', failoverRouting: 'route53', dnsTtlSeconds: 30 },
      operations: { detection: 'automated', failoverDecision: 'automated', pointInTimeRecovery: true, warmStandbyCapacity: 0.33 },
    });
    // The replica's source is passed into the module (source_db_arn = aws_db_instance.main.arn): a cross-region replica.
    expect(r.summary.read.find((x) => x.address === 'module.dr_site.aws_db_instance.replica')?.as).toBe('DR posture: RDS read replica in eu-central-1');
  });
});

describe('two EC2 tiers + Aurora + DynamoDB (plan format 1.2): the multi-part form', () => {
  const r = imp(fixture('multi-part.plan.json'), 'media');
  it('lists tiers and data stores with names from the resources', () => {
    expect(r.workload.compute).toEqual([
      { name: 'web', instanceType: 'm5.large', count: 4, ebsGbPerInstance: 50 },
      // 2 workers × (30 GB root + a 200 GB attached aws_ebs_volume each) / 2 = 230 GB per instance.
      { name: 'workers', instanceType: 'c5.xlarge', count: 2, ebsGbPerInstance: 230 },
    ]);
    expect(r.workload.database).toEqual([
      { name: 'orders', engine: 'aurora-postgresql', instanceClass: 'db.r6g.large', storageGb: 100, multiAz: true },
      { name: 'sessions', engine: 'dynamodb', storageGb: 100, writesPerSecond: 100, readsPerSecond: 400 },
    ]);
    expect(r.parts).toEqual({ tiers: r.workload.compute, stores: r.workload.database });
    expect(r.workload.regions).toEqual({ primary: 'eu-west-1', dr: 'eu-central-1' });
    expect(r.workload.objectStorage).toEqual({ storageGb: 100 });
    expect(defaultedOf(r)).toEqual(['database[0].storageGb=100', 'database[1].storageGb=100', 'objectStorage.storageGb=100', 'dataChangeGbPerDay=10']);
    expect(skippedOf(r)).toEqual([]);
  });
});

describe('Terraform 0.12 (plan format 0.1): bare provider names, "app:aws" provider keys', () => {
  const r = imp(fixture('legacy-0.12.plan.json'), 'legacy');
  it('the region from var.aws_region through the root provider; root volumes defaulted', () => {
    expect(r.workload).toMatchObject({
      regions: { primary: 'ap-southeast-1', dr: 'ap-northeast-1' },
      compute: { instanceType: 't3.large', count: 2, ebsGbPerInstance: 50 },
      database: { engine: 'mysql', instanceClass: 'db.t3.medium', storageGb: 100, multiAz: false },
      operations: { ...manual, pointInTimeRecovery: false },
    });
    expect(defaultedOf(r)).toEqual(['compute.ebsGbPerInstance=50', 'dataChangeGbPerDay=10']);
  });
});

describe('a state (format 1.0, Terraform 1.5): regions from ARNs and S3 region attributes', () => {
  const r = imp(fixture('backup-restore.state.json'), 'docs');
  it('S3 replication and an AWS Backup copy to us-east-1 → backup and restore; MariaDB as MySQL; SQL Server skipped', () => {
    expect(r.workload).toEqual({
      version: 1,
      name: 'docs',
      strategy: 'backup-restore',
      regions: { primary: 'us-west-2', dr: 'us-east-1' },
      compute: { instanceType: 'm6i.large', count: 1, ebsGbPerInstance: 20 },
      database: { engine: 'mysql', instanceClass: 'db.m5.large', storageGb: 50, multiAz: false },
      objectStorage: { storageGb: 100 }, // acme-docs only: the replica bucket is the replication destination
      dataChangeGbPerDay: 10,
      network: { loadBalancer: 'none' },
      operations: { ...manual, backupIntervalHours: 24, pointInTimeRecovery: true },
    });
    expect(skippedOf(r)).toEqual([
      'data-source module.network.data.aws_availability_zones.available',
      'data-source data.aws_caller_identity.current',
      'no-cost aws_backup_selection.all',
      'no-cost module.network.aws_vpc.main',
      'not-modelled aws_db_instance.erp',
      'not-modelled module.network.aws_nat_gateway.main',
    ].sort());
    expect(r.summary.skipped.find((s) => s.address === 'aws_db_instance.erp')?.detail).toBe(
      'engine sqlserver-se is not modelled (dr-advisor models MySQL, PostgreSQL, MariaDB as MySQL, Aurora and DynamoDB)',
    );
    expect(r.summary.notes).toContain('data store reporting: MariaDB is priced and timed as RDS for MySQL (RDS lists the same On-Demand instance prices for both)');
  });
});

describe('a state (format 0.2, Terraform 1.0): EKS node group and provisioned DynamoDB', () => {
  const r = imp(fixture('eks.state.json'), 'platform');
  it('reads the node group and the table; the EKS cluster and random_pet are skipped', () => {
    expect(r.workload).toMatchObject({
      regions: { primary: 'eu-central-1', dr: 'eu-west-1' },
      compute: { instanceType: 'm5.large', count: 3, ebsGbPerInstance: 50 },
      database: { engine: 'dynamodb', storageGb: 100, writesPerSecond: 20, readsPerSecond: 20 },
      operations: { ...manual, pointInTimeRecovery: false },
    });
    expect(skippedOf(r)).toEqual(['not-modelled aws_eks_cluster.main', 'other-provider random_pet.suffix']);
  });
});

describe('mixed actions (plan format 0.2, Terraform 1.0)', () => {
  const r = imp(fixture('mixed-actions.plan.json'), 'fleet');
  it('update, both replace orders and no-op are in the workload (the after values); create-unknown, delete and deposed are not', () => {
    expect(r.workload.compute).toEqual([
      { name: 'app', instanceType: 'm5.xlarge', count: 1, ebsGbPerInstance: 20 }, // updated from m5.large
      { name: 'blue', instanceType: 'c5.large', count: 1, ebsGbPerInstance: 20 },
      { name: 'canary', instanceType: 'c5.large', count: 1, ebsGbPerInstance: 20 },
      { name: 'steady', instanceType: 'm5.large', count: 1, ebsGbPerInstance: 20 },
    ]);
    expect(r.workload.database).toBeUndefined();
    expect(r.summary.skipped.map((s) => [s.reason, s.address, s.detail ?? ''])).toEqual(
      expect.arrayContaining([
        ['unknown', 'aws_instance.batch', 'instance_type is unknown until apply'],
        ['deleted', 'aws_instance.old', 'destroyed by this plan'],
        ['deleted', 'aws_instance.canary', 'a deposed object (0f1e2d3c), destroyed by this plan'],
        ['other-provider', 'google_compute_instance.etl', 'provider google'],
        ['other-provider', 'google_storage_bucket.exports', 'provider google'],
        ['other-provider', 'random_id.suffix', 'provider random'],
        ['data-source', 'data.aws_ssm_parameter.batch_type', 'a data source reads existing infrastructure'],
        ['data-source', 'data.aws_region.current', 'a data source reads existing infrastructure'],
      ]),
    );
    expect(r.summary.skipped).toHaveLength(8);
  });
});

describe('every single-part import is a valid workload today', () => {
  it.each(['web-app.plan.json', 'pilot-light-aurora.plan.json', 'active-active-dynamodb.plan.json', 'warm-standby.plan.json', 'legacy-0.12.plan.json', 'backup-restore.state.json', 'eks.state.json'])(
    '%s',
    (file) => {
      const r = imp(fixture(file));
      const w = validateWorkload(r.workload, file);
      expect(w.tiers[0].count).toBeGreaterThan(0);
    },
  );
});

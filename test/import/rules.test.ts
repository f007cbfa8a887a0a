/**
 * Each import rule on a small hand-written plan, with the expected value worked out by hand.
 */
import { describe, expect, it } from 'vitest';
import { cronIntervalHours } from '../../src/import/terraform/collect';
import { planWorkloadName } from '../../src/cli/terraform-input';
import { partName, workloadName } from '../../src/import/terraform/index';
import { imp, k, planOf, ref, web, type Res } from './helpers';

const only = (resources: Res[], extra: Partial<Parameters<typeof planOf>[0]> = {}) => imp(planOf({ ...extra, resources }));
const skipOf = (r: ReturnType<typeof imp>, address: string) => r.summary.skipped.find((s) => s.address === address);

describe('compute tiers', () => {
  it('aws_instance: instance_type, root + EBS block devices; count instances form one tier', () => {
    const r = only([0, 1, 2].map((i) => web({ index: i, after: { instance_type: 'm5.large', root_block_device: [{ volume_size: 30 }], ebs_block_device: [{ volume_size: 100 }, { volume_size: 20 }] } })));
    expect(r.workload.compute).toEqual({ instanceType: 'm5.large', count: 3, ebsGbPerInstance: 150 });
  });

  it('aws_instance: a root volume unknown until apply is the marked 50 GB default, plus the known EBS volumes', () => {
    const r = only([web({ after: { instance_type: 'm5.large', root_block_device: [], ebs_block_device: [{ volume_size: 10 }] }, unknown: { root_block_device: true } })]);
    expect(r.workload.compute).toEqual({ instanceType: 'm5.large', count: 1, ebsGbPerInstance: 60 });
    expect(r.summary.defaulted[0]).toMatchObject({ field: 'compute.ebsGbPerInstance', value: 60 });
    expect(r.comments['compute.ebsGbPerInstance']).toMatch(/^DEFAULT, not read from the plan: the root volume size is not in the plan: 50 GB each/);
  });

  it('aws_instance: instance_type unknown at plan time → skipped with the reason (and no compute → one error)', () => {
    const doc = planOf({ resources: [web({ after: {}, unknown: { instance_type: true } })] });
    expect(() => imp(doc)).toThrow('plan.json: no compute tier could be read (aws_instance.web: instance_type is unknown until apply) (1 resource skipped; `dr-advisor import terraform` lists them)');
  });

  it('aws_autoscaling_group: desired_capacity, else min_size; the launch template linked by reference', () => {
    const lt: Res = { type: 'aws_launch_template', name: 'app', after: { instance_type: 'c5.large', block_device_mappings: [{ ebs: [{ volume_size: 25 }] }, { ebs: [{ volume_size: 75 }] }] }, unknown: { id: true } };
    const group = (desired: number | null, unknown = {}): Res => ({
      type: 'aws_autoscaling_group',
      name: 'app',
      after: { desired_capacity: desired, min_size: 2, max_size: 10, launch_template: [{ version: '$Latest' }] },
      unknown: { launch_template: [{ id: true }], ...unknown },
      expressions: { launch_template: [{ id: ref('aws_launch_template.app.id', 'aws_launch_template.app') }] },
    });
    expect(only([lt, group(5)]).workload.compute).toEqual({ instanceType: 'c5.large', count: 5, ebsGbPerInstance: 100 });
    expect(only([lt, group(null)]).workload.compute).toMatchObject({ count: 2 });
    expect(only([lt, group(7, { desired_capacity: true })]).workload.compute).toMatchObject({ count: 2 });
  });

  it('aws_autoscaling_group: a launch template matched by its known id (no configuration, as in a state)', () => {
    const doc = planOf({
      resources: [
        { type: 'aws_launch_template', name: 'app', actions: ['no-op'], after: { id: 'lt-0abc', instance_type: 'r5.large' } },
        { type: 'aws_autoscaling_group', name: 'app', actions: ['no-op'], after: { desired_capacity: 3, launch_template: [{ id: 'lt-0abc', version: '1' }] } },
      ],
    });
    expect(imp(doc).workload.compute).toMatchObject({ instanceType: 'r5.large', count: 3, ebsGbPerInstance: 50 });
  });

  it('aws_autoscaling_group: mixed instances policy overrides: the first type, with a note; Spot share noted', () => {
    const r = only([
      {
        type: 'aws_autoscaling_group',
        name: 'api',
        after: {
          desired_capacity: 6,
          mixed_instances_policy: [{ instances_distribution: [{ on_demand_percentage_above_base_capacity: 25 }], launch_template: [{ launch_template_specification: [{}], override: [{ instance_type: 'm6i.large' }, { instance_type: 'm5.large' }] }] }],
        },
      },
    ]);
    expect(r.workload.compute).toEqual({ instanceType: 'm6i.large', count: 6, ebsGbPerInstance: 50 });
    expect(r.comments.compute).toBe('from aws_autoscaling_group.api: 6 × m6i.large\nmixed instances m6i.large, m5.large: priced as the first, m6i.large\n75% Spot above the base capacity: priced On-Demand');
  });

  it('aws_autoscaling_group: a launch configuration by reference, with its root and EBS volumes', () => {
    const r = only([
      { type: 'aws_launch_configuration', name: 'w', after: { instance_type: 't3.large', root_block_device: [{ volume_size: 16 }], ebs_block_device: [{ volume_size: 4 }] }, unknown: { name: true } },
      { type: 'aws_autoscaling_group', name: 'w', after: { desired_capacity: 2 }, unknown: { launch_configuration: true }, expressions: { launch_configuration: ref('aws_launch_configuration.w.name', 'aws_launch_configuration.w') } },
    ]);
    expect(r.workload.compute).toEqual({ instanceType: 't3.large', count: 2, ebsGbPerInstance: 20 });
  });

  it('aws_autoscaling_group with no instance type anywhere is skipped, and so is its count when unknown', () => {
    const r = only([web(), { type: 'aws_autoscaling_group', name: 'x', after: { desired_capacity: 2 } }, { type: 'aws_autoscaling_group', name: 'y', after: {}, unknown: { desired_capacity: true, min_size: true } }]);
    expect(skipOf(r, 'aws_autoscaling_group.x')).toMatchObject({ reason: 'unknown', detail: 'instance type unknown: no launch template or launch configuration with an instance_type in the plan' });
    expect(skipOf(r, 'aws_autoscaling_group.y')).toMatchObject({ reason: 'unknown', detail: 'desired_capacity and min_size are unknown until apply' });
  });

  it('aws_eks_node_group: instance_types, scaling_config desired_size, disk_size; EKS defaults t3.medium and 20 GiB when unset', () => {
    expect(only([{ type: 'aws_eks_node_group', name: 'ng', after: { instance_types: ['m5.xlarge', 'm5a.xlarge'], scaling_config: [{ desired_size: 5, min_size: 1 }], disk_size: 80 } }]).workload.compute).toEqual({
      instanceType: 'm5.xlarge', count: 5, ebsGbPerInstance: 80,
    });
    const r = only([{ type: 'aws_eks_node_group', name: 'ng', after: { scaling_config: [{ desired_size: 2 }] }, unknown: { instance_types: true, disk_size: true } }]);
    expect(r.workload.compute).toEqual({ instanceType: 't3.medium', count: 2, ebsGbPerInstance: 20 });
    expect(r.comments.compute).toContain('no instance_types: the EKS default t3.medium');
  });

  it('one tier per resource block: for_each instances of different types split by type; same names in two modules get the module name', () => {
    const r = only([
      { type: 'aws_instance', name: 'node', index: 'a', after: { instance_type: 'm5.large', root_block_device: [{ volume_size: 10 }] } },
      { type: 'aws_instance', name: 'node', index: 'b', after: { instance_type: 'c5.large', root_block_device: [{ volume_size: 10 }] } },
      { type: 'aws_instance', name: 'web', module: 'module.shop', after: { instance_type: 'm5.large', root_block_device: [{ volume_size: 10 }] } },
      { type: 'aws_instance', name: 'web', module: 'module.blog', after: { instance_type: 'm5.large', root_block_device: [{ volume_size: 10 }] } },
    ]);
    expect((r.workload.compute as { name: string }[]).map((t) => t.name)).toEqual(['node-m5-large', 'node-c5-large', 'shop-web', 'blog-web']);
  });

  it('an aws_ebs_volume adds its size to the tier of the instance it is attached to; an unattached one is skipped', () => {
    const r = only([
      web({ after: { instance_type: 'm5.large', root_block_device: [{ volume_size: 20 }] }, unknown: { id: true } }),
      { type: 'aws_ebs_volume', name: 'data', after: { size: 500 }, unknown: { id: true } },
      { type: 'aws_ebs_volume', name: 'spare', after: { size: 40 } },
      { type: 'aws_volume_attachment', name: 'data', after: { device_name: '/dev/sdf' }, unknown: { instance_id: true, volume_id: true }, expressions: { instance_id: ref('aws_instance.web.id', 'aws_instance.web'), volume_id: ref('aws_ebs_volume.data.id', 'aws_ebs_volume.data') } },
    ]);
    expect(r.workload.compute).toEqual({ instanceType: 'm5.large', count: 1, ebsGbPerInstance: 520 });
    expect(skipOf(r, 'aws_ebs_volume.spare')).toMatchObject({ reason: 'unused', detail: 'not attached to an imported instance (no aws_volume_attachment)' });
  });

  it('part and workload names', () => {
    expect(partName('Web_Servers')).toBe('web-servers');
    expect(partName('__')).toBe('part');
    expect(workloadName('checkout')).toBe('checkout');
    expect(workloadName('-my app!')).toBe('my app-');
    expect(workloadName(undefined)).toBe('workload');
    expect(planWorkloadName('checkout.tfplan.json')).toBe('checkout');
    expect(planWorkloadName('services/orders/plan.json')).toBe('orders');
    expect(planWorkloadName('terraform.tfstate.json')).toBe('workload');
    expect(planWorkloadName('prod state.json')).toBe('prod state');
  });
});

describe('data stores', () => {
  const db = (after: Record<string, unknown>, o: Partial<Res> = {}): Res => ({ type: 'aws_db_instance', name: 'db', after: { engine: 'postgres', instance_class: 'db.m5.large', allocated_storage: 300, multi_az: false, ...after }, ...o });

  it('aws_db_instance: engine, class, allocated_storage, multi_az, backup_retention_period → PITR', () => {
    const r = only([web(), db({ multi_az: true, backup_retention_period: 0 })]);
    expect(r.workload.database).toEqual({ engine: 'postgres', instanceClass: 'db.m5.large', storageGb: 300, multiAz: true });
    expect(r.workload.operations.pointInTimeRecovery).toBe(false);
  });

  it('allocated_storage unknown → the marked default with what to measure', () => {
    const r = only([web(), db({ allocated_storage: null }, { unknown: { allocated_storage: true } })]);
    expect(r.workload.database).toMatchObject({ storageGb: 100 });
    expect(r.summary.defaulted.find((d) => d.field === 'database.storageGb')?.measure).toBe('allocated_storage of the instance, or CloudWatch FreeStorageSpace');
  });

  it('MariaDB is read as MySQL with a note; Oracle and SQL Server are skipped as not modelled', () => {
    const r = only([web(), db({ engine: 'mariadb' }), db({ engine: 'oracle-se2' }, { name: 'ora' }), db({ engine: 'sqlserver-ex' }, { name: 'mssql' })]);
    expect(r.workload.database).toMatchObject({ engine: 'mysql' });
    expect(skipOf(r, 'aws_db_instance.ora')?.reason).toBe('not-modelled');
    expect(skipOf(r, 'aws_db_instance.mssql')?.detail).toMatch(/^engine sqlserver-ex is not modelled/);
  });

  it('a read replica in the same region is not a store; one in another region (source ARN) is DR posture', () => {
    const same = only([web(), db({}), db({ replicate_source_db: 'db-main' }, { name: 'ro' })]);
    expect(skipOf(same, 'aws_db_instance.ro')).toMatchObject({ reason: 'not-modelled', detail: 'a read replica in the same region as its source' });
    const cross = only(
      [web(), db({}), db({ replicate_source_db: 'arn:aws:rds:us-east-1:111122223333:db:main' }, { name: 'replica', key: 'aws.west' })],
      { providers: { aws: { expressions: { region: k('us-east-1') } }, 'aws.west': { alias: 'west', expressions: { region: k('us-west-2') } } } },
    );
    expect(cross.workload).toMatchObject({ strategy: 'pilot-light', regions: { primary: 'us-east-1', dr: 'us-west-2' } });
  });

  it('Aurora: the writer instance’s class, instance count → multiAz, storage a marked default (VolumeBytesUsed)', () => {
    const r = only([
      web(),
      { type: 'aws_rds_cluster', name: 'main', after: { engine: 'aurora-mysql', backup_retention_period: 1 }, unknown: { id: true } },
      ...[0, 1, 2].map((i) => ({ type: 'aws_rds_cluster_instance', name: 'main', index: i, after: { instance_class: i === 0 ? 'db.r6g.2xlarge' : 'db.r6g.large', promotion_tier: i }, unknown: { cluster_identifier: true }, expressions: { cluster_identifier: ref('aws_rds_cluster.main.id', 'aws_rds_cluster.main') } })),
    ]);
    expect(r.workload.database).toEqual({ engine: 'aurora-mysql', instanceClass: 'db.r6g.2xlarge', storageGb: 100, multiAz: true });
    expect(r.comments.database).toContain('3 instances: modelled as a writer and one reader');
    expect(r.summary.defaulted.find((d) => d.field === 'database.storageGb')?.measure).toBe('CloudWatch VolumeBytesUsed (AWS/RDS, per DB cluster)');
  });

  it('Aurora Serverless v2 (db.serverless): instanceClass left to the engine default, marked; v1 (engine_mode serverless) skipped', () => {
    const r = only([
      web(),
      { type: 'aws_rds_cluster', name: 'v2', after: { engine: 'aurora-postgresql' } },
      { type: 'aws_rds_cluster_instance', name: 'v2', after: { instance_class: 'db.serverless' }, expressions: { cluster_identifier: ref('aws_rds_cluster.v2.id') } },
      { type: 'aws_rds_cluster', name: 'v1', after: { engine: 'aurora-mysql', engine_mode: 'serverless' } },
    ]);
    expect(r.workload.database).toEqual({ engine: 'aurora-postgresql', storageGb: 100, multiAz: false });
    expect(r.summary.defaulted.find((d) => d.field === 'database.instanceClass')).toMatchObject({ value: 'db.r6g.large' });
    expect(skipOf(r, 'aws_rds_cluster.v1')).toMatchObject({ reason: 'not-modelled', detail: 'Aurora Serverless v1 (engine_mode serverless) is not modelled' });
  });

  it('DynamoDB: provisioned capacity is read; on-demand rates are marked defaults', () => {
    const prov = only([web(), { type: 'aws_dynamodb_table', name: 't', after: { billing_mode: 'PROVISIONED', write_capacity: 50, read_capacity: 200, point_in_time_recovery: [{ enabled: true }] } }]);
    expect(prov.workload.database).toEqual({ engine: 'dynamodb', storageGb: 100, writesPerSecond: 50, readsPerSecond: 200 });
    expect(prov.workload.operations.pointInTimeRecovery).toBe(true);
    const od = only([web(), { type: 'aws_dynamodb_table', name: 't', after: { billing_mode: 'PAY_PER_REQUEST' } }]);
    expect(od.summary.defaulted.map((d) => d.field)).toEqual(['database.storageGb', 'database.writesPerSecond', 'database.readsPerSecond', 'dataChangeGbPerDay']);
  });

  it('S3: buckets in the primary region × 100 GB, marked, with what to measure', () => {
    const r = only([web(), ...['a', 'b', 'c'].map((n) => ({ type: 'aws_s3_bucket', name: n, after: { bucket: n } }))]);
    expect(r.workload.objectStorage).toEqual({ storageGb: 300 });
    expect(r.comments['objectStorage.storageGb']).toBe(
      'DEFAULT, not read from the plan: 3 S3 buckets × 100 GB, a placeholder per bucket (bucket sizes are not in the plan).\nMeasure: S3 Storage Lens or CloudWatch BucketSizeBytes (AWS/S3, daily, per storage class).',
    );
  });

  it('a data store in another region that replicates nothing is skipped as outside the primary region', () => {
    const r = only([web(), { type: 'aws_dynamodb_table', name: 'far', key: 'aws.eu', after: { billing_mode: 'PAY_PER_REQUEST' } }], {
      providers: { aws: { expressions: { region: k('us-east-1') } }, 'aws.eu': { alias: 'eu', expressions: { region: k('eu-west-1') } } },
    });
    expect(skipOf(r, 'aws_dynamodb_table.far')).toMatchObject({ reason: 'outside-primary' });
    expect(r.workload.database).toBeUndefined();
  });
});

describe('traffic and operations', () => {
  it('load balancers: ALB, NLB and Classic are priced as an ALB; none → loadBalancer none', () => {
    expect(only([web()]).workload.network).toEqual({ loadBalancer: 'none' });
    const r = only([web(), { type: 'aws_lb', name: 'n', after: { load_balancer_type: 'network' } }]);
    expect(r.workload.network.loadBalancer).toBe('alb');
    expect(r.comments['network.loadBalancer']).toContain('(Classic and Network Load Balancers are priced as an ALB)');
  });

  it('Route 53: the longest TTL of the routing records; health checks → automated detection and decision', () => {
    const rec = (name: string, type: string, ttl: number): Res => ({ type: 'aws_route53_record', name, after: { ttl, failover_routing_policy: [{ type }], health_check_id: 'hc-1' } });
    const r = only([web(), rec('p', 'PRIMARY', 30), rec('s', 'SECONDARY', 120), { type: 'aws_route53_health_check', name: 'hc', after: { type: 'HTTPS' } }]);
    expect(r.workload.network).toEqual({ loadBalancer: 'none', failoverRouting: 'route53', dnsTtlSeconds: 120 });
    expect(r.workload.operations).toMatchObject({ detection: 'automated', failoverDecision: 'automated' });
  });

  it('Global Accelerator → failoverRouting global-accelerator and a marked egress default', () => {
    const r = only([web(), { type: 'aws_globalaccelerator_accelerator', name: 'ga', after: { enabled: true } }, { type: 'aws_globalaccelerator_listener', name: 'l', after: {} }]);
    expect(r.workload.network).toEqual({ loadBalancer: 'none', failoverRouting: 'global-accelerator', egressGbPerMonth: 0 });
    expect(r.summary.read.map((x) => x.as)).toContain('Global Accelerator listener');
  });

  it('AWS Backup cron schedules → hours between backups', () => {
    expect(cronIntervalHours('cron(0 5 ? * * *)')).toBe(24);
    expect(cronIntervalHours('cron(0 * * * ? *)')).toBe(1);
    expect(cronIntervalHours('cron(0 */4 * * ? *)')).toBe(4);
    expect(cronIntervalHours('cron(30 0,12 * * ? *)')).toBe(12);
    expect(cronIntervalHours('cron(0 3 ? * SUN *)')).toBe(168);
    expect(cronIntervalHours('cron(0 3 1 * ? *)')).toBe(720);
    expect(cronIntervalHours('rate(1 day)')).toBeUndefined();
    expect(cronIntervalHours(undefined)).toBeUndefined();
  });
});

describe('regions', () => {
  const two = { aws: { expressions: { region: k('eu-west-1') } }, 'aws.dr': { alias: 'dr', expressions: { region: k('eu-central-1') } } };

  it('a resource’s own region argument (AWS provider v6) wins over its provider', () => {
    const r = only([web({ after: { instance_type: 'm5.large', region: 'us-west-2', root_block_device: [{ volume_size: 8 }] } })]);
    expect(r.workload.regions.primary).toBe('us-west-2');
  });

  it('module variables: a provider declared in a module, region = var.region, set by the call from a root variable', () => {
    const r = imp(
      planOf({
        resources: [web({ module: 'module.site', key: 'module.site:aws' })],
        providers: { 'module.site:aws': { name: 'aws', module_address: 'module.site', expressions: { region: ref('var.region') } } },
        modules: { site: { expressions: { region: ref('var.home') }, variables: { region: {} } } },
        variables: { home: 'ap-northeast-2' },
      }),
    );
    expect(r.workload.regions).toEqual({ primary: 'ap-northeast-2', dr: 'ap-northeast-1' });
  });

  it('a module variable’s default when the call does not set it; a map variable indexed by key', () => {
    const byDefault = imp(
      planOf({
        resources: [web({ module: 'module.site', key: 'module.site:aws' })],
        providers: { 'module.site:aws': { name: 'aws', module_address: 'module.site', expressions: { region: ref('var.region') } } },
        modules: { site: { variables: { region: { default: 'eu-central-1' } } } },
      }),
    );
    expect(byDefault.workload.regions.primary).toBe('eu-central-1');
    const byKey = imp(planOf({ resources: [web()], providers: { aws: { expressions: { region: ref('var.regions["main"]', 'var.regions') } } }, variables: { regions: { main: 'us-east-2' } } }));
    expect(byKey.workload.regions.primary).toBe('us-east-2');
  });

  it('from the availability zone, else the ARN, when the provider says nothing', () => {
    const none = { aws: { name: 'aws' } };
    expect(imp(planOf({ providers: none, resources: [web({ after: { instance_type: 'm5.large', availability_zone: 'eu-west-1b' } })] })).workload.regions.primary).toBe('eu-west-1');
    expect(imp(planOf({ providers: none, resources: [web({ after: { instance_type: 'm5.large', arn: 'arn:aws:ec2:ap-southeast-1:1:instance/i-1' } })] })).workload.regions.primary).toBe('ap-southeast-1');
  });

  it('a resource whose region cannot be read is skipped with why; a region dr-advisor does not price too', () => {
    const r = imp(planOf({ providers: { aws: { name: 'aws', expressions: { region: ref('local.region') } } }, resources: [web(), web({ name: 'api', after: { instance_type: 'm5.large', region: 'us-east-1' } })] }));
    expect(skipOf(r, 'aws_instance.web')).toEqual({
      address: 'aws_instance.web', type: 'aws_instance', reason: 'no-region', detail: 'region cannot be read: provider aws sets no readable region, and no region argument, availability zone or ARN is known',
    });
    const far = imp(planOf({ resources: [web({ after: { instance_type: 'm5.large', region: 'us-gov-west-1' } }), web({ name: 'api' })] }));
    expect(skipOf(far, 'aws_instance.web')).toMatchObject({ reason: 'region-not-priced', detail: 'us-gov-west-1 is not a region dr-advisor prices' });
  });

  it('module for_each: each.key of the module instance sets a module variable', () => {
    const r = imp(
      planOf({
        resources: [web({ module: 'module.site["eu-west-1"]', key: 'module.site:aws' })],
        providers: { 'module.site:aws': { name: 'aws', module_address: 'module.site', expressions: { region: ref('var.region') } } },
        modules: { site: { forEach: k({ 'eu-west-1': {} }), expressions: { region: ref('each.key') }, variables: { region: {} } } },
      }),
    );
    expect(r.workload.regions.primary).toBe('eu-west-1');
  });

  it('the primary region: most compute, then a Route 53 PRIMARY failover target', () => {
    const r = only(
      [
        web({ index: 0 }),
        web({ index: 1 }),
        web({ name: 'dr', key: 'aws.dr' }),
      ],
      { providers: two },
    );
    expect(r.workload.regions).toEqual({ primary: 'eu-west-1', dr: 'eu-central-1' });
    expect(r.comments['regions.primary']).toBe('the region with the most compute (2 instances)');
  });
});

describe('the DR posture', () => {
  const two = { aws: { expressions: { region: k('us-east-1') } }, 'aws.dr': { alias: 'dr', expressions: { region: k('us-west-2') } } };
  const asg = (name: string, desired: number, key = 'aws'): Res => ({ type: 'aws_autoscaling_group', name, key, after: { desired_capacity: desired, mixed_instances_policy: [{ launch_template: [{ override: [{ instance_type: 'm5.large' }] }] }] } });
  const latency = (name: string, region: string): Res => ({ type: 'aws_route53_record', name, after: { latency_routing_policy: [{ region }], ttl: 60 } });

  it('a smaller fleet in the DR region → warm standby with its share as warmStandbyCapacity', () => {
    const r = only([asg('app', 8), asg('app_dr', 3, 'aws.dr')], { providers: two });
    expect(r.workload).toMatchObject({ strategy: 'warm-standby', regions: { primary: 'us-east-1', dr: 'us-west-2' }, operations: { warmStandbyCapacity: 0.38 } });
    expect(r.comments.strategy).toBe("inferred from the plan: us-west-2 runs 3 of the primary's 8 instances (capacity 0.38)");
  });

  it('the same size with failover routing → warm standby at capacity 1; with latency routing → active-active', () => {
    const hot = only([asg('app', 4), asg('app_dr', 4, 'aws.dr')], { providers: two });
    expect(hot.workload).toMatchObject({ strategy: 'warm-standby', operations: { warmStandbyCapacity: 1 } });
    const aa = only([asg('app', 4), asg('app_dr', 4, 'aws.dr'), latency('e', 'us-east-1'), latency('w', 'us-west-2')], { providers: two });
    expect(aa.workload).toMatchObject({ strategy: 'active-active', regions: { primary: 'us-east-1', dr: 'us-west-2' }, activeActive: { writePattern: 'global-write' } });
  });

  it('replicas in two priced regions with equal evidence: the primary\'s usual DR partner wins the tie', () => {
    const r = only([asg('app', 2), { type: 'aws_dynamodb_table', name: 't', after: { billing_mode: 'PROVISIONED', write_capacity: 5, read_capacity: 5, replica: [{ region_name: 'sa-east-1' }, { region_name: 'us-west-2' }] } }]);
    // us-east-1's defaultDr is us-west-2; alphabetical order alone would pick sa-east-1.
    expect(r.workload).toMatchObject({ strategy: 'pilot-light', regions: { primary: 'us-east-1', dr: 'us-west-2' } });
  });

  it('a DynamoDB global table replica and no compute there → pilot light', () => {
    const r = only([asg('app', 2), { type: 'aws_dynamodb_table', name: 't', after: { billing_mode: 'PROVISIONED', write_capacity: 5, read_capacity: 5, replica: [{ region_name: 'us-west-2' }, { region_name: 'us-gov-west-1' }] } }]);
    expect(r.workload).toMatchObject({ strategy: 'pilot-light', regions: { dr: 'us-west-2' } });
    expect(r.summary.notes).toContain('aws_dynamodb_table.t: replica in us-gov-west-1 ignored (not a region dr-advisor prices)');
  });

  it('an Aurora global cluster: the member in the other region is a secondary, not a second store', () => {
    const cluster = (name: string, key: string, user: string | null): Res => ({ type: 'aws_rds_cluster', name, key, after: { engine: 'aurora-mysql', master_username: user }, unknown: { global_cluster_identifier: true }, expressions: { global_cluster_identifier: ref('aws_rds_global_cluster.g.id', 'aws_rds_global_cluster.g') } });
    const member = (name: string, key: string): Res => ({ type: 'aws_rds_cluster_instance', name, key, after: { instance_class: 'db.r6g.large' }, expressions: { cluster_identifier: ref(`aws_rds_cluster.${name}.id`) } });
    const r = only([asg('app', 2), { type: 'aws_rds_global_cluster', name: 'g', after: { engine: 'aurora-mysql' } }, cluster('a', 'aws', 'admin'), member('a', 'aws'), cluster('b', 'aws.dr', null), member('b', 'aws.dr')], { providers: two });
    expect(r.workload.database).toEqual({ engine: 'aurora-mysql', instanceClass: 'db.r6g.large', storageGb: 100, multiAz: false });
    expect(r.workload).toMatchObject({ strategy: 'pilot-light', regions: { primary: 'us-east-1', dr: 'us-west-2' } });
  });

  it('only cross-region backup copies (AWS Backup copy_action to another region’s vault) → backup and restore', () => {
    const r = only([
      asg('app', 2),
      { type: 'aws_backup_vault', name: 'dr', key: 'aws.dr', after: { name: 'dr' }, unknown: { arn: true } },
      { type: 'aws_backup_plan', name: 'p', after: { rule: [{ rule_name: 'hourly', schedule: 'cron(0 * * * ? *)', copy_action: [{}] }] }, unknown: { rule: [{ copy_action: [{ destination_vault_arn: true }] }] }, expressions: { rule: [{ copy_action: [{ destination_vault_arn: ref('aws_backup_vault.dr.arn', 'aws_backup_vault.dr') }] }] } },
    ], { providers: two });
    expect(r.workload).toMatchObject({ strategy: 'backup-restore', regions: { dr: 'us-west-2' }, operations: { backupIntervalHours: 1 } });
  });

  it('nothing outside the primary region → no strategy, the pair rule, and the reason on regions.dr', () => {
    const r = only([asg('app', 2)]);
    expect(r.workload.strategy).toBeUndefined();
    expect(r.workload.regions).toEqual({ primary: 'us-east-1', dr: 'us-west-2' });
    expect(r.comments['regions.dr']).toContain('strategy not set: no DR posture in the plan');
  });
});

describe('what is skipped and why', () => {
  it('deleted, data sources, other providers, no-cost and not-modelled types', () => {
    const r = only([
      web(),
      web({ name: 'gone', actions: ['delete'], before: { instance_type: 'm5.large' } }),
      { type: 'aws_ami', name: 'x', mode: 'data', actions: ['read'] },
      { type: 'google_sql_database_instance', name: 'pg', provider: 'google' },
      { type: 'aws_security_group', name: 'sg' },
      { type: 'aws_lambda_function', name: 'fn' },
      { type: 'aws_instance', name: 'kept', actions: ['forget'], after: { instance_type: 'm5.large' } },
    ]);
    expect(r.summary.skipped.map((s) => [s.reason, s.type])).toEqual([
      ['deleted', 'aws_instance'],
      ['data-source', 'data.aws_ami'],
      ['other-provider', 'google_sql_database_instance'],
      ['no-cost', 'aws_security_group'],
      ['not-modelled', 'aws_lambda_function'],
      ['deleted', 'aws_instance'],
    ]);
    expect(skipOf(r, 'aws_instance.kept')?.detail).toBe('removed from Terraform (forget) by this plan');
  });
});

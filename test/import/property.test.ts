/**
 * Random plans (fast-check): mixes of supported and unsupported resources, plausible and hostile values, unknowns,
 * modules, aliases, actions. The import never crashes: it returns a workload document, or throws one InputError
 * line. A returned workload renders to YAML that parses back to it, and in its single-part form validates as a
 * version-1 workload (every value within the schema's ranges).
 */
import fc from 'fast-check';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors';
import { importTerraform } from '../../src/import/terraform/index';
import { renderImportSummary, renderImportYaml } from '../../src/import/terraform/render';
import { validateWorkload } from '../../src/workload/validate';
import { AWS, k, ref } from './helpers';

const SEED = Number(process.env.FUZZ_SEED ?? 20261202);

const TYPES = [
  'aws_instance', 'aws_autoscaling_group', 'aws_eks_node_group', 'aws_launch_template', 'aws_launch_configuration', 'aws_db_instance', 'aws_rds_cluster',
  'aws_rds_cluster_instance', 'aws_rds_global_cluster', 'aws_dynamodb_table', 'aws_dynamodb_table_replica', 'aws_s3_bucket', 'aws_s3_bucket_replication_configuration',
  'aws_ebs_volume', 'aws_volume_attachment', 'aws_lb', 'aws_elb', 'aws_route53_record', 'aws_route53_health_check', 'aws_globalaccelerator_accelerator',
  'aws_globalaccelerator_endpoint_group', 'aws_backup_plan', 'aws_backup_vault', 'aws_security_group', 'aws_nat_gateway', 'random_id', 'google_compute_instance',
];
const NAMES = ['web', 'db', 'app', 'main', 'dr', 'x'];
const REGIONS = ['us-east-1', 'us-west-2', 'eu-west-1', 'eu-central-1', 'ap-northeast-1', 'ca-central-1', 'us-east-1a', 'nowhere'];

const hostile = fc.oneof(fc.jsonValue({ maxDepth: 2 }), fc.constantFrom(null, -1, 0, 1e12, Number.MAX_SAFE_INTEGER, '', '..', 'm5.large', 'db.r6g.large', true));
const plausible: Record<string, fc.Arbitrary<unknown>> = {
  instance_type: fc.constantFrom('m5.large', 'c5.xlarge', 't3.medium', 'M5.LARGE', 'db.r6g.large'),
  instance_types: fc.array(fc.constantFrom('m5.large', 'c6i.large'), { maxLength: 2 }),
  desired_capacity: fc.integer({ min: -2, max: 20000 }),
  min_size: fc.integer({ min: 0, max: 10 }),
  scaling_config: fc.array(fc.record({ desired_size: fc.integer({ min: 0, max: 12 }) }), { maxLength: 1 }),
  engine: fc.constantFrom('mysql', 'postgres', 'mariadb', 'aurora', 'aurora-mysql', 'aurora-postgresql', 'oracle-ee', 'sqlserver-se', 'mongodb'),
  engine_mode: fc.constantFrom('provisioned', 'serverless'),
  instance_class: fc.constantFrom('db.r6g.large', 'db.m5.large', 'db.serverless', 'r6g.large'),
  allocated_storage: fc.integer({ min: -10, max: 2_000_000 }),
  multi_az: fc.boolean(),
  region: fc.constantFrom(...REGIONS),
  availability_zone: fc.constantFrom(...REGIONS),
  arn: fc.constantFrom('arn:aws:ec2:us-west-2:1:instance/i-1', 'arn:aws:s3:::b', 'arn:aws:rds:eu-west-1:1:db:x', 'garbage'),
  billing_mode: fc.constantFrom('PROVISIONED', 'PAY_PER_REQUEST'),
  write_capacity: fc.integer({ min: -5, max: 20_000_000 }),
  read_capacity: fc.integer({ min: 0, max: 1000 }),
  replica: fc.array(fc.record({ region_name: fc.constantFrom(...REGIONS) }), { maxLength: 3 }),
  replicate_source_db: fc.constantFrom('db-main', 'arn:aws:rds:us-east-1:1:db:main', 'arn:aws:rds:eu-west-1:1:db:main'),
  root_block_device: fc.array(fc.record({ volume_size: fc.integer({ min: -1, max: 70000 }) }), { maxLength: 1 }),
  size: fc.integer({ min: 0, max: 70000 }),
  load_balancer_type: fc.constantFrom('application', 'network', 'gateway'),
  ttl: fc.integer({ min: -1, max: 300000 }),
  failover_routing_policy: fc.array(fc.record({ type: fc.constantFrom('PRIMARY', 'SECONDARY') }), { maxLength: 1 }),
  latency_routing_policy: fc.array(fc.record({ region: fc.constantFrom(...REGIONS) }), { maxLength: 1 }),
  endpoint_group_region: fc.constantFrom(...REGIONS),
  traffic_dial_percentage: fc.integer({ min: -1, max: 150 }),
  rule: fc.array(fc.record({ schedule: fc.constantFrom('cron(0 5 ? * * *)', 'cron(0 */0 * * ? *)', 'bad'), copy_action: fc.array(fc.record({ destination_vault_arn: fc.constantFrom('arn:aws:backup:us-west-2:1:backup-vault:dr', 'x') }), { maxLength: 1 }) }), { maxLength: 2 }),
  point_in_time_recovery: fc.array(fc.record({ enabled: fc.boolean() }), { maxLength: 1 }),
};
const attrs = fc.dictionary(fc.constantFrom(...Object.keys(plausible)), fc.constant(null), { maxKeys: 8 }).chain((keys) =>
  fc.record(Object.fromEntries(Object.keys(keys).map((key) => [key, fc.oneof({ weight: 4, arbitrary: plausible[key] }, { weight: 1, arbitrary: hostile })]))),
);

const resource = fc.record({
  type: fc.constantFrom(...TYPES),
  name: fc.constantFrom(...NAMES),
  module: fc.constantFrom(undefined, 'module.a', 'module.a["x"]', 'module.b.module.c'),
  index: fc.constantFrom(undefined, 0, 1, 'k'),
  mode: fc.constantFrom('managed', 'managed', 'managed', 'data'),
  actions: fc.constantFrom(['create'], ['update'], ['no-op'], ['delete'], ['delete', 'create'], ['create', 'delete'], ['read'], ['forget'], 'garbage'),
  after: fc.oneof({ weight: 9, arbitrary: attrs }, { weight: 1, arbitrary: hostile }),
  unknown: fc.oneof(fc.constant({}), fc.dictionary(fc.constantFrom('instance_type', 'desired_capacity', 'engine', 'region', 'root_block_device', 'id', 'arn'), fc.constant(true))),
  key: fc.constantFrom('aws', 'aws.dr', 'module.a:aws', 'a:aws', 'missing'),
  refs: fc.array(fc.constantFrom('aws_launch_template.web.id', 'aws_rds_cluster.db.id', 'aws_instance.web', 'var.x', 'aws_lb.web.dns_name', 'each.key', 'module.a.out'), { maxLength: 3 }),
});

const planArb = fc.record({
  format: fc.constantFrom('0.1', '0.2', '1.0', '1.1', '1.2', '1.9'),
  state: fc.boolean(),
  resources: fc.array(resource, { maxLength: 14 }),
  region: fc.oneof({ weight: 6, arbitrary: fc.constantFrom('us-east-1', 'eu-west-1', 'ap-northeast-1').map((r) => k(r)) }, fc.constantFrom(...REGIONS).map((r) => k(r)), fc.constant(ref('var.region')), fc.constant(ref('local.r')), hostile),
  /** Most plans have at least one plain instance, so the success path is explored as well as the errors. */
  anchor: fc.option(fc.constantFrom('m5.large', 'c6i.xlarge', 't3.micro'), { freq: 4 }),
  variables: fc.record({ region: fc.oneof(fc.constantFrom(...REGIONS), hostile) }),
});

type Plan = typeof planArb extends fc.Arbitrary<infer T> ? T : never;
type Resource = Plan['resources'][number];

function toDoc(plan: Plan): unknown {
  const anchor: Resource[] = plan.anchor ? [{ type: 'aws_instance', name: 'anchor', module: undefined, index: undefined, mode: 'managed', actions: ['create'], after: { instance_type: plan.anchor }, unknown: {}, key: 'aws', refs: [] }] : [];
  const p = { ...plan, resources: [...plan.resources, ...anchor] };
  const address = (r: Resource) => `${r.module ? `${r.module}.` : ''}${r.mode === 'data' ? 'data.' : ''}${r.type}.${r.name}${r.index === undefined ? '' : typeof r.index === 'number' ? `[${r.index}]` : `["${r.index}"]`}`;
  const provider = (t: string) => (t.startsWith('aws_') ? AWS : `registry.terraform.io/hashicorp/${t.split('_')[0]}`);
  if (p.state) {
    return { format_version: p.format, values: { root_module: { resources: p.resources.map((r) => ({ address: address(r), mode: r.mode, type: r.type, name: r.name, index: r.index, provider_name: provider(r.type), values: r.after })) } } };
  }
  const blocks = p.resources.map((r) => ({ address: `${r.type}.${r.name}`, mode: r.mode, type: r.type, name: r.name, provider_config_key: r.key, expressions: { launch_template: [{ id: ref(...r.refs) }], cluster_identifier: ref(...r.refs), alias: [{ name: ref(...r.refs) }], instance_id: ref(...r.refs) } }));
  return {
    format_version: p.format,
    variables: { region: { value: p.variables.region } },
    planned_values: { root_module: {} },
    resource_changes: p.resources.map((r) => ({ address: address(r), ...(r.module ? { module_address: r.module } : {}), mode: r.mode, type: r.type, name: r.name, index: r.index, provider_name: provider(r.type), change: { actions: r.actions, before: null, after: r.after, after_unknown: r.unknown } })),
    configuration: {
      provider_config: { aws: { name: 'aws', expressions: { region: p.region } }, 'aws.dr': { name: 'aws', alias: 'dr', expressions: { region: k('us-west-2') } } },
      root_module: { resources: blocks, module_calls: { a: { expressions: { x: ref('aws_lb.web') }, module: { resources: blocks, module_calls: {} } }, b: { module: { module_calls: { c: { module: { resources: blocks } } } } } } },
    },
  };
}

describe('random plans never crash the importer', () => {
  it('a workload document, or one InputError line', () => {
    let imported = 0;
    fc.assert(
      fc.property(planArb, (p) => {
        let result;
        try {
          result = importTerraform(toDoc(p), { source: 'plan.json', name: 'fuzz' });
        } catch (e) {
          expect(e).toBeInstanceOf(InputError);
          expect((e as Error).message).not.toContain('\n');
          expect((e as Error).message.startsWith('plan.json: ')).toBe(true);
          return;
        }
        imported++;
        const yaml = renderImportYaml(result);
        expect(parse(yaml)).toEqual(result.workload);
        expect(renderImportSummary(result.summary)).toMatch(/^Imported plan\.json /);
        const w = result.workload;
        if (!Array.isArray(w.compute) && !Array.isArray(w.database)) validateWorkload(w, 'fuzz');
        // Every instance in the file is either read or skipped, exactly once.
        expect(result.summary.read.reduce((s, r) => s + r.instances, 0) + result.summary.skipped.length).toBe(result.summary.resources);
      }),
      { numRuns: 1500, seed: SEED },
    );
    // The generator reaches the success path often enough for the property to mean something.
    expect(imported).toBeGreaterThan(100);
  });
});

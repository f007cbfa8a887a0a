/**
 * From resource instances to facts: compute pieces, data stores, their replicas and backup copies, buckets, load
 * balancers, DNS records, accelerators. Every instance is either read (and listed as what it became) or skipped with
 * a reason. Regions are read per resource (regions.ts); links between resources through references (links.ts).
 * Arguments follow the Terraform AWS provider's resource documentation (registry.terraform.io/providers/hashicorp/aws).
 * Pure.
 */
import { ALL_READ_TYPES, isNoCostType } from './catalog';
import type { ConfigIndex } from './config';
import { AWS_DEFAULTS, IMPORT_DEFAULTS } from './defaults';
import type { Links } from './links';
import type { TfInstance } from './read';
import { blockRegions, isGlobalType, isPricedRegion, isRegionCode, regionOf, regionOfArn } from './regions';
import type { ReadResource, SkippedResource, SkipReason } from './types';
import { at, blocks, bool, first, indexText, instanceCount, isInstanceType, isObject, num, percent, requestRate, storageGb, str, strings, ttlSeconds, unknownAt, volumeGb } from './values';

export interface ComputePiece {
  /** One resource block: module call names (no instance keys) + type.name. */
  block: string;
  name: string;
  /** Module call name the block is in (for telling apart blocks of the same name), '' at the root. */
  module: string;
  region: string;
  instanceType: string;
  count: number;
  /** EBS GB of all the piece's instances together. */
  gbTotal: number;
  /** Instances whose root volume size is not in the plan (a marked default). */
  rootDefaulted: number;
  insts: TfInstance[];
  notes: string[];
}

export type StoreEngine = 'aurora-mysql' | 'aurora-postgresql' | 'mysql' | 'postgres' | 'dynamodb';

export interface StoreFact {
  inst: TfInstance;
  kind: 'rds' | 'aurora' | 'rds-cluster' | 'dynamodb';
  name: string;
  region: string;
  engine: StoreEngine;
  instanceClass?: string;
  /** Why the class is dr-advisor's default (Aurora Serverless v2, no instances in the plan). */
  classDefault?: string;
  storageGb: number;
  storageDefault?: keyof typeof IMPORT_DEFAULTS;
  multiAz?: boolean;
  writesPerSecond?: number;
  readsPerSecond?: number;
  /** Why the DynamoDB rates are defaults, when they are. */
  ratesDefault?: string;
  pitr?: boolean;
  /** Aurora global cluster or DynamoDB global table (v1) it belongs to; the writer is chosen later. */
  group?: string;
  writerHint?: boolean;
  notes: string[];
  /** Every address read into this store (cluster instances too). */
  addresses: string[];
}

export type ReplicaKind = 'aurora-global' | 'aurora-replica' | 'rds-replica' | 'dynamodb-replica';
export interface ReplicaFact {
  kind: ReplicaKind;
  region: string;
  sourceRegion?: string;
  address: string;
  of?: TfInstance;
}

export interface BackupFact {
  kind: 'backup-copy' | 'rds-backup-replication' | 's3-replication';
  from: string;
  to: string;
  address: string;
}

export interface RecordFact {
  address: string;
  policy: 'failover-primary' | 'failover-secondary' | 'latency' | 'weighted' | 'geo' | 'multivalue' | 'simple';
  ttl?: number;
  /** The TTL is the fixed 60 s of an alias to a load balancer. */
  ttlFromAlias?: boolean;
  targetRegion?: string;
  healthCheck: boolean;
  weight?: number;
}

export interface Inventory {
  pieces: ComputePiece[];
  /** DR-side compute (scaled to zero, or in another region) is kept in `pieces`; this lists pieces skipped in primary later. */
  stores: StoreFact[];
  replicas: ReplicaFact[];
  backups: BackupFact[];
  buckets: { inst: TfInstance; region: string; destination: boolean }[];
  lbs: { address: string; region: string; kind: 'application' | 'network' | 'classic' }[];
  records: RecordFact[];
  healthChecks: number;
  accelerators: number;
  endpointGroups: { address: string; region: string; dial: number }[];
  backupIntervalHours?: number;
  backupIntervalFrom?: string;
  skipped: SkippedResource[];
  read: ReadResource[];
  notes: string[];
  /** Regions read per instance address. */
  regionByAddress: Map<string, string>;
}

/** The address of the resource block an instance belongs to: the address without its own instance key. */
export function blockAddress(inst: TfInstance): string {
  const suffix = indexText(inst.index);
  return suffix && inst.address.endsWith(suffix) ? inst.address.slice(0, -suffix.length) : inst.address;
}

const LB_TYPES = ['aws_lb', 'aws_alb', 'aws_elb'];
const ENGINE_MAP: Record<string, { engine: StoreEngine; note?: string }> = {
  mysql: { engine: 'mysql' },
  postgres: { engine: 'postgres' },
  // RDS lists the same On-Demand instance prices for MariaDB and MySQL (1,359 of the 1,369 class × region pairs in
  // the ec2instances.info 2022-01 RDS table), and recovery works the same way (snapshots, cross-region replicas).
  mariadb: { engine: 'mysql', note: 'MariaDB is priced and timed as RDS for MySQL (RDS lists the same On-Demand instance prices for both)' },
  aurora: { engine: 'aurora-mysql', note: 'engine "aurora" is Aurora MySQL (5.6-compatible)' },
  'aurora-mysql': { engine: 'aurora-mysql' },
  'aurora-postgresql': { engine: 'aurora-postgresql' },
};

class Collector {
  readonly inv: Inventory = {
    pieces: [], stores: [], replicas: [], backups: [], buckets: [], lbs: [], records: [], healthChecks: 0, accelerators: 0,
    endpointGroups: [], skipped: [], read: [], notes: [], regionByAddress: new Map(),
  };
  private readonly used = new Set<TfInstance>();
  private readonly done = new Set<TfInstance>();
  private readonly readIndex = new Map<string, ReadResource>();

  constructor(
    private readonly cfg: ConfigIndex,
    private readonly links: Links,
  ) {}

  skip(inst: TfInstance, reason: SkipReason, detail?: string): void {
    if (this.done.has(inst)) return;
    this.done.add(inst);
    this.inv.skipped.push({ address: inst.address, type: inst.mode === 'data' ? `data.${inst.type}` : inst.type, reason, ...(detail ? { detail } : {}) });
  }

  markRead(inst: TfInstance, as: string): void {
    if (this.done.has(inst)) return;
    this.done.add(inst);
    this.used.add(inst);
    const address = blockAddress(inst);
    const key = `${address}|${as}`;
    const entry = this.readIndex.get(key);
    if (entry) entry.instances++;
    else {
      const e: ReadResource = { address, type: inst.type, instances: 1, as };
      this.readIndex.set(key, e);
      this.inv.read.push(e);
    }
  }

  note(text: string): void {
    if (!this.inv.notes.includes(text)) this.inv.notes.push(text);
  }

  /** The instance's region, or undefined after skipping it (no region, or one dr-advisor does not price). */
  locate(inst: TfInstance, skipIfMissing = true): string | undefined {
    const r = regionOf(inst, this.cfg);
    if (!r.region) {
      if (skipIfMissing) this.skip(inst, 'no-region', `region cannot be read: ${r.via}`);
      return undefined;
    }
    if (!isPricedRegion(r.region)) {
      if (skipIfMissing) this.skip(inst, 'region-not-priced', `${r.region} is not a region dr-advisor prices`);
      return undefined;
    }
    this.inv.regionByAddress.set(inst.address, r.region);
    return r.region;
  }

  /** Known value at a path (undefined when unknown until apply or absent). */
  private known<T>(inst: TfInstance, path: (string | number)[], read: (v: unknown) => T | undefined): T | undefined {
    return unknownAt(inst.unknown, path) ? undefined : read(at(inst.values, path));
  }

  /**
   * The region of what `inst` points at through `key`: the linked resource's region, else the region in the ARN
   * the argument holds (a cross-region source is named by ARN).
   */
  private sourceOf(inst: TfInstance, key: string, types: string[]): { source?: TfInstance; value?: string; region?: string } {
    const source = this.links.find(inst, key, types)[0];
    const value = this.known(inst, [key], str);
    const region = (source && (this.inv.regionByAddress.get(source.address) ?? this.locate(source, false))) ?? (value ? regionOfArn(value) : undefined);
    return { ...(source ? { source } : {}), ...(value ? { value } : {}), ...(region ? { region } : {}) };
  }

  run(instances: readonly TfInstance[]): Inventory {
    const candidates: TfInstance[] = [];
    for (const inst of instances) {
      if (inst.action === 'delete') this.skip(inst, 'deleted', inst.deposed ? `a deposed object (${inst.deposed}), destroyed by this plan` : 'destroyed by this plan');
      else if (inst.action === 'forget') this.skip(inst, 'deleted', 'removed from Terraform (forget) by this plan');
      else if (inst.mode === 'data') this.skip(inst, 'data-source', 'a data source reads existing infrastructure');
      else if (inst.provider !== 'aws') this.skip(inst, 'other-provider', `provider ${inst.provider}`);
      else if (ALL_READ_TYPES.has(inst.type)) candidates.push(inst);
      else if (isNoCostType(inst.type)) this.skip(inst, 'no-cost');
      else this.skip(inst, 'not-modelled');
    }
    const of = (...types: string[]) => candidates.filter((i) => types.includes(i.type));
    for (const i of of('aws_instance')) this.instance(i);
    for (const i of of('aws_autoscaling_group')) this.autoscalingGroup(i);
    for (const i of of('aws_eks_node_group')) this.nodeGroup(i);
    for (const i of of('aws_volume_attachment')) this.volumeAttachment(i);
    for (const i of of('aws_db_instance')) this.dbInstance(i);
    for (const i of of('aws_rds_cluster')) this.rdsCluster(i);
    for (const i of of('aws_rds_global_cluster')) this.globalCluster(i);
    for (const i of of('aws_dynamodb_global_table')) this.dynamoGlobalV1(i);
    for (const i of of('aws_dynamodb_table')) this.dynamoTable(i);
    for (const i of of('aws_dynamodb_table_replica')) this.dynamoReplica(i);
    for (const i of of('aws_s3_bucket')) this.bucket(i);
    for (const i of of('aws_s3_bucket')) this.inlineReplication(i);
    for (const i of of('aws_s3_bucket_replication_configuration')) this.bucketReplication(i);
    for (const i of of('aws_backup_plan')) this.backupPlan(i);
    for (const i of of('aws_db_instance_automated_backups_replication')) this.backupReplication(i);
    for (const i of of(...LB_TYPES)) this.loadBalancer(i);
    for (const i of of('aws_route53_health_check')) this.healthCheck(i);
    for (const i of of('aws_route53_record')) this.record(i);
    for (const i of of('aws_globalaccelerator_accelerator')) this.accelerator(i);
    for (const i of of('aws_globalaccelerator_endpoint_group')) this.endpointGroup(i);
    return this.inv;
  }

  /**
   * After the workload is built (build.ts marks pieces, stores and buckets read or skipped): everything the
   * importer was given but did not use is skipped with the reason.
   */
  finish(instances: readonly TfInstance[]): void {
    const candidates = instances.filter((i) => !this.done.has(i));
    for (const i of candidates) {
      if (this.done.has(i)) continue;
      if (i.type === 'aws_ebs_volume') this.skip(i, 'unused', 'not attached to an imported instance (no aws_volume_attachment)');
      else if (i.type === 'aws_globalaccelerator_listener' && this.inv.accelerators > 0) this.markRead(i, 'Global Accelerator listener');
      else this.skip(i, 'unused', 'not used by any resource the importer reads');
    }
  }

  // ---- compute ------------------------------------------------------------------------------------------------

  private piece(inst: TfInstance, region: string, instanceType: string, count: number, gbPerInstance: number, rootDefaulted: boolean, notes: string[] = []): void {
    const modules = inst.modules.map((m) => m.name);
    this.inv.pieces.push({
      block: [...modules, `${inst.type}.${inst.name}`].join('.'),
      name: inst.name,
      module: modules[modules.length - 1] ?? '',
      region,
      instanceType,
      count,
      gbTotal: gbPerInstance * count,
      rootDefaulted: rootDefaulted ? count : 0,
      insts: [inst],
      notes,
    });
  }

  /** Root + EBS block device sizes of an aws_instance or launch configuration; the root from the AMI when unset. */
  private disks(inst: TfInstance): { gb: number; rootDefaulted: boolean } {
    const root = this.known(inst, ['root_block_device', 0, 'volume_size'], volumeGb);
    const extra = blocks(inst.values.ebs_block_device).reduce((s, _, i) => s + (this.known(inst, ['ebs_block_device', i, 'volume_size'], volumeGb) ?? 0), 0);
    return root === undefined ? { gb: IMPORT_DEFAULTS.rootVolumeGb.value + extra, rootDefaulted: true } : { gb: root + extra, rootDefaulted: false };
  }

  /** Instance type and disks of a launch template (block_device_mappings) or launch configuration. */
  private launchSpec(template: TfInstance | undefined): { instanceType?: string; gb?: number; rootDefaulted?: boolean } {
    if (!template) return {};
    this.markRead(template, 'launch settings of a compute tier');
    const instanceType = this.known(template, ['instance_type'], str);
    if (template.type === 'aws_launch_configuration') return { ...(instanceType ? { instanceType } : {}), ...this.disks(template) };
    let gb = 0;
    let sized = false;
    blocks(template.values.block_device_mappings).forEach((m, i) => {
      blocks(m.ebs).forEach((_, j) => {
        const size = this.known(template, ['block_device_mappings', i, 'ebs', j, 'volume_size'], volumeGb);
        if (size !== undefined) {
          gb += size;
          sized = true;
        }
      });
    });
    return { ...(instanceType ? { instanceType } : {}), ...(sized ? { gb, rootDefaulted: false } : {}) };
  }

  private template(inst: TfInstance, keys: string[]): TfInstance | undefined {
    for (const k of keys) {
      const t = this.links.find(inst, k, ['aws_launch_template', 'aws_launch_configuration'])[0];
      if (t) return t;
    }
    return undefined;
  }

  private instance(inst: TfInstance): void {
    const region = this.locate(inst);
    if (!region) return;
    const lt = this.template(inst, ['launch_template']);
    const spec = this.launchSpec(lt);
    const own = this.known(inst, ['instance_type'], str);
    const instanceType = own ?? spec.instanceType;
    if (!instanceType) return this.skip(inst, 'unknown', 'instance_type is unknown until apply');
    if (!isInstanceType(instanceType)) return this.skip(inst, 'not-modelled', `instance_type ${JSON.stringify(instanceType).slice(0, 60)} is not an EC2 instance type`);
    const disks = this.disks(inst);
    const fromTemplate = disks.rootDefaulted && spec.gb !== undefined;
    this.piece(inst, region, instanceType, 1, fromTemplate ? spec.gb! : disks.gb, fromTemplate ? false : disks.rootDefaulted);
  }

  private autoscalingGroup(inst: TfInstance): void {
    const region = this.locate(inst);
    if (!region) return;
    const count = this.known(inst, ['desired_capacity'], instanceCount) ?? this.known(inst, ['min_size'], instanceCount);
    if (count === undefined) return this.skip(inst, 'unknown', 'desired_capacity and min_size are unknown until apply');
    const overrides = blocks(first(first(inst.values.mixed_instances_policy)?.launch_template)?.override)
      .map((o) => str(o.instance_type))
      .filter((t): t is string => t !== undefined);
    const spec = this.launchSpec(this.template(inst, ['launch_template', 'mixed_instances_policy', 'launch_configuration']));
    const instanceType = overrides[0] ?? spec.instanceType;
    if (!instanceType) return this.skip(inst, 'unknown', 'instance type unknown: no launch template or launch configuration with an instance_type in the plan');
    if (!isInstanceType(instanceType)) return this.skip(inst, 'not-modelled', `instance type ${JSON.stringify(instanceType).slice(0, 60)} is not an EC2 instance type`);
    const notes: string[] = [];
    if (overrides.length > 1) notes.push(`mixed instances ${overrides.join(', ')}: priced as the first, ${instanceType}`);
    const onDemandPct = num(first(first(inst.values.mixed_instances_policy)?.instances_distribution)?.on_demand_percentage_above_base_capacity);
    if (onDemandPct !== undefined && onDemandPct < 100) notes.push(`${100 - onDemandPct}% Spot above the base capacity: priced On-Demand`);
    this.piece(inst, region, instanceType, Math.max(0, Math.round(count)), spec.gb ?? IMPORT_DEFAULTS.rootVolumeGb.value, spec.gb === undefined, notes);
  }

  private nodeGroup(inst: TfInstance): void {
    const region = this.locate(inst);
    if (!region) return;
    const count = this.known(inst, ['scaling_config', 0, 'desired_size'], instanceCount) ?? this.known(inst, ['scaling_config', 0, 'min_size'], instanceCount);
    if (count === undefined) return this.skip(inst, 'unknown', 'scaling_config desired_size and min_size are unknown until apply');
    const spec = this.launchSpec(this.template(inst, ['launch_template']));
    const types = unknownAt(inst.unknown, ['instance_types']) ? [] : strings(inst.values.instance_types);
    const instanceType = types[0] ?? spec.instanceType ?? AWS_DEFAULTS.eksInstanceType;
    if (!isInstanceType(instanceType)) return this.skip(inst, 'not-modelled', `instance type ${JSON.stringify(instanceType).slice(0, 60)} is not an EC2 instance type`);
    const notes: string[] = [];
    if (types.length > 1) notes.push(`instance types ${types.join(', ')}: priced as the first, ${instanceType}`);
    if (!types.length && !spec.instanceType) notes.push(`no instance_types: the EKS default ${AWS_DEFAULTS.eksInstanceType}`);
    if (str(inst.values.capacity_type) === 'SPOT') notes.push('capacity_type SPOT: priced On-Demand');
    const gb = this.known(inst, ['disk_size'], volumeGb) ?? spec.gb ?? AWS_DEFAULTS.eksDiskGb;
    this.piece(inst, region, instanceType, Math.max(0, Math.round(count)), gb, false, notes);
  }

  private volumeAttachment(att: TfInstance): void {
    const target = this.links.find(att, 'instance_id', ['aws_instance'])[0];
    const volume = this.links.find(att, 'volume_id', ['aws_ebs_volume'])[0];
    const piece = target ? this.inv.pieces.find((p) => p.insts.includes(target)) : undefined;
    if (!piece || !volume) return this.skip(att, 'unused', piece ? 'its volume is not in the plan' : 'its instance is not an imported aws_instance');
    const size = this.known(volume, ['size'], volumeGb);
    if (size === undefined) {
      this.skip(volume, 'unknown', 'size is unknown until apply');
      return this.markRead(att, 'EBS attachment (volume size unknown)');
    }
    piece.gbTotal += size;
    this.markRead(volume, `EBS volume of ${piece.name}`);
    this.markRead(att, `EBS attachment to ${piece.name}`);
  }

  // ---- data stores --------------------------------------------------------------------------------------------

  private storeBase(inst: TfInstance, region: string, kind: StoreFact['kind'], engine: StoreEngine, notes: string[]): StoreFact {
    return { inst, kind, name: inst.name, region, engine, storageGb: 0, notes, addresses: [inst.address] };
  }

  private dbInstance(inst: TfInstance): void {
    const region = this.locate(inst);
    if (!region) return;
    const { source, value: sourceRef, region: linked } = this.sourceOf(inst, 'replicate_source_db', ['aws_db_instance']);
    if (sourceRef !== undefined || source || unknownAt(inst.unknown, ['replicate_source_db'])) {
      // A cross-region replica names its source by ARN; a same-region one by identifier (RDS CreateDBInstanceReadReplica).
      const sourceRegion = linked ?? (sourceRef ? region : undefined);
      if (sourceRegion === region) return this.skip(inst, 'not-modelled', 'a read replica in the same region as its source');
      this.inv.replicas.push({ kind: 'rds-replica', region, ...(sourceRegion ? { sourceRegion } : {}), address: inst.address, ...(source ? { of: source } : {}) });
      return this.markRead(inst, `DR posture: RDS read replica in ${region}`);
    }
    const raw = this.known(inst, ['engine'], str);
    if (!raw) return this.skip(inst, 'unknown', 'engine is unknown until apply');
    const mapped = ENGINE_MAP[raw];
    if (!mapped || mapped.engine.startsWith('aurora')) return this.skip(inst, 'not-modelled', `engine ${raw} is not modelled (dr-advisor models MySQL, PostgreSQL, MariaDB as MySQL, Aurora and DynamoDB)`);
    const instanceClass = this.known(inst, ['instance_class'], str);
    if (!instanceClass || !/^db\.[a-z0-9-]+\.[a-z0-9]+$/.test(instanceClass)) return this.skip(inst, 'unknown', instanceClass ? `instance_class ${instanceClass} is not a DB instance class` : 'instance_class is unknown until apply');
    const store = this.storeBase(inst, region, 'rds', mapped.engine, mapped.note ? [mapped.note] : []);
    store.instanceClass = instanceClass;
    const gb = this.known(inst, ['allocated_storage'], storageGb);
    store.storageGb = gb ?? IMPORT_DEFAULTS.rdsStorageGb.value;
    if (gb === undefined) store.storageDefault = 'rdsStorageGb';
    store.multiAz = this.known(inst, ['multi_az'], bool) ?? false;
    const retention = this.known(inst, ['backup_retention_period'], num);
    if (retention !== undefined) store.pitr = retention > 0;
    this.inv.stores.push(store);
  }

  private clusterMembers(cluster: TfInstance): TfInstance[] {
    return this.links.instancesOf('aws_rds_cluster_instance').filter((m) => m.action !== 'delete' && this.links.find(m, 'cluster_identifier', ['aws_rds_cluster']).includes(cluster));
  }

  private rdsCluster(inst: TfInstance): void {
    const region = this.locate(inst);
    if (!region) return;
    const global = this.links.find(inst, 'global_cluster_identifier', ['aws_rds_global_cluster'])[0];
    const raw = this.known(inst, ['engine'], str) ?? (global ? this.known(global, ['engine'], str) : undefined);
    if (!raw) return this.skip(inst, 'unknown', 'engine is unknown until apply');
    const mapped = ENGINE_MAP[raw];
    if (!mapped) return this.skip(inst, 'not-modelled', `engine ${raw} is not modelled`);
    if (str(inst.values.engine_mode) === 'serverless') return this.skip(inst, 'not-modelled', 'Aurora Serverless v1 (engine_mode serverless) is not modelled');
    const members = this.clusterMembers(inst).sort(
      (a, b) => (num(a.values.promotion_tier) ?? 1) - (num(b.values.promotion_tier) ?? 1) || String(a.index ?? '').localeCompare(String(b.index ?? '')) || a.address.localeCompare(b.address),
    );
    const writer = members.find((m) => bool(m.values.writer) === true) ?? members[0];
    const aurora = mapped.engine.startsWith('aurora');
    const store = this.storeBase(inst, region, aurora ? 'aurora' : 'rds-cluster', mapped.engine, mapped.note ? [mapped.note] : []);
    const retention = this.known(inst, ['backup_retention_period'], num);
    if (retention !== undefined) store.pitr = retention > 0;
    if (aurora) {
      const cls = writer ? this.known(writer, ['instance_class'], str) : undefined;
      if (cls && /^db\.[a-z0-9-]+\.[a-z0-9]+$/.test(cls)) store.instanceClass = cls;
      else store.classDefault = cls === 'db.serverless' ? 'Aurora Serverless v2 (db.serverless) is not modelled' : writer ? 'the writer instance_class is unknown until apply' : 'no aws_rds_cluster_instance in the plan';
      store.storageGb = IMPORT_DEFAULTS.auroraStorageGb.value;
      store.storageDefault = 'auroraStorageGb';
      store.multiAz = members.length >= 2;
      if (members.length > 2) store.notes.push(`${members.length} instances: modelled as a writer and one reader`);
    } else {
      // A Multi-AZ DB cluster: a writer and two readable standbys (RDS User Guide, "Multi-AZ DB cluster deployments").
      const cls = this.known(inst, ['db_cluster_instance_class'], str);
      if (!cls) return this.skip(inst, 'unknown', 'db_cluster_instance_class is unknown until apply');
      store.instanceClass = cls;
      const gb = this.known(inst, ['allocated_storage'], storageGb);
      store.storageGb = gb ?? IMPORT_DEFAULTS.rdsStorageGb.value;
      if (gb === undefined) store.storageDefault = 'rdsStorageGb';
      store.multiAz = true;
      store.notes.push('a Multi-AZ DB cluster is priced as an RDS Multi-AZ instance');
    }
    for (const m of members) {
      store.addresses.push(m.address);
      this.markRead(m, `instance of cluster ${inst.name}`);
    }
    const { source, region: sourceRegion } = this.sourceOf(inst, 'replication_source_identifier', ['aws_rds_cluster']);
    if (sourceRegion && sourceRegion !== region) {
      this.inv.replicas.push({ kind: 'aurora-replica', region, sourceRegion, address: inst.address, ...(source ? { of: source } : {}) });
      return this.markRead(inst, `DR posture: cross-region replica cluster in ${region}`);
    }
    if (global) {
      store.group = global.address;
      const members2 = blocks(global.values.global_cluster_members);
      const arn = str(inst.values.arn);
      const listed = arn ? members2.find((m) => m.db_cluster_arn === arn) : undefined;
      const sourceOfGlobal = this.links.find(global, 'source_db_cluster_identifier', ['aws_rds_cluster']);
      if (listed && bool(listed.is_writer) !== undefined) store.writerHint = bool(listed.is_writer);
      else if (sourceOfGlobal.length) store.writerHint = sourceOfGlobal.includes(inst);
      else if (this.known(inst, ['master_username'], str)) store.writerHint = true;
    }
    this.inv.stores.push(store);
  }

  private globalCluster(inst: TfInstance): void {
    const members = this.inv.stores.filter((s) => s.group === inst.address);
    if (!members.length) return this.skip(inst, 'unused', 'no member cluster the importer could read');
    this.markRead(inst, `DR posture: Aurora global database (${members.length} cluster${members.length === 1 ? '' : 's'})`);
  }

  private readonly globalTables = new Map<string, TfInstance>();

  private dynamoGlobalV1(inst: TfInstance): void {
    const name = str(inst.values.name);
    if (!name) return this.skip(inst, 'unknown', 'name is unknown until apply');
    this.globalTables.set(name, inst);
  }

  private dynamoTable(inst: TfInstance): void {
    const region = this.locate(inst);
    if (!region) return;
    const store = this.storeBase(inst, region, 'dynamodb', 'dynamodb', []);
    const billing = this.known(inst, ['billing_mode'], str) ?? 'PROVISIONED';
    if (billing === 'PAY_PER_REQUEST') {
      store.writesPerSecond = IMPORT_DEFAULTS.dynamodbOnDemandRate.value;
      store.readsPerSecond = IMPORT_DEFAULTS.dynamodbOnDemandRate.value;
      store.ratesDefault = 'on-demand (PAY_PER_REQUEST): no capacity in the plan';
    } else {
      const w = this.known(inst, ['write_capacity'], requestRate);
      const r = this.known(inst, ['read_capacity'], requestRate);
      store.writesPerSecond = w ?? IMPORT_DEFAULTS.dynamodbOnDemandRate.value;
      store.readsPerSecond = r ?? IMPORT_DEFAULTS.dynamodbOnDemandRate.value;
      if (w === undefined || r === undefined) store.ratesDefault = 'provisioned capacity unknown until apply';
      else store.notes.push(`provisioned ${w} WCU / ${r} RCU taken as the average request rate (dr-advisor prices on-demand requests)`);
    }
    store.storageGb = IMPORT_DEFAULTS.dynamodbStorageGb.value;
    store.storageDefault = 'dynamodbStorageGb';
    const pitr = this.known(inst, ['point_in_time_recovery', 0, 'enabled'], bool);
    store.pitr = pitr ?? false;
    for (const r of blockRegions(inst, 'replica', 'region_name')) {
      if (r === region) continue;
      if (!isPricedRegion(r)) {
        this.note(`${inst.address}: replica in ${r} ignored (not a region dr-advisor prices)`);
        continue;
      }
      this.inv.replicas.push({ kind: 'dynamodb-replica', region: r, sourceRegion: region, address: `${inst.address} replica ${r}`, of: inst });
    }
    const v1 = str(inst.values.name) ? this.globalTables.get(str(inst.values.name)!) : undefined;
    if (v1) {
      store.group = v1.address;
      this.markRead(v1, 'DR posture: DynamoDB global table (version 2017.11.29)');
    }
    this.inv.stores.push(store);
  }

  private dynamoReplica(inst: TfInstance): void {
    const region = this.locate(inst);
    if (!region) return;
    const { source: table, region: sourceRegion } = this.sourceOf(inst, 'global_table_arn', ['aws_dynamodb_table']);
    if (!sourceRegion) return this.skip(inst, 'unknown', 'its global table is not in the plan and global_table_arn is unknown');
    this.inv.replicas.push({ kind: 'dynamodb-replica', region, sourceRegion, address: inst.address, ...(table ? { of: table } : {}) });
    this.markRead(inst, `DR posture: DynamoDB replica in ${region}`);
  }

  private bucket(inst: TfInstance): void {
    const region = this.locate(inst);
    if (!region) return;
    this.inv.buckets.push({ inst, region, destination: false });
  }

  /** AWS provider v3: replication rules inline (replication_configuration.rules.destination.bucket is an ARN). */
  private inlineReplication(inst: TfInstance): void {
    const from = this.inv.regionByAddress.get(inst.address);
    if (!from) return;
    for (const d of this.links.find(inst, 'replication_configuration', ['aws_s3_bucket'])) this.replicationTo(inst.address, from, d);
  }

  private replicationTo(address: string, from: string, dest: TfInstance): void {
    const to = this.inv.regionByAddress.get(dest.address) ?? this.locate(dest, false);
    const entry = this.inv.buckets.find((b) => b.inst === dest);
    if (entry) entry.destination = true;
    if (to && to !== from) this.inv.backups.push({ kind: 's3-replication', from, to, address });
  }

  private bucketReplication(inst: TfInstance): void {
    const source = this.links.find(inst, 'bucket', ['aws_s3_bucket'])[0];
    const from = (source && this.inv.regionByAddress.get(source.address)) ?? this.locate(inst, false);
    const dests = this.links.find(inst, 'rule', ['aws_s3_bucket']);
    if (!from || !dests.length) return this.skip(inst, 'unused', source ? 'its destination bucket is not in the plan' : 'its source bucket is not in the plan');
    for (const d of dests) this.replicationTo(inst.address, from, d);
    this.markRead(inst, 'DR posture: S3 replication');
  }

  private backupPlan(inst: TfInstance): void {
    const from = this.locate(inst);
    if (!from) return;
    const rules = blocks(inst.values.rule);
    const vaults = this.links.find(inst, 'rule', ['aws_backup_vault']);
    let copies = 0;
    rules.forEach((rule, i) => {
      const hours = cronIntervalHours(str(rule.schedule));
      if (hours !== undefined && (this.inv.backupIntervalHours === undefined || hours < this.inv.backupIntervalHours)) {
        this.inv.backupIntervalHours = hours;
        this.inv.backupIntervalFrom = `${inst.address} rule ${str(rule.rule_name) ?? i} schedule ${str(rule.schedule)}`;
      }
      blocks(rule.copy_action).forEach((copy, j) => {
        const arn = this.known(inst, ['rule', i, 'copy_action', j, 'destination_vault_arn'], str);
        let to = arn ? regionOfArn(arn) : undefined;
        if (!to) {
          const remote = vaults.map((v) => this.locate(v, false)).find((r) => r && r !== from);
          to = remote;
        }
        if (to && to !== from) {
          this.inv.backups.push({ kind: 'backup-copy', from, to, address: inst.address });
          copies++;
        }
      });
    });
    for (const v of vaults) this.markRead(v, 'backup vault');
    this.markRead(inst, copies ? 'DR posture: backups copied to another region' : 'backup schedule');
  }

  private backupReplication(inst: TfInstance): void {
    const to = this.locate(inst);
    if (!to) return;
    const { region: from } = this.sourceOf(inst, 'source_db_instance_arn', ['aws_db_instance']);
    if (!from) return this.skip(inst, 'unknown', 'the source instance is not in the plan and its ARN is unknown');
    if (from !== to) this.inv.backups.push({ kind: 'rds-backup-replication', from, to, address: inst.address });
    this.markRead(inst, `DR posture: RDS automated backups replicated to ${to}`);
  }

  // ---- traffic ------------------------------------------------------------------------------------------------

  private loadBalancer(inst: TfInstance): void {
    const region = this.locate(inst);
    if (!region) return;
    if (inst.type === 'aws_elb') {
      this.inv.lbs.push({ address: inst.address, region, kind: 'classic' });
      return this.markRead(inst, 'load balancer (Classic, priced as an ALB)');
    }
    const t = this.known(inst, ['load_balancer_type'], str) ?? 'application';
    if (t === 'gateway') return this.skip(inst, 'not-modelled', 'a Gateway Load Balancer is not modelled');
    const kind = t === 'network' ? 'network' : 'application';
    this.inv.lbs.push({ address: inst.address, region, kind });
    this.markRead(inst, kind === 'network' ? 'load balancer (NLB, priced as an ALB)' : 'load balancer (ALB)');
  }

  private healthCheck(inst: TfInstance): void {
    this.inv.healthChecks++;
    this.markRead(inst, 'automated detection (Route 53 health check)');
  }

  private record(inst: TfInstance): void {
    const v = inst.values;
    const alias = first(v.alias);
    const target = this.links.find(inst, 'alias', LB_TYPES)[0];
    const failover = str(first(v.failover_routing_policy)?.type);
    const latency = first(v.latency_routing_policy);
    const weighted = first(v.weighted_routing_policy);
    const policy: RecordFact['policy'] =
      failover === 'PRIMARY' ? 'failover-primary'
      : failover === 'SECONDARY' ? 'failover-secondary'
      : latency ? 'latency'
      : weighted ? 'weighted'
      : first(v.geolocation_routing_policy) || first(v.geoproximity_routing_policy) ? 'geo'
      : bool(v.multivalue_answer_routing_policy) ? 'multivalue'
      : 'simple';
    const targetRegion = (isRegionCode(latency?.region) ? latency.region : undefined) ?? (target ? this.inv.regionByAddress.get(target.address) : undefined);
    if (policy === 'simple' && !target) return this.skip(inst, 'no-cost', 'a DNS record that does not route to a load balancer in the plan');
    // An alias to an ELB load balancer has a fixed 60 s TTL (Route 53 FAQ, DNS failover).
    const own = this.known(inst, ['ttl'], ttlSeconds);
    const aliasTtl = own === undefined && alias && (target || /elb\.amazonaws\.com\.?$/.test(str(alias.name) ?? '')) ? AWS_DEFAULTS.elbAliasTtlSeconds : undefined;
    const ttl = own ?? aliasTtl;
    const healthCheck = this.known(inst, ['health_check_id'], str) !== undefined || unknownAt(inst.unknown, ['health_check_id']) || this.links.find(inst, 'health_check_id', ['aws_route53_health_check']).length > 0 || bool(alias?.evaluate_target_health) === true;
    const weight = num(weighted?.weight);
    this.inv.records.push({ address: inst.address, policy, ...(ttl !== undefined ? { ttl } : {}), ...(aliasTtl !== undefined ? { ttlFromAlias: true } : {}), ...(targetRegion ? { targetRegion } : {}), healthCheck, ...(weight !== undefined ? { weight } : {}) });
    this.markRead(inst, policy === 'simple' ? 'DNS (Route 53)' : `DNS ${policy.replace('-', ' ')} routing (Route 53)`);
  }

  private accelerator(inst: TfInstance): void {
    this.inv.accelerators++;
    this.markRead(inst, 'traffic: Global Accelerator');
  }

  private endpointGroup(inst: TfInstance): void {
    const region = (isRegionCode(inst.values.endpoint_group_region) ? inst.values.endpoint_group_region : undefined) ?? this.locate(inst, false);
    if (!region) return this.skip(inst, 'no-region', 'endpoint_group_region is unknown until apply');
    if (!isPricedRegion(region)) return this.skip(inst, 'region-not-priced', `${region} is not a region dr-advisor prices`);
    const dial = this.known(inst, ['traffic_dial_percentage'], percent) ?? 100;
    this.inv.endpointGroups.push({ address: inst.address, region, dial });
    this.markRead(inst, `Global Accelerator endpoints in ${region} (traffic dial ${dial}%)`);
  }

}

/**
 * Hours between backups of an AWS Backup cron schedule `cron(min hour dom month dow year)`: every hour, every N
 * hours, a list of hours, daily, weekly or monthly; undefined when the expression says something else.
 */
export function cronIntervalHours(schedule: string | undefined): number | undefined {
  const m = /^cron\(\s*(\S+)\s+(\S+)\s+(\S+)\s+(\S+)\s+(\S+)(?:\s+(\S+))?\s*\)$/.exec(schedule?.trim() ?? '');
  if (!m) return undefined;
  const [, minute, hour, dom, , dow] = m;
  if (!/^\d+$/.test(minute)) return undefined;
  const anyDay = (dom === '*' || dom === '?') && (dow === '*' || dow === '?');
  if (anyDay) {
    if (hour === '*') return 1;
    const step = /^(?:\*|\d+)\/(\d+)$/.exec(hour);
    if (step && Number(step[1]) > 0) return Number(step[1]);
    if (/^\d+(,\d+)+$/.test(hour)) return 24 / hour.split(',').length;
    if (/^\d+$/.test(hour)) return 24;
    return undefined;
  }
  if (!/^\d+$/.test(hour)) return undefined;
  if ((dom === '*' || dom === '?') && /^[A-Za-z0-9]+$/.test(dow)) return 168;
  if (/^\d+$/.test(dom) && (dow === '*' || dow === '?')) return 720;
  return undefined;
}

export { Collector };

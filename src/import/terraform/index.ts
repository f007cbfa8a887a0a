/**
 * `importTerraform`: the JSON of `terraform show -json` → a dr-advisor workload (multi-part when the plan has several
 * compute tiers or data stores), the comments its YAML carries, and a summary of what was read, defaulted and
 * skipped. Pure: no I/O, no clock (the output is the same for the same input).
 */
import { ENGINES } from '../../model/engines';
import { InputError } from '../../errors';
import { Collector, type ComputePiece, type Inventory, type StoreFact } from './collect';
import { ConfigIndex } from './config';
import { IMPORT_DEFAULTS, type ImportDefault } from './defaults';
import { Links } from './links';
import { choosePrimary, inferPosture, type Posture } from './posture';
import { parseTerraformText, readTerraform, type TfDocument } from './read';
import { isPricedRegion, isRegionCode } from './regions';
import type { DefaultedValue, ImportedStore, ImportedTier, ImportedWorkload, ImportResult, ImportSummary } from './types';
import { at } from './values';

export { isTerraformJson } from './read';
export type * from './types';

export interface ImportOptions {
  /** The file name, for messages and the summary. */
  source: string;
  /** The workload name (default: "workload"). */
  name?: string;
}

export function importTerraformText(text: string, opts: ImportOptions): ImportResult {
  return buildImport(parseTerraformText(text, opts.source), opts);
}

export function importTerraform(doc: unknown, opts: ImportOptions): ImportResult {
  return buildImport(readTerraform(doc, opts.source), opts);
}

/** A part name: [a-z0-9-], from a Terraform resource name (`web_servers` → `web-servers`). */
export function partName(raw: string): string {
  const s = raw.toLowerCase().replace(/[^a-z0-9-]+/g, '-').replace(/-+/g, '-').replace(/^-|-$/g, '');
  return s || 'part';
}

/** A workload name the schema accepts (letters, digits, space . _ - /; at most 100 characters). */
export function workloadName(raw: string | undefined): string {
  const s = (raw ?? '').replace(/[^\p{L}\p{N} ._\-/]+/gu, '-').replace(/^[^\p{L}\p{N}]+/u, '').slice(0, 100).trim();
  return s || 'workload';
}

/** Gives every part a unique name: the resource name, else module-prefixed, else numbered. */
function uniqueNames<T extends { name: string; module: string }>(parts: T[]): string[] {
  const base = parts.map((p) => partName(p.name));
  const names = base.map((n, i) => (base.filter((x) => x === n).length > 1 && parts[i].module ? partName(`${parts[i].module}-${parts[i].name}`) : n));
  const seen = new Map<string, number>();
  return names.map((n) => {
    const k = (seen.get(n) ?? 0) + 1;
    seen.set(n, k);
    return k === 1 ? n : `${n}-${k}`;
  });
}

const round1 = (x: number) => Math.round(x * 10) / 10;
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

interface TierDraft {
  block: string;
  name: string;
  module: string;
  instanceType: string;
  pieces: ComputePiece[];
}

class Builder {
  private readonly comments: Record<string, string> = {};
  private readonly defaulted: DefaultedValue[] = [];
  private readonly notes: string[] = [];

  constructor(
    private readonly tf: TfDocument,
    private readonly inv: Inventory,
    private readonly col: Collector,
    private readonly cfg: ConfigIndex,
    private readonly opts: ImportOptions,
  ) {}

  private comment(path: string, text: string): void {
    this.comments[path] = this.comments[path] ? `${this.comments[path]}\n${text}` : text;
  }

  private markDefault(path: string, display: string, value: number | string, d: ImportDefault | { source: string; measure: string }, why = d.source): void {
    this.defaulted.push({ field: display, value, why, measure: d.measure });
    this.comment(path, `DEFAULT, not read from the plan: ${why}.\nMeasure: ${d.measure}.`);
  }

  build(): ImportResult {
    const { inv } = this;
    const providerDefault = this.cfg.defaultRegion();
    const writerRegions = inv.stores.filter((s) => !s.group || s.writerHint === true).map((s) => s.region);
    const primary = choosePrimary(inv, isRegionCode(providerDefault) ? providerDefault : undefined, writerRegions);
    if (!primary) throw this.noCompute('no AWS resource in a region dr-advisor prices');
    this.resolveGroups(primary.region);
    const posture = inferPosture(inv, primary);

    const tiers = this.tiers(posture);
    if (!tiers.length) throw this.noCompute(`no compute found: the plan has no aws_instance, aws_autoscaling_group or aws_eks_node_group in ${posture.primary}`);
    const stores = this.stores(posture);
    const single = <T extends { name: string }>(xs: T[]): Omit<T, 'name'> | T[] => {
      if (xs.length !== 1) return xs;
      const { name: _n, ...rest } = xs[0];
      return rest;
    };

    const workload: ImportedWorkload = {
      version: 1,
      name: workloadName(this.opts.name),
      ...(posture.strategy ? { strategy: posture.strategy } : {}),
      regions: { primary: posture.primary, dr: posture.dr, ...(posture.additional.length ? { additional: posture.additional } : {}) },
      compute: single(tiers),
      ...(stores.length ? { database: single(stores) } : {}),
      ...this.objectStorage(posture),
      dataChangeGbPerDay: this.dataChange(stores.length > 0),
      network: this.network(posture),
      operations: this.operations(posture, stores.length),
      ...(posture.strategy === 'active-active' ? { activeActive: { writePattern: 'global-write' as const } } : {}),
    };
    this.regionComments(posture);
    if (workload.activeActive) this.comment('activeActive.writePattern', "not read from the plan (how writes are routed is application logic): dr-advisor's default, one writer region");
    this.rewriteSingle(tiers.length === 1, 'compute');
    this.rewriteSingle(stores.length === 1, 'database');
    this.col.finish(this.tf.instances);

    const summary: ImportSummary = {
      source: { file: this.opts.source, kind: this.tf.kind, formatVersion: this.tf.formatVersion, terraformVersion: this.tf.terraformVersion ?? null },
      resources: this.tf.instances.length,
      read: [...inv.read].sort((a, b) => a.address.localeCompare(b.address) || a.as.localeCompare(b.as)),
      defaulted: this.defaulted,
      skipped: inv.skipped,
      notes: [...this.notes, ...inv.notes],
    };
    return { workload, parts: { tiers, stores }, comments: this.comments, summary };
  }

  /** No workload without compute: the first compute resource skipped says why, else `otherwise`. */
  private noCompute(otherwise: string): InputError {
    const skipped = this.inv.skipped.find((s) => ['aws_instance', 'aws_autoscaling_group', 'aws_eks_node_group'].includes(s.type) && s.reason !== 'deleted');
    return this.nothing(skipped ? `no compute tier could be read (${skipped.address}: ${skipped.detail ?? skipped.reason})` : otherwise);
  }

  private nothing(why: string): InputError {
    const skipped = this.inv.skipped.length;
    return new InputError(`${this.opts.source}: ${why}${skipped ? ` (${plural(skipped, 'resource')} skipped; \`dr-advisor import terraform\` lists them)` : ''}`);
  }

  /** Aurora global clusters and DynamoDB global tables (v1): the writer stays a store, the others are replicas. */
  private resolveGroups(primary: string): void {
    const groups = new Map<string, StoreFact[]>();
    for (const s of this.inv.stores) if (s.group) groups.set(s.group, [...(groups.get(s.group) ?? []), s]);
    for (const members of groups.values()) {
      const writer = members.find((m) => m.writerHint === true) ?? members.find((m) => m.region === primary) ?? [...members].sort((a, b) => a.inst.address.localeCompare(b.inst.address))[0];
      for (const m of members) {
        if (m === writer) continue;
        this.inv.stores.splice(this.inv.stores.indexOf(m), 1);
        const kind = m.kind === 'dynamodb' ? 'dynamodb-replica' : 'aurora-global';
        if (m.region === writer.region) {
          this.col.skip(m.inst, 'not-modelled', `a second member of ${m.group} in the same region`);
          continue;
        }
        this.inv.replicas.push({ kind, region: m.region, sourceRegion: writer.region, address: m.inst.address, of: writer.inst });
        this.col.markRead(m.inst, kind === 'aurora-global' ? `DR posture: Aurora global secondary in ${m.region}` : `DR posture: DynamoDB global table replica in ${m.region}`);
      }
    }
  }

  private tiers(posture: Posture): ImportedTier[] {
    const drafts: TierDraft[] = [];
    for (const piece of this.inv.pieces) {
      if (piece.region !== posture.primary) {
        for (const inst of piece.insts) this.col.markRead(inst, `DR posture: ${piece.count} × ${piece.instanceType} in ${piece.region}`);
        continue;
      }
      if (piece.count === 0) {
        for (const inst of piece.insts) this.col.skip(inst, 'unused', 'scaled to zero in the primary region (no running instances)');
        continue;
      }
      const d = drafts.find((x) => x.block === piece.block && x.instanceType === piece.instanceType);
      if (d) d.pieces.push(piece);
      else drafts.push({ block: piece.block, name: piece.name, module: piece.module, instanceType: piece.instanceType, pieces: [piece] });
    }
    // A block whose instances have several instance types: one tier per type, named with the type.
    for (const d of drafts) if (drafts.some((o) => o !== d && o.block === d.block)) d.name = `${d.name}-${d.instanceType}`;
    const names = uniqueNames(drafts);
    return drafts.map((d, i) => {
      const name = names[i];
      const path = `compute.${i}`;
      const count0 = d.pieces.reduce((s, p) => s + p.count, 0);
      const gb0 = round1(d.pieces.reduce((s, p) => s + p.gbTotal, 0) / count0);
      // The workload's limits (src/workload/schema.ts): said, never silently cut.
      const count = Math.min(count0, 10000);
      const gb = Math.min(gb0, 65536);
      const rootDefaulted = d.pieces.reduce((s, p) => s + p.rootDefaulted, 0);
      const insts = d.pieces.flatMap((p) => p.insts);
      const addresses = [...new Set(insts.map((x) => x.address.replace(/\[[^\]]*\]$/, '')))];
      for (const inst of insts) this.col.markRead(inst, `compute tier ${name} (${count0} × ${d.instanceType})`);
      this.comment(path, `from ${addresses.join(', ')}: ${count0} × ${d.instanceType}`);
      if (count < count0) this.comment(path, `written as ${count}, the most a workload tier holds`);
      if (gb < gb0) this.comment(path, `${gb0} GB of EBS per instance in the plan: written as ${gb}, the most a workload holds`);
      for (const n of new Set(d.pieces.flatMap((p) => p.notes))) {
        this.comment(path, n);
        this.notes.push(`compute tier ${name}: ${n}`);
      }
      if (rootDefaulted) {
        const d2 = IMPORT_DEFAULTS.rootVolumeGb;
        this.markDefault(`${path}.ebsGbPerInstance`, `compute[${i}].ebsGbPerInstance`, gb, d2, `${rootDefaulted === count ? 'the' : `${rootDefaulted} of ${count}`} root volume size${rootDefaulted === 1 ? ' is' : 's are'} not in the plan: ${d2.value} GB each, ${d2.source}`);
      }
      return { name, instanceType: d.instanceType, count, ebsGbPerInstance: gb };
    });
  }

  private stores(posture: Posture): ImportedStore[] {
    const primary = this.inv.stores.filter((s) => s.region === posture.primary);
    for (const s of this.inv.stores) if (s.region !== posture.primary) this.col.skip(s.inst, 'outside-primary', `in ${s.region}, not the primary region ${posture.primary}, and not a replica of a primary data store`);
    const names = uniqueNames(primary.map((s) => ({ name: s.name, module: s.inst.modules[s.inst.modules.length - 1]?.name ?? '' })));
    return primary.map((s, i) => {
      const name = names[i];
      const path = `database.${i}`;
      const display = `database[${i}]`;
      const store: ImportedStore = { name, engine: s.engine, ...(s.instanceClass ? { instanceClass: s.instanceClass } : {}), storageGb: s.storageGb };
      if (s.kind !== 'dynamodb') store.multiAz = s.multiAz ?? false;
      if (s.kind === 'dynamodb') {
        store.writesPerSecond = s.writesPerSecond ?? 0;
        store.readsPerSecond = s.readsPerSecond ?? 0;
      }
      const members = s.addresses.length > 1 ? ` with ${plural(s.addresses.length - 1, 'instance')}` : '';
      this.col.markRead(s.inst, `data store ${name} (${s.engine}${s.instanceClass ? ` ${s.instanceClass}` : ''})`);
      this.comment(path, `from ${s.inst.address}${members}${s.kind === 'aurora' ? `: multiAz ${store.multiAz ? 'true (a reader beside the writer)' : 'false (one instance)'}` : ''}`);
      for (const n of s.notes) {
        this.comment(path, n);
        this.notes.push(`data store ${name}: ${n}`);
      }
      if (s.classDefault) {
        const cls = ENGINES[s.engine].defaultClass!;
        this.markDefault(`${path}.engine`, `${display}.instanceClass`, cls, { source: '', measure: 'the instance_class of the cluster writer (aws_rds_cluster_instance)' }, `${s.classDefault}: dr-advisor's default class for ${s.engine}, ${cls}`);
      }
      if (s.storageDefault) {
        const d = IMPORT_DEFAULTS[s.storageDefault];
        this.markDefault(`${path}.storageGb`, `${display}.storageGb`, s.storageGb, d);
      }
      if (s.ratesDefault) {
        const d = IMPORT_DEFAULTS.dynamodbOnDemandRate;
        this.markDefault(`${path}.writesPerSecond`, `${display}.writesPerSecond`, store.writesPerSecond!, d, `${s.ratesDefault} (${d.value} request units/s: no request cost is priced until you set it)`);
        this.markDefault(`${path}.readsPerSecond`, `${display}.readsPerSecond`, store.readsPerSecond!, d, s.ratesDefault);
      }
      return store;
    });
  }

  /** Rewrites `compute.0.x` comment paths to `compute.x` when the part is written as one object. */
  private rewriteSingle(single: boolean, key: 'compute' | 'database'): void {
    if (!single) return;
    for (const path of Object.keys(this.comments)) {
      if (path === `${key}.0` || path.startsWith(`${key}.0.`)) {
        const to = path === `${key}.0` ? key : `${key}.${path.slice(key.length + 3)}`;
        this.comments[to] = this.comments[to] ? `${this.comments[to]}\n${this.comments[path]}` : this.comments[path];
        delete this.comments[path];
      }
    }
    for (const d of this.defaulted) d.field = d.field.replace(`${key}[0]`, key);
  }

  private objectStorage(posture: Posture): { objectStorage?: { storageGb: number } } {
    const buckets = this.inv.buckets.filter((b) => b.region === posture.primary && !b.destination);
    for (const b of this.inv.buckets) {
      if (b.region === posture.primary && !b.destination) this.col.markRead(b.inst, 'object storage (S3)');
      else if (b.destination) this.col.markRead(b.inst, `DR posture: S3 replication destination in ${b.region}`);
      else this.col.skip(b.inst, 'outside-primary', `in ${b.region}, not the primary region ${posture.primary}, and not a replication destination`);
    }
    if (!buckets.length) return {};
    const d = IMPORT_DEFAULTS.s3BucketGb;
    const gb = buckets.length * d.value;
    this.markDefault('objectStorage.storageGb', 'objectStorage.storageGb', gb, d, `${plural(buckets.length, 'S3 bucket')} × ${d.value} GB, ${d.source}`);
    return { objectStorage: { storageGb: gb } };
  }

  private dataChange(hasData: boolean): number {
    const d = IMPORT_DEFAULTS.dataChangeGbPerDay;
    this.markDefault('dataChangeGbPerDay', 'dataChangeGbPerDay', d.value, d, hasData ? d.source : `${d.source}; the plan has no data store, so it only sizes backup transfer`);
    return d.value;
  }

  private network(posture: Posture): ImportedWorkload['network'] {
    const { inv } = this;
    const lbs = inv.lbs.filter((l) => l.region === posture.primary);
    const net: ImportedWorkload['network'] = { loadBalancer: lbs.length ? 'alb' : 'none' };
    this.comment(
      'network.loadBalancer',
      lbs.length
        ? `${plural(lbs.length, 'load balancer')} in ${posture.primary}: ${lbs.map((l) => l.address).join(', ')}${lbs.some((l) => l.kind !== 'application') ? ' (Classic and Network Load Balancers are priced as an ALB)' : ''}`
        : `no aws_lb, aws_alb or aws_elb in ${posture.primary} in the plan`,
    );
    const routed = inv.records.filter((r) => r.policy !== 'simple');
    if (inv.accelerators > 0) {
      net.failoverRouting = 'global-accelerator';
      this.comment('network.failoverRouting', `Global Accelerator in the plan (${plural(inv.endpointGroups.length, 'endpoint group')})`);
      const d = IMPORT_DEFAULTS.globalAcceleratorEgressGb;
      net.egressGbPerMonth = d.value;
      this.markDefault('network.egressGbPerMonth', 'network.egressGbPerMonth', d.value, d);
    } else if (routed.length) {
      net.failoverRouting = 'route53';
      this.comment('network.failoverRouting', `Route 53 ${[...new Set(routed.map((r) => r.policy.replace(/-.*/, '')))].join(', ')} records: ${routed.map((r) => r.address).join(', ')}`);
    }
    const timed = (routed.length ? routed : inv.records).filter((r) => r.ttl !== undefined && r.ttl >= 0);
    if (timed.length) {
      const longest = timed.reduce((a, b) => (b.ttl! > a.ttl! ? b : a));
      net.dnsTtlSeconds = Math.round(longest.ttl!);
      const how = longest.ttlFromAlias ? 'an alias to a load balancer, whose TTL is fixed at 60 s (Route 53 FAQ, DNS failover)' : `ttl ${longest.ttl}`;
      this.comment('network.dnsTtlSeconds', `${longest.address}: ${how}${timed.length > 1 ? `, the longest of ${plural(timed.length, routed.length ? 'routing record' : 'DNS record')}` : ''}`);
    }
    return net;
  }

  private operations(posture: Posture, storeCount: number): ImportedWorkload['operations'] {
    const { inv } = this;
    const checks = inv.healthChecks + inv.records.filter((r) => r.healthCheck && r.policy !== 'simple').length;
    const failoverWithChecks = inv.records.some((r) => r.policy === 'failover-primary' && r.healthCheck) || (posture.strategy === 'active-active' && checks > 0);
    const ops: ImportedWorkload['operations'] = { detection: checks > 0 ? 'automated' : 'manual', failoverDecision: failoverWithChecks ? 'automated' : 'manual' };
    this.comment('operations.detection', checks > 0 ? `Route 53 health checks in the plan (${plural(inv.healthChecks, 'aws_route53_health_check')})` : 'no Route 53 health check in the plan');
    this.comment(
      'operations.failoverDecision',
      failoverWithChecks ? 'Route 53 moves traffic on a failed health check (failover or latency records with health checks), without waiting for a person' : 'no health-checked failover routing in the plan: a person decides',
    );
    if (inv.backupIntervalHours !== undefined) {
      ops.backupIntervalHours = Math.min(720, inv.backupIntervalHours);
      this.comment('operations.backupIntervalHours', `from ${inv.backupIntervalFrom}`);
    }
    const known = this.inv.stores.filter((s) => s.region === posture.primary && s.pitr !== undefined);
    if (storeCount && known.length) {
      const without = known.filter((s) => !s.pitr);
      ops.pointInTimeRecovery = without.length === 0;
      this.comment(
        'operations.pointInTimeRecovery',
        without.length ? `off for ${without.map((s) => s.inst.address).join(', ')} (backup_retention_period 0, or point_in_time_recovery not enabled)` : 'every data store keeps continuous backups (backup_retention_period > 0, or point_in_time_recovery enabled)',
      );
    }
    if (posture.warmStandbyCapacity !== undefined) {
      ops.warmStandbyCapacity = posture.warmStandbyCapacity;
      this.comment('operations.warmStandbyCapacity', `read from the plan: ${posture.why.split(';')[0]}`);
    }
    return ops;
  }

  private regionComments(posture: Posture): void {
    this.comment('regions.primary', `${posture.primaryWhy}`);
    this.comment('regions.dr', posture.drFromRule ? posture.drWhy : `from the plan: ${posture.drWhy}`);
    if (posture.additional.length) this.comment('regions.additional', 'more regions serving traffic at full size');
    if (posture.strategy) this.comment('strategy', `inferred from the plan: ${posture.why}`);
    else this.comment('regions.dr', `strategy not set: ${posture.why}`);
    this.notes.unshift(posture.strategy ? `strategy ${posture.strategy}: ${posture.why}` : `no strategy: ${posture.why}`);
    this.notes.unshift(posture.drFromRule ? `regions.dr ${posture.dr}: ${posture.drWhy}` : `regions: primary ${posture.primary} (${posture.primaryWhy}), dr ${posture.dr} (${posture.drWhy})`);
    for (const r of posture.ignored) {
      this.notes.push(
        isPricedRegion(r)
          ? `${r} also appears in the plan; dr-advisor models one DR region${posture.strategy === 'active-active' ? ' plus the active ones' : ''}, so it is not in the workload`
          : `${r} also appears in the plan but is not a region dr-advisor prices, so it is not in the workload`,
      );
    }
  }
}

function buildImport(tf: TfDocument, opts: ImportOptions): ImportResult {
  const cfg = new ConfigIndex(tf.configuration, tf.variables);
  const links = new Links(tf.instances, cfg);
  const col = new Collector(cfg, links);
  const inv = col.run(tf.instances);
  return new Builder(tf, inv, col, cfg, opts).build();
}

/** The value at a comment path (for tests and the renderer): `database.1.storageGb`. */
export function valueAtPath(workload: ImportedWorkload, path: string): unknown {
  return at(workload, path.split('.').map((k) => (/^\d+$/.test(k) ? Number(k) : k)));
}

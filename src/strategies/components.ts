/**
 * Building blocks shared by the strategy models: each returns the cost lines of one piece of infrastructure in one
 * region. Quantities only; prices are applied later in one place. A tier's or a store's lines name it when the
 * workload names its parts (src/workload/parts.ts): `App servers (web, m5.large)`, `DynamoDB storage (sessions)`.
 */
import type { Assumptions } from '../model/assumptions';
import { isAurora, isRelational } from '../model/engines';
import { DAYS_PER_MONTH, HOURS_PER_MONTH } from '../model/time';
import { inPart, ofPart, partField, type Store, type Tier } from '../workload/parts';
import type { Workload } from '../workload/validate';
import type { CostLine, FailoverPlan } from './types';


const round = (n: number, d = 2) => Math.round(n * 10 ** d) / 10 ** d;


/** A tier's app servers and their EBS volumes. */
export function computeFleet(tier: Tier, region: string, count: number, label: string): CostLine[] {
  const { instanceType, ebsGbPerInstance } = tier;
  const part = partField(tier);
  const lines: CostLine[] = [
    {
      component: `${label} (${inPart(tier, instanceType)})`,
      region,
      usage: `${count} × ${instanceType}, Linux on-demand, 730 h`,
      key: { service: 'ec2.instance', region, attrs: { instanceType } },
      hourlyQuantity: count,
      ...part,
    },
  ];
  if (ebsGbPerInstance > 0) {
    lines.push({
      component: `${label} EBS gp3 volumes${ofPart(tier)}`,
      region,
      usage: `${count} × ${ebsGbPerInstance} GB gp3`,
      key: { service: 'ebs.gp3', region },
      monthlyQuantity: count * ebsGbPerInstance,
      ...part,
    });
  }
  return lines;
}

/** Every tier's fleet, each sized by `count(tier)` (none for a tier sized 0). */
export function fleets(w: Workload, region: string, count: (t: Tier) => number, label: string): CostLine[] {
  return w.tiers.flatMap((t) => {
    const n = count(t);
    return n > 0 ? computeFleet(t, region, n, label) : [];
  });
}

export function loadBalancer(w: Workload, a: Assumptions, region: string): CostLine[] {
  if (w.network.loadBalancer === 'none') return [];
  return [
    { component: 'Application Load Balancer', region, usage: '1 ALB, 730 h', key: { service: 'elb.alb', region }, hourlyQuantity: 1 },
    {
      component: 'ALB capacity units',
      region,
      usage: `${a.albLcuPerHour.value} LCU per hour (albLcuPerHour)`,
      key: { service: 'elb.albLcu', region },
      hourlyQuantity: a.albLcuPerHour.value,
      assumptions: ['albLcuPerHour'],
    },
  ];
}

/** A store's running database instance (Aurora writer/secondary, RDS instance or replica) and its storage. */
export function databaseInstance(store: Store, region: string, role: string, opts: { multiAz?: boolean; instances?: number } = {}): CostLine[] {
  if (!isRelational(store.engine)) return [];
  const engine = store.engine;
  const instanceClass = store.instanceClass!;
  const part = partField(store);
  const aurora = isAurora(engine);
  // Aurora has no Multi-AZ instance price: Multi-AZ is a second (reader) instance. RDS Multi-AZ has its own price.
  const instances = opts.instances ?? (aurora && opts.multiAz ? 2 : 1);
  const deployment = !aurora && opts.multiAz ? 'multi-az' : 'single-az';
  return [
    {
      component: `${role} (${inPart(store, instanceClass)})`,
      region,
      usage: `${instances} × ${instanceClass}, ${engine}, ${deployment}, 730 h`,
      key: { service: 'rds.instance', region, attrs: { engine, instanceClass, deployment } },
      hourlyQuantity: instances,
      ...part,
    },
    {
      component: `${role} storage${ofPart(store)}`,
      region,
      usage: `${store.storageGb} GB ${aurora ? 'Aurora storage' : 'gp3'}`,
      key: { service: 'rds.storage', region, attrs: { engine } },
      monthlyQuantity: store.storageGb * (!aurora && opts.multiAz ? 2 : 1),
      ...part,
    },
  ];
}

/** A DynamoDB table in the primary region: on-demand reads, writes and storage. */
export function dynamoTable(store: Store, region: string): CostLine[] {
  if (store.engine !== 'dynamodb') return [];
  const { writesPerSecond, readsPerSecond, storageGb } = store;
  const part = partField(store);
  const lines: CostLine[] = [];
  if (writesPerSecond > 0)
    lines.push({ component: `DynamoDB writes (${inPart(store, 'on-demand')})`, region, usage: `${writesPerSecond} WRU/s`, key: { service: 'dynamodb.write', region }, hourlyQuantity: writesPerSecond * 3600, ...part });
  if (readsPerSecond > 0)
    lines.push({ component: `DynamoDB reads (${inPart(store, 'on-demand')})`, region, usage: `${readsPerSecond} RRU/s`, key: { service: 'dynamodb.read', region }, hourlyQuantity: readsPerSecond * 3600, ...part });
  lines.push({ component: `DynamoDB storage${ofPart(store)}`, region, usage: `${storageGb} GB`, key: { service: 'dynamodb.storage', region }, monthlyQuantity: storageGb, ...part });
  return lines;
}

/**
 * A store's copy kept live in another region: Aurora global secondary, RDS cross-region replica, or a DynamoDB
 * global-table replica. `multiAz`: the copy follows the primary's Multi-AZ setting (an active region of active-active
 * serves traffic, so it needs the same availability; Aurora: a second instance, RDS: a Multi-AZ read replica).
 * `headless`: an Aurora secondary cluster with no DB instance (storage and replication only; Aurora UG "Creating a
 * headless Aurora DB cluster in a secondary Region": "you're not charged for compute, only for storage").
 */
export function databaseReplica(w: Workload, a: Assumptions, store: Store, primary: string, region: string, opts: { multiAz?: boolean; headless?: boolean } = {}): CostLine[] {
  const engine = store.engine;
  const part = partField(store);
  if (engine === 'dynamodb') {
    const { writesPerSecond, storageGb } = store;
    const lines: CostLine[] = [];
    if (writesPerSecond > 0)
      lines.push({
        component: `DynamoDB global table replicated writes${ofPart(store)}`,
        region,
        usage: `${writesPerSecond} rWRU/s replicated into ${region}`,
        key: { service: 'dynamodb.replicatedWrite', region },
        hourlyQuantity: writesPerSecond * 3600,
        ...part,
      });
    lines.push({ component: `DynamoDB replica storage${ofPart(store)}`, region, usage: `${storageGb} GB`, key: { service: 'dynamodb.storage', region }, monthlyQuantity: storageGb, ...part });
    return lines;
  }
  const aurora = isAurora(engine);
  const role = aurora ? (opts.headless ? 'Aurora headless global secondary' : 'Aurora global secondary') : 'RDS cross-region read replica';
  let lines = databaseInstance(store, region, role, { multiAz: opts.multiAz });
  if (aurora && opts.headless) lines = lines.filter((l) => l.key.service !== 'rds.instance');
  if (aurora) {
    const ios = (store.changeGbPerDay * 1e9 * DAYS_PER_MONTH) / a.auroraWriteIoBytes.value;
    const { rate, note } = changeWords(w, store);
    lines.push({
      component: `Aurora global replicated write I/O${ofPart(store)}`,
      region: primary,
      usage: `${round(ios / 1e6, 1)}M write I/Os per month (${rate} ÷ auroraWriteIoBytes${note})`,
      key: { service: 'rds.io', region: primary, attrs: { engine } },
      monthlyQuantity: ios,
      assumptions: ['auroraWriteIoBytes'],
      ...part,
    });
  }
  return lines;
}

/**
 * Every store's live copy in `region`, each followed by the replication transfer of its changes there.
 * `followMultiAz`: each copy follows its store's Multi-AZ setting (active-active); `headless`: Aurora copies keep no
 * DB instance.
 */
export function replicas(w: Workload, a: Assumptions, primary: string, region: string, opts: { followMultiAz?: boolean; headless?: boolean } = {}): CostLine[] {
  return w.stores.flatMap((s) => [
    ...databaseReplica(w, a, s, primary, region, { multiAz: opts.followMultiAz ? s.multiAz : undefined, headless: opts.headless && isAurora(s.engine) }),
    ...changeTransfer(w, s, primary, region, 'Replication'),
  ]);
}

/**
 * A store's change rate in a usage text: `24 GB/day` for a single store; for one of several, its share and where it
 * comes from (`25 GB/day`, `; the store's share of dataChangeGbPerDay 26, by storage`).
 */
function changeWords(w: Workload, store: Store): { rate: string; note: string } {
  if (w.stores.length <= 1) return { rate: `${store.changeGbPerDay} GB/day`, note: '' };
  return { rate: `${round(store.changeGbPerDay, 2)} GB/day`, note: `; the store's share of dataChangeGbPerDay ${w.dataChangeGbPerDay}, by storage` };
}

/** Inter-region transfer of a store's changed data (replication or incremental backup copies). */
export function changeTransfer(w: Workload, store: Store, from: string, to: string, what: string): CostLine[] {
  const gb = store.changeGbPerDay * DAYS_PER_MONTH;
  if (gb <= 0) return [];
  const { rate, note } = changeWords(w, store);
  return [
    {
      component: `${what} transfer to ${to}${ofPart(store)}`,
      region: from,
      usage: `${round(gb, 1)} GB/month (${rate} × 30.4${note})`,
      key: { service: 'transfer.interRegion', region: from, attrs: { to } },
      monthlyQuantity: gb,
      ...partField(store),
    },
  ];
}

/** An S3 replica bucket in `region`: storage, replication transfer, and Replication Time Control when used. */
export function s3Replica(w: Workload, a: Assumptions, from: string, region: string, rtc: boolean): CostLine[] {
  const gb = w.objectStorage.storageGb;
  if (gb <= 0) return [];
  const replicated = gb * a.s3MonthlyChangeShare.value;
  const lines: CostLine[] = [
    { component: 'S3 replica bucket', region, usage: `${gb} GB Standard`, key: { service: 's3.standard', region }, monthlyQuantity: gb },
  ];
  if (replicated > 0) {
    lines.push({
      component: `S3 replication transfer to ${region}`,
      region: from,
      usage: `${round(replicated, 1)} GB/month (s3MonthlyChangeShare ${a.s3MonthlyChangeShare.value})`,
      key: { service: 'transfer.interRegion', region: from, attrs: { to: region } },
      monthlyQuantity: replicated,
      assumptions: ['s3MonthlyChangeShare'],
    });
    if (rtc)
      lines.push({
        component: 'S3 Replication Time Control',
        region: from,
        usage: `${round(replicated, 1)} GB/month replicated with RTC`,
        key: { service: 's3.rtc', region: from },
        monthlyQuantity: replicated,
        assumptions: ['s3MonthlyChangeShare'],
      });
  }
  return lines;
}

/** Full Aurora snapshot copies kept in the DR region: one per backup interval over `backupRetentionDays`, at least one. */
export function auroraCopiesRetained(w: Workload, a: Assumptions): number {
  return Math.max(1, Math.round((a.backupRetentionDays.value * 24) / w.operations.backupIntervalHours));
}

/** Cross-region copies a month: one per backup interval (730 h / interval). */
export function copiesPerMonth(w: Workload): number {
  return HOURS_PER_MONTH / w.operations.backupIntervalHours;
}

/**
 * Backups kept in the DR region (backup & restore), and the transfer of each copy, per store:
 * - Aurora: "Aurora doesn't support incremental snapshot copying. Aurora DB cluster snapshot copies are always full
 *   copies" (Aurora UG, aurora-copy-snapshot [V]): every copy transfers the whole cluster, and every retained copy is
 *   a full copy;
 * - RDS: incremental snapshot copies (one full copy plus the changes kept), the changes transferred;
 * - DynamoDB: backup copies (one full plus the changes kept), the changes transferred.
 * Then every tier's AMIs. DynamoDB point-in-time recovery protects against corruption in every strategy, so it is a
 * primary-region line.
 */
export function backupCopies(w: Workload, a: Assumptions, primary: string, dr: string): CostLine[] {
  const lines: CostLine[] = [];
  for (const store of w.stores) {
    const { engine, storageGb } = store;
    const part = partField(store);
    const incrementalGb = store.changeGbPerDay * a.backupRetentionDays.value;
    if (isAurora(engine)) {
      const copies = auroraCopiesRetained(w, a);
      const perMonth = copiesPerMonth(w);
      lines.push({
        component: `Database backup copies (${inPart(store, 'full Aurora snapshots')})`,
        region: dr,
        usage: `${copies} full copies × ${storageGb} GB (one per ${w.operations.backupIntervalHours} h over backupRetentionDays ${a.backupRetentionDays.value})`,
        key: { service: 'rds.backup', region: dr, attrs: { engine } },
        monthlyQuantity: copies * storageGb,
        assumptions: ['backupRetentionDays'],
        ...part,
      });
      if (storageGb > 0)
        lines.push({
          component: `Backup copy transfer to ${dr} (${inPart(store, 'full copies')})`,
          region: primary,
          usage: `${round(perMonth * storageGb, 1)} GB/month (${round(perMonth, 2)} full copies × ${storageGb} GB)`,
          key: { service: 'transfer.interRegion', region: primary, attrs: { to: dr } },
          monthlyQuantity: perMonth * storageGb,
          ...part,
        });
    } else if (isRelational(engine)) {
      lines.push({
        component: `Database backup copies${ofPart(store)}`,
        region: dr,
        usage: `${storageGb} GB full + ${round(incrementalGb, 1)} GB incremental (backupRetentionDays ${a.backupRetentionDays.value})`,
        key: { service: 'rds.backup', region: dr, attrs: { engine } },
        monthlyQuantity: storageGb + incrementalGb,
        assumptions: ['backupRetentionDays'],
        ...part,
      });
      lines.push(...changeTransfer(w, store, primary, dr, 'Backup copy (incremental)'));
    } else {
      lines.push({
        component: `DynamoDB backup copies${ofPart(store)}`,
        region: dr,
        usage: `${storageGb} GB full + ${round(incrementalGb, 1)} GB incremental`,
        key: { service: 'dynamodb.backup', region: dr },
        monthlyQuantity: storageGb + incrementalGb,
        assumptions: ['backupRetentionDays'],
        ...part,
      });
      lines.push(...changeTransfer(w, store, primary, dr, 'Backup copy (incremental)'));
    }
  }
  lines.push(...amiCopies(w, dr));
  return lines;
}

/** DynamoDB point-in-time recovery (primary region): the same in every strategy, since replication is not backup. */
export function pointInTimeRecovery(w: Workload, store: Store, region: string): CostLine[] {
  if (store.engine !== 'dynamodb' || !w.operations.pointInTimeRecovery) return [];
  return [
    {
      component: `DynamoDB point-in-time recovery${ofPart(store)}`,
      region,
      usage: `${store.storageGb} GB continuous backups (operations.pointInTimeRecovery)`,
      key: { service: 'dynamodb.pitr', region },
      monthlyQuantity: store.storageGb,
      ...partField(store),
    },
  ];
}

/** EBS snapshots / AMIs of every tier's servers kept in `region` so servers can be launched there. */
export function amiCopies(w: Workload, region: string): CostLine[] {
  return w.tiers.flatMap((tier): CostLine[] => {
    const gb = tier.count * tier.ebsGbPerInstance;
    if (gb <= 0) return [];
    return [
      {
        component: `AMI and EBS snapshot copies${ofPart(tier)}`,
        region,
        usage: `${gb} GB (${tier.count} × ${tier.ebsGbPerInstance} GB, full-size, conservative)`,
        key: { service: 'ebs.snapshot', region },
        monthlyQuantity: gb,
        ...partField(tier),
      },
    ];
  });
}

/** The routing layer that moves traffic: Route 53 health checks, or Global Accelerator. */
export function routing(w: Workload, a: Assumptions, regions: readonly string[], opts: { healthChecks: boolean; serving?: readonly string[] }): CostLine[] {
  const lines: CostLine[] = [];
  if (w.network.failoverRouting === 'global-accelerator') {
    lines.push({ component: 'Global Accelerator', region: 'global', usage: '1 accelerator, 730 h', key: { service: 'ga.fixed', region: 'global' }, hourlyQuantity: 1 });
    if (w.network.egressGbPerMonth > 0) {
      // Users are served by the regions that take traffic (all of them for active-active), each to its own area.
      const serving = opts.serving ?? [regions[0]];
      for (const r of serving) {
        const gb = w.network.egressGbPerMonth / serving.length;
        lines.push({
          component: 'Global Accelerator data-transfer premium',
          region: r,
          usage: `${round(gb, 1)} GB/month served from ${r} (dominant direction)`,
          key: { service: 'ga.premium', region: r, attrs: { to: r } },
          monthlyQuantity: gb,
        });
      }
    }
  } else if (opts.healthChecks) {
    const n = regions.length * a.healthChecksPerRegion.value;
    lines.push({
      component: 'Route 53 health checks',
      region: 'global',
      usage: `${n} health checks (${regions.length} regions × healthChecksPerRegion)`,
      key: { service: 'route53.healthCheck', region: 'global' },
      monthlyQuantity: n,
      assumptions: ['healthChecksPerRegion'],
    });
  }
  return lines;
}

/** The servers a failover launches in `region` (backup & restore, pilot light, a warm standby's gap), as a month of them. */
export function launchedFleet(tier: Tier, region: string, count: number, label: string): CostLine[] {
  return count > 0 ? computeFleet(tier, region, count, label) : [];
}

/**
 * What re-seeding the primary region moves back at failback: the whole database for a relational engine (Aurora
 * re-adds the old primary as a secondary, RDS needs a new replica or snapshot copy), a restored DynamoDB table in
 * full, and for DynamoDB global tables only the writes made during the failover; plus the objects written in the DR
 * region. Transfer priced from the DR region to the primary.
 */
export function failback(w: Workload, a: Assumptions, from: string, to: string, opts: { restoredTable?: boolean } = {}): Pick<FailoverPlan, 'reseedGb' | 'reseedGbPerHour' | 'reseedLine'> {
  let reseedGb = 0;
  let tables = 0;
  for (const s of w.stores) {
    if (isRelational(s.engine) || opts.restoredTable) reseedGb += s.storageGb;
    else tables += s.changeGbPerDay / 24;
  }
  const perHour = tables + (w.objectStorage.storageGb * a.s3MonthlyChangeShare.value) / HOURS_PER_MONTH;
  return {
    reseedGb,
    reseedGbPerHour: perHour,
    reseedLine: {
      component: `Failback transfer to ${to}`,
      region: from,
      usage: 'per GB re-seeded into the primary region at failback',
      key: { service: 'transfer.interRegion', region: from, attrs: { to } },
      monthlyQuantity: 1,
    },
  };
}

/** "N instances launched in <region> at once: capacity risk" when a failover starts many servers in one region. */
export function capacityRiskNote(a: Assumptions, launched: number, region: string): string[] {
  if (launched < a.capacityRiskInstances.value) return [];
  return [
    `capacity risk: ${launched} instances launch in ${region} at failover, when other workloads fail into the same region; On-Demand Capacity Reservations remove the risk (REL13-BP02; see the warm standby with capacity reservations variant)`,
  ];
}

/** Servers in the primary region, every tier together. */
export function serverCount(w: Workload): number {
  return w.tiers.reduce((n, t) => n + t.count, 0);
}

/**
 * Building blocks shared by the strategy models: each returns the cost lines of one piece of infrastructure in one
 * region. Quantities only; prices are applied later in one place.
 */
import type { Assumptions } from '../model/assumptions';
import { isAurora, isRelational } from '../model/engines';
import { DAYS_PER_MONTH } from '../model/time';
import type { Workload } from '../workload/validate';
import type { CostLine } from './types';


const round = (n: number, d = 2) => Math.round(n * 10 ** d) / 10 ** d;


/** App servers and their EBS volumes. */
export function computeFleet(w: Workload, region: string, count: number, label: string): CostLine[] {
  const { instanceType, ebsGbPerInstance } = w.compute;
  const lines: CostLine[] = [
    {
      component: `${label} (${instanceType})`,
      region,
      usage: `${count} × ${instanceType}, Linux on-demand, 730 h`,
      key: { service: 'ec2.instance', region, attrs: { instanceType } },
      hourlyQuantity: count,
    },
  ];
  if (ebsGbPerInstance > 0) {
    lines.push({
      component: `${label} EBS gp3 volumes`,
      region,
      usage: `${count} × ${ebsGbPerInstance} GB gp3`,
      key: { service: 'ebs.gp3', region },
      monthlyQuantity: count * ebsGbPerInstance,
    });
  }
  return lines;
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

/** A running database instance (Aurora writer/secondary, RDS instance or replica) and its storage. */
export function databaseInstance(w: Workload, region: string, role: string, opts: { multiAz?: boolean; instances?: number } = {}): CostLine[] {
  if (!isRelational(w.database.engine)) return [];
  const engine = w.database.engine;
  const instanceClass = w.database.instanceClass!;
  const aurora = isAurora(engine);
  // Aurora has no Multi-AZ instance price: Multi-AZ is a second (reader) instance. RDS Multi-AZ has its own price.
  const instances = opts.instances ?? (aurora && opts.multiAz ? 2 : 1);
  const deployment = !aurora && opts.multiAz ? 'multi-az' : 'single-az';
  return [
    {
      component: `${role} (${instanceClass})`,
      region,
      usage: `${instances} × ${instanceClass}, ${engine}, ${deployment}, 730 h`,
      key: { service: 'rds.instance', region, attrs: { engine, instanceClass, deployment } },
      hourlyQuantity: instances,
    },
    {
      component: `${role} storage`,
      region,
      usage: `${w.database.storageGb} GB ${aurora ? 'Aurora storage' : 'gp3'}`,
      key: { service: 'rds.storage', region, attrs: { engine } },
      monthlyQuantity: w.database.storageGb * (!aurora && opts.multiAz ? 2 : 1),
    },
  ];
}

/** DynamoDB table in the primary region: on-demand reads, writes and storage. */
export function dynamoTable(w: Workload, region: string): CostLine[] {
  if (w.database.engine !== 'dynamodb') return [];
  const { writesPerSecond, readsPerSecond, storageGb } = w.database;
  const lines: CostLine[] = [];
  if (writesPerSecond > 0)
    lines.push({ component: 'DynamoDB writes (on-demand)', region, usage: `${writesPerSecond} WRU/s`, key: { service: 'dynamodb.write', region }, hourlyQuantity: writesPerSecond * 3600 });
  if (readsPerSecond > 0)
    lines.push({ component: 'DynamoDB reads (on-demand)', region, usage: `${readsPerSecond} RRU/s`, key: { service: 'dynamodb.read', region }, hourlyQuantity: readsPerSecond * 3600 });
  lines.push({ component: 'DynamoDB storage', region, usage: `${storageGb} GB`, key: { service: 'dynamodb.storage', region }, monthlyQuantity: storageGb });
  return lines;
}

/** The database copy kept live in another region: Aurora global secondary, RDS cross-region replica, or a DynamoDB global-table replica. */
export function databaseReplica(w: Workload, a: Assumptions, primary: string, region: string): CostLine[] {
  const engine = w.database.engine;
  if (engine === 'none') return [];
  if (engine === 'dynamodb') {
    const { writesPerSecond, storageGb } = w.database;
    const lines: CostLine[] = [];
    if (writesPerSecond > 0)
      lines.push({
        component: 'DynamoDB global table replicated writes',
        region,
        usage: `${writesPerSecond} rWRU/s replicated into ${region}`,
        key: { service: 'dynamodb.replicatedWrite', region },
        hourlyQuantity: writesPerSecond * 3600,
      });
    lines.push({ component: 'DynamoDB replica storage', region, usage: `${storageGb} GB`, key: { service: 'dynamodb.storage', region }, monthlyQuantity: storageGb });
    return lines;
  }
  const aurora = isAurora(engine);
  const lines = databaseInstance(w, region, aurora ? 'Aurora global secondary' : 'RDS cross-region read replica');
  if (aurora) {
    const ios = (w.dataChangeGbPerDay * 1e9 * DAYS_PER_MONTH) / a.auroraWriteIoBytes.value;
    lines.push({
      component: 'Aurora global replicated write I/O',
      region: primary,
      usage: `${round(ios / 1e6, 1)}M write I/Os per month (${w.dataChangeGbPerDay} GB/day ÷ auroraWriteIoBytes)`,
      key: { service: 'rds.io', region: primary, attrs: { engine } },
      monthlyQuantity: ios,
      assumptions: ['auroraWriteIoBytes'],
    });
  }
  return lines;
}

/** Inter-region transfer of the changed data (replication or incremental backup copies). */
export function changeTransfer(w: Workload, from: string, to: string, what: string): CostLine[] {
  const gb = w.dataChangeGbPerDay * DAYS_PER_MONTH;
  if (gb <= 0 || w.database.engine === 'none') return [];
  return [
    {
      component: `${what} transfer to ${to}`,
      region: from,
      usage: `${round(gb, 1)} GB/month (${w.dataChangeGbPerDay} GB/day × 30.4)`,
      key: { service: 'transfer.interRegion', region: from, attrs: { to } },
      monthlyQuantity: gb,
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

/** Backups kept in the DR region (backup & restore): database backups, EBS snapshots, DynamoDB PITR. */
export function backupCopies(w: Workload, a: Assumptions, primary: string, dr: string): CostLine[] {
  const lines: CostLine[] = [];
  const incrementalGb = w.dataChangeGbPerDay * a.backupRetentionDays.value;
  if (isRelational(w.database.engine)) {
    lines.push({
      component: 'Database backup copies',
      region: dr,
      usage: `${w.database.storageGb} GB full + ${round(incrementalGb, 1)} GB incremental (backupRetentionDays ${a.backupRetentionDays.value})`,
      key: { service: 'rds.backup', region: dr, attrs: { engine: w.database.engine } },
      monthlyQuantity: w.database.storageGb + incrementalGb,
      assumptions: ['backupRetentionDays'],
    });
  } else if (w.database.engine === 'dynamodb') {
    lines.push({
      component: 'DynamoDB backup copies',
      region: dr,
      usage: `${w.database.storageGb} GB full + ${round(incrementalGb, 1)} GB incremental`,
      key: { service: 'dynamodb.backup', region: dr },
      monthlyQuantity: w.database.storageGb + incrementalGb,
      assumptions: ['backupRetentionDays'],
    });
    if (w.operations.pointInTimeRecovery)
      lines.push({
        component: 'DynamoDB point-in-time recovery',
        region: primary,
        usage: `${w.database.storageGb} GB continuous backups`,
        key: { service: 'dynamodb.pitr', region: primary },
        monthlyQuantity: w.database.storageGb,
      });
  }
  lines.push(...amiCopies(w, dr));
  return lines;
}

/** EBS snapshots / AMIs of the app servers kept in the DR region so servers can be launched there. */
export function amiCopies(w: Workload, region: string): CostLine[] {
  const gb = w.compute.count * w.compute.ebsGbPerInstance;
  if (gb <= 0) return [];
  return [
    {
      component: 'AMI and EBS snapshot copies',
      region,
      usage: `${gb} GB (${w.compute.count} × ${w.compute.ebsGbPerInstance} GB, full-size, conservative)`,
      key: { service: 'ebs.snapshot', region },
      monthlyQuantity: gb,
    },
  ];
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

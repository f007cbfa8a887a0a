/**
 * Where each data store's recovery point comes from, per mechanism (design.md §5.2, data/reference/dr-model.md §6).
 * Every source has a typical value and a bound, and a shape for the Monte Carlo:
 * - a scheduled copy: the disaster strikes at a uniform moment of the backup cycle, so the data lost is uniform over
 *   the interval plus the copy time (bound: interval + copy time);
 * - a replica: a lognormal lag with its median and a documented tail (S3 RTC: 15 min at the 99.9th percentile).
 */
import type { Workload } from '../workload/validate';
import type { Assumptions } from '../model/assumptions';
import { isAurora } from '../model/engines';
import { partField, type Tier } from '../workload/parts';
import { restoreScale, rpoSource, term as t, type RpoSource } from './phases';

/** Backups copied to the DR region (backup & restore): one source per store. */
export function backupRpo(w: Workload, a: Assumptions): RpoSource[] {
  const out: RpoSource[] = [];
  const hours = w.operations.backupIntervalHours;
  const intervalSeconds = hours * 3600;
  for (const s of w.stores) {
    const { engine } = s;
    // Aurora snapshot copies are full copies (Aurora UG, aurora-copy-snapshot): the copy time grows with the cluster.
    const copyFactor = isAurora(engine) ? restoreScale(s.storageGb) : 1;
    const scheduled = () =>
      rpoSource(a, s.name, `scheduled backup every ${hours} h, copied to the DR region (data lost: uniform over the cycle, plus the copy time)`, [t('snapshotCopyLagMinutes', copyFactor)], {
        value: intervalSeconds / 2, low: 0, high: intervalSeconds, what: `operations.backupIntervalHours (${hours} h)`, shape: 'uniform',
      }, partField(s).part);
    if (engine === 'mysql' || engine === 'postgres') {
      out.push(
        w.operations.pointInTimeRecovery
          ? rpoSource(a, s.name, 'PITR with cross-region automated backups (logs uploaded every 5 min, then copied)', [t('pitrLogIntervalMinutes'), t('backupCopyLagMinutes')], undefined, partField(s).part)
          : scheduled(),
      );
    } else {
      // Aurora and DynamoDB point-in-time recovery stays in the primary region; after a region loss the recovery
      // point is the last backup copied across. RDS user guide "Replicating automated backups to another AWS Region"
      // (USER_ReplicateBackups) lists cross-Region automated backups for RDS for Db2, MariaDB, MySQL, Oracle,
      // PostgreSQL and SQL Server only — not Aurora [V].
      out.push(scheduled());
    }
  }
  if (w.objectStorage.storageGb > 0) out.push(rpoSource(a, 'object storage', 'S3 cross-region replication (no RTC)', [t('s3CrrLagMinutes')]));
  return out;
}

/** Continuous replication (pilot light, warm standby, active-active): one source per store. */
export function replicationRpo(w: Workload, a: Assumptions, opts: { strongConsistency?: boolean } = {}): RpoSource[] {
  const out: RpoSource[] = [];
  for (const s of w.stores) {
    const part = partField(s).part;
    if (s.engine === 'dynamodb') {
      out.push(
        opts.strongConsistency
          ? rpoSource(a, s.name, 'DynamoDB global tables, multi-Region strong consistency (RPO 0)', [], { value: 0, low: 0, high: 0, what: 'MRSC: "RPO of zero" (dr-model.md §5 [V2])' }, part)
          : rpoSource(a, s.name, 'DynamoDB global tables (MREC) replication', [t('dynamodbGlobalLagSeconds')], undefined, part),
      );
    } else if (isAurora(s.engine)) {
      out.push(rpoSource(a, s.name, 'Aurora global database replication', [t('auroraGlobalLagSeconds')], undefined, part));
    } else {
      out.push(rpoSource(a, s.name, 'RDS cross-region read replica (asynchronous)', [t('rdsReplicaLagSeconds')], undefined, part));
    }
  }
  if (w.objectStorage.storageGb > 0) out.push(rpoSource(a, 'object storage', 'S3 replication with Replication Time Control', [t('s3RtcLagSeconds')]));
  return out;
}

/** AWS Elastic Disaster Recovery: a tier's volumes are replicated block by block (the DRS variant). */
export function drsRpo(a: Assumptions, tier: Tier): RpoSource {
  return rpoSource(a, tier.named ? `${tier.name} servers (EBS volumes)` : 'app servers (EBS volumes)', 'AWS Elastic Disaster Recovery continuous block replication', [t('drsRpoSeconds')], undefined, partField(tier).part);
}

/** Where each data store's recovery point comes from, per mechanism (design.md §5.2, dr-model.md §5). */
import type { Workload } from '../workload/validate';
import type { Assumptions } from '../model/assumptions';
import { isAurora } from '../model/engines';
import { rpoSource, term as t, type RpoSource } from './phases';

/** Backups copied to the DR region (backup & restore). */
export function backupRpo(w: Workload, a: Assumptions): RpoSource[] {
  const out: RpoSource[] = [];
  const { engine } = w.database;
  const intervalSeconds = w.operations.backupIntervalHours * 3600;
  const scheduled = (store: string) =>
    rpoSource(a, store, `scheduled backup every ${w.operations.backupIntervalHours} h, copied to the DR region`, [t('snapshotCopyLagMinutes')], {
      value: intervalSeconds, low: intervalSeconds / 2, high: intervalSeconds, what: `operations.backupIntervalHours (${w.operations.backupIntervalHours} h)`,
    });
  if (engine === 'mysql' || engine === 'postgres') {
    out.push(
      w.operations.pointInTimeRecovery
        ? rpoSource(a, 'database', 'PITR with cross-region automated backups (logs every 5 min + copy lag)', [t('pitrLogIntervalMinutes'), t('backupCopyLagMinutes')])
        : scheduled('database'),
    );
  } else if (engine !== 'none') {
    // Aurora and DynamoDB point-in-time recovery stays in the primary region; after a region loss the recovery
    // point is the last backup copied across. RDS user guide "Replicating automated backups to another AWS Region"
    // (USER_ReplicateBackups) lists cross-Region automated backups for RDS for Db2, MariaDB, MySQL, Oracle,
    // PostgreSQL and SQL Server only — not Aurora [V].
    out.push(scheduled('database'));
  }
  if (w.objectStorage.storageGb > 0) out.push(rpoSource(a, 'object storage', 'S3 cross-region replication (no RTC)', [t('s3CrrLagMinutes')]));
  return out;
}

/** Continuous replication (pilot light, warm standby, active-active). */
export function replicationRpo(w: Workload, a: Assumptions, opts: { strongConsistency?: boolean } = {}): RpoSource[] {
  const out: RpoSource[] = [];
  const { engine } = w.database;
  if (engine === 'dynamodb') {
    out.push(
      opts.strongConsistency
        ? rpoSource(a, 'database', 'DynamoDB global tables, multi-Region strong consistency (RPO 0)', [], { value: 0, low: 0, high: 0, what: 'MRSC: "RPO of zero" (dr-model.md §5 [V2])' })
        : rpoSource(a, 'database', 'DynamoDB global tables (MREC) replication', [t('dynamodbGlobalLagSeconds')]),
    );
  } else if (isAurora(engine)) {
    out.push(rpoSource(a, 'database', 'Aurora global database replication', [t('auroraGlobalLagSeconds')]));
  } else if (engine !== 'none') {
    out.push(rpoSource(a, 'database', 'RDS cross-region read replica (asynchronous)', [t('rdsReplicaLagSeconds')]));
  }
  if (w.objectStorage.storageGb > 0) out.push(rpoSource(a, 'object storage', 'S3 replication with Replication Time Control', [t('s3RtcLagSeconds')]));
  return out;
}

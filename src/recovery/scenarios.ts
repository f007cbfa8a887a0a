/**
 * Disruption scenarios beside the regional outage each strategy is built for (issue 7, dr-model.md §1.2):
 * - an AZ outage, which Multi-AZ deployments absorb inside the region whatever the DR strategy;
 * - data corruption or deletion, which replication copies to every region, so recovery comes from backups or
 *   point-in-time recovery for every strategy — active-active included (whitepaper: "recovery times for a data
 *   disaster involving data corruption, deletion, or obfuscation will always be greater than zero" [V]).
 * Pure.
 */
import type { Workload } from '../workload/validate';
import type { AssumptionName, Assumptions } from '../model/assumptions';
import { isAurora } from '../model/engines';
import { partField, type Store } from '../workload/parts';
import { phase, restoreStores, rpoSeconds, rpoSource, rtoSeconds, term as t, validate, type Phase, type RpoSource } from './phases';

export type ScenarioId = 'region-outage' | 'az-outage' | 'data-corruption';

export interface ScenarioPlan {
  phases: Phase[];
  rpo: RpoSource[];
  note: string;
}

/** What the corruption scenario needs to know of a strategy (its model states both). */
export interface CorruptionFacts {
  /** The manual decision assumption of the strategy (corruption is always a human call). */
  decision: AssumptionName;
  /** Whether the DR side is a live replica, which copies the damage. */
  replicatesData: boolean;
}

export function azOutage(w: Workload, a: Assumptions): ScenarioPlan {
  const phases: Phase[] = [phase(a, 'detect', 'detect (ALB and database health checks)', 'serial', [t('detectAutomatedMinutes')])];
  const rpo: RpoSource[] = [];
  const notes: string[] = [];
  const none = { value: 0, low: 0, high: 0 };
  // Each store and each tier recovers on its own, in parallel: the slowest decides.
  for (const s of w.stores) {
    const { engine, multiAz } = s;
    const part = partField(s);
    const of = s.named ? ` (${s.name})` : '';
    const the = s.named ? `${s.name}: the` : 'the';
    if (isAurora(engine)) {
      // Aurora UG "High availability for Amazon Aurora" [V]: with a replica in another AZ, "service is typically
      // restored in less than 60 seconds"; a single-instance cluster must get a new instance in another AZ, created
      // by hand ("make sure to manually create one or more new DB instances in another AZ"), typically in < 10
      // minutes. The cluster volume keeps six copies across three AZs, so no data is lost either way.
      if (multiAz) phases.push(phase(a, 'promote', `fail over to the Aurora replica in another AZ${of}`, 'data', [t('auroraReplicaFailoverSeconds')], undefined, part));
      else {
        phases.push(phase(a, 'restore', `create a new Aurora DB instance in another AZ (manual)${of}`, 'data', [t('auroraAddInstanceMinutes')], undefined, part));
        notes.push(`${the} Aurora cluster has no replica in another AZ: add one (${s.field}.multiAz) to fail over in under a minute instead of creating an instance`);
      }
      rpo.push(rpoSource(a, s.name, 'Aurora storage keeps six copies across three AZs', [], { ...none, what: 'Aurora storage is multi-AZ' }, part.part));
    } else if (engine !== 'dynamodb') {
      if (multiAz) {
        phases.push(phase(a, 'promote', `RDS Multi-AZ failover${of}`, 'data', [t('rdsMultiAzFailoverMinutes')], undefined, part));
        rpo.push(rpoSource(a, s.name, 'synchronous Multi-AZ copy', [], { ...none, what: 'Multi-AZ: synchronous' }, part.part));
      } else {
        phases.push(phase(a, 'restore', `restore the single-AZ RDS instance in another AZ${of}`, 'data', [t('singleAzRecoveryMinutes')], undefined, part));
        rpo.push(
          w.operations.pointInTimeRecovery
            ? rpoSource(a, s.name, 'point-in-time restore of a single-AZ instance to its latest restorable time', [t('pitrLogIntervalMinutes')], undefined, part.part)
            : scheduledBackup(w, a, 'last scheduled backup of a single-AZ instance', s),
        );
        notes.push(`${the} database is single-AZ: set ${s.field}.multiAz to fail over in about 2 minutes`);
      }
    }
  }
  for (const tier of w.tiers) {
    if (tier.count >= 2) continue;
    phases.push(phase(a, 'launch', tier.named ? `Auto Scaling replaces the only ${tier.name} server` : 'Auto Scaling replaces the only server', 'compute', [t('asgReplaceMinutes')], undefined, partField(tier)));
    notes.push(`one ${tier.named ? tier.name : 'app'} server: run at least two, in two AZs`);
  }
  return { phases, rpo, note: ['an AZ loss is handled inside the primary region; the DR strategy does not change it', ...notes].join('; ') };
}

/** Data lost to a scheduled backup: uniform over the backup cycle (the damage strikes at a random moment). */
function scheduledBackup(w: Workload, a: Assumptions, mechanism: string, store: Store): RpoSource {
  const h = w.operations.backupIntervalHours;
  return rpoSource(a, store.name, `${mechanism} (every ${h} h)`, [], { value: (h * 3600) / 2, low: 0, high: h * 3600, what: `operations.backupIntervalHours (${h} h)`, shape: 'uniform' }, partField(store).part);
}

/**
 * Corruption or deletion: replicas copy the damage, so every strategy restores from backups in the primary region.
 * With point-in-time recovery the restore point is the second before the damage, for every engine (RDS and Aurora
 * restore to any time in the retention period; DynamoDB to the selected "day:hour:minute:second"); the RDS 5-minute log
 * upload only limits the latest restorable time, which the damage is already older than when it is noticed. Without
 * it, the last scheduled backup: uniform over the backup cycle. Writes made after the damage and before the restore
 * must be re-applied by the application; they are not counted in the RPO. With several stores, which one the damage
 * hits is not known: every store is restored, in parallel, and the slowest restore (the worst store's loss) decides.
 */
export function dataCorruption(w: Workload, a: Assumptions, strategy: CorruptionFacts): ScenarioPlan {
  const pitr = w.operations.pointInTimeRecovery;
  const relabel = (p: Phase): Phase => ({
    ...p,
    label: p.label.replace('from snapshot copy', pitr ? 'to a point in time' : 'from the last backup').replace('from backup copy', pitr ? 'to a point in time' : 'from the last backup'),
  });
  const phases: Phase[] = [
    phase(a, 'detect', 'notice the corruption or deletion', 'serial', [t('detectCorruptionMinutes')]),
    phase(a, 'decide', 'decide the restore point (manual)', 'serial', [t(strategy.decision)]),
    ...restoreStores(w, a).map(relabel),
    validate(a, 'validateBackupRestoreMinutes'),
  ];
  const rpo: RpoSource[] = w.stores.map((s) =>
    pitr
      ? rpoSource(a, s.name, 'point-in-time restore to the second before the damage (replicas copied it)', [t('pitrRestoreGranularitySeconds')], undefined, partField(s).part)
      : scheduledBackup(w, a, 'last scheduled backup before the damage; replicas copied it', s),
  );
  const note = strategy.replicatesData
    ? 'replication copies the damage to the DR region(s): recovery comes from backups or point-in-time recovery'
    : 'recovery comes from backups or point-in-time recovery';
  const several = w.stores.length > 1 ? '; the damaged store is not known in advance, so every store is restored in parallel and the slowest decides' : '';
  return { phases, rpo, note: w.stores.length === 0 ? 'no database: restore objects from S3 versions' : note + several };
}

export function scenarioTimes(plan: ScenarioPlan): { rtoSeconds: number; rpoSeconds: number } {
  return { rtoSeconds: rtoSeconds(plan.phases), rpoSeconds: rpoSeconds(plan.rpo) };
}

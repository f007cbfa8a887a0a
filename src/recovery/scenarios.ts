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
import { phase, restoreDatabase, rpoSeconds, rpoSource, rtoSeconds, term as t, validate, type Phase, type RpoSource } from './phases';

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
  const { engine, multiAz } = w.database;
  const notes: string[] = [];
  if (engine !== 'none' && engine !== 'dynamodb') {
    const aurora = isAurora(engine);
    if (multiAz) {
      phases.push(phase(a, 'promote', aurora ? 'fail over to the Aurora replica in another AZ' : 'RDS Multi-AZ failover', 'data', [t('rdsMultiAzFailoverMinutes')]));
      rpo.push(rpoSource(a, 'database', 'synchronous Multi-AZ copy', [], { value: 0, low: 0, high: 0, what: 'Multi-AZ: synchronous' }));
    } else {
      phases.push(phase(a, 'restore', aurora ? 'create a new Aurora instance in another AZ' : 'restore the single-AZ RDS instance in another AZ', 'data', [t('singleAzRecoveryMinutes')]));
      rpo.push(
        aurora
          ? rpoSource(a, 'database', 'Aurora storage keeps six copies across three AZs', [], { value: 0, low: 0, high: 0, what: 'Aurora storage is multi-AZ' })
          : rpoSource(a, 'database', 'point-in-time restore of a single-AZ instance', [t('pitrLogIntervalMinutes')]),
      );
      notes.push('the database is single-AZ: set database.multiAz to fail over in about 2 minutes');
    }
  }
  if (w.compute.count < 2) {
    phases.push(phase(a, 'launch', 'Auto Scaling replaces the only server', 'compute', [t('asgReplaceMinutes')]));
    notes.push('one app server: run at least two, in two AZs');
  }
  return { phases, rpo, note: ['an AZ loss is handled inside the primary region; the DR strategy does not change it', ...notes].join('; ') };
}

export function dataCorruption(w: Workload, a: Assumptions, strategy: CorruptionFacts): ScenarioPlan {
  const phases: Phase[] = [
    phase(a, 'detect', 'notice the corruption or deletion', 'serial', [t('detectCorruptionMinutes')]),
    phase(a, 'decide', 'decide the restore point (manual)', 'serial', [t(strategy.decision)]),
    ...restoreDatabase(w, a).map((p) => ({ ...p, label: p.label.replace('from snapshot copy', 'to a point in time').replace('from backup copy', 'from backup').replace('from backup (', 'to a point in time (') })),
    validate(a, 'validateBackupRestoreMinutes'),
  ];
  const rpo: RpoSource[] = [];
  const { engine } = w.database;
  if (engine !== 'none') {
    rpo.push(
      w.operations.pointInTimeRecovery
        ? rpoSource(a, 'database', 'point-in-time recovery to just before the damage (replicas copied it)', [t('pitrLogIntervalMinutes')])
        : rpoSource(a, 'database', `last scheduled backup (every ${w.operations.backupIntervalHours} h); replicas copied the damage`, [], {
            value: w.operations.backupIntervalHours * 3600, low: 0, high: w.operations.backupIntervalHours * 3600, what: `operations.backupIntervalHours (${w.operations.backupIntervalHours} h)`,
          }),
    );
  }
  const note = strategy.replicatesData
    ? 'replication copies the damage to the DR region(s): recovery comes from backups or point-in-time recovery'
    : 'recovery comes from backups or point-in-time recovery';
  return { phases, rpo, note: engine === 'none' ? 'no database: restore objects from S3 versions' : note };
}

export function scenarioTimes(plan: ScenarioPlan): { rtoSeconds: number; rpoSeconds: number } {
  return { rtoSeconds: rtoSeconds(plan.phases), rpoSeconds: rpoSeconds(plan.rpo) };
}

/**
 * Backup & Restore (seed table: lowest cost, RTO hours, RPO tens of minutes to hours): only backups live in the DR
 * region; after a disaster the stack is rebuilt from IaC and the data restored from the copies.
 */
import { decide, detect, launchServers, phase, restoreDatabase, term as t, trafficShift, validate } from '../recovery/phases';
import { backupRpo } from '../recovery/rpo';
import { backupCopies, changeTransfer, s3Replica } from './components';
import type { StrategyModel } from './types';

export const backupRestore: StrategyModel = {
  id: 'backup-restore',
  base: 'backup-restore',
  name: 'Backup & Restore',
  summary: 'rebuild from backups after the disaster',
  decision: 'decideBackupRestoreMinutes',
  replicatesData: false,
  build(w, a) {
    const { primary, dr } = w.regions;
    const lines = [
      ...backupCopies(w, a, primary, dr),
      ...changeTransfer(w, primary, dr, 'Backup copy (incremental)'),
      ...s3Replica(w, a, primary, dr, false),
    ];
    const phases = [
      detect(w, a),
      decide(w, a, backupRestore.decision),
      ...restoreDatabase(w, a),
      phase(a, 'provision', 'deploy infrastructure from IaC', 'compute', [t('provisionInfraMinutes')]),
      launchServers(w, a),
      trafficShift(w, a),
      validate(a, 'validateBackupRestoreMinutes'),
    ];
    return { lines, phases, rpo: backupRpo(w, a), notes: [] };
  },
};

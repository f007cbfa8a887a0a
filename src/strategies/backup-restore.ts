/**
 * Backup & Restore (seed table: lowest cost, RTO hours, RPO tens of minutes to hours): only backups live in the DR
 * region; after a disaster the stack is rebuilt from IaC and the data restored from the copies.
 */
import { decide, detect, launchTiers, phase, restoreStores, term as t, trafficShift, validate } from '../recovery/phases';
import { backupRpo } from '../recovery/rpo';
import { isAurora, isRelational } from '../model/engines';

import { backupCopies, capacityRiskNote, databaseInstance, failback, launchedFleet, loadBalancer, s3Replica, serverCount } from './components';
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
    const lines = [...backupCopies(w, a, primary, dr), ...s3Replica(w, a, primary, dr, false)];
    const phases = [
      detect(w, a),
      decide(w, a, backupRestore.decision),
      ...restoreStores(w, a),
      phase(a, 'provision', 'deploy infrastructure from IaC', 'compute', [t('provisionInfraMinutes')]),
      ...launchTiers(w, a),
      trafficShift(w, a),
      validate(a, 'validateBackupRestoreMinutes'),
    ];
    const notes: string[] = [];
    for (const s of w.stores.filter((x) => isAurora(x.engine) && x.storageGb > 0)) {
      const of = s.named ? ` of ${s.name}` : '';
      notes.push(
        `Aurora snapshot copies are full copies: each ${w.operations.backupIntervalHours} h copy${of} transfers all ${s.storageGb} GB to ${dr}, and each retained copy is a full copy`,
      );
      if (s.storageGb > 1000) notes.push(`the Aurora restore time${of} is extrapolated linearly above 1 TB; AWS says restores are non-linear: time a restore of your own snapshot`);
    }
    if (w.stores.some((x) => isRelational(x.engine) && !isAurora(x.engine))) {
      notes.push('the restored RDS instance is available before its data is loaded from S3 (lazy loading): expect slow queries while it hydrates; a full-table scan speeds it up');
    }
    const servers = serverCount(w);
    notes.push(...capacityRiskNote(a, servers, dr));
    return {
      lines,
      phases,
      rpo: backupRpo(w, a),
      notes,
      launched: servers,
      failover: {
        runLines: [
          ...w.tiers.flatMap((t) => launchedFleet(t, dr, t.count, 'Recovered app servers')),
          ...loadBalancer(w, a, dr),
          ...w.stores.flatMap((s) => (isRelational(s.engine) ? databaseInstance(s, dr, isAurora(s.engine) ? 'Restored Aurora cluster' : 'Restored RDS instance') : [])),
        ],
        ...failback(w, a, dr, primary, { restoredTable: true }),
      },
    };
  },
};

/**
 * Multi-site Active-Active (seed table: highest cost, RTO and RPO near zero): two or more regions serve traffic at
 * once (seed §1–3). Each extra region runs the full stack so any one can take all traffic; data is replicated by an
 * Aurora global database or DynamoDB global tables; Route 53 or Global Accelerator moves traffic away from a failed
 * region. Write patterns: global-write (one writer region: its loss needs a writer promotion) or partitioned-write
 * (each key has a home region: no promotion, more design effort).
 */
import { InputError } from '../errors';
import { decide, detect, phase, promoteDatabase, term as t, trafficShift, validate } from '../recovery/phases';
import { replicationRpo } from '../recovery/rpo';
import { isAurora } from '../model/engines';
import { changeTransfer, computeFleet, databaseReplica, loadBalancer, routing, s3Replica } from './components';
import type { StrategyModel } from './types';

/** Aurora global database: at most 10 secondary regions (current AWS limit; the seed document says 5). */
export const AURORA_MAX_SECONDARY_REGIONS = 10;

export const activeActive: StrategyModel = {
  id: 'active-active',
  base: 'active-active',
  name: 'Multi-site Active-Active',
  summary: 'two or more regions serve traffic at once',
  // Health checks decide; the manual decision is the one taken when data is corrupted (and replicated).
  decision: 'decideWarmStandbyMinutes',
  replicatesData: true,
  build(w, a) {
    const { primary } = w.regions;
    const others = [w.regions.dr, ...w.regions.additional];
    if (isAurora(w.database.engine) && others.length > AURORA_MAX_SECONDARY_REGIONS) {
      throw new InputError(
        `regions.additional: an Aurora global database has at most ${AURORA_MAX_SECONDARY_REGIONS} secondary regions (got ${others.length}: ${others.join(', ')}); use fewer regions or DynamoDB global tables`,
      );
    }
    const lines = others.flatMap((r) => [
      ...computeFleet(w, r, w.compute.count, `App servers, full size`),
      ...loadBalancer(w, a, r),
      ...databaseReplica(w, a, primary, r),
      ...changeTransfer(w, primary, r, 'Replication'),
      ...s3Replica(w, a, primary, r, true),
    ]);
    // The replicated write I/O is billed once in the primary region per secondary; keep one line per secondary.
    lines.push(...routing(w, a, [primary, ...others], { healthChecks: true, serving: [primary, ...others] }));

    const partitioned = w.activeActive.writePattern === 'partitioned-write';
    const phases = [
      detect(w, a, true),
      decide(w, a, activeActive.decision, true),
      ...promoteDatabase(w, a, { skip: partitioned }),
      phase(a, 'scale', 'no scale-out (every region runs at full size)', 'compute', []),
      trafficShift(w, a),
      validate(a, 'validateActiveActiveMinutes'),
    ];
    const notes = [
      'health checks move traffic automatically: detection and decision are automated whatever `operations` says',
      'replication is not backup: corruption and deletions replicate too, so keep point-in-time recovery or periodic backups',
    ];
    if (w.operations.detection === 'manual') notes.push('operations.detection is manual, but active-active relies on health checks to evacuate a region');
    if (isAurora(w.database.engine) && !partitioned) notes.push('global-write with Aurora: losing the writer region needs a managed failover (writer promotion) before writes resume; reads continue');
    if (isAurora(w.database.engine) && partitioned) notes.push('partitioned-write with Aurora needs one cluster per home region (or write forwarding); writes for the failed partition wait for its recovery');
    return { lines, phases, rpo: replicationRpo(w, a, { strongConsistency: w.activeActive.consistency === 'strong' }), notes };
  },
};

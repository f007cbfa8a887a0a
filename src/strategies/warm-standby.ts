/**
 * Warm Standby (seed table: medium cost, RTO within minutes, RPO within minutes): a scaled-down but complete copy
 * runs all the time and scales out on failover.
 */
import { decide, detect, phase, promoteDatabase, term as t, trafficShift, validate } from '../recovery/phases';
import { replicationRpo } from '../recovery/rpo';
import { formatDuration } from '../model/time';
import { amiCopies, changeTransfer, computeFleet, databaseReplica, loadBalancer, routing, s3Replica } from './components';
import type { StrategyModel } from './types';

/** Standby servers: ceil(count × capacity), at least 1 (design.md §5.1). */
export function standbyCount(count: number, capacity: number): number {
  return Math.max(1, Math.ceil(count * capacity - 1e-9));
}

export function warmStandbyModel(capacity?: number, id = 'warm-standby', name = 'Warm Standby'): StrategyModel {
  const model: StrategyModel = {
    id,
    base: 'warm-standby',
    name,
    summary: 'a scaled-down full copy always runs',
    decision: 'decideWarmStandbyMinutes',
    replicatesData: true,
    headlineNote: true,
    build(w, a) {
      const { primary, dr } = w.regions;
      const cap = capacity ?? w.operations.warmStandbyCapacity;
      const standby = standbyCount(w.compute.count, cap);
      const lines = [
        ...databaseReplica(w, a, primary, dr),
        ...changeTransfer(w, primary, dr, 'Replication'),
        ...s3Replica(w, a, primary, dr, true),
        ...amiCopies(w, dr),
        ...computeFleet(w, dr, standby, 'Standby app servers'),
        ...loadBalancer(w, a, dr),
        ...routing(w, a, [primary, dr], { healthChecks: true }),
      ];
      const full = standby >= w.compute.count;
      const phases = [
        detect(w, a),
        decide(w, a, model.decision),
        ...promoteDatabase(w, a),
        phase(a, 'scale', full ? 'no scale-out (standby at full capacity)' : `scale out from ${standby} to ${w.compute.count} servers`, 'compute', full ? [] : [t('warmStandbyScaleOutMinutes')]),
        trafficShift(w, a),
        validate(a, 'validateWarmStandbyMinutes'),
      ];
      const notes: string[] = [];
      const manual = phases.filter((p) => p.name === 'detect' || p.name === 'decide').reduce((s, p) => s + p.seconds, 0);
      if (w.operations.detection === 'manual' || w.operations.failoverDecision === 'manual') {
        notes.push(
          `manual detection and decision take ${formatDuration(manual)} of this RTO; automate both (health-check alarms and a one-button runbook) to reach minutes`,
        );
      }
      return { lines, phases, rpo: replicationRpo(w, a), notes };
    },
  };
  return model;
}

export const warmStandby = warmStandbyModel();

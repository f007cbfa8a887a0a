/**
 * Pilot Light (seed table: low cost, RTO tens of minutes, RPO within minutes): only the data tier runs in the DR
 * region; servers are launched from AMIs when needed. `headless`: the Aurora secondary cluster keeps no DB instance
 * (AWS Resilience Hub recognises "an Amazon Aurora global database with a headless secondary cluster"); the failover
 * then adds an instance before the promotion.
 */
import { decide, detect, launchTiers, phase, promoteStores, term as t, trafficShift, validate } from '../recovery/phases';
import { replicationRpo } from '../recovery/rpo';
import { isAurora } from '../model/engines';
import { formatDuration } from '../model/time';
import { amiCopies, capacityRiskNote, databaseInstance, failback, launchedFleet, loadBalancer, replicas, routing, s3Replica, serverCount } from './components';
import type { StrategyModel } from './types';

/** The manual part of an RTO, for the note that says where the time goes (typical values). */
export function manualNote(phases: readonly { name: string; seconds: number }[], what: string): string {
  const manual = phases.filter((p) => p.name === 'detect' || p.name === 'decide').reduce((s, p) => s + p.seconds, 0);
  return `manual detection and decision take ${formatDuration(manual)} of this RTO; automate both (health-check alarms and a one-button runbook) to reach ${what}`;
}

export function pilotLightModel(opts: { headless?: boolean; id?: string; name?: string } = {}): StrategyModel {
  const model: StrategyModel = {
    id: opts.id ?? 'pilot-light',
    base: 'pilot-light',
    name: opts.name ?? 'Pilot Light',
    summary: opts.headless ? 'only the data tier runs, with a headless Aurora secondary (no DB instance); servers start when needed' : 'only the data tier runs; servers start when needed',
    decision: 'decidePilotLightMinutes',
    replicatesData: true,
    headlineNote: !opts.id,
    build(w, a) {
      const { primary, dr } = w.regions;
      const aurora = w.stores.filter((x) => isAurora(x.engine));
      const headless = Boolean(opts.headless) && aurora.length > 0;
      const lines = [
        ...replicas(w, a, primary, dr, { headless }),
        ...s3Replica(w, a, primary, dr, true),
        ...amiCopies(w, dr),
        ...routing(w, a, [primary, dr], { healthChecks: true }),
      ];
      const phases = [
        detect(w, a),
        decide(w, a, model.decision),
        ...promoteStores(w, a, { headless }),
        phase(a, 'provision', 'deploy non-core infrastructure', 'compute', [t('provisionNonCoreMinutes')]),
        ...launchTiers(w, a),
        trafficShift(w, a),
        validate(a, 'validatePilotLightMinutes'),
      ];
      const notes: string[] = [];
      if (w.operations.detection === 'manual' || w.operations.failoverDecision === 'manual') notes.push(manualNote(phases, 'tens of minutes'));
      if (opts.headless && !headless) notes.push('a headless secondary is an Aurora option: for this engine the plan is the same as Pilot Light');
      if (headless) {
        const which = w.stores.length > 1 ? ` (${aurora.map((x) => x.name).join(', ')}; the other stores replicate as in Pilot Light)` : '';
        notes.push(`the headless secondary has no DB instance${which}: the failover first adds one (minutes), then promotes the cluster`);
      }
      const servers = serverCount(w);
      notes.push(...capacityRiskNote(a, servers, dr));
      return {
        lines,
        phases,
        rpo: replicationRpo(w, a),
        notes,
        launched: servers,
        failover: {
          runLines: [
            ...w.tiers.flatMap((x) => launchedFleet(x, dr, x.count, 'Launched app servers')),
            ...loadBalancer(w, a, dr),
            ...(headless ? aurora.flatMap((x) => databaseInstance(x, dr, 'Instance added to the headless secondary').filter((l) => l.key.service === 'rds.instance')) : []),
          ],
          ...failback(w, a, dr, primary),
        },
      };
    },
  };
  return model;
}

export const pilotLight = pilotLightModel();

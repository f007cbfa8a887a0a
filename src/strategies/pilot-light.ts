/**
 * Pilot Light (seed table: low cost, RTO tens of minutes, RPO within minutes): only the data tier runs in the DR
 * region; servers are launched from AMIs when needed.
 */
import { decide, detect, launchServers, phase, promoteDatabase, term as t, trafficShift, validate } from '../recovery/phases';
import { replicationRpo } from '../recovery/rpo';
import { amiCopies, changeTransfer, databaseReplica, routing, s3Replica } from './components';
import type { StrategyModel } from './types';

export const pilotLight: StrategyModel = {
  id: 'pilot-light',
  base: 'pilot-light',
  name: 'Pilot Light',
  summary: 'only the data tier runs; servers start when needed',
  decision: 'decidePilotLightMinutes',
  replicatesData: true,
  build(w, a) {
    const { primary, dr } = w.regions;
    const lines = [
      ...databaseReplica(w, a, primary, dr),
      ...changeTransfer(w, primary, dr, 'Replication'),
      ...s3Replica(w, a, primary, dr, true),
      ...amiCopies(w, dr),
      ...routing(w, a, [primary, dr], { healthChecks: true }),
    ];
    const phases = [
      detect(w, a),
      decide(w, a, pilotLight.decision),
      ...promoteDatabase(w, a),
      phase(a, 'provision', 'deploy non-core infrastructure', 'compute', [t('provisionNonCoreMinutes')]),
      launchServers(w, a),
      trafficShift(w, a),
      validate(a, 'validatePilotLightMinutes'),
    ];
    return { lines, phases, rpo: replicationRpo(w, a), notes: [] };
  },
};

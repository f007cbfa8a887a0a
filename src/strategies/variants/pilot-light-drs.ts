/**
 * Pilot light with AWS Elastic Disaster Recovery (DRS): app servers are replicated block by block into low-cost
 * staging in the DR region and launched on failover (REL13-BP02: "RPO and RTO similar to warm standby, but the
 * low-cost approach of pilot light"). Managed databases keep their own replication (DRS does not cover them).
 * A replication server (t3.small) handles up to 15 source volumes (DRS UG, replication server settings).
 */
import { decide, detect, phase, promoteDatabase, term as t, trafficShift, validate } from '../../recovery/phases';
import { drsRpo, replicationRpo } from '../../recovery/rpo';
import { capacityRiskNote, changeTransfer, databaseReplica, failback, launchedFleet, loadBalancer, routing, s3Replica } from '../components';
import type { StrategyModel } from '../types';

export const pilotLightDrs: StrategyModel = {
  id: 'pilot-light-drs',
  base: 'pilot-light',
  name: 'Pilot Light with Elastic Disaster Recovery',
  summary: 'servers replicated continuously by AWS DRS and launched on failover; the data tier runs',
  decision: 'decidePilotLightMinutes',
  replicatesData: true,
  build(w, a) {
    const { primary, dr } = w.regions;
    const n = w.compute.count;
    const volumes = n * w.compute.ebsVolumesPerInstance;
    const stagingGb = n * w.compute.ebsGbPerInstance;
    const replicationServers = Math.ceil(volumes / a.drsVolumesPerReplicationServer.value);
    const lines = [
      ...databaseReplica(w, a, primary, dr),
      ...changeTransfer(w, primary, dr, 'Replication'),
      ...s3Replica(w, a, primary, dr, true),
      {
        component: 'Elastic Disaster Recovery source servers', region: dr,
        usage: `${n} replicating source servers, 730 h`, key: { service: 'drs.server' as const, region: dr }, hourlyQuantity: n,
      },
      {
        component: 'DRS replication servers (t3.small)', region: dr,
        usage: `${replicationServers} × t3.small for ${volumes} source volume${volumes === 1 ? '' : 's'} (drsVolumesPerReplicationServer ${a.drsVolumesPerReplicationServer.value})`,
        key: { service: 'ec2.instance' as const, region: dr, attrs: { instanceType: 't3.small' } }, hourlyQuantity: replicationServers,
        assumptions: ['drsVolumesPerReplicationServer' as const],
      },
      ...(stagingGb > 0
        ? [
            { component: 'DRS staging volumes', region: dr, usage: `${stagingGb} GB gp3`, key: { service: 'ebs.gp3' as const, region: dr }, monthlyQuantity: stagingGb },
            { component: 'DRS point-in-time snapshots', region: dr, usage: `${stagingGb} GB (about one full copy of changes kept)`, key: { service: 'ebs.snapshot' as const, region: dr }, monthlyQuantity: stagingGb },
          ]
        : []),
      ...routing(w, a, [primary, dr], { healthChecks: true }),
    ];
    const phases = [
      detect(w, a),
      decide(w, a, pilotLightDrs.decision),
      ...promoteDatabase(w, a),
      phase(a, 'launch', `launch ${n} recovery instances with DRS`, 'compute', [t('drsRecoveryMinutes')]),
      trafficShift(w, a),
      validate(a, 'validatePilotLightMinutes'),
    ];
    const rpo = [...replicationRpo(w, a), ...(stagingGb > 0 ? [drsRpo(a)] : [])];
    return {
      lines,
      phases,
      rpo,
      notes: ['DRS covers the servers; the managed database keeps its own cross-region replication', ...capacityRiskNote(a, n, dr)],
      launched: n,
      failover: { runLines: [...launchedFleet(w, dr, n, 'Recovered instances'), ...loadBalancer(w, a, dr)], ...failback(w, a, dr, primary) },
    };
  },
};

/**
 * Pilot light with AWS Elastic Disaster Recovery (DRS): app servers are replicated block by block into low-cost
 * staging in the DR region and launched on failover (REL13-BP02: "RPO and RTO similar to warm standby, but the
 * low-cost approach of pilot light"). Managed databases keep their own replication (DRS does not cover them).
 * A replication server (t3.small) handles up to 15 source volumes (DRS UG, replication server settings), whatever
 * tier they belong to.
 */
import { decide, detect, phase, promoteStores, term as t, trafficShift, validate } from '../../recovery/phases';
import { drsRpo, replicationRpo } from '../../recovery/rpo';
import { ofPart, partField, type Tier } from '../../workload/parts';
import { capacityRiskNote, failback, launchedFleet, loadBalancer, replicas, routing, s3Replica, serverCount } from '../components';
import type { CostLine, StrategyModel } from '../types';

export const pilotLightDrs: StrategyModel = {
  id: 'pilot-light-drs',
  base: 'pilot-light',
  name: 'Pilot Light with Elastic Disaster Recovery',
  summary: 'servers replicated continuously by AWS DRS and launched on failover; the data tier runs',
  decision: 'decidePilotLightMinutes',
  replicatesData: true,
  build(w, a) {
    const { primary, dr } = w.regions;
    const n = serverCount(w);
    // One replication server per 15 source volumes, shared by every tier (DRS assigns source servers to replication
    // servers by their replication settings, not by tier); each tier's servers, staging volumes and snapshots are its own.
    const volumes = w.tiers.reduce((sum, x) => sum + x.count * x.ebsVolumesPerInstance, 0);
    const replicationServers = Math.ceil(volumes / a.drsVolumesPerReplicationServer.value);
    const tierLines = (tier: Tier): CostLine[] => {
      const stagingGb = tier.count * tier.ebsGbPerInstance;
      const part = partField(tier);
      return [
        {
          component: `Elastic Disaster Recovery source servers${ofPart(tier)}`, region: dr,
          usage: `${tier.count} replicating source servers, 730 h`, key: { service: 'drs.server' as const, region: dr }, hourlyQuantity: tier.count, ...part,
        },
        ...(stagingGb > 0
          ? [
              { component: `DRS staging volumes${ofPart(tier)}`, region: dr, usage: `${stagingGb} GB gp3`, key: { service: 'ebs.gp3' as const, region: dr }, monthlyQuantity: stagingGb, ...part },
              { component: `DRS point-in-time snapshots${ofPart(tier)}`, region: dr, usage: `${stagingGb} GB (about one full copy of changes kept)`, key: { service: 'ebs.snapshot' as const, region: dr }, monthlyQuantity: stagingGb, ...part },
            ]
          : []),
      ];
    };
    const perTier = w.tiers.map(tierLines);
    // One tier: its source servers, the replication servers, its staging (the order it always had); several: every
    // tier's lines, then the replication servers they share.
    const drsLines = (replicationLine: CostLine): CostLine[] =>
      perTier.length === 1 ? [perTier[0][0], replicationLine, ...perTier[0].slice(1)] : [...perTier.flat(), replicationLine];
    const replicationLine: CostLine = {
      component: 'DRS replication servers (t3.small)', region: dr,
      usage: `${replicationServers} × t3.small for ${volumes} source volume${volumes === 1 ? '' : 's'} (drsVolumesPerReplicationServer ${a.drsVolumesPerReplicationServer.value})`,
      key: { service: 'ec2.instance' as const, region: dr, attrs: { instanceType: 't3.small' } }, hourlyQuantity: replicationServers,
      assumptions: ['drsVolumesPerReplicationServer' as const],
    };
    const lines = [
      ...replicas(w, a, primary, dr),
      ...s3Replica(w, a, primary, dr, true),
      ...drsLines(replicationLine),
      ...routing(w, a, [primary, dr], { healthChecks: true }),
    ];
    const counts = w.tiers.length > 1 ? ` (${w.tiers.map((x) => `${x.name} ${x.count}`).join(', ')})` : '';
    const phases = [
      detect(w, a),
      decide(w, a, pilotLightDrs.decision),
      ...promoteStores(w, a),
      // One DRS recovery job launches every tier's recovery instances at once.
      phase(a, 'launch', `launch ${n} recovery instances with DRS${counts}`, 'compute', [t('drsRecoveryMinutes')]),
      trafficShift(w, a),
      validate(a, 'validatePilotLightMinutes'),
    ];
    const rpo = [...replicationRpo(w, a), ...w.tiers.filter((x) => x.count * x.ebsGbPerInstance > 0).map((x) => drsRpo(a, x))];
    return {
      lines,
      phases,
      rpo,
      notes: ['DRS covers the servers; the managed database keeps its own cross-region replication', ...capacityRiskNote(a, n, dr)],
      launched: n,
      failover: { runLines: [...w.tiers.flatMap((x) => launchedFleet(x, dr, x.count, 'Recovered instances')), ...loadBalancer(w, a, dr)], ...failback(w, a, dr, primary) },
    };
  },
};

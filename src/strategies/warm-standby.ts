/**
 * Warm Standby (seed table: medium cost, RTO within minutes, RPO within minutes): a scaled-down but complete copy
 * runs all the time and scales out on failover. Auto Scaling adds capacity in cycles, so the scale-out grows with the
 * gap between the standby and the full fleet; while it runs, the standby already serves its share of the traffic,
 * which the expected loss counts (served fraction = capacity / full, cycle by cycle).
 */
import { decide, detect, phase, promoteStores, term as t, trafficShift, validateFor } from '../recovery/phases';
import { replicationRpo } from '../recovery/rpo';
import type { Assumptions } from '../model/assumptions';
import { inPart, partField } from '../workload/parts';
import { amiCopies, capacityRiskNote, computeFleet, failback, launchedFleet, loadBalancer, replicas, routing, s3Replica, serverCount } from './components';
import { manualNote } from './pilot-light';
import type { CostLine, StrategyModel } from './types';

/** Standby servers: ceil(count × capacity), at least 1 (design.md §5.1). */
export function standbyCount(count: number, capacity: number): number {
  return Math.max(1, Math.ceil(count * capacity - 1e-9));
}

/**
 * The scale-out from `standby` to `full` servers: Auto Scaling cycles, each growing the group by at most
 * `warmStandbyGrowthPerCycle` (×2: target tracking at 50 % CPU on a saturated group), and at most
 * `warmStandbyMaxScaleOutCycles` of them (then the runbook sets the desired capacity to full, as pilot light does).
 * `served` is the average share of full capacity running over the cycles.
 */
export function scaleOut(a: Assumptions, standby: number, full: number): { cycles: number; served: number } {
  if (standby >= full) return { cycles: 0, served: 1 };
  const g = Math.max(1.0001, a.warmStandbyGrowthPerCycle.value);
  const needed = Math.ceil(Math.log(full / standby) / Math.log(g) - 1e-9);
  const cycles = Math.max(1, Math.min(needed, Math.max(1, Math.round(a.warmStandbyMaxScaleOutCycles.value))));
  let sum = 0;
  for (let k = 0; k < cycles; k++) sum += Math.min(1, (standby * g ** k) / full);
  return { cycles, served: sum / cycles };
}

export function warmStandbyModel(opts: { capacity?: number; id?: string; name?: string; reserveGap?: boolean; summary?: string } = {}): StrategyModel {
  const model: StrategyModel = {
    id: opts.id ?? 'warm-standby',
    base: 'warm-standby',
    name: opts.name ?? 'Warm Standby',
    summary: opts.summary ?? 'a scaled-down full copy always runs',
    decision: 'decideWarmStandbyMinutes',
    replicatesData: true,
    headlineNote: !opts.id,
    build(w, a) {
      const { primary, dr } = w.regions;
      const cap = opts.capacity ?? w.operations.warmStandbyCapacity;
      // Each tier keeps its own standby share (at least one server) and scales out on its own, in parallel.
      const tiers = w.tiers.map((tier) => {
        const standby = standbyCount(tier.count, cap);
        return { tier, standby, gap: Math.max(0, tier.count - standby), ...scaleOut(a, standby, tier.count) };
      });
      const reservation: CostLine[] = opts.reserveGap
        ? tiers
            .filter((x) => x.gap > 0)
            .map(({ tier, gap }) => ({
              component: `On-Demand Capacity Reservations (${inPart(tier, tier.instanceType)}, the scale-out gap)`,
              region: dr,
              usage: `${gap} × ${tier.instanceType} reserved, billed at the On-Demand rate whether used or not, 730 h`,
              key: { service: 'ec2.instance' as const, region: dr, attrs: { instanceType: tier.instanceType } },
              hourlyQuantity: gap,
              ...partField(tier),
            }))
        : [];
      const lines = [
        ...replicas(w, a, primary, dr),
        ...s3Replica(w, a, primary, dr, true),
        ...amiCopies(w, dr),
        ...tiers.flatMap((x) => computeFleet(x.tier, dr, x.standby, 'Standby app servers')),
        ...reservation,
        ...loadBalancer(w, a, dr),
        ...routing(w, a, [primary, dr], { healthChecks: true }),
      ];
      const scalePhases = tiers.map(({ tier, standby, gap, cycles, served }) => {
        const what = tier.named ? `${tier.name} ` : '';
        const label =
          gap === 0
            ? `no scale-out${tier.named ? ` of ${tier.name}` : ''} (standby at full capacity)`
            : `scale out ${what}from ${standby} to ${tier.count} servers (${cycles} Auto Scaling cycle${cycles === 1 ? '' : 's'}; ${Math.round(served * 100)}% of the traffic served meanwhile)`;
        return phase(a, 'scale', label, 'compute', gap === 0 ? [] : [t('warmStandbyScaleOutMinutes', cycles)], undefined, { ramp: gap > 0, ...partField(tier) });
      });
      const phases = [
        detect(w, a),
        decide(w, a, model.decision),
        ...promoteStores(w, a),
        ...scalePhases,
        trafficShift(w, a),
        validateFor(w, a, 'validateWarmStandbyMinutes'),
      ];
      const gap = tiers.reduce((n, x) => n + x.gap, 0);
      const ramping = tiers.filter((x) => x.gap > 0);
      const notes: string[] = [];
      if (w.operations.detection === 'manual' || w.operations.failoverDecision === 'manual') notes.push(manualNote(phases, 'minutes'));
      if (gap === 0) {
        const n = serverCount(w);
        notes.push(
          `with ${n} server${n === 1 ? '' : 's'}, a standby at ${Math.round(cap * 100)}% runs the full fleet: this warm standby is a hot standby (static stability, no scale-out), and costs about what a two-region active-active does`,
        );
      } else if (!opts.reserveGap) notes.push(...capacityRiskNote(a, gap, dr));
      return {
        lines,
        phases,
        rpo: replicationRpo(w, a),
        notes,
        // The service runs at the pace of its slowest tier: the least served share of the tiers that scale out.
        rampServed: ramping.length ? Math.min(...ramping.map((x) => x.served)) : 0,
        launched: gap,
        failover: { runLines: tiers.flatMap((x) => launchedFleet(x.tier, dr, x.gap, 'Scaled-out app servers')), ...failback(w, a, dr, primary) },
      };
    },
  };
  return model;
}

export const warmStandby = warmStandbyModel();

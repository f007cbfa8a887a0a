/**
 * Multi-site Active-Active (seed table: highest cost, RTO and RPO near zero): two or more regions serve traffic at
 * once (seed §1–3). Sized for static stability (REL11-BP04): when any one of the N regions is lost, the other N − 1
 * carry its load without scaling, so each region runs ceil(count / (N − 1)) servers — N·count/(N − 1) in all, rounded
 * up per region (two regions: a full copy each). The database in each active region follows the primary's Multi-AZ
 * setting, since it serves traffic. Data is replicated by an Aurora global database or DynamoDB global tables; Route 53
 * or Global Accelerator moves traffic away from a failed region. Write patterns: global-write (one writer region: its
 * loss needs a writer promotion) or partitioned-write (each key has a home region: no promotion, more design effort).
 */
import { InputError } from '../errors';
import { decide, detect, phase, promoteStores, trafficShift, validate } from '../recovery/phases';
import { replicationRpo } from '../recovery/rpo';
import { isAurora, isRelational } from '../model/engines';
import type { Tier } from '../workload/parts';
import { amiCopies, failback, fleets, loadBalancer, replicas, routing, s3Replica, serverCount } from './components';
import type { StrategyModel } from './types';

/** Aurora global database: at most 10 secondary regions (current AWS limit; the seed document says 5). */
export const AURORA_MAX_SECONDARY_REGIONS = 10;

/** Servers per active region for static stability: the N − 1 survivors carry the whole load. */
export function serversPerRegion(count: number, regions: number): number {
  return regions <= 1 ? count : Math.ceil(count / (regions - 1) - 1e-9);
}

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
    const aurora = w.stores.filter((x) => isAurora(x.engine));
    if (aurora.length && others.length > AURORA_MAX_SECONDARY_REGIONS) {
      throw new InputError(
        `regions.additional: an Aurora global database has at most ${AURORA_MAX_SECONDARY_REGIONS} secondary regions (got ${others.length}: ${others.join(', ')}); use fewer regions or DynamoDB global tables`,
      );
    }
    const n = others.length + 1;
    // Static stability per tier: each tier's survivors carry that tier's load.
    const per = (tier: Tier) => serversPerRegion(tier.count, n);
    const lines = others.flatMap((r) => [
      ...fleets(w, r, per, n === 2 ? 'App servers, full size' : `App servers, 1/${n - 1} of the load each`),
      ...amiCopies(w, r),
      ...loadBalancer(w, a, r),
      ...replicas(w, a, primary, r, { followMultiAz: true }),
      ...s3Replica(w, a, primary, r, true),
    ]);
    // The replicated write I/O is billed once in the primary region per secondary; keep one line per secondary.
    lines.push(...routing(w, a, [primary, ...others], { healthChecks: true, serving: [primary, ...others] }));

    const partitioned = w.activeActive.writePattern === 'partitioned-write';
    const phases = [
      detect(w, a, true),
      decide(w, a, activeActive.decision, true),
      ...promoteStores(w, a, { skip: partitioned }),
      phase(a, 'scale', 'no scale-out (the surviving regions carry the load: static stability)', 'compute', []),
      trafficShift(w, a),
      validate(a, 'validateActiveActiveMinutes'),
    ];
    const notes = [
      'health checks move traffic automatically: detection and decision are automated whatever `operations` says',
      'replication is not backup: corruption and deletions replicate too, so keep point-in-time recovery or periodic backups',
    ];
    const total = serverCount(w);
    const perTotal = w.tiers.reduce((sum, x) => sum + per(x), 0);
    if (n > 2 && perTotal < total) {
      const each = w.tiers.length > 1 ? ` (${w.tiers.map((x) => `${x.name} ${per(x)}`).join(', ')})` : '';
      notes.push(
        `static stability with ${n} regions: each region runs ${perTotal} server${perTotal === 1 ? '' : 's'}${each} (${n} × ${perTotal} = ${n * perTotal} in all, so that any ${n - 1} carry the load); the primary region could shrink from ${total} to ${perTotal} too, which this DR cost does not count`,
      );
    }
    for (const s of w.stores.filter((x) => isRelational(x.engine))) {
      const who = s.named ? `${s.name}: ` : '';
      notes.push(
        s.multiAz
          ? `${who}the database in each active region is Multi-AZ, like the primary (it serves traffic)`
          : `${who}the database in each active region is single-AZ, like the primary: set ${s.field}.multiAz for Multi-AZ in every region`,
      );
    }
    if (w.operations.detection === 'manual') notes.push('operations.detection is manual, but active-active relies on health checks to evacuate a region');
    if (aurora.length && !partitioned) notes.push('global-write with Aurora: losing the writer region needs a managed failover (writer promotion) before writes resume; reads continue');
    if (aurora.length && partitioned) notes.push('partitioned-write with Aurora needs one cluster per home region (or write forwarding); writes for the failed partition wait for its recovery');
    return {
      lines,
      phases,
      rpo: replicationRpo(w, a, { strongConsistency: w.activeActive.consistency === 'strong' }),
      notes,
      launched: 0,
      // The survivors already run at the size they need: a failover adds nothing but the failback.
      failover: { runLines: [], ...failback(w, a, w.regions.dr, primary) },
    };
  },
};

/**
 * The DR posture a plan already has, read from where things run:
 * - the primary region: the one with the most compute; ties go to the target of a Route 53 PRIMARY failover record,
 *   then to the region of a writer data store, then to the default `aws` provider's region, then alphabetical;
 * - another region with compute at full size behind latency/weighted/geo routing (or Global Accelerator endpoint
 *   groups taking traffic) → active-active (more such regions → `regions.additional`);
 * - another region with less compute, or the same with failover routing → warm standby (capacity = its share);
 * - data replicated continuously to another region (RDS cross-region replica, Aurora global secondary, DynamoDB
 *   global table replica) with no running compute there → pilot light;
 * - only backups copied there (AWS Backup copy actions, RDS automated-backup replication, S3 replication) → backup
 *   and restore;
 * - nothing in another region → no strategy, and the DR region by dr-advisor's pair rule.
 * Pure.
 */
import type { StrategyId } from '../../model/strategies';
import type { BackupFact, ComputePiece, Inventory, ReplicaFact } from './collect';
import { defaultDrRegion, isPricedRegion } from './regions';

export interface Posture {
  primary: string;
  primaryWhy: string;
  dr: string;
  /** How the DR region was chosen: evidence from the plan, or the pair rule. */
  drWhy: string;
  drFromRule: boolean;
  additional: string[];
  strategy?: StrategyId;
  /** The reason written beside `strategy` (or why there is none). */
  why: string;
  warmStandbyCapacity?: number;
  /** Other regions seen but not modelled. */
  ignored: string[];
}

const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

function computeIn(pieces: readonly ComputePiece[], region: string): number {
  return sum(pieces.filter((p) => p.region === region).map((p) => p.count));
}

export function choosePrimary(inv: Inventory, defaultProviderRegion: string | undefined, writerRegions: readonly string[]): { region: string; why: string } | undefined {
  const regions = [...new Set([...inv.pieces.map((p) => p.region), ...inv.stores.map((s) => s.region), ...inv.buckets.map((b) => b.region), ...inv.lbs.map((l) => l.region)])].sort();
  if (!regions.length) return undefined;
  const failoverPrimary = new Set(inv.records.filter((r) => r.policy === 'failover-primary' && r.targetRegion).map((r) => r.targetRegion!));
  const writers = (r: string) => writerRegions.filter((w) => w === r).length;
  const key = (r: string) => [computeIn(inv.pieces, r), failoverPrimary.has(r) ? 1 : 0, writers(r), r === defaultProviderRegion ? 1 : 0];
  const ranked = [...regions].sort((a, b) => {
    const ka = key(a);
    const kb = key(b);
    for (let i = 0; i < ka.length; i++) if (ka[i] !== kb[i]) return kb[i] - ka[i];
    return a.localeCompare(b);
  });
  const [best, next] = ranked;
  if (regions.length === 1) return { region: best, why: 'the only region in the plan' };
  const kb = key(best);
  const kn = key(next);
  const why =
    kb[0] !== kn[0] ? `the region with the most compute (${plural(kb[0], 'instance')})`
    : kb[1] !== kn[1] ? 'the target of the Route 53 PRIMARY failover record'
    : kb[2] !== kn[2] ? 'the region of the writer data store'
    : kb[3] !== kn[3] ? 'the region of the default aws provider'
    : 'the first, alphabetically, of the regions with the same compute';
  return { region: best, why };
}

function kindWords(replicas: readonly ReplicaFact[], backups: readonly BackupFact[]): string {
  const words = new Set<string>();
  for (const r of replicas)
    words.add(r.kind === 'aurora-global' ? 'Aurora global database secondary' : r.kind === 'aurora-replica' ? 'Aurora cross-region replica' : r.kind === 'rds-replica' ? 'RDS cross-region read replica' : 'DynamoDB global table replica');
  for (const b of backups) words.add(b.kind === 'backup-copy' ? 'AWS Backup copy' : b.kind === 'rds-backup-replication' ? 'RDS automated backups replication' : 'S3 replication');
  return [...words].join(', ');
}

export function inferPosture(inv: Inventory, primary: { region: string; why: string }): Posture {
  const p = primary.region;
  const primaryCount = computeIn(inv.pieces, p);
  const replicas = inv.replicas.filter((r) => r.region !== p);
  const backups = inv.backups.filter((b) => b.to !== p);
  // Regions that serve traffic at the same time: latency/weighted/geo/multivalue records, or accelerator endpoint groups.
  const serving = new Set<string>();
  for (const r of inv.records) if ((r.policy === 'latency' || r.policy === 'geo' || r.policy === 'multivalue' || (r.policy === 'weighted' && (r.weight ?? 1) > 0)) && r.targetRegion) serving.add(r.targetRegion);
  if (inv.accelerators > 0) for (const g of inv.endpointGroups) if (g.dial > 0) serving.add(g.region);
  const activeRouting = serving.size >= 2 && serving.has(p);
  const routingWords = inv.accelerators > 0 && inv.endpointGroups.filter((g) => g.dial > 0).length >= 2 ? 'Global Accelerator endpoint groups' : 'Route 53 latency/weighted records';
  const seen = [...new Set([...inv.pieces.map((x) => x.region), ...replicas.map((r) => r.region), ...backups.map((b) => b.to), ...serving])].filter((r) => r !== p).sort();
  // A region dr-advisor does not price (a backup copy to ca-central-1, a latency record for sa-east-1) is named, not used.
  const unpriced = seen.filter((r) => !isPricedRegion(r));
  const others = seen.filter((r) => isPricedRegion(r));
  const drCount = (r: string) => computeIn(inv.pieces, r);
  // Ties go to the primary's usual DR partner (defaultDr), then alphabetically.
  const partner = defaultDrRegion(p);
  const byEvidence = (score: (r: string) => number) =>
    [...others].sort((a, b) => score(b) - score(a) || Number(b === partner) - Number(a === partner) || a.localeCompare(b));
  const base = { primary: p, primaryWhy: primary.why, drFromRule: false, additional: [] as string[] };
  const ignoredOf = (used: readonly string[]) => [...others.filter((r) => !used.includes(r)), ...unpriced];

  if (!others.length) {
    const dr = defaultDrRegion(p) ?? p;
    return {
      ...base,
      dr,
      drWhy: `only ${p} is in the plan: ${dr} is dr-advisor's default DR region for ${p} (the usual partner in the same geography; the rule is defaultDr in src/model/regions.ts)`,
      drFromRule: true,
      why: 'no DR posture in the plan (nothing runs, is replicated or copied outside the primary region): `check` uses the recommended strategy',
      ignored: unpriced,
    };
  }

  const full = others.filter((r) => primaryCount > 0 && drCount(r) >= primaryCount);
  const actives = byEvidence(drCount).filter((r) => full.includes(r) && serving.has(r));
  const data = (r: string) => kindWords(replicas.filter((x) => x.region === r), []);
  if (activeRouting && actives.length) {
    const [dr, ...additional] = actives;
    const all = [p, ...actives];
    const stores = all.slice(1).map(data).find(Boolean);
    return {
      ...base,
      dr,
      additional,
      drWhy: `it serves traffic with full-size compute (${plural(drCount(dr), 'instance')})${additional.length ? `; ties are broken alphabetically` : ''}`,
      strategy: 'active-active',
      why: `${all.join(', ')} each run full-size compute (${plural(primaryCount, 'instance')}) and ${routingWords} send traffic to all of them${stores ? `; data: ${stores}` : ''}`,
      ignored: ignoredOf(actives),
    };
  }
  const warm = byEvidence(drCount).filter((r) => drCount(r) > 0);
  if (warm.length && primaryCount > 0) {
    const dr = warm[0];
    const n = drCount(dr);
    const capacity = Math.min(1, Math.max(0.01, Math.round((n / primaryCount) * 100) / 100));
    const fullSize = n >= primaryCount;
    return {
      ...base,
      dr,
      drWhy: `it runs standby compute (${plural(n, 'instance')})`,
      strategy: 'warm-standby',
      warmStandbyCapacity: capacity,
      why: `${dr} runs ${n} of the primary's ${primaryCount} instances (capacity ${capacity})${fullSize ? ' behind failover routing, not latency or weighted routing: a full-size warm standby' : ''}${data(dr) ? `; data: ${data(dr)}` : ''}`,
      ignored: ignoredOf([dr]),
    };
  }
  const replicated = byEvidence((r) => replicas.filter((x) => x.region === r).length).filter((r) => replicas.some((x) => x.region === r));
  if (replicated.length) {
    const dr = replicated[0];
    const scaledToZero = inv.pieces.some((x) => x.region === dr);
    return {
      ...base,
      dr,
      drWhy: `the data is replicated to it: ${data(dr)}`,
      strategy: 'pilot-light',
      why: `the data is replicated continuously to ${dr} (${data(dr)}) and no compute runs there${scaledToZero ? ' (its compute is scaled to zero)' : ''}`,
      ignored: ignoredOf([dr]),
    };
  }
  const copied = byEvidence((r) => backups.filter((b) => b.to === r).length).filter((r) => backups.some((b) => b.to === r));
  if (copied.length) {
    const dr = copied[0];
    const words = kindWords([], backups.filter((b) => b.to === dr));
    return {
      ...base,
      dr,
      drWhy: `backups are copied to it: ${words}`,
      strategy: 'backup-restore',
      why: `only backups and copies reach ${dr} (${words}); nothing runs or replicates continuously there`,
      ignored: ignoredOf([dr]),
    };
  }
  // Other regions that serve traffic without full-size compute or data: no posture dr-advisor can name.
  const dr = others[0];
  return {
    ...base,
    dr,
    drWhy: `the only other region in the plan`,
    why: `${dr} appears in the plan but holds no standby compute, replica or backup copy: \`check\` uses the recommended strategy`,
    ignored: ignoredOf([dr]),
  };
}

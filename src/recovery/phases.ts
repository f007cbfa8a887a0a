/**
 * Recovery phases and RPO sources: the pieces RTO and RPO are computed from (design.md §5.2).
 * RTO = detect + decide + max(data branch, compute branch) + traffic shift + validate.
 * Each phase is a sum of named assumptions times factors (plus fixed seconds such as a DNS TTL), so every figure
 * traces back to named, sourced, overridable defaults.
 */
import type { Workload } from '../workload/validate';
import type { AssumptionName, Assumptions } from '../model/assumptions';
import { isAurora } from '../model/engines';

export type PhaseName = 'detect' | 'decide' | 'restore' | 'promote' | 'provision' | 'launch' | 'scale' | 'traffic' | 'validate';
export type Branch = 'serial' | 'data' | 'compute';

export interface Term {
  assumption: AssumptionName;
  factor: number;
}

export interface Phase {
  name: PhaseName;
  label: string;
  branch: Branch;
  terms: Term[];
  /** Seconds not from an assumption (e.g. the DNS TTL): typical, low, high. */
  fixed?: { value: number; low: number; high: number; what: string };
  seconds: number;
  lowSeconds: number;
  highSeconds: number;
}

export interface RpoSource {
  store: string;
  mechanism: string;
  terms: Term[];
  fixed?: { value: number; low: number; high: number; what: string };
  seconds: number;
  lowSeconds: number;
  highSeconds: number;
}

const UNIT_SECONDS: Record<string, number> = { minutes: 60, seconds: 1 };

function termSeconds(a: Assumptions, t: Term, which: 'value' | 'low' | 'high'): number {
  const def = a[t.assumption];
  return def[which] * t.factor * (UNIT_SECONDS[def.unit] ?? 1);
}

function total(a: Assumptions, terms: Term[], fixed: Phase['fixed'], which: 'value' | 'low' | 'high'): number {
  return terms.reduce((s, t) => s + termSeconds(a, t, which), 0) + (fixed ? fixed[which] : 0);
}

export function phase(a: Assumptions, name: PhaseName, label: string, branch: Branch, terms: Term[], fixed?: Phase['fixed']): Phase {
  return {
    name, label, branch, terms, ...(fixed ? { fixed } : {}),
    seconds: total(a, terms, fixed, 'value'),
    lowSeconds: total(a, terms, fixed, 'low'),
    highSeconds: total(a, terms, fixed, 'high'),
  };
}

export function rpoSource(a: Assumptions, store: string, mechanism: string, terms: Term[], fixed?: RpoSource['fixed']): RpoSource {
  return {
    store, mechanism, terms, ...(fixed ? { fixed } : {}),
    seconds: total(a, terms, fixed, 'value'),
    lowSeconds: total(a, terms, fixed, 'low'),
    highSeconds: total(a, terms, fixed, 'high'),
  };
}

const t = (assumption: AssumptionName, factor = 1): Term => ({ assumption, factor });

/** Time sums: serial phases add up; the data and compute branches run in parallel. */
export function rtoSeconds(phases: readonly Pick<Phase, 'branch' | 'seconds'>[]): number {
  let serial = 0;
  let data = 0;
  let compute = 0;
  for (const p of phases) {
    if (p.branch === 'serial') serial += p.seconds;
    else if (p.branch === 'data') data += p.seconds;
    else compute += p.seconds;
  }
  return serial + Math.max(data, compute);
}

/** The workload RPO is the worst of its data stores (0 when it keeps no data). */
export function rpoSeconds(sources: readonly Pick<RpoSource, 'seconds'>[]): number {
  return sources.reduce((m, s) => Math.max(m, s.seconds), 0);
}

// ---- phase builders shared by the strategies -----------------------------------------------------------------------

export function detect(w: Workload, a: Assumptions, forceAutomated = false): Phase {
  const automated = forceAutomated || w.operations.detection === 'automated';
  return automated
    ? phase(a, 'detect', 'detect (Route 53 health checks)', 'serial', [t('detectAutomatedMinutes')])
    : phase(a, 'detect', 'detect (alarm, page, acknowledge)', 'serial', [t('detectManualMinutes')]);
}

export function decide(w: Workload, a: Assumptions, manual: AssumptionName, forceAutomated = false): Phase {
  const automated = forceAutomated || w.operations.failoverDecision === 'automated';
  return automated
    ? phase(a, 'decide', 'decide (automated)', 'serial', [t('decideAutomatedMinutes')])
    : phase(a, 'decide', 'decide and declare (manual)', 'serial', [t(manual)]);
}

/** Restore time grows with storage: the assumption is for 500 GB; one third is fixed, two thirds scale with size. */
export const RESTORE_REFERENCE_GB = 500;
export function restoreScale(storageGb: number): number {
  return 1 / 3 + (2 / 3) * (storageGb / RESTORE_REFERENCE_GB);
}

export function restoreDatabase(w: Workload, a: Assumptions): Phase[] {
  const { engine, storageGb } = w.database;
  if (engine === 'none') return [];
  const f = restoreScale(storageGb);
  if (engine === 'dynamodb') return [phase(a, 'restore', `restore DynamoDB table from backup copy (${storageGb} GB)`, 'data', [t('dynamodbRestoreMinutes', f)])];
  if (isAurora(engine)) return [phase(a, 'restore', `restore Aurora cluster from snapshot copy (${storageGb} GB)`, 'data', [t('auroraSnapshotRestoreMinutes', f)])];
  return [phase(a, 'restore', `restore RDS instance from backup (${storageGb} GB)`, 'data', [t('rdsSnapshotRestoreMinutes', f)])];
}

export function promoteDatabase(w: Workload, a: Assumptions, opts: { skip?: boolean } = {}): Phase[] {
  const engine = w.database.engine;
  if (engine === 'none' || engine === 'dynamodb' || opts.skip) return [];
  if (isAurora(engine)) return [phase(a, 'promote', 'promote Aurora global secondary to writer', 'data', [t('auroraGlobalFailoverMinutes')])];
  return [phase(a, 'promote', 'promote RDS cross-region read replica', 'data', [t('rdsReplicaPromotionMinutes')])];
}

/** Launch the app servers from their AMIs and bootstrap them (backup & restore, pilot light). */
export function launchServers(w: Workload, a: Assumptions): Phase {
  return phase(a, 'launch', `launch ${w.compute.count} × ${w.compute.instanceType} and bootstrap`, 'compute', [t('ec2LaunchMinutes'), t('appBootstrapMinutes')]);
}

export function trafficShift(w: Workload, a: Assumptions): Phase {
  if (w.network.failoverRouting === 'global-accelerator') {
    return phase(a, 'traffic', 'shift traffic (Global Accelerator)', 'serial', [t('globalAcceleratorShiftMinutes')]);
  }
  const ttl = w.network.dnsTtlSeconds;
  // Resolvers may cache beyond the TTL (dr-model.md §2.2): the high end allows three TTLs.
  return phase(a, 'traffic', `shift traffic (Route 53 failover + ${ttl}s TTL)`, 'serial', [t('route53PropagationMinutes')], {
    value: ttl, low: ttl, high: ttl * 3, what: `network.dnsTtlSeconds (${ttl}s; high end 3× for resolver caching)`,
  });
}

export function validate(a: Assumptions, assumption: AssumptionName): Phase {
  return phase(a, 'validate', 'validate (smoke tests)', 'serial', [t(assumption)]);
}

export { t as term };

/**
 * Recovery phases and RPO sources: the pieces RTO and RPO are computed from (design.md §5.2).
 * RTO = detect + decide + max(data branch, compute branch) + traffic shift + validate.
 * Each phase is a sum of named assumptions times factors (plus fixed seconds such as a DNS TTL), so every figure
 * traces back to named, sourced, overridable defaults.
 */
import type { Workload } from '../workload/validate';
import { UNIT_SECONDS, type AssumptionName, type Assumptions, type Shape } from '../model/assumptions';
import { isAurora } from '../model/engines';
import { partField, type Store, type Tier } from '../workload/parts';

export type PhaseName = 'detect' | 'decide' | 'restore' | 'promote' | 'provision' | 'launch' | 'scale' | 'traffic' | 'validate';
export type Branch = 'serial' | 'data' | 'compute';

export interface Term {
  assumption: AssumptionName;
  factor: number;
}

/** Seconds not from an assumption (e.g. the DNS TTL, a backup cycle): typical, low, high, and how it is drawn. */
export interface FixedPart {
  value: number;
  low: number;
  high: number;
  what: string;
  /** PERT when absent; `uniform` for a random moment in a cycle (a backup interval, a DNS TTL). */
  shape?: Shape;
}

export interface Phase {
  name: PhaseName;
  label: string;
  branch: Branch;
  terms: Term[];
  fixed?: FixedPart;
  /** A scale-out during which the service already runs at part of its capacity (warm standby): see `rampServed`. */
  ramp?: boolean;
  /**
   * The tier or data store the phase works on, when the workload names its parts. Within a branch, the phases of one
   * part run one after another and the parts run in parallel (the slowest decides); phases with no part (e.g.
   * deploying the infrastructure) come first and are shared by every part of the branch.
   */
  part?: string;
  seconds: number;
  lowSeconds: number;
  highSeconds: number;
}

export interface RpoSource {
  store: string;
  /** The data store (or tier, for DRS) when the workload names its parts. */
  part?: string;
  mechanism: string;
  terms: Term[];
  fixed?: FixedPart;
  seconds: number;
  lowSeconds: number;
  highSeconds: number;
}


function termSeconds(a: Assumptions, t: Term, which: 'value' | 'low' | 'high'): number {
  const def = a[t.assumption];
  return def[which] * t.factor * (UNIT_SECONDS[def.unit] ?? 1);
}

function total(a: Assumptions, terms: Term[], fixed: Phase['fixed'], which: 'value' | 'low' | 'high'): number {
  let s = 0;
  for (const t of terms) s += termSeconds(a, t, which);
  return s + (fixed ? fixed[which] : 0);
}

// Phases and RPO sources are built field by field (optional fields only when present), in the order of the spreads
// they replace: planning runs twice per file in `check` (issue 17).
export function phase(a: Assumptions, name: PhaseName, label: string, branch: Branch, terms: Term[], fixed?: FixedPart, opts: { ramp?: boolean; part?: string } = {}): Phase {
  const p = { name, label, branch, terms } as Phase;
  if (fixed) p.fixed = fixed;
  if (opts.ramp) p.ramp = true;
  if (opts.part !== undefined) p.part = opts.part;
  p.seconds = total(a, terms, fixed, 'value');
  p.lowSeconds = total(a, terms, fixed, 'low');
  p.highSeconds = total(a, terms, fixed, 'high');
  return p;
}

export function rpoSource(a: Assumptions, store: string, mechanism: string, terms: Term[], fixed?: RpoSource['fixed'], part?: string): RpoSource {
  const r = { store } as RpoSource;
  if (part !== undefined) r.part = part;
  r.mechanism = mechanism;
  r.terms = terms;
  if (fixed) r.fixed = fixed;
  r.seconds = total(a, terms, fixed, 'value');
  r.lowSeconds = total(a, terms, fixed, 'low');
  r.highSeconds = total(a, terms, fixed, 'high');
  return r;
}

const t = (assumption: AssumptionName, factor = 1): Term => ({ assumption, factor });

/**
 * The parts a branch runs in parallel: their names, in order of first appearance, when the branch has two or more;
 * none otherwise (one part, or none: the branch's phases simply run one after another).
 */
export function parallelParts(phases: readonly Pick<Phase, 'branch' | 'part'>[], branch: Exclude<Branch, 'serial'>): string[] {
  const parts: string[] = [];
  for (const p of phases) if (p.branch === branch && p.part !== undefined && !parts.includes(p.part)) parts.push(p.part);
  return parts.length >= 2 ? parts : [];
}

/** A branch's typical time: its shared phases, then the slowest of its parts (each part's phases in sequence). */
function branchSeconds(phases: readonly Pick<Phase, 'branch' | 'seconds' | 'part'>[], branch: Exclude<Branch, 'serial'>): number {
  const parts = parallelParts(phases, branch);
  let shared = 0;
  const per = new Map<string, number>(parts.map((n) => [n, 0]));
  for (const p of phases) {
    if (p.branch !== branch) continue;
    if (parts.length && p.part !== undefined) per.set(p.part, per.get(p.part)! + p.seconds);
    else shared += p.seconds;
  }
  return parts.length ? shared + Math.max(...per.values()) : shared;
}

/**
 * Time sums of the typical values (a reference only: the verdict uses the simulation). Serial phases add up; the data
 * and compute branches run in parallel, and so do the parts within a branch (the slowest store, the slowest tier).
 */
export function rtoSeconds(phases: readonly Pick<Phase, 'branch' | 'seconds' | 'part'>[]): number {
  let serial = 0;
  for (const p of phases) if (p.branch === 'serial') serial += p.seconds;
  return serial + Math.max(branchSeconds(phases, 'data'), branchSeconds(phases, 'compute'));
}

/** The workload RPO from typical values, the worst of its data stores (0 when it keeps no data); a reference only. */
export function rpoSeconds(sources: readonly Pick<RpoSource, 'seconds'>[]): number {
  return sources.reduce((m, s) => Math.max(m, s.seconds), 0);
}

// ---- phase builders shared by the strategies -----------------------------------------------------------------------

/**
 * Detection: a person (manual), Route 53 health checks, or — with Global Accelerator in front — the ALB's and Global
 * Accelerator's own health checks ("a maximum of 60 seconds", dr-model.md §2), which also move the traffic.
 */
export function detect(w: Workload, a: Assumptions, forceAutomated = false): Phase {
  const automated = forceAutomated || w.operations.detection === 'automated';
  if (!automated) return phase(a, 'detect', 'detect (alarm, page, acknowledge)', 'serial', [t('detectManualMinutes')]);
  return w.network.failoverRouting === 'global-accelerator'
    ? phase(a, 'detect', 'detect (ALB and Global Accelerator health checks)', 'serial', [t('globalAcceleratorDetectSeconds')])
    : phase(a, 'detect', 'detect (Route 53 health checks)', 'serial', [t('detectAutomatedMinutes')]);
}

export function decide(w: Workload, a: Assumptions, manual: AssumptionName, forceAutomated = false): Phase {
  const automated = forceAutomated || w.operations.failoverDecision === 'automated';
  return automated
    ? phase(a, 'decide', 'decide (automated)', 'serial', [t('decideAutomatedMinutes')])
    : phase(a, 'decide', 'decide and declare (manual)', 'serial', [t(manual)]);
}

/** Aurora and DynamoDB restores grow with storage: the assumption is for 500 GB; one third is fixed, two thirds scale with size. */
export const RESTORE_REFERENCE_GB = 500;
export function restoreScale(storageGb: number): number {
  return 1 / 3 + (2 / 3) * (storageGb / RESTORE_REFERENCE_GB);
}

/**
 * GB of transaction logs an RDS point-in-time restore replays: the changes since the last snapshot, on average half a
 * backup interval of them (the disaster strikes at a random moment of the cycle), of this store's share of the change.
 */
export function replayGb(w: Workload, store: Pick<Store, 'changeGbPerDay'>): number {
  return (store.changeGbPerDay * w.operations.backupIntervalHours) / 24 / 2;
}

/**
 * Restoring a data store from backups (backup & restore after a region loss; every strategy after corruption):
 * - RDS: a fixed part (instance creation, engine recovery) plus the replay of the logs since the snapshot when
 *   point-in-time recovery is on; not linear in size, because the volume loads lazily from S3 afterwards.
 * - Aurora: the cluster restore (data is loaded before it is available; grows with size), then an instance is added.
 * - DynamoDB: a table restore that grows with size.
 * The phases carry the store's name when the workload names its parts: the stores restore in parallel.
 */
export function restoreDatabase(w: Workload, a: Assumptions, store: Store, opts: { pointInTime?: boolean } = {}): Phase[] {
  const { engine, storageGb } = store;
  const f = restoreScale(storageGb);
  const part = partField(store);
  const name = store.named ? ` ${store.name}` : '';
  if (engine === 'dynamodb') return [phase(a, 'restore', `restore DynamoDB table${name} from backup copy (${storageGb} GB)`, 'data', [t('dynamodbRestoreMinutes', f)], undefined, part)];
  if (isAurora(engine)) {
    return [
      phase(a, 'restore', `restore Aurora cluster${name} from snapshot copy (${storageGb} GB)`, 'data', [t('auroraSnapshotRestoreMinutes', f)], undefined, part),
      phase(a, 'restore', `add a DB instance to the restored cluster${name}`, 'data', [t('auroraAddInstanceMinutes')], undefined, part),
    ];
  }
  const pitr = opts.pointInTime ?? w.operations.pointInTimeRecovery;
  const gb = pitr ? replayGb(w, store) : 0;
  const round1 = Math.round(gb * 10) / 10;
  return [
    phase(
      a, 'restore', pitr ? `restore RDS instance${name} and replay ${round1} GB of logs` : `restore RDS instance${name} from snapshot`, 'data',
      pitr && gb > 0 ? [t('rdsSnapshotRestoreMinutes'), t('rdsLogReplayMinutesPerGb', gb)] : [t('rdsSnapshotRestoreMinutes')], undefined, part,
    ),
  ];
}

/** Every store restored, in parallel (the slowest decides). */
export function restoreStores(w: Workload, a: Assumptions, opts: { pointInTime?: boolean } = {}): Phase[] {
  return w.stores.flatMap((s) => restoreDatabase(w, a, s, opts));
}

/** Promoting a store's cross-region copy (Aurora global secondary, RDS read replica); DynamoDB global tables need none. */
export function promoteDatabase(a: Assumptions, store: Store, opts: { skip?: boolean; headless?: boolean } = {}): Phase[] {
  const engine = store.engine;
  if (engine === 'dynamodb' || opts.skip) return [];
  const part = partField(store);
  const of = store.named ? ` (${store.name})` : '';
  if (isAurora(engine) && opts.headless) {
    return [
      phase(a, 'promote', `add a DB instance to the headless Aurora secondary${of}`, 'data', [t('auroraAddInstanceMinutes')], undefined, part),
      phase(a, 'promote', `promote Aurora global secondary to writer${of}`, 'data', [t('auroraGlobalFailoverMinutes')], undefined, part),
    ];
  }
  if (isAurora(engine)) return [phase(a, 'promote', `promote Aurora global secondary to writer${of}`, 'data', [t('auroraGlobalFailoverMinutes')], undefined, part)];
  return [phase(a, 'promote', `promote RDS cross-region read replica${of}`, 'data', [t('rdsReplicaPromotionMinutes')], undefined, part)];
}

/** Every store's copy promoted, in parallel (the slowest decides). `headless`: Aurora secondaries without an instance. */
export function promoteStores(w: Workload, a: Assumptions, opts: { skip?: boolean; headless?: boolean } = {}): Phase[] {
  return w.stores.flatMap((s) => promoteDatabase(a, s, { skip: opts.skip, headless: opts.headless && isAurora(s.engine) }));
}

/** Launch a tier's servers from their AMIs and bootstrap them (backup & restore, pilot light); tiers launch in parallel. */
export function launchServers(a: Assumptions, tier: Tier): Phase {
  const what = `${tier.count} × ${tier.instanceType}`;
  return phase(a, 'launch', `launch ${tier.named ? `${tier.name}: ${what}` : what} and bootstrap`, 'compute', [t('ec2LaunchMinutes'), t('appBootstrapMinutes')], undefined, partField(tier));
}

/** Every tier launched, in parallel (the slowest decides). */
export function launchTiers(w: Workload, a: Assumptions): Phase[] {
  return w.tiers.map((tier) => launchServers(a, tier));
}

export function trafficShift(w: Workload, a: Assumptions): Phase {
  if (w.network.failoverRouting === 'global-accelerator') {
    return phase(a, 'traffic', 'shift traffic (Global Accelerator)', 'serial', [t('globalAcceleratorShiftMinutes')]);
  }
  const ttl = w.network.dnsTtlSeconds;
  // A resolver that cached the old answer holds it for the rest of its TTL: uniform on [0, TTL], typically TTL/2.
  return phase(a, 'traffic', `shift traffic (Route 53 failover + ${ttl}s TTL)`, 'serial', [t('route53PropagationMinutes')], {
    value: ttl / 2, low: 0, high: ttl, what: `network.dnsTtlSeconds (${ttl}s: cached answers expire uniformly over the TTL)`, shape: 'uniform',
  });
}

export function validate(a: Assumptions, assumption: AssumptionName): Phase {
  return phase(a, 'validate', 'validate (smoke tests)', 'serial', [t(assumption)]);
}

/**
 * Validation of a stack that was already running and health-checked (warm standby): people's smoke tests, or the
 * automated runbook's checks when the decision is automated. A stack launched at failover (backup & restore, pilot
 * light) is smoke-tested either way.
 */
export function validateFor(w: Workload, a: Assumptions, manual: AssumptionName): Phase {
  // Automated: what live traffic validates in active-active, plus the runbook's check that the standby took over.
  return w.operations.failoverDecision === 'automated'
    ? phase(a, 'validate', 'validate (health checks and the runbook\'s automated checks)', 'serial', [t('validateActiveActiveMinutes'), t('validateAutomatedMinutes')])
    : validate(a, manual);
}

export { t as term };

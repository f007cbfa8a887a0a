/**
 * Every named default behind a figure dr-advisor prints: recovery-phase timings (typical, low, high), RPO lags and
 * usage assumptions for cost. Each carries its source; values are from `reference/dr-model.md` §5 (timings) and
 * `reference/pricing.md` (usage), with the labels used there: [V] verified in an AWS document, [V2] verified through a
 * faithful copy, [3P] third-party, [I] inferred (an engineering estimate no source states). Anything not [V]/[V2] is
 * `estimated: true` and the output says so. Override any of them with `assumptions: { name: value }` in the workload.
 */
export interface AssumptionDef {
  /** Typical value, in `unit`. */
  value: number;
  /** Plausible range, same unit; feeds the Monte Carlo (PERT low / mode / high). */
  low: number;
  high: number;
  unit: 'minutes' | 'seconds' | 'ratio' | 'count' | 'days' | 'per hour' | 'MiB/s';
  description: string;
  source: string;
  estimated: boolean;
}

const DM = 'reference/dr-model.md §5';

export const ASSUMPTIONS = {
  // ---- detection ------------------------------------------------------------------------------------------------
  detectAutomatedMinutes: {
    value: 1.5, low: 0.5, high: 3, unit: 'minutes', estimated: true,
    description: 'automated detection: Route 53 health check, 30 s interval × failure threshold 3',
    source: `${DM}: Route 53 interval 10/30 s and default threshold 3 [V]; 30 s × 3 = 90 s [I]`,
  },
  detectManualMinutes: {
    value: 10, low: 3, high: 30, unit: 'minutes', estimated: true,
    description: 'manual detection: alarm → page → a person acknowledges',
    source: `${DM}: DR whitepaper "Detection" names the phases without numbers [V]; values [I]`,
  },
  // ---- decision / declaration -----------------------------------------------------------------------------------
  decideBackupRestoreMinutes: {
    value: 30, low: 10, high: 120, unit: 'minutes', estimated: true,
    description: 'manual decision to declare a disaster and rebuild (backup & restore)',
    source: `${DM}: whitepaper "manually initiated failover is often used" [V]; values [I]`,
  },
  decidePilotLightMinutes: {
    value: 15, low: 5, high: 60, unit: 'minutes', estimated: true,
    description: 'manual decision to fail over (pilot light)', source: `${DM}: values [I]`,
  },
  decideWarmStandbyMinutes: {
    value: 10, low: 2, high: 30, unit: 'minutes', estimated: true,
    description: 'manual decision to fail over (warm standby)', source: `${DM}: values [I]`,
  },
  decideAutomatedMinutes: {
    value: 0.5, low: 0, high: 5, unit: 'minutes', estimated: true,
    description: 'automated failover decision (health-check driven runbook, with an abort window)',
    source: `${DM}: decision AA (auto) 0, range 0–5 [I]; REL13-BP05 "Andon cord" abort [V2]`,
  },
  // ---- provisioning and compute ---------------------------------------------------------------------------------
  provisionInfraMinutes: {
    value: 20, low: 10, high: 45, unit: 'minutes', estimated: true,
    description: 'deploy the infrastructure stack (VPC, ALB, Auto Scaling group) from IaC in the DR region',
    source: `${DM}: no AWS figure; CloudFormation "up to 40%" faster [V]; values [I]`,
  },
  provisionNonCoreMinutes: {
    value: 5, low: 0, high: 20, unit: 'minutes', estimated: true,
    description: 'pilot light: deploy the non-core infrastructure that was not kept running',
    source: `${DM}: whitepaper "possibly deploy additional (non-core) infrastructure" [V]; values [I]`,
  },
  ec2LaunchMinutes: {
    value: 0.75, low: 0.3, high: 2, unit: 'minutes', estimated: true,
    description: 'EC2 launch to OS ready', source: `${DM}: third-party boot benchmarks 23–29 s [3P]; [I]`,
  },
  appBootstrapMinutes: {
    value: 4, low: 1, high: 15, unit: 'minutes', estimated: true,
    description: 'application bootstrap and load-balancer registration',
    source: `${DM}: Auto Scaling health-check grace period 300 s console default [V]; [I]`,
  },
  warmStandbyScaleOutMinutes: {
    value: 5, low: 3, high: 15, unit: 'minutes', estimated: true,
    description: 'warm standby: scale out from the standby capacity to full capacity (0 when capacity is 100%)',
    source: `${DM}: whitepaper "warm standby only requires you to scale up"; Auto Scaling is control plane [V]; [I]`,
  },
  // ---- data: restore and promotion ------------------------------------------------------------------------------
  rdsSnapshotRestoreMinutes: {
    value: 30, low: 15, high: 90, unit: 'minutes', estimated: true,
    description: 'RDS snapshot restore to available, for a 500 GB database (scales with storage: 1/3 fixed, 2/3 per GB)',
    source: `${DM}: RDS snapshot restore (500 GB) 30 min, range 15–90; no AWS rule of thumb, lazy loading [V]; values [I]`,
  },
  auroraSnapshotRestoreMinutes: {
    value: 45, low: 20, high: 120, unit: 'minutes', estimated: true,
    description: 'Aurora snapshot restore, for a 500 GB cluster (scales with storage: 1/3 fixed, 2/3 per GB)',
    source: `${DM}: Aurora snapshot restore 45 min, range 20–120, "restores are non-linear" [V]; values [I]`,
  },
  dynamodbRestoreMinutes: {
    value: 30, low: 10, high: 120, unit: 'minutes', estimated: true,
    description: 'DynamoDB restore from a cross-region backup copy, for a 500 GB table (scales with storage)',
    source: `${DM}: no AWS figure for restore duration; [I]`,
  },
  rdsReplicaPromotionMinutes: {
    value: 10, low: 3, high: 30, unit: 'minutes', estimated: true,
    description: 'promote an RDS cross-region read replica', source: `${DM}: "several minutes or longer" [V]; [I]`,
  },
  auroraGlobalFailoverMinutes: {
    value: 2, low: 1, high: 5, unit: 'minutes', estimated: true,
    description: 'Aurora global database managed failover / writer promotion',
    source: `${DM}: user guide "within a few minutes" [V2]; whitepaper "less than one minute" [V]`,
  },
  drsRecoveryMinutes: {
    value: 5, low: 5, high: 30, unit: 'minutes', estimated: false,
    description: 'AWS Elastic Disaster Recovery: launch and boot of recovery instances (Linux)',
    source: `${DM}: DRS FAQ, Linux 5 min / Windows 20 min [V]`,
  },
  // ---- traffic shift and validation -----------------------------------------------------------------------------
  route53PropagationMinutes: {
    value: 1, low: 0.5, high: 2, unit: 'minutes', estimated: true,
    description: 'Route 53 failover: health-check/record change propagation (the DNS TTL is added on top)',
    source: `${DM}: propagation "typically under one minute globally" [V]; TTL 60 s common [V]; resolver caching [V]`,
  },
  globalAcceleratorShiftMinutes: {
    value: 0.5, low: 0.2, high: 2, unit: 'minutes', estimated: true,
    description: 'Global Accelerator traffic shift (static IPs, no DNS caching)',
    source: `${DM}: "reacts instantly", "propagation takes only seconds" [V]`,
  },
  validateBackupRestoreMinutes: {
    value: 15, low: 5, high: 45, unit: 'minutes', estimated: true,
    description: 'smoke tests before reopening traffic (backup & restore)', source: `${DM}: REL13-BP05 [V]; values [I]`,
  },
  validatePilotLightMinutes: {
    value: 15, low: 5, high: 45, unit: 'minutes', estimated: true,
    description: 'smoke tests before reopening traffic (pilot light)', source: `${DM}: values [I]`,
  },
  validateWarmStandbyMinutes: {
    value: 5, low: 2, high: 15, unit: 'minutes', estimated: true,
    description: 'validation (warm standby: the stack was already running)', source: `${DM}: values [I]`,
  },
  validateActiveActiveMinutes: {
    value: 0, low: 0, high: 5, unit: 'minutes', estimated: true,
    description: 'validation (active-active: continuously validated by live traffic)', source: `${DM}: values [I]`,
  },
  // ---- RPO --------------------------------------------------------------------------------------------------------
  pitrLogIntervalMinutes: {
    value: 5, low: 5, high: 5, unit: 'minutes', estimated: false,
    description: 'RDS/Aurora point-in-time recovery: transaction logs uploaded every 5 minutes',
    source: `${DM}: "logs every 5 min" [V]`,
  },
  backupCopyLagMinutes: {
    value: 10, low: 0, high: 55, unit: 'minutes', estimated: true,
    description: 'lag of cross-region copies of backups and logs behind the primary',
    source: `${DM}: RDS PITR cross-region 5 min + copy lag ≈ 15, range 5–60 [I]`,
  },
  snapshotCopyLagMinutes: {
    value: 30, low: 10, high: 120, unit: 'minutes', estimated: true,
    description: 'time to copy a scheduled snapshot to the DR region', source: `${DM}: no AWS figure; [I]`,
  },
  rdsReplicaLagSeconds: {
    value: 60, low: 1, high: 900, unit: 'seconds', estimated: true,
    description: 'RDS cross-region read replica lag', source: `${DM}: asynchronous, no AWS number; 1 min (0.02–15) [I]`,
  },
  auroraGlobalLagSeconds: {
    value: 1, low: 0.1, high: 20, unit: 'seconds', estimated: false,
    description: 'Aurora global database replication lag', source: `${DM}: "typically under a second" [V2]`,
  },
  dynamodbGlobalLagSeconds: {
    value: 1, low: 0.5, high: 5, unit: 'seconds', estimated: false,
    description: 'DynamoDB global tables (MREC) replication lag',
    source: `${DM}: "within a second or less", "usually a few seconds" [V2]`,
  },
  s3CrrLagMinutes: {
    value: 15, low: 1, high: 120, unit: 'minutes', estimated: true,
    description: 'S3 cross-region replication without Replication Time Control (no SLA)',
    source: `${DM}: RTC bounds 99.9% within 15 min [V2]; without RTC no bound, [I]`,
  },
  s3RtcLagSeconds: {
    value: 60, low: 5, high: 900, unit: 'seconds', estimated: true,
    description: 'S3 replication with Replication Time Control: typical lag; 15 min is the 99.9% bound',
    source: `${DM}: RTC "99.9 percent … within 15 minutes" [V2]; typical seconds [I]`,
  },
  drsRpoSeconds: {
    value: 1, low: 0.5, high: 10, unit: 'seconds', estimated: false,
    description: 'AWS Elastic Disaster Recovery continuous block replication', source: `${DM}: DRS FAQ [V]`,
  },
  // ---- other disruptions (scenarios) ------------------------------------------------------------------------------
  detectCorruptionMinutes: {
    value: 30, low: 5, high: 240, unit: 'minutes', estimated: true,
    description: 'noticing data corruption or a bad deletion (no health check fires; users or checks report it)',
    source: `${DM}: data disasters are detected by people or data checks, no AWS figure; [I]`,
  },
  rdsMultiAzFailoverMinutes: {
    value: 2, low: 1, high: 3, unit: 'minutes', estimated: true,
    description: 'RDS Multi-AZ / Aurora replica failover inside the region after an AZ loss',
    source: 'RDS user guide: Multi-AZ failover "typically 60–120 seconds" [M]; Aurora replica promotion usually faster [I]',
  },
  singleAzRecoveryMinutes: {
    value: 15, low: 8, high: 45, unit: 'minutes', estimated: true,
    description: 'recovering a single-AZ database in another AZ (new instance, or PITR restore for RDS)',
    source: 'no AWS figure; [I]',
  },
  asgReplaceMinutes: {
    value: 5, low: 3, high: 15, unit: 'minutes', estimated: true,
    description: 'Auto Scaling replaces the servers lost with an AZ (when all servers were in it)',
    source: `${DM}: EC2 launch + bootstrap [3P]/[I]`,
  },
  // ---- usage behind cost lines ------------------------------------------------------------------------------------
  backupRetentionDays: {
    value: 7, low: 1, high: 35, unit: 'days', estimated: true,
    description: 'days of incremental backups kept in the DR region beside one full copy',
    source: 'modelling default [I]; AWS Backup copy rules are per-plan',
  },
  s3MonthlyChangeShare: {
    value: 0.1, low: 0, high: 1, unit: 'ratio', estimated: true,
    description: 'share of the object store written (and so replicated) each month', source: 'modelling default [I]',
  },
  albLcuPerHour: {
    value: 1, low: 0.5, high: 10, unit: 'count', estimated: true,
    description: 'ALB load-balancer capacity units consumed per hour (idle DR ALB ≈ 0.5–1)',
    source: 'modelling default [I]; ALB LCU price [V] reference/pricing.md §4.3',
  },
  healthChecksPerRegion: {
    value: 1, low: 1, high: 3, unit: 'count', estimated: true,
    description: 'Route 53 health checks per regional endpoint', source: 'modelling default [I]',
  },
  drsServersPerReplicationServer: {
    value: 15, low: 1, high: 15, unit: 'count', estimated: false,
    description: 'AWS Elastic Disaster Recovery: source servers per replication server (t3.small)',
    source: 'DRS user guide: one replication server handles up to 15 source volumes by default [M]',
  },
  auroraWriteIoBytes: {
    value: 4096, low: 4096, high: 16384, unit: 'count', estimated: true,
    description: 'bytes of changed data per Aurora write I/O (replicated write I/O count = change / this)',
    source: 'Aurora bills writes in 4 KB units [M]; reference/pricing.md §2 [M]',
  },
} satisfies Record<string, AssumptionDef>;

export type AssumptionName = keyof typeof ASSUMPTIONS;
export const ASSUMPTION_NAMES = Object.keys(ASSUMPTIONS) as AssumptionName[];

/** The effective assumptions: defaults with the workload's overrides (value moves, the range widens to include it). */
export type Assumptions = Record<AssumptionName, AssumptionDef & { overridden: boolean }>;

export function resolveAssumptions(overrides: Partial<Record<string, number>> = {}): Assumptions {
  const out = {} as Assumptions;
  for (const name of ASSUMPTION_NAMES) {
    const def: AssumptionDef = ASSUMPTIONS[name];
    const o = overrides[name];
    if (o === undefined) out[name] = { ...def, overridden: false };
    else {
      // The range moves with the value: proportionally when the default is non-zero, else it widens to include it.
      const low = def.value > 0 ? (o * def.low) / def.value : Math.min(def.low, o);
      const high = def.value > 0 ? (o * def.high) / def.value : Math.max(def.high, o);
      out[name] = { ...def, value: o, low, high, overridden: true, source: `workload override (default ${def.value})`, estimated: false };
    }
  }
  return out;
}

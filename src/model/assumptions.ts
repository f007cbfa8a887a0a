/**
 * Every named default behind a figure dr-advisor prints: recovery-phase timings (typical, low, high), RPO lags, the
 * regional outage, per-event costs and usage assumptions for cost. Each carries its source: an AWS document (title and
 * URL) or the shipped research notes `data/reference/dr-model.md` (§ numbers below), with the labels used there:
 * [V] verified in an AWS document, [V2] verified through a faithful copy, [3P] third-party, [M] modelling rule,
 * [S] a price in the bundled snapshot, [I] inferred (an engineering estimate no source states). Anything not [V]/[V2]
 * is `estimated: true` and the output says so. Override any of them with `assumptions: { name: value }` in the workload.
 */
/** How a quantity is drawn in the Monte Carlo (recovery/distributions.ts). */
export type Shape = 'pert' | 'lognormal' | 'uniform';
/** PERT(low, value, high) by default; lognormal when `value` is the median and `high` the `boundQuantile`. */
export type DistSpec = { shape: 'pert' } | { shape: 'lognormal'; boundQuantile: number } | { shape: 'uniform' };

export interface AssumptionDef {
  /** Typical value, in `unit` (the mode of a PERT, the median of a lognormal). */
  value: number;
  /** Plausible range, same unit; feeds the Monte Carlo (PERT low / mode / high; a lognormal's `high` is its bound). */
  low: number;
  high: number;
  unit: 'minutes' | 'seconds' | 'hours' | 'ratio' | 'count' | 'days' | 'per hour' | 'per year' | 'MiB/s' | 'GB/h' | 'minutes per GB';
  description: string;
  source: string;
  estimated: boolean;
  /** The draw's shape; PERT when absent. */
  dist?: DistSpec;
}

/** Seconds per unit of a timing assumption (a rate per GB becomes seconds once multiplied by the GB). Others: 1. */
export const UNIT_SECONDS: Readonly<Record<string, number>> = { seconds: 1, minutes: 60, hours: 3600, 'minutes per GB': 60 };

/** The shipped research notes (package.json `files`), cited by section. */
export const NOTES = 'data/reference/dr-model.md';
const N = (section: string) => `${NOTES} ${section}`;

const LOGNORMAL_99: DistSpec = { shape: 'lognormal', boundQuantile: 0.99 };

export const ASSUMPTIONS = {
  // ---- detection ------------------------------------------------------------------------------------------------
  detectAutomatedMinutes: {
    value: 1.5, low: 0.5, high: 3, unit: 'minutes', estimated: true,
    description: 'automated detection: Route 53 health check, 30 s interval × failure threshold 3',
    source: `Route 53 DG "Values that you specify when you create or update health checks": interval 10 or 30 s, default threshold 3 [V] https://docs.aws.amazon.com/Route53/latest/DeveloperGuide/health-checks-creating-values.html; 30 s × 3 = 90 s [I] (${N('§2')})`,
  },
  globalAcceleratorDetectSeconds: {
    value: 40, low: 10, high: 60, unit: 'seconds', estimated: true,
    description: 'automated detection with Global Accelerator: ALB health check, then Global Accelerator marks the endpoint unhealthy',
    source: `AWS Global Accelerator workshop "Failover": "After a maximum of 60 seconds (30 seconds for the ALB and 30 seconds for the Global Accelerator health checks)" [V] https://intro-to-global-accelerator.workshop.aws/en/failover.html; typical [I] (${N('§2')})`,
  },
  detectManualMinutes: {
    value: 10, low: 3, high: 30, unit: 'minutes', estimated: true,
    description: 'manual detection: alarm → page → a person acknowledges',
    source: `DR whitepaper "Detection" names the phases without numbers [V] https://docs.aws.amazon.com/whitepapers/latest/disaster-recovery-workloads-on-aws/detection.html; values [I] (${N('§3')})`,
  },
  // ---- decision / declaration -----------------------------------------------------------------------------------
  decideBackupRestoreMinutes: {
    value: 30, low: 10, high: 120, unit: 'minutes', estimated: true,
    description: 'manual decision to declare a disaster and rebuild (backup & restore)',
    source: `DR whitepaper: "manually initiated failover is often used" [V]; values [I] (${N('§3')})`,
  },
  decidePilotLightMinutes: {
    value: 15, low: 5, high: 60, unit: 'minutes', estimated: true,
    description: 'manual decision to fail over (pilot light)', source: `no AWS figure; values [I] (${N('§3')})`,
  },
  decideWarmStandbyMinutes: {
    value: 10, low: 2, high: 30, unit: 'minutes', estimated: true,
    description: 'manual decision to fail over (warm standby)', source: `no AWS figure; values [I] (${N('§3')})`,
  },
  decideAutomatedMinutes: {
    value: 0.5, low: 0, high: 5, unit: 'minutes', estimated: true,
    description: 'automated failover decision (health-check driven runbook, with an abort window)',
    source: `REL13-BP05 "Andon cord" abort window [V2]; values [I] (${N('§3')})`,
  },
  // ---- provisioning and compute ---------------------------------------------------------------------------------
  provisionInfraMinutes: {
    value: 20, low: 10, high: 45, unit: 'minutes', estimated: true,
    description: 'deploy the infrastructure stack (VPC, ALB, Auto Scaling group) from IaC in the DR region',
    source: `no AWS figure; CloudFormation "up to 40%" faster with optimistic stabilization [V]; values [I] (${N('§4')})`,
  },
  provisionNonCoreMinutes: {
    value: 5, low: 0, high: 20, unit: 'minutes', estimated: true,
    description: 'pilot light: deploy the non-core infrastructure that was not kept running',
    source: `DR whitepaper "possibly deploy additional (non-core) infrastructure" [V]; values [I] (${N('§4')})`,
  },
  ec2LaunchMinutes: {
    value: 0.75, low: 0.3, high: 2, unit: 'minutes', estimated: true,
    description: 'EC2 launch to OS ready', source: `third-party boot benchmarks 23–29 s [3P]; [I] (${N('§4')})`,
  },
  appBootstrapMinutes: {
    value: 4, low: 1, high: 15, unit: 'minutes', estimated: true,
    description: 'application bootstrap and load-balancer registration',
    source: `EC2 Auto Scaling UG (health check grace period): console default 300 s [V]; [I] (${N('§4')})`,
  },
  warmStandbyScaleOutMinutes: {
    value: 5, low: 3, high: 15, unit: 'minutes', estimated: true,
    description: 'warm standby: one Auto Scaling scale-out cycle (alarm, launch, bootstrap, instance warm-up)',
    source: `EC2 Auto Scaling "Set the default instance warmup" (metrics wait for new instances) [V] https://docs.aws.amazon.com/autoscaling/ec2/userguide/ec2-auto-scaling-default-instance-warmup.html; values [I] (${N('§4')})`,
  },
  warmStandbyGrowthPerCycle: {
    value: 2, low: 1.5, high: 10, unit: 'ratio', estimated: true,
    description: 'warm standby: capacity growth per Auto Scaling cycle (target tracking at 50% CPU doubles a saturated group)',
    source: `EC2 Auto Scaling target tracking adds capacity in proportion to the metric's excess over the target (example target 50% CPU) [V] https://docs.aws.amazon.com/autoscaling/ec2/userguide/as-scaling-target-tracking.html; a saturated 100% ÷ 50% = ×2 per cycle [I] (${N('§4')})`,
  },
  warmStandbyMaxScaleOutCycles: {
    value: 2, low: 1, high: 10, unit: 'count', estimated: true,
    description: 'warm standby: Auto Scaling cycles before the runbook sets the desired capacity to full (as pilot light does)',
    source: `DR whitepaper: warm standby scales out by raising the Auto Scaling group's desired capacity [V]; after one cycle of ramp the runbook raises it to full [I] (${N('§4')})`,
  },
  capacityRiskInstances: {
    value: 10, low: 5, high: 100, unit: 'count', estimated: true,
    description: 'instances launched in the DR region at failover above which the output flags a capacity risk',
    source: `Well-Architected REL13-BP02: reserve capacity in the recovery region (capacity reservations) [V2]; threshold [I] (${N('§4')})`,
  },
  // ---- data: restore and promotion ------------------------------------------------------------------------------
  rdsSnapshotRestoreMinutes: {
    value: 20, low: 10, high: 45, unit: 'minutes', estimated: true,
    description: 'RDS restore to available, fixed part (instance creation and engine recovery; the data loads lazily afterwards)',
    source: `Knowledge Center "rds-mysql-snapshot-restore": restore "can take up to a few minutes"; "latency (or lazy loading) until the volume is fully hydrated" [V] https://repost.aws/knowledge-center/rds-mysql-snapshot-restore; values [I] (${N('§5')})`,
  },
  rdsLogReplayMinutesPerGb: {
    value: 3, low: 1, high: 10, unit: 'minutes per GB', estimated: true,
    description: 'RDS point-in-time restore: minutes to replay one GB of transaction logs written since the snapshot',
    source: `Knowledge Center "rds-point-in-time-restore-issues": restore time is "based on the number of transaction logs" [V] https://repost.aws/knowledge-center/rds-point-in-time-restore-issues; rate [I] (${N('§5')})`,
  },
  auroraSnapshotRestoreMinutes: {
    value: 45, low: 20, high: 120, unit: 'minutes', estimated: true,
    description: 'Aurora snapshot restore, for a 500 GB cluster (scales with storage: 1/3 fixed, 2/3 per GB; an extrapolation above 1 TB)',
    source: `Knowledge Center "aurora-mysql-snapshot-restore-options": data is downloaded before the cluster is available, "Aurora restores are non-linear" [V] https://repost.aws/knowledge-center/aurora-mysql-snapshot-restore-options; values [I] (${N('§5')})`,
  },
  auroraAddInstanceMinutes: {
    value: 8, low: 4, high: 20, unit: 'minutes', estimated: true,
    description: 'create an Aurora DB instance in a cluster that has none (a restored or headless cluster, or after an AZ loss)',
    source: `Aurora UG "High availability for Amazon Aurora": a new primary "typically takes less than 10 minutes" [V] https://docs.aws.amazon.com/AmazonRDS/latest/AuroraUserGuide/Concepts.AuroraHighAvailability.html; RestoreDBClusterToPointInTime restores "only the DB cluster, not the DB instances" [V]; range [I] (${N('§5')})`,
  },
  dynamodbRestoreMinutes: {
    value: 30, low: 10, high: 120, unit: 'minutes', estimated: true,
    description: 'DynamoDB restore from a cross-region backup copy, for a 500 GB table (scales with storage)',
    source: `DynamoDB DG (backup and restore): "95 percent of customers' table restores complete in less than one hour" [V2]; scaling [I] (${N('§5')})`,
  },
  rdsReplicaPromotionMinutes: {
    value: 10, low: 3, high: 30, unit: 'minutes', estimated: true,
    description: 'promote an RDS cross-region read replica',
    source: `RDS UG "Promoting a read replica": "several minutes or longer" [V] https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_ReadRepl.Promote.html; [I] (${N('§5')})`,
  },
  auroraGlobalFailoverMinutes: {
    value: 2, low: 1, high: 5, unit: 'minutes', estimated: true,
    description: 'Aurora global database managed failover / writer promotion',
    source: `Aurora UG "aurora-global-database-disaster-recovery": "RTO can be in the order of minutes" [V2] https://docs.aws.amazon.com/AmazonRDS/latest/AuroraUserGuide/aurora-global-database-disaster-recovery.html; whitepaper "less than one minute" [V] (${N('§5')})`,
  },
  drsRecoveryMinutes: {
    value: 5, low: 5, high: 30, unit: 'minutes', estimated: false,
    description: 'AWS Elastic Disaster Recovery: launch and boot of recovery instances (Linux)',
    source: `DRS UG concepts: "The average recovered Linux server normally boots within 5 minutes" [V] https://docs.aws.amazon.com/drs/latest/userguide/CloudEndure-Concepts.html (${N('§5')})`,
  },
  // ---- traffic shift and validation -----------------------------------------------------------------------------
  route53PropagationMinutes: {
    value: 1, low: 0.5, high: 2, unit: 'minutes', estimated: true,
    description: 'Route 53 failover: record change propagation (resolvers then hold the old answer for up to the TTL, typically TTL/2)',
    source: `Route 53 DG: propagation "typically under one minute globally" [V] https://docs.aws.amazon.com/Route53/latest/DeveloperGuide/best-practices-dns.html; TTL wait uniform on [0, TTL] [I] (${N('§2')})`,
  },
  globalAcceleratorShiftMinutes: {
    value: 0.05, low: 0, high: 0.25, unit: 'minutes', estimated: true,
    description: 'Global Accelerator traffic shift after the endpoint is unhealthy (static IPs, no DNS caching)',
    source: `Global Accelerator DG: "reacts instantly", "propagation takes only seconds" [V] https://docs.aws.amazon.com/global-accelerator/latest/dg/introduction-benefits-of-migrating.html (${N('§2')})`,
  },
  validateBackupRestoreMinutes: {
    value: 15, low: 5, high: 45, unit: 'minutes', estimated: true,
    description: 'smoke tests before reopening traffic (backup & restore)', source: `REL13-BP05 "confirm a recovered steady state" [V2]; values [I] (${N('§3')})`,
  },
  validatePilotLightMinutes: {
    value: 15, low: 5, high: 45, unit: 'minutes', estimated: true,
    description: 'smoke tests before reopening traffic (pilot light)', source: `values [I] (${N('§3')})`,
  },
  validateWarmStandbyMinutes: {
    value: 5, low: 2, high: 15, unit: 'minutes', estimated: true,
    description: 'validation (warm standby: the stack was already running)', source: `values [I] (${N('§3')})`,
  },
  validateAutomatedMinutes: {
    value: 0.5, low: 0.25, high: 2, unit: 'minutes', estimated: true,
    description: 'warm standby with an automated failover: the running, health-checked stack is validated by the runbook\'s checks',
    source: `REL13-BP05 automate recovery and its checks [V2]; values [I] (${N('§3')})`,
  },
  validateActiveActiveMinutes: {
    value: 0, low: 0, high: 5, unit: 'minutes', estimated: true,
    description: 'validation (active-active: continuously validated by live traffic)', source: `values [I] (${N('§3')})`,
  },
  // ---- RPO --------------------------------------------------------------------------------------------------------
  pitrLogIntervalMinutes: {
    value: 2.5, low: 0, high: 5, unit: 'minutes', estimated: false, dist: { shape: 'uniform' },
    description: 'RDS point-in-time recovery: transaction logs uploaded every 5 minutes, so the data since the last upload is lost: uniform over 0–5 min (typically 2.5)',
    source: `RDS UG "Restoring a DB instance to a specified time": "RDS uploads transaction logs … to Amazon S3 every 5 minutes" [V] https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_PIT.html (${N('§6')})`,
  },
  pitrRestoreGranularitySeconds: {
    value: 1, low: 1, high: 1, unit: 'seconds', estimated: false,
    description: 'point-in-time restore to just before the damage: restorable to the second (RDS, Aurora, DynamoDB)',
    source: `DynamoDB DG "Restore a table in DynamoDB": restores "to the state based on the selected date and time (day:hour:minute:second)" [V] https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/pointintimerecovery_restores.html; Aurora: "restore to any point within the backup retention period" [V] https://docs.aws.amazon.com/AmazonRDS/latest/AuroraUserGuide/Aurora.Managing.Backups.html (${N('§7')})`,
  },
  backupCopyLagMinutes: {
    value: 10, low: 0, high: 55, unit: 'minutes', estimated: true,
    description: 'lag of cross-region copies of RDS automated backups and transaction logs behind the primary',
    source: `RDS UG "USER_ReplicateBackups": copies start "as soon as they are ready" [V] https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_ReplicateBackups.html; lag [I] (${N('§6')})`,
  },
  snapshotCopyLagMinutes: {
    value: 30, low: 10, high: 120, unit: 'minutes', estimated: true,
    description: 'time to copy a scheduled snapshot to the DR region, for 500 GB (Aurora copies are full copies, so this scales with cluster size)',
    source: `Aurora UG "Copying a DB cluster snapshot": "Aurora DB cluster snapshot copies are always full copies" [V] https://docs.aws.amazon.com/AmazonRDS/latest/AuroraUserGuide/aurora-copy-snapshot.html; duration [I] (${N('§6')})`,
  },
  rdsReplicaLagSeconds: {
    value: 60, low: 1, high: 900, unit: 'seconds', estimated: true, dist: LOGNORMAL_99,
    description: 'RDS cross-region read replica lag (median; 15 min is the 99th percentile under load)',
    source: `asynchronous replication, no AWS number; measure ReplicaLag [I] (${N('§6')})`,
  },
  auroraGlobalLagSeconds: {
    value: 1, low: 0.1, high: 20, unit: 'seconds', estimated: false, dist: LOGNORMAL_99,
    description: 'Aurora global database replication lag (median; 20 s at the 99th percentile)',
    source: `Aurora UG "aurora-global-database": "latency typically under a second" [V2] https://docs.aws.amazon.com/AmazonRDS/latest/AuroraUserGuide/aurora-global-database.html; tail [I] (${N('§6')})`,
  },
  dynamodbGlobalLagSeconds: {
    value: 1, low: 0.5, high: 5, unit: 'seconds', estimated: false, dist: LOGNORMAL_99,
    description: 'DynamoDB global tables (MREC) replication lag (median; 5 s at the 99th percentile)',
    source: `DynamoDB DG "Global tables: how it works": "typically within a second or less", RPO "usually a few seconds" [V2] (${N('§6')})`,
  },
  s3CrrLagMinutes: {
    value: 15, low: 1, high: 120, unit: 'minutes', estimated: true, dist: LOGNORMAL_99,
    description: 'S3 cross-region replication without Replication Time Control (median; no AWS bound, 2 h at the 99th percentile)',
    source: `S3 UG: only RTC carries a time bound [V]; values [I] (${N('§6')})`,
  },
  s3RtcLagSeconds: {
    value: 30, low: 1, high: 900, unit: 'seconds', estimated: true, dist: { shape: 'lognormal', boundQuantile: 0.999 },
    description: 'S3 replication with Replication Time Control (median; 15 min at the 99.9th percentile, the SLA figure)',
    source: `S3 UG "S3 Replication Time Control": "replicates most objects … in seconds, and 99.99 percent of those objects within 15 minutes" [V] https://docs.aws.amazon.com/AmazonS3/latest/userguide/replication-time-control.html; the SLA is written at 99.9 % [3P]; median [I] (${N('§6')})`,
  },
  drsRpoSeconds: {
    value: 1, low: 0.5, high: 10, unit: 'seconds', estimated: false, dist: LOGNORMAL_99,
    description: 'AWS Elastic Disaster Recovery continuous block replication of the servers\' volumes (median; 10 s at the 99th percentile)',
    source: `DRS UG concepts: RPO "typically in the sub-second range" [V] https://docs.aws.amazon.com/drs/latest/userguide/CloudEndure-Concepts.html (${N('§6')})`,
  },
  // ---- other disruptions (scenarios) ------------------------------------------------------------------------------
  detectCorruptionMinutes: {
    value: 30, low: 5, high: 240, unit: 'minutes', estimated: true,
    description: 'noticing data corruption or a bad deletion (no health check fires; users or checks report it)',
    source: `data disasters are detected by people or data checks, no AWS figure; [I] (${N('§7')})`,
  },
  rdsMultiAzFailoverMinutes: {
    value: 2, low: 1, high: 3, unit: 'minutes', estimated: true,
    description: 'RDS Multi-AZ failover inside the region after an AZ loss',
    source: `RDS UG "Multi-AZ DB instance deployments": failover "typically 60–120 seconds" [V2] (${N('§5')})`,
  },
  auroraReplicaFailoverSeconds: {
    value: 30, low: 15, high: 60, unit: 'seconds', estimated: false,
    description: 'Aurora failover to a replica in another AZ',
    source: `Aurora UG "High availability for Amazon Aurora": "service is typically restored in less than 60 seconds, and often less than 30 seconds" [V] https://docs.aws.amazon.com/AmazonRDS/latest/AuroraUserGuide/Concepts.AuroraHighAvailability.html (${N('§5')})`,
  },
  singleAzRecoveryMinutes: {
    value: 15, low: 8, high: 45, unit: 'minutes', estimated: true,
    description: 'recovering a single-AZ RDS instance in another AZ (point-in-time restore)',
    source: `no AWS figure; [I] (${N('§5')})`,
  },
  asgReplaceMinutes: {
    value: 5, low: 3, high: 15, unit: 'minutes', estimated: true,
    description: 'Auto Scaling replaces the servers lost with an AZ (when all servers were in it)',
    source: `EC2 launch + bootstrap [3P]/[I] (${N('§4')})`,
  },
  // ---- the regional outage and its costs (expected annual loss) ------------------------------------------------
  regionOutageMedianHours: {
    value: 4, low: 2, high: 9, unit: 'hours', estimated: true,
    description: 'regional outage duration, median (a lognormal with the P90 below)',
    source: `AWS post-event summaries 2017–2025: about 4 h (S3 2017, Lambda 2023) to 17 h (Kinesis 2020) [V] https://aws.amazon.com/premiumsupport/technology/pes/; fitted median [I] (${N('§9')})`,
  },
  regionOutageP90Hours: {
    value: 15, low: 9, high: 17, unit: 'hours', estimated: true,
    description: 'regional outage duration, 90th percentile',
    source: `AWS post-event summaries: 14.5 h (DynamoDB DNS, Oct 2025), 17 h (Kinesis, Nov 2020) [V]; fitted P90 [I] (${N('§9')})`,
  },
  drillsPerYear: {
    value: 2, low: 0, high: 12, unit: 'per year', estimated: true,
    description: 'DR drills a year (each runs the DR side at full size for drillHours)',
    source: `Well-Architected REL13-BP03 "Test disaster recovery implementation to validate the implementation" [V2]; count [I] (${N('§9')})`,
  },
  drillHours: {
    value: 4, low: 1, high: 12, unit: 'hours', estimated: true,
    description: 'length of one DR drill', source: `[I] (${N('§9')})`,
  },
  failbackFixedHours: {
    value: 2, low: 1, high: 8, unit: 'hours', estimated: true,
    description: 'failback: validation and the planned switch back, besides re-seeding the primary',
    source: `Aurora switchover (planned, RPO 0) [V2] https://docs.aws.amazon.com/AmazonRDS/latest/AuroraUserGuide/aurora-global-database-disaster-recovery.html; duration [I] (${N('§9')})`,
  },
  failbackReseedGbPerHour: {
    value: 200, low: 50, high: 1000, unit: 'GB/h', estimated: true,
    description: 'failback: rate at which the primary region is re-seeded from the DR copy',
    source: `Aurora UG: rebuilding secondaries "can take a few minutes to several hours" [V2]; rate [I] (${N('§9')})`,
  },
  // ---- usage behind cost lines ------------------------------------------------------------------------------------
  backupRetentionDays: {
    value: 7, low: 1, high: 35, unit: 'days', estimated: true,
    description: 'days of backups kept in the DR region (RDS/DynamoDB: incremental beside one full copy; Aurora: full copies)',
    source: `modelling default [I]; AWS Backup copy rules are per plan (${N('§8')})`,
  },
  s3MonthlyChangeShare: {
    value: 0.1, low: 0, high: 1, unit: 'ratio', estimated: true,
    description: 'share of the object store written (and so replicated) each month', source: `modelling default [I] (${N('§8')})`,
  },
  albLcuPerHour: {
    value: 1, low: 0.5, high: 10, unit: 'count', estimated: true,
    description: 'ALB load-balancer capacity units consumed per hour (idle DR ALB ≈ 0.5–1)',
    source: `modelling default [I]; ALB LCU price [S] (${N('§8')})`,
  },
  healthChecksPerRegion: {
    value: 1, low: 1, high: 3, unit: 'count', estimated: true,
    description: 'Route 53 health checks per regional endpoint', source: `modelling default [I] (${N('§8')})`,
  },
  drsVolumesPerReplicationServer: {
    value: 15, low: 1, high: 15, unit: 'count', estimated: false,
    description: 'AWS Elastic Disaster Recovery: source volumes per replication server (t3.small)',
    source: `DRS UG (replication settings): a replication server handles up to 15 source volumes by default [V2] (${N('§8')})`,
  },
  auroraWriteIoBytes: {
    value: 4096, low: 4096, high: 16384, unit: 'count', estimated: true,
    description: 'bytes of changed data per Aurora write I/O (replicated write I/O count = change / this)',
    source: `Aurora bills writes in 4 KB units [M] (${N('§8')})`,
  },
} satisfies Record<string, AssumptionDef>;

export type AssumptionName = keyof typeof ASSUMPTIONS;
export const ASSUMPTION_NAMES = Object.keys(ASSUMPTIONS) as AssumptionName[];

/** The effective assumptions: defaults with the workload's overrides (value moves, the range widens to include it). */
export type Assumptions = Record<AssumptionName, AssumptionDef & { overridden: boolean }>;

/** The defaults with no override, resolved once and shared (frozen: nothing may change them) by every workload. */
let defaults: Assumptions | undefined;

export function resolveAssumptions(overrides: Partial<Record<string, number>> = {}): Assumptions {
  let none = true;
  for (const name of ASSUMPTION_NAMES) if (overrides[name] !== undefined) none = false;
  if (none && defaults) return defaults;
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
  if (none) {
    for (const name of ASSUMPTION_NAMES) Object.freeze(out[name]);
    defaults = Object.freeze(out);
  }
  return out;
}

/**
 * The workload file (design.md §4), as the one source of truth: validation and its messages, defaults, the JSON Schema
 * (`dr-advisor schema workload`) and the commented template (`dr-advisor init`) are all derived from this schema.
 */
import { z } from 'zod';
import { REGION_CODES, REGION_RULE } from '../model/regions';
import { ASSUMPTION_NAMES } from '../model/assumptions';
import { DB_ENGINES, type DbEngine } from '../model/engines';
import { STRATEGY_IDS } from '../model/strategies';
import { crossFieldCheck, durationNotTiny, isDuration, MIN_NONZERO, notTiny } from './rules';

export { MIN_NONZERO };

// ---- field builders: each carries the words of its error message -----------------------------------------------
// The refinements are named functions of rules.ts, which the validator generated from this schema calls too.
const MAX = 1e9;
const TINY = { error: `must be 0 or at least ${MIN_NONZERO}` };
const wholeNumber = (min: number, max = MAX) =>
  z
    .number({ error: `must be a whole number ≥ ${min}` })
    .int({ error: `must be a whole number ≥ ${min}` })
    .min(min, { error: `must be a whole number ≥ ${min}` })
    .max(max, { error: `must be a whole number from ${min} to ${max}` });
const amount = (min = 0, max = MAX) =>
  z
    .number({ error: `must be a number ≥ ${min}` })
    .min(min, { error: `must be a number ≥ ${min}` })
    .max(max, { error: `must be a number from ${min} to ${max}` })
    .refine(notTiny, TINY);
const positive = (max = MAX) =>
  z
    .number({ error: 'must be a number > 0' })
    .positive({ error: 'must be a number > 0' })
    .max(max, { error: `must be a number > 0 and ≤ ${max}` })
    .refine(notTiny, { error: `must be at least ${MIN_NONZERO}` });
const oneOf = <T extends readonly [string, ...string[]]>(values: T) =>
  z.enum(values, { error: `must be one of ${values.join(', ')}` });
/** A commercial AWS region; an unknown one names the nearest known ones. */
const region = () => z.enum(REGION_CODES, { error: REGION_RULE });
/**
 * A duration: `90s`, `15m`, `4h`, `1d`, or a number of seconds. 0 is a legal target (RPO 0 is what DynamoDB global
 * tables with strong consistency, MRSC, offer; an RTO of 0 is never met, and the verdict says so); below one second
 * otherwise is noise.
 */
const duration = () =>
  z
    .union([z.string(), z.number()], { error: 'must be a duration like 90s, 15m, 4h or 1d' })
    .refine(isDuration, { error: 'must be a duration like 90s, 15m, 4h or 1d', abort: true })
    .refine(durationNotTiny, { error: 'must be 0 or at least 1s' });
const name = () =>
  z
    .string({ error: 'must be text' })
    .min(1, { error: 'must not be empty' })
    .max(100, { error: 'must be at most 100 characters' })
    .regex(/^[\p{L}\p{N}][\p{L}\p{N} ._\-/]*$/u, { error: 'must start with a letter or digit and hold only letters, digits, space . _ - /' });
const instanceType = () =>
  z.string({ error: 'must be an EC2 instance type like m5.large' }).regex(/^[a-z][a-z0-9-]*\.[a-z0-9]+$/, {
    error: 'must be an EC2 instance type like m5.large',
  });
const dbClass = () =>
  z.string({ error: 'must be a DB instance class like db.r6g.large' }).regex(/^db\.[a-z0-9-]+\.[a-z0-9]+$/, {
    error: 'must be a DB instance class like db.r6g.large',
  });

// ---- the parts of a workload: one compute tier and one data store (the version-1 form), or lists of named ones -----
/** At most this many tiers, and this many data stores, in a list. */
export const MAX_PARTS = 50;
/** A part's name in the list form: [a-z0-9-], unique among the tiers (and among the stores). */
const partName = () =>
  z
    .string({ error: 'must be a name of lowercase letters, digits and - (e.g. web)' })
    .regex(/^[a-z0-9][a-z0-9-]{0,62}$/, { error: 'must be a name of lowercase letters, digits and - (e.g. web), at most 63 characters' })
    .describe('the part\'s name, used in line items and recovery phases (lowercase letters, digits and -)');
const TIER_FIELDS = {
  instanceType: instanceType().describe('EC2 instance type of the application servers'),
  count: wholeNumber(1, 10000).describe('number of application servers in the primary region'),
  ebsGbPerInstance: amount(0, 65536).default(50).describe('EBS gp3 GB attached to each server'),
  ebsVolumesPerInstance: wholeNumber(1, 40)
    .default(1)
    .describe('EBS volumes per server (AWS Elastic Disaster Recovery needs one replication server per 15 source volumes)'),
};
/** The engines a data store in a list may have: a listed store has an engine (`none` is a store left out). */
export const STORE_ENGINES = DB_ENGINES.filter((e): e is Exclude<DbEngine, 'none'> => e !== 'none') as [Exclude<DbEngine, 'none'>, ...Exclude<DbEngine, 'none'>[]];
const STORE_DETAILS = {
  instanceClass: dbClass().optional().describe('DB instance class (default db.r6g.large for Aurora, db.m5.large for RDS)'),
  storageGb: amount(0, 1_000_000).default(100).describe('database storage in GB'),
  multiAz: z.boolean({ error: 'must be true or false' }).default(false).describe('RDS Multi-AZ deployment in the primary region'),
  writesPerSecond: amount(0, 10_000_000).default(0).describe('DynamoDB: average write request units per second'),
  readsPerSecond: amount(0, 10_000_000).default(0).describe('DynamoDB: average read request units per second'),
};
const SINGLE_STORE_FIELDS = {
  engine: oneOf(DB_ENGINES).default('none').describe('aurora-mysql | aurora-postgresql | mysql | postgres | dynamodb | none'),
  ...STORE_DETAILS,
};
const STORE_FIELDS = {
  engine: z
    .enum(STORE_ENGINES, { error: `must be one of ${STORE_ENGINES.join(', ')} (a data store in a list has an engine; leave a store out rather than none)` })
    .describe(STORE_ENGINES.join(' | ')),
  ...STORE_DETAILS,
};

// ---- the schema ---------------------------------------------------------------------------------------------------
export const workloadSchema = z
  .strictObject({
    version: z.literal(1, { error: 'must be 1' }).default(1).describe('workload file format version'),
    name: name().default('workload').describe('a name for this workload, used in reports'),
    strategy: oneOf(STRATEGY_IDS)
      .optional()
      .describe('the strategy the team runs or plans to run, checked by `dr-advisor check` (default: the recommended one)'),
    regions: z
      .strictObject({
        primary: region().describe('primary AWS region'),
        dr: region().optional().describe('recovery region; the 2nd active region for active-active (default: a nearby region)'),
        additional: z.array(region()).max(20, { error: 'must list at most 20 regions' }).default([]).describe('more active regions for N-region active-active'),
      })
      .describe('where the workload runs and recovers'),
    compute: z
      .union([z.strictObject(TIER_FIELDS), z.array(z.strictObject({ name: partName(), ...TIER_FIELDS })).min(1, { error: 'must list at least one tier' }).max(MAX_PARTS, { error: `must list at most ${MAX_PARTS} tiers` })], {
        error: 'must be one tier (instanceType, count, ...) or a list of named tiers (- name: web, instanceType: m5.large, count: 4)',
      })
      .describe('application tier: one object, or a list of named tiers (- name: web, instanceType: ..., count: ...)'),
    database: z
      .union([z.strictObject(SINGLE_STORE_FIELDS), z.array(z.strictObject({ name: partName(), ...STORE_FIELDS })).max(MAX_PARTS, { error: `must list at most ${MAX_PARTS} data stores` })], {
        error: 'must be one data store (engine, storageGb, ...) or a list of named data stores (- name: orders, engine: aurora-postgresql, ...)',
      })
      .prefault({})
      .describe('data tier: one object, or a list of named data stores (- name: orders, engine: ..., storageGb: ...)'),
    objectStorage: z
      .strictObject({ storageGb: amount(0, 100_000_000).default(0).describe('S3 Standard GB') })
      .prefault({})
      .describe('object storage'),
    dataChangeGbPerDay: amount(0, 1_000_000).default(10).describe('GB of data changed per day (drives replication and backup transfer)'),
    network: z
      .strictObject({
        loadBalancer: oneOf(['alb', 'none'] as const).default('alb').describe('load balancer in front of the servers'),
        failoverRouting: oneOf(['route53', 'global-accelerator'] as const).default('route53').describe('how traffic moves to the DR region'),
        dnsTtlSeconds: wholeNumber(0, 172800).default(60).describe('TTL of the failover DNS records (Route 53)'),
        egressGbPerMonth: amount(0, 100_000_000).default(0).describe('GB per month served to users (Global Accelerator premium)'),
      })
      .prefault({})
      .describe('traffic'),
    operations: z
      .strictObject({
        detection: oneOf(['manual', 'automated'] as const).default('manual').describe('how a regional failure is detected'),
        failoverDecision: oneOf(['manual', 'automated'] as const).default('manual').describe('who decides to fail over'),
        backupIntervalHours: positive(720).default(24).describe('hours between scheduled backups'),
        pointInTimeRecovery: z.boolean({ error: 'must be true or false' }).default(true).describe('continuous backups (PITR) for the database'),
        warmStandbyCapacity: z
          .number({ error: 'must be a number > 0 and ≤ 1' })
          .gt(0, { error: 'must be a number > 0 and ≤ 1' })
          .max(1, { error: 'must be a number > 0 and ≤ 1' })
          .refine(notTiny, { error: `must be at least ${MIN_NONZERO} (and ≤ 1)` })
          .default(0.5)
          .describe('share of primary compute kept running in the DR region (warm standby)'),
      })
      .prefault({})
      .describe('how recovery is run'),
    activeActive: z
      .strictObject({
        writePattern: oneOf(['global-write', 'partitioned-write'] as const).default('global-write').describe('global-write: one writer region; partitioned-write: each key has a home region'),
        consistency: oneOf(['eventual', 'strong'] as const).default('eventual').describe('DynamoDB global tables: eventual (MREC) or strong (MRSC)'),
      })
      .prefault({})
      .describe('multi-site active-active design'),
    targets: z
      .strictObject({
        rto: duration().optional().describe('recovery time objective, e.g. 1h'),
        rpo: duration().optional().describe('recovery point objective, e.g. 15m'),
        maxMonthlyCost: amount(0, 1e9).optional().describe('monthly DR budget in USD'),
        confidence: z
          .number({ error: 'must be a number from 0.5 to 1' })
          .min(0.5, { error: 'must be a number from 0.5 to 1' })
          .max(1, { error: 'must be a number from 0.5 to 1' })
          .default(0.9)
          .describe('a target is met when P(RTO ≤ target) and P(RPO ≤ target) reach this (0.9: the RTO at 90% confidence, i.e. the P90, is within the target)'),
      })
      .prefault({})
      .describe('what recovery must achieve'),
    business: z
      .strictObject({
        downtimeCostPerHour: amount(0, 1e9).optional().describe('USD lost per hour of downtime'),
        dataLossCostPerHour: amount(0, 1e9).optional().describe('USD lost per hour of lost data'),
        regionEventsPerYear: amount(0, 365).optional().describe('regional events per year that would force a failover (default 0.5 for us-east-1, 0.2 elsewhere: AWS post-event summaries 2017–2025, data/reference/dr-model.md §9)'),
        azEventsPerYear: amount(0, 365)
          .default(0.5)
          .describe('Availability Zone outages per year that reach the workload (default 0.5, an estimate [I]: data/reference/dr-model.md §9)'),
        corruptionEventsPerYear: amount(0, 365)
          .default(0.25)
          .describe('data corruption or deletion incidents per year that need a restore (default 0.25, an estimate [I]: data/reference/dr-model.md §9)'),
      })
      .prefault({})
      .describe('optional: what an outage costs, for the expected annual loss'),
    // ---- pricing (regions helper, issue 13 item 5): what the team really pays ------------------------------------
    pricing: z
      .strictObject({
        enterpriseDiscountPct: amount(0, 100)
          .optional()
          .describe('enterprise discount (EDP / private pricing) in % off every line item, applied after the savings below'),
        savingsPct: z
          .strictObject({
            ec2: amount(0, 100).optional().describe('Savings Plan / Reserved Instance rate for EC2 instance hours, % off on-demand (e.g. 30)'),
            rds: amount(0, 100).optional().describe('Reserved Instance rate for RDS and Aurora instance hours, % off on-demand'),
          })
          .prefault({})
          .describe('per-service savings off on-demand'),
      })
      .optional()
      .describe('optional discounts off the AWS list price; without them every figure is the list price'),
    assumptions: z
      .partialRecord(
        z.enum(ASSUMPTION_NAMES as [string, ...string[]], { error: `is not a known assumption (allowed: ${ASSUMPTION_NAMES.join(', ')})` }),
        amount(0, 1e7),
      )
      .default({})
      .describe('override any named default, e.g. { auroraSnapshotRestoreMinutes: 60 }'),
  })
  .check(crossFieldCheck);

/** The workload as written (input). */
export type WorkloadInput = z.input<typeof workloadSchema>;
/** The workload after validation, with defaults filled in (except the ones that depend on other fields). */
export type ParsedWorkload = z.output<typeof workloadSchema>;

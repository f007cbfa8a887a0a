/**
 * What `importTerraform` returns: the workload document (multi-part form when the plan has several tiers or data
 * stores), its parts with names, the comments the YAML carries, and a summary of what was read, defaulted and
 * skipped (Infracost's "N resources skipped", grouped by reason).
 */
import type { DbEngine } from '../../model/engines';
import type { StrategyId } from '../../model/strategies';

/** A compute tier: one resource block (all its count/for_each instances) in the primary region. */
export interface ImportedTier {
  /** [a-z0-9-], from the Terraform resource name. */
  name: string;
  instanceType: string;
  count: number;
  ebsGbPerInstance: number;
}

/** A data store in the primary region (its replicas and backups elsewhere are the DR posture, not stores). */
export interface ImportedStore {
  name: string;
  engine: Exclude<DbEngine, 'none'>;
  instanceClass?: string;
  storageGb: number;
  multiAz?: boolean;
  writesPerSecond?: number;
  readsPerSecond?: number;
}

/** The workload as written: `compute` / `database` are one object (one part, version-1 form) or a list of parts. */
export interface ImportedWorkload {
  version: 1;
  name: string;
  strategy?: StrategyId;
  regions: { primary: string; dr: string; additional?: string[] };
  compute: Omit<ImportedTier, 'name'> | ImportedTier[];
  database?: Omit<ImportedStore, 'name'> | ImportedStore[];
  objectStorage?: { storageGb: number };
  dataChangeGbPerDay: number;
  network: {
    loadBalancer: 'alb' | 'none';
    failoverRouting?: 'route53' | 'global-accelerator';
    dnsTtlSeconds?: number;
    egressGbPerMonth?: number;
  };
  operations: {
    detection: 'manual' | 'automated';
    failoverDecision: 'manual' | 'automated';
    backupIntervalHours?: number;
    pointInTimeRecovery?: boolean;
    warmStandbyCapacity?: number;
  };
  activeActive?: { writePattern: 'global-write' | 'partitioned-write' };
}

export type SkipReason =
  | 'no-cost'
  | 'not-modelled'
  | 'other-provider'
  | 'data-source'
  | 'deleted'
  | 'unknown'
  | 'no-region'
  | 'region-not-priced'
  | 'outside-primary'
  | 'unused';

export interface SkippedResource {
  address: string;
  type: string;
  reason: SkipReason;
  /** The specific reason: "instance_type is unknown until apply", "engine sqlserver-se is not modelled". */
  detail?: string;
}

export interface ReadResource {
  /** The resource block address (instance keys dropped): `module.app.aws_autoscaling_group.web`. */
  address: string;
  type: string;
  instances: number;
  /** What it became: "compute tier web (4 × m5.large)", "DR posture: replica in us-west-2". */
  as: string;
}

export interface DefaultedValue {
  /** The workload field: `objectStorage.storageGb`, `database[1].storageGb`. */
  field: string;
  value: number | string;
  /** Why it is a default: "2 S3 buckets × 100 GB placeholder". */
  why: string;
  /** What to measure instead. */
  measure: string;
}

export interface ImportSummary {
  source: { file: string; kind: 'plan' | 'state'; formatVersion: string; terraformVersion: string | null };
  /** Resource instances in the file (managed and data). */
  resources: number;
  read: ReadResource[];
  defaulted: DefaultedValue[];
  skipped: SkippedResource[];
  /** The DR region rule, the inferred strategy and its reason, mappings (MariaDB as MySQL), regions ignored. */
  notes: string[];
}

export interface ImportResult {
  workload: ImportedWorkload;
  /** Every tier and data store with its name, whatever form `workload` uses. */
  parts: { tiers: ImportedTier[]; stores: ImportedStore[] };
  /** Comment lines for the YAML, by field path (`strategy`, `regions.dr`, `database.1.storageGb`). */
  comments: Record<string, string>;
  summary: ImportSummary;
}

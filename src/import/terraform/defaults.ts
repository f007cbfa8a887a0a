/**
 * What a plan cannot say, written as clearly marked defaults: each value, why it is a default, and what to measure
 * instead. The values are dr-advisor's own defaults (src/workload/schema.ts) unless stated; the AWS defaults are cited.
 */

export interface ImportDefault {
  value: number;
  /** Where the value comes from. */
  source: string;
  /** What to measure to replace it. */
  measure: string;
}

export const IMPORT_DEFAULTS = {
  /** Aurora storage grows with the data; a cluster has no allocated size (Aurora User Guide, "Amazon Aurora storage"). */
  auroraStorageGb: {
    value: 100,
    source: "dr-advisor's database.storageGb default (Aurora has no allocated storage in the plan)",
    measure: 'CloudWatch VolumeBytesUsed (AWS/RDS, per DB cluster)',
  },
  dynamodbStorageGb: {
    value: 100,
    source: "dr-advisor's database.storageGb default (a table's size is not in the plan)",
    measure: 'TableSizeBytes from `aws dynamodb describe-table` (updated about every six hours)',
  },
  rdsStorageGb: {
    value: 100,
    source: "dr-advisor's database.storageGb default (allocated_storage is unknown in the plan)",
    measure: 'allocated_storage of the instance, or CloudWatch FreeStorageSpace',
  },
  dynamodbOnDemandRate: {
    value: 0,
    source: 'on-demand (PAY_PER_REQUEST) tables have no capacity in the plan',
    measure: 'CloudWatch ConsumedWriteCapacityUnits / ConsumedReadCapacityUnits (Sum per minute ÷ 60)',
  },
  /** Per bucket: a placeholder, so that buckets in the plan are not priced at zero. */
  s3BucketGb: {
    value: 100,
    source: 'a placeholder per bucket (bucket sizes are not in the plan)',
    measure: 'S3 Storage Lens or CloudWatch BucketSizeBytes (AWS/S3, daily, per storage class)',
  },
  dataChangeGbPerDay: {
    value: 10,
    source: "dr-advisor's dataChangeGbPerDay default (a plan holds no change rate)",
    measure: 'CloudWatch WriteThroughput of the database (bytes/s × 86,400), or the size of a day of incremental snapshots',
  },
  /** The root volume comes from the AMI's block device mapping when the plan does not set it. */
  rootVolumeGb: {
    value: 50,
    source: "dr-advisor's compute.ebsGbPerInstance default (the root volume size comes from the AMI)",
    measure: 'the AMI block device mapping (`aws ec2 describe-images`, BlockDeviceMappings[].Ebs.VolumeSize)',
  },
  globalAcceleratorEgressGb: {
    value: 0,
    source: "dr-advisor's network.egressGbPerMonth default (traffic is not in the plan)",
    measure: 'CloudWatch ProcessedBytesOut of the accelerator (AWS/GlobalAccelerator), per month',
  },
} as const satisfies Record<string, ImportDefault>;

/**
 * Documented AWS defaults the importer applies when an argument is unset (these are not marked as guesses):
 * EKS managed node groups default to `t3.medium` and a 20 GiB disk (Amazon EKS API CreateNodegroup: instanceTypes,
 * diskSize; Terraform AWS provider aws_eks_node_group `instance_types`, `disk_size`); an alias record to an ELB load
 * balancer has a fixed 60 s TTL (Amazon Route 53 FAQ, DNS failover: "Alias records ... have fixed TTL of 60 seconds").
 */
export const AWS_DEFAULTS = {
  eksInstanceType: 't3.medium',
  eksDiskGb: 20,
  elbAliasTtlSeconds: 60,
} as const;

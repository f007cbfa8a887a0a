/**
 * Every kind of price the models ask for, one row each: the unit the AWS Price List prices it in, plain words for
 * messages, the other unit names the Price List may use (with the factor that converts them), the AWS service name a
 * line item shows, where its key lives (a region, or 'global') and the attributes its key carries.
 *
 * Adding a price service is one row here plus one query rule in `filters.ts` (and, for the bundled snapshot, its
 * figures in `scripts/build-snapshot.mjs`). The typed {@link PriceKey} union in `keys.ts` is derived from these rows.
 *
 * Units and unit names: AWS Price List Query API, `GetProducts` price dimensions (`unit`), as recorded in
 * test/fixtures/pricing/responses (https://docs.aws.amazon.com/aws-cost-management/latest/APIReference/API_pricing_GetProducts.html).
 */

/** An attribute whose value is free text (an instance type, an engine id, a region code). */
export const TEXT = 'text';

/** How an attribute of a key is checked when an id is parsed: free text, or one of a fixed list. */
export type AttrSpec = typeof TEXT | readonly string[];

export interface PriceServiceRow {
  /** The unit of the price, as the Price List names it. Every price of this service is in this unit. */
  unit: string;
  /** Plain words for messages ("EC2 instance", "S3 Standard storage"). */
  words: string;
  /** The AWS service a line item priced by this key belongs to, as shown on line items ("Amazon EC2"). */
  displayName: string;
  /** 'global': the key's region is always 'global' (Route 53, the Global Accelerator fixed fee). */
  scope: 'regional' | 'global';
  /** The attributes its key carries, beyond service and region. */
  attrs: Readonly<Record<string, AttrSpec>>;
  /** Other unit names the Price List may use, with the factor that converts a price in that unit into `unit`. */
  unitAliases: Readonly<Record<string, number>>;
}

/** Per-million units the Price List uses for request prices: a price per million × 1e-6 = a price per request. */
const PER_MILLION = { 'Million requests': 1e-6, 'Million Requests': 1e-6, '1M requests': 1e-6, 'Million IOs': 1e-6 } as const;

const regional = { scope: 'regional', attrs: {}, unitAliases: {} } as const;
const global = { scope: 'global', attrs: {}, unitAliases: {} } as const;
const engine = { engine: TEXT } as const;
const to = { to: TEXT } as const;

export const SERVICES = {
  //                                      Linux, shared tenancy, on-demand
  'ec2.instance': { ...regional, unit: 'Hrs', words: 'EC2 instance', displayName: 'Amazon EC2', attrs: { instanceType: TEXT } },
  'ebs.gp3': { ...regional, unit: 'GB-Mo', words: 'EBS gp3 storage', displayName: 'Amazon EBS' },
  //                                      also AMIs
  'ebs.snapshot': { ...regional, unit: 'GB-Mo', words: 'EBS snapshot storage', displayName: 'Amazon EBS' },
  //                                      RDS / Aurora on-demand instance
  'rds.instance': {
    ...regional,
    unit: 'Hrs',
    words: 'RDS instance',
    displayName: 'Amazon RDS',
    attrs: { engine: TEXT, instanceClass: TEXT, deployment: ['single-az', 'multi-az'] },
  },
  //                                      Aurora storage, or RDS gp3 storage for mysql/postgres
  'rds.storage': { ...regional, unit: 'GB-Mo', words: 'database storage', displayName: 'Amazon RDS', attrs: engine },
  //                                      backup / snapshot storage beyond the free allowance
  'rds.backup': { ...regional, unit: 'GB-Mo', words: 'database backup storage', displayName: 'Amazon RDS', attrs: engine },
  //                                      Aurora I/O requests (standard configuration)
  'rds.io': { ...regional, unit: 'IOs', words: 'Aurora I/O requests', displayName: 'Amazon RDS', attrs: engine, unitAliases: PER_MILLION },
  'dynamodb.write': { ...regional, unit: 'WriteRequestUnits', words: 'DynamoDB on-demand write request units', displayName: 'Amazon DynamoDB', unitAliases: PER_MILLION },
  'dynamodb.read': { ...regional, unit: 'ReadRequestUnits', words: 'DynamoDB on-demand read request units', displayName: 'Amazon DynamoDB', unitAliases: PER_MILLION },
  //                                      global tables replicated write request units (replica region)
  'dynamodb.replicatedWrite': {
    ...regional,
    unit: 'ReplicatedWriteRequestUnits',
    words: 'DynamoDB global tables replicated write request units',
    displayName: 'Amazon DynamoDB',
    unitAliases: PER_MILLION,
  },
  'dynamodb.storage': { ...regional, unit: 'GB-Mo', words: 'DynamoDB table storage', displayName: 'Amazon DynamoDB' },
  'dynamodb.pitr': { ...regional, unit: 'GB-Mo', words: 'DynamoDB continuous backup (PITR) storage', displayName: 'Amazon DynamoDB' },
  'dynamodb.backup': { ...regional, unit: 'GB-Mo', words: 'DynamoDB on-demand backup storage', displayName: 'Amazon DynamoDB' },
  //                                      tiered
  's3.standard': { ...regional, unit: 'GB-Mo', words: 'S3 Standard storage', displayName: 'Amazon S3' },
  //                                      per GB replicated
  's3.rtc': { ...regional, unit: 'GB', words: 'S3 Replication Time Control', displayName: 'Amazon S3' },
  //                                      region = source; data transfer out to `to`
  'transfer.interRegion': { ...regional, unit: 'GB', words: 'inter-region data transfer', displayName: 'AWS Data Transfer', attrs: to },
  //                                      health check on an AWS endpoint
  'route53.healthCheck': { ...global, unit: 'HealthCheck-Mo', words: 'Route 53 health check', displayName: 'Amazon Route 53', unitAliases: { 'Health-Check': 1, HealthCheck: 1 } },
  'route53.hostedZone': { ...global, unit: 'HostedZone-Mo', words: 'Route 53 hosted zone', displayName: 'Amazon Route 53', unitAliases: { HostedZone: 1, 'Hosted-Zone': 1 } },
  'ga.fixed': { ...global, unit: 'Hrs', words: 'Global Accelerator fixed fee', displayName: 'AWS Global Accelerator', unitAliases: { Hours: 1, Hour: 1 } },
  //                                      region = source; data-transfer premium, dominant direction
  'ga.premium': { ...regional, unit: 'GB', words: 'Global Accelerator data-transfer premium', displayName: 'AWS Global Accelerator', attrs: to },
  'elb.alb': { ...regional, unit: 'Hrs', words: 'Application Load Balancer hour', displayName: 'Elastic Load Balancing' },
  'elb.albLcu': { ...regional, unit: 'LCU-Hrs', words: 'Application Load Balancer LCU-hour', displayName: 'Elastic Load Balancing', unitAliases: { 'LCU-Hours': 1, LCUHrs: 1 } },
  //                                      replicating source server-hour
  'drs.server': {
    ...regional,
    unit: 'Hrs',
    words: 'Elastic Disaster Recovery source server',
    displayName: 'AWS Elastic Disaster Recovery',
    unitAliases: { 'Replication-hour': 1, 'Replication-Hour': 1 },
  },
} as const satisfies Record<string, PriceServiceRow>;

export type PriceService = keyof typeof SERVICES;

export const PRICE_SERVICES = Object.keys(SERVICES) as PriceService[];

/** The row of a service, or undefined for a name that is not one (e.g. from a file). */
export function serviceRow(service: string): PriceServiceRow | undefined {
  return Object.hasOwn(SERVICES, service) ? SERVICES[service as PriceService] : undefined;
}

/** The unit of each service (a view of {@link SERVICES}, for callers that want a plain map). */
export const PRICE_UNITS: Readonly<Record<PriceService, string>> = Object.fromEntries(PRICE_SERVICES.map((s) => [s, SERVICES[s].unit])) as Record<
  PriceService,
  string
>;

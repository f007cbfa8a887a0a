/**
 * The pricing contract. A strategy model never sees a price: it emits cost lines that name a {@link PriceKey} and a
 * quantity. A {@link PriceBook} turns keys into {@link Price}s (plan, then fetch), and one pure step multiplies.
 */

/** Every kind of price the models ask for. The unit of each is fixed (see {@link PRICE_UNITS}). */
export type PriceService =
  | 'ec2.instance' // attrs: { instanceType }                     Linux, shared tenancy, on-demand
  | 'ebs.gp3' //                                                  EBS gp3 storage
  | 'ebs.snapshot' //                                             EBS snapshot storage (also AMIs)
  | 'rds.instance' // attrs: { engine, instanceClass, deployment } RDS / Aurora on-demand instance
  | 'rds.storage' // attrs: { engine }                            Aurora storage, or RDS gp3 storage for mysql/postgres
  | 'rds.backup' // attrs: { engine }                             backup / snapshot storage beyond the free allowance
  | 'rds.io' // attrs: { engine }                                 Aurora I/O requests (standard configuration)
  | 'dynamodb.write' //                                           on-demand write request units
  | 'dynamodb.read' //                                            on-demand read request units
  | 'dynamodb.replicatedWrite' //                                 global tables replicated write request units (replica region)
  | 'dynamodb.storage' //                                         table storage
  | 'dynamodb.pitr' //                                            continuous backups (PITR) storage
  | 'dynamodb.backup' //                                          on-demand backup storage
  | 's3.standard' //                                              S3 Standard storage (tiered)
  | 's3.rtc' //                                                   S3 Replication Time Control, per GB replicated
  | 'transfer.interRegion' // region = source, attrs: { to }      inter-region data transfer out
  | 'route53.healthCheck' // region = 'global'                    health check on an AWS endpoint
  | 'route53.hostedZone' // region = 'global'                     hosted zone
  | 'ga.fixed' // region = 'global'                               Global Accelerator fixed hourly fee
  | 'ga.premium' // region = source, attrs: { to }                Global Accelerator data-transfer premium (dominant direction)
  | 'elb.alb' //                                                  Application Load Balancer hour
  | 'elb.albLcu' //                                               ALB load-balancer-capacity-unit hour
  | 'drs.server'; //                                              AWS Elastic Disaster Recovery replicating source server-hour

/** The unit each service is priced in, as the Price List names it. */
export const PRICE_UNITS: Record<PriceService, string> = {
  'ec2.instance': 'Hrs',
  'ebs.gp3': 'GB-Mo',
  'ebs.snapshot': 'GB-Mo',
  'rds.instance': 'Hrs',
  'rds.storage': 'GB-Mo',
  'rds.backup': 'GB-Mo',
  'rds.io': 'IOs',
  'dynamodb.write': 'WriteRequestUnits',
  'dynamodb.read': 'ReadRequestUnits',
  'dynamodb.replicatedWrite': 'ReplicatedWriteRequestUnits',
  'dynamodb.storage': 'GB-Mo',
  'dynamodb.pitr': 'GB-Mo',
  'dynamodb.backup': 'GB-Mo',
  's3.standard': 'GB-Mo',
  's3.rtc': 'GB',
  'transfer.interRegion': 'GB',
  'route53.healthCheck': 'HealthCheck-Mo',
  'route53.hostedZone': 'HostedZone-Mo',
  'ga.fixed': 'Hrs',
  'ga.premium': 'GB',
  'elb.alb': 'Hrs',
  'elb.albLcu': 'LCU-Hrs',
  'drs.server': 'Hrs',
};

/** A normalized price key: a service, a region (or 'global') and the product attributes that pin one price. */
export interface PriceKey {
  service: PriceService;
  region: string;
  attrs?: Readonly<Record<string, string>>;
}

/** One tier of a tiered price, in the price's unit: [from, to) with `to` null for "and above". */
export interface PriceTier {
  from: number;
  to: number | null;
  unitPrice: number;
}

export type PriceSource = 'snapshot' | 'cache' | 'live';

/** A unit price with its provenance. `unitPrice` is the first tier's price when `tiers` is present. */
export interface Price {
  unitPrice: number;
  unit: string;
  tiers?: PriceTier[];
  source: PriceSource;
  /** Date (YYYY-MM-DD) of the price data itself: publication / effective date of the list price. */
  asOf: string;
  sku?: string;
  publicationDate?: string;
  /** ISO timestamp when this price was fetched from the Price List API (live and cache only). */
  fetchedAt?: string;
  /** True when the price was derived by a rule rather than read from a source. */
  estimated?: boolean;
  /** Human-readable origin, e.g. "ec2instances.info (vantage-sh) 2022-07-07". */
  origin?: string;
}

/** What a PriceBook answers for a batch of keys. Every requested key is in `prices`, or resolve() throws. */
export interface PriceResolution {
  prices: Map<string, Price>;
  /** Diagnostics for stderr and JSON `pricing.warnings`: which source was used, how old, what was estimated. */
  warnings: string[];
}

/**
 * The one pricing interface. Implementations: snapshot (bundled file), cache (XDG dir), live (Price List API), and
 * compositions of them. A price that cannot be found is never zero: resolve() throws a PricingError
 * (exit 3) unless the implementation can derive an `estimated` price, which it must then flag.
 */
export interface PriceBook {
  readonly name: string;
  resolve(keys: readonly PriceKey[]): Promise<PriceResolution>;
}

export { PricingError } from '../errors';

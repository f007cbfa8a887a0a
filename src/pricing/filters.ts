/**
 * PriceKey → one Price List query (ServiceCode + TERM_MATCH filters, reference/pricing.md §2) and a matcher that picks
 * exactly one product out of what the query returns. Server-side filters only use attributes whose values are known
 * exactly; everything with a region-dependent usage-type prefix is matched here, on the usage-type suffix. No product
 * or more than one product is a PricingError: never a guess, never a zero. Units and unit aliases come from the
 * service's row in `services.ts`; this file holds the query rule of each service.
 */
import { PricingError } from '../errors';
import { describePriceKey, priceKeyId, type PriceKey, type PriceKeyOf } from './keys';
import { regionInfo } from '../model/regions';
import { isAurora, priceListEngineName } from '../model/engines';
import type { PriceListProduct, SelectedPrice } from './price-list';
import { selectOnDemandPrice } from './price-list';
import { priceProblem } from './sanity';
import { SERVICES } from './services';

/** The Price List has no product for a key: an answer (remembered in the cache as long as a price), not a failure. */
export class NoProductError extends PricingError {
  constructor(message: string) {
    super(message);
    this.name = 'NoProductError';
  }
}

export interface PriceFilter {
  Type: 'TERM_MATCH';
  Field: string;
  Value: string;
}

export interface PriceQuery {
  serviceCode: string;
  filters: PriceFilter[];
  /** Stable id of the request (service code + sorted filters): keys that share a query share one fetch. */
  id: string;
}

export interface KeyPlan {
  key: PriceKey;
  keyId: string;
  query: PriceQuery;
  /** Picks the product and its price among the query's results; throws PricingError when not exactly one. */
  select(products: readonly PriceListProduct[]): { product: PriceListProduct; price: SelectedPrice };
}


interface Rule {
  serviceCode: string;
  filters: Record<string, string>;
  /** Client-side predicate on the product. */
  match: (p: PriceListProduct) => boolean;
  /** When several products match, prefer those for which this returns the lowest rank (e.g. exact engine, then Any). */
  rank?: (p: PriceListProduct) => number;
}

const usage = (p: PriceListProduct): string => p.attributes.usagetype ?? '';
/** Usage type equal to `suffix` or ending with `-suffix` (region prefix such as USW2-, EU-). */
const usageIs = (p: PriceListProduct, suffix: string): boolean => {
  const u = usage(p);
  return u === suffix || u.endsWith(`-${suffix}`);
};
const notIA = (p: PriceListProduct): boolean => !/(^|-)IA-/.test(usage(p));

function region(key: PriceKey): { code: string; location: string; gaGroup: string } {
  const info = regionInfo(key.region);
  if (!info) throw new PricingError(`no Price List region mapping for "${key.region}" (${priceKeyId(key)})`);
  return info;
}

type EngineKey = PriceKeyOf<'rds.instance' | 'rds.storage' | 'rds.backup' | 'rds.io'>;

function engineOf(key: EngineKey): { id: string; name: string; aurora: boolean } {
  const id = key.attrs.engine;
  const name = priceListEngineName(id);
  if (!name) throw new PricingError(`unknown database engine "${id}" in ${priceKeyId(key)}`);
  return { id, name, aurora: isAurora(id) };
}

/** Exact engine first, then the engine-neutral "Any" SKUs some RDS storage products use. */
function engineRank(name: string) {
  return (p: PriceListProduct): number => {
    const e = p.attributes.databaseEngine;
    if (e === name) return 0;
    if (e === undefined || e === 'Any') return 1;
    return 2;
  };
}

function rule(key: PriceKey): Rule {
  switch (key.service) {
    case 'ec2.instance': {
      const type = key.attrs.instanceType;
      return {
        serviceCode: 'AmazonEC2',
        filters: {
          regionCode: region(key).code,
          productFamily: 'Compute Instance',
          instanceType: type,
          operatingSystem: 'Linux',
          tenancy: 'Shared',
          preInstalledSw: 'NA',
          capacitystatus: 'Used',
          licenseModel: 'No License required',
          marketoption: 'OnDemand',
        },
        match: (p) => usageIs(p, `BoxUsage:${type}`) && (p.attributes.operation ?? 'RunInstances') === 'RunInstances',
      };
    }
    case 'ebs.gp3':
      return {
        serviceCode: 'AmazonEC2',
        filters: { regionCode: region(key).code, productFamily: 'Storage', volumeApiName: 'gp3' },
        match: (p) => usageIs(p, 'EBS:VolumeUsage.gp3'),
      };
    case 'ebs.snapshot':
      return {
        serviceCode: 'AmazonEC2',
        filters: { regionCode: region(key).code, productFamily: 'Storage Snapshot' },
        match: (p) => usageIs(p, 'EBS:SnapshotUsage'),
      };
    case 'rds.instance': {
      const engine = engineOf(key);
      const cls = key.attrs.instanceClass;
      const deployment: string = key.attrs.deployment;
      if (deployment !== 'single-az' && deployment !== 'multi-az') {
        throw new PricingError(`unknown RDS deployment "${deployment}" in ${priceKeyId(key)}`);
      }
      const multi = deployment === 'multi-az';
      return {
        serviceCode: 'AmazonRDS',
        filters: {
          regionCode: region(key).code,
          productFamily: 'Database Instance',
          instanceType: cls,
          databaseEngine: engine.name,
          deploymentOption: multi ? 'Multi-AZ' : 'Single-AZ',
        },
        match: (p) =>
          usageIs(p, `${multi ? 'Multi-AZUsage' : 'InstanceUsage'}:${cls}`) &&
          (p.attributes.locationType ?? 'AWS Region') === 'AWS Region',
      };
    }
    case 'rds.storage': {
      const engine = engineOf(key);
      return engine.aurora
        ? {
            serviceCode: 'AmazonRDS',
            filters: { regionCode: region(key).code, productFamily: 'Database Storage' },
            match: (p) => usageIs(p, 'Aurora:StorageUsage') && engineRank(engine.name)(p) < 2,
            rank: engineRank(engine.name),
          }
        : {
            serviceCode: 'AmazonRDS',
            filters: {
              regionCode: region(key).code,
              productFamily: 'Database Storage',
              volumeType: 'General Purpose-GP3',
              deploymentOption: 'Single-AZ',
            },
            match: (p) => usageIs(p, 'RDS:GP3-Storage') && engineRank(engine.name)(p) < 2,
            rank: engineRank(engine.name),
          };
    }
    case 'rds.backup': {
      const engine = engineOf(key);
      const suffix = engine.aurora ? 'Aurora:BackupUsage' : 'RDS:ChargedBackupUsage';
      return {
        serviceCode: 'AmazonRDS',
        filters: { regionCode: region(key).code, productFamily: 'Storage Snapshot' },
        match: (p) => usageIs(p, suffix) && engineRank(engine.name)(p) < 2,
        rank: engineRank(engine.name),
      };
    }
    case 'rds.io': {
      const engine = engineOf(key);
      if (!engine.aurora) throw new PricingError(`${engine.name} has no per-request I/O price (${priceKeyId(key)})`);
      return {
        serviceCode: 'AmazonRDS',
        filters: { regionCode: region(key).code, productFamily: 'System Operation' },
        match: (p) => usageIs(p, 'Aurora:StorageIOUsage') && engineRank(engine.name)(p) < 2,
        rank: engineRank(engine.name),
      };
    }
    case 'dynamodb.write':
    case 'dynamodb.read':
    case 'dynamodb.replicatedWrite': {
      const group = { 'dynamodb.write': 'DDB-WriteUnits', 'dynamodb.read': 'DDB-ReadUnits', 'dynamodb.replicatedWrite': 'DDB-ReplicatedWriteUnits' }[key.service];
      return {
        serviceCode: 'AmazonDynamoDB',
        filters: { regionCode: region(key).code, productFamily: 'Amazon DynamoDB PayPerRequest Throughput', group },
        match: notIA,
      };
    }
    case 'dynamodb.storage':
      return {
        serviceCode: 'AmazonDynamoDB',
        filters: { regionCode: region(key).code, productFamily: 'Database Storage' },
        match: (p) => usageIs(p, 'TimedStorage-ByteHrs') && notIA(p),
      };
    case 'dynamodb.pitr':
      return {
        serviceCode: 'AmazonDynamoDB',
        filters: { regionCode: region(key).code },
        match: (p) => usageIs(p, 'TimedPITRStorage-ByteHrs'),
      };
    case 'dynamodb.backup':
      return {
        serviceCode: 'AmazonDynamoDB',
        filters: { regionCode: region(key).code, productFamily: 'Amazon DynamoDB On-Demand Backup Storage' },
        match: (p) => usageIs(p, 'TimedBackupStorage-ByteHrs'),
      };
    case 's3.standard':
      return {
        serviceCode: 'AmazonS3',
        filters: { regionCode: region(key).code, productFamily: 'Storage', volumeType: 'Standard' },
        match: (p) => usageIs(p, 'TimedStorage-ByteHrs'),
      };
    case 's3.rtc':
      return {
        serviceCode: 'AmazonS3',
        filters: { regionCode: region(key).code },
        match: (p) => /(^|-)S3RTC/i.test(usage(p)) || /replication time control/i.test(p.productFamily),
      };
    case 'transfer.interRegion': {
      const from = region(key);
      const to = regionInfo(key.attrs.to);
      if (!to) throw new PricingError(`no Price List region mapping for "${key.attrs.to}" (${priceKeyId(key)})`);
      return {
        serviceCode: 'AWSDataTransfer',
        filters: {
          productFamily: 'Data Transfer',
          transferType: 'InterRegion Outbound',
          fromLocation: from.location,
          toLocation: to.location,
        },
        match: () => true,
      };
    }
    case 'route53.healthCheck':
      return {
        serviceCode: 'AmazonRoute53',
        filters: { productFamily: 'DNS Health Check', usagetype: 'Health-Check-AWS' },
        match: () => true,
      };
    case 'route53.hostedZone':
      return {
        serviceCode: 'AmazonRoute53',
        filters: { productFamily: 'DNS Zone', usagetype: 'HostedZone' },
        match: () => true,
      };
    case 'ga.fixed':
      return {
        serviceCode: 'AWSGlobalAccelerator',
        filters: {},
        // The fixed fee is the service's only hourly product.
        match: (p) => p.onDemand.some((t) => t.dimensions.some((d) => d.unit === 'Hrs' || d.unit === 'Hours')),
      };
    case 'ga.premium': {
      const from = region(key);
      const to = regionInfo(key.attrs.to);
      if (!to) throw new PricingError(`no Price List region mapping for "${key.attrs.to}" (${priceKeyId(key)})`);
      return {
        serviceCode: 'AWSGlobalAccelerator',
        filters: { fromLocation: from.gaGroup, toLocation: to.gaGroup, operation: 'Dominant', trafficDirection: 'Out' },
        match: () => true,
      };
    }
    case 'elb.alb':
    case 'elb.albLcu': {
      const suffix = key.service === 'elb.alb' ? 'LoadBalancerUsage' : 'LCUUsage';
      return {
        serviceCode: 'AWSELB',
        filters: { regionCode: region(key).code, productFamily: 'Load Balancer-Application', locationType: 'AWS Region' },
        match: (p) => usageIs(p, suffix),
      };
    }
    case 'drs.server':
      return {
        serviceCode: 'AWSElasticDisasterRecovery',
        filters: { regionCode: region(key).code, productFamily: 'Server DR', operation: 'Normal-Replication' },
        match: (p) => usageIs(p, 'DRS-Replication'),
      };
    default:
      throw new PricingError(`no Price List query for price key ${priceKeyId(key as PriceKey)}`);
  }
}

function queryOf(serviceCode: string, filters: Record<string, string>): PriceQuery {
  const list: PriceFilter[] = Object.keys(filters)
    .sort()
    .map((Field) => ({ Type: 'TERM_MATCH', Field, Value: filters[Field] }));
  const id = `${serviceCode}?${list.map((f) => `${f.Field}=${f.Value}`).join('&')}`;
  return { serviceCode, filters: list, id };
}

/**
 * Does a product satisfy a query's filters, as the Query API applies them? For products read from a Bulk API offer
 * file, which holds every product of the service: TERM_MATCH on an attribute (or `productFamily`, `ServiceCode`),
 * case-insensitive, as the Query API matches it (reference/pricing.md §1.2). The key's own `select` then picks
 * exactly one product among those that pass, as for a live answer.
 */
export function matchesQuery(query: PriceQuery, product: Pick<PriceListProduct, 'productFamily' | 'attributes'>, serviceCode?: string): boolean {
  if (serviceCode !== undefined && serviceCode !== query.serviceCode) return false;
  for (const f of query.filters) {
    const actual = f.Field === 'productFamily' ? product.productFamily : f.Field === 'ServiceCode' ? query.serviceCode : product.attributes[f.Field];
    if (actual === undefined || actual.toLowerCase() !== f.Value.toLowerCase()) return false;
  }
  return true;
}

/** Plans the Price List query for a key and how to pick its price. Throws PricingError for keys it cannot price. */
export function planKey(key: PriceKey): KeyPlan {
  const r = rule(key);
  const keyId = priceKeyId(key);
  const { unit, unitAliases } = SERVICES[key.service];
  return {
    key,
    keyId,
    query: queryOf(r.serviceCode, r.filters),
    select(products) {
      let hits = products.filter(r.match);
      // The same SKU may come back on two pages: keep one.
      hits = [...new Map(hits.map((p) => [p.sku, p])).values()];
      if (hits.length > 1 && r.rank) {
        const best = Math.min(...hits.map(r.rank));
        hits = hits.filter((p) => r.rank!(p) === best);
      }
      if (hits.length === 0) {
        throw new NoProductError(
          `the AWS Price List has no product for ${describePriceKey(key)}` + (products.length ? ` (${products.length} product(s) did not match)` : ''),
        );
      }
      if (hits.length > 1) {
        const skus = hits.slice(0, 5).map((p) => `${p.sku} (${usage(p) || p.productFamily})`);
        throw new PricingError(
          `ambiguous price for ${describePriceKey(key)}: ${hits.length} products match (${skus.join(', ')}${hits.length > 5 ? ', …' : ''}); refusing to guess`,
        );
      }
      const product = hits[0];
      const price = selectOnDemandPrice(product, unit, unitAliases);
      const problem = priceProblem(price);
      if (problem === 'zero price') {
        throw new PricingError(`the AWS Price List gives ${describePriceKey(key)} a zero price (SKU ${product.sku}); refusing to use it`);
      }
      if (problem) throw new PricingError(`the AWS Price List gives ${describePriceKey(key)} an implausible price (SKU ${product.sku}: ${problem}); refusing to use it`);
      return { product, price };
    },
  };
}

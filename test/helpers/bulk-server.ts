/**
 * A loopback (127.0.0.1) AWS Price List Bulk API: the service index, each service's region index and its offer files,
 * in the documented layout (AWS Billing User Guide, "Reading the price list files"). The offer files are built from
 * the same recorded products as the Query API replay fixtures (test/fixtures/pricing/responses), grouped by service
 * and region, plus decoys that a sloppy matcher would pick: Aurora I/O-Optimized instances and storage, archive-tier
 * EBS snapshots, Windows and capacity-reservation EC2, other usage types, and products of other regions. A test may
 * serve a file from disk instead (the generated 200 MB EC2 file). Every request is recorded.
 */
import { createReadStream, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { loadFixtures } from './replay-server';

export const VERSION = '20261101000000';
export const PUBLISHED = '2026-11-01T00:00:00Z';
/** Services read as one whole file (no region index entry per region). */
const WHOLE = new Set(['AmazonRoute53', 'AWSGlobalAccelerator']);

type Json = Record<string, unknown>;
/** service → region ('global' for the whole-file services) → { products by SKU, OnDemand terms by SKU }. */
export type OfferFiles = Map<string, Map<string, { products: Map<string, Json>; onDemand: Map<string, Json> }>>;

function fileOf(files: OfferFiles, service: string, region: string) {
  const byRegion = files.get(service) ?? new Map();
  files.set(service, byRegion);
  const f = byRegion.get(region) ?? { products: new Map(), onDemand: new Map() };
  byRegion.set(region, f);
  return f;
}

/** Adds one product (and its OnDemand term at `usd` per `unit`) to the files. */
export function addProduct(files: OfferFiles, service: string, sku: string, productFamily: string, attributes: Record<string, string>, usd: string, unit: string): void {
  const region = WHOLE.has(service) ? 'global' : (attributes.regionCode ?? 'global');
  const f = fileOf(files, service, region);
  f.products.set(sku, { sku, productFamily, attributes: { servicecode: service, ...attributes } });
  f.onDemand.set(sku, {
    [`${sku}.JRTCKXETXF`]: {
      offerTermCode: 'JRTCKXETXF',
      sku,
      effectiveDate: '2026-11-01T00:00:00Z',
      priceDimensions: {
        [`${sku}.JRTCKXETXF.6YS6EN2CT7`]: { rateCode: `${sku}.JRTCKXETXF.6YS6EN2CT7`, description: `$${usd} per ${unit}`, beginRange: '0', endRange: 'Inf', unit, pricePerUnit: { USD: usd }, appliesTo: [] },
      },
      termAttributes: {},
    },
  });
}

/** The offer files holding every recorded product of the replay fixtures, plus the decoys. */
export function offerFilesFromFixtures(): OfferFiles {
  const files: OfferFiles = new Map();
  for (const fixture of loadFixtures().values()) {
    for (const page of fixture.pages ?? []) {
      for (const item of (page as { PriceList?: string[] }).PriceList ?? []) {
        const doc = JSON.parse(item) as { serviceCode: string; product: Json & { sku: string; attributes: Record<string, string> }; terms: { OnDemand?: Json } };
        const service = doc.serviceCode ?? doc.product.attributes.servicecode;
        const region = WHOLE.has(service) ? 'global' : (doc.product.attributes.regionCode ?? (doc.product.attributes.fromRegionCode as string | undefined) ?? 'global');
        const f = fileOf(files, service, region);
        // Two fixtures may record the same product (the storage product in ddb-all and ddb-storage): an offer file
        // lists it once.
        const same = (p: Json) => JSON.stringify([p.productFamily, p.attributes]) === JSON.stringify([doc.product.productFamily, doc.product.attributes]);
        if ([...f.products.values()].some(same)) continue;
        // Some recorded SKUs are shortened and repeat across products; an offer file is keyed by SKU, so give a
        // repeated one a suffix (in its terms too).
        let sku = doc.product.sku;
        if (f.products.has(sku)) {
          let n = 2;
          while (f.products.has(`${doc.product.sku}${n}`)) n++;
          sku = `${doc.product.sku}${n}`;
        }
        f.products.set(sku, { ...doc.product, sku });
        if (doc.terms.OnDemand) {
          const terms = JSON.parse(JSON.stringify(doc.terms.OnDemand).split(`"${doc.product.sku}.`).join(`"${sku}.`).split(`"sku":"${doc.product.sku}"`).join(`"sku":"${sku}"`));
          f.onDemand.set(sku, terms);
        }
      }
    }
  }
  addDecoys(files);
  return files;
}

/** Products a matcher must not pick, in every region the fixtures cover. */
function addDecoys(files: OfferFiles): void {
  for (const region of ['us-east-1', 'us-west-2']) {
    const pfx = region === 'us-east-1' ? '' : 'USW2-';
    const at = { regionCode: region, location: region === 'us-east-1' ? 'US East (N. Virginia)' : 'US West (Oregon)', locationType: 'AWS Region' };
    const d = (n: string) => `DECOY${region.replace(/-/g, '').toUpperCase()}${n}`;
    addProduct(files, 'AmazonRDS', d('IOOPT'), 'Database Instance', { ...at, instanceType: 'db.r6g.large', databaseEngine: 'Aurora MySQL', deploymentOption: 'Single-AZ', usagetype: `${pfx}InstanceUsageIOOptimized:db.r6g.large` }, '0.3380000000', 'Hrs');
    addProduct(files, 'AmazonRDS', d('IOOPTSTO'), 'Database Storage', { ...at, databaseEngine: 'Aurora MySQL', usagetype: `${pfx}Aurora:IO-OptimizedStorageUsage` }, '0.2250000000', 'GB-Mo');
    addProduct(files, 'AmazonEC2', d('SNAPARCH'), 'Storage Snapshot', { ...at, usagetype: `${pfx}EBS:SnapshotArchiveStorage` }, '0.0125000000', 'GB-Mo');
    addProduct(files, 'AmazonEC2', d('WIN'), 'Compute Instance', { ...at, instanceType: 'm5.large', operatingSystem: 'Windows', tenancy: 'Shared', preInstalledSw: 'NA', capacitystatus: 'Used', licenseModel: 'No License required', marketoption: 'OnDemand', usagetype: `${pfx}BoxUsage:m5.large`, operation: 'RunInstances:0002' }, '0.1880000000', 'Hrs');
    addProduct(files, 'AmazonEC2', d('CAPRES'), 'Compute Instance', { ...at, instanceType: 'm5.large', operatingSystem: 'Linux', tenancy: 'Shared', preInstalledSw: 'NA', capacitystatus: 'UnusedCapacityReservation', licenseModel: 'No License required', marketoption: 'OnDemand', usagetype: `${pfx}UnusedBox:m5.large`, operation: 'RunInstances' }, '0.0960000000', 'Hrs');
    addProduct(files, 'AmazonEC2', d('IOPS'), 'System Operation', { ...at, volumeApiName: 'gp3', usagetype: `${pfx}EBS:VolumeP-IOPS.gp3` }, '0.0050000000', 'IOPS-Mo');
    // A product of another region inside this region's file.
    addProduct(files, 'AmazonEC2', d('OTHERREGION'), 'Storage', { regionCode: 'eu-west-1', location: 'EU (Ireland)', locationType: 'AWS Region', volumeApiName: 'gp3', usagetype: 'EU-EBS:VolumeUsage.gp3' }, '0.0880000000', 'GB-Mo');
  }
}

/** An offer file's text: the documented top-level fields, products, then terms (OnDemand, and a Reserved decoy). */
export function offerFileText(service: string, file: { products: Map<string, Json>; onDemand: Map<string, Json> }): string {
  return JSON.stringify({
    formatVersion: 'v1.0',
    disclaimer: 'This pricing list is for informational purposes only.',
    offerCode: service,
    version: VERSION,
    publicationDate: PUBLISHED,
    products: Object.fromEntries(file.products),
    terms: { OnDemand: Object.fromEntries(file.onDemand), Reserved: Object.fromEntries([...file.products.keys()].slice(0, 2).map((sku) => [sku, { [`${sku}.4NA7Y494T4`]: { offerTermCode: '4NA7Y494T4', sku, priceDimensions: {} } }])) },
  });
}

export interface BulkServer {
  url: string;
  /** Paths requested, in order. */
  requests: string[];
  /** Serves `path` from a file on disk instead (e.g. the generated large EC2 file). */
  serveFile(path: string, file: string): void;
  reset(): void;
  close(): Promise<void>;
}

export const offerPath = (service: string, region: string) => (region === 'global' ? `/offers/v1.0/aws/${service}/${VERSION}/index.json` : `/offers/v1.0/aws/${service}/${VERSION}/${region}/index.json`);

export async function startBulkServer(files: OfferFiles = offerFilesFromFixtures()): Promise<BulkServer> {
  const requests: string[] = [];
  const onDisk = new Map<string, string>();
  const texts = new Map<string, string>();
  const offers: Json = {};
  const regionIndexes = new Map<string, Json>();
  for (const [service, byRegion] of files) {
    offers[service] = {
      offerCode: service,
      versionIndexUrl: `/offers/v1.0/aws/${service}/index.json`,
      currentVersionUrl: `/offers/v1.0/aws/${service}/${VERSION}/index.json`,
      currentRegionIndexUrl: `/offers/v1.0/aws/${service}/current/region_index.json`,
    };
    const regions: Json = {};
    for (const [region, file] of byRegion) {
      texts.set(offerPath(service, region), offerFileText(service, file));
      if (region !== 'global') regions[region] = { regionCode: region, currentVersionUrl: offerPath(service, region) };
    }
    regionIndexes.set(`/offers/v1.0/aws/${service}/current/region_index.json`, { formatVersion: 'v1.0', disclaimer: '', publicationDate: PUBLISHED, regions });
  }
  texts.set('/offers/v1.0/aws/index.json', JSON.stringify({ formatVersion: 'v1.0', disclaimer: '', publicationDate: PUBLISHED, offers }));
  for (const [path, doc] of regionIndexes) texts.set(path, JSON.stringify(doc));

  const server: Server = createServer((req, res) => {
    const path = (req.url ?? '').split('?')[0];
    requests.push(path);
    const disk = onDisk.get(path);
    if (disk) {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': String(statSync(disk).size) });
      createReadStream(disk).pipe(res);
      return;
    }
    const text = texts.get(path);
    if (text === undefined) {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(text)) });
    res.end(text);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    serveFile: (path, file) => onDisk.set(path, file),
    reset: () => {
      requests.length = 0;
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/**
 * The public AWS Price List Bulk API: offer files anyone can download, no account, no credentials (AWS Billing User
 * Guide, "Getting price list files using the AWS Price List Bulk API" and "Reading the price list files",
 * https://docs.aws.amazon.com/awsaccountbilling/latest/aboutv2/using-ppslong.html and
 * https://docs.aws.amazon.com/awsaccountbilling/latest/aboutv2/bulk-api-reading-price-list-files.html):
 *
 *   <base>/offers/v1.0/aws/index.json                      the service index: offers[code].currentRegionIndexUrl,
 *                                                          offers[code].currentVersionUrl
 *   <base>/offers/v1.0/aws/<code>/current/region_index.json regions[region].currentVersionUrl
 *   <base>/offers/v1.0/aws/<code>/<version>/<region>/index.json  the offer file: formatVersion, offerCode, version,
 *                                                          publicationDate, products[sku] {sku, productFamily,
 *                                                          attributes}, terms.OnDemand[sku][sku.term] {…priceDimensions}
 *
 * An offer file is read as a stream (stream-json, loaded only here): each product is checked against the queries of
 * the keys asked for (`filters.ts` `matchesQuery`, the Query API's TERM_MATCH, then each key's own `select`, as for a
 * live answer), only the matching products and their OnDemand terms are kept, and the rest is dropped as it passes,
 * so memory stays bounded whatever the file's size (EC2's per-region file is hundreds of MB). Every wait is bounded: a
 * time to the response headers, a longest silence while the body streams, a size cap per file and an overall deadline.
 */
import type { IncomingMessage } from 'node:http';
import { Transform, pipeline, type Readable } from 'node:stream';
import { PricingError } from '../errors';
import { DeadlineError, deadline as makeDeadline } from './fetch-pool';
import { NoProductError, matchesQuery, planKey, type KeyPlan } from './filters';
import { parsePriceListDoc, type PriceListProduct } from './price-list';
import { priceKeyId } from './keys';
import type { Price, PriceKey } from './types';

/** The Bulk API's host (the CLI lets DR_ADVISOR_BULK_URL replace it). */
export const DEFAULT_BULK_URL = 'https://pricing.us-east-1.amazonaws.com';
const SERVICE_INDEX_PATH = '/offers/v1.0/aws/index.json';

/**
 * How each service the models price is read: one file per region (`region_index.json`), or the service's whole
 * offer file (the global services). `small`: the files are small enough for `auto` to read on its own, within a few
 * seconds, when the cache has no price (Route 53 and Global Accelerator are one global file each, with a few dozen
 * products; DRS and data transfer are one small file per region). EC2, RDS, S3, DynamoDB and ELB files run from MBs to
 * hundreds of MBs: only `pricing refresh --source bulk` reads them.
 */
export const OFFER_FILES: Readonly<Record<string, { scope: 'region' | 'whole'; small: boolean }>> = {
  AmazonEC2: { scope: 'region', small: false },
  AmazonRDS: { scope: 'region', small: false },
  AmazonS3: { scope: 'region', small: false },
  AmazonDynamoDB: { scope: 'region', small: false },
  AWSELB: { scope: 'region', small: false },
  AWSDataTransfer: { scope: 'region', small: true },
  AWSElasticDisasterRecovery: { scope: 'region', small: true },
  AmazonRoute53: { scope: 'whole', small: true },
  AWSGlobalAccelerator: { scope: 'whole', small: true },
};

export interface BulkOptions {
  /** Scheme and host of the Bulk API (default {@link DEFAULT_BULK_URL}). */
  baseUrl?: string;
  /** Overall deadline of one resolve, ms. Default 30 min. */
  deadlineMs?: number;
  /** Longest wait for a response's headers, ms. Default 15 s. */
  connectTimeoutMs?: number;
  /** Longest silence while a body streams, ms. Default 30 s. */
  idleTimeoutMs?: number;
  /** Size cap of one offer file, bytes. Default 8 GiB. */
  maxFileBytes?: number;
  /** Size cap of an index file, bytes. Default 32 MiB. */
  maxIndexBytes?: number;
  /** Read only the services {@link OFFER_FILES} marks small (what `auto` may do on its own). */
  smallOnly?: boolean;
  /** Progress while an offer file streams (throttled), and once when it is done. */
  onProgress?: (p: BulkProgress) => void;
  now?: () => Date;
}

export interface BulkProgress {
  service: string;
  region: string;
  /** Bytes of this file read so far, and its size when the server said. */
  bytes: number;
  totalBytes?: number;
  /** Products seen, and products kept (matching a key). */
  products: number;
  kept: number;
  /** Files of this resolve: this is file `file` of `files`. */
  file: number;
  files: number;
  done: boolean;
}

export interface BulkFetchResult {
  prices: Map<string, Price>;
  /** Keys not priced: NoProductError when the offer has no such product (an answer), else why it failed. */
  errors: Map<string, PricingError>;
  /** Keys this reader did not try (`smallOnly` and a large offer file). */
  skipped: Map<string, string>;
  /** HTTP GETs sent, offer-file bytes streamed, products seen and kept. */
  requests: number;
  bytes: number;
  products: number;
  kept: number;
}

class BulkError extends PricingError {}

const MiB = 1024 * 1024;

interface Stage {
  signal: AbortSignal;
  count: () => void;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** One line for a failed request, never a stack. */
function describeBulkError(err: unknown, url: string): string {
  if (err instanceof PricingError) return err.message;
  const e = err as { name?: string; message?: string; code?: string; cause?: { code?: string; message?: string } };
  if (err instanceof DeadlineError || e?.name === 'DeadlineError') return e.message ?? 'timed out';
  const code = e?.cause?.code ?? e?.code;
  if (code) return `cannot reach the AWS Price List Bulk API at ${new URL(url).host} (${code})`;
  if (e?.name === 'TypeError' && e.cause?.message) return `cannot reach the AWS Price List Bulk API at ${new URL(url).host} (${e.cause.message})`;
  return `the AWS Price List Bulk API request for ${url} failed (${e?.name ?? 'error'}${e?.message ? `: ${e.message.split('\n')[0].slice(0, 120)}` : ''})`;
}

export interface BulkSource {
  fetch(keys: readonly PriceKey[]): Promise<BulkFetchResult>;
}

export function createBulkSource(options: BulkOptions = {}): BulkSource {
  const base = (options.baseUrl ?? DEFAULT_BULK_URL).replace(/\/+$/, '');
  const connectMs = options.connectTimeoutMs ?? 15_000;
  const idleMs = options.idleTimeoutMs ?? 30_000;
  const maxFile = options.maxFileBytes ?? 8 * 1024 * MiB;
  const maxIndex = options.maxIndexBytes ?? 32 * MiB;
  const now = options.now ?? (() => new Date());

  /** GET with a time limit on the headers; the body is the caller's (with the same abort signal). Node's own http
   * client, so that the body is a Node stream with backpressure (the socket is read only as fast as it is parsed). */
  async function get(url: string, stage: Stage, cap: number): Promise<{ body: Readable; length?: number }> {
    stage.count();
    const { request } = url.startsWith('https:') ? await import('node:https') : await import('node:http');
    const res = await new Promise<IncomingMessage>((resolve, reject) => {
      const req = request(url, { signal: stage.signal, headers: { accept: 'application/json' } });
      const t = setTimeout(() => req.destroy(new BulkError(`the AWS Price List Bulk API did not answer within ${connectMs / 1000}s (${url})`)), connectMs);
      req.on('response', (r) => {
        clearTimeout(t);
        resolve(r);
      });
      req.on('error', (err) => {
        clearTimeout(t);
        reject(new BulkError(describeBulkError(stage.signal.aborted ? stage.signal.reason : err, url)));
      });
      req.end();
    });
    const status = res.statusCode ?? 0;
    if (status < 200 || status >= 300) {
      res.resume();
      throw new BulkError(`the AWS Price List Bulk API answered HTTP ${status} for ${url}`);
    }
    const lengthText = res.headers['content-length'];
    const length = lengthText && /^\d+$/.test(lengthText) ? Number(lengthText) : undefined;
    if (length !== undefined && length > cap) {
      res.destroy();
      throw new BulkError(`the offer file ${url} is ${Math.round(length / MiB)} MiB, over the ${Math.round(cap / MiB)} MiB cap`);
    }
    // Bytes counted and capped as they arrive; a body that goes silent for idleMs is ended.
    let seen = 0;
    let idle: NodeJS.Timeout | undefined;
    const guard = new Transform({
      transform(chunk: Buffer, _enc, done) {
        seen += chunk.length;
        if (seen > cap) return done(new BulkError(`the offer file ${url} is over the ${Math.round(cap / MiB)} MiB cap`));
        arm();
        done(null, chunk);
      },
      flush(done) {
        clearTimeout(idle);
        done();
      },
    });
    const arm = () => {
      clearTimeout(idle);
      idle = setTimeout(() => {
        const err = new BulkError(`the AWS Price List Bulk API sent nothing for ${idleMs / 1000}s (${url})`);
        res.destroy(err);
        guard.destroy(err);
      }, idleMs);
      idle.unref?.();
    };
    arm();
    res.on('error', (err) => guard.destroy(err instanceof PricingError ? err : new BulkError(describeBulkError(stage.signal.aborted ? stage.signal.reason : err, url))));
    guard.on('close', () => clearTimeout(idle));
    return { body: res.pipe(guard), length };
  }

  async function getJson(url: string, stage: Stage): Promise<Record<string, unknown>> {
    const { body } = await get(url, stage, maxIndex);
    const chunks: Buffer[] = [];
    try {
      for await (const c of body) chunks.push(c as Buffer);
    } catch (err) {
      throw new BulkError(describeBulkError(err, url));
    }
    try {
      const doc = JSON.parse(Buffer.concat(chunks).toString('utf8'));
      if (!isObject(doc)) throw new Error('not an object');
      return doc;
    } catch {
      throw new BulkError(`the AWS Price List Bulk API sent a malformed index ${url}`);
    }
  }

  /** Streams one offer file, keeping the products some plan's query matches, with their OnDemand terms. */
  async function streamOffer(
    url: string,
    service: string,
    region: string,
    plans: KeyPlan[],
    stage: Stage,
    progress: Omit<BulkProgress, 'bytes' | 'totalBytes' | 'products' | 'kept' | 'done' | 'service' | 'region'>,
  ): Promise<{ candidates: Map<KeyPlan, PriceListProduct[]>; bytes: number; products: number; kept: number; publicationDate?: string; version?: string }> {
    const [{ default: streamJson }, { default: pickModule }, { default: valuesModule }] = await Promise.all([
      import('stream-json'),
      import('stream-json/filters/Pick.js'),
      import('stream-json/streamers/StreamValues.js'),
    ]);
    // Index the plans by the field that tells products apart best, so that each product meets a handful of plans.
    const byField = new Map<string, Map<string, KeyPlan[]>>();
    const unindexed: KeyPlan[] = [];
    for (const plan of plans) {
      const f = ['instanceType', 'usagetype', 'productFamily'].map((name) => plan.query.filters.find((x) => x.Field === name)).find(Boolean);
      if (!f) {
        unindexed.push(plan);
        continue;
      }
      const m = byField.get(f.Field) ?? new Map<string, KeyPlan[]>();
      const v = f.Value.toLowerCase();
      m.set(v, [...(m.get(v) ?? []), plan]);
      byField.set(f.Field, m);
    }
    const kept = new Map<string, { raw: Record<string, unknown>; plans: KeyPlan[] }>();
    const terms = new Map<string, Record<string, unknown>>();
    let products = 0;
    let publicationDate: string | undefined;
    let version: string | undefined;
    let inTerms = false;
    const { body, length } = await get(url, stage, maxFile);
    let bytes = 0;
    let last = 0;
    const report = (done: boolean) =>
      options.onProgress?.({ ...progress, service, region, bytes, ...(length !== undefined ? { totalBytes: length } : {}), products, kept: kept.size, done });
    const counter = new Transform({
      transform(chunk: Buffer, _enc, next) {
        bytes += chunk.length;
        const t = Date.now();
        if (t - last >= 200) {
          last = t;
          report(false);
        }
        next(null, chunk);
      },
    });
    const wanted = (stack: readonly (string | number | null)[]): boolean =>
      (stack.length === 2 && stack[0] === 'products') ||
      (stack.length === 3 && stack[0] === 'terms' && stack[1] === 'OnDemand') ||
      (stack.length === 1 && (stack[0] === 'publicationDate' || stack[0] === 'version'));
    const consume = async function* (source: AsyncIterable<{ value: unknown }>) {
      for await (const { value } of source) {
        if (typeof value === 'string') {
          // The two top-level strings picked: publicationDate (an ISO time) and version (14 digits).
          if (/^\d{4}-\d{2}-\d{2}T/.test(value)) publicationDate = value;
          else if (/^\d{14}$/.test(value)) version = value;
          continue;
        }
        if (!isObject(value)) continue;
        if (isObject(value.attributes)) {
          if (inTerms) throw new BulkError(`the offer file ${url} lists products after its terms; cannot read it in one pass`);
          products++;
          const attributes = value.attributes as Record<string, string>;
          const productFamily = typeof value.productFamily === 'string' ? value.productFamily : '';
          const sku = typeof value.sku === 'string' ? value.sku : '';
          const p = { productFamily, attributes };
          const matched: KeyPlan[] = [];
          for (const [field, m] of byField) {
            const v = field === 'productFamily' ? productFamily : attributes[field];
            if (v === undefined) continue;
            for (const plan of m.get(String(v).toLowerCase()) ?? []) if (matchesQuery(plan.query, p, service)) matched.push(plan);
          }
          for (const plan of unindexed) if (matchesQuery(plan.query, p, service)) matched.push(plan);
          if (matched.length && sku) kept.set(sku, { raw: value, plans: matched });
        } else {
          inTerms = true;
          // terms.OnDemand[sku]: { "<sku>.<offerTermCode>": term }; the SKU is the part of a term key before the dot.
          const first = Object.keys(value)[0];
          const sku = first?.split('.')[0];
          if (sku && kept.has(sku)) terms.set(sku, value);
        }
      }
      yield* [];
    };
    try {
      await new Promise<void>((resolve, reject) => {
        pipeline(
          body,
          counter,
          streamJson.parser({ streamValues: false }),
          pickModule.pick({ filter: wanted }),
          valuesModule.streamValues(),
          consume,
          (err) => (err ? reject(err) : resolve()),
        );
      });
    } catch (err) {
      throw new BulkError(err instanceof PricingError ? err.message : /Parser|JSON|token/i.test(String((err as Error)?.message)) ? `the offer file ${url} is not valid JSON` : describeBulkError(err, url));
    }
    report(true);
    const candidates = new Map<KeyPlan, PriceListProduct[]>();
    for (const [sku, { raw, plans: matched }] of kept) {
      const product = parsePriceListDoc({ product: raw, terms: { OnDemand: terms.get(sku) ?? {} }, publicationDate });
      for (const plan of matched) candidates.set(plan, [...(candidates.get(plan) ?? []), product]);
    }
    return { candidates, bytes, products, kept: kept.size, publicationDate, version };
  }

  return {
    async fetch(keys) {
      const result: BulkFetchResult = { prices: new Map(), errors: new Map(), skipped: new Map(), requests: 0, bytes: 0, products: 0, kept: 0 };
      const seconds = Math.round((options.deadlineMs ?? 1_800_000) / 100) / 10;
      const d = makeDeadline(options.deadlineMs ?? 1_800_000, `the AWS Price List Bulk API did not finish within ${seconds}s`);
      const stage: Stage = { signal: d.signal, count: () => result.requests++ };
      try {
        // Plan every key; group the plans by offer file.
        const files = new Map<string, { service: string; region: string; plans: KeyPlan[] }>();
        for (const key of keys) {
          const id = priceKeyId(key);
          let plan: KeyPlan;
          try {
            plan = planKey(key);
          } catch (err) {
            result.errors.set(id, err instanceof PricingError ? err : new PricingError(String(err)));
            continue;
          }
          const service = plan.query.serviceCode;
          const how = OFFER_FILES[service];
          if (!how) {
            result.errors.set(id, new PricingError(`no Bulk API offer file is known for ${service}`));
            continue;
          }
          if (options.smallOnly && !how.small) {
            result.skipped.set(id, `the ${service} offer files are large; \`dr-advisor pricing refresh --source bulk\` reads them`);
            continue;
          }
          const region = how.scope === 'whole' ? 'global' : key.region;
          const fk = `${service}|${region}`;
          const group = files.get(fk) ?? { service, region, plans: [] };
          group.plans.push(plan);
          files.set(fk, group);
        }
        if (files.size === 0) return result;
        const fail = (plans: KeyPlan[], err: PricingError) => {
          for (const p of plans) result.errors.set(p.keyId, err);
        };
        let index: Record<string, unknown>;
        try {
          index = await getJson(`${base}${SERVICE_INDEX_PATH}`, stage);
        } catch (err) {
          const e = err instanceof PricingError ? err : new PricingError(String(err));
          for (const g of files.values()) fail(g.plans, e);
          return result;
        }
        const offers = isObject(index.offers) ? index.offers : {};
        const regionIndexes = new Map<string, Record<string, unknown> | PricingError>();
        const groups = [...files.values()];
        let n = 0;
        for (const g of groups) {
          n++;
          if (d.signal.aborted) {
            fail(g.plans, new BulkError(describeBulkError(d.signal.reason, base)));
            continue;
          }
          try {
            const offer = offers[g.service];
            if (!isObject(offer)) throw new NoProductError(`the AWS Price List Bulk API lists no ${g.service} offer`);
            let path: unknown;
            if (g.region === 'global') {
              path = offer.currentVersionUrl;
            } else {
              let ri = regionIndexes.get(g.service);
              if (!ri) {
                try {
                  ri = await getJson(`${base}${String(offer.currentRegionIndexUrl)}`, stage);
                } catch (err) {
                  ri = err instanceof PricingError ? err : new PricingError(String(err));
                }
                regionIndexes.set(g.service, ri);
              }
              if (ri instanceof PricingError) throw ri;
              const regions = isObject(ri.regions) ? ri.regions : {};
              const entry = regions[g.region];
              if (!isObject(entry)) throw new NoProductError(`the AWS Price List Bulk API has no ${g.service} offer file for ${g.region}`);
              path = entry.currentVersionUrl;
            }
            if (typeof path !== 'string' || !path.startsWith('/')) throw new BulkError(`the AWS Price List Bulk API index gives no file for ${g.service} ${g.region}`);
            const read = await streamOffer(`${base}${path}`, g.service, g.region, g.plans, stage, { file: n, files: groups.length });
            result.bytes += read.bytes;
            result.products += read.products;
            result.kept += read.kept;
            const fetchedAt = now().toISOString();
            for (const plan of g.plans) {
              try {
                const { product, price } = plan.select(read.candidates.get(plan) ?? []);
                const effective = product.onDemand[0]?.effectiveDate;
                const published = read.publicationDate ?? product.publicationDate;
                result.prices.set(plan.keyId, {
                  ...price,
                  source: 'bulk',
                  asOf: (published ?? effective ?? fetchedAt).slice(0, 10),
                  sku: product.sku,
                  ...(published ? { publicationDate: published } : {}),
                  fetchedAt,
                  origin: `AWS Price List Bulk API (${g.service}${read.version ? ` ${read.version}` : ''})`,
                });
              } catch (err) {
                result.errors.set(plan.keyId, err instanceof PricingError ? err : new PricingError(String(err)));
              }
            }
          } catch (err) {
            fail(g.plans, err instanceof PricingError ? err : new BulkError(describeBulkError(err, base)));
          }
        }
        return result;
      } finally {
        d.cancel();
      }
    },
  };
}

/**
 * Reading one Price List `GetProducts` item (FormatVersion aws_v1, reference/pricing.md §1.3).
 *
 * The SDK hands each `PriceList` element back as a `LazyJsonString` (a boxed String), a replay fixture as a plain
 * string: `JSON.parse(String(item))` reads both. Only `terms.OnDemand` in USD is read; free-tier dimensions are
 * skipped; several dimensions become tiers by `beginRange`/`endRange`. Anything that does not look like a price is a
 * PricingError, never a zero.
 */
import { PricingError } from '../errors';
import type { PriceTier } from './types';

/** One priced dimension of the OnDemand term. */
export interface PriceDimension {
  unit: string;
  beginRange: number;
  endRange: number | null;
  usd: number;
  description: string;
  rateCode?: string;
}

/** A product from the Price List, reduced to what selecting and pricing needs. */
export interface PriceListProduct {
  sku: string;
  productFamily: string;
  attributes: Record<string, string>;
  publicationDate?: string;
  /** OnDemand terms: one per offer term (normally exactly one). */
  onDemand: { offerTermCode: string; effectiveDate?: string; dimensions: PriceDimension[] }[];
}

export interface SelectedPrice {
  unitPrice: number;
  unit: string;
  tiers?: PriceTier[];
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function parseRange(text: unknown, what: string, sku: string): number | null {
  if (text === undefined || text === null || text === '') return what === 'beginRange' ? 0 : null;
  const s = String(text);
  if (s === 'Inf') return null;
  const n = Number(s);
  if (!Number.isFinite(n) || n < 0) throw new PricingError(`malformed Price List item ${sku}: ${what} is "${s}"`);
  return n;
}

/** Parses one `PriceList` element (string or LazyJsonString). Throws PricingError on anything malformed. */
export function parsePriceListItem(item: unknown): PriceListProduct {
  let doc: unknown;
  const text = String(item);
  try {
    doc = JSON.parse(text);
  } catch {
    throw new PricingError(`malformed Price List item (not JSON): ${text.slice(0, 60)}${text.length > 60 ? '…' : ''}`);
  }
  return parsePriceListDoc(doc);
}

/**
 * Reads one parsed item `{ product, terms: { OnDemand }, publicationDate }`: the shape of a Query API `PriceList`
 * element, and what the Bulk API reader assembles from an offer file's `products[sku]` and `terms.OnDemand[sku]`.
 * Throws PricingError on anything malformed.
 */
export function parsePriceListDoc(doc: unknown): PriceListProduct {
  if (!isObject(doc) || !isObject(doc.product) || !isObject(doc.product.attributes)) {
    throw new PricingError('malformed Price List item: no product.attributes');
  }
  const product = doc.product;
  const sku = typeof product.sku === 'string' ? product.sku : '';
  if (!sku) throw new PricingError('malformed Price List item: no product.sku');
  const attributes: Record<string, string> = {};
  for (const [k, v] of Object.entries(product.attributes as Record<string, unknown>)) attributes[k] = String(v);
  const terms = isObject(doc.terms) ? doc.terms : {};
  const onDemandTerms = isObject(terms.OnDemand) ? terms.OnDemand : {};
  const onDemand: PriceListProduct['onDemand'] = [];
  for (const [termKey, term] of Object.entries(onDemandTerms)) {
    if (!isObject(term) || !isObject(term.priceDimensions)) {
      throw new PricingError(`malformed Price List item ${sku}: OnDemand term ${termKey} has no priceDimensions`);
    }
    const dimensions: PriceDimension[] = [];
    for (const [rateKey, dim] of Object.entries(term.priceDimensions)) {
      if (!isObject(dim)) throw new PricingError(`malformed Price List item ${sku}: dimension ${rateKey}`);
      const ppu = isObject(dim.pricePerUnit) ? dim.pricePerUnit : {};
      if (ppu.USD === undefined) continue; // not a USD price (e.g. CNY in the China partition)
      const usd = Number(String(ppu.USD));
      if (String(ppu.USD).trim() === '' || !Number.isFinite(usd) || usd < 0) {
        throw new PricingError(`malformed Price List item ${sku}: USD price is "${String(ppu.USD)}"`);
      }
      dimensions.push({
        unit: String(dim.unit ?? ''),
        beginRange: parseRange(dim.beginRange, 'beginRange', sku) ?? 0,
        endRange: parseRange(dim.endRange, 'endRange', sku),
        usd,
        description: String(dim.description ?? ''),
        rateCode: typeof dim.rateCode === 'string' ? dim.rateCode : rateKey,
      });
    }
    onDemand.push({
      offerTermCode: String(term.offerTermCode ?? termKey),
      effectiveDate: typeof term.effectiveDate === 'string' ? term.effectiveDate : undefined,
      dimensions,
    });
  }
  return {
    sku,
    productFamily: typeof product.productFamily === 'string' ? product.productFamily : '',
    attributes,
    publicationDate: typeof doc.publicationDate === 'string' ? doc.publicationDate : undefined,
    onDemand,
  };
}

/** A free-tier dimension: "$0.00 per GB-Month of storage for first 25 free GB-Months", "first 50 health checks free". */
export function isFreeTierDimension(d: PriceDimension): boolean {
  return d.usd === 0 && /free/i.test(d.description);
}

/**
 * Turns a product's OnDemand USD dimensions into a price in `expectedUnit`. `unitFactors` maps other unit names the
 * Price List may use to the factor that converts them (e.g. a "per million requests" unit → 1e-6).
 */
export function selectOnDemandPrice(
  product: PriceListProduct,
  expectedUnit: string,
  unitFactors: Readonly<Record<string, number>> = {},
): SelectedPrice {
  if (product.onDemand.length === 0) throw new PricingError(`product ${product.sku} has no OnDemand term`);
  if (product.onDemand.length > 1) {
    throw new PricingError(`product ${product.sku} has ${product.onDemand.length} OnDemand terms; refusing to guess`);
  }
  const paid = product.onDemand[0].dimensions.filter((d) => !isFreeTierDimension(d));
  if (paid.length === 0) throw new PricingError(`product ${product.sku} has no paid OnDemand USD price`);
  const factorOf = (unit: string): number => {
    if (unit === expectedUnit) return 1;
    const f = unitFactors[unit];
    if (f === undefined) {
      throw new PricingError(`product ${product.sku} is priced per "${unit}", expected "${expectedUnit}"`);
    }
    return f;
  };
  const sorted = [...paid].sort((a, b) => a.beginRange - b.beginRange);
  // Tiers must not overlap: two dimensions covering the same range would be a guess.
  for (let i = 1; i < sorted.length; i++) {
    const prevEnd = sorted[i - 1].endRange;
    if (prevEnd === null || prevEnd > sorted[i].beginRange) {
      throw new PricingError(`product ${product.sku} has overlapping price dimensions; refusing to guess`);
    }
  }
  const converted = sorted.map((d) => {
    const f = factorOf(d.unit);
    // Ranges are in the Price List's unit: convert them the other way (per-million ranges → per-request ranges).
    return {
      from: d.beginRange / f,
      to: d.endRange === null ? null : d.endRange / f,
      unitPrice: roundPrice(d.usd * f),
    };
  });
  if (converted.length === 1) return { unitPrice: converted[0].unitPrice, unit: expectedUnit };
  return { unitPrice: converted[0].unitPrice, unit: expectedUnit, tiers: converted };
}

/** Removes binary noise from a unit conversion (0.2 × 1e-6 → 2e-7, not 1.9999999999999999e-7). */
function roundPrice(n: number): number {
  return Number(n.toPrecision(12));
}

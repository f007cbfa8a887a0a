/**
 * The one step that multiplies: a cost line's quantity (hourly quantities become a month of 730 h here and nowhere
 * else) times its price, with tiers, less the discounts the workload states (the only place they are applied). Pure.
 * A missing price is an error, never zero.
 *
 * Discounts (workload `pricing`): a Savings Plan / Reserved Instance rate per service (% off on-demand: `ec2` for EC2
 * instance hours, `rds` for RDS and Aurora instance hours), then an enterprise discount (EDP/PPA, % off everything),
 * which AWS applies to the spend left after the savings: paid = list × (1 − savings) × (1 − enterprise). Without a
 * `pricing` block every figure is the list price.
 */
import { PricingError } from '../errors';
import { HOURS_PER_MONTH } from '../model/time';
import { cents } from '../text/format';
import type { CostLine } from '../strategies/types';
import { priceKeyId } from '../pricing/keys';
import { SERVICES } from '../pricing/services';
import type { Price, PriceService, PriceSource } from '../pricing/types';

/** The discounts a workload states (workload schema `pricing`), in percent. */
export interface Discounts {
  enterpriseDiscountPct?: number;
  savingsPct?: { ec2?: number; rds?: number };
}

/** Which savings rate applies to a price service: instance hours only (Savings Plans and RIs cover nothing else). */
const SAVINGS_OF: Partial<Record<PriceService, 'ec2' | 'rds'>> = { 'ec2.instance': 'ec2', 'rds.instance': 'rds' };

/** The combined discount on a service, as a fraction (0.3 = 30 % off), and what it is made of ("EC2 savings 30%"). */
export function discountOn(service: PriceService, d: Discounts | undefined): { fraction: number; basis: string[] } {
  const basis: string[] = [];
  const kind = SAVINGS_OF[service];
  const savings = kind ? (d?.savingsPct?.[kind] ?? 0) : 0;
  if (kind && savings > 0) basis.push(`${kind === 'ec2' ? 'EC2' : 'RDS'} savings ${savings}%`);
  const edp = d?.enterpriseDiscountPct ?? 0;
  if (edp > 0) basis.push(`enterprise discount ${edp}%`);
  return { fraction: discountFraction(service, d), basis };
}

/** {@link discountOn}'s fraction alone (no words: `check` prices every line of every file, issue 17). */
export function discountFraction(service: PriceService, d: Discounts | undefined): number {
  if (d === undefined) return 0;
  let keep = 1;
  const kind = SAVINGS_OF[service];
  const savings = kind ? (d.savingsPct?.[kind] ?? 0) : 0;
  if (kind && savings > 0) keep *= 1 - savings / 100;
  const edp = d.enterpriseDiscountPct ?? 0;
  if (edp > 0) keep *= 1 - edp / 100;
  return sig(1 - keep);
}

/** Twelve significant digits: removes binary noise (0.0225 × 730 / 730 = 0.022500000000000003) from computed
 * figures without changing a real one. */
export function sig(x: number): number {
  // An integer of at most 12 digits is its own 12-digit rounding (most quantities: hours × servers, GB).
  if (Number.isInteger(x) && x < 1e12 && x > -1e12) return x;
  return x === 0 || !Number.isFinite(x) ? x : Number(x.toPrecision(12));
}

export interface LineItem {
  component: string;
  /** The tier or data store the line belongs to, when the workload names its parts (list form). */
  part?: string;
  region: string;
  service: string;
  usage: string;
  /** Monthly quantity in `unit`. */
  quantity: number;
  unit: string;
  /** Effective unit price paid (blended over tiers, after the stated discounts), 12 significant digits. */
  unitPrice: number;
  /** What the team pays per month (the list price less the stated discounts). */
  monthlyCost: number;
  /** Present when a stated discount applies: the list figures and the discount. */
  discount?: { pct: number; basis: string[]; listUnitPrice: number; listMonthlyCost: number };
  estimated: boolean;
  priceKey: string;
  price: { source: PriceSource; asOf: string; sku?: string; fetchedAt?: string; publicationDate?: string; origin?: string; estimated?: boolean };
}

export function monthlyQuantity(line: CostLine): number {
  return line.monthlyQuantity ?? (line.hourlyQuantity ?? 0) * HOURS_PER_MONTH;
}

/** Cost of a quantity under a (possibly tiered) price. */
export function tieredCost(price: Price, quantity: number): number {
  if (!price.tiers || price.tiers.length === 0) return quantity * price.unitPrice;
  let cost = 0;
  for (const tier of price.tiers) {
    if (quantity <= tier.from) break;
    const upper = tier.to === null ? quantity : Math.min(quantity, tier.to);
    cost += (upper - tier.from) * tier.unitPrice;
  }
  return cost;
}

/** What pricing a line works out ({@link costLine}). */
interface LineCost {
  id: string;
  price: Price;
  quantity: number;
  listMonthlyCost: number;
  listUnitPrice: number;
  fraction: number;
  monthlyCost: number;
}

/** The figures of a priced line, the one computation behind {@link priceLine} and {@link priceLineFigures}. */
function costLine(line: CostLine, prices: ReadonlyMap<string, Price>, discounts: Discounts | undefined, id: string): LineCost {
  const price = prices.get(id);
  if (!price) throw new PricingError(`no price for ${id} (${line.component} in ${line.region})`);
  const quantity = sig(monthlyQuantity(line));
  const listMonthlyCost = tieredCost(price, quantity);
  const fraction = discountFraction(line.key.service, discounts);
  const listUnitPrice = sig(quantity > 0 ? listMonthlyCost / quantity : price.unitPrice);
  return { id, price, quantity, listMonthlyCost, listUnitPrice, fraction, monthlyCost: listMonthlyCost * (1 - fraction) };
}

export function priceLine(line: CostLine, prices: ReadonlyMap<string, Price>, discounts?: Discounts): LineItem {
  const c = costLine(line, prices, discounts, priceKeyId(line.key));
  const { price, fraction, listUnitPrice, listMonthlyCost } = c;
  // Built field by field, in the order reports print them (optional fields only when present), without spreads.
  const item = { component: line.component } as LineItem;
  if (line.part !== undefined) item.part = line.part;
  item.region = line.region;
  item.service = line.service ?? SERVICES[line.key.service].displayName;
  item.usage = line.usage;
  item.quantity = c.quantity;
  item.unit = price.unit;
  item.unitPrice = fraction > 0 ? sig(listUnitPrice * (1 - fraction)) : listUnitPrice;
  item.monthlyCost = c.monthlyCost;
  if (fraction > 0) item.discount = { pct: sig(fraction * 100), basis: discountOn(line.key.service, discounts).basis, listUnitPrice, listMonthlyCost };
  item.estimated = Boolean(price.estimated);
  item.priceKey = c.id;
  const provenance: LineItem['price'] = { source: price.source, asOf: price.asOf };
  if (price.sku) provenance.sku = price.sku;
  if (price.fetchedAt) provenance.fetchedAt = price.fetchedAt;
  if (price.publicationDate) provenance.publicationDate = price.publicationDate;
  if (price.origin) provenance.origin = price.origin;
  if (price.estimated) provenance.estimated = true;
  item.price = provenance;
  return item;
}

/** What `check` reads of a priced line (evaluateForCheck): {@link priceLine}'s figures, to the bit, without its words. */
export interface LineFigures {
  priceKey: string;
  monthlyCost: number;
  unitPrice: number;
  estimated: boolean;
}

export function priceLineFigures(line: CostLine, prices: ReadonlyMap<string, Price>, discounts?: Discounts, id = priceKeyId(line.key)): LineFigures {
  const c = costLine(line, prices, discounts, id);
  return {
    priceKey: c.id,
    monthlyCost: c.monthlyCost,
    unitPrice: c.fraction > 0 ? sig(c.listUnitPrice * (1 - c.fraction)) : c.listUnitPrice,
    estimated: Boolean(c.price.estimated),
  };
}

/** The item as reports show it: monthly figures rounded to cents. */
export function roundLineItem(i: LineItem): LineItem {
  return { ...i, monthlyCost: cents(i.monthlyCost), ...(i.discount ? { discount: { ...i.discount, listMonthlyCost: cents(i.discount.listMonthlyCost) } } : {}) };
}

export function sumCost(items: readonly { monthlyCost: number }[]): number {
  return items.reduce((s, i) => s + i.monthlyCost, 0);
}

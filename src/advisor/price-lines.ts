/**
 * The one step that multiplies: a cost line's quantity (hourly quantities become a month of 730 h here and nowhere
 * else) times its price, with tiers. Pure. A missing price is an error, never zero.
 */
import { PricingError } from '../errors';
import { HOURS_PER_MONTH } from '../model/time';
import type { CostLine } from '../strategies/types';
import { priceKeyId } from '../pricing/keys';
import { SERVICES } from '../pricing/services';
import type { Price, PriceSource } from '../pricing/types';

export interface LineItem {
  component: string;
  region: string;
  service: string;
  usage: string;
  /** Monthly quantity in `unit`. */
  quantity: number;
  unit: string;
  /** Effective unit price (blended over tiers), full precision. */
  unitPrice: number;
  monthlyCost: number;
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

export function priceLine(line: CostLine, prices: ReadonlyMap<string, Price>): LineItem {
  const id = priceKeyId(line.key);
  const price = prices.get(id);
  if (!price) throw new PricingError(`no price for ${id} (${line.component} in ${line.region})`);
  const quantity = monthlyQuantity(line);
  const monthlyCost = tieredCost(price, quantity);
  return {
    component: line.component,
    region: line.region,
    service: line.service ?? SERVICES[line.key.service].displayName,
    usage: line.usage,
    quantity,
    unit: price.unit,
    unitPrice: quantity > 0 ? monthlyCost / quantity : price.unitPrice,
    monthlyCost,
    estimated: Boolean(price.estimated),
    priceKey: id,
    price: {
      source: price.source,
      asOf: price.asOf,
      ...(price.sku ? { sku: price.sku } : {}),
      ...(price.fetchedAt ? { fetchedAt: price.fetchedAt } : {}),
      ...(price.publicationDate ? { publicationDate: price.publicationDate } : {}),
      ...(price.origin ? { origin: price.origin } : {}),
      ...(price.estimated ? { estimated: true } : {}),
    },
  };
}

export function sumCost(items: readonly { monthlyCost: number }[]): number {
  return items.reduce((s, i) => s + i.monthlyCost, 0);
}

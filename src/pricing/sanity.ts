/**
 * Is this a plausible price? Checked on every price read from the cache (a shared cache directory may hold anything)
 * and on every live answer, so that no zero, no `$∞` and no silent near-zero reaches a figure.
 *
 * - Every unit price, and every tier's, is finite and within [{@link MIN_UNIT_PRICE}, {@link MAX_UNIT_PRICE}] USD
 *   per unit. The smallest real unit prices the models use are per request (DynamoDB on-demand reads, $0.125 per
 *   million = 1.25e-7 in us-east-1, https://aws.amazon.com/dynamodb/pricing/on-demand/); the largest are the biggest
 *   EC2 instances (u7in-32tb.224xlarge, about $361/hour in us-east-1, https://aws.amazon.com/ec2/pricing/on-demand/).
 *   The band leaves two orders of magnitude below and nearly two above.
 * - Tiers run upwards without overlap (a gap before the first tier is a free allowance the Price List lists as a
 *   $0 dimension), each has a plausible price, and the first tier's price is the price's `unitPrice`.
 * - {@link SNAPSHOT_BAND}: a cached price must lie within 0.2×–5× of the bundled snapshot's price for the same key,
 *   when the snapshot has one. AWS list prices move by tens of percent, not by a factor of five; the regional
 *   spread of one price is under 2× across the commercial regions the snapshot covers. A price outside the band is
 *   a unit slip (per million read as per request), a poisoned file or a bug, and is not used.
 */
import type { Price, PriceTier } from './types';

/** USD per unit: a unit price below this is refused (see the module comment). */
export const MIN_UNIT_PRICE = 1e-9;
/** USD per unit: a unit price above this is refused. */
export const MAX_UNIT_PRICE = 1e4;

/** The sanity band around the bundled snapshot's price: a cached price outside [low × snapshot, high × snapshot] is
 * not used (it is refetched live, or the snapshot prices the key), and the warning names both figures. */
export const SNAPSHOT_BAND = { low: 0.2, high: 5 } as const;

function isNumber(x: unknown): x is number {
  return typeof x === 'number' && Number.isFinite(x);
}

/** Why this unit price is not plausible, or undefined when it is. */
export function unitPriceProblem(unitPrice: unknown): string | undefined {
  if (typeof unitPrice !== 'number' || Number.isNaN(unitPrice)) return 'bad unitPrice';
  if (unitPrice === 0) return 'zero price';
  if (!Number.isFinite(unitPrice) || unitPrice < 0) return 'bad unitPrice';
  if (unitPrice < MIN_UNIT_PRICE) return `unit price ${unitPrice} is below ${MIN_UNIT_PRICE}`;
  if (unitPrice > MAX_UNIT_PRICE) return `unit price ${unitPrice} is above ${MAX_UNIT_PRICE}`;
  return undefined;
}

/** Why these tiers are not plausible for a price of `unitPrice`, or undefined when they are. */
export function tiersProblem(unitPrice: number, tiers: unknown): string | undefined {
  if (!Array.isArray(tiers) || tiers.length === 0) return 'bad tiers';
  let end: number | null = 0;
  for (const t of tiers as PriceTier[]) {
    if (typeof t !== 'object' || t === null || !isNumber(t.from) || !(t.to === null || isNumber(t.to))) return 'bad tiers';
    if (end === null || t.from < end || (t.to !== null && t.to <= t.from)) return 'bad tiers';
    const problem = unitPriceProblem(t.unitPrice);
    if (problem) return problem === 'zero price' ? 'zero price' : `bad tiers (${problem})`;
    end = t.to;
  }
  if ((tiers as PriceTier[])[0].unitPrice !== unitPrice) return 'bad tiers (the first tier is not the unit price)';
  return undefined;
}

/** Why this price is not plausible (unit price and tiers), or undefined. */
export function priceProblem(price: Pick<Price, 'unitPrice' | 'tiers'>): string | undefined {
  return unitPriceProblem(price.unitPrice) ?? (price.tiers !== undefined ? tiersProblem(price.unitPrice, price.tiers) : undefined);
}

/** Why `price` is implausible next to the snapshot's `reference` for the same key, or undefined. */
export function bandProblem(price: Pick<Price, 'unitPrice'>, reference: Pick<Price, 'unitPrice'>): string | undefined {
  const ratio = price.unitPrice / reference.unitPrice;
  if (ratio >= SNAPSHOT_BAND.low && ratio <= SNAPSHOT_BAND.high) return undefined;
  return `unit price ${price.unitPrice} is outside ${SNAPSHOT_BAND.low}×–${SNAPSHOT_BAND.high}× the bundled snapshot's ${reference.unitPrice}`;
}

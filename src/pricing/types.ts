/**
 * The pricing contract. A strategy model never sees a price: it emits cost lines that name a {@link PriceKey} and a
 * quantity. A {@link PriceBook} turns keys into {@link Price}s (plan, then fetch), and one pure step multiplies.
 */
import type { PriceKey } from './keys';

/** The key and service types live with their tables (`keys.ts`, `services.ts`); named here as part of the contract. */
export type { PriceKey } from './keys';
export type { PriceService } from './services';

/** One tier of a tiered price, in the price's unit: [from, to) with `to` null for "and above". */
export interface PriceTier {
  from: number;
  to: number | null;
  unitPrice: number;
}

/** Where a price came from: the bundled snapshot, the cache (of an earlier live or bulk fetch), the Price List Query
 * API (`live`, needs credentials) or the public Price List Bulk API offer files (`bulk`, no credentials). */
export type PriceSource = 'snapshot' | 'cache' | 'live' | 'bulk';

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

/** A key a book could not price, and why. */
export interface MissingPrice {
  key: PriceKey;
  /** `priceKeyId(key)`. */
  id: string;
  /**
   * - `not-held`: this book has no price for the key (not in the snapshot; no usable cache entry);
   * - `no-product`: the source answered that there is no such product (the Price List returned none): an answer,
   *   which the cache remembers as long as a price;
   * - `failed`: the source could not answer (network, throttling, deadline, a malformed or ambiguous answer).
   */
  kind: 'not-held' | 'no-product' | 'failed';
  /** One line in plain words: what is missing and why. */
  reason: string;
  /** For a remembered `no-product` answer: when it was given (ISO). */
  fetchedAt?: string;
}

/**
 * What a diagnostic is about. The CLI groups them by kind (it never reads `text` back):
 * - `source`: where the prices came from and how old they are (one line);
 * - `live-unavailable`: the same line when live pricing was not tried (no AWS credentials), naming the fallback;
 * - `live-failed`: the same line when live pricing failed for some prices, naming the fallback;
 * - `estimated`: prices derived by one rule (one line per rule);
 * - `cache-corrupt`: cache entries that cannot be used and will be rebuilt (one line for all of them);
 * - `cache-write`: prices that could not be written to the cache.
 */
export type DiagnosticKind = 'source' | 'live-unavailable' | 'live-failed' | 'estimated' | 'cache-corrupt' | 'cache-write';

export interface Diagnostic {
  kind: DiagnosticKind;
  /** How many prices (or cache entries) it concerns. */
  count: number;
  /** The snapshot rule id, for `estimated`. */
  rule?: string;
  /**
   * The price-key ids concerned: for `source` and `live-unavailable` every key the line accounts for, for
   * `live-failed` the keys live pricing failed for, for `estimated` the keys priced by the rule, for the cache
   * kinds the entries concerned.
   */
  keys: string[];
  /** The line as printed on stderr (after "warning: ") and kept in JSON `pricing.warnings`. */
  text: string;
}

/**
 * What a PriceBook answers for a batch of keys: every distinct key is either in `prices` (by its id) or in
 * `missing`, never both and never dropped. Books do not throw for a key they cannot price; they name it in `missing`,
 * so that a policy can ask the next book.
 */
export interface PriceResolution {
  prices: Map<string, Price>;
  missing: MissingPrice[];
  /** Which source was used, how old, what was estimated, what went wrong on the way. */
  diagnostics: Diagnostic[];
}

/**
 * The one pricing interface. Implementations: the snapshot (bundled file), the cache (XDG dir), live (Price List
 * API), and the policy that composes them (`index.ts`). A price is never zero: a book that cannot price a key names
 * it in `missing`, and a book that derives a price by a rule flags it `estimated`.
 */
export interface PriceBook {
  readonly name: string;
  resolve(keys: readonly PriceKey[]): Promise<PriceResolution>;
}

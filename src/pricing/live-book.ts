/**
 * The AWS Price List Query API as a PriceBook, over the SDK plumbing of `live.ts` (plan, then fetch: distinct queries,
 * a rate-limited pool, one deadline). A key the Price List has no product for is named missing with kind
 * `no-product` (an answer the cache remembers); a key that could not be fetched is `failed`, with the reason in
 * plain words. Prices carry source `live`, the SKU, the publication date and fetchedAt.
 */
import { NoProductError } from './filters';
import { priceKeyId } from './keys';
import { createLiveSource, type LiveOptions, type LiveProgress } from './live';
import type { MissingPrice, PriceBook, PriceResolution } from './types';

export interface LiveBookOptions extends LiveOptions {
  /** Called as queries complete: `done` of `total` distinct queries. */
  onProgress?: (p: LiveProgress) => void;
}

export interface LiveBook extends PriceBook {
  /** True when the SDK's default credential chain resolves. Prints nothing. */
  hasCredentials(): Promise<boolean>;
  /** GetProducts calls sent so far (pages included, SDK retries not). */
  readonly requests: number;
  destroy(): void;
}

export async function createLiveBook(options: LiveBookOptions = {}): Promise<LiveBook> {
  const { onProgress, ...liveOptions } = options;
  const source = await createLiveSource(liveOptions);
  const now = options.now ?? (() => new Date());
  let requests = 0;
  return {
    name: 'live',
    get requests() {
      return requests;
    },
    hasCredentials: () => source.hasCredentials(),
    async resolve(keys): Promise<PriceResolution> {
      const result = await source.fetch(keys, onProgress);
      requests += result.requests;
      const answeredAt = now().toISOString();
      const byId = new Map(keys.map((k) => [priceKeyId(k), k]));
      const missing: MissingPrice[] = [...result.errors].map(([id, err]) =>
        err instanceof NoProductError
          ? { key: byId.get(id)!, id, kind: 'no-product', reason: err.message, fetchedAt: answeredAt }
          : { key: byId.get(id)!, id, kind: 'failed', reason: err.message },
      );
      return { prices: result.prices, missing, diagnostics: [] };
    },
    destroy: () => source.destroy(),
  };
}

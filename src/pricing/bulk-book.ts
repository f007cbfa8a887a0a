/**
 * The public AWS Price List Bulk API as a PriceBook (over `bulk.ts`): no credentials. A key whose offer file has no
 * product for it is missing with kind `no-product` (an answer the cache remembers as long as a price); a key whose
 * file could not be read is `failed`; a key this book was told not to read (a large file in `auto`) is `not-held`.
 * Prices carry source `bulk`, the SKU, the offer's publication date and fetchedAt.
 */
import { NoProductError } from './filters';
import { priceKeyId } from './keys';
import { createBulkSource, type BulkOptions } from './bulk';
import type { MissingPrice, PriceBook, PriceResolution } from './types';

export interface BulkBook extends PriceBook {
  /** HTTP GETs sent, offer-file bytes streamed, products seen and kept, so far. */
  readonly stats: { requests: number; bytes: number; products: number; kept: number };
}

export function createBulkBook(options: BulkOptions = {}): BulkBook {
  const source = createBulkSource(options);
  const now = options.now ?? (() => new Date());
  const stats = { requests: 0, bytes: 0, products: 0, kept: 0 };
  return {
    name: 'bulk',
    stats,
    async resolve(keys): Promise<PriceResolution> {
      const r = await source.fetch(keys);
      stats.requests += r.requests;
      stats.bytes += r.bytes;
      stats.products += r.products;
      stats.kept += r.kept;
      const answeredAt = now().toISOString();
      const byId = new Map(keys.map((k) => [priceKeyId(k), k]));
      const missing: MissingPrice[] = [
        ...[...r.errors].map(([id, err]): MissingPrice =>
          err instanceof NoProductError
            ? { key: byId.get(id)!, id, kind: 'no-product', reason: err.message, fetchedAt: answeredAt }
            : { key: byId.get(id)!, id, kind: 'failed', reason: err.message },
        ),
        ...[...r.skipped].map(([id, reason]): MissingPrice => ({ key: byId.get(id)!, id, kind: 'not-held', reason })),
      ];
      return { prices: r.prices, missing, diagnostics: [] };
    },
  };
}

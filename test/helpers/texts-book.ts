/**
 * The tests written before every source became a PriceBook read a resolution as `{ prices, warnings }` and expected a
 * PricingError for a key no book could price. This view gives them that over the new contract: `warnings` are the
 * diagnostics' texts (exactly what JSON `pricing.warnings` carries), and missing keys throw the policy's PricingError
 * (`requirePrices`). Their assertions stay as they were.
 */
import { createPriceBook as createPolicyBook, requirePrices, type PricingOptions } from '../../src/pricing/index';
import type { Diagnostic, Price, PriceBook, PriceKey } from '../../src/pricing/types';

export interface TextsResolution {
  prices: Map<string, Price>;
  warnings: string[];
  diagnostics: Diagnostic[];
}

export interface TextsBook {
  readonly name: string;
  resolve(keys: readonly PriceKey[]): Promise<TextsResolution>;
}

export function withWarnings(book: PriceBook): TextsBook {
  return {
    name: book.name,
    async resolve(keys) {
      const r = await book.resolve(keys);
      return { prices: requirePrices(r), warnings: r.diagnostics.map((d) => d.text), diagnostics: r.diagnostics };
    },
  };
}

/** The policy book (src/pricing/index.ts), seen through {@link withWarnings}. */
export async function createPriceBook(options: PricingOptions): Promise<TextsBook> {
  return withWarnings(await createPolicyBook(options));
}

/** formatUsd no longer goes through Intl (start-up); it must print exactly what toLocaleString('en-US') printed. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatUsd } from '../../src/text/format';

function viaIntl(usd: number): string {
  const abs = Math.abs(usd);
  const digits = abs >= 10000 ? 0 : 2;
  return `${usd < 0 ? '-' : ''}$${abs.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits })}`;
}

describe('formatUsd', () => {
  it('hand-picked values, including ties that toFixed would round down', () => {
    expect(formatUsd(0)).toBe('$0.00');
    expect(formatUsd(1.005)).toBe('$1.01');
    expect(formatUsd(0.015)).toBe('$0.02');
    expect(formatUsd(-12.345)).toBe('-$12.35');
    expect(formatUsd(9999.995)).toBe('$10,000.00');
    expect(formatUsd(10000)).toBe('$10,000');
    expect(formatUsd(1234567.5)).toBe('$1,234,568');
    expect(formatUsd(1e22)).toBe(viaIntl(1e22));
    expect(formatUsd(Infinity)).toBe(viaIntl(Infinity));
  });

  it('matches toLocaleString for any double', () => {
    fc.assert(
      fc.property(fc.oneof(fc.double({ noNaN: false }), fc.integer({ min: -1e9, max: 1e9 }).map((c) => c / 1000), fc.integer({ min: 0, max: 1e7 }).map((c) => c / 200)), (x) => {
        expect(formatUsd(x)).toBe(viaIntl(x));
      }),
      { numRuns: 20_000 },
    );
  });
});

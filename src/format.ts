/** Human formatting of money, durations and percentages: one place, used by reasons and every renderer. */
export { formatDuration } from './workload/duration';

/** $1,234.56 (cents always shown below $10,000; whole dollars above). */
export function formatUsd(usd: number): string {
  const abs = Math.abs(usd);
  const digits = abs >= 10000 ? 0 : 2;
  const s = abs.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
  return `${usd < 0 ? '-' : ''}$${s}`;
}

/** A signed delta: +$12.30 / -$4.00. */
export function formatUsdDelta(usd: number): string {
  return `${usd >= 0 ? '+' : '-'}${formatUsd(Math.abs(usd))}`;
}

export function formatPct(ratio: number, digits = 0): string {
  return `${(ratio * 100).toFixed(digits)}%`;
}

/** Round money to cents for output. */
export function cents(usd: number): number {
  return Math.round(usd * 100) / 100;
}

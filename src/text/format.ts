/** Human formatting of money, durations and percentages: one place, used by reasons and every renderer. */
export { formatDuration } from '../model/time';

/** $1,234.56 (cents always shown below $10,000; whole dollars above). */
export function formatUsd(usd: number): string {
  const abs = Math.abs(usd);
  const digits = abs >= 10000 ? 0 : 2;
  return `${usd < 0 ? '-' : ''}$${fixedEnUs(abs, digits)}`;
}

/**
 * `abs.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits })` without Intl, whose
 * first use costs ~35 ms of start-up: rounds half up on the shortest decimal form of the number, as ICU does (so
 * 1.005 → "1.01", where toFixed gives "1.00"), then groups thousands. Exponent forms (≥ 1e21, < 1e-6), NaN and
 * Infinity go to toLocaleString.
 */
function fixedEnUs(abs: number, digits: number): string {
  const dec = String(abs);
  if (!/^\d+(\.\d+)?$/.test(dec)) return abs.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
  const [int, frac = ''] = dec.split('.');
  let n = BigInt(int + frac.slice(0, digits).padEnd(digits, '0'));
  if (frac.length > digits && frac.charCodeAt(digits) >= 53 /* '5' */) n += 1n;
  const t = n.toString().padStart(digits + 1, '0');
  const grouped = t.slice(0, t.length - digits).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return digits ? `${grouped}.${t.slice(t.length - digits)}` : grouped;
}

/** A whole count with thousands separators ("10,000"), without Intl (see fixedEnUs). */
export function formatCount(n: number): string {
  return `${n < 0 ? '-' : ''}${fixedEnUs(Math.abs(Math.round(n)), 0)}`;
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

/** Time as the model counts it: a month of 730 hours, and durations as users write them (`90s`, `15m`, `4h`, `1d`, or
 * compound `1h30m`). Seconds everywhere inside. */

/** Hours in a month and days in a month (730 / 24), as the AWS Pricing Calculator counts them. */
export const HOURS_PER_MONTH = 730;
export const DAYS_PER_MONTH = HOURS_PER_MONTH / 24;

const UNIT_SECONDS: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86400, w: 604800 };
const DURATION_RE = /^(?:(\d+(?:\.\d+)?)(w|d|h|m|s))+$/;
const PART_RE = /(\d+(?:\.\d+)?)(w|d|h|m|s)/g;

/** Parses a duration to seconds; returns undefined when the text is not a duration. */
export function parseDuration(text: string): number | undefined {
  const t = text.trim().toLowerCase();
  if (!DURATION_RE.test(t)) return undefined;
  let total = 0;
  for (const m of t.matchAll(PART_RE)) total += Number(m[1]) * UNIT_SECONDS[m[2]];
  return Number.isFinite(total) ? total : undefined;
}

/** Human form: 45s, 12m, 1h 42m, 2d 3h. Rounds to the largest two units. */
export function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds)) return '∞';
  const s = Math.max(0, Math.round(seconds));
  if (s < 60) return `${s}s`;
  if (s < 3600) {
    const m = Math.floor(s / 60);
    const rest = s % 60;
    return rest && m < 10 ? `${m}m ${rest}s` : `${Math.round(s / 60)}m`;
  }
  if (s < 86400) {
    const h = Math.floor(s / 3600);
    const m = Math.round((s % 3600) / 60);
    return m === 60 ? `${h + 1}h` : m ? `${h}h ${m}m` : `${h}h`;
  }
  const d = Math.floor(s / 86400);
  const h = Math.round((s % 86400) / 3600);
  return h === 24 ? `${d + 1}d` : h ? `${d}d ${h}h` : `${d}d`;
}

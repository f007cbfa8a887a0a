/**
 * The seed table's words for RTO and RPO, as upper bounds in seconds, so that a figure can be placed in its row:
 * "near zero", "within minutes", "tens of minutes", "hours". The bounds are modelling choices [I]; an RTO of "tens of
 * minutes" reaches 90 minutes, since a pilot light with manual detection and decision spends 20–40 of them before any
 * recovery step starts (the output says so). Categories are placed by the headline figure, the median.
 */
export type TimeCategory = 'near zero' | 'minutes' | 'tens of minutes' | 'hours' | 'days';

export const RTO_BOUNDS: ReadonlyArray<[TimeCategory, number]> = [
  ['near zero', 5 * 60],
  ['minutes', 15 * 60],
  ['tens of minutes', 90 * 60],
  ['hours', 24 * 3600],
];
export const RPO_BOUNDS: ReadonlyArray<[TimeCategory, number]> = [
  ['near zero', 60],
  ['minutes', 10 * 60],
  ['tens of minutes', 60 * 60],
  ['hours', 48 * 3600],
];

export function categorize(seconds: number, bounds: ReadonlyArray<[TimeCategory, number]>): TimeCategory {
  for (const [name, upper] of bounds) if (seconds <= upper) return name;
  return 'days';
}
export const rtoCategory = (s: number) => categorize(s, RTO_BOUNDS);
export const rpoCategory = (s: number) => categorize(s, RPO_BOUNDS);

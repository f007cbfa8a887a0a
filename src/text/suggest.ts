/** "Did you mean" suggestions for error messages: the nearest known values by edit distance. Pure. */
export function editDistance(a: string, b: string): number {
  const prev = new Array<number>(b.length + 1);
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0];
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = prev[j];
      prev[j] = Math.min(prev[j] + 1, prev[j - 1] + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = tmp;
    }
  }
  return prev[b.length];
}

function commonPrefix(a: string, b: string): number {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return i;
}

/** Inputs longer than this get no "did you mean" (no known name is anywhere near that long). */
export const MAX_SUGGEST_INPUT = 64;

/**
 * The `n` candidates closest to `value` by edit distance (case-insensitive); ties go to the longer common prefix,
 * then alphabetical order. `nearest("m5.lrge", types)` → `["m5.large", "m5.xlarge", "m5a.large"]`.
 */
export function nearest(value: string, candidates: readonly string[], n = 3): string[] {
  // Edit distance costs |value| × |candidate| per candidate: a 900 KB instance type against 800 known ones took
  // minutes. Nothing that long is a typo of a short name, so it gets no suggestion, at once.
  if (value.length > MAX_SUGGEST_INPUT) return [];
  const v = value.toLowerCase();
  return [...new Set(candidates)]
    .map((c) => {
      const lc = c.toLowerCase();
      return { c, d: editDistance(v, lc), p: commonPrefix(v, lc) };
    })
    .sort((x, y) => x.d - y.d || y.p - x.p || (x.c < y.c ? -1 : x.c > y.c ? 1 : 0))
    .slice(0, Math.max(0, n))
    .map((x) => x.c);
}

/** `; nearest known: m5.large, m5.xlarge, m5a.large`, or nothing for an input too long to be a typo. */
export function nearestKnown(value: string, known: readonly string[]): string {
  const near = nearest(value, known, 3);
  return near.length ? `; nearest known: ${near.join(', ')}` : '';
}

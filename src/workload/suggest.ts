/** "Did you mean" suggestions for error messages: the nearest known values by edit distance. */
export function editDistance(a: string, b: string): number {
  const dp = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let prev = dp[0];
    dp[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = dp[j];
      dp[j] = Math.min(dp[j] + 1, dp[j - 1] + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return dp[b.length];
}

export function nearest(value: string, candidates: readonly string[], n = 3): string[] {
  const v = value.toLowerCase();
  return candidates
    .map((c) => ({ c, d: editDistance(v, c.toLowerCase()) - (c.toLowerCase().startsWith(v.split('.')[0] ?? '') ? 0.5 : 0) }))
    .sort((x, y) => x.d - y.d || x.c.localeCompare(y.c))
    .slice(0, n)
    .map((x) => x.c);
}

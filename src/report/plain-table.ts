/**
 * The box table without colour, written directly: the same bytes as cli-table3 draws with the options of
 * `table.ts` (no row separators, one space of padding, left-aligned, top-aligned), without loading it, chalk or
 * string-width (issue 17: about 15 ms of an `estimate`).
 *
 * Only for text whose width is its length: printable ASCII and the few other characters below, each one column wide
 * for string-width (the measure cli-table3 uses; test/report/plain-table.test.ts checks both). Any other character
 * (a wide one, an emoji, a combining mark, a control character or an ANSI code) returns undefined, and the caller
 * draws the table with cli-table3.
 */

/** Characters one column wide, as string-width 4 measures them: printable ASCII, `–—…→←≈≤≥▶✓✗§·×÷‘’“”°±€£µ`, and newlines. */
export const NARROW = /^[\x20-\x7e\u2013\u2014\u2026\u2192\u2190\u2248\u2264\u2265\u25b6\u2713\u2717\u00a7\u00b7\u00d7\u00f7\u2018\u2019\u201c\u201d\u00b0\u00b1\u20ac\u00a3\u00b5\n]*$/;

/** The table as cli-table3 draws it, or undefined when a cell holds a character outside {@link NARROW}. */
export function plainBox(head: readonly string[], rows: readonly (readonly string[])[]): string | undefined {
  const all = [head, ...rows];
  const cols = head.length;
  for (const row of all) {
    if (row.length !== cols) return undefined;
    for (const cell of row) if (typeof cell !== 'string' || !NARROW.test(cell)) return undefined;
  }
  const cells = all.map((row) => row.map((cell) => cell.split('\n')));
  const widths = head.map((_, i) => Math.max(...cells.map((row) => Math.max(...row[i].map((l) => l.length)))) + 2);
  const rule = (left: string, mid: string, right: string) => left + widths.map((w) => '─'.repeat(w)).join(mid) + right;
  const out = [rule('┌', '┬', '┐')];
  for (const row of cells) {
    const height = Math.max(...row.map((lines) => lines.length));
    for (let n = 0; n < height; n++) {
      out.push(`│${row.map((lines, i) => ` ${(lines[n] ?? '').padEnd(widths[i] - 2)} `).join('│')}│`);
    }
  }
  out.push(rule('└', '┴', '┘'));
  return out.join('\n');
}

/**
 * The plain box table (src/report/plain-table.ts) draws the same bytes as cli-table3 with table.ts's no-colour
 * options, for any table of narrow characters; it declines (undefined) a table holding any other character, which
 * cli-table3 then draws.
 */
import { createRequire } from 'node:module';
import Table from 'cli-table3';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NARROW, plainBox } from '../../src/report/plain-table';
import { boxTable } from '../../src/report/table';

// The string-width that cli-table3 measures with (its own dependency, not one of ours).
const stringWidth = createRequire(createRequire(import.meta.url).resolve('cli-table3'))('string-width') as (s: string) => number;

/** cli-table3 as table.ts calls it without colour. */
function cliTable(head: string[], rows: string[][]): string {
  const t = new Table({ head, style: { head: [], border: [], compact: false }, chars: { mid: '', 'left-mid': '', 'mid-mid': '', 'right-mid': '' } });
  for (const r of rows) t.push(r);
  return t.toString();
}

const narrowChars = [...' !"#$%&\'()*+,-./0123456789:;<=>?@AZaz[\\]^_`{|}~', ...'–—…→←≈≤≥▶✓✗§·×÷‘’“”°±€£µ'];
const otherChars = ['中', '❌', '✅', 'e\u0301', '\t', '\x1b[31m', '\u0007', '©', '🙂', '\r'];

describe('plain box table', () => {
  it('every character it takes is one column wide for string-width, as cli-table3 measures', () => {
    for (const ch of narrowChars) {
      expect(NARROW.test(ch), ch).toBe(true);
      expect(stringWidth(ch), ch).toBe(1);
    }
    for (const ch of otherChars) expect(NARROW.test(ch), JSON.stringify(ch)).toBe(false);
  });

  it('draws the bytes cli-table3 draws, multi-line cells and empty cells included', () => {
    const head = ['Strategy', 'DR cost/month', 'Meets'];
    const rows = [['▶ Warm Standby', '$395.04*', '✓ yes'], ['', 'two\nlines — here', '✗ no: RTO'], ['§ 3 × 2 ≤ 7', '', '']];
    expect(plainBox(head, rows)).toBe(cliTable(head, rows));
    expect(plainBox(['Only'], [])).toBe(cliTable(['Only'], []));
  });

  it('any table: the same bytes when it takes it, and it takes it exactly when every character is narrow', () => {
    const cell = fc.array(fc.oneof({ weight: 12, arbitrary: fc.constantFrom(...narrowChars, '\n') }, { weight: 1, arbitrary: fc.constantFrom(...otherChars) }), { maxLength: 12 }).map((cs) => cs.join(''));
    const table = fc.integer({ min: 1, max: 5 }).chain((cols) => fc.tuple(fc.array(cell, { minLength: cols, maxLength: cols }), fc.array(fc.array(cell, { minLength: cols, maxLength: cols }), { maxLength: 5 })));
    fc.assert(
      fc.property(table, ([head, rows]) => {
        const plain = plainBox(head, rows);
        const narrow = [head, ...rows].every((r) => r.every((c) => NARROW.test(c)));
        expect(plain !== undefined).toBe(narrow);
        if (plain !== undefined) expect(plain).toBe(cliTable(head, rows));
      }),
      { numRuns: 400, seed: 17 },
    );
  });

  it('boxTable without colour: the same with a plain cell and with a wide one (drawn by cli-table3)', () => {
    const rows = [['a', 'b'], ['c\nd', 'e']];
    expect(boxTable(['H1', 'H2'], rows, { color: false })).toBe(cliTable(['H1', 'H2'], rows));
    const wide = [['中文', 'b']];
    expect(boxTable(['H1', 'H2'], wide, { color: false })).toBe(cliTable(['H1', 'H2'], wide));
  });
});

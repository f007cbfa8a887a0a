/** Wrapping text to a terminal's columns (ANSI colour codes take no width). No domain; used by the report and the CLI. */

// eslint-disable-next-line no-control-regex
const ANSI = /\x1b\[[0-9;]*m/g;
/** Columns a string takes on the terminal (ANSI codes take none). */
export const visibleWidth = (s: string): number => [...s.replace(ANSI, '')].length;

/** Where to cut a word too long for `room` columns: before a capital (camelCase) or after a `-`/`/`, else at `room`. */
function cutAt(word: string, room: number): number {
  for (let i = room; i >= 3; i--) if (/[A-Z]/.test(word[i]) || /[-/.]/.test(word[i - 1])) return i;
  return room;
}

/**
 * Wraps text at spaces to `width` columns, continuation lines starting with `indent`; a plain word longer than a line
 * is cut. ANSI codes take no width (a styled span that wraps keeps its style: terminals carry it across the newline).
 */
export function wrapText(text: string, width: number, indent = ''): string {
  const out: string[] = [];
  const room = Math.max(1, width - visibleWidth(indent));
  for (const para of text.split('\n')) {
    let line = '';
    let empty = true;
    for (let word of para.split(' ')) {
      while (visibleWidth(word) > room && !/\x1b/.test(word)) {
        if (!empty) out.push(line);
        const cut = cutAt(word, room);
        out.push((out.length ? indent : '') + word.slice(0, cut));
        word = word.slice(cut);
        line = indent;
        empty = true;
      }
      const candidate = empty ? `${line}${word}` : `${line} ${word}`;
      if (!empty && visibleWidth(candidate) > width) {
        out.push(line);
        line = `${indent}${word}`;
      } else line = candidate;
      empty = false;
    }
    out.push(line);
  }
  return out.join('\n');
}


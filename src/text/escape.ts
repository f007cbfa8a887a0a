/**
 * Echoing what a user (or a hostile file) handed us, safely: control characters shown escaped, never sent to the
 * terminal raw, and every echoed value cut to a short length. A workload value holding `\x1b]0;PWNED\x07\x1b[2J` would
 * otherwise set the terminal title and clear the screen when an error line quotes it. Pure.
 */

/** How many characters of an echoed value an error line shows (the rest becomes `…`). */
export const ECHO_MAX = 80;

/**
 * C0 controls (U+0000–U+001F), DEL (U+007F), C1 controls (U+0080–U+009F, which some terminals read as CSI/OSC), the
 * line and paragraph separators and the bidirectional overrides and isolates (they reorder what the reader sees), and
 * lone surrogates.
 */
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const UNSAFE_G = new RegExp(UNSAFE.source, 'g');

const NAMED: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

function escapeChar(ch: string): string {
  const named = NAMED[ch];
  if (named) return named;
  const code = ch.charCodeAt(0);
  return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
}

/** True when the text holds nothing that {@link escapeControl} would change. */
export function isPrintable(text: string): boolean {
  return !UNSAFE.test(text);
}

/** Control characters as `\x1b`, `\x7f`, `\x85`, `\n`; everything else as it is. */
export function escapeControl(text: string): string {
  return text.replace(UNSAFE_G, escapeChar);
}

/**
 * A value for an error line: control characters escaped, then cut to at most `max` characters (an escape sequence
 * is never cut in half) with `…` marking the cut. `echo('a'.repeat(10_000))` is 80 characters long.
 */
export function echo(value: string, max = ECHO_MAX): string {
  return clip(value, max).text;
}

function clip(value: string, max: number): { text: string; cut: boolean } {
  // Only the start can be shown, so only the start is looked at: a 1 MB value costs no more than an 80-byte one.
  const head = value.length > max * 2 + 2 ? value.slice(0, max * 2 + 2) : value;
  let out = '';
  let i = 0;
  for (const ch of head) {
    const piece = UNSAFE.test(ch) ? escapeChar(ch) : ch;
    const last = i + ch.length >= value.length;
    if (out.length + piece.length > (last ? max : max - 1)) return { text: `${out}…`, cut: true };
    out += piece;
    i += ch.length;
  }
  return i < value.length ? { text: `${out}…`, cut: true } : { text: out, cut: false };
}

/** `echo` in double quotes, with `"` and `\` escaped as well: `"m5.lar\x1bge"`. */
export function quote(value: string, max = ECHO_MAX): string {
  return `"${echo(value.replace(/[\\"]/g, (c) => `\\${c}`), max)}"`;
}

/** How many characters of a file path an error line shows. Paths keep their end (the file name) when cut. */
export const PATH_ECHO_MAX = 160;

/** A path for an error line: escaped like {@link echo}; a long one keeps its start and its end around a `…`. */
export function echoPath(path: string, max = PATH_ECHO_MAX): string {
  const whole = clip(path, max);
  if (!whole.cut) return whole.text;
  const half = Math.floor(max / 2);
  let tail = '';
  const chars = [...path.slice(-half)];
  for (let k = chars.length - 1; k >= 0; k--) {
    const piece = UNSAFE.test(chars[k]) ? escapeChar(chars[k]) : chars[k];
    if (tail.length + piece.length > half) break;
    tail = piece + tail;
  }
  return `${echo(path, max - tail.length)}${tail}`;
}

/**
 * YAML (and JSON, which is YAML 1.2) parsed with bounds on the work a hostile file can cause. The yaml library bounds
 * alias expansion (`maxAliasCount`) but not the number of entries or the nesting depth, and its duplicate-key check
 * compares each new key with every earlier one (60,000 keys took 85 s) while 400,000-deep nesting took seconds and
 * 500 MB. So the lexer and the CST parser are driven here token by token: entries (`key:`, `- item`, `,`, `? key`) are
 * counted and the parser's stack depth is read after every token, and the parse stops at the first bound crossed,
 * before anything is composed. Only then is the CST composed into a document (with the library's own `uniqueKeys`,
 * cheap at this size) and turned into plain values with `maxAliasCount`. This is the reference path: its values and
 * its error messages are what dr-advisor promises.
 *
 * Two parsers (issue 17): that path costs about 0.7 ms for a 600-byte workload, most of `check`'s load time over
 * 1,000 files, while js-yaml reads the same text in about 30 µs. So a small, plain YAML text (`parseYamlFast`) is first
 * read with js-yaml, and whatever it cannot vouch for goes to the reference path, which then gives today's value or
 * today's error. Why the fast path returns nothing the reference path would not (by construction where stated, else by
 * the property tests of test/io/yaml-fast.test.ts, which found the layout rules below):
 *  - the text is pre-checked (`plainText`) to a subset where both parsers follow the YAML 1.2 spec the same way: at
 *    most 8 KiB and 1,000 characters a line, printable characters only (no tab, CR, BOM, U+2028/9), no document
 *    markers or directives, and outside comments no anchor, alias, tag, block scalar, explicit key (`?`), merge key
 *    (`<<`), `__proto__`, backslash escape, collection as a key, reserved indicator, comment glued to a token, empty
 *    `-` item, quoted string or flow collection spanning lines, nor a line coming back to a column no collection is
 *    open at. Anything else, even harmless, takes the reference path: a false alarm costs speed only. (The layout
 *    rules are where test/io/yaml-fast.test.ts found js-yaml lenient: it accepts some layouts the library refuses);
 *  - plain scalars are resolved by the yaml library's own core-schema tags (their `test` and `resolve`, in its order),
 *    so `0o17`, `1e3`, `.NaN`, `~`, `012`, `True`, `-0` become what the reference path makes of them; quoted scalars
 *    are strings in both;
 *  - js-yaml refuses duplicate keys by their string form, which is at least as strict as the library's `uniqueKeys`
 *    (equal scalar values have equal string forms); any js-yaml error takes the reference path, so errors are always
 *    the reference path's words;
 *  - a key that resolved to null is "null" for js-yaml but the empty string for the library: a document with a
 *    "null" key is left to the reference path; so is any document whose top level is not a mapping;
 *  - the bounds hold: the token count is at most 2 per character plus a few (each token but a scalar's marker
 *    consumes a character: the lexer's code), entry tokens are among the text's `:`, `-` and `,`, and the parser's
 *    stack is at most the value's depth plus 2 (the tests check both); the fast path returns only when these upper
 *    bounds are within `YamlBounds`, with a level to spare for the depth, so the reference
 *    path would not have refused the text. Both build plain `Object.prototype` objects and arrays, keys in document
 *    order.
 * test/io/yaml-fast.test.ts checks the fast path against the reference path on generated, mutated and randomly laid
 * out documents, with small bounds too.
 */
import { FAILSAFE_SCHEMA, load as loadJsYaml, Type } from 'js-yaml';
import { Composer, CST, isScalar, Lexer, LineCounter, Parser, Schema, YAMLError, type ScalarTag } from 'yaml';

export interface YamlBounds {
  /** Mapping keys plus sequence items, over the whole document. */
  maxEntries: number;
  /** Nesting depth of mappings and sequences. */
  maxDepth: number;
  /**
   * Lexical tokens (lines, keys, values, indicators, comments). The library spends about 3 µs on each, so 1 MB of
   * blank lines (a million tokens) took 3.4 s and 220 MB.
   */
  maxTokens: number;
  /** Aliases (`*a`) resolved, in total (the yaml library's guard against "billion laughs"). */
  maxAliasCount: number;
  /** `json` for .json files: JSON's scalars only. */
  schema?: 'core' | 'json';
}

export type YamlProblem = 'syntax' | 'too-many-entries' | 'too-many-tokens' | 'too-deep' | 'aliases';

/** Where and why a document was refused. `message` is the library's own words, not escaped: escape before echoing. */
export class YamlInputError extends Error {
  constructor(
    readonly problem: YamlProblem,
    message: string,
    readonly line?: number,
    readonly col?: number,
  ) {
    super(message);
    this.name = 'YamlInputError';
  }
}

const ENTRY_TOKENS = new Set(['map-value-ind', 'seq-item-ind', 'explicit-key-ind', 'comma']);

/** Parses one YAML document within the bounds; throws {@link YamlInputError}. */
export function parseYamlBounded(source: string, bounds: YamlBounds): unknown {
  const text = typeof source === 'string' ? source : '';
  if ((bounds.schema ?? 'core') === 'core') {
    const fast = parseYamlFast(text, bounds);
    if (fast !== undefined) return fast;
  }
  return parseYamlReference(text, bounds);
}

/** The reference path (see the header): the yaml library, driven token by token within the bounds. */
export function parseYamlReference(text: string, bounds: YamlBounds): unknown {
  const lines = new LineCounter();
  const parser = new Parser(lines.addNewLine);
  const where = (offset: number) => lines.linePos(offset);
  const tokens: CST.Token[] = [];
  let entries = 0;
  let count = 0;
  lines.addNewLine(0);
  // +1: the parser's stack holds the document token below the outermost collection.
  const maxStack = bounds.maxDepth + 1;
  for (const lexeme of new Lexer().lex(text)) {
    if (++count > bounds.maxTokens) {
      const { line, col } = where(parser.offset);
      throw new YamlInputError('too-many-tokens', `more than ${bounds.maxTokens.toLocaleString('en-US')} lines, keys, values and comments`, line, col);
    }
    if (ENTRY_TOKENS.has(CST.tokenType(lexeme) ?? '') && ++entries > bounds.maxEntries) {
      const { line, col } = where(parser.offset);
      throw new YamlInputError('too-many-entries', `more than ${bounds.maxEntries.toLocaleString('en-US')} keys and list items`, line, col);
    }
    for (const token of parser.next(lexeme)) tokens.push(token);
    if (parser.stack.length > maxStack) {
      const { line, col } = where(parser.offset);
      throw new YamlInputError('too-deep', `nested more than ${bounds.maxDepth} levels deep`, line, col);
    }
  }
  for (const token of parser.end()) tokens.push(token);

  const composer = new Composer({ strict: true, uniqueKeys: true, prettyErrors: false, logLevel: 'error', schema: bounds.schema ?? 'core' });
  const docs = [...composer.compose(tokens, true, text.length)];
  const doc = docs[0];
  if (!doc) return null;
  const firstError = doc.errors[0] ?? (docs.length > 1 ? { pos: docs[1].range, message: 'holds more than one document (--- separators); a workload is one document' } : undefined);
  if (firstError) {
    const { line, col } = where(firstError.pos[0]);
    throw new YamlInputError('syntax', firstError.message, line, col);
  }
  try {
    return doc.toJS({ maxAliasCount: bounds.maxAliasCount });
  } catch (e) {
    // toJS throws a ReferenceError for too many or unresolved aliases.
    const message = e instanceof Error ? e.message : String(e);
    throw new YamlInputError(e instanceof YAMLError ? 'syntax' : 'aliases', message.split('\n')[0]);
  }
}

/** Texts larger than this (the bundled examples and `dr-advisor init` output are about 1 and 4 kB) take the reference path. */
const FAST_MAX_CHARS = 8192;
/** Longer lines take the reference path (the library refuses an implicit key over 1,024 characters). */
const FAST_MAX_LINE = 1000;
// Printable characters a plain workload uses: LF, ASCII, and Unicode up to U+FFFD without surrogates, C1 controls,
// U+2028/U+2029 or a byte-order mark. Anything else (tab, CR, emoji…) takes the reference path.
// eslint-disable-next-line no-control-regex
const UNUSUAL_CHAR = /[^\n\x20-\x7e\u00a0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd]|__proto__|<<|^(?:---|\.\.\.)/m;
/** Outside quotes and comments: anchors, aliases, tags, directives, block scalars, explicit keys, reserved indicators. */
const UNUSUAL_CODE = '&*!%|>?@`\\';
// What each ASCII character means to the scan below.
const [OTHER, NEWLINE, ENTRY, HASH, QUOTE, OPEN, CLOSE, UNUSUAL, BACKSLASH] = [0, 1, 2, 3, 4, 5, 6, 7, 8];
const CLASS = new Uint8Array(128);
CLASS[0x0a] = NEWLINE;
for (const c of ':-,') CLASS[c.charCodeAt(0)] = ENTRY;
CLASS[0x23] = HASH;
CLASS[0x22] = QUOTE;
CLASS[0x27] = QUOTE;
for (const c of '[{') CLASS[c.charCodeAt(0)] = OPEN;
for (const c of ']}') CLASS[c.charCodeAt(0)] = CLOSE;
for (const c of UNUSUAL_CODE) CLASS[c.charCodeAt(0)] = UNUSUAL;
CLASS[0x5c] = BACKSLASH;

/**
 * The layout of the line at `start`, against the columns of the block collections open above it (`levels`, updated):
 * a line may go deeper or stay, but a line that comes back must come back to an open column, and a `-` item may not be
 * empty (js-yaml accepts some of those layouts where the library refuses them, or reads them otherwise). Blank and
 * comment lines are skipped.
 */
function layoutOk(text: string, start: number, levels: number[]): boolean {
  let col = start;
  while (text.charCodeAt(col) === 0x20) col++;
  const first = text.charCodeAt(col);
  if (Number.isNaN(first) || first === 0x0a || first === 0x23) return true;
  const indent = col - start;
  let top = levels.length ? levels[levels.length - 1] : -1;
  if (indent < top) {
    while (levels.length && levels[levels.length - 1] > indent) levels.pop();
    top = levels.length ? levels[levels.length - 1] : -1;
    if (top !== indent) return false;
  }
  if (indent > top) levels.push(indent);
  // `- ` indicators open a column each: `- - a: 1` opens 0, 2 and 4.
  while (text.charCodeAt(col) === 0x2d) {
    const next = text.charCodeAt(col + 1);
    if (Number.isNaN(next) || next === 0x0a) return false;
    if (next !== 0x20) break;
    col++;
    while (text.charCodeAt(col) === 0x20) col++;
    const c = text.charCodeAt(col);
    if (Number.isNaN(c) || c === 0x0a || c === 0x23) return false;
    levels.push(col - start);
  }
  return true;
}

/**
 * Whether the text is in the subset the fast path handles (see the header), and how many `:`, `-` and `,` it holds
 * (an upper bound on the reference path's entry tokens); -1 when it is not. Not a parser: a cheap, conservative scan.
 */
function plainText(text: string): number {
  if (text.length > FAST_MAX_CHARS || UNUSUAL_CHAR.test(text)) return -1;
  let entries = 0;
  let quote = 0;
  let flow = 0;
  const flows: number[] = [];
  let lineStart = 0;
  let comment = false;
  const n = text.length;
  const levels: number[] = [];
  if (!layoutOk(text, 0, levels)) return -1;
  for (let i = 0; i <= n; i++) {
    const c = i < n ? text.charCodeAt(i) : 0x0a;
    const k = c < 128 ? CLASS[c] : OTHER;
    if (k === OTHER) continue;
    if (k === ENTRY) {
      entries++;
      continue;
    }
    if (k === NEWLINE) {
      // A quoted string or a flow collection spanning lines, or a long line.
      if (quote !== 0 || flow !== 0 || i - lineStart > FAST_MAX_LINE) return -1;
      lineStart = i + 1;
      comment = false;
      if (!layoutOk(text, lineStart, levels)) return -1;
      continue;
    }
    if (comment) continue;
    if (quote !== 0) {
      if (k === BACKSLASH) return -1;
      if (c === quote) {
        if (c === 0x27 && text.charCodeAt(i + 1) === 0x27) i++;
        else quote = 0;
      }
      continue;
    }
    if (k === HASH) {
      const before = text.charCodeAt(i - 1);
      if (i === lineStart || before === 0x20) comment = true;
      // `"a"#`, `[]#`: the library refuses a comment not separated by a space, js-yaml reads one.
      else if (before < 128 && CLASS[before] !== OTHER && CLASS[before] !== ENTRY) return -1;
      else if (before === 0x2c || before === 0x3a) return -1;
    } else if (k === QUOTE) quote = c;
    else if (k === OPEN) {
      // In a flow mapping a collection is a value (after `:`), never a key: js-yaml and the library name such keys
      // differently.
      if (flows[flow - 1] === 0x7b) {
        let j = i - 1;
        while (text.charCodeAt(j) === 0x20) j--;
        if (text.charCodeAt(j) !== 0x3a) return -1;
      }
      flows[flow++] = c;
    } else if (k === CLOSE) {
      if (--flow < 0 || flows[flow] !== c - 2) return -1;
      // A collection as a mapping key (`[a]: 1`): js-yaml and the library name it differently.
      let j = i + 1;
      while (text.charCodeAt(j) === 0x20) j++;
      if (text.charCodeAt(j) === 0x3a) return -1;
    } else if (k === UNUSUAL || k === BACKSLASH) return -1;
  }
  return entries;
}

/** The yaml library's core-schema tags for plain scalars, in the order it tries them (null, bool, int, float). */
const CORE_PLAIN: ScalarTag[] = new Schema({ schema: 'core' }).tags.filter(
  (t): t is ScalarTag => !('collection' in t && t.collection) && t.default === true && t.test instanceof RegExp,
);
const CORE_OPTIONS = { intAsBigInt: false };
class ResolveError extends Error {}
const refuse = (): never => {
  throw new ResolveError('a core tag reported an error');
};
/**
 * The first characters a plain scalar matched by a core tag can start with (`~`, null, bool, numbers; or empty):
 * a plain scalar starting otherwise (`us-east-1`, `m5.large`) is a string without trying the tags' patterns.
 * test/io/yaml-fast.test.ts checks that no core tag matches a string starting with any other character.
 */
export const CORE_PLAIN_FIRST = new Set('~NnTtFf0123456789+-.');
let resolved: { data: string; tag: ScalarTag } | undefined;
const corePlain = new Type('tag:dr-advisor,2026:yaml-core-plain', {
  kind: 'scalar',
  resolve: (data: string) => {
    if (data.length > 0 && !CORE_PLAIN_FIRST.has(data[0])) return false;
    const tag = CORE_PLAIN.find((t) => t.test!.test(data));
    resolved = tag && { data, tag };
    return tag !== undefined;
  },
  construct: (data: string) => {
    // js-yaml constructs right after a successful resolve, with the same text.
    const tag = resolved?.data === data ? resolved.tag : CORE_PLAIN.find((t) => t.test!.test(data))!;
    resolved = undefined;
    const value = tag.resolve(data, refuse, CORE_OPTIONS as never);
    return isScalar(value) ? value.value : value;
  },
});
/** js-yaml's failsafe schema (strings, sequences, mappings) with the library's core resolution of plain scalars. */
const FAST_SCHEMA = FAILSAFE_SCHEMA.extend({ implicit: [corePlain] });

/**
 * Depth of a value built by js-yaml (1 for a flat mapping), or -1 when it holds a "null" key (the reference path names
 * a null key with the empty string) or nests deeper than `max`.
 */
function depthOf(value: unknown, max: number): number {
  if (value === null || typeof value !== 'object') return 0;
  if (max <= 0) return -1;
  let deepest = 0;
  if (Array.isArray(value)) {
    for (const item of value) {
      const d = depthOf(item, max - 1);
      if (d < 0) return -1;
      if (d > deepest) deepest = d;
    }
  } else {
    for (const key in value) {
      if (key === 'null') return -1;
      const d = depthOf((value as Record<string, unknown>)[key], max - 1);
      if (d < 0) return -1;
      if (d > deepest) deepest = d;
    }
  }
  return deepest + 1;
}

/**
 * The fast path (see the header): the value the reference path gives for a small, plain YAML text, or undefined when
 * it cannot vouch for it (then the caller takes the reference path).
 */
export function parseYamlFast(text: string, bounds: YamlBounds): unknown {
  // At most 2 tokens per character, plus the document's and a flow's end markers.
  if (3 * text.length + 8 > bounds.maxTokens) return undefined;
  const entries = plainText(text);
  if (entries < 0 || entries > bounds.maxEntries) return undefined;
  let value: unknown;
  try {
    value = loadJsYaml(text, { schema: FAST_SCHEMA });
  } catch {
    // A syntax error, a duplicate key, a stack overflow: the reference path gives the verdict.
    return undefined;
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return undefined;
  // The reference path's parser stack holds the document, each collection and a scalar: depth + 2, kept 1 below it.
  const depth = depthOf(value, bounds.maxDepth);
  if (depth < 0 || depth + 2 > bounds.maxDepth) return undefined;
  return value;
}

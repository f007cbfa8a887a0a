/**
 * YAML (and JSON, which is YAML 1.2) parsed with bounds on the work a hostile file can cause. The yaml library bounds
 * alias expansion (`maxAliasCount`) but not the number of entries or the nesting depth, and its duplicate-key check
 * compares each new key with every earlier one (60,000 keys took 85 s) while 400,000-deep nesting took seconds and
 * 500 MB. So the lexer and the CST parser are driven here token by token: entries (`key:`, `- item`, `,`, `? key`) are
 * counted and the parser's stack depth is read after every token, and the parse stops at the first bound crossed,
 * before anything is composed. Only then is the CST composed into a document (with the library's own `uniqueKeys`,
 * cheap at this size) and turned into plain values with `maxAliasCount`.
 */
import { Composer, CST, Lexer, LineCounter, Parser, YAMLError } from 'yaml';

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

/**
 * JSON with bounds checked before `JSON.parse` builds anything: a linear scan of the text counts the nesting depth
 * and the entries (`,` and `:` outside strings), so 10 MB of `[[[[` is refused in milliseconds instead of taking 4 s
 * and 370 MB to parse (and then overflowing the stack of whatever walks it). A UTF-8 byte-order mark is accepted.
 * For files that dr-advisor wrote itself (a baseline); workload JSON goes through the YAML path (src/io/yaml.ts).
 */
export interface JsonBounds {
  maxDepth: number;
  maxEntries: number;
}

export type JsonProblem = 'syntax' | 'too-deep' | 'too-many-entries';

export class JsonInputError extends Error {
  constructor(
    readonly problem: JsonProblem,
    message: string,
  ) {
    super(message);
    this.name = 'JsonInputError';
  }
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;

/** Throws {@link JsonInputError}; `message` of a syntax error is V8's words, not escaped: escape before echoing. */
export function parseJsonBounded(text: string, bounds: JsonBounds): unknown {
  const t = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  let depth = 0;
  let entries = 0;
  let inString = false;
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i);
    if (inString) {
      if (c === BACKSLASH) i++;
      else if (c === QUOTE) inString = false;
      continue;
    }
    if (c === QUOTE) inString = true;
    else if (c === 0x5b /* [ */ || c === 0x7b /* { */) {
      if (++depth > bounds.maxDepth) throw new JsonInputError('too-deep', `nested more than ${bounds.maxDepth} levels deep`);
    } else if (c === 0x5d /* ] */ || c === 0x7d /* } */) depth--;
    else if ((c === 0x2c /* , */ || c === 0x3a) /* : */ && ++entries > bounds.maxEntries) {
      throw new JsonInputError('too-many-entries', `more than ${bounds.maxEntries.toLocaleString('en-US')} keys and list items`);
    }
  }
  try {
    return JSON.parse(t);
  } catch (e) {
    throw new JsonInputError('syntax', (e as Error).message);
  }
}

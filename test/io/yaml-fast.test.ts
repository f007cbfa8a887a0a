/**
 * The js-yaml fast path of src/io/yaml.ts against its oracle, the reference path (the yaml library driven token by
 * token): whenever the fast path returns a value, the reference path returns the same value (Object.is on every
 * number, so -0 and NaN count; same prototypes; same keys in the same order), and does not throw. Documents are
 * generated (block and flow collections, comments, scalars rich in edge cases) and then mutated, so that broken
 * YAML is tried too; the bounds are drawn small so that the fast path's bound checks are tried against the reference
 * path's refusals.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Lexer, Parser, Schema, type ScalarTag } from 'yaml';
import { generatedWorkload } from '../../bench/scale-workloads';
import { CORE_PLAIN_FIRST, parseYamlBounded, parseYamlFast, parseYamlReference, type YamlBounds } from '../../src/io/yaml';
import { templateText } from '../../src/cli/commands/init';
import { WORKLOAD_BOUNDS } from '../../src/workload/load';

const BOUNDS: YamlBounds = { ...WORKLOAD_BOUNDS, schema: 'core' };

/** Deep equality as strict as the product needs: Object.is on primitives, prototypes, own keys in order. */
function same(a: unknown, b: unknown, path = '$'): string | undefined {
  if (typeof a !== 'object' || a === null || typeof b !== 'object' || b === null) {
    return Object.is(a, b) ? undefined : `${path}: ${String(a)} (${typeof a}) vs ${String(b)} (${typeof b})`;
  }
  if (Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return `${path}: prototypes differ`;
  const ka = Reflect.ownKeys(a);
  const kb = Reflect.ownKeys(b);
  if (ka.length !== kb.length || ka.some((k, i) => k !== kb[i])) return `${path}: keys ${String(ka)} vs ${String(kb)}`;
  for (const k of ka) {
    const da = Object.getOwnPropertyDescriptor(a, k)!;
    const db = Object.getOwnPropertyDescriptor(b, k)!;
    if (da.enumerable !== db.enumerable || da.writable !== db.writable || 'get' in da || 'get' in db) return `${path}.${String(k)}: descriptors differ`;
    const d = same(da.value, db.value, `${path}.${String(k)}`);
    if (d) return d;
  }
  return undefined;
}

const depthOf = (v: unknown): number => (v !== null && typeof v === 'object' ? 1 + Math.max(0, ...Object.values(v).map(depthOf)) : 0);

/** The reference path's lexical tokens and its parser's deepest stack, for the fast path's upper bounds. */
function tokensAndStack(text: string): { tokens: number; stack: number } {
  const parser = new Parser();
  let tokens = 0;
  let stack = 0;
  for (const lexeme of new Lexer().lex(text)) {
    tokens++;
    for (const _ of parser.next(lexeme));
    stack = Math.max(stack, parser.stack.length);
  }
  for (const _ of parser.end());
  return { tokens, stack };
}

/** The property: fast ⇒ reference gives the same value; returns whether the fast path was taken. */
function agrees(text: string, bounds: YamlBounds = BOUNDS): boolean {
  const fast = parseYamlFast(text, bounds);
  if (fast === undefined) return false;
  let reference: unknown;
  try {
    reference = parseYamlReference(text, bounds);
  } catch (e) {
    throw new Error(`fast path gave ${JSON.stringify(fast)} where the reference path threw ${String(e)}\n--- text ---\n${text}`);
  }
  const diff = same(fast, reference);
  if (diff) throw new Error(`${diff}\n--- text ---\n${text}`);
  // The upper bounds the fast path relies on (src/io/yaml.ts header).
  const { tokens, stack } = tokensAndStack(text);
  expect(tokens).toBeLessThanOrEqual(2 * text.length + 4);
  expect(stack).toBeLessThanOrEqual(depthOf(fast) + 2);
  expect(same(parseYamlBounded(text, bounds), fast)).toBeUndefined();
  return true;
}

// ---- generated documents ----

/** Plain scalars that the YAML 1.1 / 1.2 schemas or the two parsers might read differently. */
const EDGE_PLAIN = [
  '0o17', '0o8', '0x1F', '0x1f', '0X1F', '0x', '0o', '0b101', '1_000', '.5', '-.5', '+.5', '0.', '1.', '.', '..', '+', '-0', '+0', '0', '-0.0',
  '012', '0012', '08', '09.5', '1e3', '1E3', '1e+3', '-1.5e-3', '.5e3', '1.e3', 'e3', '1e', '1.2.3', '1,000',
  '+.inf', '-.inf', '.inf', '.Inf', '.INF', '.iNf', '.NaN', '.nan', '.NAN', '.nAn', 'NaN', 'Infinity', '-inf',
  '~', 'null', 'Null', 'NULL', 'nULL', 'yes', 'Yes', 'no', 'on', 'off', 'y', 'n', 'Y', 'N',
  'true', 'True', 'TRUE', 'tRue', 'false', 'False', 'FALSE', 'fAlse',
  '123456789012345678901234567890', '9007199254740993', '-9007199254740993', '0.1000000000000000055511151231257827', '1e400', '-1e400', '4.9e-325',
  '1:30', '12:30:45', '2001-12-14', '2001-12-14t21:59:43.10-05:00', 'a b', 'a:b', 'a#b', 'a #b', 'http://x.y/z?q=1', 'us-east-1', 'm5.large',
  'é', '日本語', 'ü-ß', 'a\u00a0b', '-', '--', '-a', 'a-', ':a', 'a:', 'a::b', '"', "'", "it's", 'say "hi"', '=', '<', '<<', 'a<<b',
  '__proto__', 'constructor', 'toString', 'hasOwnProperty', '0x_1', '1__0', '+1', '+0x1', '-0x1', '-0o7', '00', '-00', '0.0e0', '-0e0',
];
const CHARS = [...'ab0159.-+_:#,\'" ~eExXoO[]{}?&*!|>%@`\\éü日\u00a0\u2028\t\r'];
const randomPlain = fc.string({ unit: fc.constantFrom(...CHARS), minLength: 1, maxLength: 12 });
const numberText = fc.oneof(
  fc.integer().map(String),
  fc.bigInt({ min: -(10n ** 30n), max: 10n ** 30n }).map(String),
  fc.double().map(String),
  fc.double().map((d) => d.toExponential()),
  fc.tuple(fc.constantFrom('', '+', '-'), fc.constantFrom('', '0', '00'), fc.nat(99999), fc.constantFrom('', '.', '.5', '.50', 'e3', 'E-2', 'e+10'), fc.constantFrom('', '0')).map((p) => p.join('')),
);
const anyText = fc.oneof(fc.constantFrom(...EDGE_PLAIN), randomPlain, fc.string({ maxLength: 12 }), fc.string({ unit: 'grapheme', maxLength: 6 }), numberText);
const singleQuoted = anyText.map((s) => `'${s.replace(/'/g, "''")}'`);
const doubleQuoted = anyText.map((s) => `"${s.replace(/[\\"]/g, (c) => `\\${c}`)}"`);
/** A scalar as written in the document: plain (possibly invalid), quoted, or empty. */
const scalarText = fc.oneof(
  { weight: 4, arbitrary: fc.oneof(fc.constantFrom(...EDGE_PLAIN), numberText) },
  { weight: 2, arbitrary: randomPlain },
  { weight: 1, arbitrary: singleQuoted },
  { weight: 1, arbitrary: doubleQuoted },
  { weight: 1, arbitrary: fc.constant('') },
);
const keyText = fc.oneof(
  { weight: 3, arbitrary: fc.stringMatching(/^[a-zA-Z][a-zA-Z0-9_-]{0,8}$/) },
  { weight: 2, arbitrary: scalarText },
);
const comment = fc.oneof(fc.constant(''), fc.string({ unit: fc.constantFrom(...CHARS), maxLength: 10 }).map((s) => ` #${s}`));

type Node = { scalar: string } | { map: [string, Node][]; flow: boolean } | { seq: Node[]; flow: boolean };
const { node } = fc.letrec<{ node: Node }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    scalarText.map((scalar) => ({ scalar })),
    fc.record({ map: fc.array(fc.tuple(keyText, tie('node')), { maxLength: 5 }), flow: fc.boolean() }),
    fc.record({ seq: fc.array(tie('node'), { maxLength: 4 }), flow: fc.boolean() }),
  ),
}));

function flowText(n: Node): string {
  if ('scalar' in n) return n.scalar;
  if ('map' in n) return `{${n.map.map(([k, v]) => `${k}: ${flowText(v)}`).join(', ')}}`;
  return `[${n.seq.map(flowText).join(', ')}]`;
}

/** Lines of a node in block style at an indent (flow collections inline). `comments` supplies trailing comments. */
function blockLines(n: Node, indent: string, comments: () => string): string[] {
  if ('scalar' in n || n.flow) return [`${indent}${flowText(n)}${comments()}`];
  const inline = (prefix: string, v: Node): string[] => {
    if ('scalar' in v || v.flow || ('map' in v ? v.map.length === 0 : v.seq.length === 0)) return [`${prefix} ${flowText(v)}${comments()}`];
    return [`${prefix}${comments()}`, ...blockLines(v, `${indent}  `, comments)];
  };
  if ('map' in n) {
    if (n.map.length === 0) return [`${indent}{}`];
    return n.map.flatMap(([k, v]) => inline(`${indent}${k}:`, v));
  }
  if (n.seq.length === 0) return [`${indent}[]`];
  return n.seq.flatMap((v) => inline(`${indent}-`, v));
}

const topMap = fc.record({ map: fc.array(fc.tuple(keyText, node), { minLength: 1, maxLength: 6 }), flow: fc.boolean() }) as fc.Arbitrary<Node>;
const documentText = fc.tuple(topMap, fc.array(comment, { minLength: 64, maxLength: 64 }), fc.boolean()).map(([n, cs, header]) => {
  let i = 0;
  const lines = blockLines(n, '', () => cs[i++ % cs.length]);
  return `${header ? '# a header comment: with | > & * ! % ? characters\n' : ''}${lines.join('\n')}\n`;
});

/** Documents from clean parts only (nothing the pre-check refuses), so that most take the fast path. */
const CLEAN = /^[^?&*!|>%@`\\\t\r\u2028'"]*$/;
const cleanPlain = fc.oneof(fc.constantFrom(...EDGE_PLAIN.filter((s) => CLEAN.test(s) && s !== '<<' && s !== '__proto__' && s !== 'null' && s !== '~' && s !== 'Null' && s !== 'NULL')), numberText);
const cleanQuoted = fc.string({ unit: fc.constantFrom(...'ab :#,-[]{}é日~1.'), maxLength: 8 }).chain((s) => fc.constantFrom(`'${s}'`, `"${s}"`));
const cleanScalar = fc.oneof({ weight: 5, arbitrary: cleanPlain }, { weight: 1, arbitrary: cleanQuoted }, { weight: 1, arbitrary: fc.constant('') });
const cleanKey = fc.oneof({ weight: 3, arbitrary: fc.stringMatching(/^[a-zA-Z][a-zA-Z0-9_-]{0,8}$/) }, { weight: 1, arbitrary: cleanScalar });
const { cleanNode } = fc.letrec<{ cleanNode: Node }>((tie) => ({
  cleanNode: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    cleanScalar.map((scalar) => ({ scalar })),
    fc.record({ map: fc.array(fc.tuple(cleanKey, tie('cleanNode')), { maxLength: 5 }), flow: fc.boolean() }),
    fc.record({ seq: fc.array(tie('cleanNode'), { maxLength: 4 }), flow: fc.boolean() }),
  ),
}));
const cleanComment = fc.oneof(fc.constant(''), fc.constant(''), fc.string({ unit: fc.constantFrom(...CHARS), maxLength: 10 }).map((s) => ` #${s}`));
const cleanDocument = fc
  .tuple(fc.record({ map: fc.uniqueArray(fc.tuple(cleanKey, cleanNode), { minLength: 1, maxLength: 6, selector: ([k]) => k }), flow: fc.constant(false) }) as fc.Arbitrary<Node>, fc.array(cleanComment, { minLength: 64, maxLength: 64 }))
  .map(([n, cs]) => {
    let i = 0;
    return `${blockLines(n, '', () => cs[i++ % cs.length]).join('\n')}\n`;
  });

/** Lines put together from YAML's pieces at random indents: odd layouts the generated documents never have. */
const soupLine = fc
  .tuple(
    fc.constantFrom('', ' ', '  ', '    ', '      '),
    fc.constantFrom('', '', '- ', '- - ', '-'),
    fc.oneof(fc.constant(''), cleanKey.map((k) => `${k}:`), cleanKey.map((k) => `${k} :`)),
    fc.constantFrom('', ' ', '  '),
    fc.oneof(cleanScalar, fc.constantFrom('[]', '{}', '[a, b]', '{a: 1, b}', '[a: b, c]', '[a, ]', '{a: [1, {b: 2}]}', '[ , a]', '{a: 1,}', 'a b', 'a  # c', 'b # c: d')),
    cleanComment,
  )
  .map((p) => p.join(''));
const soup = fc.array(soupLine, { minLength: 1, maxLength: 12 }).map((ls) => `${ls.join('\n')}\n`);

/** A small edit: insert, delete or replace a character, or re-indent a line. */
const mutated = fc.tuple(fc.oneof(documentText, cleanDocument), fc.array(fc.tuple(fc.nat(), fc.constantFrom('insert', 'delete', 'replace', 'indent', 'dedent'), fc.constantFrom(...CHARS, '\n', ' ', '- ', ': ', '---\n', '...', '  ')), { minLength: 1, maxLength: 3 })).map(([text, edits]) => {
  let t = text;
  for (const [at, op, s] of edits) {
    const i = t.length ? at % t.length : 0;
    const lineStart = t.lastIndexOf('\n', i - 1) + 1;
    if (op === 'insert') t = t.slice(0, i) + s + t.slice(i);
    else if (op === 'delete') t = t.slice(0, i) + t.slice(i + 1);
    else if (op === 'replace') t = t.slice(0, i) + s + t.slice(i + 1);
    else if (op === 'indent') t = `${t.slice(0, lineStart)}  ${t.slice(lineStart)}`;
    else t = t.slice(0, lineStart) + t.slice(lineStart).replace(/^ {1,2}/, '');
  }
  return t;
});

describe('YAML fast path (js-yaml) against the reference path (the yaml library)', () => {
  it('hand-checked values: the yaml library core schema, not js-yaml defaults', () => {
    const v = parseYamlFast(
      'a: 0o17\nb: 0x1F\nc: 1_000\nd: .5\ne: +.inf\nf: .NaN\ng: ~\nh: Null\ni: yes\nj: on\nk: -0\nl: 1e3\nm: 012\nn: 123456789012345678901234567890\no: True\np: "1"\nq:\nr: 2001-12-14\n',
      BOUNDS,
    ) as Record<string, unknown>;
    expect(v).toBeDefined();
    expect(v).toStrictEqual({ a: 15, b: 31, c: '1_000', d: 0.5, e: Infinity, f: NaN, g: null, h: null, i: 'yes', j: 'on', k: -0, l: 1000, m: 12, n: 1.2345678901234568e29, o: true, p: '1', q: null, r: '2001-12-14' });
    expect(Object.is(v.k, -0)).toBe(true);
    expect(Object.getPrototypeOf(v)).toBe(Object.prototype);
    expect(agrees('a: 0o17\nb: [0x1F, -0, .NaN, ~, {c: True}]\n')).toBe(true);
  });

  it('unusual texts take the reference path', () => {
    for (const t of [
      'a: &x 1\nb: *x\n', 'a: !!str 1\n', '%YAML 1.2\n---\na: 1\n', '---\na: 1\n', 'a: 1\n...\n', '? a\n: 1\n', 'a:\tb\n', '<<: {a: 1}\n',
      '__proto__: 1\n', '\uFEFFa: 1\n', 'a: 1\r\n', 'a: |\n  x\n', 'a: >\n  x\n', 'a: "x\\ty"\n', 'a: "x\n  y"\n', 'a: [1,\n  2]\n',
      '[a]: 1\n', '{a: 1}: 2\n', 'null: 1\n', '~: 1\n', ': 1\n', 'a: 1\na: 2\n', '- a\n', 'a\n', '', `a: ${'x'.repeat(1001)}\n`,
      `${'k: 1\n'.repeat(2000)}`, 'a: \u0085\n', 'a: @b\n', 'a: `b`\n', 'a: b\u2028c\n', 'a: 😀\n',
    ]) {
      expect(parseYamlFast(t, BOUNDS), JSON.stringify(t)).toBeUndefined();
    }
    // The reference path still gives today's verdict: a value, or the library's words.
    expect(parseYamlBounded('null: 1\n', BOUNDS)).toStrictEqual({ '': 1 });
    expect(parseYamlBounded('[a, b]: 1\n', BOUNDS)).toStrictEqual({ '[ a, b ]': 1 });
    expect(() => parseYamlBounded('a: 1\na: 2\n', BOUNDS)).toThrow(/Map keys must be unique/);
    expect(parseYamlBounded('a: &x 1\nb: *x\n', BOUNDS)).toStrictEqual({ a: 1, b: 1 });
  });

  it('JSON files keep the reference path', () => {
    expect(() => parseYamlBounded('{"a": 1, "a": 2}', { ...BOUNDS, schema: 'json' })).toThrow(/Map keys must be unique/);
    // The json schema reads `yes` and `0o17` as errors or strings where the core schema reads numbers.
    expect(() => parseYamlBounded('{"a": 0x1F}', { ...BOUNDS, schema: 'json' })).toThrow();
    expect(parseYamlBounded('{"a": 0x1F}', BOUNDS)).toStrictEqual({ a: 31 });
  });

  it('the bundled examples, `init` output and the bench files take the fast path', () => {
    const examples = ['web-app', 'global-saas', 'serverless-dynamodb'];
    const texts = [templateText(), ...examples.map((e) => templateText(e)), ...Array.from({ length: 200 }, (_, i) => generatedWorkload(i * 5))];
    for (const name of examples) texts.push(readFileSync(new URL(`../../data/examples/${name}.yaml`, import.meta.url), 'utf8'));
    for (const t of texts) expect(agrees(t), t.slice(0, 200)).toBe(true);
  });

  it('generated documents: the fast path gives the reference value whenever it returns', () => {
    let taken = 0;
    fc.assert(
      fc.property(documentText, (text) => {
        if (agrees(text)) taken++;
      }),
      { numRuns: 4000 },
    );
    expect(taken).toBeGreaterThan(100);
  });

  it('generated documents from clean parts: mostly the fast path, always the reference value', () => {
    let taken = 0;
    fc.assert(
      fc.property(cleanDocument, (text) => {
        if (agrees(text)) taken++;
      }),
      { numRuns: 4000 },
    );
    // Not a vacuous property: many of these documents take the fast path (a quarter, as measured).
    expect(taken).toBeGreaterThan(600);
  });

  it('odd layouts (lines put together at random): never a value where the reference path differs or throws', () => {
    let taken = 0;
    fc.assert(
      fc.property(soup, (text) => {
        if (agrees(text)) taken++;
      }),
      { numRuns: 6000 },
    );
    expect(taken).toBeGreaterThan(80);
  });

  it('mutated documents (often broken YAML): never a value where the reference path differs or throws', () => {
    fc.assert(fc.property(mutated, (text) => void agrees(text)), { numRuns: 4000 });
  });

  it('small bounds: the fast path returns only when the reference path would not refuse', () => {
    const bounds = fc.record({ maxEntries: fc.nat(40), maxTokens: fc.nat(600), maxDepth: fc.nat(8), maxAliasCount: fc.nat(5) });
    fc.assert(fc.property(fc.oneof(documentText, cleanDocument, mutated, soup), bounds, (text, b) => void agrees(text, { ...b, schema: 'core' })), { numRuns: 3000 });
  });

  it('no core tag matches a plain scalar whose first character is outside CORE_PLAIN_FIRST', () => {
    const tags = new Schema({ schema: 'core' }).tags.filter((t): t is ScalarTag => 'test' in t && t.test instanceof RegExp);
    expect(tags.map((t) => t.tag)).toEqual(['null', 'bool', 'int', 'int', 'int', 'float', 'float', 'float'].map((n) => `tag:yaml.org,2002:${n}`));
    const tails = ['', 'ull', 'ULL', 'rue', 'alse', '0', '1', 'inf', 'nan', 'NaN', '1e3', 'x1F', 'o17', '.5', '5'];
    for (let c = 0; c <= 0xffff; c++) {
      if (c >= 0xd800 && c <= 0xdfff) continue;
      const first = String.fromCharCode(c);
      if (CORE_PLAIN_FIRST.has(first)) continue;
      for (const tail of tails) if (tags.some((t) => t.test!.test(first + tail))) throw new Error(`${JSON.stringify(first + tail)} matches a core tag`);
    }
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 8 }), (s) => {
        if (!CORE_PLAIN_FIRST.has(s[0])) expect(tags.some((t) => t.test!.test(s))).toBe(false);
      }),
      { numRuns: 5000 },
    );
  });
});

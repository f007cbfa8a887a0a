/** Properties of the pieces the hostile suite relies on: echo/quote/echoPath, the glob matcher, the bounded parsers. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { expandBraces, matchSegment } from '../../src/cli/glob';
import { InputError } from '../../src/errors';
import { parseJsonBounded } from '../../src/io/json';
import { parseYamlBounded } from '../../src/io/yaml';
import { echo, echoPath, escapeControl, quote } from '../../src/text/escape';
import { nearest } from '../../src/text/suggest';

const anyText = fc.string({ unit: 'binary', maxLength: 400 });
// eslint-disable-next-line no-control-regex
const RAW_CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

describe('echo, quote, echoPath', () => {
  it('never longer than asked, never a raw control character, unchanged when short and printable', () => {
    fc.assert(
      fc.property(anyText, fc.integer({ min: 8, max: 120 }), (s, max) => {
        const e = echo(s, max);
        expect(e.length).toBeLessThanOrEqual(max);
        expect(e).not.toMatch(RAW_CONTROL);
        if (s.length <= max && escapeControl(s) === s) expect(e).toBe(s);
        if (e !== escapeControl(s)) expect(e.endsWith('…')).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('hand-checked values', () => {
    expect(echo('\x1b]0;PWNED\x07\x1b[2J')).toBe('\\x1b]0;PWNED\\x07\\x1b[2J');
    expect(echo('a\u007fb\u0085c\u009bd\u202ee')).toBe('a\\x7fb\\x85c\\x9bd\\u202ee');
    expect(echo('line1\nline2\r\t')).toBe('line1\\nline2\\r\\t');
    expect(echo('x'.repeat(81))).toBe(`${'x'.repeat(79)}…`);
    expect(echo('x'.repeat(80))).toBe('x'.repeat(80));
    expect(echo('é🙂'.repeat(10))).toBe('é🙂'.repeat(10));
    expect(quote('a"b\\c')).toBe('"a\\"b\\\\c"');
    expect(echo('x'.repeat(1_000_000)).length).toBe(80);
  });

  it('a long path keeps its start and its file name', () => {
    const p = `/repo/${'deep/'.repeat(100)}services/checkout/dr.yaml`;
    const e = echoPath(p);
    expect(e.length).toBeLessThanOrEqual(160);
    expect(e.startsWith('/repo/deep/')).toBe(true);
    expect(e.endsWith('services/checkout/dr.yaml')).toBe(true);
    expect(e).toContain('…');
    expect(echoPath('services/a/dr.yaml')).toBe('services/a/dr.yaml');
  });

  it('no suggestion for an input too long to be a typo', () => {
    expect(nearest('m5.lrge', ['m5.large', 'c5.large'], 1)).toEqual(['m5.large']);
    expect(nearest('m'.repeat(65), ['m5.large'], 1)).toEqual([]);
  });
});

describe('glob matching', () => {
  const toRegex = (p: string) => new RegExp(`^${[...p].map((c) => (c === '*' ? '.*' : c === '?' ? '.' : c.replace(/[.+^$()|[\]\\{}]/g, '\\$&'))).join('')}$`, 's');
  it('matchSegment agrees with a regular expression on short inputs', () => {
    const unit = fc.constantFrom('a', 'b', '.', '*', '?');
    fc.assert(
      fc.property(fc.string({ unit, maxLength: 8 }), fc.string({ unit: fc.constantFrom('a', 'b', '.'), maxLength: 10 }), (p, name) => {
        expect(matchSegment(p, name)).toBe(toRegex(p).test(name));
      }),
      { numRuns: 3000 },
    );
  });

  it('a backtracking pattern against a long name is linear', () => {
    expect(matchSegment(`${'*a'.repeat(30)}*b`, 'a'.repeat(5000))).toBe(false);
  });

  it('brace expansion is capped', () => {
    expect(expandBraces('{a,b}/{c,d}')).toEqual(['a/c', 'a/d', 'b/c', 'b/d']);
    expect(expandBraces('{a,b}'.repeat(9))).toHaveLength(512);
    expect(() => expandBraces('{a,b}'.repeat(10))).toThrow(InputError);
    expect(() => expandBraces('{a,b}'.repeat(10))).toThrow(/more than 1,000 patterns/);
  });
});

describe('bounded parsers', () => {
  const bounds = { maxEntries: 100, maxTokens: 1000, maxDepth: 5, maxAliasCount: 10 };
  it('YAML: values as the yaml library gives them; the bounds refuse before composing', () => {
    expect(parseYamlBounded('a: 1\nb: [x, {c: d}]\n', bounds)).toEqual({ a: 1, b: ['x', { c: 'd' }] });
    expect(parseYamlBounded('\uFEFFa: 1', bounds)).toEqual({ a: 1 });
    expect(parseYamlBounded('{"a": 1, "b": [true, null]}', { ...bounds, schema: 'json' })).toEqual({ a: 1, b: [true, null] });
    expect(() => parseYamlBounded('[[[[[[1]]]]]]', bounds)).toThrow(/nested more than 5 levels/);
    expect(() => parseYamlBounded('- - - - - - x', bounds)).toThrow(/nested more than 5 levels/);
    expect(() => parseYamlBounded(Array.from({ length: 101 }, (_, i) => `k${i}: 1`).join('\n'), bounds)).toThrow(/more than 100 keys/);
    expect(() => parseYamlBounded('\n'.repeat(1001), bounds)).toThrow(/more than 1,000 lines/);
    expect(() => parseYamlBounded('{"a": 1, "a": 2}', { ...bounds, schema: 'json' })).toThrow(/Map keys must be unique/);
  });

  it('JSON: depth and entries counted outside strings; a BOM is accepted', () => {
    const b = { maxDepth: 3, maxEntries: 10 };
    expect(parseJsonBounded('\uFEFF{"a": "[[[[,,,,"}', b)).toEqual({ a: '[[[[,,,,' });
    expect(parseJsonBounded('{"a": "\\"[[[["}', b)).toEqual({ a: '"[[[[' });
    expect(() => parseJsonBounded('[[[[1]]]]', b)).toThrow(/nested more than 3 levels/);
    expect(() => parseJsonBounded(`[${'1,'.repeat(11)}1]`, b)).toThrow(/more than 10 keys/);
    expect(() => parseJsonBounded('{', b)).toThrow();
  });
});

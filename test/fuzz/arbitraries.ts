/** fast-check generators of hostile workload documents, shared by the in-process and the CLI fuzzers. */
import fc from 'fast-check';

/** The web-app example as a plain document: the valid starting point that mutations break. */
export const VALID = {
  version: 1,
  name: 'checkout',
  strategy: 'pilot-light',
  regions: { primary: 'us-east-1', dr: 'us-west-2', additional: [] as string[] },
  compute: { instanceType: 'm5.large', count: 2, ebsGbPerInstance: 50 },
  database: { engine: 'aurora-mysql', instanceClass: 'db.r6g.large', storageGb: 500 },
  objectStorage: { storageGb: 100 },
  dataChangeGbPerDay: 24,
  network: { loadBalancer: 'alb', failoverRouting: 'route53', dnsTtlSeconds: 60, egressGbPerMonth: 200 },
  operations: { detection: 'manual', failoverDecision: 'manual', backupIntervalHours: 24, pointInTimeRecovery: true, warmStandbyCapacity: 0.5 },
  activeActive: { writePattern: 'global-write', consistency: 'eventual' },
  targets: { rto: '1h', rpo: '15m', maxMonthlyCost: 1500 },
  business: { downtimeCostPerHour: 20000, dataLossCostPerHour: 5000, regionEventsPerYear: 0.5 },
  assumptions: {} as Record<string, unknown>,
};

/** Every path to a field of VALID (objects only), e.g. ['compute', 'count']. */
export const PATHS: string[][] = (() => {
  const out: string[][] = [];
  const walk = (v: unknown, path: string[]) => {
    if (path.length) out.push(path);
    if (v && typeof v === 'object' && !Array.isArray(v)) for (const [k, c] of Object.entries(v)) walk(c, [...path, k]);
  };
  walk(VALID, []);
  return out;
})();

/** Text that breaks naive code: unicode, control characters, newlines, quotes, long runs, YAML/JSON syntax. */
export const nastyString = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
  fc.constantFrom(
    '',
    ' ',
    '\n',
    'a\nb',
    'line1\r\nline2',
    '\u0000',
    '\u202e',
    '🙂',
    'x'.repeat(5000),
    '$(whoami)',
    '{{7*7}}',
    '__proto__',
    'constructor',
    'toString',
    '-1',
    '1e400',
    'NaN',
    'Infinity',
    '0x10',
    '1_000',
    '15 m',
    '-15m',
    '0s',
    '99999999999999999999d',
    'm5.lrge',
    'db.r6g.larg',
    'us-east-1 ',
    'US-EAST-1',
  ),
);

export const nastyNumber = fc.oneof(
  fc.double(),
  fc.integer(),
  fc.constantFrom(0, -0, -1, 1e308, -1e308, Number.MAX_SAFE_INTEGER + 2, Number.MIN_VALUE, NaN, Infinity, -Infinity, 0.1 + 0.2, 1e9, 1e9 + 1, 2 ** 31, 2 ** 53),
);

const leaf = fc.oneof(nastyString, nastyNumber, fc.boolean(), fc.constant(null), fc.constant(undefined));

/** Any value: leaves, lists, objects (with hostile keys), nested a few levels. */
export const nastyValue: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: 'small', withCrossShrink: true }, leaf, tie('list'), tie('object')),
  list: fc.array(tie('value'), { maxLength: 4 }),
  object: fc.dictionary(fc.oneof(nastyString, fc.constantFrom(...PATHS.map((p) => p[p.length - 1]))), tie('value'), { maxKeys: 4 }),
})).value;

export type Mutation = { kind: 'set'; path: string[]; value: unknown } | { kind: 'delete'; path: string[] } | { kind: 'extra'; path: string[]; key: string; value: unknown };

export const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('set' as const), path: fc.constantFrom(...PATHS), value: nastyValue }),
  fc.record({ kind: fc.constant('delete' as const), path: fc.constantFrom(...PATHS) }),
  fc.record({ kind: fc.constant('extra' as const), path: fc.constantFrom([], ...PATHS.filter((p) => p.length === 1)), key: nastyString, value: nastyValue }),
);

export function applyMutations(mutations: readonly Mutation[]): Record<string, unknown> {
  const doc = structuredClone(VALID) as Record<string, unknown>;
  for (const m of mutations) {
    const path = m.path;
    let parent: unknown = doc;
    const upto = m.kind === 'extra' ? path : path.slice(0, -1);
    for (const k of upto) {
      if (parent === null || typeof parent !== 'object') break;
      parent = (parent as Record<string, unknown>)[k];
    }
    if (parent === null || typeof parent !== 'object' || Array.isArray(parent)) continue;
    const p = parent as Record<string, unknown>;
    if (m.kind === 'set') p[path[path.length - 1]] = m.value;
    else if (m.kind === 'delete') delete p[path[path.length - 1]];
    else Object.defineProperty(p, m.key, { value: m.value, enumerable: true, configurable: true, writable: true });
  }
  return doc;
}

/** A workload document: mostly mutated valid ones, sometimes anything at all. */
export const workloadDoc: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 6, arbitrary: fc.array(mutation, { minLength: 1, maxLength: 4 }).map(applyMutations) },
  { weight: 1, arbitrary: nastyValue },
  { weight: 1, arbitrary: fc.anything({ withNullPrototype: true, withBigInt: true, withDate: true, withMap: true, withTypedArray: true }) },
);

/** Whole hostile YAML texts: alias bombs, deep nesting, tags, duplicate keys, binary garbage. */
export function aliasBomb(levels: number, width: number): string {
  const lines = ['a0: &a0 ["lol"]'];
  for (let i = 1; i <= levels; i++) lines.push(`a${i}: &a${i} [${Array.from({ length: width }, () => `*a${i - 1}`).join(', ')}]`);
  return `${lines.join('\n')}\n`;
}

export const hostileYaml: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    aliasBomb(9, 9),
    aliasBomb(30, 2),
    '['.repeat(20000) + ']'.repeat(20000),
    '{a: '.repeat(5000) + '1' + '}'.repeat(5000),
    Array.from({ length: 3000 }, (_, i) => `${' '.repeat(i)}k:`).join('\n'),
    'version: 1\nversion: 1\n',
    '!!js/function "function(){}"',
    '--- !!binary |\n  R0lGODlhDAAMAIQAAP//9/X17unp5WZmZgAAAOfn515eXvPz7Y6OjuDg4J+fn5\n',
    'regions: !!set {us-east-1}\ncompute: {instanceType: m5.large, count: 2}\n',
    'a: &x 1\nb: *y\n',
    '%YAML 9.9\n---\na: 1\n',
    '\uFEFFversion: 1\n',
    'compute: {instanceType: m5.large, count: 0x10}\nregions: {primary: us-east-1}\n',
    'compute: {instanceType: m5.large, count: .inf}\nregions: {primary: us-east-1}\n',
    'compute: {instanceType: m5.large, count: .nan}\nregions: {primary: us-east-1}\n',
    'compute: {instanceType: m5.large, count: 1e999}\nregions: {primary: us-east-1}\n',
    'name: "\\u0000\\u001b[31mred"\nregions: {primary: us-east-1}\ncompute: {instanceType: m5.large, count: 1}\n',
    '<<: *nothing\n',
    '---\n---\n---\n',
    '',
    '\u0000\u0001\u0002',
  ),
  fc.uint8Array({ maxLength: 300 }).map((b) => Buffer.from(b).toString('latin1')),
  fc.string({ unit: 'binary', maxLength: 300 }),
);

/**
 * A validator generated from the ONE workload schema (schema.ts): code that, for a document the schema accepts,
 * returns exactly what zod's parse returns (the same values, the same keys in the same order, the defaults filled),
 * and for anything else returns undefined, so that validate.ts then runs zod for the exact error message (issue 17).
 *
 * It is written by walking the zod schema's definitions; the schema's refinements are the named functions of
 * rules.ts, found by identity, and called by the generated code. A kind of schema, check or refinement this
 * generator does not know fails the generation (the build), never a run: teach it here, keeping the rule that the
 * generated code accepts only what zod accepts, and returns what zod returns.
 *
 * When in doubt the generated code declines (a value present but `undefined`, an object with another prototype, a
 * symbol or `__proto__` key): zod then decides. scripts/build.mjs runs this at build time and bundles the code as a
 * module (fast-validate.ts in the bundle); from source, fast-validate.ts compiles it at load.
 */
import { z } from 'zod';
import * as rules from './rules';
import { workloadSchema } from './schema';

type Def = { type: string; checks?: Check[] } & Record<string, unknown>;
type Node = { _zod: { def: Def } };
type Check = { _zod: { def: Record<string, unknown>; check?: unknown } };

/** zod's own `when` of its length checks (run them on any value with a length): the only condition understood. */
const LENGTH_WHEN = (z.string().min(1)._zod.def.checks![0] as unknown as Check)._zod.def.when;

const RULES = new Map<unknown, string>(Object.entries(rules).flatMap(([name, v]) => (typeof v === 'function' ? [[v, name] as [unknown, string]] : [])));

/** A value as a JavaScript expression (JSON, with -0 kept). */
function literal(v: unknown): string {
  if (typeof v === 'number') return Object.is(v, -0) ? '-0' : String(v);
  if (v === undefined) throw new Error('validator-gen: an undefined default');
  return JSON.stringify(v);
}

/**
 * The body of a factory `(rules) => fastParse`: `fastParse(doc)` returns the parsed workload, or undefined when zod
 * has to decide.
 */
export function validatorSource(schema: unknown = workloadSchema): string {
  const consts = new Map<string, string>();
  const fns = new Map<string, string>();
  const names = new Map<unknown, string>();
  /** A constant (a Set, a RegExp) defined once, by its code. */
  const constant = (code: string) => {
    if (!consts.has(code)) consts.set(code, `K${consts.size}`);
    return consts.get(code)!;
  };

  /** The name of the function that parses `node`: `pN(v)` returns the output, or F (one function per distinct body). */
  function parser(node: Node): string {
    const known = names.get(node);
    if (known) return known;
    const code = body(node);
    if (!fns.has(code)) fns.set(code, `p${fns.size}`);
    names.set(node, fns.get(code)!);
    return fns.get(code)!;
  }

  function checks(def: Def, on: string): string[] {
    // zod counts a string's length in code points (a surrogate pair is one), an array's in items.
    const length = def.type === 'string' ? `cpLen(${on})` : `${on}.length`;
    return (def.checks ?? []).map((c) => {
      const cd = c._zod.def;
      const extra = Object.keys(cd).filter((k) => !['check', 'value', 'inclusive', 'minimum', 'maximum', 'format', 'pattern', 'fn', 'type', 'error', 'abort', 'origin', 'when', 'params', 'path'].includes(k));
      if (extra.length) throw new Error(`validator-gen: a ${String(cd.check)} check with ${extra.join(', ')}`);
      if ((cd.when !== undefined && cd.when !== LENGTH_WHEN) || cd.path !== undefined) throw new Error(`validator-gen: a conditional ${String(cd.check)} check`);
      switch (cd.check) {
        case 'greater_than':
          return `if (!(${on} ${cd.inclusive ? '>=' : '>'} ${literal(cd.value)})) return F;`;
        case 'less_than':
          return `if (!(${on} ${cd.inclusive ? '<=' : '<'} ${literal(cd.value)})) return F;`;
        case 'number_format':
          if (cd.format !== 'safeint') throw new Error(`validator-gen: number format ${String(cd.format)}`);
          return `if (!Number.isSafeInteger(${on})) return F;`;
        case 'min_length':
          return `if (${length} < ${literal(cd.minimum)}) return F;`;
        case 'max_length':
          return `if (${length} > ${literal(cd.maximum)}) return F;`;
        case 'string_format': {
          if (cd.format !== 'regex' || !(cd.pattern instanceof RegExp)) throw new Error(`validator-gen: string format ${String(cd.format)}`);
          const re = constant(String(cd.pattern));
          return `${re}.lastIndex = 0; if (!${re}.test(${on})) return F;`;
        }
        case 'custom': {
          if (typeof cd.fn === 'function') {
            const rule = RULES.get(cd.fn);
            if (!rule) throw new Error('validator-gen: a refinement that is not a function of rules.ts');
            return `if (!rules.${rule}(${on})) return F;`;
          }
          const rule = RULES.get(c._zod.check);
          if (!rule) throw new Error('validator-gen: a check that is not a function of rules.ts');
          return `{ const p = { value: ${on}, issues: [] }; rules.${rule}(p); if (p.issues.length) return F; }`;
        }
        default:
          throw new Error(`validator-gen: a ${String(cd.check)} check`);
      }
    });
  }

  /** Returns F unless v is a mapping zod would read as one (own prototype Object.prototype, or none). */
  const plainObject = `if (typeof v !== 'object' || v === null || Array.isArray(v)) return F;
  { const proto = Object.getPrototypeOf(v); if (proto !== Object.prototype && proto !== null) return F; }`;

  function body(node: Node): string {
    const def = node._zod.def;
    const lines: string[] = [];
    switch (def.type) {
      case 'string':
        lines.push(`if (typeof v !== 'string') return F;`);
        break;
      case 'number':
        lines.push(`if (typeof v !== 'number' || !Number.isFinite(v)) return F;`);
        break;
      case 'boolean':
        lines.push(`if (typeof v !== 'boolean') return F;`);
        break;
      case 'enum':
        lines.push(`if (!${constant(`new Set(${JSON.stringify(Object.values(def.entries as object))})`)}.has(v)) return F;`);
        break;
      case 'literal':
        lines.push(`if (!${constant(`new Set(${JSON.stringify(def.values)})`)}.has(v)) return F;`);
        break;
      case 'union': {
        // zod: the first option that accepts the value gives the output.
        const options = (def.options as Node[]).map(parser);
        lines.push(`let r = F;`, ...options.map((p) => `if (r === F) r = ${p}(v);`), `if (r === F) return F;`, `v = r;`);
        break;
      }
      case 'array': {
        const element = parser(def.element as Node);
        lines.push(`if (!Array.isArray(v)) return F;`, `const out = [];`, `for (let i = 0; i < v.length; i++) { const x = ${element}(v[i]); if (x === F) return F; out.push(x); }`, `v = out;`);
        break;
      }
      case 'object': {
        const shape = def.shape as Record<string, Node>;
        const catchall = (def.catchall as Node | undefined)?._zod.def.type;
        if (catchall !== undefined && catchall !== 'never') throw new Error(`validator-gen: an object with a ${catchall} catchall`);
        lines.push(plainObject);
        if (catchall === 'never') lines.push(`for (const k in v) if (!${constant(`new Set(${JSON.stringify(Object.keys(shape))})`)}.has(k)) return F;`);
        lines.push(`const out = {};`);
        for (const [key, value] of Object.entries(shape)) {
          if (key in Object.prototype) throw new Error(`validator-gen: the key ${key} is a property of every object`);
          const k = JSON.stringify(key);
          const vdef = value._zod.def;
          if (vdef.type === 'optional') {
            // Absent: no key. Present but undefined: zod keeps the key; declined here.
            const inner = vdef.innerType as Node;
            if (['default', 'prefault', 'optional'].includes(inner._zod.def.type)) throw new Error(`validator-gen: optional ${inner._zod.def.type}`);
            lines.push(`if (${k} in v) { if (v[${k}] === undefined) return F; const x = ${parser(inner)}(v[${k}]); if (x === F) return F; out[${k}] = x; }`);
          } else if (vdef.type === 'default') {
            // zod returns (a shallow copy of) the default for undefined, without parsing it.
            if (checksOf(vdef).length) throw new Error('validator-gen: checks on a default');
            lines.push(`{ const x = v[${k}] === undefined ? ${literal(vdef.defaultValue)} : ${parser(vdef.innerType as Node)}(v[${k}]); if (x === F) return F; out[${k}] = x; }`);
          } else if (vdef.type === 'prefault') {
            // zod parses (a shallow copy of) the prefault for undefined.
            if (checksOf(vdef).length) throw new Error('validator-gen: checks on a prefault');
            lines.push(`{ const x = ${parser(vdef.innerType as Node)}(v[${k}] === undefined ? ${literal(vdef.defaultValue)} : v[${k}]); if (x === F) return F; out[${k}] = x; }`);
          } else {
            lines.push(`if (!(${k} in v)) return F;`, `{ const x = ${parser(value)}(v[${k}]); if (x === F) return F; out[${k}] = x; }`);
          }
        }
        lines.push(`v = out;`);
        break;
      }
      case 'record': {
        // z.partialRecord(enum, value): each own key must be one of the enum's, in the input's order.
        const keyDef = (def.keyType as Node)._zod.def;
        if (def.partial !== true || keyDef.type !== 'enum' || checksOf(keyDef).length) throw new Error('validator-gen: a record other than z.partialRecord(z.enum(...), ...)');
        const keys = constant(`new Set(${JSON.stringify(Object.values(keyDef.entries as object))})`);
        lines.push(
          plainObject,
          `const out = {};`,
          `for (const k of Reflect.ownKeys(v)) {`,
          `  if (typeof k !== 'string' || k === '__proto__' || !Object.prototype.propertyIsEnumerable.call(v, k) || !${keys}.has(k)) return F;`,
          `  const x = ${parser(def.valueType as Node)}(v[k]); if (x === F) return F; out[k] = x;`,
          `}`,
          `v = out;`,
        );
        break;
      }
      default:
        throw new Error(`validator-gen: a ${def.type} schema`);
    }
    lines.push(...checks(def, 'v'), 'return v;');
    return lines.map((l) => `  ${l}`).join('\n');
  }

  const root = parser(schema as Node);
  // A string's length in code points, as zod counts it (util.codePointLength).
  const cpLen = `function cpLen(s) {
  let n = s.length;
  for (let i = 0; i < s.length - 1; i++) if ((s.charCodeAt(i) & 0xfc00) === 0xd800 && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) { n--; i++; }
  return n;
}`;
  return [
    `'use strict';`,
    `const F = {};`,
    cpLen,
    ...[...consts].map(([code, name]) => `const ${name} = ${code};`),
    ...[...fns].map(([code, name]) => `function ${name}(v) {\n${code}\n}`),
    `return function fastParse(doc) { const r = ${root}(doc); return r === F ? undefined : r; };`,
  ].join('\n');
}

function checksOf(def: Def): Check[] {
  return def.checks ?? [];
}

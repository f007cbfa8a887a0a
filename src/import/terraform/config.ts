/**
 * A plan's `configuration`: the resource blocks (for `references` between resources, since ids are unknown at plan
 * time), the provider configurations (`provider_config`, keyed by `provider_config_key`) and the module tree
 * (`module_calls`), with just enough evaluation to read a provider's `region`: a constant, or `var.x` resolved
 * through the plan's `variables` and, inside modules, through each module call's `expressions` up to the root
 * (plus `each.key` / `each.value` / `count.index` of the module instance). Pure.
 *
 * Keys of `provider_config`: `aws`, `aws.west`, and `module.child:aws` for a provider declared inside a module;
 * since Terraform 0.13 a resource using a provider passed in or inherited has the root key (jsonconfig
 * `normalizeModuleProviderKeys`); Terraform 0.12 wrote `child:aws`, which is resolved up the module chain here.
 */
import type { ModuleStep, TfInstance } from './read';
import { at, instanceKey, isObject, str, type JsonObject } from './values';

export interface ResourceRef {
  mode: 'managed' | 'data';
  type: string;
  name: string;
  index?: string | number;
}

/** `aws_launch_template.web[0].id` → { type, name, index: 0 }; `var.x`, `local.y`, `module.z.out` → undefined. */
export function parseResourceRef(ref: string): ResourceRef | undefined {
  const m = /^(data\.)?([a-z][a-z0-9_]*)\.([A-Za-z_][A-Za-z0-9_-]*)(?:\[(\d+|"(?:[^"\\]|\\.)*")\])?/.exec(ref);
  if (!m) return undefined;
  const type = m[2];
  if (!m[1] && ['var', 'local', 'module', 'each', 'count', 'path', 'terraform', 'self'].includes(type)) return undefined;
  return { mode: m[1] ? 'data' : 'managed', type, name: m[3], ...(m[4] !== undefined ? { index: instanceKey(m[4]) } : {}) };
}

type Step = string | number;

/** `var.regions["west"]` → { root: 'var', steps: ['regions', 'west'] }. */
function parseTraversal(ref: string): { root: string; steps: Step[] } | undefined {
  const m = /^([a-z]+)/.exec(ref);
  if (!m) return undefined;
  const steps: Step[] = [];
  let rest = ref.slice(m[0].length);
  while (rest) {
    const s = /^\.([A-Za-z_][A-Za-z0-9_-]*)|^\[(\d+)\]|^\[("(?:[^"\\]|\\.)*")\]/.exec(rest);
    if (!s) return undefined;
    if (s[1] !== undefined) steps.push(s[1]);
    else if (s[2] !== undefined) steps.push(Number(s[2]));
    else {
      try {
        steps.push(JSON.parse(s[3]) as string);
      } catch {
        return undefined;
      }
    }
    rest = rest.slice(s[0].length);
  }
  return { root: m[1], steps };
}

function traverse(v: unknown, steps: readonly Step[]): unknown {
  let cur = v;
  for (const s of steps) {
    if (Array.isArray(cur) && typeof s === 'number') cur = cur[s];
    else if (isObject(cur) && Object.hasOwn(cur, String(s))) cur = cur[String(s)];
    else return undefined;
  }
  return cur;
}

/** Every string in `references` anywhere under an expression (nested blocks are arrays or objects of expressions). */
export function referencesIn(expr: unknown, depth = 0): string[] {
  if (depth > 32) return [];
  if (Array.isArray(expr)) return expr.flatMap((e) => referencesIn(e, depth + 1));
  if (!isObject(expr)) return [];
  const out: string[] = [];
  if (Array.isArray(expr.references)) for (const r of expr.references) if (typeof r === 'string') out.push(r);
  for (const [k, v] of Object.entries(expr)) if (k !== 'references' && k !== 'constant_value' && typeof v === 'object') out.push(...referencesIn(v, depth + 1));
  return out;
}

export interface Evaluated {
  value?: unknown;
  /** How it was resolved, for the summary: `var.dr_region = "us-west-2"`. */
  via?: string;
}

export class ConfigIndex {
  private readonly root: JsonObject | undefined;
  private readonly providers: JsonObject;

  constructor(
    configuration: JsonObject | undefined,
    private readonly variables: JsonObject,
  ) {
    this.root = isObject(configuration?.root_module) ? configuration.root_module : undefined;
    this.providers = isObject(configuration?.provider_config) ? configuration.provider_config : {};
  }

  get present(): boolean {
    return this.root !== undefined;
  }

  /** The configuration of the module at a path of module call names. */
  module(path: readonly string[]): JsonObject | undefined {
    let m = this.root;
    for (const name of path) {
      const call = at(m, ['module_calls', name]);
      m = isObject(call) && isObject(call.module) ? call.module : undefined;
      if (!m) return undefined;
    }
    return m;
  }

  private call(path: readonly string[]): JsonObject | undefined {
    if (path.length === 0) return undefined;
    const call = at(this.module(path.slice(0, -1)), ['module_calls', path[path.length - 1]]);
    return isObject(call) ? call : undefined;
  }

  /** The resource block an instance comes from. */
  resource(inst: Pick<TfInstance, 'modules' | 'mode' | 'type' | 'name'>): JsonObject | undefined {
    const m = this.module(inst.modules.map((s) => s.name));
    const list = Array.isArray(m?.resources) ? m.resources : [];
    for (const r of list) {
      if (isObject(r) && r.type === inst.type && r.name === inst.name && (r.mode === 'data' ? 'data' : 'managed') === inst.mode) return r;
    }
    return undefined;
  }

  /** The expression a module call passes for the variable `name` of the module at `path`. */
  callArgument(path: readonly string[], name: string): unknown {
    return at(this.call(path), ['expressions', name]);
  }

  /** The references of the block's argument `key` (deep, through nested blocks). */
  references(inst: TfInstance, key: string): string[] {
    const r = this.resource(inst);
    return referencesIn(at(r, ['expressions', key]));
  }

  /** The provider configuration a resource uses, and its key. */
  providerFor(inst: TfInstance): { key: string; config: JsonObject } | undefined {
    const key = str(this.resource(inst)?.provider_config_key);
    if (key) {
      const direct = this.providers[key];
      if (isObject(direct)) return { key, config: direct };
    }
    // 0.12's `child:aws.west` keys, or no key: the local provider name, looked up from the resource's module to the root.
    const local = key ? key.slice(key.lastIndexOf(':') + 1) : inst.provider;
    const path = inst.modules.map((s) => s.name);
    for (let n = path.length; n >= 0; n--) {
      const k = n === 0 ? local : `${path.slice(0, n).map((p) => `module.${p}`).join('.')}:${local}`;
      const c = this.providers[k];
      if (isObject(c)) return { key: k, config: c };
    }
    return undefined;
  }

  /**
   * The `region` of a resource's provider configuration: a constant, or a variable resolved up the module chain.
   * `inst.modules` gives the module instance keys for `each.key` in module calls.
   */
  providerRegion(inst: TfInstance): { region?: string; key?: string; via?: string } {
    const p = this.providerFor(inst);
    if (!p) return {};
    const expr = at(p.config, ['expressions', 'region']);
    // A provider declared in a module is evaluated in that module (module_address), else in the root.
    const declaredIn = parseModulePathOf(str(p.config.module_address) ?? '');
    const scope = declaredIn ? matchKeys(declaredIn, inst.modules) : [];
    const ev = this.evaluate(expr, scope);
    return typeof ev.value === 'string' ? { region: ev.value, key: p.key, ...(ev.via ? { via: ev.via } : {}) } : { key: p.key };
  }

  /** The region of the root module's default `aws` provider configuration, when it can be read. */
  defaultRegion(): string | undefined {
    const v = this.evaluate(at(this.providers.aws, ['expressions', 'region']), []).value;
    return typeof v === 'string' ? v : undefined;
  }

  /** Evaluates a constant or a single reference (`var.x`, `each.key`, ...) in a module instance's scope. */
  evaluate(expr: unknown, scope: readonly ModuleStep[], depth = 0): Evaluated {
    if (!isObject(expr) || depth > 32) return {};
    if (Object.hasOwn(expr, 'constant_value')) return { value: expr.constant_value };
    const refs = Array.isArray(expr.references) ? expr.references.filter((r): r is string => typeof r === 'string') : [];
    // The first reference is the most specific (json-format.mdx: multi-step references are unwrapped, longest first).
    const ref = refs[0];
    if (!ref) return {};
    const t = parseTraversal(ref);
    if (!t) return {};
    if (t.root === 'var' && typeof t.steps[0] === 'string') {
      const v = this.variable(t.steps[0], scope, depth);
      const value = traverse(v.value, t.steps.slice(1));
      return value === undefined ? {} : { value, via: `${ref}${v.via ? ` ← ${v.via}` : ''}` };
    }
    return {};
  }

  private variable(name: string, scope: readonly ModuleStep[], depth: number): Evaluated {
    if (scope.length === 0) {
      const given = this.variables[name];
      if (isObject(given) && given.value !== undefined && given.value !== null) return { value: given.value };
      const def = at(this.root, ['variables', name, 'default']);
      return def === undefined ? {} : { value: def };
    }
    const path = scope.map((s) => s.name);
    const call = this.call(path);
    const expr = at(call, ['expressions', name]);
    if (expr !== undefined) {
      const parent = scope.slice(0, -1);
      const self = scope[scope.length - 1];
      const each = this.eachOf(call, self, parent, depth);
      const refs = isObject(expr) && Array.isArray(expr.references) ? expr.references : [];
      const ref = typeof refs[0] === 'string' ? (refs[0] as string) : undefined;
      const t = ref ? parseTraversal(ref) : undefined;
      if (t && (t.root === 'each' || t.root === 'count')) {
        const base = t.root === 'count' ? (t.steps[0] === 'index' ? self.key : undefined) : t.steps[0] === 'key' ? self.key : t.steps[0] === 'value' ? each : undefined;
        const value = t.root === 'each' && t.steps[0] === 'value' ? traverse(base, t.steps.slice(1)) : base;
        return value === undefined ? {} : { value, via: `module.${self.name}: ${ref}` };
      }
      const ev = this.evaluate(expr, parent, depth + 1);
      return ev.value === undefined ? {} : { value: ev.value, via: `module.${self.name}: ${name} = ${ev.via ?? JSON.stringify(ev.value)}` };
    }
    const def = at(this.module(path), ['variables', name, 'default']);
    return def === undefined ? {} : { value: def };
  }

  /** `each.value` of a module instance: its for_each value at its key, when the for_each expression resolves. */
  private eachOf(call: JsonObject | undefined, self: ModuleStep, parent: readonly ModuleStep[], depth: number): unknown {
    if (self.key === undefined || !call?.for_each_expression) return undefined;
    const all = this.evaluate(call.for_each_expression, parent, depth + 1).value;
    if (Array.isArray(all)) return all.includes(self.key) ? self.key : undefined; // a set: each.value = each.key
    return isObject(all) ? all[String(self.key)] : undefined;
  }
}

/** `module.a.module.b` → ['a', 'b']. */
function parseModulePathOf(address: string): string[] | undefined {
  if (!address) return undefined;
  const names = [...address.matchAll(/module\.([A-Za-z_][A-Za-z0-9_-]*)/g)].map((m) => m[1]);
  return names.length ? names : undefined;
}

/** The steps of `path` with the instance keys the resource's module chain has at the same positions. */
function matchKeys(path: readonly string[], modules: readonly ModuleStep[]): ModuleStep[] {
  return path.map((name, i) => (modules[i]?.name === name ? modules[i] : { name }));
}

/**
 * The JSON of `terraform show -json`: a saved plan or a state (Terraform's "JSON Output Format",
 * https://developer.hashicorp.com/terraform/internals/json-format), turned into one flat list of resource instances.
 *
 * - A plan has `format_version`, `planned_values`, `resource_changes`, `configuration`, `variables`, `prior_state`;
 *   a state has `format_version` and `values` (an empty state has neither `values` nor resources).
 * - `format_version`: "minor versions are backward-compatible … reject any input which reports an unsupported major
 *   version" (json-format.mdx). Plans were 0.1 (Terraform 0.12–0.14), 0.2 (0.15–1.0), 1.0 (1.1), 1.1 (1.2) and 1.2
 *   (1.3 onwards); states 0.1, 0.2 and 1.0. Majors 0 and 1 are read; any other major is refused.
 * Pure: no I/O.
 */
import { InputError } from '../../errors';
import { instanceKey, isObject, str, type JsonObject } from './values';

export type Action = 'create' | 'update' | 'no-op' | 'replace' | 'delete' | 'read' | 'forget' | 'state';

export interface ModuleStep {
  name: string;
  key?: string | number;
}

/** One resource instance: a plan's `resource_changes[]` entry, or a state's `values` resource. */
export interface TfInstance {
  address: string;
  /** `module.app["x"]`, or '' in the root module. */
  moduleAddress: string;
  /** The module calls from the root, with each instance key. */
  modules: ModuleStep[];
  mode: 'managed' | 'data';
  type: string;
  name: string;
  index?: string | number;
  /** The provider's short name ("aws" for registry.terraform.io/hashicorp/aws). */
  provider: string;
  /** `change.after` (plans; `change.before` for a delete) or `values` (states). */
  values: JsonObject;
  /** `change.after_unknown` (plans); undefined for states, which are always complete. */
  unknown: unknown;
  action: Action;
  /** Set for a deposed object (an old copy being destroyed). */
  deposed?: string;
}

export interface TfDocument {
  kind: 'plan' | 'state';
  formatVersion: string;
  terraformVersion?: string;
  instances: TfInstance[];
  /** The plan's `configuration` (absent from states). */
  configuration?: JsonObject;
  /** The plan's root `variables` ({ name: { value } }). */
  variables: JsonObject;
}

export const SUPPORTED_FORMATS = '0.1 to 1.x';

/** `terraform show -json` output: an object with `format_version` and a plan's or a state's values. */
export function isTerraformJson(doc: unknown): doc is JsonObject {
  return (
    isObject(doc) &&
    typeof doc.format_version === 'string' &&
    (isObject(doc.planned_values) || isObject(doc.values) || Array.isArray(doc.resource_changes))
  );
}

function notTerraform(source: string, what: string): InputError {
  return new InputError(
    `${source}: ${what}; expected the JSON of \`terraform show -json\` (a saved plan or a state, with format_version and planned_values or values)`,
  );
}

/** Parses the text of a `terraform show -json` file. Throws one-line InputErrors. */
export function parseTerraformText(text: string, source: string): TfDocument {
  let doc: unknown;
  try {
    doc = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (e) {
    throw new InputError(`${source}: not valid JSON (${(e as Error).message.split('\n')[0]}); expected the output of \`terraform show -json\``);
  }
  return readTerraform(doc, source);
}

export function readTerraform(doc: unknown, source: string): TfDocument {
  if (!isObject(doc)) throw notTerraform(source, `not Terraform plan or state JSON (got ${Array.isArray(doc) ? 'a list' : doc === null ? 'null' : typeof doc})`);
  const fv = doc.format_version;
  if (fv === undefined) {
    const hint = isObject(doc.provider_schemas) ? ' (this is `terraform providers schema -json` output)' : '';
    throw notTerraform(source, `not Terraform plan or state JSON: no format_version${hint}`);
  }
  if (typeof fv !== 'string' || !/^\d+\.\d+(\.\d+)?$/.test(fv)) {
    throw new InputError(`${source}: format_version must be a version like "1.2" (got ${JSON.stringify(fv)?.slice(0, 40) ?? String(fv)})`);
  }
  const major = Number(fv.split('.')[0]);
  if (major > 1 || fv === '0.0') {
    throw new InputError(
      `${source}: Terraform JSON format_version ${fv} is not supported (dr-advisor reads ${SUPPORTED_FORMATS}; a new major version is not backward-compatible)`,
    );
  }
  const terraformVersion = str(doc.terraform_version);
  const isPlan = isObject(doc.planned_values) || Array.isArray(doc.resource_changes) || isObject(doc.configuration);
  if (!isPlan && doc.values !== undefined && !isObject(doc.values)) throw notTerraform(source, '"values" is not an object');
  // An empty state is printed as `{"format_version":"1.0"}` alone: a state with no resources.
  if (!isPlan && doc.values === undefined && isObject(doc.provider_schemas)) {
    throw notTerraform(source, 'this is `terraform providers schema -json` output, not a plan or a state');
  }
  const base = { formatVersion: fv, ...(terraformVersion ? { terraformVersion } : {}) };
  if (!isPlan) {
    return { kind: 'state', ...base, instances: walkValues(isObject(doc.values) ? doc.values.root_module : undefined, 'state'), variables: {} };
  }
  return {
    kind: 'plan',
    ...base,
    instances: planInstances(doc),
    ...(isObject(doc.configuration) ? { configuration: doc.configuration } : {}),
    variables: isObject(doc.variables) ? doc.variables : {},
  };
}

function planInstances(doc: JsonObject): TfInstance[] {
  const out: TfInstance[] = [];
  const seen = new Set<string>();
  if (Array.isArray(doc.resource_changes)) {
    for (const rc of doc.resource_changes) {
      const inst = fromChange(rc);
      if (!inst) continue;
      out.push(inst);
      seen.add(inst.address);
    }
  } else if (isObject(doc.planned_values)) {
    // A plan without resource_changes (older or hand-trimmed files): its planned values, as nothing changes.
    for (const inst of walkValues(doc.planned_values.root_module, 'no-op')) {
      out.push(inst);
      seen.add(inst.address);
    }
  }
  // Data sources read while planning are in the prior state, not in resource_changes: listed as read.
  const prior = isObject(doc.prior_state) && isObject(doc.prior_state.values) ? doc.prior_state.values.root_module : undefined;
  for (const inst of walkValues(prior, 'read')) {
    if (inst.mode === 'data' && !seen.has(inst.address)) {
      out.push(inst);
      seen.add(inst.address);
    }
  }
  return out;
}

function actionOf(actions: unknown): Action | undefined {
  if (!Array.isArray(actions)) return undefined;
  const a = actions.filter((x): x is string => typeof x === 'string');
  if (a.includes('delete') && a.includes('create')) return 'replace';
  if (a.length !== 1) return undefined;
  const [one] = a;
  return one === 'create' || one === 'update' || one === 'no-op' || one === 'delete' || one === 'read' || one === 'forget' ? one : undefined;
}

function fromChange(rc: unknown): TfInstance | undefined {
  if (!isObject(rc)) return undefined;
  const type = str(rc.type);
  const name = str(rc.name);
  if (!type || !name) return undefined;
  const change = isObject(rc.change) ? rc.change : {};
  // A deposed object is an old copy being destroyed (json-format.mdx "deposed"): never part of the workload.
  const action = rc.deposed !== undefined ? 'delete' : (actionOf(change.actions) ?? 'no-op');
  const after = action === 'delete' ? change.before : change.after;
  const inst = instance(rc, type, name, isObject(after) ? after : {}, action === 'delete' ? undefined : change.after_unknown, action);
  return rc.deposed !== undefined ? { ...inst, deposed: String(rc.deposed) } : inst;
}

function instance(r: JsonObject, type: string, name: string, values: JsonObject, unknown: unknown, action: Action): TfInstance {
  const index = typeof r.index === 'number' || typeof r.index === 'string' ? r.index : undefined;
  const mode = r.mode === 'data' ? 'data' : 'managed';
  const moduleAddress = str(r.module_address) ?? moduleOf(str(r.address) ?? '');
  const address = str(r.address) ?? `${moduleAddress ? `${moduleAddress}.` : ''}${mode === 'data' ? 'data.' : ''}${type}.${name}`;
  return {
    address,
    moduleAddress,
    modules: parseModuleAddress(moduleAddress) ?? [],
    mode,
    type,
    name,
    ...(index !== undefined ? { index } : {}),
    provider: providerShortName(str(r.provider_name), type),
    values,
    unknown,
    action,
  };
}

/** `registry.terraform.io/hashicorp/aws` → `aws`; 0.12's bare `aws` stays; absent → the type's prefix. */
export function providerShortName(providerName: string | undefined, type: string): string {
  if (providerName) return providerName.split('/').pop()!.toLowerCase();
  return type.split('_')[0];
}

function walkValues(module: unknown, action: Action, depth = 0): TfInstance[] {
  if (!isObject(module) || depth > 64) return [];
  const out: TfInstance[] = [];
  const moduleAddress = str(module.address) ?? '';
  for (const r of Array.isArray(module.resources) ? module.resources : []) {
    if (!isObject(r)) continue;
    const type = str(r.type);
    const name = str(r.name);
    if (!type || !name) continue;
    out.push(instance({ module_address: moduleAddress, ...r }, type, name, isObject(r.values) ? r.values : {}, undefined, action === 'state' || r.mode !== 'data' ? action : 'read'));
  }
  for (const child of Array.isArray(module.child_modules) ? module.child_modules : []) out.push(...walkValues(child, action, depth + 1));
  return out;
}

/** The module part of a resource address: `module.a["x"].aws_instance.web[0]` → `module.a["x"]`. */
function moduleOf(address: string): string {
  const steps: string[] = [];
  let rest = address;
  for (;;) {
    const m = /^module\.[A-Za-z_][A-Za-z0-9_-]*(\[(\d+|"(?:[^"\\]|\\.)*")\])?/.exec(rest);
    if (!m) break;
    steps.push(m[0]);
    rest = rest.slice(m[0].length).replace(/^\./, '');
  }
  return steps.join('.');
}

/** `module.a["x"].module.b[0]` → [{ name: 'a', key: 'x' }, { name: 'b', key: 0 }]; undefined if malformed. */
export function parseModuleAddress(address: string): ModuleStep[] | undefined {
  const steps: ModuleStep[] = [];
  let rest = address;
  while (rest !== '') {
    const m = /^module\.([A-Za-z_][A-Za-z0-9_-]*)(?:\[(\d+|"(?:[^"\\]|\\.)*")\])?(?:\.|$)/.exec(rest);
    if (!m) return undefined;
    steps.push({ name: m[1], ...(m[2] !== undefined ? { key: instanceKey(m[2]) } : {}) });
    rest = rest.slice(m[0].length);
  }
  return steps;
}

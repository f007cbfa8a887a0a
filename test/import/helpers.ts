/**
 * Small `terraform show -json` plans for rule tests: resource_changes plus the configuration (resource blocks with
 * their provider keys and expressions, module calls, provider configurations), in Terraform's JSON format.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { importTerraform, type ImportResult } from '../../src/import/terraform/index';

export const FIXTURES = fileURLToPath(new URL('../fixtures/terraform/', import.meta.url));
export const fixture = (name: string): unknown => JSON.parse(readFileSync(`${FIXTURES}${name}`, 'utf8'));

export interface Res {
  type: string;
  name: string;
  module?: string;
  index?: number | string;
  mode?: 'managed' | 'data';
  actions?: string[];
  after?: Record<string, unknown>;
  before?: Record<string, unknown>;
  unknown?: Record<string, unknown>;
  provider?: string;
  /** provider_config_key of the block (default: the provider name). */
  key?: string;
  expressions?: Record<string, unknown>;
}

export interface ModuleSpec {
  expressions?: Record<string, unknown>;
  variables?: Record<string, unknown>;
  forEach?: unknown;
  modules?: Record<string, ModuleSpec>;
}

export const ref = (...references: string[]) => ({ references });
export const k = (v: unknown) => ({ constant_value: v });
export const AWS = 'registry.terraform.io/hashicorp/aws';

function address(r: Res): string {
  const idx = r.index === undefined ? '' : typeof r.index === 'number' ? `[${r.index}]` : `[${JSON.stringify(r.index)}]`;
  return `${r.module ? `${r.module}.` : ''}${r.mode === 'data' ? 'data.' : ''}${r.type}.${r.name}${idx}`;
}

export function planOf(o: {
  resources: Res[];
  providers?: Record<string, unknown>;
  variables?: Record<string, unknown>;
  modules?: Record<string, ModuleSpec>;
  format?: string;
}): Record<string, unknown> {
  type Mod = { resources: unknown[]; module_calls: Record<string, { expressions?: unknown; for_each_expression?: unknown; module: Mod }>; variables?: unknown };
  const root: Mod = { resources: [], module_calls: {} };
  const moduleAt = (path: string[]): Mod => {
    let m = root;
    let specs = o.modules ?? {};
    for (const name of path) {
      const spec = specs[name] ?? {};
      m.module_calls[name] ??= {
        ...(spec.expressions ? { expressions: spec.expressions } : {}),
        ...(spec.forEach ? { for_each_expression: spec.forEach } : {}),
        module: { resources: [], module_calls: {}, ...(spec.variables ? { variables: spec.variables } : {}) },
      };
      m = m.module_calls[name].module;
      specs = spec.modules ?? {};
    }
    return m;
  };
  const seen = new Set<string>();
  for (const r of o.resources) {
    const path = [...(r.module ?? '').matchAll(/module\.([A-Za-z_][A-Za-z0-9_-]*)/g)].map((m) => m[1]);
    const key = `${path.join('.')}|${r.mode ?? 'managed'}.${r.type}.${r.name}`;
    if (seen.has(key)) continue;
    seen.add(key);
    moduleAt(path).resources.push({
      address: `${r.mode === 'data' ? 'data.' : ''}${r.type}.${r.name}`,
      mode: r.mode ?? 'managed',
      type: r.type,
      name: r.name,
      provider_config_key: r.key ?? r.provider ?? 'aws',
      expressions: r.expressions ?? {},
      schema_version: 0,
    });
  }
  return {
    format_version: o.format ?? '1.2',
    terraform_version: '1.9.8',
    variables: Object.fromEntries(Object.entries(o.variables ?? {}).map(([n, value]) => [n, { value }])),
    planned_values: { root_module: {} },
    resource_changes: o.resources.map((r) => ({
      address: address(r),
      ...(r.module ? { module_address: r.module } : {}),
      mode: r.mode ?? 'managed',
      type: r.type,
      name: r.name,
      ...(r.index !== undefined ? { index: r.index } : {}),
      provider_name: r.provider ? `registry.terraform.io/hashicorp/${r.provider}` : AWS,
      change: {
        actions: r.actions ?? ['create'],
        before: r.before ?? null,
        after: (r.actions ?? ['create']).join() === 'delete' ? null : (r.after ?? {}),
        after_unknown: r.unknown ?? {},
      },
    })),
    configuration: { provider_config: o.providers ?? { aws: { name: 'aws', full_name: AWS, expressions: { region: k('us-east-1') } } }, root_module: root },
  };
}

export function imp(doc: unknown, name = 't', source = 'plan.json'): ImportResult {
  return importTerraform(doc, { source, name });
}

/** A fixture imported under its own file name. */
export const impFixture = (file: string, name = 't'): ImportResult => imp(fixture(file), name, file);

/** A web tier that every workload needs (compute is required): one aws_instance. */
export const web = (o: Partial<Res> = {}): Res => ({ type: 'aws_instance', name: 'web', after: { instance_type: 'm5.large', root_block_device: [{ volume_size: 20 }] }, ...o });

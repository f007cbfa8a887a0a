/**
 * Which resource another one points at. At plan time ids are unknown, so a link is read from the configuration's
 * `references` (`launch_template { id = aws_launch_template.web.id }` → `aws_launch_template.web`, in the same module
 * instance); when values are known (states, existing resources) it is also matched by id, name or ARN. Pure.
 */
import { parseResourceRef, referencesIn, type ConfigIndex, type ResourceRef } from './config';
import type { ModuleStep, TfInstance } from './read';
import { indexText, isObject } from './values';

function moduleAddressOf(steps: readonly ModuleStep[]): string {
  return steps.map((s) => `module.${s.name}${indexText(s.key)}`).join('.');
}

const ID_FIELDS = ['id', 'arn', 'name', 'identifier', 'cluster_identifier', 'global_cluster_identifier', 'bucket', 'dns_name'] as const;

function collectStrings(v: unknown, out: string[], depth = 0): void {
  if (depth > 16) return;
  if (typeof v === 'string' && v !== '') out.push(v);
  else if (Array.isArray(v)) for (const x of v) collectStrings(x, out, depth + 1);
  else if (isObject(v)) for (const x of Object.values(v)) collectStrings(x, out, depth + 1);
}

export class Links {
  private readonly byType = new Map<string, TfInstance[]>();
  private readonly byValue = new Map<string, TfInstance[]>();

  constructor(
    instances: readonly TfInstance[],
    private readonly cfg: ConfigIndex,
  ) {
    for (const i of instances) {
      if (i.mode !== 'managed' || i.action === 'delete' || i.action === 'forget') continue;
      const list = this.byType.get(i.type) ?? [];
      list.push(i);
      this.byType.set(i.type, list);
      for (const f of ID_FIELDS) {
        const v = i.values[f];
        if (typeof v !== 'string' || v === '') continue;
        const key = `${i.type}|${v}`;
        const l = this.byValue.get(key) ?? [];
        if (!l.includes(i)) l.push(i);
        this.byValue.set(key, l);
      }
    }
  }

  instancesOf(type: string): TfInstance[] {
    return this.byType.get(type) ?? [];
  }

  /**
   * The instances of `types` that `from` points at through its argument `key` (a top-level argument or nested
   * block): by configuration references first, then by known id/name/ARN values under that argument.
   */
  find(from: TfInstance, key: string, types: readonly string[]): TfInstance[] {
    const found: TfInstance[] = [];
    const add = (i: TfInstance) => {
      if (i !== from && !found.includes(i)) found.push(i);
    };
    for (const { ref, moduleAddress } of this.resolve(this.cfg.references(from, key), from.modules, 0)) {
      if (ref.mode !== 'managed' || !types.includes(ref.type)) continue;
      const same = this.instancesOf(ref.type).filter((i) => i.name === ref.name && i.moduleAddress === moduleAddress);
      let pick = ref.index !== undefined ? same.filter((i) => i.index === ref.index) : same;
      // `aws_ebs_volume.data[count.index].id` is listed as `aws_ebs_volume.data`: the instance with the same key.
      if (ref.index === undefined && pick.length > 1 && from.index !== undefined) {
        const twin = pick.filter((i) => i.index === from.index);
        if (twin.length) pick = twin;
      }
      pick.forEach(add);
    }
    const values: string[] = [];
    collectStrings(from.values[key], values);
    for (const v of values) for (const t of types) (this.byValue.get(`${t}|${v}`) ?? []).forEach(add);
    return found;
  }

  /**
   * Resource references, followed through module variables: inside a module, `var.db_arn` is whatever the module
   * call passes (`db_arn = aws_db_instance.main.arn` in the parent), resolved in the parent module instance.
   */
  private resolve(refs: readonly string[], modules: readonly ModuleStep[], depth: number): { ref: ResourceRef; moduleAddress: string }[] {
    const out: { ref: ResourceRef; moduleAddress: string }[] = [];
    for (const raw of refs) {
      const ref = parseResourceRef(raw);
      if (ref) {
        out.push({ ref, moduleAddress: moduleAddressOf(modules) });
        continue;
      }
      const v = /^var\.([A-Za-z_][A-Za-z0-9_-]*)/.exec(raw);
      if (v && modules.length && depth < 16) {
        const expr = this.cfg.callArgument(modules.map((m) => m.name), v[1]);
        out.push(...this.resolve(referencesIn(expr), modules.slice(0, -1), depth + 1));
      }
    }
    return out;
  }
}

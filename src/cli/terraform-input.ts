/**
 * Terraform JSON as a CLI input: reading a `terraform show -json` file (bounded), naming the workload after it, and
 * letting `estimate -f` / `check -f` take such a file in place of a workload file (detected by `format_version` and
 * `planned_values` / `values`). I/O edge; the import itself is pure (src/import/terraform).
 */
import { basename, dirname } from 'node:path';
import { InputError } from '../errors';
import terraform from './terraform-import.lazy';
import render from './terraform-render.lazy';
import { FileReadError, readRegularFile } from '../io/read';
import { validateWorkload, type Workload } from '../workload/validate';

/** Plans of large estates run to tens of MB; beyond this a file is refused before parsing. */
export const MAX_PLAN_BYTES = 128 * 1024 * 1024;

export function readTerraformFile(path: string): string {
  try {
    return readRegularFile(path, MAX_PLAN_BYTES);
  } catch (e) {
    if (e instanceof FileReadError) throw new InputError(`${path}: ${e.reason}`);
    throw e;
  }
}

const GENERIC = new Set(['plan', 'tfplan', 'state', 'tfstate', 'terraform', 'main', 'default', 'out', 'show', '']);

/**
 * The workload name for a plan file: its name without `.json` and `.tfplan` / `.plan` / `.tfstate` (`checkout.tfplan.json`
 * → checkout), or the folder's name when the file name says nothing (`services/orders/plan.json` → orders).
 */
export function planWorkloadName(path: string): string {
  const stem = basename(path).replace(/\.json$/i, '').replace(/\.(tfplan|plan|tfstate|state)$/i, '');
  const { workloadName } = terraform();
  if (!GENERIC.has(stem.toLowerCase())) return workloadName(stem);
  const folder = basename(dirname(path));
  return workloadName(folder === '.' || folder === '/' ? undefined : folder);
}

/**
 * The workload of a Terraform JSON file given to `-f`, or undefined when the file is not one (it is then read as a
 * workload file, which reports unreadable files in its usual words). YAML files are never read here.
 */
export function loadTerraformWorkload(path: string, warn: (message: string) => void): Workload | undefined {
  if (/\.ya?ml$/i.test(path)) return undefined;
  let text: string;
  try {
    text = readRegularFile(path, MAX_PLAN_BYTES);
  } catch {
    return undefined;
  }
  if (!/^\uFEFF?\s*\{/.test(text)) return undefined;
  let doc: unknown;
  try {
    doc = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    return undefined;
  }
  if (!terraform().isTerraformJson(doc)) return undefined;
  const result = terraform().importTerraform(doc, { source: basename(path), name: planWorkloadName(path) });
  warn(render().importOneLine(result.summary));
  return validateWorkload(result.workload, path);
}

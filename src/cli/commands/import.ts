/**
 * `dr-advisor import terraform PLAN.json [-o FILE] [--force]` (issue 14): the JSON of `terraform show -json` (a saved
 * plan or a state) → a commented workload file, on stdout or atomically to `-o` (never over an existing file without
 * --force); the summary of what was read, defaulted and skipped on stderr. I/O only: src/import/terraform does the work.
 */
import { basename } from 'node:path';
import { importTerraformText } from '../../import/terraform/index';
import { renderImportSummary, renderImportYaml } from '../../import/terraform/render';
import { writeFileAtomic } from '../files';
import { planWorkloadName, readTerraformFile } from '../terraform-input';

export interface ImportTerraformOptions {
  output?: string;
  force?: boolean;
}

export async function terraform(file: string, opts: ImportTerraformOptions, _globals?: unknown): Promise<void> {
  const result = importTerraformText(readTerraformFile(file), { source: basename(file), name: planWorkloadName(file) });
  const yaml = renderImportYaml(result);
  const toFile = opts.output !== undefined && opts.output !== '-';
  if (toFile) writeFileAtomic(opts.output!, yaml, { force: opts.force });
  else process.stdout.write(yaml);
  process.stderr.write(renderImportSummary(result.summary));
  if (toFile) process.stderr.write(`wrote ${opts.output}; next: dr-advisor estimate -f ${opts.output}\n`);
}

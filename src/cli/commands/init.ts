/** `dr-advisor init`: write a commented workload template (refuses to overwrite without --force). */
import { loadExample } from '../../workload/load';
import { renderTemplate } from '../../workload/template';
import { documentOf, validateWorkload } from '../../workload/validate';
import { writeFileAtomic } from '../files';

export interface InitOptions {
  example?: string;
  output: string;
  force?: boolean;
}

/** The starting point of a template with no example: the required fields and every default. */
export const STARTER = { version: 1, name: 'my-service', regions: { primary: 'us-east-1', dr: 'us-west-2' }, compute: { instanceType: 'm5.large', count: 2 }, targets: { rto: '4h', rpo: '1h' } };

export function templateText(example?: string): string {
  const value = documentOf(example ? loadExample(example) : validateWorkload(STARTER, 'template'));
  const header = ` dr-advisor workload file (version 1). Every field except regions.primary and compute has a default.\n Check it with: dr-advisor estimate -f <this file>   ·   JSON Schema: dr-advisor schema workload`;
  return renderTemplate(value, header);
}

export async function run(opts: InitOptions, _globals?: unknown): Promise<void> {
  const text = templateText(opts.example);
  if (opts.output === '-') {
    process.stdout.write(text);
    return;
  }
  writeFileAtomic(opts.output, text, { force: opts.force });
  process.stderr.write(`wrote ${opts.output}; next: dr-advisor estimate -f ${opts.output}\n`);
}

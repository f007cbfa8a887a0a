/** `dr-advisor schema workload|output`: the JSON Schemas, derived from the same sources the code validates with. */
import { outputJsonSchema } from '../../advisor/output-schema';
import { InputError } from '../../errors';
import { workloadJsonSchema } from '../../workload/template';

export async function run(which: string, _globals?: unknown): Promise<void> {
  if (which === 'workload') process.stdout.write(JSON.stringify(workloadJsonSchema(), null, 2) + '\n');
  else if (which === 'output') process.stdout.write(JSON.stringify(outputJsonSchema(), null, 2) + '\n');
  else throw new InputError(`schema must be one of workload, output (got ${JSON.stringify(which)})`);
}

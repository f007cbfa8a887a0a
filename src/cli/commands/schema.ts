/** `dr-advisor schema workload|output|check`: the JSON Schemas, derived from the same sources the code validates with. */
import { checkJsonSchema, outputJsonSchema } from '../../advisor/output-schema';
import { InputError } from '../../errors';
import { workloadJsonSchema } from '../../workload/template';

const SCHEMAS: Record<string, () => Record<string, unknown>> = { workload: workloadJsonSchema, output: outputJsonSchema, check: checkJsonSchema };

export async function run(which: string, _globals?: unknown): Promise<void> {
  const make = SCHEMAS[which];
  if (!make) throw new InputError(`schema must be one of ${Object.keys(SCHEMAS).join(', ')} (got ${JSON.stringify(which)})`);
  process.stdout.write(JSON.stringify(make(), null, 2) + '\n');
}

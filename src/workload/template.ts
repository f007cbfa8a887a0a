/**
 * The commented workload template (`dr-advisor init`), derived from the schema: every field's comment is its
 * `.describe()` text, and optional fields without a default are shown commented out. Pure.
 */
import { Document, isMap, isScalar, type Pair, type YAMLMap } from 'yaml';
import { z } from 'zod';
import { workloadSchema } from './schema';

type JsonSchema = { description?: string; properties?: Record<string, JsonSchema>; default?: unknown; anyOf?: JsonSchema[]; allOf?: JsonSchema[] };

let cached: JsonSchema | undefined;
/** The JSON Schema of the workload file (draft 2020-12), from the zod schema. */
export function workloadJsonSchema(): JsonSchema & Record<string, unknown> {
  cached ??= {
    ...(z.toJSONSchema(workloadSchema, { io: 'input', unrepresentable: 'any' }) as JsonSchema),
    title: 'dr-advisor workload file',
    $id: 'https://github.com/dr-advisor/dr-advisor/schema/workload.json',
  } as JsonSchema;
  return cached as JsonSchema & Record<string, unknown>;
}

const EXAMPLES: Record<string, string> = {
  strategy: 'pilot-light',
  dr: 'us-west-2',
  instanceClass: 'db.r6g.large',
  rto: '1h',
  rpo: '15m',
  maxMonthlyCost: '1500',
  downtimeCostPerHour: '20000',
  dataLossCostPerHour: '5000',
  regionEventsPerYear: '0.5',
};

function annotate(map: YAMLMap, schema: JsonSchema | undefined, depth: number): void {
  const props = schema?.properties ?? {};
  const present = new Set<string>();
  for (const item of map.items as Pair[]) {
    const key = isScalar(item.key) ? String(item.key.value) : String(item.key);
    present.add(key);
    const sub = props[key];
    if (!sub) continue;
    if (isMap(item.value) && (item.value as YAMLMap).items.length > 0) {
      if (sub.description && isScalar(item.key)) item.key.commentBefore = ` ${sub.description}`;
      annotate(item.value as YAMLMap, sub, depth + 1);
    } else if (item.value && sub.description) {
      (item.value as { comment?: string }).comment = ` ${sub.description}`;
    }
  }
  const missing = Object.keys(props).filter((k) => !present.has(k));
  if (missing.length) {
    const lines = missing.map((k) => ` ${k}: ${EXAMPLES[k] ?? '...'}    # ${props[k].description ?? ''} (optional)`);
    map.comment = [map.comment, ...lines].filter(Boolean).join('\n');
  }
}

/** YAML text of a workload with the schema's descriptions as comments. */
export function renderTemplate(value: unknown, header: string): string {
  const doc = new Document(value);
  if (isMap(doc.contents)) annotate(doc.contents, workloadJsonSchema(), 0);
  doc.commentBefore = header;
  return doc.toString({ lineWidth: 0, flowCollectionPadding: true });
}

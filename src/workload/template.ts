/**
 * The commented workload template (`dr-advisor init`), derived from the schema: every field's comment is its
 * `.describe()` text, and optional fields without a default are shown commented out. Pure.
 */
import { Document, isMap, isScalar, isSeq, type Pair, type YAMLMap } from 'yaml';
import { z } from 'zod';
import { workloadSchema } from './schema';

type JsonSchema = { description?: string; type?: string; properties?: Record<string, JsonSchema>; items?: JsonSchema; default?: unknown; anyOf?: JsonSchema[]; allOf?: JsonSchema[] };

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

function optionalLines(props: Record<string, JsonSchema>, missing: string[]): string[] {
  return missing.map((k) => ` ${k}: ${EXAMPLES[k] ?? '...'}    # ${props[k].description ?? ''} (optional)`);
}

/** The branch of a union (`compute`: one tier or a list of tiers) that the value takes, keeping the union's description. */
function branchFor(schema: JsonSchema | undefined, value: unknown): JsonSchema | undefined {
  if (!schema?.anyOf) return schema;
  const pick = schema.anyOf.find((b) => (isSeq(value) ? b.type === 'array' : b.properties !== undefined));
  return pick ? { ...pick, description: schema.description ?? pick.description } : schema;
}

function annotate(map: YAMLMap, schema: JsonSchema | undefined): void {
  const props = schema?.properties ?? {};
  const present = new Set<string>();
  for (const item of map.items as Pair[]) {
    const key = isScalar(item.key) ? String(item.key.value) : String(item.key);
    present.add(key);
    const sub = branchFor(props[key], item.value);
    if (!sub) continue;
    const value = item.value as { items?: unknown[]; comment?: string } | null;
    if (isMap(value) || isSeq(value)) {
      // Collections: the description goes above the key; an empty one also shows its optional fields as examples.
      const lines = sub.description ? [` ${sub.description}`] : [];
      if (isMap(value) && value.items.length === 0) {
        const subProps = sub.properties ?? {};
        lines.push(...optionalLines(subProps, Object.keys(subProps)).map((l) => `  ${l}`));
      }
      if (lines.length && isScalar(item.key)) item.key.commentBefore = lines.join('\n');
      if (isMap(value) && value.items.length > 0) annotate(value, sub);
      // A list of parts: each part's fields get their descriptions too.
      if (isSeq(value)) for (const part of value.items) if (isMap(part)) annotate(part, sub.items);
    } else if (value && sub.description) {
      value.comment = ` ${sub.description}`;
    }
  }
  const missing = Object.keys(props).filter((k) => !present.has(k));
  if (missing.length) map.comment = [map.comment, ...optionalLines(props, missing)].filter(Boolean).join('\n');
}

/** YAML text of a workload with the schema's descriptions as comments. */
export function renderTemplate(value: unknown, header: string): string {
  const doc = new Document(value);
  if (isMap(doc.contents)) annotate(doc.contents, workloadJsonSchema());
  doc.commentBefore = header;
  return doc.toString({ lineWidth: 0, flowCollectionPadding: true });
}

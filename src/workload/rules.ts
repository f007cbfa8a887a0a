/**
 * The workload schema's rules that are code, not declarations (refinements and the cross-field check), as named
 * functions: `schema.ts` attaches them to the zod schema, and the validator generated from that schema at build
 * time (`validator-gen.ts`) calls the same functions, found by identity. Pure; no zod.
 */
import { parseDuration } from '../model/time';

/**
 * The smallest non-zero quantity accepted. Below it a figure is noise that prices to nothing: `storageGb: 5e-324`
 * printed `"unitPrice": 0`. Zero itself stays legal (no storage, no budget).
 */
export const MIN_NONZERO = 0.001;

/** 0, or at least {@link MIN_NONZERO} either way. */
export function notTiny(v: number): boolean {
  return v === 0 || Math.abs(v) >= MIN_NONZERO;
}

/** Seconds of a duration as written, or undefined when it is not one. */
export function durationSeconds(v: string | number): number | undefined {
  return typeof v === 'number' ? (Number.isFinite(v) ? v : undefined) : parseDuration(v);
}

/** A duration: `90s`, `15m`, `4h`, `1d`, or a number of seconds, not negative. */
export function isDuration(v: string | number): boolean {
  return (durationSeconds(v) ?? -1) >= 0;
}

/** 0, or at least one second (below one second otherwise is noise). Only after {@link isDuration}. */
export function durationNotTiny(v: string | number): boolean {
  return durationSeconds(v) === 0 || durationSeconds(v)! >= 1;
}

/** A problem found by {@link crossFieldCheck}, where it is and what it must be. */
export interface CrossFieldIssue {
  code: 'custom';
  path: (string | number)[];
  message: string;
  input: unknown;
  continue: true;
}

interface ParsedParts {
  regions: { primary: string; dr?: string; additional: string[] };
  compute: unknown;
  database: { engine: string; instanceClass?: string } | { name: string; engine: string; instanceClass?: string }[];
}

/**
 * The rules across fields, on the parsed workload (zod `.check`: the issues are pushed onto `payload.issues`): the DR
 * region differs from the primary, additional regions repeat none, a DynamoDB store has no instance class, and the
 * names of a list's parts are unique.
 */
export function crossFieldCheck(payload: { value: unknown; issues: unknown[] }): void {
  const w = payload.value as ParsedParts;
  const issue = (path: (string | number)[], message: string) => payload.issues.push({ code: 'custom', path, message, input: payload.value, continue: true } satisfies CrossFieldIssue);
  if (w.regions.dr !== undefined && w.regions.dr === w.regions.primary) issue(['regions', 'dr'], 'must differ from regions.primary');
  const seen = new Set([w.regions.primary, w.regions.dr]);
  w.regions.additional.forEach((r, i) => {
    if (seen.has(r)) issue(['regions', 'additional', i], 'must not repeat regions.primary, regions.dr or another additional region');
    seen.add(r);
  });
  const stores = Array.isArray(w.database) ? w.database.map((s, i) => ({ s, path: ['database', i] })) : [{ s: w.database, path: ['database'] }];
  for (const { s, path } of stores) {
    if (s.engine === 'dynamodb' && s.instanceClass !== undefined) issue([...path, 'instanceClass'], 'does not apply to dynamodb (remove it)');
  }
  for (const kind of ['compute', 'database'] as const) {
    const list = w[kind];
    if (!Array.isArray(list)) continue;
    const first = new Map<string, number>();
    (list as { name: string }[]).forEach((p, i) => {
      const at = first.get(p.name);
      if (at !== undefined) issue([kind, i, 'name'], `must be unique among the ${kind === 'compute' ? 'tiers' : 'data stores'}: ${kind}[${at}] has the same name`);
      else first.set(p.name, i);
    });
  }
}

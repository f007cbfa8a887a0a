import type { CheckReport } from '../advisor/check/types';

/** `check --format json`: the check report itself, one JSON document on stdout (also a valid `--baseline`). */
export function renderCheckJson(r: CheckReport): string {
  return JSON.stringify(r, null, 2) + '\n';
}

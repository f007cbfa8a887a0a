import type { Report } from '../advisor/types';

/** `--format json`: the report object itself, one JSON document on stdout. */
export function renderJson(r: Report): string {
  return JSON.stringify(r, null, 2) + '\n';
}

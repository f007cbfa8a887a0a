/**
 * The bundled example workloads, read from their source of truth, `data/examples/*.yaml`: each one's name, its
 * document as parsed, and as validated (the schema's output, before normalizeWorkload).
 *
 * Runs from source (tests) read and parse the files here. The bundle does not: scripts/build.mjs runs this module at
 * build time and replaces it by a `bundledExamples()` that returns what it read, as object literals, so that
 * `--example` parses no YAML and validates nothing at start-up (issue 17). An example that does not validate fails
 * the build.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { dataPath } from '../data-path';
import type { ParsedWorkload } from './schema';
import { parseWorkloadText } from './load';
import { parseWorkload } from './validate';

export interface BundledExample {
  name: string;
  /** As parsed from the YAML (what `init` and the wizard start from). */
  document: unknown;
  /** As validated: the schema's output, every default filled (normalizeWorkload is still to run). */
  parsed: ParsedWorkload;
}

/** The examples in a folder, sorted by name. */
export function readExamples(dir: string): BundledExample[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => f.slice(0, -5))
    .sort()
    .map((name) => {
      const source = `example ${name}`;
      const document = parseWorkloadText(readFileSync(join(dir, `${name}.yaml`), 'utf8'), source);
      return { name, document, parsed: parseWorkload(document, source) };
    });
}

let read: BundledExample[] | undefined;

/** The bundled examples, sorted by name (fresh objects on every call in the bundle; read once from source). */
export function bundledExamples(): BundledExample[] {
  read ??= readExamples(dataPath('examples'));
  return structuredClone(read);
}

/** Reading workload files and bundled examples (the I/O edge of the workload module). */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { extname } from 'node:path';
import { parse as parseYaml, YAMLParseError } from 'yaml';
import { dataPath } from '../data-path';
import { InputError } from '../errors';
import { validateWorkload, type Workload } from './validate';

/** Workload files are small; anything larger is refused before parsing. */
export const MAX_WORKLOAD_BYTES = 1024 * 1024;

export function parseWorkloadText(text: string, source: string, format: 'yaml' | 'json' = 'yaml'): unknown {
  if (format === 'json') {
    try {
      return JSON.parse(text);
    } catch (e) {
      throw new InputError(`${source}: not valid JSON (${(e as Error).message})`);
    }
  }
  try {
    // maxAliasCount guards against alias bombs ("billion laughs"); uniqueKeys rejects duplicated fields; logLevel
    // 'error' keeps the yaml library from printing multi-line YAMLWarnings (unknown tags, %YAML 9.9) on stderr.
    return parseYaml(text, { maxAliasCount: 100, uniqueKeys: true, prettyErrors: true, strict: true, logLevel: 'error' });
  } catch (e) {
    if (e instanceof YAMLParseError) {
      const pos = e.linePos?.[0];
      const where = pos ? ` at line ${pos.line}, column ${pos.col}` : '';
      throw new InputError(`${source}: not valid YAML${where} (${e.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '')})`);
    }
    const msg = (e as Error).message ?? String(e);
    throw new InputError(`${source}: could not read the YAML (${msg.split('\n')[0]})`);
  }
}

export function loadWorkloadFile(path: string): Workload {
  let size: number;
  try {
    const st = statSync(path);
    if (st.isDirectory()) throw new InputError(`${path}: is a directory, expected a workload file`);
    size = st.size;
  } catch (e) {
    if (e instanceof InputError) throw e;
    throw new InputError(`${path}: cannot read the workload file (${(e as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  if (size > MAX_WORKLOAD_BYTES) throw new InputError(`${path}: the workload file is ${size} bytes; at most ${MAX_WORKLOAD_BYTES} are accepted`);
  const text = readFileSync(path, 'utf8');
  const doc = parseWorkloadText(text, path, extname(path).toLowerCase() === '.json' ? 'json' : 'yaml');
  return validateWorkload(doc, path);
}

export function exampleNames(): string[] {
  try {
    return readdirSync(dataPath('examples'))
      .filter((f) => f.endsWith('.yaml'))
      .map((f) => f.slice(0, -5))
      .sort();
  } catch {
    return [];
  }
}

export function exampleText(name: string): string {
  const names = exampleNames();
  if (!names.includes(name)) throw new InputError(`--example must be one of ${names.join(', ')} (got ${JSON.stringify(name)})`);
  return readFileSync(dataPath(`examples/${name}.yaml`), 'utf8');
}

export function loadExample(name: string): Workload {
  return validateWorkload(parseWorkloadText(exampleText(name), `example ${name}`), `example ${name}`);
}

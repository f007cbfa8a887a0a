/**
 * Reading workload files and bundled examples (the I/O edge of the workload module). A workload comes from a regular
 * file or from standard input (`-`), read with a size cap (src/io/read.ts), and is parsed with bounds on entries,
 * depth and aliases (src/io/yaml.ts); JSON goes through the same bounded parser, so its duplicate keys are refused as
 * YAML's are and a UTF-8 byte-order mark is accepted. Every message echoes the file name and the parser's words
 * escaped and cut (src/text/escape.ts), never the file's content beyond a short excerpt.
 */
import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import { dataPath } from '../data-path';
import { InputError } from '../errors';
import { FileReadError, readRegularFile, readStdin } from '../io/read';
import type { YamlBounds } from '../io/yaml';
import { echo, echoPath, quote } from '../text/escape';
import { bundledExamples } from './examples-data';
import { normalizeWorkload, validateWorkload, type Workload } from './validate';
import tty from '../io/tty.lazy';
import yaml from './yaml.lazy';

/** Workload files are small (the examples are about 1 kB); anything larger is refused before parsing. */
export const MAX_WORKLOAD_BYTES = 1024 * 1024;

/**
 * A valid workload has fewer than 200 keys and list items, a few hundred lexical tokens, and nests 3 levels deep;
 * these bounds leave room for any honest file (comments included) and stop a hostile one within about 100 ms.
 */
export const WORKLOAD_BOUNDS: YamlBounds = { maxEntries: 2000, maxTokens: 50_000, maxDepth: 16, maxAliasCount: 100 };

/** `-f -`: the workload is read from standard input. */
export const STDIN_PATH = '-';

/** How a workload's origin is named in messages: the path (escaped, cut), or "standard input". */
export function sourceName(path: string): string {
  return path === STDIN_PATH ? 'standard input' : echoPath(path);
}

export function parseWorkloadText(text: string, source: string, format: 'yaml' | 'json' = 'yaml'): unknown {
  const kind = format === 'json' ? 'JSON' : 'YAML';
  const { parseYamlBounded, YamlInputError } = yaml();
  try {
    return parseYamlBounded(text, { ...WORKLOAD_BOUNDS, schema: format === 'json' ? 'json' : 'core' });
  } catch (e) {
    if (!(e instanceof YamlInputError)) throw e;
    const at = e.line !== undefined ? ` at line ${e.line}, column ${e.col}` : '';
    if (e.problem === 'too-many-entries' || e.problem === 'too-many-tokens' || e.problem === 'too-deep') {
      throw new InputError(`${source}: ${e.message}${at}; a workload file is far smaller, so it is not read further`);
    }
    // The library's words may quote the file (an alias or tag name): escaped and cut, like every echoed value.
    const words = echo(e.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, ''));
    if (e.problem === 'aliases') throw new InputError(`${source}: could not read the ${kind} (${words})`);
    throw new InputError(`${source}: not valid ${kind}${at} (${words})`);
  }
}

/** One line for a file that could not be read: what it is, or what the OS said. */
export function fileProblem(e: FileReadError, what: string): string {
  const name = sourceName(e.path);
  if (e.problem === 'not-regular') return `${name}: ${e.reason}; ${what} must be a regular file, or - for standard input`;
  if (e.problem === 'too-large') return `${name}: ${what} ${e.reason}`;
  return `${name}: cannot read ${what}: ${e.reason}`;
}

/** The text of a workload file or of standard input, bounded. */
export function readWorkloadText(path: string): string {
  try {
    if (path === STDIN_PATH) {
      // Refused rather than waited on: a terminal on stdin here is a slip (the wizard, or a missing `< file`).
      if (tty().isatty(0)) throw new InputError('-f -: standard input is a terminal; pipe or redirect the workload in (dr-advisor estimate -f - < dr.yaml), or give a file name');
      return readStdin(MAX_WORKLOAD_BYTES);
    }
    return readRegularFile(path, MAX_WORKLOAD_BYTES);
  } catch (e) {
    if (e instanceof FileReadError) throw new InputError(fileProblem(e, 'the workload file'));
    throw e;
  }
}

function formatOf(path: string): 'yaml' | 'json' {
  return extname(path).toLowerCase() === '.json' ? 'json' : 'yaml';
}

/** The file as written (for the wizard's pre-fill) and validated, from one bounded read. */
export function loadWorkloadDocument(path: string): { raw: unknown; workload: Workload } {
  const source = sourceName(path);
  const raw = parseWorkloadText(readWorkloadText(path), source, formatOf(path));
  return { raw, workload: validateWorkload(raw, source) };
}

export function loadWorkloadFile(path: string): Workload {
  return loadWorkloadDocument(path).workload;
}

/** The bundled examples' names, sorted (data/examples/*.yaml; parsed and validated at build time). */
export function exampleNames(): string[] {
  return bundledExamples().map((e) => e.name);
}

function bundledExample(name: string) {
  const examples = bundledExamples();
  const found = examples.find((e) => e.name === name);
  if (!found) throw new InputError(`--example must be one of ${examples.map((e) => e.name).join(', ')} (got ${quote(name)})`);
  return found;
}

/** A bundled example's file, as written. */
export function exampleText(name: string): string {
  bundledExample(name);
  return readFileSync(dataPath(`examples/${name}.yaml`), 'utf8');
}

/** A bundled example's document, as parsed from its file (what `init` and the wizard start from). */
export function exampleDocument(name: string): unknown {
  return bundledExample(name).document;
}

/** A bundled example, validated and normalized (as `validateWorkload` of its document). */
export function loadExample(name: string): Workload {
  return normalizeWorkload(bundledExample(name).parsed);
}

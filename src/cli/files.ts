/**
 * File safety for the commands. Writes never overwrite without --force, and there is no window between the check and
 * the write: the content goes to a temp file in the same folder, which is then hard-linked to the target (link()
 * fails if the target exists, a dangling symlink included) or, with --force, renamed over it. The temp file is removed
 * on errors and on SIGINT/SIGTERM/SIGHUP; one left by a process killed with -9 is removed by the next write to the
 * same target. Reads of other user files (the baseline) and the append to GITHUB_STEP_SUMMARY are bounded and refuse
 * anything that is not a regular file (src/io/read.ts).
 */
import { linkSync, lstatSync, readdirSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { InputError } from '../errors';
import { appendRegularFile, describeOsError, FileReadError, readRegularFile } from '../io/read';
import { JsonInputError, parseJsonBounded } from '../io/json';
import { echo, echoPath } from '../text/escape';

/** `.NAME.dr-advisor.PID.MS.tmp`; `.NAME.PID.MS.tmp` is what versions before 0.2 left behind. */
const TEMP_TAIL_RE = /^(?:dr-advisor\.)?(\d+)\.(\d+)\.tmp$/;
/** A write takes milliseconds; a temp file older than this is stale whatever its PID says (PIDs are reused). */
const STALE_MS = 10 * 60 * 1000;

function tempName(base: string): string {
  return `.${base}.dr-advisor.${process.pid}.${Date.now()}.tmp`;
}

function alive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Removes temp files of earlier writes to the same target whose writer is gone (kill -9) or that are stale. */
export function removeStaleTemps(dir: string, base: string, now = Date.now()): string[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  const removed: string[] = [];
  const prefix = `.${base}.`;
  for (const name of names) {
    const m = name.startsWith(prefix) ? TEMP_TAIL_RE.exec(name.slice(prefix.length)) : null;
    if (!m) continue;
    const pid = Number(m[1]);
    const started = Number(m[2]);
    if (alive(pid) && now - started < STALE_MS) continue;
    try {
      unlinkSync(join(dir, name));
      removed.push(name);
    } catch {
      /* gone already, or not ours to remove */
    }
  }
  return removed;
}

/** What is at `path` without following a final symlink: a dangling link counts as existing. */
function existing(path: string): 'missing' | 'file' | 'dangling-link' {
  try {
    if (!lstatSync(path).isSymbolicLink()) return 'file';
  } catch {
    return 'missing';
  }
  try {
    statSync(path); // follows the link
    return 'file';
  } catch {
    return 'dangling-link';
  }
}

function alreadyExists(path: string, kind: 'file' | 'dangling-link'): InputError {
  const what = kind === 'dangling-link' ? ' (a symbolic link to a missing file)' : '';
  return new InputError(`${echoPath(path)} already exists${what}; use --force to overwrite it`);
}

/** Codes for "this file system has no hard links": fall back to an exclusive create. */
const NO_LINKS = new Set(['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS', 'EMLINK']);

/**
 * Signal listeners for the length of a write, removed one turn of the event loop later so that a signal that came
 * in during the (synchronous) write is still seen: the temp file is removed and the signal raised again.
 */
function guardSignals(cleanup: () => void): () => void {
  const signals = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
  const off = () => {
    for (const s of signals) process.off(s, onSignal);
  };
  function onSignal(signal: NodeJS.Signals): void {
    cleanup();
    off();
    process.kill(process.pid, signal);
  }
  for (const s of signals) process.on(s, onSignal);
  return () => setImmediate(off).unref();
}

export function writeFileAtomic(path: string, content: string, opts: { force?: boolean } = {}): void {
  const dir = dirname(path);
  const base = basename(path);
  removeStaleTemps(dir, base);
  if (!opts.force) {
    const kind = existing(path);
    if (kind !== 'missing') throw alreadyExists(path, kind);
  }
  const tmp = join(dir, tempName(base));
  const cleanup = () => {
    try {
      unlinkSync(tmp);
    } catch {
      /* not created, or already linked and removed */
    }
  };
  const release = guardSignals(cleanup);
  try {
    writeFileSync(tmp, content, { flag: 'wx', mode: 0o644 });
    if (opts.force) renameSync(tmp, path);
    else {
      try {
        linkSync(tmp, path);
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code ?? '';
        if (code === 'EEXIST') throw alreadyExists(path, existing(path) === 'dangling-link' ? 'dangling-link' : 'file');
        if (!NO_LINKS.has(code)) throw e;
        writeFileSync(path, content, { flag: 'wx', mode: 0o644 }); // O_CREAT|O_EXCL: fails if anything is there
      }
      cleanup();
    }
  } catch (e) {
    cleanup();
    if (e instanceof InputError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') throw alreadyExists(path, 'file');
    throw new InputError(`cannot write ${echoPath(path)}: ${describeOsError(e, 'write')}`);
  } finally {
    release();
  }
}

/** A baseline is the JSON that `check` or `estimate` wrote: 10,000 workloads make about 16 MB. */
export const MAX_BASELINE_BYTES = 32 * 1024 * 1024;
const BASELINE_BOUNDS = { maxDepth: 64, maxEntries: 2_000_000 };

/** Reads and parses `--baseline FILE`, bounded; every failure is one InputError naming the file. */
export function readBaselineText(path: string): { doc: unknown; label: string } {
  const label = `--baseline ${echoPath(path)}`;
  let text: string;
  try {
    text = readRegularFile(path, MAX_BASELINE_BYTES);
  } catch (e) {
    if (!(e instanceof FileReadError)) throw e;
    if (e.problem === 'not-regular') throw new InputError(`${label}: ${e.reason}; expected a JSON file`);
    if (e.problem === 'too-large') throw new InputError(`${label}: the file ${e.reason}`);
    throw new InputError(`${label}: cannot read the file: ${e.reason}`);
  }
  try {
    return { doc: parseJsonBounded(text, BASELINE_BOUNDS), label };
  } catch (e) {
    if (!(e instanceof JsonInputError)) throw e;
    if (e.problem === 'syntax') throw new InputError(`${label}: not valid JSON (${echo(e.message)})`);
    throw new InputError(`${label}: ${e.message}; not a dr-advisor JSON output`);
  }
}

/** Appends the Markdown summary to GITHUB_STEP_SUMMARY; anything but a regular (or new) file there is a warning. */
export function appendStepSummary(path: string, text: string, warn: (message: string) => void): void {
  try {
    appendRegularFile(path, text);
  } catch (e) {
    const why = e instanceof FileReadError ? e.reason : describeOsError(e, 'write');
    warn(`could not append the summary to GITHUB_STEP_SUMMARY ${echoPath(path)}: ${why}`);
  }
}

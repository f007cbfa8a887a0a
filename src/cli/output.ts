/**
 * Where a command's output and diagnostics go. `--out-file FILE` writes the output atomically (a temp file in the same
 * folder, then a rename) and refuses an existing file without `--force`, checked before any work so a long run never
 * ends in "already exists". `--quiet` drops warnings from stderr; errors are still printed (by `main`).
 */
import { statSync } from 'node:fs';
import { InputError } from '../errors';
import { wrapText } from '../report/table';
import { writeFileAtomic } from './files';

export interface OutputFlags {
  outFile?: string;
  force?: boolean;
  quiet?: boolean;
}

/** Process-wide: set once from the flags, before the command runs. */
export const diagnostics = { quiet: false };

/** Checks --out-file before the command does any work. Throws InputError. */
export function checkOutFile(flags: OutputFlags): void {
  if (flags.outFile === undefined) return;
  if (flags.outFile.trim() === '') throw new InputError('--out-file must name a file');
  let isDir = false;
  let exists = false;
  try {
    const st = statSync(flags.outFile);
    exists = true;
    isDir = st.isDirectory();
  } catch {
    // missing: fine
  }
  if (isDir) throw new InputError(`--out-file ${flags.outFile} is a directory; give a file name`);
  if (exists && !flags.force) throw new InputError(`${flags.outFile} already exists; use --force to overwrite it`);
}

/** The command's output: to --out-file (atomic) or stdout. */
export function writeOutput(text: string, flags: OutputFlags): void {
  if (flags.outFile !== undefined) writeFileAtomic(flags.outFile, text, { force: flags.force });
  else process.stdout.write(text);
}

/** One diagnostic line for stderr: on a terminal, wrapped to its width (continuation lines indented). */
export function stderrLine(text: string): string {
  const cols = process.stderr.isTTY ? process.stderr.columns : undefined;
  return `${cols ? wrapText(text, cols, '  ') : text}\n`;
}

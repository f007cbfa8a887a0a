/**
 * Where a command's output and diagnostics go. `--out-file FILE` writes the output atomically (a temp file in the same
 * folder, then a rename) and refuses an existing file without `--force`, checked before any work so a long run never
 * ends in "already exists". `--quiet` drops warnings from stderr; errors are still printed (by `main`).
 */
import { lstatSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { InputError } from '../errors';
import { wrapText } from '../text/wrap';
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
    // lstat: a dangling symlink is a file that exists (the atomic write refuses it too).
    const st = lstatSync(flags.outFile);
    exists = true;
    isDir = st.isDirectory() || (st.isSymbolicLink() && statIsDir(flags.outFile));
  } catch {
    // missing: fine, if its folder exists
  }
  if (isDir) throw new InputError(`--out-file ${flags.outFile} is a directory; give a file name`);
  if (exists && !flags.force) throw new InputError(`${flags.outFile} already exists; use --force to overwrite it`);
  // Checked before any work is done, so a typo in the folder never costs a pricing run.
  const folder = dirname(flags.outFile);
  if (!statIsDir(folder)) throw new InputError(`--out-file ${flags.outFile}: the folder ${folder} does not exist`);
}

function statIsDir(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
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

/** File safety: never overwrite without --force; every write is atomic (temp file in the same folder, then rename). */
import { existsSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { InputError } from '../errors';

export function writeFileAtomic(path: string, content: string, opts: { force?: boolean } = {}): void {
  if (existsSync(path) && !opts.force) throw new InputError(`${path} already exists; use --force to overwrite it`);
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.${Date.now()}.tmp`);
  try {
    writeFileSync(tmp, content, { flag: 'wx', mode: 0o644 });
    renameSync(tmp, path);
  } catch (e) {
    rmSync(tmp, { force: true });
    const code = (e as NodeJS.ErrnoException).code;
    throw new InputError(`cannot write ${path} (${code ?? (e as Error).message})`);
  }
}

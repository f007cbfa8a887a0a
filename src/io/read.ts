/**
 * Bounded reads of files the user (or a shared cache) hands us: regular files only, never more than `maxBytes`.
 * The file is opened with O_NONBLOCK, so a FIFO opens at once instead of waiting for a writer, and then `fstat` on the
 * open descriptor decides: a directory, FIFO, socket or device is refused before a byte is read (a symlink is followed
 * to what it names). Callers turn a {@link FileReadError} into their own message (an input error, or a cache warning).
 */
import { closeSync, constants, fstatSync, openSync, readSync, type Stats } from 'node:fs';
import { open } from 'node:fs/promises';

export type FileReadProblem = 'not-regular' | 'too-large' | 'os-error';

export class FileReadError extends Error {
  constructor(
    readonly path: string,
    readonly problem: FileReadProblem,
    /** Plain words: "is a FIFO, not a regular file", "is larger than 10 MB", "permission denied (EACCES)". */
    readonly reason: string,
    readonly code?: string,
  ) {
    super(`${path}: ${reason}`);
    this.name = 'FileReadError';
  }
}

const OPEN_FLAGS = constants.O_RDONLY | constants.O_NONBLOCK;

function kindOf(st: Stats): string {
  if (st.isDirectory()) return 'a directory';
  if (st.isFIFO()) return 'a FIFO (named pipe)';
  if (st.isSocket()) return 'a socket';
  if (st.isCharacterDevice() || st.isBlockDevice()) return 'a device';
  return 'not a regular file';
}

function sizeText(bytes: number): string {
  return bytes % (1024 * 1024) === 0 ? `${bytes / (1024 * 1024)} MB` : bytes % 1024 === 0 ? `${bytes / 1024} kB` : `${bytes} bytes`;
}

const OS_WORDS: Record<string, string> = {
  ENOENT: 'no such file',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EIO: 'input/output error',
  ENOTDIR: 'a part of the path is not a directory',
  EISDIR: 'is a directory',
  ELOOP: 'too many levels of symbolic links',
  ENAMETOOLONG: 'the path is too long',
  ENXIO: 'no such device or address',
  EMFILE: 'too many open files',
};

export function osError(path: string, err: unknown): FileReadError {
  const code = (err as NodeJS.ErrnoException)?.code;
  const words = code && OS_WORDS[code] ? `${OS_WORDS[code]} (${code})` : code ? `cannot read it (${code})` : 'cannot read it';
  return new FileReadError(path, 'os-error', words, code);
}

function check(path: string, st: Stats, maxBytes: number): void {
  if (!st.isFile()) throw new FileReadError(path, 'not-regular', `is ${kindOf(st)}, not a regular file`);
  if (st.size > maxBytes) throw new FileReadError(path, 'too-large', `is ${st.size} bytes, larger than the ${sizeText(maxBytes)} accepted`);
}

/** Reads a regular file as UTF-8, at most `maxBytes` (a file that grows past the cap while read is refused too). */
export function readRegularFile(path: string, maxBytes: number): string {
  let fd: number;
  try {
    fd = openSync(path, OPEN_FLAGS);
  } catch (err) {
    throw osError(path, err);
  }
  try {
    check(path, fstatSync(fd), maxBytes);
    const buf = Buffer.allocUnsafe(Math.min(maxBytes + 1, 64 * 1024));
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const n = readSync(fd, buf, 0, buf.length, null);
      if (n === 0) break;
      total += n;
      if (total > maxBytes) throw new FileReadError(path, 'too-large', `is larger than the ${sizeText(maxBytes)} accepted`);
      chunks.push(Buffer.from(buf.subarray(0, n)));
    }
    return Buffer.concat(chunks, total).toString('utf8');
  } catch (err) {
    throw err instanceof FileReadError ? err : osError(path, err);
  } finally {
    closeSync(fd);
  }
}

/** The same, without blocking the event loop (cache entries are read many at once). */
export async function readRegularFileAsync(path: string, maxBytes: number): Promise<string> {
  let handle;
  try {
    handle = await open(path, OPEN_FLAGS);
  } catch (err) {
    throw osError(path, err);
  }
  try {
    check(path, await handle.stat(), maxBytes);
    const chunks: Buffer[] = [];
    let total = 0;
    const buf = Buffer.allocUnsafe(Math.min(maxBytes + 1, 64 * 1024));
    for (;;) {
      const { bytesRead } = await handle.read(buf, 0, buf.length, null);
      if (bytesRead === 0) break;
      total += bytesRead;
      if (total > maxBytes) throw new FileReadError(path, 'too-large', `is larger than the ${sizeText(maxBytes)} accepted`);
      chunks.push(Buffer.from(buf.subarray(0, bytesRead)));
    }
    return Buffer.concat(chunks, total).toString('utf8');
  } catch (err) {
    throw err instanceof FileReadError ? err : osError(path, err);
  } finally {
    await handle.close();
  }
}

/**
 * Bounded reads of files the user (or a shared cache) hands us: regular files only, never more than `maxBytes`.
 * The file is opened with O_NONBLOCK, so a FIFO opens at once instead of waiting for a writer, and then `fstat` on the
 * open descriptor decides: a directory, FIFO, socket or device is refused before a byte is read (a symlink is followed
 * to what it names). Callers turn a {@link FileReadError} into their own message (an input error, or a cache warning).
 * Also here: standard input read with the same cap (`-f -`), an append that only ever writes to a regular file
 * (GITHUB_STEP_SUMMARY), and the plain words for OS error codes.
 */
import { closeSync, constants, fstatSync, openSync, readSync, statSync, writeSync, type Stats } from 'node:fs';
import fsp from './fs-promises.lazy';

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

/** `10 MB`, `64 kB`, `300 bytes`: how a cap is stated in an error. */
export function sizeText(bytes: number): string {
  return bytes % (1024 * 1024) === 0 ? `${bytes / (1024 * 1024)} MB` : bytes % 1024 === 0 ? `${bytes / 1024} kB` : `${bytes} bytes`;
}

const OS_WORDS: Record<string, string> = {
  ENOENT: 'no such file or directory',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EIO: 'input/output error',
  ENOTDIR: 'a part of the path is not a directory',
  EISDIR: 'is a directory',
  ELOOP: 'too many levels of symbolic links',
  ENAMETOOLONG: 'the path is too long',
  ENXIO: 'no such device or address',
  EMFILE: 'too many open files',
  ENFILE: 'too many open files in the system',
  EEXIST: 'already exists',
  ENOSPC: 'no space left on the device',
  EDQUOT: 'disk quota exceeded',
  EROFS: 'read-only file system',
  EBUSY: 'the file is busy',
  ETXTBSY: 'the file is busy',
  EFBIG: 'the file is too large',
  ENOTEMPTY: 'is a directory that is not empty',
  EXDEV: 'is on another file system',
  EINVAL: 'invalid argument',
};

/** The file-system error codes that are the input's fault (exit 2 with the path and the cause, never "internal"). */
export const FILE_ERROR_CODES: ReadonlySet<string> = new Set(Object.keys(OS_WORDS));

/** Plain words for an OS error code: `permission denied (EACCES)`. */
export function describeOsError(err: unknown, verb = 'read'): string {
  const code = (err as NodeJS.ErrnoException)?.code;
  return code && OS_WORDS[code] ? `${OS_WORDS[code]} (${code})` : code ? `cannot ${verb} it (${code})` : `cannot ${verb} it`;
}

export function osError(path: string, err: unknown): FileReadError {
  const code = (err as NodeJS.ErrnoException)?.code;
  // A socket cannot be opened at all (ENXIO): say what it is, as for a FIFO or a device.
  if (code === 'ENXIO') {
    try {
      const st = statSync(path);
      if (!st.isFile()) return new FileReadError(path, 'not-regular', `is ${kindOf(st)}, not a regular file`, code);
    } catch {
      /* fall through to the OS words */
    }
  }
  return new FileReadError(path, 'os-error', describeOsError(err), code);
}

function check(path: string, st: Stats, maxBytes: number): void {
  if (!st.isFile()) throw new FileReadError(path, 'not-regular', `is ${kindOf(st)}, not a regular file`);
  if (st.size > maxBytes) throw new FileReadError(path, 'too-large', `is ${st.size} bytes, larger than the ${sizeText(maxBytes)} accepted`);
}

/** Reads a regular file as UTF-8, at most `maxBytes` (a file that grows past the cap while read is refused too). */
/**
 * The one buffer synchronous reads go through (the bytes are copied out before the next read): a fresh 64 kB buffer per
 * file is memory outside the JS heap that only a full collection frees, 64 MB for `check` over 1,000 files.
 */
let readBuffer: Buffer | undefined;

export function readRegularFile(path: string, maxBytes: number): string {
  let fd: number;
  try {
    fd = openSync(path, OPEN_FLAGS);
  } catch (err) {
    throw osError(path, err);
  }
  try {
    check(path, fstatSync(fd), maxBytes);
    readBuffer ??= Buffer.allocUnsafe(64 * 1024);
    const buf = readBuffer.subarray(0, Math.min(maxBytes + 1, readBuffer.length));
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
    handle = await fsp().open(path, OPEN_FLAGS);
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

/** Sleeps without spinning (a synchronous read of a non-blocking stdin that has nothing yet). */
function pause(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/**
 * Standard input (`-f -`), read to its end with the same cap as a file: `-f - < /dev/zero` stops at the cap. Waiting
 * for the writer is the user's choice (they piped something in, or typed at a terminal), so it is not timed out.
 */
export function readStdin(maxBytes: number, label = 'standard input'): string {
  const fd = 0;
  try {
    const st = fstatSync(fd);
    if (st.isDirectory()) throw new FileReadError(label, 'not-regular', 'is a directory, not a file');
    if (st.isFile() && st.size > maxBytes) throw new FileReadError(label, 'too-large', `is ${st.size} bytes, larger than the ${sizeText(maxBytes)} accepted`);
  } catch (err) {
    if (err instanceof FileReadError) throw err;
    throw osError(label, err);
  }
  const buf = Buffer.allocUnsafe(64 * 1024);
  const chunks: Buffer[] = [];
  let total = 0;
  for (;;) {
    let n: number;
    try {
      n = readSync(fd, buf, 0, buf.length, null);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === 'EAGAIN' || code === 'EWOULDBLOCK') {
        pause(20);
        continue;
      }
      if (code === 'EOF') break; // Windows, a closed pipe
      throw osError(label, err);
    }
    if (n === 0) break;
    total += n;
    if (total > maxBytes) throw new FileReadError(label, 'too-large', `is larger than the ${sizeText(maxBytes)} accepted`);
    chunks.push(Buffer.from(buf.subarray(0, n)));
  }
  return Buffer.concat(chunks, total).toString('utf8');
}

/**
 * Appends to a file that is regular or does not exist yet (created 0644), such as GITHUB_STEP_SUMMARY. A FIFO, device
 * or socket there is refused before a byte is written, and opening never waits for a reader (O_NONBLOCK: a FIFO with
 * no reader fails at once with ENXIO, one with a reader is refused by fstat).
 */
export function appendRegularFile(path: string, text: string): void {
  let fd: number;
  try {
    fd = openSync(path, constants.O_WRONLY | constants.O_APPEND | constants.O_CREAT | constants.O_NONBLOCK, 0o644);
  } catch (err) {
    throw osError(path, err);
  }
  try {
    const st = fstatSync(fd);
    if (!st.isFile()) throw new FileReadError(path, 'not-regular', `is ${kindOf(st)}, not a regular file`);
    const data = Buffer.from(text, 'utf8');
    let off = 0;
    while (off < data.length) off += writeSync(fd, data, off, data.length - off);
  } catch (err) {
    throw err instanceof FileReadError ? err : osError(path, err);
  } finally {
    closeSync(fd);
  }
}

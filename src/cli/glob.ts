/**
 * A small, bounded file glob for `check -f 'services/*\/dr.yaml'` (Node 20 has no stable fs.glob). Supports `*` and
 * `?` within one path segment, `**` for any number of directories, and `{a,b}` alternatives. Like a shell, `*`, `?`
 * and `**` do not match names that start with a dot, and `**` does not descend into `node_modules`. Results are
 * sorted, with `/` separators, relative when the pattern is relative.
 *
 * Bounded, because a pattern (or a repository) can be hostile: brace expansion stops at {@link GLOB_LIMITS}.patterns,
 * the walk at a depth and a number of directories visited, the result at a number of files, each with a clear error
 * (exit 2). A directory is walked once per pattern position by its real path, so symlinks back to a parent or to
 * themselves end at once, and a file reached by several names (a symlink) is checked once, by real path. Segment
 * matching is a linear two-pointer scan, not a regular expression (`*a*a*a*a*b` cannot backtrack exponentially).
 * Anything that is not a directory is matched, FIFOs and dangling links too, so that reading it gives the one clear
 * error instead of a file silently left out of the gate.
 */
import { lstatSync, readdirSync, realpathSync, statSync, type Dirent } from 'node:fs';
import { resolve } from 'node:path';
import { InputError } from '../errors';
import { describeOsError } from '../io/read';
import { echoPath, quote } from '../text/escape';

export const GLOB_LIMITS = {
  /** Patterns a `{a,b}` expansion may give. */
  patterns: 1000,
  /** `{…}` groups in one pattern. */
  braceGroups: 32,
  /** Characters in one pattern (PATH_MAX is 4096). */
  patternLength: 4096,
  /** Directories below the start of the pattern. */
  depth: 32,
  /** Directories read while expanding one -f value. */
  directories: 10_000,
  /** Files matched, over all -f values. */
  files: 10_000,
} as const;

const MAGIC = /[*?{]/;

export function hasGlob(pattern: string): boolean {
  return MAGIC.test(pattern);
}

function tooMuch(pattern: string, what: string): InputError {
  return new InputError(`-f ${quote(pattern)}: ${what}; narrow the pattern`);
}

/** `a{b,c}d` → `abd`, `acd`; the innermost group first, until none are left; at most `GLOB_LIMITS.patterns`. */
export function expandBraces(pattern: string): string[] {
  const groups = pattern.split('{').length - 1;
  if (groups > GLOB_LIMITS.braceGroups) throw tooMuch(pattern, `has ${groups} {…} groups, more than the ${GLOB_LIMITS.braceGroups} accepted`);
  let list = [pattern];
  for (;;) {
    const next: string[] = [];
    let expanded = false;
    for (const p of list) {
      const m = /\{([^{}]*)\}/.exec(p);
      if (!m) {
        next.push(p);
        continue;
      }
      expanded = true;
      const before = p.slice(0, m.index);
      const after = p.slice(m.index + m[0].length);
      for (const alt of m[1].split(',')) {
        next.push(before + alt + after);
        if (next.length > GLOB_LIMITS.patterns) throw tooMuch(pattern, `its {…} alternatives give more than ${GLOB_LIMITS.patterns.toLocaleString('en-US')} patterns`);
      }
    }
    if (!expanded) return list;
    list = next;
  }
}

/** `*` (any run) and `?` (one character) against one name; O(|pattern| × |name|) at worst. */
export function matchSegment(pattern: string, name: string): boolean {
  let p = 0;
  let n = 0;
  let star = -1;
  let mark = 0;
  while (n < name.length) {
    if (p < pattern.length && (pattern[p] === '?' || (pattern[p] !== '*' && pattern[p] === name[n]))) {
      p++;
      n++;
    } else if (p < pattern.length && pattern[p] === '*') {
      star = p++;
      mark = n;
    } else if (star >= 0) {
      p = star + 1;
      n = ++mark;
    } else return false;
  }
  while (p < pattern.length && pattern[p] === '*') p++;
  return p === pattern.length;
}

interface Entry {
  name: string;
  isDir: boolean;
  isSymlink: boolean;
}

interface Walk {
  pattern: string;
  segments: string[];
  /** `real directory \0 segment index`: each directory is walked once per position in the pattern. */
  seen: Set<string>;
  directories: number;
  /** Real path → the name it was found by (the smallest, so the result does not depend on readdir order). */
  found: Map<string, string>;
}

function joinPath(dir: string, name: string): string {
  if (dir === '') return name;
  return dir.endsWith('/') ? dir + name : `${dir}/${name}`;
}

/** A directory's real path: cheap for a plain child of a known real directory, one realpath() for a symlink. */
function realChild(realDir: string, path: string, name: string, isSymlink: boolean): string | undefined {
  if (!isSymlink) return realDir.endsWith('/') ? realDir + name : `${realDir}/${name}`;
  try {
    return realpathSync.native(path === '' ? '.' : path);
  } catch {
    return undefined;
  }
}

function listDir(w: Walk, dir: string): Entry[] {
  if (++w.directories > GLOB_LIMITS.directories) {
    throw tooMuch(w.pattern, `reads more than ${GLOB_LIMITS.directories.toLocaleString('en-US')} directories`);
  }
  let dirents: Dirent[];
  try {
    dirents = readdirSync(dir === '' ? '.' : dir, { withFileTypes: true });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    // Gone, or not a directory after all: nothing to match there. Anything else (EACCES, EIO) would leave files
    // silently out of a CI gate, so it is an error.
    if (code === 'ENOENT' || code === 'ENOTDIR') return [];
    throw new InputError(`-f ${quote(w.pattern)}: cannot read the directory ${echoPath(dir || '.')}: ${describeOsError(e)}`);
  }
  return dirents.map((d) => {
    let isDir = d.isDirectory();
    const isSymlink = d.isSymbolicLink();
    if (isSymlink) {
      try {
        isDir = statSync(joinPath(dir === '' ? '.' : dir, d.name), { throwIfNoEntry: false })?.isDirectory() ?? false;
      } catch {
        isDir = false; // a loop (ELOOP) or unreadable: matched as a file, and reading it says what is wrong
      }
    }
    return { name: d.name, isDir, isSymlink };
  });
}

function addFile(w: Walk, path: string): void {
  let real: string;
  try {
    real = realpathSync.native(path);
  } catch {
    real = resolve(path); // dangling or a loop: its own name
  }
  const before = w.found.get(real);
  if (before === undefined) {
    if (w.found.size >= GLOB_LIMITS.files) throw tooMuch(w.pattern, `matches more than ${GLOB_LIMITS.files.toLocaleString('en-US')} files`);
    w.found.set(real, path);
  } else if (path < before) w.found.set(real, path);
}

/**
 * Walks `segments[i..]` from `dir`. `entries` is the listing of `dir` when the caller already has it (`**` lists a
 * directory once for both "zero directories" and "one more"), so no directory is read twice and a literal name is
 * looked up in the listing instead of with one lstat per directory.
 */
function walk(w: Walk, dir: string, real: string, i: number, depth: number, entries?: Entry[]): void {
  const key = `${real}\0${i}`;
  if (w.seen.has(key)) return;
  w.seen.add(key);
  if (depth > GLOB_LIMITS.depth) throw tooMuch(w.pattern, `goes more than ${GLOB_LIMITS.depth} directories deep`);
  const seg = w.segments[i];
  if (seg === undefined) return;
  const last = i === w.segments.length - 1;
  if (seg === '**') {
    const listing = entries ?? listDir(w, dir);
    walk(w, dir, real, i + 1, depth, listing); // zero directories…
    for (const e of listing) {
      // …or one more, then `**` again.
      if (!e.isDir || e.name.startsWith('.') || e.name === 'node_modules') continue;
      const path = joinPath(dir, e.name);
      const r = realChild(real, path, e.name, e.isSymlink);
      if (r !== undefined) walk(w, path, r, i, depth + 1);
    }
    return;
  }
  if (!hasGlob(seg)) {
    const path = joinPath(dir, seg);
    let isDir = false;
    let isSymlink = false;
    const known = entries && seg !== '.' && seg !== '..' ? entries.find((e) => e.name === seg) : undefined;
    if (entries && !known && seg !== '.' && seg !== '..') return; // not in the listing: no match
    if (known) {
      isDir = known.isDir;
      isSymlink = known.isSymlink;
    } else {
      try {
        const l = lstatSync(path, { throwIfNoEntry: false });
        if (!l) return; // no such file: not a match
        isSymlink = l.isSymbolicLink();
        isDir = isSymlink ? (statSync(path, { throwIfNoEntry: false })?.isDirectory() ?? false) : l.isDirectory();
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code;
        if (code === 'ENOTDIR' || !last) return; // not a match, or nothing to walk into
        isSymlink = true; // a loop (ELOOP) or unreadable: matched, and reading it says what is wrong
      }
    }
    if (last) {
      if (!isDir) addFile(w, path);
      return;
    }
    if (!isDir) return;
    const r = realChild(real, path, seg, isSymlink || seg === '..' || seg === '.');
    if (r !== undefined) walk(w, path, r, i + 1, depth + 1);
    return;
  }
  for (const e of entries ?? listDir(w, dir)) {
    if (e.name.startsWith('.') && !seg.startsWith('.')) continue;
    if (!matchSegment(seg, e.name)) continue;
    const path = joinPath(dir, e.name);
    if (last) {
      if (!e.isDir) addFile(w, path);
    } else if (e.isDir) {
      const r = realChild(real, path, e.name, e.isSymlink);
      if (r !== undefined) walk(w, path, r, i + 1, depth + 1);
    }
  }
}

/** Matches of one pattern, as real path → shown name. A pattern without glob characters is returned unchecked. */
function globInto(pattern: string, found: Map<string, string>): void {
  if (pattern.length > GLOB_LIMITS.patternLength) throw tooMuch(pattern, `is ${pattern.length} characters long, more than the ${GLOB_LIMITS.patternLength} accepted`);
  const normalized = pattern.replace(/\\/g, '/');
  const w: Walk = { pattern, segments: [], seen: new Set(), directories: 0, found };
  for (const p of expandBraces(normalized)) {
    const absolute = p.startsWith('/');
    const segments = p.split('/').filter((s, i) => s !== '' && !(s === '.' && i === 0));
    // `a/**/**/b` is `a/**/b`; a trailing `**` means every file below.
    w.segments = segments.filter((s, i) => !(s === '**' && segments[i - 1] === '**'));
    if (w.segments.at(-1) === '**') w.segments.push('*');
    const start = absolute ? '/' : p.startsWith('./') ? '.' : '';
    let real: string;
    try {
      real = realpathSync.native(start === '' ? '.' : start);
    } catch (e) {
      throw new InputError(`-f ${quote(pattern)}: cannot read the directory ${echoPath(start || '.')}: ${describeOsError(e)}`);
    }
    w.seen = new Set();
    walk(w, start, real, 0, 0);
  }
}

function sorted(paths: Iterable<string>): string[] {
  return [...paths].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/** The files matching a pattern, sorted, each file once by real path. A pattern without glob characters is returned as it is, unchecked. */
export function globFiles(pattern: string): string[] {
  if (!hasGlob(pattern.replace(/\\/g, '/'))) return [pattern];
  const found = new Map<string, string>();
  globInto(pattern, found);
  return sorted(found.values());
}

/**
 * Every -f value, globs expanded: in the order given, each glob's matches sorted; a file named twice (by two patterns,
 * or by a symlink and its target) is checked once, where it first appears. `-` (standard input) may be given once.
 * A glob that matches nothing is an error; so are more than `GLOB_LIMITS.files` files in all.
 */
export function expandFilePatterns(patterns: readonly string[]): string[] {
  const seenReal = new Set<string>();
  const out: string[] = [];
  let stdin = 0;
  for (const p of patterns) {
    if (p === '-') {
      if (++stdin > 1) throw new InputError('-f - (standard input) can be given only once');
      out.push(p);
      continue;
    }
    if (p === '') throw new InputError('-f needs a file name (or - for standard input)');
    const matches = globFiles(p);
    if (hasGlob(p) && matches.length === 0) throw new InputError(`-f ${quote(p)} matched no files`);
    for (const m of matches) {
      let real: string;
      try {
        real = realpathSync.native(m);
      } catch {
        real = resolve(m); // missing or unreadable: reading it gives the error
      }
      if (seenReal.has(real)) continue;
      seenReal.add(real);
      out.push(m);
      if (out.length > GLOB_LIMITS.files) throw new InputError(`-f: more than ${GLOB_LIMITS.files.toLocaleString('en-US')} files in all; narrow the patterns`);
    }
  }
  return out;
}

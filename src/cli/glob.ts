/**
 * A tiny file glob for `check -f 'services/*\/dr.yaml'` (Node 20 has no stable fs.glob). Supports `*` and `?` within
 * one path segment, `**` for any number of directories, and `{a,b}` alternatives (not nested). Like a shell, `*`, `?`
 * and `**` do not match names that start with a dot, and `**` does not descend into `node_modules`. Results are
 * files only, sorted, with `/` separators, relative when the pattern is relative.
 */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const MAGIC = /[*?{]/;

export function hasGlob(pattern: string): boolean {
  return MAGIC.test(pattern);
}

/** `a{b,c}d` → `abd`, `acd`; one level of braces at a time, repeated until none are left. */
export function expandBraces(pattern: string): string[] {
  const m = /\{([^{}]*)\}/.exec(pattern);
  if (!m) return [pattern];
  const before = pattern.slice(0, m.index);
  const after = pattern.slice(m.index + m[0].length);
  return m[1].split(',').flatMap((alt) => expandBraces(before + alt + after));
}

function segmentRegex(segment: string): RegExp {
  let re = '';
  for (const ch of segment) {
    if (ch === '*') re += '[^/]*';
    else if (ch === '?') re += '[^/]';
    else re += ch.replace(/[.+^$()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${re}$`);
}

function listDir(dir: string): { name: string; isDir: boolean; isFile: boolean }[] {
  try {
    return readdirSync(dir === '' ? '.' : dir, { withFileTypes: true }).map((d) => {
      let isDir = d.isDirectory();
      let isFile = d.isFile();
      if (d.isSymbolicLink()) {
        try {
          const st = statSync(join(dir === '' ? '.' : dir, d.name));
          isDir = st.isDirectory();
          isFile = st.isFile();
        } catch {
          isDir = isFile = false;
        }
      }
      return { name: d.name, isDir, isFile };
    });
  } catch {
    return [];
  }
}

function joinPath(dir: string, name: string): string {
  if (dir === '') return name;
  return dir.endsWith('/') ? dir + name : `${dir}/${name}`;
}

function walk(dir: string, segments: string[], out: Set<string>, depth: number): void {
  if (depth > 64) return;
  const [seg, ...rest] = segments;
  if (seg === undefined) return;
  const last = rest.length === 0;
  if (seg === '**') {
    // Zero directories…
    walk(dir, rest.length ? rest : ['*'], out, depth + 1);
    // …or one more, then `**` again.
    for (const e of listDir(dir)) {
      if (e.isDir && !e.name.startsWith('.') && e.name !== 'node_modules') walk(joinPath(dir, e.name), segments, out, depth + 1);
    }
    return;
  }
  if (!hasGlob(seg)) {
    const path = joinPath(dir, seg);
    if (last) {
      try {
        if (statSync(path).isFile()) out.add(path);
      } catch {
        /* no such file */
      }
    } else walk(path, rest, out, depth + 1);
    return;
  }
  const re = segmentRegex(seg);
  for (const e of listDir(dir)) {
    if (e.name.startsWith('.') && !seg.startsWith('.')) continue;
    if (!re.test(e.name)) continue;
    if (last) {
      if (e.isFile) out.add(joinPath(dir, e.name));
    } else if (e.isDir) walk(joinPath(dir, e.name), rest, out, depth + 1);
  }
}

/** The files matching a pattern, sorted. A pattern without glob characters is returned as it is, unchecked. */
export function globFiles(pattern: string): string[] {
  const normalized = pattern.replace(/\\/g, '/');
  if (!hasGlob(normalized)) return [pattern];
  const out = new Set<string>();
  for (const p of expandBraces(normalized)) {
    const absolute = p.startsWith('/');
    const segments = p.split('/').filter((s, i) => s !== '' && !(s === '.' && i === 0));
    const start = absolute ? '/' : p.startsWith('./') ? '.' : '';
    walk(start, segments, out, 0);
  }
  return [...out].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

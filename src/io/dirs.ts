/**
 * `mkdir -p`, bounded. Node's own `mkdir(dir, { recursive: true })` never returns on some paths (under /proc, e.g.
 * `/proc/self/fd/x`: measured on Node 20), and a run must never hang on its cache directory; this one climbs at most
 * 64 levels and stops at the first error other than a missing parent. bin/dr-advisor.js has the same loop for the
 * code cache (it runs before the bundle is loaded, so it cannot import this).
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';

export function makeDirs(dir: string, mode?: number): void {
  const opts = mode === undefined ? {} : { mode };
  const missing: string[] = [];
  for (let d = dir; missing.length < 64; d = dirname(d)) {
    try {
      mkdirSync(d, opts);
      break;
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'EEXIST') break;
      if (code !== 'ENOENT' || dirname(d) === d) throw e;
      missing.push(d);
    }
  }
  for (const d of missing.reverse()) mkdirSync(d, opts);
}

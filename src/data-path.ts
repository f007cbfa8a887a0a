import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * Absolute path of a file under the package's `data/` folder. The code runs bundled from `dist/` (one level below
 * the package root) or from source in tests (`src/` or `src/<module>/`), so try the candidate roots in order.
 */
export function dataPath(relative: string): string {
  for (const up of ['../data/', '../../data/']) {
    const p = fileURLToPath(new URL(up + relative, import.meta.url));
    if (existsSync(p)) return p;
  }
  return fileURLToPath(new URL('../data/' + relative, import.meta.url));
}

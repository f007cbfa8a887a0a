#!/usr/bin/env node
// Writes data/mc-tables.bin: the Monte Carlo's inverse-CDF tables for the shapes of the default assumptions and the
// bundled examples, so that a cold `estimate` reads them instead of building them (~17-21 ms; see src/recovery/tables.ts).
//   node scripts/mc-tables.mjs [--check]
// --check: exit 1 if the committed file is not what this would write (test/core/mc-tables.test.ts checks the same).
// Run it after changing a default assumption's range or an example; the tables come from src/recovery/tables.ts.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
const target = join(root, 'data/mc-tables.bin');
// One level below the root, as dist/ is, so that the bundle finds data/ where the CLI does.
const out = join(root, '.tmp/mc-tables-entry.mjs');
mkdirSync(join(root, '.tmp'), { recursive: true });
// The bundle is handed no precomputed tables, so every table is built (and so recorded).
await build({
  absWorkingDir: root,
  entryPoints: [join(root, 'scripts/mc-tables-entry.ts')],
  outfile: out,
  bundle: true,
  platform: 'node',
  format: 'esm',
  packages: 'external',
  logLevel: 'warning',
  define: { __DR_ADVISOR_VERSION__: '"tables"' },
});
const m = await import(pathToFileURL(out).href);
await m.exerciseTables();
const bytes = Buffer.from(m.tablesFile(m.built()));
if (process.argv.includes('--check')) {
  let same = false;
  try {
    same = readFileSync(target).equals(bytes);
  } catch {
    /* missing: stale */
  }
  console.log(same ? 'data/mc-tables.bin is up to date' : 'data/mc-tables.bin is stale: run node scripts/mc-tables.mjs');
  process.exit(same ? 0 : 1);
}
writeFileSync(target, bytes);
console.log(`wrote ${target}: ${m.built().length} tables`);

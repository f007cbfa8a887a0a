// How much of what the examples price is exact: for the three example workloads and every ordered pair of regions
// (primary ≠ DR) of src/model/regions.ts, the distinct price keys the plans ask for, priced by the bundled snapshot,
// counted: exact, and estimated by rule.
//
//   node scripts/price-coverage.mjs [--regions r1,r2,...]   (default: every region of the table)
//
// Prints one JSON object. Reads only the repo (no network, no clock).
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { readFileSync } from 'node:fs';

const here = dirname(fileURLToPath(import.meta.url));
const { values } = parseArgs({ options: { regions: { type: 'string' } } });
const { build } = await import('esbuild');
const out = await build({
  stdin: {
    contents: [
      `export { REGION_CODES } from './src/model/regions';`,
      `export { loadWorkloadFile } from './src/workload/load';`,
      `export { normalizeWorkload, validateWorkload } from './src/workload/validate';`,
      `export { planEstimate } from './src/advisor/plan';`,
      `export { distinctKeys, priceKeyId } from './src/pricing/keys';`,
      `export { createSnapshotPriceBook } from './src/pricing/snapshot/book';`,
      `export { decodeSnapshot } from './src/pricing/snapshot/format';`,
    ].join('\n'),
    resolveDir: resolve(here, '..'),
    loader: 'ts',
  },
  bundle: true,
  format: 'esm',
  platform: 'node',
  logLevel: 'silent',
  banner: { js: "import{createRequire as __cr}from'node:module';const require=__cr(import.meta.url);" },
  outfile: resolve(here, '..', 'node_modules', '.cache', 'dr-advisor', 'price-coverage.mjs'),
});
void out;
const m = await import(resolve(here, '..', 'node_modules', '.cache', 'dr-advisor', 'price-coverage.mjs'));
const regions = values.regions ? values.regions.split(',') : m.REGION_CODES;
const keys = [];
let pairs = 0;
for (const name of ['web-app', 'global-saas', 'serverless-dynamodb']) {
  const w = m.loadWorkloadFile(resolve(here, '..', 'data', 'examples', `${name}.yaml`));
  for (const primary of regions) {
    for (const dr of regions) {
      if (primary === dr) continue;
      const doc = structuredClone(w);
      doc.regions = { primary, dr, additional: w.regions.additional.filter((r) => r !== primary && r !== dr) };
      const plan = m.planEstimate(m.normalizeWorkload(m.validateWorkload(doc, name)), { variants: true });
      keys.push(...plan.keys);
      if (name === 'web-app') pairs++;
    }
  }
}
const distinct = m.distinctKeys(keys);
const file = resolve(here, '..', 'data', 'price-snapshot.json');
const r = await m.createSnapshotPriceBook(m.decodeSnapshot(JSON.parse(readFileSync(file, 'utf8')), file)).resolve(distinct);
const byRule = {};
let exact = 0;
for (const [id, p] of r.prices) {
  if (!p.estimated) exact++;
}
for (const d of r.diagnostics) if (d.kind === 'estimated') byRule[d.rule] = d.count;
process.stdout.write(
  `${JSON.stringify({ regions: regions.length, pairs, examples: 3, distinctPrices: distinct.length, priced: r.prices.size, unpriced: r.missing.length, exact, estimated: r.prices.size - exact, estimatedByRule: byRule }, null, 2)}\n`,
);

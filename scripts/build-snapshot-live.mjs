// Maintainers: refresh data/price-snapshot.json from the AWS Price List API through the same live code path as
// `dr-advisor --pricing live` (src/pricing/live.ts: same filters, matcher, retries and rate limit). Needs AWS
// credentials with pricing:GetProducts. Entries that cannot be fetched live are left as they are and listed.
//
//   node scripts/build-snapshot-live.mjs [--regions us-east-1,eu-west-1] [--services ec2.instance,ebs.gp3]
//                                        [--limit N] [--write-snapshot]
//
// Without --write-snapshot it is a dry run: it fetches and reports what would change. The whole snapshot is about
// 5,000 keys; at the API's ~5 requests/s that is roughly 20 minutes, so narrow it with --regions/--services.
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { build } from 'esbuild';

const root = new URL('..', import.meta.url).pathname;
const { values } = parseArgs({
  options: {
    regions: { type: 'string' },
    services: { type: 'string' },
    limit: { type: 'string' },
    'write-snapshot': { type: 'boolean', default: false },
  },
});

// Bundle the live source (TypeScript) next to node_modules so that @aws-sdk/* resolves.
const outDir = join(root, 'node_modules', '.cache', 'dr-advisor');
mkdirSync(outDir, { recursive: true });
const liveFile = join(outDir, 'live-source.mjs');
await build({
  stdin: {
    contents: [
      `export { createLiveSource } from './src/pricing/live.ts';`,
      `export { parsePriceKeyId } from './src/pricing/keys.ts';`,
      `export { decodeSnapshot, encodeSnapshot } from './src/pricing/snapshot/format.ts';`,
    ].join('\n'),
    resolveDir: root,
    loader: 'ts',
  },
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  outfile: liveFile,
  external: ['@aws-sdk/*', '@smithy/*'],
  logLevel: 'warning',
});
const { createLiveSource, parsePriceKeyId, decodeSnapshot, encodeSnapshot } = await import(liveFile);

// Read and written with the CLI's own codec (src/pricing/snapshot/format.ts).
const snapshotFile = join(root, 'data', 'price-snapshot.json');
const decoded = decodeSnapshot(JSON.parse(readFileSync(snapshotFile, 'utf8')), snapshotFile);
const snapshot = { asOf: decoded.asOf, currency: decoded.currency, rules: decoded.rules, sources: { ...decoded.sources }, entries: { ...decoded.entries } };
const regions = values.regions ? new Set(values.regions.split(',')) : undefined;
const services = values.services ? new Set(values.services.split(',')) : undefined;
let ids = Object.keys(snapshot.entries).filter((id) => {
  const k = parsePriceKeyId(id);
  return (!regions || k.region === 'global' || regions.has(k.region)) && (!services || services.has(k.service));
});
if (values.limit) ids = ids.slice(0, Number(values.limit));

const live = await createLiveSource({ deadlineMs: Math.max(120_000, ids.length * 1_000) });
try {
  if (!(await live.hasCredentials())) {
    process.stderr.write('error: no AWS credentials found; this script needs credentials with pricing:GetProducts\n');
    process.exit(3);
  }
  let last = 0;
  const result = await live.fetch(ids.map(parsePriceKeyId), ({ done, total }) => {
    if (process.stderr.isTTY && Date.now() - last > 500) {
      last = Date.now();
      process.stderr.write(`\r${done}/${total} queries`);
    }
  });
  if (process.stderr.isTTY) process.stderr.write('\n');

  const today = new Date().toISOString().slice(0, 10);
  let changed = 0;
  for (const [id, price] of result.prices) {
    const old = snapshot.entries[id];
    const entry = {
      unitPrice: price.unitPrice,
      unit: price.unit,
      asOf: price.asOf,
      source: 'aws-price-list-api',
      estimated: false,
      note: `SKU ${price.sku}, publicationDate ${price.publicationDate ?? 'n/a'}, fetched ${price.fetchedAt}`,
      ...(price.tiers ? { tiers: price.tiers } : {}),
    };
    if (!old || old.unitPrice !== entry.unitPrice || JSON.stringify(old.tiers) !== JSON.stringify(entry.tiers)) changed++;
    snapshot.entries[id] = entry;
  }
  snapshot.sources['aws-price-list-api'] = {
    title: 'AWS Price List Query API (GetProducts, us-east-1 endpoint)',
    repo: null,
    path: 'pricing:GetProducts',
    commit: null,
    date: today,
    licence: 'AWS pricing data',
    label: 'V',
    note: 'fetched by scripts/build-snapshot-live.mjs through src/pricing/live.ts',
  };
  if (result.prices.size > 0 && today > snapshot.asOf) snapshot.asOf = today;

  process.stdout.write(
    `${ids.length} keys: ${result.prices.size} fetched live (${changed} changed), ${result.errors.size} failed, ${result.requests} requests\n`,
  );
  for (const [id, err] of [...result.errors].slice(0, 20)) process.stderr.write(`  not fetched: ${id}: ${err.message}\n`);
  if (values['write-snapshot']) {
    const tmp = `${snapshotFile}.${process.pid}.tmp`;
    writeFileSync(tmp, encodeSnapshot(snapshot));
    renameSync(tmp, snapshotFile);
    process.stdout.write(`wrote ${snapshotFile}\n`);
  } else {
    process.stdout.write('dry run: pass --write-snapshot to write data/price-snapshot.json\n');
  }
} finally {
  live.destroy();
}

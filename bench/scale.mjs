#!/usr/bin/env node
// Scale benchmark: 1,000 generated workload files in one process.
//
//   node bench/scale.mjs [--files 1000] [--samples 10000] [--keep]
//
// 1. Core path: bench/scale-core.ts (bundled here with esbuild) loads and validates every file, plans each, resolves
//    the distinct price keys of all plans in ONE PriceBook.resolve() call, and evaluates each; prints the wall time of
//    each stage and the keys requested vs the lines priced.
// 2. CLI path: `dr-advisor check -f 'DIR/*.yaml' --pricing snapshot --format json` over the same files, when the built
//    CLI has a working `check` (npm run build first); prints its wall time and exit code.
// Not a test: no assertion on time. Files go to a temp dir that is removed afterwards (unless --keep).
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
const { values: args } = parseArgs({
  options: { files: { type: 'string', default: '1000' }, samples: { type: 'string', default: '10000' }, keep: { type: 'boolean' } },
});
const N = Number(args.files);
const SAMPLES = Number(args.samples);

// A deterministic variety: every region pair, a dozen instance types, all DB engines, sizes spread over 4 decades.
const REGIONS = ['us-east-1', 'us-east-2', 'us-west-2', 'eu-west-1', 'eu-central-1', 'ap-northeast-1', 'ap-northeast-2', 'ap-southeast-1'];
const TYPES = ['m5.large', 'm5.xlarge', 'm6i.large', 'm6i.xlarge', 'c5.large', 'c6g.xlarge', 'r5.large', 't3.medium', 'm7g.large', 'c7g.large', 'r6g.xlarge', 'm5.2xlarge'];
const DBS = [
  ['aurora-mysql', 'db.r6g.large'],
  ['aurora-postgresql', 'db.r6g.xlarge'],
  ['mysql', 'db.m5.large'],
  ['postgres', 'db.m5.xlarge'],
  ['dynamodb', null],
  ['none', null],
];
const STRATS = ['backup-restore', 'pilot-light', 'warm-standby', 'active-active'];

function workload(i) {
  const primary = REGIONS[i % 8];
  const dr = REGIONS[(i + 1 + (Math.floor(i / 8) % 7)) % 8];
  const [engine, cls] = DBS[i % DBS.length];
  const db = engine === 'none' ? '{ engine: none }' : engine === 'dynamodb' ? `{ engine: dynamodb, storageGb: ${50 + (i % 500)}, writesPerSecond: ${i % 200}, readsPerSecond: ${i % 900} }` : `{ engine: ${engine}, instanceClass: ${cls}, storageGb: ${100 + ((i * 37) % 5000)}, multiAz: ${i % 3 === 0 && !engine.startsWith('aurora')} }`;
  return [
    `# generated workload ${i}`,
    'version: 1',
    `name: svc-${String(i).padStart(4, '0')}`,
    `strategy: ${STRATS[i % 4]}`,
    `regions: { primary: ${primary}, dr: ${dr} }`,
    `compute: { instanceType: ${TYPES[i % TYPES.length]}, count: ${1 + (i % 20)}, ebsGbPerInstance: ${20 + (i % 10) * 10} }`,
    `database: ${db}`,
    `objectStorage: { storageGb: ${(i * 131) % 20000} }`,
    `dataChangeGbPerDay: ${1 + (i % 90)}`,
    `network: { loadBalancer: alb, failoverRouting: ${i % 5 === 0 ? 'global-accelerator' : 'route53'}, egressGbPerMonth: ${(i * 17) % 4000} }`,
    `operations: { detection: ${i % 2 ? 'automated' : 'manual'}, failoverDecision: manual, backupIntervalHours: ${[1, 4, 12, 24][i % 4]} }`,
    `targets: { rto: ${['15m', '1h', '4h', '1d'][i % 4]}, rpo: ${['1m', '15m', '1h', '1d'][(i >> 2) % 4]}, maxMonthlyCost: ${500 + (i % 50) * 250} }`,
    `business: { downtimeCostPerHour: ${1000 * (1 + (i % 100))} }`,
    '',
  ].join('\n');
}

const dir = mkdtempSync(join(tmpdir(), 'dr-scale-'));
try {
  const wdir = join(dir, 'workloads');
  mkdirSync(wdir);
  const files = [];
  for (let i = 0; i < N; i++) {
    const f = join(wdir, `svc-${String(i).padStart(4, '0')}.yaml`);
    writeFileSync(f, workload(i));
    files.push(f);
  }

  // 1. Core path.
  const out = join(dir, 'dist', 'scale-core.mjs');
  await build({
    absWorkingDir: root,
    entryPoints: [join(root, 'bench/scale-core.ts')],
    outfile: out,
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    external: ['@aws-sdk/*', '@smithy/*', 'inquirer', '@inquirer/*'],
    banner: { js: "import{createRequire as __cr}from'node:module';const require=__cr(import.meta.url);" },
    define: { __DR_ADVISOR_VERSION__: '"bench"' },
    logLevel: 'warning',
  });
  // The bundle resolves data/ relative to itself: point it at the repo's data/ with a symlink.
  spawnSync('ln', ['-s', join(root, 'data'), join(dir, 'data')]);
  const { runScale } = await import(pathToFileURL(out).href);
  const r = await runScale(files, SAMPLES);
  const f = (ms) => `${(ms / 1000).toFixed(2)} s`;
  console.log(`core path, ${r.files} workloads, ${SAMPLES} Monte Carlo samples each:`);
  console.log(`  load+validate ${f(r.ms.load)}, plan ${f(r.ms.plan)}, resolve ${f(r.ms.resolve)}, evaluate ${f(r.ms.evaluate)}; total ${f(r.ms.total)}`);
  console.log(`  price keys planned ${r.keysPlanned} → ${r.distinctKeys} distinct, resolved in ${r.resolveCalls} PriceBook.resolve() call (${r.keysRequested} keys requested); ${r.linesPriced} cost lines priced`);
  console.log(`  peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);

  // 2. CLI path (dr-advisor check), when built and implemented.
  const t = performance.now();
  const c = spawnSync(process.execPath, [join(root, 'bin/dr-advisor.js'), 'check', '-f', join(wdir, '*.yaml'), '--pricing', 'snapshot', '--format', 'json'], {
    encoding: 'utf8',
    env: { ...process.env, CI: '1' },
    maxBuffer: 1 << 30,
  });
  const ms = performance.now() - t;
  const firstErr = (c.stderr || '').split('\n').find((l) => l.startsWith('error:'));
  if (c.status === 0 || c.status === 1) {
    console.log(`CLI path: dr-advisor check -f '${N} files' --pricing snapshot: ${f(ms)} wall, exit ${c.status} (1 = some workloads fail their targets), ${c.stdout.length} bytes of JSON`);
  } else {
    console.log(`CLI path: dr-advisor check not usable here (exit ${c.status}${firstErr ? `: ${firstErr}` : ''})`);
  }
} finally {
  if (args.keep) console.log(`files kept in ${dir}`);
  else rmSync(dir, { recursive: true, force: true });
}

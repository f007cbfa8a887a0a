#!/usr/bin/env node
// Scale benchmark (issue 17): `dr-advisor check -f 'DIR/*.yaml' --pricing snapshot --format json` over generated
// workload files (bench/scale-workloads.ts), through the built CLI, side by side with `node -e 0`: wall time (runs
// alternating, medians) and peak RSS (GNU time when present, else a preloaded hook reporting
// process.resourceUsage().maxRSS). The per-file cost is the slope between a small and a large run (time and RSS
// grow by so much per file). Goal: 1,000 files ≤ 2.5 s and ≤ 120 MiB.
//
//   node bench/scale.mjs [--files 1000] [--small 100] [--runs 3] [--bin bin/dr-advisor.js] [--stages] [--keep]
//
// --stages also runs the stages of check in one process (bench/scale-core.ts): load, plan, resolve, re-plan, evaluate.
// By default it measures a private build (scripts/build.mjs --outdir into a temp dir), so that a concurrent build or
// test run cannot change dist/ under it. Not a test: nothing here asserts a time.
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
const { values: args } = parseArgs({
  options: {
    files: { type: 'string', default: '1000' },
    small: { type: 'string', default: '100' },
    runs: { type: 'string', default: '3' },
    bin: { type: 'string' },
    stages: { type: 'boolean' },
    keep: { type: 'boolean' },
  },
});
const N = Number(args.files);
const SMALL = Math.min(Number(args.small), N);
const RUNS = Number(args.runs);

const tmp = mkdtempSync(join(tmpdir(), 'dr-scale-'));
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
try {
  // The generator and the stage runner, bundled; one level below tmp so that the bundle finds data/ (symlinked).
  symlinkSync(join(root, 'data'), join(tmp, 'data'));
  const core = join(tmp, 'bench', 'scale-core.mjs');
  await build({
    absWorkingDir: root,
    entryPoints: [join(root, 'bench/scale-core.ts')],
    outfile: core,
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    external: ['@aws-sdk/*', '@smithy/*', '@inquirer/*'],
    banner: { js: "import{createRequire as __cr}from'node:module';const require=__cr(import.meta.url);" },
    define: { __DR_ADVISOR_VERSION__: '"bench"' },
    logLevel: 'warning',
  });
  const m = await import(pathToFileURL(core).href);

  let bin = args.bin;
  if (!bin) {
    execFileSync(process.execPath, [join(root, 'scripts/build.mjs'), '--outdir', join(tmp, 'dist')], { stdio: 'inherit' });
    mkdirSync(join(tmp, 'bin'));
    cpSync(join(root, 'bin/dr-advisor.js'), join(tmp, 'bin/dr-advisor.js'));
    bin = join(tmp, 'bin/dr-advisor.js');
  }

  const dirs = {};
  const files = {};
  for (const n of [SMALL, N]) {
    const dir = join(tmp, `w${n}`);
    mkdirSync(dir);
    files[n] = [];
    for (let i = 0; i < n; i++) {
      const f = join(dir, `svc-${String(i).padStart(4, '0')}.yaml`);
      writeFileSync(f, m.generatedWorkload(i));
      files[n].push(f);
    }
    dirs[n] = dir;
  }

  const env = { ...process.env, CI: '1', NO_COLOR: '1', DR_ADVISOR_PRICING: 'snapshot' };
  const variants = [
    { name: 'node -e 0', args: ['-e', '0'] },
    ...[SMALL, N].map((n) => ({ name: `check ${n} files`, n, args: [bin, 'check', '-f', join(dirs[n], '*.yaml'), '--pricing', 'snapshot', '--format', 'json'] })),
  ];
  /** One run: wall ms and peak RSS in MiB. */
  function once(v) {
    const t0 = performance.now();
    let rss;
    let status;
    let stderr;
    if (existsSync('/usr/bin/time')) {
      const r = spawnSync('/usr/bin/time', ['-f', 'maxrss %M', process.execPath, ...v.args], { env, encoding: 'utf8', stdio: ['ignore', 'ignore', 'pipe'] });
      status = r.status;
      stderr = r.stderr;
      rss = Number(/maxrss (\d+)\s*$/.exec(r.stderr)?.[1]) / 1024;
    } else {
      const hook = 'data:text/javascript,' + encodeURIComponent("process.on('exit',()=>process.stderr.write('\\nmaxrss '+process.resourceUsage().maxRSS+'\\n'))");
      const r = spawnSync(process.execPath, ['--import', hook, ...v.args], { env, encoding: 'utf8', stdio: ['ignore', 'ignore', 'pipe'] });
      status = r.status;
      stderr = r.stderr;
      rss = Number(/maxrss (\d+)\s*$/.exec(r.stderr)?.[1]) / 1024;
    }
    const ms = performance.now() - t0;
    // check exits 1 when some generated workloads miss their targets; anything else is a failed run.
    if (status !== 0 && !(v.n && status === 1)) throw new Error(`${v.name}: exit ${status}\n${stderr}`);
    return { ms, rss };
  }
  const results = variants.map(() => ({ ms: [], rss: [] }));
  for (let r = 0; r < RUNS; r++) {
    variants.forEach((v, i) => {
      const x = once(v);
      results[i].ms.push(x.ms);
      results[i].rss.push(x.rss);
    });
  }
  const row = variants.map((v, i) => ({ name: v.name, ms: median(results[i].ms), rss: median(results[i].rss) }));
  const base = row[0].ms;
  console.log(`${RUNS} runs each, alternating; medians (wall, peak RSS):`);
  for (const x of row) console.log(`  ${x.name.padEnd(18)} ${(x.ms / 1000).toFixed(2).padStart(6)} s  ${(x.ms / base).toFixed(1).padStart(5)}× node -e 0  ${x.rss.toFixed(0).padStart(4)} MiB`);
  const [, small, large] = row;
  if (N > SMALL) {
    const perMs = (large.ms - small.ms) / (N - SMALL);
    const perKiB = ((large.rss - small.rss) * 1024) / (N - SMALL);
    console.log(`per file (slope ${SMALL} -> ${N} files): ${perMs.toFixed(2)} ms, ${perKiB.toFixed(0)} KiB of peak RSS`);
  }
  console.log(`goal for ${N} files: ≤ 2.5 s and ≤ 120 MiB; measured ${(large.ms / 1000).toFixed(2)} s and ${large.rss.toFixed(0)} MiB`);

  if (args.stages) {
    const s = await m.runStages(files[N], 2000);
    const f = (x) => `${(x / 1000).toFixed(2)} s (${(x / s.files).toFixed(2)} ms/file)`;
    console.log(`stages in one process, ${s.files} files, 2,000 samples (check's default):`);
    console.log(`  load (read, YAML, validate) ${f(s.ms.load)}; plan ${f(s.ms.plan)}; resolve ${f(s.ms.resolve)}; plan again ${f(s.ms.replan)}; evaluate ${f(s.ms.evaluate)}; total ${(s.ms.total / 1000).toFixed(2)} s`);
    console.log(`  ${s.distinctKeys} distinct price keys; ${s.simulations} simulations cached at the end, ${s.cacheHits} cache hits`);
  }
} finally {
  if (args.keep) console.log(`files kept in ${tmp}`);
  else rmSync(tmp, { recursive: true, force: true });
}

#!/usr/bin/env node
// Start-up benchmark: `dr-advisor estimate --example web-app --pricing snapshot` against `node -e 0`, alternating,
// several runs, medians, and the ratio (issue 17: ≤ 1.8×, goal 1.3×). Also `--version` and `--help` (the launcher,
// the bundle and commander only), `--samples 100` (everything but most of the Monte Carlo), the estimate without the
// V8 code cache (DR_ADVISOR_NO_CODE_CACHE=1) and of a workload file (the YAML parser and the generated validator), to
// show where the time goes; and the peak RSS of one run of each.
//
//   node bench/startup.mjs [--runs 15] [--bin bin/dr-advisor.js]
//
// By default it measures a private build (scripts/build.mjs --outdir into a temp dir), so that a concurrent
// `npm run build` or test run cannot change dist/ under it. The code cache lives in a private, empty cache directory
// (DR_ADVISOR_CACHE_DIR): the very first run of the estimate makes it, and is reported on its own as the cold run;
// the warm-up runs and every measured run use it. Not a test: nothing here asserts a time.
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const root = fileURLToPath(new URL('..', import.meta.url));
const { values: args } = parseArgs({ options: { runs: { type: 'string', default: '15' }, bin: { type: 'string' } } });
const RUNS = Number(args.runs);

const tmp = mkdtempSync(join(tmpdir(), 'dr-startup-'));
let bin = args.bin;
if (!bin) {
  execFileSync(process.execPath, [join(root, 'scripts/build.mjs'), '--outdir', join(tmp, 'dist')], { stdio: 'inherit' });
  mkdirSync(join(tmp, 'bin'));
  for (const f of ['dr-advisor.js', 'package.json']) cpSync(join(root, 'bin', f), join(tmp, 'bin', f));
  symlinkSync(join(root, 'data'), join(tmp, 'data'));
  symlinkSync(join(root, 'node_modules'), join(tmp, 'node_modules'));
  bin = join(tmp, 'bin/dr-advisor.js');
}

const cacheDir = join(tmp, 'cache');
const env = { ...process.env, CI: '1', DR_ADVISOR_PRICING: 'snapshot', DR_ADVISOR_CACHE_DIR: cacheDir };
const estimate = [bin, 'estimate', '--example', 'web-app', '--pricing', 'snapshot'];
const variants = [
  { name: 'node -e 0', args: ['-e', '0'] },
  { name: 'estimate --example web-app --pricing snapshot', args: estimate },
  { name: '  … --samples 100', args: [...estimate, '--samples', '100'] },
  { name: '  … without the code cache', args: estimate, env: { DR_ADVISOR_NO_CODE_CACHE: '1' } },
  { name: 'estimate -f data/examples/web-app.yaml', args: [bin, 'estimate', '-f', join(root, 'data/examples/web-app.yaml'), '--pricing', 'snapshot'] },
  { name: '--version', args: [bin, '--version'] },
  { name: '--help', args: [bin, '--help'] },
];

function once(v) {
  const t = process.hrtime.bigint();
  const r = spawnSync(process.execPath, v.args, { env: { ...env, ...v.env }, stdio: ['ignore', 'ignore', 'pipe'] });
  const ms = Number(process.hrtime.bigint() - t) / 1e6;
  if (r.status !== 0) throw new Error(`${v.name} exited ${r.status}: ${r.stderr}`);
  return ms;
}

/** Peak RSS in MB: GNU time when present, else a preloaded hook that reports process.resourceUsage().maxRSS. */
function peakRss(v) {
  const e = { ...env, ...v.env };
  if (existsSync('/usr/bin/time')) {
    const r = spawnSync('/usr/bin/time', ['-f', '%M', process.execPath, ...v.args], { env: e, encoding: 'utf8', stdio: ['ignore', 'ignore', 'pipe'] });
    const kb = Number(r.stderr.trim().split('\n').at(-1));
    if (Number.isFinite(kb)) return kb / 1024;
  }
  const hook = 'data:text/javascript,' + encodeURIComponent("process.on('exit',()=>process.stderr.write('\\nmaxrss '+process.resourceUsage().maxRSS+'\\n'))");
  const r = spawnSync(process.execPath, ['--import', hook, ...v.args], { env: e, encoding: 'utf8', stdio: ['ignore', 'ignore', 'pipe'] });
  return Number(/maxrss (\d+)/.exec(r.stderr)?.[1]) / 1024;
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[s.length >> 1] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

try {
  // The cold run: no code cache yet (this run makes it), next to one run of node -e 0.
  const coldBase = once(variants[0]);
  const cold = once(variants[1]);
  const made = existsSync(join(cacheDir, 'code')) ? readdirSync(join(cacheDir, 'code')).filter((f) => f.endsWith('.bin')).length : 0;
  for (const v of variants) once(v); // warm the file-system cache (and the code cache for each command)
  const times = variants.map(() => []);
  for (let i = 0; i < RUNS; i++) variants.forEach((v, j) => times[j].push(once(v)));
  const base = median(times[0]);
  console.log(`start-up, ${RUNS} alternating runs each, medians (Node ${process.version}):`);
  variants.forEach((v, j) => {
    const m = median(times[j]);
    console.log(`  ${v.name.padEnd(48)} ${m.toFixed(0).padStart(5)} ms  ${(m / base).toFixed(2)}×  peak RSS ${peakRss(v).toFixed(0)} MB`);
  });
  const coldName = `estimate, cold: the first run (${made ? 'makes the code cache' : 'NO code cache made'})`;
  console.log(`  ${coldName.padEnd(48)} ${cold.toFixed(0).padStart(5)} ms  ${(cold / coldBase).toFixed(2)}×  (one run, next to node -e 0 at ${coldBase.toFixed(0)} ms)`);
  const ratio = (name) => (median(times[variants.findIndex((v) => v.name === name)]) / base).toFixed(2);
  console.log(`ratio to node -e 0: estimate ${ratio(variants[1].name)}× (target ≤ 1.8×, goal 1.3×), --version ${ratio('--version')}×, --help ${ratio('--help')}× (target ≤ 1.3×)`);
} finally {
  rmSync(tmp, { recursive: true, force: true });
}

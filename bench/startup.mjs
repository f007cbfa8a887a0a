#!/usr/bin/env node
// Start-up benchmark: `dr-advisor estimate --example web-app --pricing snapshot` against `node -e 0`, alternating,
// several runs, medians, and the ratio (target ≤ 1.3×). Also `--version` (module loading only) and `--samples 100`
// (everything but most of the Monte Carlo), to show where the time goes, and the peak RSS of one run of each.
//
//   node bench/startup.mjs [--runs 15] [--bin bin/dr-advisor.js]
//
// By default it measures a private build (scripts/build.mjs --outdir into a temp dir), so that a concurrent
// `npm run build` or test run cannot change dist/ under it. Not a test: nothing here asserts a time.
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const root = fileURLToPath(new URL('..', import.meta.url));
const { values: args } = parseArgs({ options: { runs: { type: 'string', default: '15' }, bin: { type: 'string' } } });
const RUNS = Number(args.runs);

let tmp;
let bin = args.bin;
if (!bin) {
  tmp = mkdtempSync(join(tmpdir(), 'dr-startup-'));
  execFileSync(process.execPath, [join(root, 'scripts/build.mjs'), '--outdir', join(tmp, 'dist')], { stdio: 'inherit' });
  mkdirSync(join(tmp, 'bin'));
  cpSync(join(root, 'bin/dr-advisor.js'), join(tmp, 'bin/dr-advisor.js'));
  symlinkSync(join(root, 'data'), join(tmp, 'data'));
  bin = join(tmp, 'bin/dr-advisor.js');
}

const env = { ...process.env, CI: '1', DR_ADVISOR_PRICING: 'snapshot' };
const variants = [
  { name: 'node -e 0', args: ['-e', '0'] },
  { name: 'estimate --example web-app --pricing snapshot', args: [bin, 'estimate', '--example', 'web-app', '--pricing', 'snapshot'] },
  { name: '  … --samples 100', args: [bin, 'estimate', '--example', 'web-app', '--pricing', 'snapshot', '--samples', '100'] },
  { name: '--version', args: [bin, '--version'] },
];

function once(v) {
  const t = process.hrtime.bigint();
  const r = spawnSync(process.execPath, v.args, { env, stdio: ['ignore', 'ignore', 'pipe'] });
  const ms = Number(process.hrtime.bigint() - t) / 1e6;
  if (r.status !== 0) throw new Error(`${v.name} exited ${r.status}: ${r.stderr}`);
  return ms;
}

/** Peak RSS in MB: GNU time when present, else a preloaded hook that reports process.resourceUsage().maxRSS. */
function peakRss(v) {
  if (existsSync('/usr/bin/time')) {
    const r = spawnSync('/usr/bin/time', ['-f', '%M', process.execPath, ...v.args], { env, encoding: 'utf8', stdio: ['ignore', 'ignore', 'pipe'] });
    const kb = Number(r.stderr.trim().split('\n').at(-1));
    if (Number.isFinite(kb)) return kb / 1024;
  }
  const hook = 'data:text/javascript,' + encodeURIComponent("process.on('exit',()=>process.stderr.write('\\nmaxrss '+process.resourceUsage().maxRSS+'\\n'))");
  const r = spawnSync(process.execPath, ['--import', hook, ...v.args], { env, encoding: 'utf8', stdio: ['ignore', 'ignore', 'pipe'] });
  return Number(/maxrss (\d+)/.exec(r.stderr)?.[1]) / 1024;
}

try {
  for (const v of variants) once(v); // warm the file-system cache
  const times = variants.map(() => []);
  for (let i = 0; i < RUNS; i++) variants.forEach((v, j) => times[j].push(once(v)));
  const median = (xs) => {
    const s = [...xs].sort((a, b) => a - b);
    return s.length % 2 ? s[s.length >> 1] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
  };
  const base = median(times[0]);
  console.log(`start-up, ${RUNS} alternating runs each, medians (Node ${process.version}):`);
  variants.forEach((v, j) => {
    const m = median(times[j]);
    console.log(`  ${v.name.padEnd(48)} ${m.toFixed(0).padStart(5)} ms  ${(m / base).toFixed(2)}×  peak RSS ${peakRss(v).toFixed(0)} MB`);
  });
  console.log(`ratio estimate / node -e 0: ${(median(times[1]) / base).toFixed(2)}× (target ≤ 1.3×)`);
} finally {
  if (tmp) rmSync(tmp, { recursive: true, force: true });
}

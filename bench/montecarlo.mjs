#!/usr/bin/env node
// Monte Carlo throughput: RTO samples per second over all strategies and variants of an example, and what the
// default 10,000 samples cost `estimate` end to end (the built CLI with --samples 10000 vs --samples 1, medians).
//   npm run build && node bench/montecarlo.mjs [example] [rounds]
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
const example = process.argv[2] ?? 'web-app';
const rounds = Number(process.argv[3] ?? 7);
// Bundled under .tmp/bench/ so that the code finds data/ two levels up, as it does from dist/ or src/.
mkdirSync(join(root, '.tmp/bench'), { recursive: true });
const out = join(root, '.tmp/bench/montecarlo.mjs');
await build({ entryPoints: [join(root, 'bench/montecarlo-core.ts')], bundle: true, platform: 'node', format: 'esm', packages: 'external', outfile: out, logLevel: 'silent' });
const { runMonteCarlo } = await import(out);

runMonteCarlo(example, 1000, 2); // warm up the JIT
const r = runMonteCarlo(example, 10_000, rounds);
console.log(`in-process: ${r.strategies} strategies and variants × ${r.samples} samples in ${r.medianMs.toFixed(1)} ms (median of ${rounds}) = ${(r.samplesPerSecond / 1e6).toFixed(2)} M samples/s`);

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
function cli(samples) {
  const t0 = performance.now();
  const p = spawnSync(process.execPath, [join(root, 'bin/dr-advisor.js'), 'estimate', '--example', example, '--pricing', 'snapshot', '--format', 'json', '--samples', String(samples)], {
    env: { ...process.env, CI: '1' }, encoding: 'utf8',
  });
  if (p.status !== 0) throw new Error(p.stderr);
  return performance.now() - t0;
}
const one = [];
const tenK = [];
for (let i = 0; i < rounds; i++) {
  one.push(cli(1));
  tenK.push(cli(10_000));
}
const a = median(one);
const b = median(tenK);
console.log(`estimate --example ${example}: --samples 1 ${a.toFixed(0)} ms, --samples 10000 ${b.toFixed(0)} ms (median of ${rounds}): the Monte Carlo adds ${(b - a).toFixed(0)} ms (${(((b - a) / a) * 100).toFixed(0)}%)`);

// Benchmark: `estimate --example web-app --pricing live` (the built CLI, real SDK) against the loopback replay server.
// Reports the number of GetProducts requests and the wall time of a cold run (empty cache) and a warm run (cache
// filled by the cold run), as the median of N rounds. Run: npm run build && node bench/live-pricing.mjs [rounds]
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';

const root = new URL('..', import.meta.url).pathname;
const rounds = Number(process.argv[2] ?? 3);

// The replay server is TypeScript (test/helpers); bundle it for plain node.
const tmp = mkdtempSync(join(tmpdir(), 'dr-bench-'));
const serverFile = join(tmp, 'replay.mjs');
await build({
  entryPoints: [join(root, 'test/helpers/replay-server.ts')],
  bundle: true,
  platform: 'node',
  format: 'esm',
  outfile: serverFile,
  define: { 'import.meta.dirname': JSON.stringify(join(root, 'test/helpers')) },
  logLevel: 'silent',
});
const { startReplayServer, replayEnv, AWS_ENV_TO_CLEAR } = await import(serverFile);
const server = await startReplayServer();
writeFileSync(join(tmp, 'aws-config'), '');
writeFileSync(join(tmp, 'aws-credentials'), '');

function run(cacheDir) {
  const env = { ...process.env };
  for (const k of AWS_ENV_TO_CLEAR) delete env[k];
  Object.assign(env, replayEnv(server.url, { home: tmp }), { DR_ADVISOR_CACHE_DIR: cacheDir, CI: '1' });
  const start = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(root, 'bin/dr-advisor.js'), 'estimate', '--example', 'web-app', '--pricing', 'live', '--format', 'json'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    child.on('exit', (code) => {
      const ms = performance.now() - start;
      if (code !== 0) return reject(new Error(`exit ${code}: ${err}`));
      resolve({ ms, source: JSON.parse(out).pricing.source });
    });
  });
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const cold = [];
const warm = [];
let coldRequests = 0;
let warmRequests = 0;
let keys = 0;
for (let i = 0; i < rounds; i++) {
  const cacheDir = mkdtempSync(join(tmpdir(), 'dr-bench-cache-'));
  server.reset();
  const c = await run(cacheDir);
  coldRequests = server.requests.length;
  cold.push(c.ms);
  server.reset();
  const w = await run(cacheDir);
  warmRequests = server.requests.length;
  warm.push(w.ms);
  if (c.source !== 'live' || w.source !== 'cache') throw new Error(`unexpected sources ${c.source} / ${w.source}`);
  keys = (await import('node:fs')).readdirSync(join(cacheDir, 'prices')).length;
}
await server.close();
const result = {
  example: 'web-app',
  priceKeys: keys,
  rounds,
  cold: { requests: coldRequests, medianMs: Math.round(median(cold)), runsMs: cold.map(Math.round) },
  warm: { requests: warmRequests, medianMs: Math.round(median(warm)), runsMs: warm.map(Math.round) },
  note: 'cold time is dominated by the ~5 requests/s token bucket (burst 5), by design',
};
console.log(JSON.stringify(result, null, 2));

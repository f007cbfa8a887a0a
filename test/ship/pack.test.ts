/**
 * The npx path: `npm pack` → install the tarball into an empty project → `npx dr-advisor ...`. The tarball holds only
 * what the CLI needs (package.json `files`). Needs the npm registry for the dependencies; set DR_ADVISOR_SKIP_PACK=1 to
 * skip where there is none.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));
const pkg = JSON.parse(execFileSync('node', ['-p', 'JSON.stringify(require("./package.json"))'], { cwd: root, encoding: 'utf8' }));
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
const quiet = { ...process.env, npm_config_update_notifier: 'false', npm_config_fund: 'false', npm_config_audit: 'false', CI: '1', DR_ADVISOR_PRICING: 'snapshot' };

function packList(): string[] {
  const out = execFileSync(npm, ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: root, encoding: 'utf8', env: quiet, stdio: ['ignore', 'pipe', 'pipe'] });
  return (JSON.parse(out)[0].files as Array<{ path: string }>).map((f) => f.path).sort();
}

describe('package contents', () => {
  it('package.json declares the bin, Node ≥ 20.12 and the files to ship', () => {
    expect(pkg.bin).toEqual({ 'dr-advisor': 'bin/dr-advisor.js' });
    expect(pkg.engines).toEqual({ node: '>=20.12' });
    expect(pkg.files).toEqual(['bin/', 'dist/', 'data/price-snapshot.json', 'data/mc-tables.bin', 'data/examples/', 'data/reference/', 'README.md']);
  });

  it('the tarball holds only the launcher (CommonJS: bin/package.json), the bundle, the snapshot, the Monte Carlo tables, the examples, the model notes, README and package.json', () => {
    const files = packList();
    const fixed = files.filter((f) => !f.startsWith('dist/'));
    expect(fixed).toEqual([
      'README.md',
      'bin/dr-advisor.js',
      'bin/package.json',
      'data/examples/global-saas.yaml',
      'data/examples/serverless-dynamodb.yaml',
      'data/examples/web-app.yaml',
      'data/mc-tables.bin',
      'data/price-snapshot.json',
      'data/reference/dr-model.md',
      'package.json',
    ]);
    const dist = files.filter((f) => f.startsWith('dist/'));
    expect(dist).toContain('dist/cli.js');
    // Only bundled JavaScript and its source maps (for --debug stack traces; no sources' text in them): no sources,
    // tests or type declarations. Every chunk has its map.
    expect(dist.filter((f) => !/^dist\/[\w-]+\.js(\.map)?$/.test(f))).toEqual([]);
    expect(dist.filter((f) => f.endsWith('.js')).map((f) => `${f}.map`)).toEqual(dist.filter((f) => f.endsWith('.map')));
    expect(files.filter((f) => /(^|\/)(src|test|scripts|bench|node_modules)\//.test(f) || f.endsWith('.ts'))).toEqual([]);
  });
});

describe.skipIf(process.env.DR_ADVISOR_SKIP_PACK === '1')('npm pack → npm install → npx', () => {
  let dir: string;
  let project: string;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'dr-pack-'));
    project = join(dir, 'project');
    execFileSync('mkdir', [project]);
    // --ignore-scripts: `npm test` has just built dist/; prepack would rebuild it under the feet of other test files.
    const packed = execFileSync(npm, ['pack', '--json', '--ignore-scripts', '--pack-destination', dir], { cwd: root, encoding: 'utf8', env: quiet, stdio: ['ignore', 'pipe', 'pipe'] });
    const tarball = join(dir, JSON.parse(packed)[0].filename);
    writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'empty-project', version: '1.0.0', private: true }));
    execFileSync(npm, ['install', tarball, '--no-audit', '--no-fund', '--loglevel=error'], { cwd: project, env: quiet, stdio: ['ignore', 'pipe', 'pipe'], timeout: 300_000 });
  }, 330_000);

  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  /** npx itself may print npm's own notices (e.g. about the machine's npm config); keep only the CLI's stderr. */
  const run = (args: string[]) => {
    const r = spawnSync(npx, ['--no-install', 'dr-advisor', ...args], { cwd: project, encoding: 'utf8', env: quiet, timeout: 60_000 });
    return { ...r, stderr: r.stderr.split('\n').filter((l) => l !== '' && !/^npm (warn|notice)\b/.test(l)).map((l) => `${l}\n`).join('') };
  };

  it('installs the bin and only the shipped files', () => {
    expect(readdirSync(join(project, 'node_modules/.bin'))).toContain('dr-advisor');
    const installed = readdirSync(join(project, 'node_modules/dr-advisor')).sort();
    expect(installed).toEqual(['README.md', 'bin', 'data', 'dist', 'package.json']);
  });

  it('npx dr-advisor --version prints the package version', () => {
    const r = run(['--version']);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe(`${pkg.version}\n`);
    expect(r.status).toBe(0);
  });

  it('npx dr-advisor estimate --example web-app --pricing snapshot prices the four strategies', () => {
    const r = run(['estimate', '--example', 'web-app', '--pricing', 'snapshot', '--format', 'json', '--samples', '1000']);
    expect(r.status).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report.strategies.map((s: { id: string }) => s.id)).toEqual(['backup-restore', 'pilot-light', 'warm-standby', 'active-active']);
    expect(report.workload.name).toBe('checkout');
    expect(report.tool).toEqual({ name: 'dr-advisor', version: pkg.version });
    expect(r.stderr).toMatch(/^warning: prices from the bundled snapshot \(built 2026-11-24; price data from /);
    const table = run(['estimate', '--example', 'web-app', '--pricing', 'snapshot']);
    expect(table.status).toBe(0);
    expect(table.stdout).toMatch(/^checkout  us-east-1 → us-west-2/);
    expect(table.stdout).toMatch(/Pilot Light/);
    expect(table.stdout).toMatch(/\nRecommendation: /);
    expect(table.stdout).not.toMatch(/\u001b\[/);
  });
});

// Bundles the CLI into dist/ with esbuild: one minified entry chunk for the fast path, and separate chunks for
// code behind dynamic import() (live pricing, the wizard), so that `estimate --pricing snapshot` never parses them.
// Heavy runtime dependencies (the AWS SDK, inquirer) stay external and are loaded only on the paths that need them.
//
// Source maps: every chunk has a linked map (dist/*.js.map, mapping to src/…ts lines, without the sources' text). Node
// reads them only when source maps are enabled, which bin/dr-advisor.js does for --debug alone
// (process.setSourceMapsEnabled before the bundle loads): normal start-up never opens a map.
//
//   node scripts/build.mjs [--outdir DIR] [--no-minify] [--metafile FILE]
//
// The output is written without a window where dist/ is missing or half-written (other processes, e.g. a test run,
// may be running the CLI while it builds): every file is written to a temp name and renamed into place, the entry
// (cli.js) last, and only then are the chunks of the previous build removed.
import { build } from 'esbuild';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const root = fileURLToPath(new URL('..', import.meta.url));
const { values: args } = parseArgs({
  options: { outdir: { type: 'string' }, 'no-minify': { type: 'boolean' }, metafile: { type: 'string' } },
});
const outdir = resolve(root, args.outdir ?? 'dist');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

const external = ['@aws-sdk/*', '@smithy/*', '@inquirer/*'];

// zod's classic entry re-exports every locale (≈260 kB, half of the start-up chunk) as `z.locales`; dr-advisor
// writes its own messages and never reads them, so the locale index resolves to English only.
const zodEnglishOnly = {
  name: 'zod-english-only',
  setup(b) {
    b.onResolve({ filter: /^\.\.\/locales\/index\.js$/ }, (a) =>
      a.importer.includes(`${'node_modules'}/zod/`) ? { path: 'zod-locales-en', namespace: 'zod-locales' } : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: 'zod-locales' }, () => ({
      contents: `export { default as en } from ${JSON.stringify(join(root, 'node_modules/zod/v4/locales/en.js'))};`,
      resolveDir: root,
    }));
  },
};
const result = await build({
  absWorkingDir: root,
  entryPoints: { cli: 'src/cli/main.ts' },
  outdir,
  write: false,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  minify: !args['no-minify'],
  sourcemap: 'linked',
  sourcesContent: false,
  legalComments: 'none',
  external,
  plugins: [zodEnglishOnly],
  metafile: Boolean(args.metafile),
  // Bundled CommonJS dependencies (cli-table3) call require() for Node built-ins.
  banner: { js: "import{createRequire as __cr}from'node:module';const require=__cr(import.meta.url);" },
  define: { __DR_ADVISOR_VERSION__: JSON.stringify(pkg.version) },
  logLevel: 'warning',
});

mkdirSync(outdir, { recursive: true });
const entry = join(outdir, 'cli.js');
const files = [...result.outputFiles].sort((a, b) => (a.path === entry) - (b.path === entry));
const tag = `.${process.pid}.tmp`;
for (const f of files) {
  writeFileSync(f.path + tag, f.contents);
  renameSync(f.path + tag, f.path);
}
const keep = new Set(files.map((f) => basename(f.path)));
for (const name of readdirSync(outdir)) if (!keep.has(name)) rmSync(join(outdir, name), { recursive: true, force: true });
if (args.metafile) writeFileSync(resolve(root, args.metafile), JSON.stringify(result.metafile));

// Bundles the CLI with esbuild into ONE script, dist/cli.js, that bin/dr-advisor.js compiles through `vm.Script`
// with a V8 code cache (issue 17): a CommonJS-style function expression,
//   /*dr-advisor:<hash> <charset>*/(function (exports, require, module, __filename, __dirname, __dr_url, __dr_lazy) { … })
// where <hash> is the first 16 hex digits of the SHA-256 of the file (computed with the digits zeroed), the key of
// the code cache, and <charset> is `ascii` (esbuild escapes non-ASCII characters when it minifies; the launcher then
// reads the file as latin1, without UTF-8 decoding) or `utf-8` (a --no-minify build keeps comments as written). Code behind dynamic import() (live pricing, the wizard, `check`…) is in the same file but wrapped
// lazily by esbuild, so it is neither run nor compiled until used. Heavy runtime dependencies (the AWS SDK, inquirer)
// stay external and are loaded with require() on the paths that need them (each ships CommonJS); the bundle holds no
// import() at all, which a script compiled from a V8 code cache cannot run on Node 20 ("Invalid host defined
// options", fixed in later V8).
//
// Source maps: dist/cli.js has a linked map (dist/cli.js.map, mapping to src/…ts lines, without the sources' text).
// Node reads it only when source maps are enabled, which bin/dr-advisor.js does for --debug alone (and then loads the
// bundle through the CommonJS loader, which applies the map): normal start-up never opens it.
//
//   node scripts/build.mjs [--outdir DIR] [--no-minify] [--metafile FILE]
//
// The output is written without a window where dist/ is missing or half-written (other processes, e.g. a test run,
// may be running the CLI while it builds): every file is written to a temp name and renamed into place, the entry
// (cli.js) last, and only then are the files of the previous build removed.
import { build } from 'esbuild';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
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

/**
 * `*.lazy.ts`: a module whose whole text is `import * as m from 'X'; export default () => m;` (and comments). From
 * source (tests) it is just that; in the bundle it becomes `export default () => (__dr_lazy(i), require('X'))`, which
 * esbuild initialises on the first call, so that X and what it imports (zod, the yaml library, the Terraform
 * import…) are not run at start-up by a command that does not use them. `__dr_lazy(i)` tells the launcher that part
 * i (the module's rank among the sorted .lazy.ts files) ran, for its code cache (bin/dr-advisor.js).
 */
const lazyFiles = readdirSync(join(root, 'src'), { recursive: true })
  .filter((f) => f.endsWith('.lazy.ts'))
  .map((f) => resolve(root, 'src', f))
  .sort();
if (lazyFiles.length > 24) throw new Error('more than 24 .lazy.ts modules: the code cache header has 24 bits for them');
const lazyModules = {
  name: 'lazy-modules',
  setup(b) {
    b.onLoad({ filter: /\.lazy\.ts$/ }, (a) => {
      const code = readFileSync(a.path, 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '').trim();
      const m = /^import \* as (\w+) from '([^']+)';\s*export default \(\) => (\w+);$/.exec(code);
      if (!m || m[1] !== m[3]) throw new Error(`${a.path}: a .lazy.ts module is \`import * as m from '…'; export default () => m;\` only`);
      const part = lazyFiles.indexOf(resolve(a.path));
      if (part < 0) throw new Error(`${a.path}: a .lazy.ts module outside src/`);
      const name = JSON.stringify(a.path.slice(root.length).replace(/\\/g, '/'));
      return { contents: `export default () => (__dr_lazy(${part}, ${name}), require(${JSON.stringify(m[2])}));`, loader: 'ts', resolveDir: dirname(a.path) };
    });
  },
};

/**
 * commander requires node:child_process at load, for executable subcommands, which dr-advisor has none of: loaded on
 * the first spawn instead (it and dgram cost about 1 ms at every start). The build fails if commander changes there.
 */
const commanderLazySpawn = {
  name: 'commander-lazy-spawn',
  setup(b) {
    b.onLoad({ filter: /[\\/]node_modules[\\/]commander[\\/]lib[\\/]command\.js$/ }, (a) => {
      const text = readFileSync(a.path, 'utf8');
      const line = "const childProcess = require('node:child_process');";
      if (!text.includes(line) || /childProcess\.(?!spawn\()/.test(text)) throw new Error(`${a.path}: commander no longer loads child_process as scripts/build.mjs expects`);
      return { contents: text.replace(line, "const childProcess = { spawn: (...args) => require('node:child_process').spawn(...args) };"), loader: 'js' };
    });
  },
};

/**
 * The yaml library's ES build (`yaml/browser`, the package's own "browser" entry: the same sources and version) rather
 * than its CommonJS build, whose parser reads `process.env.LOG_TOKENS` at every token and its composer
 * `process.env.LOG_STREAM` at every document (a C++ call each): over 1,000 workload files of about 250 tokens the
 * ES build parsed 25-30 % faster (issue 17). Its only other difference, base64 through atob/btoa, is in the YAML 1.1
 * `!!binary` tag, which the core and JSON schemas used here do not have. Tests, run from source, use the CommonJS
 * build: the goldens hold both to the same output.
 */
const yamlEsBuild = {
  name: 'yaml-es-build',
  setup(b) {
    b.onResolve({ filter: /^yaml$/ }, () => ({ path: join(root, 'node_modules/yaml/browser/index.js') }));
  },
};

/** A value as a JavaScript expression: JSON, but keeping `undefined` members and -0 (key order as in the value). */
function literal(v) {
  if (v === undefined) return 'void 0';
  if (v === null || typeof v === 'boolean' || typeof v === 'string') return JSON.stringify(v);
  if (typeof v === 'number') return Object.is(v, -0) ? '-0' : Number.isFinite(v) ? String(v) : (() => { throw new Error(`cannot bundle the number ${v}`); })();
  if (Array.isArray(v)) return `[${v.map(literal).join(',')}]`;
  if (Object.getPrototypeOf(v) === Object.prototype) return `{${Object.entries(v).map(([k, x]) => `${JSON.stringify(k)}:${literal(x)}`).join(',')}}`;
  throw new Error(`cannot bundle ${Object.prototype.toString.call(v)}`);
}

/**
 * What the build computes from source, through a throw-away bundle of the modules that do it: the bundled examples
 * parsed and validated (src/workload/examples-data.ts), and the validator generated from the workload schema
 * (src/workload/validator-gen.ts). In the bundle, examples-data.ts is a function returning the examples as object
 * literals, and fast-validate.ts the generated code.
 */
async function fromSource() {
  mkdirSync(join(root, '.tmp'), { recursive: true });
  const tmp = mkdtempSync(join(root, '.tmp', 'build-'));
  try {
    await build({
      absWorkingDir: root,
      entryPoints: { examples: 'src/workload/examples-data.ts', validator: 'src/workload/validator-gen.ts' },
      outdir: tmp,
      outExtension: { '.js': '.mjs' },
      bundle: true,
      packages: 'external',
      format: 'esm',
      platform: 'node',
      target: 'node20',
      logLevel: 'warning',
    });
    const { readExamples } = await import(pathToFileURL(join(tmp, 'examples.mjs')).href);
    const { validatorSource } = await import(pathToFileURL(join(tmp, 'validator.mjs')).href);
    const examples = readExamples(join(root, 'data', 'examples'));
    if (!examples.length) throw new Error('no bundled examples in data/examples');
    return {
      examples: `export function bundledExamples() { return ${literal(examples)}; }\n`,
      // Built on the first call: its constant sets (the regions, the assumption names...) cost nothing to --example.
      validator: `import * as rules from './rules';\nlet parse;\nexport const fastParse = (doc) => (parse ??= (function (rules) {\n${validatorSource()}\n})(rules))(doc);\n`,
    };
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}
const generated = await fromSource();
const prebuilt = {
  name: 'prebuilt',
  setup(b) {
    b.onLoad({ filter: /[\\/]src[\\/]workload[\\/]examples-data\.ts$/ }, () => ({ contents: generated.examples, loader: 'js' }));
    b.onLoad({ filter: /[\\/]src[\\/]workload[\\/]fast-validate\.ts$/ }, (a) => ({ contents: generated.validator, loader: 'js', resolveDir: dirname(a.path) }));
  },
};

/** The placeholder of the content hash and charset in the first line; replaced by as many characters. */
const HASH_PLACEHOLDER = '0'.repeat(16);
const STAMP = `/*dr-advisor:${HASH_PLACEHOLDER} ascii*/`;
const result = await build({
  absWorkingDir: root,
  entryPoints: { cli: 'src/cli/main.ts' },
  outdir,
  write: false,
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  // import() → require(): the bundle must hold no import() (see above).
  supported: { 'dynamic-import': false },
  minify: !args['no-minify'],
  sourcemap: 'linked',
  sourcesContent: false,
  legalComments: 'none',
  external,
  plugins: [zodEnglishOnly, lazyModules, prebuilt, commanderLazySpawn, yamlEsBuild],
  metafile: Boolean(args.metafile),
  // The wrapper's parameters: CommonJS's five, the bundle's own URL for `import.meta.url` (data/ is found from it), and
  // the launcher's note of the lazy parts that ran (see lazyModules).
  banner: { js: `${STAMP}(function (exports, require, module, __filename, __dirname, __dr_url, __dr_lazy) {` },
  footer: { js: '})' },
  define: { __DR_ADVISOR_VERSION__: JSON.stringify(pkg.version), 'import.meta.url': '__dr_url' },
  logLevel: 'warning',
});

mkdirSync(outdir, { recursive: true });
const entry = join(outdir, 'cli.js');
const files = [...result.outputFiles].sort((a, b) => (a.path === entry) - (b.path === entry));
const tag = `.${process.pid}.tmp`;
for (const f of files) {
  let contents = f.contents;
  if (f.path === entry) {
    const text = f.text;
    if (/\bimport\s*\(/.test(text.replace(/`(?:\\[\s\S]|[^`\\])*`|"(?:\\.|[^"\\\n])*"|'(?:\\.|[^'\\\n])*'/g, '""'))) {
      throw new Error('dist/cli.js holds an import(): a script compiled from a V8 code cache cannot run it on Node 20');
    }
    const charset = /^[\x00-\x7f]*$/.test(text) ? 'ascii' : 'utf-8';
    const hash = createHash('sha256').update(text).digest('hex').slice(0, HASH_PLACEHOLDER.length);
    contents = Buffer.from(text.replace(STAMP, `/*dr-advisor:${hash} ${charset.padEnd(5)}*/`));
  }
  writeFileSync(f.path + tag, contents);
  renameSync(f.path + tag, f.path);
}
const keep = new Set(files.map((f) => basename(f.path)));
for (const name of readdirSync(outdir)) if (!keep.has(name)) rmSync(join(outdir, name), { recursive: true, force: true });
if (args.metafile) writeFileSync(resolve(root, args.metafile), JSON.stringify(result.metafile));

// Bundles the CLI into dist/ with esbuild: one minified entry chunk for the fast path, and separate chunks for
// code behind dynamic import() (live pricing, the wizard), so that `estimate --pricing snapshot` never parses them.
// Heavy runtime dependencies (the AWS SDK, inquirer) stay external and are loaded only on the paths that need them.
import { build } from 'esbuild';
import { readFileSync, rmSync } from 'node:fs';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));

const external = ['@aws-sdk/*', '@smithy/*', 'inquirer', '@inquirer/*'];
rmSync(new URL('../dist', import.meta.url), { recursive: true, force: true });
await build({
  entryPoints: { cli: 'src/cli/main.ts' },
  outdir: 'dist',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  minify: true,
  sourcemap: false,
  legalComments: 'none',
  external,
  // Bundled CommonJS dependencies (cli-table3) call require() for Node built-ins.
  banner: { js: "import{createRequire as __cr}from'node:module';const require=__cr(import.meta.url);" },
  define: { __DR_ADVISOR_VERSION__: JSON.stringify(pkg.version) },
  logLevel: 'warning',
});

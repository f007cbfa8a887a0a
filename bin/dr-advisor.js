#!/usr/bin/env node
// Thin launcher: everything lives in the bundled CLI. With --debug, stack traces are mapped to src/…ts lines through the
// bundle's source maps (enabled before the bundle loads; Node never reads a map otherwise).
if (process.argv.includes('--debug')) process.setSourceMapsEnabled(true);
import('../dist/cli.js').then((m) => m.main(process.argv)).catch((err) => {
  process.stderr.write(`error: could not start dr-advisor (${err && err.message ? err.message : err}); run \`npm run build\` first\n`);
  process.exit(2);
});

#!/usr/bin/env node
// Thin launcher: everything lives in the bundled CLI.
import('../dist/cli.js').then((m) => m.main(process.argv)).catch((err) => {
  process.stderr.write(`error: could not start dr-advisor (${err && err.message ? err.message : err}); run \`npm run build\` first\n`);
  process.exit(2);
});

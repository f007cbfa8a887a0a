// Rewrites test/golden/files/ from the built CLI (run `npm run build` first). Use only after a deliberate change of
// figures or wording, and say in the commit what changed and why.
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { CASES, record } from '../test/golden/cases.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const dir = `${root}test/golden/files`;
mkdirSync(dir, { recursive: true });
for (const c of CASES) {
  const env = { ...process.env, CI: '1', NO_COLOR: '1', DR_ADVISOR_PRICING: 'snapshot', AWS_EC2_METADATA_DISABLED: 'true' };
  const r = spawnSync(process.execPath, [`${root}bin/dr-advisor.js`, ...c.args], { cwd: root, env, encoding: 'utf8', input: '' });
  writeFileSync(`${dir}/${c.name}`, record(r));
  console.log(`${c.name}: exit ${r.status}`);
}

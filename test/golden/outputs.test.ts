/**
 * Golden outputs: the built CLI's exit code, stdout and stderr for the three examples in every format (estimate:
 * table, --explain, json, markdown; check: table, json, markdown, github), with `--pricing snapshot`, compared byte
 * for byte apart from the clock. A structural change must leave them as they are; a deliberate change of figures or
 * wording regenerates them with `node scripts/update-goldens.mjs` and says why in its commit.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli';
// @ts-expect-error plain ESM module shared with scripts/update-goldens.mjs
import { CASES, record } from './cases.mjs';

const ROOT = new URL('../../', import.meta.url);

describe('golden outputs of the built CLI', () => {
  for (const c of CASES as { name: string; args: string[] }[]) {
    it(c.name, () => {
      const r = runCli(c.args, { cwd: ROOT.pathname, env: { DR_ADVISOR_PRICING: 'snapshot' } });
      const expected = readFileSync(new URL(`test/golden/files/${c.name}`, ROOT), 'utf8');
      expect(record(r)).toBe(expected);
    });
  }
});

/**
 * The bundled examples are parsed and validated at build time (issue 17 item 2, scripts/build.mjs and
 * src/workload/examples-data.ts): `--example NAME` must give exactly what `-f data/examples/NAME.yaml` gives, `init`
 * and the wizard start from the same documents as the files, and the built CLI reads no example file to do it.
 */
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { templateText } from '../../src/cli/commands/init';
import { exampleDocument, exampleNames, loadExample, parseWorkloadText, exampleText } from '../../src/workload/load';
import { validateWorkload } from '../../src/workload/validate';
import { runCli } from '../helpers/cli';

const root = fileURLToPath(new URL('../../', import.meta.url));
const NAMES = ['global-saas', 'serverless-dynamodb', 'web-app'];
const clock = (s: string) => s.replace(/"generatedAt": "[^"]+"/, '"generatedAt": "<t>"');

describe('the bundled examples, pre-parsed into the bundle', () => {
  it('are the three files of data/examples, by name', () => {
    expect(exampleNames()).toEqual(NAMES);
    const r = runCli(['estimate', '--example', 'nope']);
    expect(r.stderr).toBe(`error: --example must be one of ${NAMES.join(', ')} (got "nope")\n`);
  });

  it.each(NAMES)('estimate --example %s prints what -f data/examples/<name>.yaml prints, in every format', (name) => {
    for (const format of ['json', 'table', 'markdown']) {
      const example = runCli(['estimate', '--example', name, '--format', format, '--explain']);
      const file = runCli(['estimate', '-f', join(root, 'data/examples', `${name}.yaml`), '--format', format, '--explain']);
      expect(example.status).toBe(0);
      expect(clock(example.stdout)).toBe(clock(file.stdout));
      expect(example.stderr).toBe(file.stderr);
    }
  });

  it.each(NAMES)('init --example %s writes the template of the file, as from source', (name) => {
    const r = runCli(['init', '--example', name, '-o', '-']);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(templateText(name));
  });

  it('from source: each example is its file parsed, and validated like any document (key order included)', () => {
    for (const name of NAMES) {
      const doc = parseWorkloadText(exampleText(name), `example ${name}`);
      expect(JSON.stringify(exampleDocument(name))).toBe(JSON.stringify(doc));
      expect(JSON.stringify(loadExample(name))).toBe(JSON.stringify(validateWorkload(doc, `example ${name}`)));
    }
  });

  it('the built CLI reads no example file: a copy without data/examples still estimates them', () => {
    const dir = mkdtempSync(join(tmpdir(), 'dr-no-examples-'));
    try {
      for (const part of ['bin', 'dist', 'package.json', 'data/price-snapshot.json']) cpSync(join(root, part), join(dir, part), { recursive: true });
      const bin = join(dir, 'bin', 'dr-advisor.js');
      const copy = runCli(['estimate', '--example', 'web-app', '--explain'], { env: { DR_ADVISOR_NO_CODE_CACHE: '1' }, bin });
      const here = runCli(['estimate', '--example', 'web-app', '--explain']);
      expect(copy.status).toBe(0);
      expect(copy.stdout).toBe(here.stdout);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

/** Provenance (issue 16 item 9): every source tag the output uses is explained in its legend; examples cite nothing unshipped. */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli';

const TAG = /\[(V2|V|3P|S|M|I)(?=[\]:/ ])/g;

describe('source tags are explained', () => {
  for (const example of ['web-app', 'serverless-dynamodb', 'global-saas']) {
    it(`${example}: --explain and the Markdown have a legend for each tag they use, and for no other`, () => {
      for (const flags of [['--explain'], ['--format', 'markdown']]) {
        const out = runCli(['estimate', '--example', example, '--samples', '300', ...flags]).stdout;
        const lines = out.split('\n');
        const legend = lines.find((l) => /^_?Source tags: /.test(l));
        expect(legend, flags.join(' ')).toBeDefined();
        const body = lines.filter((l) => l !== legend).join('\n');
        const used = new Set([...body.matchAll(TAG)].map((m) => m[1]));
        expect(used.size).toBeGreaterThanOrEqual(3);
        const explained = new Set([...legend!.matchAll(/\[(V2|V|3P|S|M|I)\] /g)].map((m) => m[1]));
        expect([...explained].sort()).toEqual([...used].sort());
        expect(legend).toContain('[I] engineering estimate: no source gives this number');
      }
    });
  }
});

describe('bundled examples', () => {
  it('cite no document that does not ship (design.md, reference notes)', () => {
    for (const f of readdirSync('data/examples')) expect(readFileSync(`data/examples/${f}`, 'utf8'), f).not.toMatch(/design\.md|reference\/|§/);
    const init = runCli(['init', '--example', 'web-app', '-o', '-']).stdout;
    expect(init).not.toMatch(/design\.md/);
  });
});

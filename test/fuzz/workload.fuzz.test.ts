/**
 * In-process fuzzing of the workload pipeline (many runs, fast): whatever the document or the text, validation either
 * returns a workload or throws an InputError (exit 2) whose message is one short line; it never throws anything else
 * (which the CLI would report as an internal error, exit 70).
 */
import fc from 'fast-check';
import { stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors';
import { loadWorkload } from '../../src/cli/inputs';
import { parseWorkloadText } from '../../src/workload/load';
import { validateWorkload } from '../../src/workload/validate';
import { hostileYaml, workloadDoc } from './arbitraries';

function expectCleanInputError(fn: () => unknown): void {
  try {
    fn();
  } catch (e) {
    if (!(e instanceof InputError)) throw new Error(`not an InputError: ${(e as Error)?.stack ?? String(e)}`);
    expect(e.exitCode).toBe(2);
    expect(e.message).not.toMatch(/[\n\r]/);
    expect(e.message.length).toBeLessThan(600);
    expect(e.message.length).toBeGreaterThan(0);
  }
}

describe('validateWorkload on hostile documents', () => {
  it('returns a workload or throws a one-line InputError', () => {
    fc.assert(
      fc.property(workloadDoc, (doc) => expectCleanInputError(() => validateWorkload(doc, 'fuzz.yaml'))),
      { numRuns: 3000 },
    );
  });

  it('the same documents through YAML and JSON text', () => {
    fc.assert(
      fc.property(workloadDoc, (doc) => {
        let yamlText: string;
        try {
          yamlText = stringify(doc);
        } catch {
          return; // not representable as YAML (e.g. a BigInt); covered by the document property
        }
        expectCleanInputError(() => validateWorkload(parseWorkloadText(yamlText, 'fuzz.yaml'), 'fuzz.yaml'));
        let jsonText: string | undefined;
        try {
          jsonText = JSON.stringify(doc);
        } catch {
          return;
        }
        if (jsonText !== undefined) expectCleanInputError(() => validateWorkload(parseWorkloadText(jsonText!, 'fuzz.json', 'json'), 'fuzz.json'));
      }),
      { numRuns: 1500 },
    );
  });

  it('hostile YAML text (alias bombs, deep nesting, tags, binary) is parsed or refused with one line', () => {
    fc.assert(
      fc.property(hostileYaml, (text) => expectCleanInputError(() => validateWorkload(parseWorkloadText(text, 'fuzz.yaml'), 'fuzz.yaml'))),
      { numRuns: 300 },
    );
  });

  it('flag overrides (regions, targets) on the example: a workload or one line', () => {
    const flag = fc.oneof(fc.string({ unit: 'binary', maxLength: 30 }), fc.constantFrom('1h', '15m', '0', '-1', '1e400', 'NaN', 'us-west-2', 'us-east-1', '$1,000', '1,5', '∞'));
    fc.assert(
      fc.property(
        fc.record({ primaryRegion: flag, drRegion: flag, rto: flag, rpo: flag, maxMonthlyCost: flag }, { requiredKeys: [] }),
        (flags) => expectCleanInputError(() => loadWorkload({ example: 'web-app', ...flags })),
      ),
      { numRuns: 1500 },
    );
  });
});

/**
 * `check` streams (issue 17): it plans every file for its price keys, resolves them in one call, then plans each file
 * again and evaluates it, keeping only its row. The result must be the one of the whole-batch path (evaluatePlans +
 * runCheck), to the byte; past MANY_FILES files it also runs with V8's --optimize-for-size.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { runCheck } from '../../src/advisor/check/run';
import { planEstimate, type EstimatePlan } from '../../src/advisor/plan';
import type { Report } from '../../src/advisor/types';
import { MANY_FILES, priceAndEvaluate } from '../../src/cli/commands/check';
import { evaluateEach, evaluatePlans } from '../../src/cli/pipeline';
import { distinctKeys, priceKeyId } from '../../src/pricing/keys';
import { createSnapshotPriceBook } from '../../src/pricing/snapshot/book';
import type { Diagnostic, PriceBook, PriceKey } from '../../src/pricing/types';
import { describeCheck } from '../../src/report/check-text';
import { renderCheckJson } from '../../src/report/check-json';
import { loadWorkloadFile } from '../../src/workload/load';
import { generatedWorkload } from '../../bench/scale-workloads';
import { runCli } from '../helpers/cli';

const GENERATED_AT = '2026-01-01T00:00:00.000Z';

function writeWorkloads(n: number): { dir: string; files: string[] } {
  const dir = join(mkdtempSync(join(tmpdir(), 'dr-stream-')), 'services');
  mkdirSync(dir);
  const files = Array.from({ length: n }, (_, i) => {
    const f = join(dir, `svc-${String(i).padStart(4, '0')}.yaml`);
    writeFileSync(f, generatedWorkload(i));
    return f;
  });
  return { dir, files };
}

function countingBook(): { book: PriceBook; calls: PriceKey[][] } {
  const snapshot = createSnapshotPriceBook();
  const calls: PriceKey[][] = [];
  return { calls, book: { name: 'counting', resolve: (keys) => (calls.push([...keys]), snapshot.resolve(keys)) } };
}

describe('evaluateEach', () => {
  it('resolves once, reports the diagnostics first, evaluates each plan in order and lets it go; the reports are evaluatePlans\' own', async () => {
    const { files } = writeWorkloads(24);
    const plans = files.map((f, i) => planEstimate(loadWorkloadFile(f), { variants: i % 3 === 0 }));
    const run = { generatedAt: GENERATED_AT, samples: 500, seed: 3 };
    const whole = await evaluatePlans(plans.map((plan) => ({ plan })), createSnapshotPriceBook(), run);

    const { book, calls } = countingBook();
    const slots: ((() => EstimatePlan) | null)[] = plans.map((p, i) => (i % 2 ? () => p : () => planEstimate(loadWorkloadFile(files[i]), { variants: i % 3 === 0 })));
    const events: string[] = [];
    const reports: Report[] = [];
    let diagnostics: Diagnostic[] = [];
    await evaluateEach(distinctKeys(plans.flatMap((p) => p.keys)), slots, book, run, (d) => (events.push('priced'), (diagnostics = d)), (r, i) => {
      events.push(`each ${i}`);
      // The slot is cleared before its report is handed over.
      expect(slots[i]).toBeNull();
      reports.push(r);
    });
    expect(events).toEqual(['priced', ...files.map((_, i) => `each ${i}`)]);
    expect(calls).toHaveLength(1);
    expect(calls[0].map(priceKeyId)).toEqual(distinctKeys(plans.flatMap((p) => p.keys)).map(priceKeyId));
    expect(diagnostics.map((d) => d.text)).toEqual(whole.diagnostics.map((d) => d.text));
    expect(reports).toEqual(whole.items.map((i) => i.report));
  });
});

describe('check over many files', () => {
  it(`prints, to the byte, what the whole-batch path gives (${MANY_FILES + 140} files, past MANY_FILES = ${MANY_FILES})`, async () => {
    const n = MANY_FILES + 140;
    const { dir, files } = writeWorkloads(n);
    const cli = runCli(['check', '-f', join(dir, '*.yaml'), '--format', 'json', '--pricing', 'snapshot'], { timeoutMs: 120_000 });
    // Some generated workloads miss their targets: exit 1 after the full output.
    expect(cli.status).toBe(1);
    expect(cli.stderr).toMatch(/^error: check failed: \d+ of 240 workloads break their DR targets/m);

    const plans = files.map((file) => ({ file, plan: planEstimate(loadWorkloadFile(file), { variants: false }) }));
    // The pricing warnings it prints are the CLI's too (checked above by the exit and the failure line).
    const stderr = vi.spyOn(process.stderr, 'write').mockReturnValue(true);
    const inputs = await priceAndEvaluate(plans, createSnapshotPriceBook(), GENERATED_AT).finally(() => stderr.mockRestore());
    const expected = renderCheckJson(describeCheck(runCheck(inputs, { generatedAt: GENERATED_AT, version: JSON.parse(cli.stdout).tool.version })));
    const printed = cli.stdout.replace(/"generatedAt": "[^"]+"/, `"generatedAt": "${GENERATED_AT}"`);
    expect(printed).toBe(expected);
    expect(JSON.parse(printed).summary.workloads).toBe(n);
  }, 180_000);
});

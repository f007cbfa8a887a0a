/** Prices for many workload files are resolved in one PriceBook call, once per distinct key (issue 6/8). */
import { describe, expect, it, vi } from 'vitest';
import { planEstimate } from '../../src/advisor/plan';
import { priceAndEvaluate } from '../../src/cli/commands/check';
import { priceKeyId } from '../../src/pricing/keys';
import { createSnapshotPriceBook } from '../../src/pricing/snapshot/book';
import type { PriceBook, PriceKey } from '../../src/pricing/types';
import { loadExample } from '../../src/workload/load';
import { documentOf, normalizeWorkload, validateWorkload } from '../../src/workload/validate';

describe('priceAndEvaluate', () => {
  it('asks the PriceBook once, with each distinct key once, for 50 files sharing most keys', async () => {
    const snapshot = createSnapshotPriceBook();
    const calls: PriceKey[][] = [];
    const book: PriceBook = { name: 'counting', resolve: (keys) => (calls.push([...keys]), snapshot.resolve(keys)) };
    const web = loadExample('web-app');
    const orders = loadExample('serverless-dynamodb');
    const plans = Array.from({ length: 50 }, (_, i) => {
      const base = i % 2 ? orders : web;
      // Half the files differ in name only; every tenth doubles its servers (same price keys, other quantities).
      const doc = structuredClone(documentOf(base)) as unknown as { name: string; compute: { count: number } };
      doc.name = `svc-${i}`;
      if (i % 10 === 0) doc.compute.count *= 2;
      return { file: `services/svc-${i}/dr.yaml`, plan: planEstimate(normalizeWorkload(validateWorkload(doc, 'test'))) };
    });
    const stderr = vi.spyOn(process.stderr, 'write').mockReturnValue(true);
    let written: string[] = [];
    const inputs = await priceAndEvaluate(plans, book, '2026-01-01T00:00:00.000Z').finally(() => {
      written = stderr.mock.calls.map(([line]) => String(line));
      stderr.mockRestore();
    });
    // The diagnostics of the one resolution, as warning lines on stderr.
    expect(written.length).toBeGreaterThan(0);
    expect(written.every((line) => /^warning: .*\n$/.test(line))).toBe(true);
    expect(calls).toHaveLength(1);
    const ids = calls[0].map(priceKeyId);
    expect(new Set(ids).size).toBe(ids.length);
    const expected = new Set([...planEstimate(web).keys, ...planEstimate(orders).keys].map(priceKeyId));
    expect(new Set(ids)).toEqual(expected);
    expect(inputs.map((x) => x.report.workload.name)).toEqual(plans.map((_, i) => `svc-${i}`));
    // Same workload apart from the name → the same figures.
    expect(inputs[2].report.strategies.map((s) => s.drMonthlyCost)).toEqual(inputs[4].report.strategies.map((s) => s.drMonthlyCost));
  });
});

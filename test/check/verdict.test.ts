/**
 * `check` evaluates each file with evaluateForCheck (issue 17): the figures of the estimate report without its words
 * and tables. Oracle: the full `evaluate` of the same plan — every field check reads must be the report's own, for
 * workloads with a strategy (no variants) and without (variants priced, the recommendation may be a variant).
 */
import { describe, expect, it } from 'vitest';
import { evaluate, evaluateForCheck } from '../../src/advisor/evaluate';
import { planEstimate } from '../../src/advisor/plan';
import type { ReportVerdict, StrategyResult } from '../../src/advisor/types';
import { distinctKeys } from '../../src/pricing/keys';
import { requirePrices } from '../../src/pricing/index';
import { createSnapshotPriceBook } from '../../src/pricing/snapshot/book';
import { SimulationCache } from '../../src/recovery/montecarlo';
import { parseWorkloadText } from '../../src/workload/load';
import { normalizeWorkload, validateWorkload } from '../../src/workload/validate';
import { generatedWorkload } from '../../bench/scale-workloads';

function verdictOf(s: StrategyResult) {
  return {
    id: s.id, name: s.name, drMonthlyCost: s.drMonthlyCost, rtoSeconds: s.rtoSeconds, rpoSeconds: s.rpoSeconds, rto: s.rto, rpo: s.rpo,
    meetsTargets: s.meetsTargets, violations: s.violations, totalAnnualCost: s.totalAnnualCost, costEstimated: s.costEstimated, designChange: s.designChange,
    lineItems: s.lineItems.map((i) => i.priceKey),
  };
}

describe('evaluateForCheck', () => {
  it("gives the estimate report's figures, strategies, variants and recommended option, for 48 generated workloads", async () => {
    const workloads = Array.from({ length: 48 }, (_, i) => {
      const text = generatedWorkload(i * 7).replace(i % 2 ? /^strategy: .*\n/m : /^$/, '');
      return normalizeWorkload(validateWorkload(parseWorkloadText(text, `w${i}`), `w${i}`));
    });
    const plans = workloads.map((w) => planEstimate(w, { variants: w.strategy === undefined }));
    const prices = requirePrices(await createSnapshotPriceBook().resolve(distinctKeys(plans.flatMap((p) => p.keys))));
    const opts = { generatedAt: '2026-01-01T00:00:00.000Z', version: 'test', samples: 400, seed: 5 };
    let recommendedVariants = 0;
    for (const plan of plans) {
      const full = evaluate(plan, prices, { ...opts, cache: new SimulationCache() });
      const slim: ReportVerdict = evaluateForCheck(plan, prices, { ...opts, cache: new SimulationCache() });
      expect(slim.workload).toEqual({ name: full.workload.name, strategy: full.workload.strategy });
      expect(slim.targets).toEqual(full.targets);
      expect(slim.pricing).toMatchObject({ source: full.pricing.source, asOf: full.pricing.asOf, oldestAsOf: full.pricing.oldestAsOf, estimatedPriceKeys: full.pricing.estimatedPriceKeys });
      expect(slim.primaryMonthlyCost).toBe(full.primaryMonthlyCost);
      expect(slim.primaryLineItems.map((i) => i.priceKey)).toEqual(full.primaryLineItems.map((i) => i.priceKey));
      expect(slim.strategies.map((s) => ({ ...s, lineItems: s.lineItems.map((i) => i.priceKey) }))).toEqual(full.strategies.map(verdictOf));
      expect(slim.variants.map((s) => ({ ...s, lineItems: s.lineItems.map((i) => i.priceKey) }))).toEqual(full.variants.map(verdictOf));
      expect(slim.recommendation.strategy).toBe(full.recommendation.strategy);
      if (full.variants.some((v) => v.id === full.recommendation.strategy)) recommendedVariants++;
    }
    // Half the workloads price variants; the comparison covers both kinds.
    expect(plans.filter((p) => p.variants.length > 0).length).toBe(24);
    // 16 of the 24 workloads without a strategy are recommended a variant, so the variant path is covered.
    expect(recommendedVariants).toBeGreaterThan(0);
  }, 60_000);
});

/**
 * One verdict, from the distribution (issue 12 §1, §6): the headline RTO/RPO is the median; a target is met when
 * P(X ≤ target) ≥ targets.confidence, which is the same as the value at that confidence being ≤ the target; the
 * recommendation is never an option its own frontier calls dominated without saying why.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluate } from '../../src/advisor/evaluate';
import { planEstimate } from '../../src/advisor/plan';
import type { Report, StrategyResult } from '../../src/advisor/types';
import { resolveAssumptions } from '../../src/model/assumptions';
import { REGION_CODES } from '../../src/model/regions';
import { createSnapshotPriceBook } from '../../src/pricing/snapshot/book';
import { simulateRecovery, simulateRpo, summarize } from '../../src/recovery/montecarlo';
import { phase, rpoSource } from '../../src/recovery/phases';
import { documentOf, validateWorkload } from '../../src/workload/validate';
import { partsArbitrary } from '../helpers/parts';
import { estimateReport, example } from '../helpers/core';

describe('the rule on known distributions', () => {
  const a = resolveAssumptions({});
  it('nearest rank: 10 samples 1…10, confidence 0.9 → the 9th; target 9 met (9/10 ≥ 0.9), 8.5 not (8/10)', () => {
    const set = { sorted: Float64Array.from([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]), mean: 5.5 };
    expect(summarize(set, { confidence: 0.9, target: 9 })).toMatchObject({ atConfidence: 9, pMeetsTarget: 0.9, meetsTarget: true, p50: 5 });
    expect(summarize(set, { confidence: 0.9, target: 8.5 })).toMatchObject({ atConfidence: 9, pMeetsTarget: 0.8, meetsTarget: false });
    expect(summarize(set, { confidence: 0.95, target: 9 })).toMatchObject({ atConfidence: 10, meetsTarget: false });
  });
  it('a uniform 0–600 s phase: median 300 s, 540 s at 90% confidence; a 550 s target is met at 0.9 (P = 0.917), not at 0.95', () => {
    const u = [phase(a, 'detect', 'u', 'serial', [], { value: 300, low: 0, high: 600, what: 'test', shape: 'uniform' })];
    const sim = simulateRecovery(u, a, { samples: 20000, seed: 3 });
    const at90 = summarize(sim, { confidence: 0.9, target: 550 });
    expect(at90.p50).toBeCloseTo(300, -1); // within ±5 s
    expect(at90.atConfidence).toBeCloseTo(540, -1);
    expect(at90.pMeetsTarget!).toBeCloseTo(550 / 600, 2);
    expect(at90.meetsTarget).toBe(true);
    expect(summarize(sim, { confidence: 0.95, target: 550 }).meetsTarget).toBe(false);
  });
  it('a lognormal lag: median = its typical value, the stated quantile = its bound (S3 RTC: 30 s, 15 min at 99.9 %)', () => {
    const src = [rpoSource(a, 'object storage', 'S3 RTC', [{ assumption: 's3RtcLagSeconds', factor: 1 }])];
    const sim = simulateRpo(src, a, { samples: 20000, seed: 5 });
    const s = summarize(sim, { confidence: 0.9 });
    expect(s.p50).toBeCloseTo(30, 0);
    // σ = ln(900 / 30) / z(0.999) = 3.4012 / 3.0902 = 1.1006; P90 = 30 × e^(1.2816 × 1.1006) = 122.9 s
    expect(s.atConfidence / 122.9).toBeCloseTo(1, 1);
  });
  it('the workload RPO is the worst store per sample: max(Aurora 1 s, S3 30 s) has the S3 median', () => {
    const src = [rpoSource(a, 'db', 'Aurora', [{ assumption: 'auroraGlobalLagSeconds', factor: 1 }]), rpoSource(a, 'objects', 'S3 RTC', [{ assumption: 's3RtcLagSeconds', factor: 1 }])];
    expect(summarize(simulateRpo(src, a, { samples: 20000, seed: 5 }), { confidence: 0.5 }).p50).toBeCloseTo(30, 0);
  });
});

describe('the report: headline = median, verdict = P(X ≤ target) ≥ confidence', async () => {
  const r = await estimateReport(example('web-app'));
  it('web-app pilot light: P(RTO ≤ 1h) is about a third, so it does not meet a 1 h RTO at 90 % — and says so in the numbers', () => {
    const pl = r.strategies.find((s) => s.id === 'pilot-light')!;
    expect(pl.rtoSeconds).toBe(pl.rto.p50);
    expect(pl.rto.pMeetsTarget!).toBeLessThan(0.5);
    expect(pl.meetsTargets).toBe(false);
    expect(pl.violations[0].actual).toBe(pl.rto.atConfidence);
    expect(pl.violations[0].message).toMatch(/^RTO 1h \d+m at 90% confidence > 1h target \(P\(RTO ≤ 1h\) = \d+%\)$/);
  });
  it('the sum of typical values is kept as a reference and sits below the median (right-skewed phases)', () => {
    for (const s of r.strategies) expect(s.rtoTypicalSumSeconds).toBeLessThan(s.rtoSeconds);
  });
  it('targets.confidence moves the verdict: pilot light meets a 75 min RTO at 50 % confidence (its median), not at 90 %', async () => {
    const at = async (confidence: number) =>
      (await estimateReport(example('web-app', (w) => Object.assign(w.targets, { rto: '75m', confidence })))).strategies.find((s) => s.id === 'pilot-light')!;
    const half = await at(0.5);
    expect(half.rto.atConfidence).toBe(half.rto.p50);
    expect(half.meetsTargets).toBe(true);
    expect((await at(0.9)).meetsTargets).toBe(false);
  });
});

const TYPES = ['m5.large', 'c5.large', 't3.medium', 'r5.large'];
const region = fc.constantFrom(...REGION_CODES);
const workload = fc
  .record({
    primary: region,
    dr: region,
    extra: fc.subarray([...REGION_CODES], { maxLength: 2 }),
    instanceType: fc.constantFrom(...TYPES),
    count: fc.integer({ min: 1, max: 60 }),
    engine: fc.constantFrom('aurora-mysql', 'aurora-postgresql', 'mysql', 'postgres', 'dynamodb', 'none'),
    storageGb: fc.integer({ min: 0, max: 12000 }),
    s3: fc.integer({ min: 0, max: 5000 }),
    change: fc.double({ min: 0, max: 300, noNaN: true }).map((v) => (v < 0.001 ? 0 : v)), // the schema refuses 0 < x < 0.001
    routing: fc.constantFrom('route53', 'global-accelerator'),
    detection: fc.constantFrom('manual', 'automated'),
    decision: fc.constantFrom('manual', 'automated'),
    capacity: fc.double({ min: 0.05, max: 1, noNaN: true }),
    pitr: fc.boolean(),
    multiAz: fc.boolean(),
    writePattern: fc.constantFrom('global-write', 'partitioned-write'),
    rtoMin: fc.integer({ min: 1, max: 600 }),
    rpoMin: fc.integer({ min: 1, max: 1500 }),
    confidence: fc.double({ min: 0.5, max: 0.99, noNaN: true }),
    downtime: fc.option(fc.integer({ min: 100, max: 1_000_000 }), { nil: undefined }),
    dataLoss: fc.option(fc.integer({ min: 0, max: 1_000_000 }), { nil: undefined }),
  })
  .filter((x) => x.primary !== x.dr)
  .map((x) =>
    validateWorkload({
      regions: { primary: x.primary, dr: x.dr, additional: x.extra.filter((r) => r !== x.primary && r !== x.dr) },
      compute: { instanceType: x.instanceType, count: x.count, ebsGbPerInstance: 50 },
      database: x.engine === 'dynamodb' ? { engine: x.engine, storageGb: x.storageGb, writesPerSecond: 20, readsPerSecond: 80 } : { engine: x.engine, storageGb: x.storageGb, multiAz: x.multiAz },
      objectStorage: { storageGb: x.s3 },
      dataChangeGbPerDay: x.change,
      network: { failoverRouting: x.routing, egressGbPerMonth: 100 },
      operations: { detection: x.detection, failoverDecision: x.decision, warmStandbyCapacity: x.capacity, pointInTimeRecovery: x.pitr },
      activeActive: { writePattern: x.writePattern },
      targets: { rto: `${x.rtoMin}m`, rpo: `${x.rpoMin}m`, confidence: x.confidence },
      business: { ...(x.downtime !== undefined ? { downtimeCostPerHour: x.downtime } : {}), ...(x.dataLoss !== undefined ? { dataLossCostPerHour: x.dataLoss } : {}) },
    }),
  );

const book = createSnapshotPriceBook();
async function report(w: ReturnType<typeof validateWorkload>): Promise<Report> {
  const plan = planEstimate(w, { variants: true });
  const { prices } = await book.resolve(plan.keys);
  return evaluate(plan, prices, { generatedAt: 'x', version: 'test', samples: 400, seed: 7 });
}

function verdictHolds(s: Pick<StrategyResult, 'rto' | 'rpo' | 'violations' | 'meetsTargets'>, r: Report): void {
  const c = r.targets.confidence;
  for (const [what, d, target] of [['rto', s.rto, r.targets.rtoSeconds!], ['rpo', s.rpo, r.targets.rpoSeconds!]] as const) {
    const violated = s.violations.some((v) => v.target === what);
    expect(d.confidence).toBe(c);
    expect(!violated).toBe(d.pMeetsTarget! >= c);
    expect(!violated).toBe(d.atConfidence <= target);
  }
  expect(s.meetsTargets).toBe(s.violations.length === 0);
}

/** Every option's headline is its median and its verdict follows the rule, the no-DR baseline's too. */
async function everyVerdictHolds(w: Parameters<typeof report>[0]): Promise<void> {
        const r = await report(w);
        for (const s of [...r.strategies, ...r.variants]) {
          expect(s.rtoSeconds).toBe(s.rto.p50);
          expect(s.rpoSeconds).toBe(s.rpo.p50);
          verdictHolds(s, r);
        }
        verdictHolds(r.noDr, r);
}

describe('properties over random workloads', () => {
  it('meets ⟺ P(X ≤ target) ≥ confidence ⟺ the value at confidence ≤ target, for RTO and RPO, every strategy and variant', async () => {
    await fc.assert(
      fc.asyncProperty(workload, async (w) => {
        await everyVerdictHolds(w);
      }),
      { numRuns: 60, seed: 12 },
    );
  });

  it('the same equivalence for workloads of several tiers and data stores (the slowest part, the worst store)', async () => {
    const multi = fc.tuple(workload, partsArbitrary).map(([w, parts]) => validateWorkload({ ...documentOf(w), ...parts }));
    await fc.assert(
      fc.asyncProperty(multi, async (w) => {
        await everyVerdictHolds(w);
      }),
      { numRuns: 40, seed: 15 },
    );
  });

  it('the recommendation is never dominated on the frontier without a reason; no dominator is a better drop-in that qualifies', async () => {
    await fc.assert(
      fc.asyncProperty(workload, async (w) => {
        const r = await report(w);
        const rec = r.recommendation;
        const me = r.frontier.find((p) => p.id === rec.strategy)!;
        expect(me).toBeDefined();
        expect(me.sameAs).toBeNull();
        const all = [...r.strategies, ...r.variants];
        const chosen = all.find((s) => s.id === rec.strategy)!;
        const dominators = r.frontier.filter(
          (q) => q.sameAs === null && q.id !== me.id && q.cost <= me.cost && q.rtoAtConfidence <= me.rtoAtConfidence && (q.cost < me.cost || q.rtoAtConfidence < me.rtoAtConfidence),
        );
        expect(rec.notDominating.map((x) => x.strategy).sort()).toEqual(dominators.map((q) => q.id).sort());
        const annual = chosen.totalAnnualCost !== null;
        for (const q of dominators) {
          const s = all.find((x) => x.id === q.id)!;
          const betterDropIn = s.designChange === null && s.meetsTargets && (!annual || s.totalAnnualCost! <= chosen.totalAnnualCost!);
          // a qualifying drop-in that costs no more (and no more in total) would have been recommended
          expect(betterDropIn && chosen.meetsTargets).toBe(false);
          expect(rec.notDominating.find((x) => x.strategy === q.id)!.reason).toMatch(/not a drop-in choice|misses|total expected annual cost is|not one of the options|ties/);
        }
        expect(chosen.designChange).toBeNull();
      }),
      { numRuns: 60, seed: 13 },
    );
  });
});

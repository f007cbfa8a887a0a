/** From a plan and its prices to the versioned report object. Pure: the clock and version come in as arguments. */
import { cents, formatDuration, formatUsd } from '../text/format';
import { priceLine, roundLineItem, sumCost } from './price-lines';
import type { Price } from '../pricing/types';
import type { Assumptions } from '../model/assumptions';
import { rpoCategory, rtoCategory } from '../recovery/categories';
import { simulateRto, type RtoDistribution } from '../recovery/montecarlo';
import { rpoSeconds, rtoSeconds, type Phase, type RpoSource } from '../recovery/phases';
import { azOutage, dataCorruption, scenarioTimes } from '../recovery/scenarios';
import { paretoFrontier } from './frontier';
import { breakEvenDowntimeCost, expectedAnnualLoss, hasBusinessCosts, totalAnnualCost } from './loss';
import type { EstimatePlan, PlannedStrategy } from './plan';
import { recommend } from './recommend';
import type { AssumptionUse, BreakEven, FrontierEntry, Report, ScenarioResult, StrategyResult, Violation } from './types';

export interface EvaluateOptions {
  generatedAt: string;
  version: string;
  samples: number;
  seed: number;
  warnings?: string[];
}

export const DISCLAIMER =
  'Estimates only: list prices (no discounts, taxes or free tiers) and modelled recovery times. Validate RTO and RPO by testing failover (for example with AWS Fault Injection Service).';
/** The disclaimer when the workload states discounts (price-lines.ts applies them). */
export const DISCOUNTED_DISCLAIMER =
  'Estimates only: list prices less the discounts the workload states (no taxes or free tiers) and modelled recovery times. Validate RTO and RPO by testing failover (for example with AWS Fault Injection Service).';

const roundItem = roundLineItem;

function assumptionUses(a: Assumptions, names: Iterable<string>): AssumptionUse[] {
  return [...new Set(names)].sort().map((name) => {
    const d = a[name as keyof Assumptions];
    return { name, value: d.value, unit: d.unit, low: d.low, high: d.high, description: d.description, source: d.source, estimated: d.estimated, overridden: d.overridden };
  });
}

function namesOf(x: Phase | RpoSource): string[] {
  return x.terms.map((t) => t.assumption);
}

export function evaluateStrategy(
  ps: PlannedStrategy,
  plan: EstimatePlan,
  prices: ReadonlyMap<string, Price>,
  targets: Report['targets'],
  opts: Pick<EvaluateOptions, 'samples' | 'seed'>,
  memo?: Map<string, RtoDistribution>,
): StrategyResult {
  const w = plan.workload;
  const { model, plan: sp } = ps;
  const items = sp.lines.map((l) => priceLine(l, prices, w.pricing));
  const drMonthlyCost = sumCost(items);
  const rto = rtoSeconds(sp.phases);
  const rpo = rpoSeconds(sp.rpo);
  const violations: Violation[] = [];
  if (targets.rtoSeconds !== null && rto > targets.rtoSeconds)
    violations.push({ target: 'rto', actual: rto, limit: targets.rtoSeconds, message: `RTO ${formatDuration(rto)} > ${formatDuration(targets.rtoSeconds)} target` });
  if (targets.rpoSeconds !== null && rpo > targets.rpoSeconds)
    violations.push({ target: 'rpo', actual: rpo, limit: targets.rpoSeconds, message: `RPO ${formatDuration(rpo)} > ${formatDuration(targets.rpoSeconds)} target` });
  if (targets.maxMonthlyCost !== null && cents(drMonthlyCost) > targets.maxMonthlyCost)
    violations.push({
      target: 'maxMonthlyCost', actual: cents(drMonthlyCost), limit: targets.maxMonthlyCost,
      message: `DR cost ${formatUsd(drMonthlyCost)}/month > ${formatUsd(targets.maxMonthlyCost)} budget`,
    });
  const eal = expectedAnnualLoss(w, rto, rpo);
  // Draws are keyed by the phases themselves, so options with the same recovery plan (a variant equal to its base
  // strategy) share one simulation and get identical percentiles.
  const signature = JSON.stringify(sp.phases.map((p) => [p.branch, p.terms, p.fixed ?? null]));
  let dist = memo?.get(signature);
  if (!dist) {
    dist = simulateRto(sp.phases, plan.assumptions, { samples: opts.samples, seed: opts.seed, key: signature, targetSeconds: targets.rtoSeconds ?? undefined });
    memo?.set(signature, dist);
  }
  const used = [...sp.phases.flatMap(namesOf), ...sp.rpo.flatMap(namesOf)];
  const usageAssumptions = sp.lines.flatMap((l) => l.assumptions ?? []);
  return {
    id: model.id,
    name: model.name,
    base: model.base,
    summary: model.summary,
    drMonthlyCost: cents(drMonthlyCost),
    rtoSeconds: rto,
    rpoSeconds: rpo,
    rtoCategory: rtoCategory(rto),
    rpoCategory: rpoCategory(rpo),
    rto: dist,
    phases: sp.phases.map((p) => ({
      name: p.name, label: p.label, branch: p.branch, seconds: p.seconds, lowSeconds: p.lowSeconds, highSeconds: p.highSeconds,
      assumptions: namesOf(p), ...(p.fixed ? { fixed: p.fixed.what } : {}),
    })),
    rpoSources: sp.rpo.map((r) => ({
      store: r.store, mechanism: r.mechanism, seconds: r.seconds, lowSeconds: r.lowSeconds, highSeconds: r.highSeconds,
      assumptions: namesOf(r), ...(r.fixed ? { fixed: r.fixed.what } : {}),
    })),
    meetsTargets: violations.length === 0,
    violations,
    expectedAnnualLoss: eal === null ? null : cents(eal),
    totalAnnualCost: eal === null ? null : cents(totalAnnualCost(drMonthlyCost, eal)!),
    lineItems: items.map(roundItem),
    costEstimated: items.some((i) => i.estimated),
    assumptions: assumptionUses(plan.assumptions, [...used, ...usageAssumptions]),
    notes: sp.notes,
  };
}

export function evaluate(plan: EstimatePlan, prices: ReadonlyMap<string, Price>, opts: EvaluateOptions): Report {
  const w = plan.workload;
  const targets: Report['targets'] = { ...plan.targets };
  const primaryItems = plan.primary.map((l) => priceLine(l, prices, w.pricing));
  const memo = new Map<string, RtoDistribution>();
  const strategies = plan.strategies.map((ps) => evaluateStrategy(ps, plan, prices, targets, opts, memo));
  const variants = plan.variants.map((ps) => evaluateStrategy(ps, plan, prices, targets, opts, memo));
  const allItems = [...primaryItems, ...strategies.flatMap((s) => s.lineItems), ...variants.flatMap((s) => s.lineItems)];
  // Provenance of the prices this report actually shows.
  const usedIds = new Set(allItems.map((i) => i.priceKey));
  const used = [...prices.entries()].filter(([id]) => usedIds.has(id)).map(([, p]) => p);
  const sources = new Set(used.map((p) => p.source));
  const dates = used.map((p) => p.asOf).sort();
  const estimatedIds = [...new Set(allItems.filter((i) => i.estimated).map((i) => i.priceKey))].sort();
  return {
    schemaVersion: 1,
    generatedAt: opts.generatedAt,
    currency: 'USD',
    tool: { name: 'dr-advisor', version: opts.version },
    workload: w,
    targets,
    pricing: {
      source: sources.size === 1 ? [...sources][0] : 'mixed',
      asOf: dates[dates.length - 1] ?? '',
      oldestAsOf: dates[0] ?? '',
      warnings: opts.warnings ?? [],
      prices: usedIds.size,
      estimatedPrices: estimatedIds.length,
      estimatedPriceKeys: estimatedIds,
    },
    primaryMonthlyCost: cents(sumCost(primaryItems)),
    primaryLineItems: primaryItems.map(roundItem),
    strategies,
    variants,
    frontier: frontier(strategies, variants),
    scenarios: scenarios(plan, strategies),
    breakEven: breakEvens(w, strategies),
    recommendation: recommend(strategies, hasBusinessCosts(w)),
    monteCarlo: { samples: opts.samples, seed: opts.seed },
    disclaimer: allItems.some((i) => i.discount) ? DISCOUNTED_DISCLAIMER : DISCLAIMER,
  };
}

function frontier(strategies: StrategyResult[], variants: StrategyResult[]): FrontierEntry[] {
  const all = [...strategies, ...variants];
  const sameAs = (v: StrategyResult) =>
    strategies.find((s) => s.id !== v.id && s.drMonthlyCost === v.drMonthlyCost && s.rtoSeconds === v.rtoSeconds && s.rpoSeconds === v.rpoSeconds)?.id ?? null;
  // Duplicates of a base strategy are listed but left out of the dominance test, so they do not hide each other.
  const distinct = all.filter((s) => !strategies.includes(s) ? sameAs(s) === null : true);
  const points = paretoFrontier(distinct.map((s) => ({ id: s.id, cost: s.drMonthlyCost, rtoP90: s.rto.p90 })));
  return all.map((s) => {
    const p = points.find((x) => x.id === s.id);
    const dup = strategies.includes(s) ? null : sameAs(s);
    return { id: s.id, name: s.name, cost: s.drMonthlyCost, rtoP90: s.rto.p90, pareto: p?.pareto ?? false, dominatedBy: p?.dominatedBy ?? null, sameAs: dup };
  });
}

const SCENARIO_NAMES: Record<ScenarioResult['id'], string> = {
  'region-outage': 'Region outage (the default)',
  'az-outage': 'Availability Zone outage',
  'data-corruption': 'Data corruption or deletion',
};

function scenarios(plan: EstimatePlan, strategies: StrategyResult[]): ScenarioResult[] {
  const w = plan.workload;
  const a = plan.assumptions;
  const az = scenarioTimes(azOutage(w, a));
  const azNote = azOutage(w, a).note;
  return [
    { id: 'region-outage', name: SCENARIO_NAMES['region-outage'], strategies: strategies.map((s) => ({ strategy: s.id, rtoSeconds: s.rtoSeconds, rpoSeconds: s.rpoSeconds, note: 'fail over to the DR region' })) },
    { id: 'az-outage', name: SCENARIO_NAMES['az-outage'], strategies: strategies.map((s) => ({ strategy: s.id, ...az, note: azNote })) },
    {
      id: 'data-corruption',
      name: SCENARIO_NAMES['data-corruption'],
      strategies: strategies.map((s, i) => {
        const c = dataCorruption(w, a, plan.strategies[i].model);
        return { strategy: s.id, ...scenarioTimes(c), note: c.note };
      }),
    },
  ];
}

function breakEvens(w: EstimatePlan['workload'], strategies: StrategyResult[]): BreakEven[] {
  const sorted = [...strategies].sort((x, y) => x.drMonthlyCost - y.drMonthlyCost);
  const out: BreakEven[] = [];
  for (let i = 1; i < sorted.length; i++) {
    const cheaper = sorted[i - 1];
    const costlier = sorted[i];
    const v = breakEvenDowntimeCost(w, cheaper, costlier);
    out.push({
      cheaper: cheaper.id,
      costlier: costlier.id,
      downtimeCostPerHour: v === null ? null : cents(v),
      sentence:
        v === null
          ? `${costlier.name} does not recover faster than ${cheaper.name}, so it never pays off on downtime alone.`
          : v === 0
            ? `${costlier.name} pays off against ${cheaper.name} at any downtime cost: the data loss it avoids covers its extra ${formatUsd(costlier.drMonthlyCost - cheaper.drMonthlyCost)}/month (at ${w.business.regionEventsPerYear} regional events a year).`
            : `${costlier.name} pays off against ${cheaper.name} above ${formatUsd(v)} per hour of downtime (at ${w.business.regionEventsPerYear} regional events a year).`,
    });
  }
  return out;
}

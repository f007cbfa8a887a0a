/**
 * From a plan and its prices to the versioned report object. Pure: the clock and version come in as arguments.
 *
 * One verdict rule, from the simulation (issue 12 §1): the headline RTO and RPO are medians; a target is met when
 * P(X ≤ target) ≥ `targets.confidence` (the value at that confidence is ≤ the target); the expected annual cost uses
 * the means. "Meets targets", the recommendation, `check`, the break-even and the frontier all read these.
 */
import { cents, formatDuration, formatPct, formatUsd } from '../text/format';
import { HOURS_PER_MONTH } from '../model/time';
import { isAurora } from '../model/engines';
import { priceLine, priceLineFigures, roundLineItem, sumCost, type LineFigures, type LineItem } from './price-lines';
import { priceKeyId } from '../pricing/keys';
import type { Price } from '../pricing/types';
import type { Assumptions } from '../model/assumptions';
import { rpoCategory, rtoCategory } from '../recovery/categories';
import { lognormalCdf, lognormalFromQuantile, lognormalMean, lognormalQuantile, type Lognormal } from '../recovery/distributions';
import { SimulationCache, summarize, type DistSummary, type SampleSet } from '../recovery/montecarlo';
import { rpoSeconds, rtoSeconds, type Phase, type RpoSource } from '../recovery/phases';
import { azOutage, dataCorruption } from '../recovery/scenarios';
import { paretoFrontier } from './frontier';
import { annualCost, breakEvenDowntimeCost, hasBusinessCosts, type EventOutcome, type LossModel } from './loss';
import type { EstimatePlan, PlannedStrategy } from './plan';
import type { CostLine } from '../strategies/types';
import type { Workload } from '../workload/validate';
import { documentOf } from '../workload/validate';
import { recommend, recommendedOption } from './recommend';
import type {
  AssumptionUse, BreakEven, Distribution, FrontierEntry, NoDrResult, Report, ReportVerdict, ScenarioResult, StrategyResult, StrategyVerdict, Violation,
} from './types';

export interface EvaluateOptions {
  generatedAt: string;
  version: string;
  samples: number;
  seed: number;
  warnings?: string[];
  /** Simulations shared across plans (check evaluates many files with one cache). */
  cache?: SimulationCache;
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

function dist(s: DistSummary): Distribution {
  return { p50: s.p50, p90: s.p90, p99: s.p99, mean: s.mean, atConfidence: s.atConfidence, confidence: s.confidence, pMeetsTarget: s.pMeetsTarget, samples: s.samples };
}

/** "RTO 1h 24m at 90% confidence > 1h target (P(RTO ≤ 1h) = 34%)". */
export function targetMessage(what: 'RTO' | 'RPO', s: Pick<Distribution, 'atConfidence' | 'confidence' | 'pMeetsTarget'>, limit: number): string {
  return `${what} ${formatDuration(s.atConfidence)} at ${formatPct(s.confidence)} confidence > ${formatDuration(limit)} target (P(${what} ≤ ${formatDuration(limit)}) = ${formatPct(s.pMeetsTarget ?? 0)})`;
}

function timeViolations(rto: DistSummary, rpo: DistSummary, targets: Report['targets']): Violation[] {
  const out: Violation[] = [];
  if (targets.rtoSeconds !== null && rto.meetsTarget === false)
    out.push({ target: 'rto', actual: rto.atConfidence, limit: targets.rtoSeconds, message: targetMessage('RTO', rto, targets.rtoSeconds) });
  if (targets.rpoSeconds !== null && rpo.meetsTarget === false)
    out.push({ target: 'rpo', actual: rpo.atConfidence, limit: targets.rpoSeconds, message: targetMessage('RPO', rpo, targets.rpoSeconds) });
  return out;
}

/** The regional outage length, in seconds: a lognormal from its median and P90 (assumptions). */
export function outageOf(a: Assumptions): Lognormal {
  return lognormalFromQuantile(a.regionOutageMedianHours.value * 3600, a.regionOutageP90Hours.value * 3600, 0.9);
}

const OUTAGE_ASSUMPTIONS = ['regionOutageMedianHours', 'regionOutageP90Hours'];

/**
 * The AZ-outage and corruption scenarios feed only means (the expected loss) and the scenario table's medians, which
 * 2,000 samples give to about 1 %: they draw at most that many, so that `estimate` stays fast.
 */
export const SCENARIO_SAMPLES = 2000;
function scenarioSamples(ctx: Pick<Context, 'samples' | 'seed'>): { samples: number; seed: number } {
  return { samples: Math.min(ctx.samples, SCENARIO_SAMPLES), seed: ctx.seed };
}

interface Context {
  plan: EstimatePlan;
  prices: ReadonlyMap<string, Price>;
  targets: Report['targets'];
  samples: number;
  seed: number;
  cache: SimulationCache;
  outage: Lognormal;
  az: { rto: SampleSet; rpo: SampleSet; names: string[] };
  /** The data-corruption scenario and its simulations, by what of the strategy it depends on (its decision and
   * whether it replicates): the same for most options of a workload, so planned and looked up once each. */
  corruption: Map<string, Corruption>;
}

interface Corruption {
  plan: ReturnType<typeof dataCorruption>;
  rto: SampleSet;
  rpo: SampleSet;
}

function corruptionOf(model: PlannedStrategy['model'], ctx: Context): Corruption {
  const id = `${model.decision}|${model.replicatesData}`;
  let c = ctx.corruption.get(id);
  if (c === undefined) {
    const a = ctx.plan.assumptions;
    const plan = dataCorruption(ctx.plan.workload, a, model);
    c = { plan, rto: ctx.cache.recovery(plan.phases, a, scenarioSamples(ctx)), rpo: ctx.cache.rpo(plan.rpo, a, scenarioSamples(ctx)) };
    ctx.corruption.set(id, c);
  }
  return c;
}

interface Evaluated {
  result: StrategyResult;
  loss: LossModel;
}

function event(downtimeSeconds: number, dataLossSeconds: number, cost = 0): EventOutcome {
  return { downtimeHours: downtimeSeconds / 3600, dataLossHours: dataLossSeconds / 3600, cost };
}

/** What an option's verdicts and annual cost rest on, computed once: `evaluateOption` words it for the report,
 * `evaluateForCheck` keeps the figures alone. */
interface OptionCore<I extends LineFigures> {
  items: I[];
  drMonthlyCost: number;
  rto: DistSummary;
  rpo: DistSummary;
  violations: Violation[];
  corruption: ReturnType<typeof dataCorruption>;
  runItems: I[];
  runPerHour: number;
  perGb: number;
  reseedGb: number;
  failbackHours: number;
  pCompletes: number;
  afterRecoveryHours: number;
  loss: LossModel;
  annual: ReturnType<typeof annualCost>;
}

/** How an option's lines are priced: in full for the report (`priceLine`), or their figures alone (`check`). */
type PriceFn<I extends LineFigures> = (line: CostLine, prices: ReadonlyMap<string, Price>, discounts?: Workload['pricing']) => I;

function optionCore<I extends LineFigures>(ps: PlannedStrategy, ctx: Context, price: PriceFn<I>): OptionCore<I> {
  const { plan, prices, targets, cache } = ctx;
  const w = plan.workload;
  const a = plan.assumptions;
  const { model, plan: sp } = ps;
  const items = sp.lines.map((l) => price(l, prices, w.pricing));
  const drMonthlyCost = sumCost(items);
  const opts = { samples: ctx.samples, seed: ctx.seed };
  const rtoSim = cache.recovery(sp.phases, a, { ...opts, rampServed: sp.rampServed ?? 0, outage: ctx.outage });
  const rpoSim = cache.rpo(sp.rpo, a, opts);
  const rto = summarize(rtoSim, { confidence: targets.confidence, target: targets.rtoSeconds });
  const rpo = summarize(rpoSim, { confidence: targets.confidence, target: targets.rpoSeconds });
  const violations = timeViolations(rto, rpo, targets);
  if (targets.maxMonthlyCost !== null && cents(drMonthlyCost) > targets.maxMonthlyCost)
    violations.push({
      target: 'maxMonthlyCost', actual: cents(drMonthlyCost), limit: targets.maxMonthlyCost,
      message: `DR cost ${formatUsd(drMonthlyCost)}/month > ${formatUsd(targets.maxMonthlyCost)} budget`,
    });

  // Data corruption: restore in the primary region, whatever the strategy (its decision time differs).
  const { plan: corruption, rto: corruptionRto, rpo: corruptionRpo } = corruptionOf(model, ctx);

  // Per failover: the DR side at full size while failed over, then the failback's re-seed.
  const failover = sp.failover;
  const runItems = (failover?.runLines ?? []).map((l) => price(l, prices, w.pricing));
  const runPerHour = sumCost(runItems) / HOURS_PER_MONTH;
  const perGb = failover ? price(failover.reseedLine, prices, w.pricing).unitPrice : 0;
  const reseedGb = failover?.reseedGb ?? 0;
  const failbackHours = failover ? a.failbackFixedHours.value + reseedGb / a.failbackReseedGbPerHour.value : 0;
  const o = rtoSim.outage!;
  const meanOutage = lognormalMean(ctx.outage);
  const afterRecoveryHours = Math.max(0, meanOutage - o.cappedRecoverySeconds) / 3600;
  const eventCost = failover
    ? runPerHour * (afterRecoveryHours + o.pCompletes * failbackHours) + perGb * (o.pCompletes * reseedGb + (failover.reseedGbPerHour ?? 0) * afterRecoveryHours)
    : 0;
  const loss: LossModel = {
    drMonthlyCost,
    drillsPerYear: a.drillsPerYear.value,
    drillCost: runPerHour * a.drillHours.value,
    regionEventsPerYear: w.business.regionEventsPerYear,
    azEventsPerYear: w.business.azEventsPerYear,
    corruptionEventsPerYear: w.business.corruptionEventsPerYear,
    failover: event(o.downtimeSeconds, o.pCompletes * rpoSim.mean, eventCost),
    wait: event(meanOutage, 0),
    az: event(ctx.az.rto.mean, ctx.az.rpo.mean),
    corruption: event(corruptionRto.mean, corruptionRpo.mean),
  };
  return {
    items, drMonthlyCost, rto, rpo, violations, corruption, runItems, runPerHour, perGb, reseedGb, failbackHours, pCompletes: o.pCompletes, afterRecoveryHours,
    loss, annual: annualCost(w, loss),
  };
}

function evaluateOption(ps: PlannedStrategy, ctx: Context): Evaluated {
  const w = ctx.plan.workload;
  const a = ctx.plan.assumptions;
  const { model, plan: sp } = ps;
  const failover = sp.failover;
  const { items, drMonthlyCost, rto, rpo, violations, corruption, runItems, runPerHour, perGb, reseedGb, failbackHours, pCompletes, afterRecoveryHours, loss, annual } =
    optionCore(ps, ctx, priceLine);
  const rounded = {
    ...annual,
    drRunning: cents(annual.drRunning),
    expectedLoss: annual.expectedLoss === null ? null : cents(annual.expectedLoss),
    lossByScenario: annual.lossByScenario
      ? { region: cents(annual.lossByScenario.region), az: cents(annual.lossByScenario.az), corruption: cents(annual.lossByScenario.corruption) }
      : null,
    failoverEvents: cents(annual.failoverEvents),
    drills: cents(annual.drills),
    total: annual.total === null ? null : cents(annual.total),
  };

  const used = [
    ...sp.phases.flatMap(namesOf), ...sp.rpo.flatMap(namesOf), ...corruption.phases.flatMap(namesOf), ...corruption.rpo.flatMap(namesOf), ...ctx.az.names,
    ...OUTAGE_ASSUMPTIONS, ...(failover ? ['drillsPerYear', 'drillHours', 'failbackFixedHours', 'failbackReseedGbPerHour'] : []),
  ];
  const usageAssumptions = [...sp.lines, ...(failover?.runLines ?? [])].flatMap((l) => l.assumptions ?? []);
  const result: StrategyResult = {
    id: model.id,
    name: model.name,
    base: model.base,
    summary: model.summary,
    drMonthlyCost: cents(drMonthlyCost),
    rtoSeconds: rto.p50,
    rpoSeconds: rpo.p50,
    rtoCategory: rtoCategory(rto.p50),
    rpoCategory: rpoCategory(rpo.p50),
    rto: dist(rto),
    rpo: dist(rpo),
    rtoTypicalSumSeconds: rtoSeconds(sp.phases),
    rpoTypicalSeconds: rpoSeconds(sp.rpo),
    phases: sp.phases.map((p) => ({
      name: p.name, label: p.label, branch: p.branch, ...(p.part !== undefined ? { part: p.part } : {}), seconds: p.seconds, lowSeconds: p.lowSeconds, highSeconds: p.highSeconds,
      assumptions: namesOf(p), ...(p.fixed ? { fixed: p.fixed.what } : {}),
    })),
    rpoSources: sp.rpo.map((r) => ({
      store: r.store, ...(r.part !== undefined ? { part: r.part } : {}), mechanism: r.mechanism, seconds: r.seconds, lowSeconds: r.lowSeconds, highSeconds: r.highSeconds,
      assumptions: namesOf(r), ...(r.fixed ? { fixed: r.fixed.what } : {}),
    })),
    meetsTargets: violations.length === 0,
    violations,
    expectedAnnualLoss: rounded.expectedLoss,
    totalAnnualCost: rounded.total,
    annual: rounded,
    perEvent: {
      runPerHour: cents(runPerHour), failbackCost: cents(perGb * reseedGb), failbackHours,
      pCompletes, expectedHours: afterRecoveryHours + pCompletes * failbackHours,
      priceKeys: [...new Set([...runItems.map((i) => i.priceKey), ...(failover ? [priceKeyId(failover.reseedLine.key)] : [])])].sort(),
    },
    designChange: model.designChange?.(w) ?? null,
    lineItems: items.map(roundItem),
    costEstimated: items.some((i) => i.estimated),
    assumptions: assumptionUses(a, [...used, ...usageAssumptions]),
    notes: sp.notes,
  };
  return { result, loss };
}

/** One strategy or variant, on its own (tests and tools); `evaluate` does them all with a shared cache. */
export function evaluateStrategy(
  ps: PlannedStrategy,
  plan: EstimatePlan,
  prices: ReadonlyMap<string, Price>,
  targets: Report['targets'],
  opts: Pick<EvaluateOptions, 'samples' | 'seed' | 'cache'>,
): StrategyResult {
  return evaluateOption(ps, context(plan, prices, targets, opts)).result;
}

function context(plan: EstimatePlan, prices: ReadonlyMap<string, Price>, targets: Report['targets'], opts: Pick<EvaluateOptions, 'samples' | 'seed' | 'cache'>): Context {
  const cache = opts.cache ?? new SimulationCache();
  const a = plan.assumptions;
  const az = azOutage(plan.workload, a);
  const sim = scenarioSamples(opts);
  return {
    plan, prices, targets, samples: opts.samples, seed: opts.seed, cache, outage: outageOf(a),
    az: { rto: cache.recovery(az.phases, a, sim), rpo: cache.rpo(az.rpo, a, sim), names: [...az.phases.flatMap(namesOf), ...az.rpo.flatMap(namesOf)] },
    corruption: new Map(),
  };
}

/**
 * Provenance of every price a report uses: the line items and the per-event costs (the failover run, the failback
 * re-seed), i.e. every key the plan resolved, so the count agrees with the pricing diagnostics.
 */
function pricingOf(plan: EstimatePlan, prices: ReadonlyMap<string, Price>): Omit<Report['pricing'], 'warnings' | 'estimatedPrices'> {
  // The plan's ids are distinct. The prices of its keys (every key was resolved; a missing one would have no
  // provenance to give): one source or 'mixed', the newest and oldest dates (as a string sort would order them).
  const usedIds = plan.keyIds;
  let source: Price['source'] | undefined;
  let mixed = false;
  let asOf: string | undefined;
  let oldestAsOf: string | undefined;
  const estimated: string[] = [];
  for (const id of usedIds) {
    const p = prices.get(id);
    if (p === undefined) continue;
    if (source === undefined) source = p.source;
    else if (p.source !== source) mixed = true;
    if (asOf === undefined || p.asOf > asOf) asOf = p.asOf;
    if (oldestAsOf === undefined || p.asOf < oldestAsOf) oldestAsOf = p.asOf;
    if (p.estimated) estimated.push(id);
  }
  return {
    source: source !== undefined && !mixed ? source : 'mixed',
    asOf: asOf ?? '',
    oldestAsOf: oldestAsOf ?? '',
    prices: usedIds.length,
    estimatedPriceKeys: estimated.sort(),
  };
}

export function evaluate(plan: EstimatePlan, prices: ReadonlyMap<string, Price>, opts: EvaluateOptions): Report {
  const w = plan.workload;
  const targets: Report['targets'] = { ...plan.targets };
  const primaryItems = plan.primary.map((l) => priceLine(l, prices, w.pricing));
  const ctx = context(plan, prices, targets, opts);
  const base = plan.strategies.map((ps) => evaluateOption(ps, ctx));
  const vars = plan.variants.map((ps) => evaluateOption(ps, ctx));
  const strategies = base.map((x) => x.result);
  const variants = vars.map((x) => x.result);
  const losses = new Map([...base, ...vars].map((x) => [x.result.id, x.loss]));
  const allItems = [...primaryItems, ...strategies.flatMap((s) => s.lineItems), ...variants.flatMap((s) => s.lineItems)];
  const pricing = pricingOf(plan, prices);
  const frontierEntries = frontier(strategies, variants);
  const noDr = noDrBaseline(plan, targets, ctx, losses.get(strategies[0]?.id ?? '')!);
  return {
    schemaVersion: 1,
    kind: 'dr-advisor-estimate',
    generatedAt: opts.generatedAt,
    currency: 'USD',
    tool: { name: 'dr-advisor', version: opts.version },
    workload: documentOf(w),
    targets,
    pricing: {
      source: pricing.source,
      asOf: pricing.asOf,
      oldestAsOf: pricing.oldestAsOf,
      warnings: opts.warnings ?? [],
      prices: pricing.prices,
      estimatedPrices: pricing.estimatedPriceKeys.length,
      estimatedPriceKeys: pricing.estimatedPriceKeys,
    },
    primaryMonthlyCost: cents(sumCost(primaryItems)),
    primaryLineItems: primaryItems.map(roundItem),
    noDr,
    strategies,
    variants,
    frontier: frontierEntries,
    scenarios: scenarios(plan, strategies, ctx),
    breakEven: breakEvens(w, strategies, losses),
    recommendation: recommend(strategies, hasBusinessCosts(w), { variants, frontier: frontierEntries, noDr }),
    notes: costOrderNotes(plan, strategies),
    monteCarlo: { samples: opts.samples, seed: opts.seed, confidence: targets.confidence },
    disclaimer: allItems.some((i) => i.discount) ? DISCOUNTED_DISCLAIMER : DISCLAIMER,
  };
}

type SameAsFigures = Pick<StrategyResult, 'id' | 'drMonthlyCost' | 'rtoSeconds' | 'rpoSeconds'> & { rto: Pick<Distribution, 'atConfidence'> };

/** The base strategy a variant duplicates (the same cost, RTO, RPO and RTO at confidence), if any. */
function sameAsBase(strategies: readonly SameAsFigures[], v: SameAsFigures): string | null {
  return strategies.find((s) => s.id !== v.id && s.drMonthlyCost === v.drMonthlyCost && s.rtoSeconds === v.rtoSeconds && s.rpoSeconds === v.rpoSeconds && s.rto.atConfidence === v.rto.atConfidence)?.id ?? null;
}

/**
 * `check`'s evaluation: the figures and verdicts of {@link evaluate}, to the bit (the same simulations, prices and
 * rules: `optionCore`, `pricingOf`, `recommendedOption`), without what only the estimate report shows — the phases
 * and assumptions, per-event costs, scenarios, break-evens, notes, the no-DR baseline, the words of the
 * recommendation and of the line items (their figures alone: `priceLineFigures`) — none of which a check row reads. Over 1,000 files that is most of the evaluation's cost beside the
 * simulations (issue 17).
 */
export function evaluateForCheck(plan: EstimatePlan, prices: ReadonlyMap<string, Price>, opts: EvaluateOptions): ReportVerdict {
  const w = plan.workload;
  const targets: Report['targets'] = { ...plan.targets };
  const primaryItems = plan.primary.map((l) => priceLineFigures(l, prices, w.pricing));
  const ctx = context(plan, prices, targets, opts);
  const verdict = (ps: PlannedStrategy): StrategyVerdict => {
    const { model } = ps;
    const c = optionCore(ps, ctx, priceLineFigures);
    return {
      id: model.id,
      name: model.name,
      drMonthlyCost: cents(c.drMonthlyCost),
      rtoSeconds: c.rto.p50,
      rpoSeconds: c.rpo.p50,
      rto: dist(c.rto),
      rpo: dist(c.rpo),
      meetsTargets: c.violations.length === 0,
      violations: c.violations,
      totalAnnualCost: c.annual.total === null ? null : cents(c.annual.total),
      costEstimated: c.items.some((i) => i.estimated),
      designChange: model.designChange?.(w) ?? null,
      lineItems: c.items,
    };
  };
  const strategies = plan.strategies.map(verdict);
  const variants = plan.variants.map(verdict);
  // The frontier's duplicates, which the recommendation leaves out (evaluate: `frontier`).
  const frontierEntries = [...strategies.map((s) => ({ id: s.id, sameAs: null })), ...variants.map((v) => ({ id: v.id, sameAs: sameAsBase(strategies, v) }))];
  const { chosen } = recommendedOption(strategies, hasBusinessCosts(w), variants, frontierEntries);
  return {
    workload: { name: w.name, strategy: w.strategy },
    targets,
    pricing: pricingOf(plan, prices),
    primaryMonthlyCost: cents(sumCost(primaryItems)),
    primaryLineItems: primaryItems,
    strategies,
    variants,
    recommendation: { strategy: chosen.id },
  };
}

function frontier(strategies: StrategyResult[], variants: StrategyResult[]): FrontierEntry[] {
  const all = [...strategies, ...variants];
  const sameAs = (v: StrategyResult) => sameAsBase(strategies, v);
  // Duplicates of a base strategy are listed but left out of the dominance test, so they do not hide each other.
  const distinct = all.filter((s) => !strategies.includes(s) ? sameAs(s) === null : true);
  const points = paretoFrontier(distinct.map((s) => ({ id: s.id, cost: s.drMonthlyCost, rtoP90: s.rto.atConfidence })));
  return all.map((s) => {
    const p = points.find((x) => x.id === s.id);
    const dup = strategies.includes(s) ? null : sameAs(s);
    return {
      id: s.id, name: s.name, cost: s.drMonthlyCost, rtoP90: s.rto.p90, rtoAtConfidence: s.rto.atConfidence,
      pareto: p?.pareto ?? false, dominatedBy: p?.dominatedBy ?? null, sameAs: dup,
    };
  });
}

/**
 * No DR: the workload waits for the region to recover. Its RTO is the outage (the lognormal, exactly: no sampling), its
 * RPO 0 for durable data; AZ outages and corruption cost what they cost every strategy (restore in the region).
 */
function noDrBaseline(plan: EstimatePlan, targets: Report['targets'], ctx: Context, reference: LossModel | undefined): NoDrResult {
  const w = plan.workload;
  const d = ctx.outage;
  const conf = targets.confidence;
  const atConf = lognormalQuantile(d, conf);
  const p = targets.rtoSeconds === null ? null : lognormalCdf(d, targets.rtoSeconds);
  const rto: Distribution = {
    p50: lognormalQuantile(d, 0.5), p90: lognormalQuantile(d, 0.9), p99: lognormalQuantile(d, 0.99), mean: lognormalMean(d),
    atConfidence: atConf, confidence: conf, pMeetsTarget: p, samples: 0,
  };
  const rpo: Distribution = { p50: 0, p90: 0, p99: 0, mean: 0, atConfidence: 0, confidence: conf, pMeetsTarget: targets.rpoSeconds === null ? null : 1, samples: 0 };
  const violations: Violation[] = [];
  if (targets.rtoSeconds !== null && !(p! >= conf)) violations.push({ target: 'rto', actual: atConf, limit: targets.rtoSeconds, message: targetMessage('RTO', rto, targets.rtoSeconds) });
  const zero: EventOutcome = { downtimeHours: 0, dataLossHours: 0, cost: 0 };
  const loss: LossModel = {
    drMonthlyCost: 0, drillsPerYear: 0, drillCost: 0,
    regionEventsPerYear: w.business.regionEventsPerYear, azEventsPerYear: w.business.azEventsPerYear, corruptionEventsPerYear: w.business.corruptionEventsPerYear,
    failover: null,
    wait: { downtimeHours: lognormalMean(d) / 3600, dataLossHours: 0, cost: 0 },
    az: reference?.az ?? zero,
    corruption: reference?.corruption ?? zero,
  };
  const annual = annualCost(w, loss);
  return {
    id: 'no-dr',
    name: 'No DR (wait it out)',
    summary: 'no DR region: wait until the region recovers; durable data is kept',
    drMonthlyCost: 0,
    rtoSeconds: rto.p50,
    rpoSeconds: 0,
    rto,
    rpo,
    meetsTargets: violations.length === 0,
    violations,
    expectedAnnualLoss: annual.expectedLoss === null ? null : cents(annual.expectedLoss),
    totalAnnualCost: annual.total === null ? null : cents(annual.total),
    annual: { ...annual, expectedLoss: annual.expectedLoss === null ? null : cents(annual.expectedLoss), total: annual.total === null ? null : cents(annual.total) },
    note: `the downtime is the regional outage itself (median ${formatDuration(rto.p50)}, P90 ${formatDuration(rto.p90)}: regionOutageMedianHours, regionOutageP90Hours); durable data waits in the region, so no data is lost`,
  };
}

const SCENARIO_NAMES: Record<ScenarioResult['id'], string> = {
  'region-outage': 'Region outage (the default)',
  'az-outage': 'Availability Zone outage',
  'data-corruption': 'Data corruption or deletion',
};

function scenarios(plan: EstimatePlan, strategies: StrategyResult[], ctx: Context): ScenarioResult[] {
  const w = plan.workload;
  const a = plan.assumptions;
  const azNote = azOutage(w, a).note;
  const azTimes = { rtoSeconds: summarize(ctx.az.rto, { confidence: 0.5 }).p50, rpoSeconds: summarize(ctx.az.rpo, { confidence: 0.5 }).p50 };
  return [
    {
      id: 'region-outage', name: SCENARIO_NAMES['region-outage'], eventsPerYear: w.business.regionEventsPerYear,
      strategies: strategies.map((s) => ({ strategy: s.id, rtoSeconds: s.rtoSeconds, rpoSeconds: s.rpoSeconds, note: s.annual.regionChoice === 'wait' ? 'waiting the outage out costs less than failing over' : 'fail over to the DR region' })),
    },
    { id: 'az-outage', name: SCENARIO_NAMES['az-outage'], eventsPerYear: w.business.azEventsPerYear, strategies: strategies.map((s) => ({ strategy: s.id, ...azTimes, note: azNote })) },
    {
      id: 'data-corruption',
      name: SCENARIO_NAMES['data-corruption'],
      eventsPerYear: w.business.corruptionEventsPerYear,
      strategies: strategies.map((s, i) => {
        const c = corruptionOf(plan.strategies[i].model, ctx);
        return { strategy: s.id, rtoSeconds: summarize(c.rto, { confidence: 0.5 }).p50, rpoSeconds: summarize(c.rpo, { confidence: 0.5 }).p50, note: c.plan.note };
      }),
    },
  ];
}

function breakEvens(w: EstimatePlan['workload'], strategies: StrategyResult[], losses: ReadonlyMap<string, LossModel>): BreakEven[] {
  const sorted = [...strategies].sort((x, y) => x.drMonthlyCost - y.drMonthlyCost);
  const out: BreakEven[] = [];
  const events = `at ${w.business.regionEventsPerYear} regional events a year`;
  for (let i = 1; i < sorted.length; i++) {
    const cheaper = sorted[i - 1];
    const costlier = sorted[i];
    const v = breakEvenDowntimeCost(losses.get(cheaper.id)!, losses.get(costlier.id)!, w.business.dataLossCostPerHour ?? 0);
    out.push({
      cheaper: cheaper.id,
      costlier: costlier.id,
      downtimeCostPerHour: v === null ? null : cents(v),
      sentence:
        v === null
          ? `${costlier.name} never pays off against ${cheaper.name} on the expected annual cost (${events}), whatever an hour of downtime costs.`
          : v === 0 && costlier.drMonthlyCost - cheaper.drMonthlyCost < 0.005
            ? `${costlier.name} costs the same as ${cheaper.name} (${formatUsd(costlier.drMonthlyCost)}/month) and loses less in a disruption: it is the better of the two at any downtime cost (${events}).`
            : v === 0
            ? `${costlier.name} pays off against ${cheaper.name} at any downtime cost: the data loss and failover costs it avoids cover its extra ${formatUsd(costlier.drMonthlyCost - cheaper.drMonthlyCost)}/month (${events}).`
            : `${costlier.name} pays off against ${cheaper.name} above ${formatUsd(v)} per hour of downtime (${events}).`,
    });
  }
  return out;
}

/**
 * Where this workload's DR costs leave the seed table's order (backup & restore < pilot light < warm standby <
 * active-active), one sentence on why.
 */
function costOrderNotes(plan: EstimatePlan, strategies: StrategyResult[]): string[] {
  const out: string[] = [];
  const by = (id: string) => strategies.find((s) => s.id === id);
  const w = plan.workload;
  for (let i = 1; i < strategies.length; i++) {
    const lo = strategies[i - 1];
    const hi = strategies[i];
    if (!by(lo.id) || !by(hi.id) || lo.drMonthlyCost < hi.drMonthlyCost) continue;
    const biggest = [...lo.lineItems].sort((x, y) => y.monthlyCost - x.monthlyCost)[0];
    let why = biggest ? `its largest line is ${biggest.component} (${formatUsd(biggest.monthlyCost)}/month: ${biggest.usage})` : '';
    if (lo.id === 'backup-restore' && biggest?.component.includes('full copies')) {
      // The copied cluster: the store the largest line belongs to (the only Aurora store of a single-part workload).
      const cluster = w.stores.find((s) => s.named && s.name === biggest.part) ?? w.stores.find((s) => isAurora(s.engine));
      const gb = cluster?.storageGb ?? 0;
      const of = cluster?.named ? ` ${cluster.name}` : '';
      why = `Aurora snapshot copies are full copies, so the ${w.operations.backupIntervalHours} h cross-region copies of the ${gb} GB cluster${of} cost ${formatUsd(biggest.monthlyCost)}/month in transfer alone (${biggest.usage}); a headless Aurora secondary (pilot light variant) replicates for less`;
    } else if (lo.base === 'warm-standby' && hi.base === 'active-active') {
      const n = w.tiers.reduce((sum, t) => sum + t.count, 0);
      why = `with ${n} server${n === 1 ? '' : 's'} the warm standby runs the full fleet (a hot standby), the same stack as a second active region`;
    }
    out.push(`${lo.name} costs ${lo.drMonthlyCost === hi.drMonthlyCost ? 'as much as' : 'more than'} ${hi.name} here (${formatUsd(lo.drMonthlyCost)} vs ${formatUsd(hi.drMonthlyCost)}/month), against the seed table's order: ${why}.`);
  }
  return out;
}

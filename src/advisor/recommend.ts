/**
 * Recommendation (design.md §5.3, issue 12 §6): keep the options that meet the targets (at the stated confidence);
 * among them pick the lowest total expected annual cost when business costs are known, else the lowest DR cost (ties:
 * the faster RTO at confidence). The options are the four strategies and, in `estimate`, the drop-in variants (not
 * those that change the application's design, nor duplicates of a base strategy). When none qualifies, recommend the
 * closest and say what it misses. Always one sentence on why each other strategy was not chosen, and — so that the
 * report never recommends what its own frontier calls dominated without saying why — one sentence on each option
 * that dominates the recommended one on cost and RTO. Pure.
 */
import { formatDuration, formatPct, formatUsd } from '../text/format';
import type { FrontierEntry, NoDrResult, Recommendation, StrategyResult } from './types';

function missScore(s: OptionFigures): number {
  // How far a strategy is from its targets: the sum of log-ratios of each violated target.
  return s.violations.reduce((sum, v) => sum + Math.log((v.actual + 1) / (v.limit + 1)), 0);
}

function conf(s: StrategyResult): string {
  return formatPct(s.rto.confidence);
}

function figures(s: StrategyResult): string {
  return `${formatUsd(s.drMonthlyCost)}/month DR cost, RTO ${formatDuration(s.rtoSeconds)} (${formatDuration(s.rto.atConfidence)} at ${conf(s)} confidence), RPO ${formatDuration(s.rpoSeconds)}`;
}

export interface RecommendContext {
  /** Variants priced beside the strategies (estimate); empty in check. */
  variants?: readonly StrategyResult[];
  frontier?: readonly FrontierEntry[];
  noDr?: NoDrResult;
}

/** What choosing an option reads of it: the check pipeline passes these figures alone (evaluate.ts evaluateForCheck). */
export type OptionFigures = Pick<StrategyResult, 'id' | 'meetsTargets' | 'totalAnnualCost' | 'drMonthlyCost' | 'designChange'> & {
  rto: Pick<StrategyResult['rto'], 'atConfidence'>;
  violations: readonly Pick<StrategyResult['violations'][number], 'actual' | 'limit'>[];
};

/**
 * The choice alone (no words): the options compared (the strategies and the drop-in variants that are not duplicates
 * on the frontier), those that qualify, and the chosen one.
 */
export function recommendedOption<S extends OptionFigures>(
  strategies: readonly S[],
  useAnnual: boolean,
  variants: readonly S[] = [],
  frontier: readonly Pick<FrontierEntry, 'id' | 'sameAs'>[] = [],
): { chosen: S; candidates: S[]; qualifying: S[] } {
  const duplicate = (s: S) => frontier.find((p) => p.id === s.id)?.sameAs != null;
  const dropIns = variants.filter((v) => v.designChange === null && !duplicate(v));
  const candidates = [...strategies, ...dropIns];
  const qualifying = candidates.filter((s) => s.meetsTargets);
  const byCost = (a: S, b: S) =>
    (useAnnual ? (a.totalAnnualCost ?? 0) - (b.totalAnnualCost ?? 0) : 0) || a.drMonthlyCost - b.drMonthlyCost || a.rto.atConfidence - b.rto.atConfidence;
  const chosen = qualifying.length > 0 ? [...qualifying].sort(byCost)[0] : [...candidates].sort((a, b) => missScore(a) - missScore(b) || a.drMonthlyCost - b.drMonthlyCost)[0];
  return { chosen, candidates, qualifying };
}

export function recommend(strategies: readonly StrategyResult[], useAnnual: boolean, ctx: RecommendContext = {}): Recommendation {
  const frontier = ctx.frontier ?? [];
  const { chosen, candidates, qualifying } = recommendedOption(strategies, useAnnual, ctx.variants, frontier);
  let basis: Recommendation['basis'];
  let reason: string;
  if (qualifying.length > 0) {
    basis = useAnnual ? 'total-annual-cost' : 'dr-monthly-cost';
    const others = qualifying.length - 1;
    // With variants, the count is of distinct drop-in options: a variant with the same figures as another, or one that
    // needs a design change (partitioned writes), is not counted, so the words say so (the table marks more rows ✓).
    const what = `${(ctx.variants ?? []).length > 0 ? 'distinct drop-in ' : ''}${qualifying.length === 1 ? 'option' : 'options'}`;
    if (others === 0) {
      reason = `${chosen.name} is the only ${candidates.length > strategies.length ? 'option' : 'strategy'} that meets the targets at ${conf(chosen)} confidence: ${figures(chosen)}${useAnnual ? `, total expected annual cost ${formatUsd(chosen.totalAnnualCost ?? 0)}` : ''}.`;
    } else {
      reason = useAnnual
        ? `${chosen.name} has the lowest total expected annual cost (${formatUsd(chosen.totalAnnualCost ?? 0)}: 12 × DR cost + ${formatUsd(chosen.expectedAnnualLoss ?? 0)} expected loss + ${formatUsd(chosen.annual.failoverEvents + chosen.annual.drills)} failovers and drills) of the ${qualifying.length} ${what} that meet the targets at ${conf(chosen)} confidence: ${figures(chosen)}.`
        : `${chosen.name} is the cheapest of the ${qualifying.length} ${what} that meet the targets at ${conf(chosen)} confidence: ${figures(chosen)}.`;
    }
  } else {
    basis = 'closest';
    reason = `No strategy meets every target at ${conf(chosen)} confidence; ${chosen.name} comes closest (${figures(chosen)}) but misses: ${chosen.violations.map((v) => v.message).join('; ')}.`;
  }

  const rejected = strategies
    .filter((s) => s.id !== chosen.id)
    .map((s) => ({ strategy: s.id, reason: rejectionReason(s, chosen, useAnnual) }));
  const notDominating = dominators(chosen, candidates, [...strategies, ...(ctx.variants ?? [])], frontier, useAnnual);
  const notes: string[] = [];
  const noDr = ctx.noDr;
  if (useAnnual && noDr && noDr.totalAnnualCost !== null && chosen.totalAnnualCost !== null && noDr.totalAnnualCost < chosen.totalAnnualCost) {
    notes.push(
      `Without DR, waiting regional outages out, the expected annual cost is ${formatUsd(noDr.totalAnnualCost)}, ${formatUsd(chosen.totalAnnualCost - noDr.totalAnnualCost)} less than ${chosen.name}: at these business costs DR is insurance that the targets call for, not a saving in expectation.`,
    );
  }
  return { strategy: chosen.id, base: chosen.base, meetsTargets: chosen.meetsTargets, basis, reason, rejected, notDominating, notes };
}

/** The options the frontier says dominate the chosen one, each with the reason it is not recommended instead. */
function dominators(
  chosen: StrategyResult,
  candidates: readonly StrategyResult[],
  all: readonly StrategyResult[],
  frontier: readonly FrontierEntry[],
  useAnnual: boolean,
): Recommendation['notDominating'] {
  const me = frontier.find((p) => p.id === chosen.id);
  if (!me) return [];
  const points = frontier.filter((p) => p.sameAs === null && p.id !== me.id);
  const dominating = points.filter((q) => q.cost <= me.cost && q.rtoAtConfidence <= me.rtoAtConfidence && (q.cost < me.cost || q.rtoAtConfidence < me.rtoAtConfidence));
  return dominating.map((q) => {
    const s = all.find((x) => x.id === q.id)!;
    const head = `${s.name} costs ${formatUsd(s.drMonthlyCost)}/month and recovers in ${formatDuration(s.rto.atConfidence)} at ${conf(s)} confidence`;
    let why: string;
    if (s.designChange) why = `but it is not a drop-in choice: ${s.designChange}`;
    else if (!candidates.includes(s)) why = 'but it is not one of the options compared';
    else if (!s.meetsTargets) why = `but it misses ${s.violations.map((v) => v.message).join('; ')}`;
    else if (useAnnual && s.totalAnnualCost !== null && chosen.totalAnnualCost !== null && s.totalAnnualCost > chosen.totalAnnualCost)
      why = `but its total expected annual cost is ${formatUsd(s.totalAnnualCost - chosen.totalAnnualCost)} higher (RPO ${formatDuration(s.rpoSeconds)}, failovers and drills ${formatUsd(s.annual.failoverEvents + s.annual.drills)}/year)`;
    else why = 'and ties with it';
    return { strategy: s.id, reason: `${head}, ${why}.` };
  });
}

function rejectionReason(s: StrategyResult, chosen: StrategyResult, useAnnual: boolean): string {
  if (!s.meetsTargets) return `${s.name} misses ${s.violations.map((v) => v.message).join('; ')}.`;
  if (!chosen.meetsTargets) return `${s.name} meets the targets.`; // unreachable: a qualifying one would be chosen
  if (useAnnual && s.totalAnnualCost !== null && chosen.totalAnnualCost !== null) {
    const diff = s.totalAnnualCost - chosen.totalAnnualCost;
    if (s.drMonthlyCost < chosen.drMonthlyCost) {
      return `${s.name} is ${formatUsd(chosen.drMonthlyCost - s.drMonthlyCost)}/month cheaper but its RTO of ${formatDuration(s.rtoSeconds)} raises the expected annual loss, for ${formatUsd(diff)}/year more in total.`;
    }
    if (s.drMonthlyCost === chosen.drMonthlyCost) {
      return `${s.name} costs the same per month but ${formatUsd(diff)}/year more in total: its RTO of ${formatDuration(s.rtoSeconds)} raises the expected annual loss.`;
    }
    return `${s.name} meets the targets but costs ${formatUsd(diff)}/year more in total (${formatUsd(s.drMonthlyCost - chosen.drMonthlyCost)}/month more DR cost than the loss it avoids).`;
  }
  return `${s.name} meets the targets but costs ${formatUsd(s.drMonthlyCost - chosen.drMonthlyCost)}/month more.`;
}

/**
 * Recommendation (design.md §5.3): keep the strategies that meet the targets; among them pick the lowest total
 * expected annual cost when business costs are known, else the lowest DR cost. When none qualifies, recommend the
 * closest and say what it misses. Always one sentence on why each other strategy was not chosen. Pure.
 */
import { formatDuration, formatUsd } from '../text/format';
import type { Recommendation, StrategyResult } from './types';

function missScore(s: StrategyResult): number {
  // How far a strategy is from its targets: the sum of log-ratios of each violated target.
  return s.violations.reduce((sum, v) => sum + Math.log((v.actual + 1) / (v.limit + 1)), 0);
}

function figures(s: StrategyResult): string {
  return `${formatUsd(s.drMonthlyCost)}/month DR cost, RTO ${formatDuration(s.rtoSeconds)}, RPO ${formatDuration(s.rpoSeconds)}`;
}

export function recommend(strategies: readonly StrategyResult[], useAnnual: boolean): Recommendation {
  const qualifying = strategies.filter((s) => s.meetsTargets);
  const byCost = (a: StrategyResult, b: StrategyResult) =>
    useAnnual ? (a.totalAnnualCost ?? 0) - (b.totalAnnualCost ?? 0) || a.drMonthlyCost - b.drMonthlyCost : a.drMonthlyCost - b.drMonthlyCost;

  let chosen: StrategyResult;
  let basis: Recommendation['basis'];
  let reason: string;
  if (qualifying.length > 0) {
    chosen = [...qualifying].sort(byCost)[0];
    basis = useAnnual ? 'total-annual-cost' : 'dr-monthly-cost';
    const others = qualifying.length - 1;
    if (others === 0) {
      reason = `${chosen.name} is the only strategy that meets the targets: ${figures(chosen)}${useAnnual ? `, total expected annual cost ${formatUsd(chosen.totalAnnualCost ?? 0)}` : ''}.`;
    } else {
      reason = useAnnual
        ? `${chosen.name} has the lowest total expected annual cost (${formatUsd(chosen.totalAnnualCost ?? 0)}: 12 × DR cost + ${formatUsd(chosen.expectedAnnualLoss ?? 0)} expected loss) of the ${qualifying.length} strategies that meet the targets: ${figures(chosen)}.`
        : `${chosen.name} is the cheapest of the ${qualifying.length} strategies that meet the targets: ${figures(chosen)}.`;
    }
  } else {
    chosen = [...strategies].sort((a, b) => missScore(a) - missScore(b) || a.drMonthlyCost - b.drMonthlyCost)[0];
    basis = 'closest';
    reason = `No strategy meets every target; ${chosen.name} comes closest (${figures(chosen)}) but misses: ${chosen.violations.map((v) => v.message).join('; ')}.`;
  }

  const rejected = strategies
    .filter((s) => s.id !== chosen.id)
    .map((s) => ({ strategy: s.id, reason: rejectionReason(s, chosen, useAnnual) }));
  return { strategy: chosen.id, meetsTargets: chosen.meetsTargets, basis, reason, rejected };
}

function rejectionReason(s: StrategyResult, chosen: StrategyResult, useAnnual: boolean): string {
  if (!s.meetsTargets) return `${s.name} misses ${s.violations.map((v) => v.message).join('; ')}.`;
  if (!chosen.meetsTargets) return `${s.name} meets the targets.`; // unreachable: a qualifying one would be chosen
  if (useAnnual && s.totalAnnualCost !== null && chosen.totalAnnualCost !== null) {
    const diff = s.totalAnnualCost - chosen.totalAnnualCost;
    if (s.drMonthlyCost < chosen.drMonthlyCost) {
      return `${s.name} is ${formatUsd(chosen.drMonthlyCost - s.drMonthlyCost)}/month cheaper but its RTO of ${formatDuration(s.rtoSeconds)} raises the expected annual loss, for ${formatUsd(diff)}/year more in total.`;
    }
    return `${s.name} meets the targets but costs ${formatUsd(diff)}/year more in total (${formatUsd(s.drMonthlyCost - chosen.drMonthlyCost)}/month more DR cost than the loss it avoids).`;
  }
  return `${s.name} meets the targets but costs ${formatUsd(s.drMonthlyCost - chosen.drMonthlyCost)}/month more.`;
}

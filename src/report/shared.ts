/** Words and figures shared by the table and Markdown renderers, so both show the same thing. */
import type { NoDrResult, Report, StrategyResult } from '../advisor/types';
import { formatCount, formatDuration, formatPct, formatUsd } from '../text/format';

export function targetsLine(r: Report): string {
  const t: string[] = [];
  if (r.targets.rtoSeconds !== null) t.push(`RTO ≤ ${formatDuration(r.targets.rtoSeconds)}`);
  if (r.targets.rpoSeconds !== null) t.push(`RPO ≤ ${formatDuration(r.targets.rpoSeconds)}`);
  if (t.length && r.targets.confidence !== undefined) t[t.length - 1] += ` at ${formatPct(r.targets.confidence)} confidence`;
  if (r.targets.maxMonthlyCost !== null) t.push(`DR budget ≤ ${formatUsd(r.targets.maxMonthlyCost)}/month`);
  return t.length ? t.join(', ') : 'no targets set';
}

export function regionsLine(r: Report): string {
  const w = r.workload;
  const extra = w.regions.additional.length ? ` (+ ${w.regions.additional.join(', ')} for active-active)` : '';
  return `${w.regions.primary} → ${w.regions.dr}${extra}`;
}

/** A row of the comparison: a strategy, a variant, or the no-DR baseline. */
export type Row = StrategyResult | NoDrResult;

export function costCell(s: Row): string {
  return `${formatUsd(s.drMonthlyCost)}${'costEstimated' in s && s.costEstimated ? '*' : ''}`;
}

/** "90%": the confidence the targets are judged at. */
export function confidenceText(r: Pick<Report, 'targets'>): string {
  return formatPct(r.targets.confidence);
}

/** "52m (1h 24m)": the median, and in brackets the value at the stated confidence (what the target is judged on). */
export function rtoCell(s: Row): string {
  return `${formatDuration(s.rtoSeconds)} (${formatDuration(s.rto.atConfidence)})`;
}

export function rpoCell(s: Row): string {
  return `${formatDuration(s.rpoSeconds)} (${formatDuration(s.rpo.atConfidence)})`;
}

export function meetsCell(s: Row, plain = false): string {
  if (s.meetsTargets) return plain ? 'yes' : '✓ yes';
  const what = s.violations.map((v) => (v.target === 'maxMonthlyCost' ? 'budget' : v.target.toUpperCase())).join(', ');
  return `${plain ? 'no' : '✗ no'}: ${what}`;
}

/** "34% / 100%": P(RTO ≤ target) and P(RPO ≤ target); — where no target is set. */
export function chanceCell(s: Row): string {
  const p = (x: number | null) => (x === null ? '—' : formatPct(x));
  return `${p(s.rto.pMeetsTarget)} / ${p(s.rpo.pMeetsTarget)}`;
}

/** The rows of the comparison: the no-DR baseline first, the four strategies, then the recommended variant if any. */
export function comparisonRows(r: Report): Row[] {
  const rec = r.variants.find((v) => v.id === r.recommendation.strategy);
  return [r.noDr, ...r.strategies, ...(rec ? [rec] : [])];
}

/** One sentence on the verdict rule, the same in every format. */
export function verdictLine(r: Report): string {
  const c = confidenceText(r);
  return `RTO and RPO are medians of ${formatCount(r.monteCarlo.samples)} Monte Carlo samples (seed ${r.monteCarlo.seed}), with the value at ${c} confidence in brackets; a target is met when P(RTO ≤ target) and P(RPO ≤ target) reach ${c}. The expected annual cost uses the means, with downtime capped by the regional outage (you can wait it out).`;
}

export function pricingLine(r: Report): string {
  const src = r.pricing.source === 'snapshot' ? 'bundled snapshot' : r.pricing.source === 'live' ? 'AWS Price List API (live)' : r.pricing.source;
  const dates = r.pricing.oldestAsOf && r.pricing.oldestAsOf !== r.pricing.asOf ? `data from ${r.pricing.oldestAsOf} to ${r.pricing.asOf}` : `data as of ${r.pricing.asOf}`;
  const est = r.pricing.estimatedLineItems ? `; ${r.pricing.estimatedLineItems} line items use estimated prices (marked *)` : '';
  return `Prices: ${src}, ${dates}, USD list prices, 730 h/month${est}.`;
}

export function nameOf(r: Report, id: string): string {
  return [...r.strategies, ...r.variants].find((s) => s.id === id)?.name ?? (id === 'no-dr' ? r.noDr.name : id);
}

/** The recommended option's result (a strategy or a drop-in variant). */
export function recommended(r: Report): StrategyResult {
  return [...r.strategies, ...r.variants].find((s) => s.id === r.recommendation.strategy)!;
}

export function quantityText(q: number): string {
  if (q >= 1e6) return `${(q / 1e6).toLocaleString('en-US', { maximumFractionDigits: 2 })}M`;
  return q.toLocaleString('en-US', { maximumFractionDigits: 2 });
}

export function unitPriceText(p: number): string {
  if (p === 0) return '$0';
  if (p < 0.0001) return `$${p.toExponential(3)}`;
  return `$${Number(p.toPrecision(4))}`;
}

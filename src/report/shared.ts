/** Words and figures shared by the table and Markdown renderers, so both show the same thing. */
import type { Report, StrategyResult } from '../advisor/types';
import type { LineItem } from '../advisor/price-lines';
import { formatDuration, formatPct, formatUsd } from '../text/format';

export function targetsLine(r: Report): string {
  const t: string[] = [];
  if (r.targets.rtoSeconds !== null) t.push(`RTO ≤ ${formatDuration(r.targets.rtoSeconds)}`);
  if (r.targets.rpoSeconds !== null) t.push(`RPO ≤ ${formatDuration(r.targets.rpoSeconds)}`);
  if (r.targets.maxMonthlyCost !== null) t.push(`DR budget ≤ ${formatUsd(r.targets.maxMonthlyCost)}/month`);
  return t.length ? t.join(', ') : 'no targets set';
}

export function regionsLine(r: Report): string {
  const w = r.workload;
  const extra = w.regions.additional.length ? ` (+ ${w.regions.additional.join(', ')} for active-active)` : '';
  return `${w.regions.primary} → ${w.regions.dr}${extra}`;
}

export function costCell(s: StrategyResult): string {
  return `${formatUsd(s.drMonthlyCost)}${s.costEstimated ? '*' : ''}`;
}

export function rtoCell(s: StrategyResult): string {
  return `${formatDuration(s.rtoSeconds)} (P90 ${formatDuration(s.rto.p90)})`;
}

export function meetsCell(s: StrategyResult, plain = false): string {
  if (s.meetsTargets) return plain ? 'yes' : '✓ yes';
  const what = s.violations.map((v) => (v.target === 'maxMonthlyCost' ? 'budget' : v.target.toUpperCase())).join(', ');
  return `${plain ? 'no' : '✗ no'}: ${what}`;
}

export function chanceCell(s: StrategyResult): string {
  return s.rto.pMeetsTarget === null ? '—' : formatPct(s.rto.pMeetsTarget);
}

export function pricingLine(r: Report): string {
  const src =
    r.pricing.source === 'snapshot' ? 'bundled snapshot' : r.pricing.source === 'live' ? 'AWS Price List API (live)' : r.pricing.source === 'bulk' ? 'AWS Price List Bulk API' : r.pricing.source;
  const dates = r.pricing.oldestAsOf && r.pricing.oldestAsOf !== r.pricing.asOf ? `data from ${r.pricing.oldestAsOf} to ${r.pricing.asOf}` : `data as of ${r.pricing.asOf}`;
  const n = r.pricing.estimatedPrices;
  const est = n ? `; ${n} of ${r.pricing.prices} prices ${n === 1 ? 'is' : 'are'} estimated (line items marked *)` : '';
  const d = r.workload?.pricing;
  const stated = [
    ...(d?.enterpriseDiscountPct ? [`enterprise discount ${d.enterpriseDiscountPct}%`] : []),
    ...(d?.savingsPct?.ec2 ? [`EC2 savings ${d.savingsPct.ec2}%`] : []),
    ...(d?.savingsPct?.rds ? [`RDS savings ${d.savingsPct.rds}%`] : []),
  ];
  const basis = stated.length ? `USD list prices less the stated discounts (${stated.join(', ')})` : 'USD list prices';
  return `Prices: ${src}, ${dates}, ${basis}, 730 h/month${est}.`;
}

/** A line item's monthly figure: what is paid, and the list figure beside it where a stated discount applies. */
export function monthlyCell(i: LineItem): string {
  return i.discount ? `${formatUsd(i.monthlyCost)} (list ${formatUsd(i.discount.listMonthlyCost)})` : formatUsd(i.monthlyCost);
}

export function nameOf(r: Report, id: string): string {
  return r.strategies.find((s) => s.id === id)?.name ?? id;
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

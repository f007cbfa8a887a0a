/** Words and figures shared by the table and Markdown renderers, so both show the same thing. */
import type { NoDrResult, PhaseResult, Report, StrategyResult } from '../advisor/types';
import { formatCount, formatDuration, formatPct, formatUsd } from '../text/format';
import type { LineItem } from '../advisor/price-lines';

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

/**
 * A unit price as people read it: `$0.096`, `$0.0225`; below a hundredth of a cent per unit (per-request and per-I/O
 * prices), per million units as AWS quotes them: `$0.20 per million` rather than `$2.000e-7`. JSON keeps the full
 * precision.
 */
export function unitPriceText(p: number): string {
  if (p === 0) return '$0';
  if (p < 0.0001) {
    const perMillion = Number((p * 1e6).toPrecision(4));
    const [, decimals = ''] = String(perMillion).split('.');
    return `$${perMillion.toFixed(Math.max(2, decimals.length))} per million`;
  }
  return `$${Number(p.toPrecision(4))}`;
}

/** `A`, `A and B`, `A, B and C`. */
export function listText(items: readonly string[]): string {
  return items.length > 1 ? `${items.slice(0, -1).join(', ')} and ${items.at(-1)}` : (items[0] ?? '');
}

const SINGULAR: Record<string, string> = { seconds: 'second', minutes: 'minute', hours: 'hour', days: 'day' };

/** An assumption's value with its unit: `1 second`, `2 minutes`, `0.5 ratio`. */
export function valueWithUnit(value: number, unit: string): string {
  return `${value} ${value === 1 ? (SINGULAR[unit] ?? unit) : unit}`;
}

/** The RTO sum every strategy's phases follow (said once per report). */
export const RTO_FORMULA = 'RTO = detect + decide + max(data branch, compute branch) + traffic shift + validate';

/** What a report adds to the formula when the workload names several parts (nothing otherwise). */
export function partsSentence(r: Pick<Report, 'strategies'>): string {
  const parts = r.strategies.some((s) => s.phases.some((p) => p.part !== undefined));
  return parts ? ' Within a branch, the data stores (and the tiers) recover in parallel after its shared phases: the slowest store and the slowest tier decide.' : '';
}

/** The "Runs" cell of a phase: in sequence, or its branch (and part) in parallel. */
export function runsText(p: Pick<PhaseResult, 'branch' | 'part'>, parallel: string): string {
  if (p.branch === 'serial') return 'in sequence';
  return `${p.branch} branch${p.part !== undefined ? `, ${p.part}` : ''}${parallel}`;
}

/**
 * The disruption scenarios' notes, one line per scenario (the region outage, the default, has none): a note shared by
 * every strategy is said once; different notes name their strategies (`Backup & Restore: …; Pilot Light and Warm
 * Standby: …`), so no sentence is repeated.
 */
export function scenarioNotes(r: Report): { scenario: string; text: string }[] {
  const out: { scenario: string; text: string }[] = [];
  for (const sc of r.scenarios) {
    if (sc.id === 'region-outage') continue;
    const byNote = new Map<string, string[]>();
    for (const x of sc.strategies) byNote.set(x.note, [...(byNote.get(x.note) ?? []), nameOf(r, x.strategy)]);
    const entries = [...byNote];
    // A note the others only extend ("…: recovery comes from backups") is said once; the others add their part.
    const base = entries.find(([n]) => entries.every(([m]) => m.endsWith(n)));
    const text =
      entries.length === 1
        ? entries[0][0]
        : base
          ? [base[0], ...entries.filter((e) => e !== base).map(([n, names]) => `for ${listText(names)}, ${n.slice(0, -base[0].length).replace(/[\s:;,]+$/, '')}`)].join('; ')
          : entries.map(([n, names]) => `${listText(names)}: ${n}`).join('; ');
    out.push({ scenario: sc.name, text });
  }
  return out;
}

/**
 * What the tags in assumption sources mean (the research notes' markers: reference/dr-model.md, reference/pricing.md).
 * In the order of how much to trust them.
 */
export const SOURCE_TAGS: readonly (readonly [string, string])[] = [
  ['V', 'read in an AWS document (user guide, whitepaper, AWS blog or post-event summary)'],
  ['V2', 'AWS wording read in a third-party copy of the AWS page (re-check against the live page)'],
  ['3P', 'third-party measurement or opinion (blog, benchmark, survey), not an AWS commitment'],
  ['S', 'seen only in a non-authoritative public source (a repository, a bill excerpt)'],
  ['M', 'from memory in the research notes, not verified against a source'],
  ['I', 'engineering estimate: no source gives this number; override it with your own measurement'],
];

/** The legend line for the tags that appear in these texts, or undefined when none does. */
export function sourceTagLegend(texts: readonly string[]): string | undefined {
  const all = texts.join(' ');
  const used = SOURCE_TAGS.filter(([tag]) => all.includes(`[${tag}]`) || new RegExp(`\\[${tag}[:\\]/ ]`).test(all));
  if (!used.length) return undefined;
  return `Source tags: ${used.map(([tag, what]) => `[${tag}] ${what}`).join('; ')}.`;
}

/** Every assumption the strategies use, once each, by name. */
export function usedAssumptions(r: Report): StrategyResult['assumptions'] {
  const seen = new Map<string, StrategyResult['assumptions'][number]>();
  for (const s of r.strategies) for (const a of s.assumptions) seen.set(a.name, a);
  return [...seen.values()].sort((a, b) => a.name.localeCompare(b.name));
}

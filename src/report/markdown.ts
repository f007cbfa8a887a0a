/** `--format markdown`: a report to paste into a design doc or a pull request; renders cleanly on GitHub. */
import type { Report, StrategyResult } from '../advisor/types';
import { formatDuration, formatPct, formatUsd } from '../text/format';
import { frontierTable, mermaidFrontier } from './frontier';
import { mdTable } from './markdown-table';
import { ANNUAL_HEAD, annualLine, annualRows, scenarioCell } from './annual';
import {
  chanceCell, comparisonRows, confidenceText, costCell, meetsCell, pricingLine, quantityText, recommended, regionsLine, rpoCell, rtoCell, targetsLine, unitPriceText, verdictLine,
} from './shared';

export function comparisonTable(r: Report): string {
  const annual = r.strategies.some((s) => s.totalAnnualCost !== null);
  const conf = confidenceText(r);
  const head = ['Strategy', 'DR cost/month', `RTO P50 (at ${conf})`, 'RTO P90 / P99', `RPO P50 (at ${conf})`, 'P(RTO / RPO ≤ target)', ...(annual ? ['Expected loss/yr', 'Total/yr'] : []), 'Meets targets'];
  const rows = comparisonRows(r).map((s) => [
    s.id === r.recommendation.strategy ? `**${s.name}** (recommended)` : s.name,
    costCell(s),
    `${rtoCell(s)}${'rtoCategory' in s ? ` · ${s.rtoCategory}` : ''}`,
    `${formatDuration(s.rto.p90)} / ${formatDuration(s.rto.p99)}`,
    `${rpoCell(s)}${'rpoCategory' in s ? ` · ${s.rpoCategory}` : ''}`,
    chanceCell(s),
    ...(annual ? [formatUsd(s.expectedAnnualLoss ?? 0), formatUsd(s.totalAnnualCost ?? 0)] : []),
    meetsCell(s),
  ]);
  return mdTable(head, rows);
}

function lineItems(items: Report['primaryLineItems']): string {
  return mdTable(
    ['Component', 'Region', 'Quantity', 'Unit price', 'Monthly', 'Price source'],
    items.map((i) => [
      `${i.component}${i.estimated ? ' *' : ''}`, i.region, `${quantityText(i.quantity)} ${i.unit}`, unitPriceText(i.unitPrice), formatUsd(i.monthlyCost),
      `${i.price.source}, ${i.price.asOf}${i.price.sku ? `, SKU ${i.price.sku}` : ''}${i.estimated ? ' (estimated)' : ''}`,
    ]),
  );
}

function strategySection(s: StrategyResult): string {
  const phases = mdTable(
    ['Phase', 'Runs', 'Typical', 'Range', 'Assumptions'],
    s.phases.map((p) => [p.label, p.branch === 'serial' ? 'in sequence' : `${p.branch} branch`, formatDuration(p.seconds), `${formatDuration(p.lowSeconds)}–${formatDuration(p.highSeconds)}`, [...p.assumptions.map((a) => `\`${a}\``), ...(p.fixed ? [p.fixed] : [])].join(' + ') || '—']),
  );
  const rpo = s.rpoSources.map((x) => `- RPO of ${x.store}: typically **${formatDuration(x.seconds)}**, at most ${formatDuration(x.highSeconds)}: ${x.mechanism}`).join('\n');
  const notes = s.notes.map((n) => `> **Note:** ${n}`).join('\n>\n');
  return [
    `### ${s.name}: ${formatUsd(s.drMonthlyCost)}/month, RTO ${formatDuration(s.rtoSeconds)}, RPO ${formatDuration(s.rpoSeconds)}`,
    `_${s.summary}._`,
    '',
    lineItems(s.lineItems),
    '',
    phases,
    '',
    `RTO P50 ${formatDuration(s.rtoSeconds)}, at ${formatPct(s.rto.confidence)} confidence ${formatDuration(s.rto.atConfidence)}, P99 ${formatDuration(s.rto.p99)}; the typical values sum to ${formatDuration(s.rtoTypicalSumSeconds)} (a reference only).`,
    '',
    rpo || '- No data stores: nothing to lose.',
    '',
    annualLine(s),
    ...(notes ? ['', notes] : []),
  ].join('\n');
}

export function renderMarkdown(r: Report): string {
  const rec = recommended(r);
  const parts = [
    `# DR assessment: ${r.workload.name}`,
    '',
    `**Regions:** ${regionsLine(r)} · **Targets:** ${targetsLine(r)} · **Primary region cost:** ${formatUsd(r.primaryMonthlyCost)}/month`,
    '',
    `## Recommendation: ${rec.name}`,
    '',
    r.recommendation.reason,
    '',
    ...r.recommendation.notDominating.flatMap((n) => [`> **Frontier:** ${n.reason}`, '']),
    ...r.recommendation.notes.flatMap((n) => [`> **Note:** ${n}`, '']),
    '**Why not the others**',
    '',
    ...r.recommendation.rejected.map((x) => `- ${x.reason}`),
    '',
    '## Comparison',
    '',
    comparisonTable(r),
    '',
    `${verdictLine(r)} RTO = detect + decide + max(data branch, compute branch) + traffic shift + validate, drawn per sample.`,
    '',
    ...r.notes.flatMap((n) => [`> **Cost order:** ${n}`, '']),
    '## Expected annual cost',
    '',
    mdTable(ANNUAL_HEAD, annualRows(r, comparisonRows(r))),
    '',
    `Regional outages ${r.workload.business.regionEventsPerYear}/yr (median ${formatDuration(r.noDr.rto.p50)}, P90 ${formatDuration(r.noDr.rto.p90)}), AZ outages ${r.workload.business.azEventsPerYear}/yr, corruption ${r.workload.business.corruptionEventsPerYear}/yr. Downtime when failing over is min(recovery, outage); data loss is charged only when the failover completes; each strategy takes the cheaper of failing over and waiting. Failovers: the DR side at full size until failback, and the re-seed of the primary; drills: \`drillsPerYear\` × \`drillHours\` × the DR side at full size.`,
    '',
    ...breakEvenSection(r),
    ...frontierSection(r),
    '## Disruption scenarios',
    '',
    scenarioTable(r),
    '',
    ...scenarioNotes(r),
    '## Strategies in detail',
    '',
    `### Primary region (${r.workload.regions.primary}): ${formatUsd(r.primaryMonthlyCost)}/month`,
    '',
    lineItems(r.primaryLineItems),
    '',
    ...r.strategies.flatMap((s) => [strategySection(s), '']),
    '## Assumptions',
    '',
    assumptionsTable(r),
    '',
    `_${pricingLine(r)}_`,
    '',
    `_${r.disclaimer}_`,
    '',
  ];
  return parts.join('\n');
}

function breakEvenSection(r: Report): string[] {
  if (r.breakEven.length === 0) return [];
  return ['## What each step up buys', '', ...r.breakEven.map((b) => `- ${b.sentence}`), ''];
}

function frontierSection(r: Report): string[] {
  if (r.frontier.length === 0) return [];
  return [
    '## Cost versus RTO: the frontier',
    '',
    `Every strategy and variant, priced and timed the same way. An option is dominated when another costs no more and recovers no slower (RTO at ${confidenceText(r)} confidence).`,
    '',
    mermaidFrontier(r),
    '',
    frontierTable(r),
    '',
  ];
}

export function scenarioTable(r: Report): string {
  const head = ['Scenario (events/yr)', ...r.strategies.map((s) => s.name)];
  const rows = r.scenarios.map((sc) => [`${sc.name} (${sc.eventsPerYear})`, ...r.strategies.map((s) => scenarioCell(sc, s.id))]);
  return mdTable(head, rows);
}

function scenarioNotes(r: Report): string[] {
  const notes = new Set<string>();
  for (const sc of r.scenarios) if (sc.id !== 'region-outage') for (const x of sc.strategies) notes.add(`- **${sc.name}:** ${x.note}.`);
  return notes.size ? [...notes, ''] : [];
}

export function assumptionsTable(r: Report): string {
  const seen = new Map<string, StrategyResult['assumptions'][number]>();
  for (const s of r.strategies) for (const a of s.assumptions) seen.set(a.name, a);
  return mdTable(
    ['Assumption', 'Value', 'Range', 'Source'],
    [...seen.values()].sort((a, b) => a.name.localeCompare(b.name)).map((a) => [`\`${a.name}\`${a.overridden ? ' (overridden)' : a.estimated ? ' (estimated)' : ''}`, `${a.value} ${a.unit}`, `${a.low}–${a.high}`, a.source]),
  );
}

export { mdCell, mdTable } from './markdown-table';

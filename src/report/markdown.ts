/** `--format markdown`: a report to paste into a design doc or a pull request; renders cleanly on GitHub. */
import type { Report, StrategyResult } from '../advisor/types';
import { formatDuration, formatUsd } from '../text/format';
import { frontierTable, mermaidFrontier } from './frontier';
import { mdTable } from './markdown-table';
import { chanceCell, costCell, meetsCell, monthlyCell, pricingLine, quantityText, regionsLine, targetsLine, unitPriceText } from './shared';

export function comparisonTable(r: Report): string {
  const annual = r.strategies.some((s) => s.totalAnnualCost !== null);
  const head = ['Strategy', 'DR cost/month', 'RTO', 'RTO P50 / P90 / P99', 'RPO', 'P(RTO ≤ target)', ...(annual ? ['Expected loss/yr', 'Total/yr'] : []), 'Meets targets'];
  const rows = r.strategies.map((s) => [
    s.id === r.recommendation.strategy ? `**${s.name}** (recommended)` : s.name,
    costCell(s),
    `${formatDuration(s.rtoSeconds)} (${s.rtoCategory})`,
    `${formatDuration(s.rto.p50)} / ${formatDuration(s.rto.p90)} / ${formatDuration(s.rto.p99)}`,
    `${formatDuration(s.rpoSeconds)} (${s.rpoCategory})`,
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
      `${i.component}${i.estimated ? ' *' : ''}`, i.region, `${quantityText(i.quantity)} ${i.unit}`, unitPriceText(i.unitPrice), monthlyCell(i),
      `${i.price.source}, ${i.price.asOf}${i.price.sku ? `, SKU ${i.price.sku}` : ''}${i.estimated ? ' (estimated)' : ''}`,
    ]),
  );
}

function strategySection(s: StrategyResult): string {
  const phases = mdTable(
    ['Phase', 'Runs', 'Typical', 'Range', 'Assumptions'],
    s.phases.map((p) => [p.label, p.branch === 'serial' ? 'in sequence' : `${p.branch} branch`, formatDuration(p.seconds), `${formatDuration(p.lowSeconds)}–${formatDuration(p.highSeconds)}`, [...p.assumptions.map((a) => `\`${a}\``), ...(p.fixed ? [p.fixed] : [])].join(' + ') || '—']),
  );
  const rpo = s.rpoSources.map((x) => `- RPO of ${x.store}: **${formatDuration(x.seconds)}**, ${x.mechanism}`).join('\n');
  const notes = s.notes.map((n) => `> **Note:** ${n}`).join('\n>\n');
  return [
    `### ${s.name}: ${formatUsd(s.drMonthlyCost)}/month, RTO ${formatDuration(s.rtoSeconds)}, RPO ${formatDuration(s.rpoSeconds)}`,
    `_${s.summary}._`,
    '',
    lineItems(s.lineItems),
    '',
    phases,
    '',
    rpo || '- No data stores: nothing to lose.',
    ...(notes ? ['', notes] : []),
  ].join('\n');
}

export function renderMarkdown(r: Report): string {
  const rec = r.strategies.find((s) => s.id === r.recommendation.strategy)!;
  const parts = [
    `# DR assessment: ${r.workload.name}`,
    '',
    `**Regions:** ${regionsLine(r)} · **Targets:** ${targetsLine(r)} · **Primary region cost:** ${formatUsd(r.primaryMonthlyCost)}/month`,
    '',
    `## Recommendation: ${rec.name}`,
    '',
    r.recommendation.reason,
    '',
    '**Why not the others**',
    '',
    ...r.recommendation.rejected.map((x) => `- ${x.reason}`),
    '',
    '## Comparison',
    '',
    comparisonTable(r),
    '',
    `RTO = detect + decide + max(data branch, compute branch) + traffic shift + validate; percentiles from ${r.monteCarlo.samples.toLocaleString('en-US')} Monte Carlo samples (seed ${r.monteCarlo.seed}).`,
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
    'Every strategy and variant, priced and timed the same way. An option is dominated when another costs no more and recovers no slower (RTO P90).',
    '',
    mermaidFrontier(r),
    '',
    frontierTable(r),
    '',
  ];
}

export function scenarioTable(r: Report): string {
  const head = ['Scenario', ...r.strategies.map((s) => s.name)];
  const rows = r.scenarios.map((sc) => [
    sc.name,
    ...r.strategies.map((s) => {
      const x = sc.strategies.find((y) => y.strategy === s.id)!;
      return `RTO ${formatDuration(x.rtoSeconds)} · RPO ${formatDuration(x.rpoSeconds)}`;
    }),
  ]);
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

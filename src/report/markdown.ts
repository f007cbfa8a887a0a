/** `--format markdown`: a report to paste into a design doc or a pull request; renders cleanly on GitHub. */
import type { Report, StrategyResult } from '../advisor/types';
import { formatDuration, formatPct, formatUsd } from '../text/format';
import { frontierTable, mermaidFrontier } from './frontier';
import { mdTable } from './markdown-table';
import { ANNUAL_HEAD, annualLine, annualRows, scenarioCell } from './annual';
import {
  chanceCell, comparisonRows, confidenceText, costCell, meetsCell, monthlyCell, pricingLine, quantityText, recommended, regionsLine, RTO_FORMULA, partsSentence, runsText, rpoCell, rtoCell,
  scenarioNotes as scenarioNoteLines, sourceTagLegend, targetsLine, unitPriceText, usedAssumptions, valueWithUnit, verdictLine,
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
      `${i.component}${i.estimated ? ' *' : ''}`, i.region, `${quantityText(i.quantity)} ${i.unit}`, unitPriceText(i.unitPrice), monthlyCell(i),
      `${i.price.source}, ${i.price.asOf}${i.price.sku ? `, SKU ${i.price.sku}` : ''}${i.estimated ? ' (estimated)' : ''}`,
    ]),
  );
}

/** Mermaid gantt task text: no `:` (it ends the name), `#` or `;`. */
const taskName = (t: string) => t.replace(/:/g, ' -').replace(/#/g, 'no. ').replace(/;/g, ',');

/**
 * A strategy's recovery as a Mermaid gantt of its typical phases: detect and decide, then the data and compute
 * branches side by side (each starts when the decision is taken; phases within a branch run one after another), then
 * traffic shift and validation once both branches are done. Its length is the sum of the typical phase values (the
 * longer branch counted), a reference beside the simulated median RTO, which the title also shows. Times are elapsed from the failure (00:00), on today's date in the viewer's time zone for
 * both the tasks and the axis, so the axis reads as elapsed time anywhere.
 */
export function mermaidRecovery(s: StrategyResult): string {
  const firstBranch = s.phases.findIndex((p) => p.branch !== 'serial');
  const lastBranch = s.phases.length - 1 - [...s.phases].reverse().findIndex((p) => p.branch !== 'serial');
  const before = s.phases.filter((p, i) => p.branch === 'serial' && (firstBranch < 0 || i < firstBranch));
  const after = firstBranch < 0 ? [] : s.phases.filter((p, i) => p.branch === 'serial' && i > lastBranch);
  const branch = (b: 'data' | 'compute') => s.phases.filter((p) => p.branch === b);
  let n = 0;
  const lines: string[] = [];
  let prev: string[] = [];
  const task = (label: string, seconds: number, deps: string[]) => {
    const id = `p${++n}`;
    const start = deps.length ? `after ${deps.join(' ')}` : '00:00:00';
    lines.push(`    ${taskName(label)} :${id}, ${start}, ${Math.max(1, Math.round(seconds))}s`);
    return id;
  };
  const serialSection = (title: string, phases: typeof s.phases) => {
    if (!phases.length) return;
    lines.push(`    section ${title}`);
    for (const p of phases) prev = [task(p.label, p.seconds, prev)];
  };
  serialSection('Detect and decide', before);
  const decided = prev;
  const ends: string[] = [];
  for (const [b, title] of [['data', 'Data branch'], ['compute', 'Compute branch']] as const) {
    const phases = branch(b);
    if (!phases.length) continue;
    // A branch of several parts: its shared phases first, then one section per part, the parts side by side.
    const parts = [...new Set(phases.flatMap((p) => (p.part === undefined ? [] : [p.part])))];
    if (parts.length < 2) {
      lines.push(`    section ${title}`);
      let chain = decided;
      for (const p of phases) chain = [task(p.label, p.seconds, chain)];
      ends.push(...chain);
      continue;
    }
    let shared = decided;
    const common = phases.filter((p) => p.part === undefined);
    if (common.length) {
      lines.push(`    section ${title}`);
      for (const p of common) shared = [task(p.label, p.seconds, shared)];
    }
    for (const part of parts) {
      lines.push(`    section ${taskName(`${title} - ${part}`)}`);
      let chain = shared;
      for (const p of phases.filter((x) => x.part === part)) chain = [task(p.label, p.seconds, chain)];
      ends.push(...chain);
    }
  }
  if (ends.length) prev = ends;
  serialSection('Shift traffic and validate', after);
  const typical = s.rtoTypicalSumSeconds;
  const longHaul = typical >= 6 * 3600;
  return [
    '```mermaid',
    'gantt',
    `    title ${s.name}: typical recovery, ${formatDuration(typical)} (median RTO ${formatDuration(s.rtoSeconds)})`.replace(/[#;]/g, ' '),
    '    dateFormat HH:mm:ss',
    `    axisFormat ${typical < 600 ? '%H:%M:%S' : '%H:%M'}`,
    ...(longHaul ? ['    tickInterval 1hour'] : []),
    ...lines,
    '```',
  ].join('\n');
}

function strategySection(s: StrategyResult): string {
  const phases = mdTable(
    ['Phase', 'Runs', 'Typical', 'Range', 'Assumptions'],
    s.phases.map((p) => [p.label, runsText(p, ''), formatDuration(p.seconds), `${formatDuration(p.lowSeconds)}–${formatDuration(p.highSeconds)}`, [...p.assumptions.map((a) => `\`${a}\``), ...(p.fixed ? [p.fixed] : [])].join(' + ') || '—']),
  );
  const rpo = s.rpoSources.map((x) => `- RPO of ${x.store}: typically **${formatDuration(x.seconds)}**, at most ${formatDuration(x.highSeconds)}: ${x.mechanism}`).join('\n');
  const notes = s.notes.map((n) => `> **Note:** ${n}`).join('\n>\n');
  return [
    `### ${s.name}: ${formatUsd(s.drMonthlyCost)}/month, RTO ${formatDuration(s.rtoSeconds)}, RPO ${formatDuration(s.rpoSeconds)}`,
    `_${s.summary}._`,
    '',
    lineItems(s.lineItems),
    '',
    mermaidRecovery(s),
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
    `${verdictLine(r)} ${RTO_FORMULA}, drawn per sample.${partsSentence(r)}`,
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
    ...(legend(r) ? [`_${legend(r)}_`, ''] : []),
    `_${pricingLine(r)}_`,
    '',
    `_${r.disclaimer}_`,
    '',
  ];
  return parts.join('\n');
}

function legend(r: Report): string | undefined {
  return sourceTagLegend(usedAssumptions(r).map((a) => a.source));
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
    'The chart numbers each option as the table under it does (RTO P90 on a log scale, left is faster; cost upwards); options too close to tell apart share one mark, labelled with all their numbers.',
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
  const notes = scenarioNoteLines(r).map((n) => `- **${n.scenario}:** ${n.text}.`);
  return notes.length ? [...notes, ''] : [];
}

export function assumptionsTable(r: Report): string {
  return mdTable(
    ['Assumption', 'Value', 'Range', 'Source'],
    usedAssumptions(r).map((a) => [`\`${a.name}\`${a.overridden ? ' (overridden)' : a.estimated ? ' (estimated)' : ''}`, valueWithUnit(a.value, a.unit), `${a.low}–${a.high}`, a.source]),
  );
}

export { mdCell, mdTable } from './markdown-table';

/**
 * The terminal renderer: the four strategies side by side, the recommendation and why, the pricing source.
 *
 * Width: with `width` (stdout is a terminal of that many columns) every line fits it: tables narrow their widest
 * columns and wrap their cells, the comparison table is stacked (one block per strategy) under 100 columns, and text
 * lines wrap. Without `width` (a pipe or a file) the full table is printed, unchanged.
 */
import type { Report, StrategyResult } from '../advisor/types';
import { formatDuration, formatPct, formatUsd } from '../text/format';
import { annualLine, scenarioCell } from './annual';
import {
  chanceCell, comparisonRows, confidenceText, costCell, meetsCell, monthlyCell, nameOf, pricingLine, quantityText, regionsLine, rpoCell, rtoCell, RTO_FORMULA, runsText, partsSentence, scenarioNotes,
  sourceTagLegend, targetsLine, unitPriceText, usedAssumptions, valueWithUnit, verdictLine,
} from './shared';
import { asciiFrontier } from './frontier';
import cliTable from './cli-table.lazy';
import { plainBox } from './plain-table';
import { makeStyle } from './style';
import { visibleWidth, wrapText } from '../text/wrap';

export { visibleWidth, wrapText };
import { modelOf } from '../strategies';

export interface RenderOptions {
  color: boolean;
  explain: boolean;
  /** The terminal's columns; undefined prints the full width (pipes, files). */
  width?: number;
}

/** A table cell: text, or text with a style applied to each of its lines once wrapped. */
export type Cell = string | { text: string; style: (s: string) => string };

export interface BoxOptions {
  color: boolean;
  width?: number;
  /** Stack the rows (one block each) when the terminal is narrower than this. */
  stackBelow?: number;
}

const cellText = (c: Cell): string => (typeof c === 'string' ? c : c.text);
const styled = (c: Cell, text: string): string => (typeof c === 'string' ? text : text.split('\n').map(c.style).join('\n'));

/** Text lines wrapped to the width, keeping each line's leading spaces; continuation lines indented 2 more. */
export function fitLines(lines: readonly string[], width: number | undefined): string[] {
  if (width === undefined) return [...lines];
  return lines.map((l) =>
    l
      .split('\n')
      .map((part) => {
        if (visibleWidth(part) <= width) return part;
        const lead = /^ */.exec(part)![0];
        return wrapText(part.slice(lead.length), width - lead.length, '  ')
          .split('\n')
          .map((x) => lead + x)
          .join('\n');
      })
      .join('\n'),
  );
}

function classic(head: string[], color: boolean) {
  return new (cliTable().Table)({
    head,
    style: { head: [], border: [], compact: false },
    chars: color ? undefined : { mid: '', 'left-mid': '', 'mid-mid': '', 'right-mid': '' },
  });
}

function render(head: string[], rows: Cell[][], color: boolean): string {
  if (!color) {
    const plain = plainBox(head, rows.map((r) => r.map(cellText)));
    if (plain !== undefined) return plain;
  }
  const c = makeStyle(color);
  const t = classic(color ? head.map((h) => c.cyan(h)) : head, color);
  for (const r of rows) t.push(r.map((cell) => styled(cell, cellText(cell))));
  return t.toString();
}

/** Each row as a block: its first cell, then `Head value` pairs, wrapped to the width. */
function stacked(head: string[], rows: Cell[][], width: number): string {
  return rows
    .map((r) => {
      const title = styled(r[0], cellText(r[0]).replace(/\n/g, ' '));
      const pairs = r.slice(1).map((cell, i) => `${head[i + 1]}: ${styled(cell, cellText(cell).replace(/\n/g, ' '))}`);
      return [title, ...fitLines([`    ${pairs.join(' · ')}`], width)].join('\n');
    })
    .join('\n');
}

/**
 * A box table that fits `width`: as it is when it fits; else, above `stackBelow`, the widest columns are narrowed and
 * their cells wrapped at spaces; else (or when even that cannot fit) one block per row.
 */
export function boxTable(head: string[], rows: Cell[][], opts: BoxOptions): string {
  const { width } = opts;
  if (width === undefined) return render(head, rows, opts.color);
  const cols = head.length;
  const lines = (c: Cell) => cellText(c).split('\n');
  const natural = head.map((h, i) => Math.max(visibleWidth(h), ...rows.map((r) => Math.max(...lines(r[i]).map(visibleWidth)))));
  const frame = cols + 1 + 2 * cols; // borders, and one space of padding each side
  if (natural.reduce((a, b) => a + b, 0) + frame <= width) return render(head, rows, opts.color);
  if (opts.stackBelow !== undefined && width < opts.stackBelow) return stacked(head, rows, width);
  const longestWord = (i: number) => Math.max(...[head[i], ...rows.map((r) => cellText(r[i]))].flatMap((t) => t.split(/[\s]+/)).map(visibleWidth));
  const min = natural.map((n, i) => Math.min(n, Math.max(4, Math.min(longestWord(i), 16))));
  const w = [...natural];
  const room = width - frame;
  while (w.reduce((a, b) => a + b, 0) > room) {
    let widest = -1;
    for (let i = 0; i < cols; i++) if (w[i] > min[i] && (widest < 0 || w[i] > w[widest])) widest = i;
    if (widest < 0) return stacked(head, rows, width);
    w[widest]--;
  }
  const wrap = (c: Cell, i: number): Cell => {
    const text = cellText(c).split('\n').map((l) => wrapText(l, w[i])).join('\n');
    return typeof c === 'string' ? text : { text, style: c.style };
  };
  return render(head.map((h, i) => wrapText(h, w[i])), rows.map((r) => r.map(wrap)), opts.color);
}

export function renderTable(r: Report, opts: RenderOptions): string {
  const c = makeStyle(opts.color);
  const out: string[] = [];
  out.push(c.bold(`${r.workload.name}`) + `  ${regionsLine(r)}  ·  ${targetsLine(r)}`);
  out.push(`Primary region (${r.workload.regions.primary}) runs at ${formatUsd(r.primaryMonthlyCost)}/month; DR cost below is on top of that.`);
  const annual = r.strategies.some((s) => s.totalAnnualCost !== null);
  const conf = confidenceText(r);
  const head = ['Strategy', 'DR cost/month', `RTO P50 (at ${conf})`, `RPO P50 (at ${conf})`, 'P(RTO / RPO ≤ target)', ...(annual ? ['Expected loss/yr', 'Total/yr'] : []), 'Meets targets'];
  const rows: Cell[][] = comparisonRows(r).map((s) => {
    const rec = s.id === r.recommendation.strategy;
    const name: Cell = rec ? { text: `▶ ${s.name}`, style: (t) => c.bold.green(t) } : `  ${s.name}`;
    const meets: Cell = { text: meetsCell(s), style: (t) => (s.meetsTargets ? c.green(t) : c.red(t)) };
    return [
      name, costCell(s), rtoCell(s), rpoCell(s), chanceCell(s),
      ...(annual ? [formatUsd(s.expectedAnnualLoss ?? 0), formatUsd(s.totalAnnualCost ?? 0)] : []), meets,
    ];
  });
  out.push(boxTable(head, rows, { color: opts.color, width: opts.width, stackBelow: 100 }));
  out.push(c.dim(verdictLine(r)));
  out.push(`${c.bold('Recommendation:')} ${c.bold(nameOf(r, r.recommendation.strategy))}. ${r.recommendation.reason}`);
  for (const n of r.recommendation.notDominating) out.push(`  ${c.yellow('Frontier:')} ${n.reason}`);
  for (const n of r.recommendation.notes) out.push(`  ${c.yellow('Note:')} ${n}`);
  out.push(c.bold('Why not the others:'));
  for (const rej of r.recommendation.rejected) out.push(`  - ${rej.reason}`);
  for (const b of r.breakEven) if (b.downtimeCostPerHour !== null) out.push(`${c.dim('Break-even:')} ${b.sentence}`);
  for (const n of r.notes) out.push(`${c.yellow('Cost order:')} ${n}`);
  const pareto = r.frontier.filter((p) => p.pareto && p.sameAs === null).map((p) => p.name);
  if (pareto.length) out.push(`${c.dim(`Pareto-optimal on cost vs RTO at ${conf}:`)} ${pareto.join('; ')} (--explain draws the frontier).`);
  if (!opts.explain) {
    // The strategies whose model puts its first note in the headline ("manual detection dominates").
    for (const s of r.strategies) if (modelOf(s.id)?.headlineNote && s.notes.length) out.push(`${c.yellow('Note:')} ${s.name}: ${s.notes[0]}.`);
    const risky = r.strategies.filter((s) => s.notes.some((n) => n.startsWith('capacity risk')));
    if (risky.length) out.push(`${c.yellow('Capacity risk:')} ${risky.map((s) => s.name).join(', ')}: ${risky[0].notes.find((n) => n.startsWith('capacity risk'))!.replace(/^capacity risk: /, '')}.`);
  }
  if (opts.explain) out.push(...explain(r, c, opts.width));
  out.push(c.dim(pricingLine(r)));
  out.push(c.dim(`${r.disclaimer}${opts.explain ? '' : ' Run with --explain for phases, line items and assumptions.'}`));
  return fitLines(out, opts.width).join('\n') + '\n';
}

function explain(r: Report, c: ReturnType<typeof makeStyle>, width: number | undefined): string[] {
  const out: string[] = [''];
  out.push(c.bold(`Primary region (${r.workload.regions.primary}): ${formatUsd(r.primaryMonthlyCost)}/month`));
  out.push(lineItemTable(r.primaryLineItems, width));
  out.push('', c.bold(`${r.noDr.name}: ${r.noDr.summary}`), `RTO P50 ${formatDuration(r.noDr.rtoSeconds)} (at ${confidenceText(r)} ${formatDuration(r.noDr.rto.atConfidence)}) · RPO 0: ${r.noDr.note}.`);
  out.push('', `Recovery phases below: ${RTO_FORMULA}, drawn per sample; the workload RPO is the worst store per sample.${partsSentence(r)}`);
  for (const s of r.strategies) out.push(...explainStrategy(s, c, width));
  if (r.frontier.length) {
    out.push(c.bold(`Cost versus RTO at ${confidenceText(r)} confidence: strategies and variants`));
    out.push(asciiFrontier(r, width === undefined ? 56 : Math.max(20, Math.min(56, width - 14))));
    out.push('');
  }
  out.push(c.bold('Disruption scenarios (medians; events a year)'));
  out.push(boxTable(['Scenario', ...r.strategies.map((s) => s.name)], r.scenarios.map((sc) => [`${sc.name}\n${sc.eventsPerYear}/yr`, ...r.strategies.map((s) => scenarioCell(sc, s.id).replace(' · ', '\n'))]), { color: false, width }));
  out.push(...scenarioNotes(r).map((n) => `${n.scenario}: ${n.text}.`), '');
  out.push(c.bold('Assumptions used (override any in the workload file under `assumptions:`)'));
  const assumptions = usedAssumptions(r);
  const rows = assumptions.map((a) => [`${a.name}${a.estimated ? ' (estimated)' : ''}`, valueWithUnit(a.value, a.unit), `${a.low}–${a.high}`, wrap(a.source, 70)]);
  out.push(boxTable(['Name', 'Value', 'Range', 'Source'], rows, { color: false, width }));
  const legend = sourceTagLegend(assumptions.map((a) => a.source));
  if (legend) out.push(c.dim(legend));
  return out;
}

function explainStrategy(s: StrategyResult, c: ReturnType<typeof makeStyle>, width: number | undefined): string[] {
  const out: string[] = [''];
  out.push(c.bold(`${s.name} — ${s.summary}`));
  const pct = formatPct(s.rto.confidence);
  out.push(
    `DR cost ${formatUsd(s.drMonthlyCost)}/month · RTO P50 ${formatDuration(s.rtoSeconds)} (${s.rtoCategory}; at ${pct} ${formatDuration(s.rto.atConfidence)}, P99 ${formatDuration(s.rto.p99)}; typical values sum to ${formatDuration(s.rtoTypicalSumSeconds)}, a reference only) · RPO P50 ${formatDuration(s.rpoSeconds)} (${s.rpoCategory}; at ${pct} ${formatDuration(s.rpo.atConfidence)})`,
  );
  out.push(lineItemTable(s.lineItems, width));
  const phases = s.phases.map((p) => [p.label, runsText(p, ' (parallel)'), formatDuration(p.seconds), `${formatDuration(p.lowSeconds)}–${formatDuration(p.highSeconds)}`, [...p.assumptions, ...(p.fixed ? [p.fixed] : [])].join(' + ') || '—']);
  out.push(boxTable(['Recovery phase', 'Runs', 'Typical', 'Range', 'From'], phases, { color: false, width }));
  for (const r of s.rpoSources) out.push(`RPO ${r.store}: typically ${formatDuration(r.seconds)}, at most ${formatDuration(r.highSeconds)} — ${r.mechanism} (${[...r.assumptions, ...(r.fixed ? [r.fixed] : [])].join(' + ')})`);
  out.push(annualLine(s));
  for (const n of s.notes) out.push(`${c.yellow('Note:')} ${n}`);
  return out;
}

function lineItemTable(items: Report['primaryLineItems'], width: number | undefined): string {
  const rows = items.map((i) => [
    `${i.component}${i.estimated ? '*' : ''}`, i.region, `${quantityText(i.quantity)} ${i.unit}`, unitPriceText(i.unitPrice), monthlyCell(i),
    `${i.price.source} ${i.price.asOf}${i.estimated ? ' (estimated)' : ''}`,
  ]);
  return boxTable(['Component', 'Region', 'Quantity', 'Unit price', 'Monthly', 'Price source'], rows, { color: false, width });
}

function wrap(text: string, width: number): string {
  const words = text.split(' ');
  const lines: string[] = [];
  let cur = '';
  for (const w of words) {
    if ((cur + ' ' + w).trim().length > width) {
      lines.push(cur.trim());
      cur = w;
    } else cur += ' ' + w;
  }
  if (cur.trim()) lines.push(cur.trim());
  return lines.join('\n');
}

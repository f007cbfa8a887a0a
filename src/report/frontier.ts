/**
 * The cost-versus-RTO frontier, drawn: a plain-text scatter for the terminal (RTO at the stated confidence on a log axis, since options
 * range from minutes to hours) and a Mermaid quadrant chart for Markdown, its points numbered as in the frontier table
 * (names would collide and clip). Pure text; no colour here.
 */
import type { FrontierEntry, Report } from '../advisor/types';
import { formatDuration, formatPct, formatUsd } from '../text/format';
import { mdTable } from './markdown-table';

const LABELS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';

/** Points worth plotting: variants identical to a base strategy are left out. */
export function plottedPoints(r: Report): FrontierEntry[] {
  return r.frontier.filter((p) => p.sameAs === null);
}

export function asciiFrontier(r: Report, width = 56, height = 12): string {
  const pts = plottedPoints(r);
  if (pts.length === 0) return '';
  const xs = pts.map((p) => Math.log10(Math.max(p.rtoAtConfidence, 1)));
  const ys = pts.map((p) => p.cost);
  const [x0, x1] = [Math.min(...xs), Math.max(...xs)];
  const [y0, y1] = [Math.min(...ys), Math.max(...ys)];
  const grid = Array.from({ length: height }, () => Array.from({ length: width }, () => ' '));
  pts.forEach((p, i) => {
    const cx = x1 > x0 ? Math.round(((xs[i] - x0) / (x1 - x0)) * (width - 1)) : 0;
    const cy = y1 > y0 ? height - 1 - Math.round(((ys[i] - y0) / (y1 - y0)) * (height - 1)) : height - 1;
    const cell = grid[cy][cx];
    grid[cy][cx] = cell === ' ' ? LABELS[i] : '+';
  });
  const yLabel = (v: number) => formatUsd(v).padStart(10);
  const lines = grid.map((row, i) => {
    const label = i === 0 ? yLabel(y1) : i === height - 1 ? yLabel(y0) : ' '.repeat(10);
    return `${label} │${row.join('')}`;
  });
  lines.push(`${' '.repeat(10)} └${'─'.repeat(width)}`);
  const left = formatDuration(10 ** x0);
  const right = formatDuration(10 ** x1);
  lines.push(`${' '.repeat(12)}${left}${' '.repeat(Math.max(1, width - left.length - right.length))}${right}`);
  const conf = formatPct(r.targets.confidence);
  lines.push(`${' '.repeat(12)}DR cost/month (up) vs RTO at ${conf} confidence (right, log scale); + marks overlapping points`);
  pts.forEach((p, i) => {
    const mark = p.pareto ? 'Pareto-optimal' : `dominated by ${nameOf(r, p.dominatedBy!)}`;
    lines.push(`  ${LABELS[i]}  ${p.name}: ${formatUsd(p.cost)}/month, RTO at ${conf} ${formatDuration(p.rtoAtConfidence)} — ${mark}`);
  });
  return lines.join('\n');
}

function nameOf(r: Report, id: string): string {
  return r.frontier.find((p) => p.id === id)?.name ?? id;
}

function coord(v: number): string {
  const c = Math.min(1, Math.max(0, v));
  return (Math.round(c * 100) / 100).toFixed(2);
}

/** A point of the Mermaid frontier: one mark, labelled with the numbers of the options it stands for. */
export interface ChartMark {
  numbers: number[];
  x: number;
  y: number;
}

/**
 * Label geometry of Mermaid's quadrant chart (500 × 500 px by default, about 440 px of plot; point labels are
 * 12-px text centred under the mark), in plot units (0–1), with a margin: what two labels need not to touch.
 */
const LABEL = { charWidth: 8 / 440, height: 20 / 440, gap: 6 / 440 };
const labelText = (numbers: readonly number[]) => numbers.join(', ');
const labelWidth = (numbers: readonly number[]) => labelText(numbers).length * LABEL.charWidth + LABEL.gap;

function collide(a: ChartMark, b: ChartMark): boolean {
  return Math.abs(a.x - b.x) * 2 < labelWidth(a.numbers) + labelWidth(b.numbers) && Math.abs(a.y - b.y) < LABEL.height + LABEL.gap;
}

/**
 * The marks of the frontier chart: each plotted option is numbered (1, 2, … in `plottedPoints` order, as in the
 * frontier table) and placed at its RTO at the stated confidence (log scale) and cost, mapped into [0.05, 0.95]; options whose labels would
 * overlap share one mark at their mean position, labelled with all their numbers ("8, 9"), until no two labels touch.
 */
export function frontierMarks(r: Report): ChartMark[] {
  const pts = plottedPoints(r);
  if (pts.length === 0) return [];
  const xs = pts.map((p) => Math.log10(Math.max(p.rtoAtConfidence, 1)));
  const [x0, x1] = [Math.min(...xs), Math.max(...xs)];
  const costs = pts.map((p) => p.cost);
  const [y0, y1] = [Math.min(...costs), Math.max(...costs)];
  const sx = (x: number) => 0.05 + (x1 > x0 ? ((x - x0) / (x1 - x0)) * 0.9 : 0.45);
  const sy = (y: number) => 0.05 + (y1 > y0 ? ((y - y0) / (y1 - y0)) * 0.9 : 0.45);
  let marks: (ChartMark & { members: { x: number; y: number }[] })[] = pts.map((p, i) => {
    const at = { x: sx(xs[i]), y: sy(p.cost) };
    return { numbers: [i + 1], ...at, members: [at] };
  });
  for (let merged = true; merged; ) {
    merged = false;
    outer: for (let i = 0; i < marks.length; i++) {
      for (let j = i + 1; j < marks.length; j++) {
        if (!collide(marks[i], marks[j])) continue;
        const members = [...marks[i].members, ...marks[j].members];
        const mean = (k: 'x' | 'y') => members.reduce((sum, m) => sum + m[k], 0) / members.length;
        marks[i] = { numbers: [...marks[i].numbers, ...marks[j].numbers].sort((a, b) => a - b), x: mean('x'), y: mean('y'), members };
        marks = marks.filter((_, k) => k !== j);
        merged = true;
        break outer;
      }
    }
  }
  return marks.map(({ numbers, x, y }) => ({ numbers, x, y }));
}

/** Mermaid quoted text: no double quotes inside. */
const quoted = (t: string) => `"${t.replace(/"/g, "'")}"`;

export function mermaidFrontier(r: Report): string {
  const pts = plottedPoints(r);
  const rto = pts.map((p) => p.rtoAtConfidence);
  const cost = pts.map((p) => p.cost);
  const lines = [
    '```mermaid',
    'quadrantChart',
    `    title DR cost per month vs RTO P${Math.round(r.targets.confidence * 100)}`,
    `    x-axis ${quoted(`faster: ${formatDuration(Math.min(...rto))}`)} --> ${quoted(`slower: ${formatDuration(Math.max(...rto))}`)}`,
    `    y-axis ${quoted(`cheaper: ${formatUsd(Math.min(...cost))}/month`)} --> ${quoted(`costlier: ${formatUsd(Math.max(...cost))}/month`)}`,
    ...frontierMarks(r).map((m) => `    ${quoted(labelText(m.numbers))}: [${coord(m.x)}, ${coord(m.y)}]`),
    '```',
  ];
  return lines.join('\n');
}

/** The number each frontier entry has in the chart: its own, or that of the option it is the same as. */
export function frontierNumbers(r: Report): Map<string, number> {
  const numbers = new Map(plottedPoints(r).map((p, i) => [p.id, i + 1] as const));
  for (const p of r.frontier) if (p.sameAs !== null && numbers.has(p.sameAs)) numbers.set(p.id, numbers.get(p.sameAs)!);
  return numbers;
}

export function frontierTable(r: Report): string {
  const numbers = frontierNumbers(r);
  return mdTable(
    ['#', 'Option', 'DR cost/month', `RTO at ${formatPct(r.targets.confidence)}`, 'Frontier'],
    r.frontier.map((p) => [
      String(numbers.get(p.id) ?? ''),
      p.name,
      formatUsd(p.cost),
      formatDuration(p.rtoAtConfidence),
      p.sameAs ? `same as ${nameOf(r, p.sameAs)}` : p.pareto ? '**Pareto-optimal**' : `dominated by ${nameOf(r, p.dominatedBy!)}`,
    ]),
  );
}

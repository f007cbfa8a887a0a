/**
 * The cost-versus-RTO frontier, drawn: a plain-text scatter for the terminal (RTO at the stated confidence on a log axis, since options
 * range from minutes to hours) and a Mermaid quadrant chart for Markdown. Pure text; no colour here.
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

/** Mermaid's quadrant grammar takes letters, digits, spaces and hyphens in names, and coordinates 0, 0.x or 1. */
function mermaidName(name: string): string {
  return name.replace(/&/g, 'and').replace(/%/g, ' pct').replace(/[^A-Za-z0-9 -]/g, ' ').replace(/\s+/g, ' ').trim();
}
function coord(v: number): string {
  const c = Math.min(1, Math.max(0, v));
  if (c >= 0.995) return '1';
  return (Math.round(c * 100) / 100).toFixed(2).replace(/^1\.00$/, '1');
}

export function mermaidFrontier(r: Report): string {
  const pts = plottedPoints(r);
  const xs = pts.map((p) => Math.log10(Math.max(p.rtoAtConfidence, 1)));
  const [x0, x1] = [Math.min(...xs), Math.max(...xs)];
  const costs = pts.map((p) => p.cost);
  const [y0, y1] = [Math.min(...costs), Math.max(...costs)];
  // Keep points off the border so labels stay readable: map into [0.05, 0.95].
  const sx = (x: number) => 0.05 + (x1 > x0 ? ((x - x0) / (x1 - x0)) * 0.9 : 0.45);
  const sy = (y: number) => 0.05 + (y1 > y0 ? ((y - y0) / (y1 - y0)) * 0.9 : 0.45);
  const lines = [
    '```mermaid',
    'quadrantChart',
    `    title DR cost per month vs RTO P${Math.round(r.targets.confidence * 100)}`,
    '    x-axis Faster recovery --> Slower recovery',
    '    y-axis Lower cost --> Higher cost',
    '    quadrant-1 Costly and slow',
    '    quadrant-2 Costly and fast',
    '    quadrant-3 Cheap and fast',
    '    quadrant-4 Cheap and slow',
    ...pts.map((p, i) => `    ${mermaidName(p.name)}: [${coord(sx(xs[i]))}, ${coord(sy(p.cost))}]`),
    '```',
  ];
  return lines.join('\n');
}

export function frontierTable(r: Report): string {
  return mdTable(
    ['Option', 'DR cost/month', `RTO at ${formatPct(r.targets.confidence)}`, 'Frontier'],
    r.frontier.map((p) => [
      p.name,
      formatUsd(p.cost),
      formatDuration(p.rtoAtConfidence),
      p.sameAs ? `same as ${nameOf(r, p.sameAs)}` : p.pareto ? '**Pareto-optimal**' : `dominated by ${nameOf(r, p.dominatedBy!)}`,
    ]),
  );
}

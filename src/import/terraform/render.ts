/**
 * Words and layout of an import: the commented workload YAML (the `yaml` library's Document API, as
 * src/workload/template.ts does) and the summary printed on stderr. Deterministic: no date, no absolute path. Pure.
 */
import { Document, isMap, isScalar, isSeq, type Node, type Pair } from 'yaml';
import type { ImportResult, ImportSummary, SkipReason } from './types';

/** Comment lines end by column 118 (`# ` and 116 characters at the left margin). */
const WIDTH = 116;

/** Word-wraps comment text for a comment indented by `indent` columns; each line starts with a space (`# text`). */
function commentLines(text: string, indent = 0): string {
  const width = Math.max(40, WIDTH - indent);
  const out: string[] = [];
  for (const para of text.split('\n')) {
    let line = '';
    for (const word of para.split(' ')) {
      if (line && line.length + 1 + word.length > width) {
        out.push(line);
        line = word;
      } else line = line ? `${line} ${word}` : word;
    }
    out.push(line);
  }
  return out.map((l) => ` ${l}`).join('\n');
}

function attach(doc: Document, path: string, text: string): void {
  let node: unknown = doc.contents;
  const parts = path.split('.');
  const indent = 2 * (parts.length - 1);
  for (let i = 0; i < parts.length; i++) {
    const last = i === parts.length - 1;
    if (isSeq(node)) {
      const item = node.items[Number(parts[i])] as Node | undefined;
      if (!item) return;
      if (last) item.commentBefore = commentLines(text, indent);
      node = item;
    } else if (isMap(node)) {
      const pair = (node.items as Pair[]).find((p) => isScalar(p.key) && p.key.value === parts[i]);
      if (!pair || !isScalar(pair.key)) return;
      if (last) pair.key.commentBefore = commentLines(text, indent);
      node = pair.value;
    } else return;
  }
}

const TRAILER = [
  'Not read from the plan, so not set here (a plan says what runs, not what recovery must achieve):',
  '  targets: the RTO, RPO and monthly DR budget, from your business impact analysis, e.g.',
  '    targets: { rto: 1h, rpo: 15m, maxMonthlyCost: 1500 }',
  '  business: what an hour of downtime and an hour of lost data cost, for the expected annual loss, e.g.',
  '    business: { downtimeCostPerHour: 20000, dataLossCostPerHour: 5000 }',
  '`dr-advisor check` flags (--rto, --rpo, --max-monthly-cost) set targets without editing this file.',
];

function kindWords(s: ImportSummary['source']): string {
  const parts = [`Terraform ${s.kind}`, `format ${s.formatVersion}`];
  if (s.terraformVersion) parts.push(`Terraform ${s.terraformVersion}`);
  return parts.join(', ');
}

/** The commented workload YAML of an import. */
export function renderImportYaml(result: ImportResult): string {
  const doc = new Document(result.workload);
  const s = result.summary.source;
  doc.commentBefore = commentLines(
    [
      `dr-advisor workload, imported from ${s.file} by \`dr-advisor import terraform\``,
      `(${kindWords(s)}).`,
      "Values marked DEFAULT were not read from the plan: measure them and edit this file. Fields left out take dr-advisor's defaults (dr-advisor schema workload).",
      'Check it with: dr-advisor estimate -f <this file>',
    ].join('\n'),
  );
  for (const [path, text] of Object.entries(result.comments)) attach(doc, path, text);
  doc.comment = TRAILER.map((l) => ` ${l}`).join('\n');
  return doc.toString({ lineWidth: 0 });
}

const GROUPS: { reason: SkipReason; title: (n: number) => string; byType: boolean }[] = [
  { reason: 'no-cost', title: (n) => `${n} with no cost of their own (configuration)`, byType: true },
  { reason: 'not-modelled', title: (n) => `${n} not modelled by dr-advisor`, byType: true },
  { reason: 'other-provider', title: (n) => `${n} from another provider`, byType: true },
  { reason: 'data-source', title: (n) => `${n} data source${n === 1 ? '' : 's'}`, byType: true },
  { reason: 'deleted', title: (n) => `${n} deleted by the plan`, byType: false },
  { reason: 'unknown', title: (n) => `${n} unknown at plan time`, byType: false },
  { reason: 'no-region', title: (n) => `${n} with no readable region`, byType: false },
  { reason: 'region-not-priced', title: (n) => `${n} in a region dr-advisor does not price`, byType: false },
  { reason: 'outside-primary', title: (n) => `${n} outside the primary region`, byType: false },
  { reason: 'unused', title: (n) => `${n} not used by what was imported`, byType: false },
];

const MAX_LINES = 12;

/** The summary on stderr: what was read, what was defaulted, what was skipped and why (grouped). */
export function renderImportSummary(summary: ImportSummary): string {
  const lines: string[] = [];
  const n = summary.resources;
  lines.push(`Imported ${summary.source.file} (${kindWords(summary.source)}): ${n} resource${n === 1 ? '' : 's'}`);
  const readCount = summary.read.reduce((s, r) => s + r.instances, 0);
  lines.push(`  read: ${readCount}`);
  for (const r of summary.read.slice(0, 40)) lines.push(`    ∙ ${r.address}${r.instances > 1 ? ` (${r.instances} instances)` : ''} → ${r.as}`);
  if (summary.read.length > 40) lines.push(`    ∙ … and ${summary.read.length - 40} more`);
  if (summary.defaulted.length) {
    lines.push(`  defaulted, not in the plan (measure and edit): ${summary.defaulted.length}`);
    for (const d of summary.defaulted) lines.push(`    ∙ ${d.field} = ${d.value}: ${d.why}; measure: ${d.measure}`);
  }
  const skipped = summary.skipped.length;
  lines.push(`  ${skipped} resource${skipped === 1 ? '' : 's'} skipped${skipped ? ':' : ''}`);
  for (const g of GROUPS) {
    const items = summary.skipped.filter((s) => s.reason === g.reason);
    if (!items.length) continue;
    lines.push(`    ∙ ${g.title(items.length)}:`);
    if (g.byType) {
      // By type, as Infracost does ("2 x aws_nat_gateway"); a resource with a specific reason is listed on its own.
      const counts = new Map<string, number>();
      for (const s of items) if (!s.detail || g.reason === 'other-provider' || g.reason === 'data-source') counts.set(s.type, (counts.get(s.type) ?? 0) + 1);
      const sorted = [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
      for (const [type, c] of sorted.slice(0, MAX_LINES)) lines.push(`        ∙ ${c} x ${type}`);
      if (sorted.length > MAX_LINES) lines.push(`        ∙ … and ${sorted.length - MAX_LINES} more types`);
      const detailed = items.filter((s) => s.detail && g.reason !== 'other-provider' && g.reason !== 'data-source');
      for (const s of detailed.slice(0, MAX_LINES)) lines.push(`        ∙ ${s.address}: ${s.detail}`);
      if (detailed.length > MAX_LINES) lines.push(`        ∙ … and ${detailed.length - MAX_LINES} more`);
    } else {
      for (const s of items.slice(0, MAX_LINES)) lines.push(`        ∙ ${s.address}${s.detail ? `: ${s.detail}` : ''}`);
      if (items.length > MAX_LINES) lines.push(`        ∙ … and ${items.length - MAX_LINES} more`);
    }
  }
  if (summary.notes.length) {
    lines.push('  notes:');
    for (const note of summary.notes) lines.push(`    ∙ ${note}`);
  }
  return `${lines.join('\n')}\n`;
}

/** One line for `estimate -f plan.json` / `check -f plan.json`: what the import defaulted and skipped. */
export function importOneLine(summary: ImportSummary): string {
  const d = summary.defaulted.length;
  const s = summary.skipped.length;
  return `${summary.source.file}: workload imported from a ${kindWords(summary.source)}; ${d} value${d === 1 ? '' : 's'} defaulted (not in the plan), ${s} resource${s === 1 ? '' : 's'} skipped; \`dr-advisor import terraform ${summary.source.file}\` shows them`;
}

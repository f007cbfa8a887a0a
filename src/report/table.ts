/** The terminal renderer: the four strategies side by side, the recommendation and why, the pricing source. */
import Table from 'cli-table3';
import type { Report, StrategyResult } from '../advisor/types';
import { formatDuration, formatUsd } from '../text/format';
import { chanceCell, costCell, meetsCell, monthlyCell, nameOf, pricingLine, quantityText, regionsLine, rtoCell, targetsLine, unitPriceText } from './shared';
import { asciiFrontier } from './frontier';
import { makeStyle } from './style';
import { modelOf } from '../strategies';

export interface RenderOptions {
  color: boolean;
  explain: boolean;
}

function table(head: string[], color: boolean): Table.Table {
  return new Table({
    head,
    style: { head: color ? ['cyan'] : [], border: color ? ['grey'] : [], compact: false },
    chars: color ? undefined : { mid: '', 'left-mid': '', 'mid-mid': '', 'right-mid': '' },
  });
}

export function renderTable(r: Report, opts: RenderOptions): string {
  const c = makeStyle(opts.color);
  const out: string[] = [];
  out.push(c.bold(`${r.workload.name}`) + `  ${regionsLine(r)}  ·  ${targetsLine(r)}`);
  out.push(`Primary region (${r.workload.regions.primary}) runs at ${formatUsd(r.primaryMonthlyCost)}/month; DR cost below is on top of that.`);
  const annual = r.strategies.some((s) => s.totalAnnualCost !== null);
  const head = ['Strategy', 'DR cost/month', 'RTO (P90)', 'RPO', 'P(RTO ≤ target)', ...(annual ? ['Expected loss/yr', 'Total/yr'] : []), 'Meets targets'];
  const t = table(head, opts.color);
  for (const s of r.strategies) {
    const rec = s.id === r.recommendation.strategy;
    const name = rec ? c.bold.green(`▶ ${s.name}`) : `  ${s.name}`;
    const meets = s.meetsTargets ? c.green(meetsCell(s)) : c.red(meetsCell(s));
    t.push([
      name, costCell(s), rtoCell(s), formatDuration(s.rpoSeconds), chanceCell(s),
      ...(annual ? [formatUsd(s.expectedAnnualLoss ?? 0), formatUsd(s.totalAnnualCost ?? 0)] : []), meets,
    ]);
  }
  out.push(t.toString());
  out.push(`${c.bold('Recommendation:')} ${c.bold(nameOf(r, r.recommendation.strategy))}. ${r.recommendation.reason}`);
  out.push(c.bold('Why not the others:'));
  for (const rej of r.recommendation.rejected) out.push(`  - ${rej.reason}`);
  for (const b of r.breakEven) if (b.downtimeCostPerHour !== null) out.push(`${c.dim('Break-even:')} ${b.sentence}`);
  const pareto = r.frontier.filter((p) => p.pareto && p.sameAs === null).map((p) => p.name);
  if (pareto.length) out.push(`${c.dim('Pareto-optimal on cost vs RTO P90:')} ${pareto.join('; ')} (--explain draws the frontier).`);
  if (!opts.explain) {
    // The strategy whose model puts its first note in the headline (warm standby: "manual detection dominates").
    const headline = r.strategies.find((s) => modelOf(s.id)?.headlineNote && s.notes.length);
    if (headline) out.push(`${c.yellow('Note:')} ${headline.name}: ${headline.notes[0]}.`);
  }
  if (opts.explain) out.push(...explain(r, c));
  out.push(c.dim(pricingLine(r)));
  out.push(c.dim(`${r.disclaimer}${opts.explain ? '' : ' Run with --explain for phases, line items and assumptions.'}`));
  return out.join('\n') + '\n';
}

function explain(r: Report, c: ReturnType<typeof makeStyle>): string[] {
  const out: string[] = [''];
  out.push(c.bold(`Primary region (${r.workload.regions.primary}): ${formatUsd(r.primaryMonthlyCost)}/month`));
  out.push(lineItemTable(r.primaryLineItems, false));
  for (const s of r.strategies) out.push(...explainStrategy(s, c));
  if (r.frontier.length) {
    out.push(c.bold('Cost versus RTO P90: strategies and variants'));
    out.push(asciiFrontier(r));
    out.push('');
  }
  out.push(c.bold('Disruption scenarios'));
  const st = table(['Scenario', ...r.strategies.map((s) => s.name)], false);
  for (const sc of r.scenarios) {
    st.push([sc.name, ...r.strategies.map((s) => {
      const x = sc.strategies.find((y) => y.strategy === s.id)!;
      return `RTO ${formatDuration(x.rtoSeconds)}\nRPO ${formatDuration(x.rpoSeconds)}`;
    })]);
  }
  out.push(st.toString());
  const scNotes = new Set(r.scenarios.filter((sc) => sc.id !== 'region-outage').flatMap((sc) => sc.strategies.map((x) => `${sc.name}: ${x.note}.`)));
  out.push(...scNotes, '');
  out.push(c.bold('Assumptions used (override any in the workload file under `assumptions:`)'));
  const seen = new Map<string, StrategyResult['assumptions'][number]>();
  for (const s of r.strategies) for (const a of s.assumptions) seen.set(a.name, a);
  const t = table(['Name', 'Value', 'Range', 'Source'], false);
  for (const a of [...seen.values()].sort((x, y) => x.name.localeCompare(y.name))) {
    t.push([`${a.name}${a.estimated ? ' (estimated)' : ''}`, `${a.value} ${a.unit}`, `${a.low}–${a.high}`, wrap(a.source, 70)]);
  }
  out.push(t.toString());
  return out;
}

function explainStrategy(s: StrategyResult, c: ReturnType<typeof makeStyle>): string[] {
  const out: string[] = [''];
  out.push(c.bold(`${s.name} — ${s.summary}`));
  out.push(`DR cost ${formatUsd(s.drMonthlyCost)}/month · RTO ${formatDuration(s.rtoSeconds)} (${s.rtoCategory}; P50 ${formatDuration(s.rto.p50)}, P90 ${formatDuration(s.rto.p90)}, P99 ${formatDuration(s.rto.p99)}) · RPO ${formatDuration(s.rpoSeconds)} (${s.rpoCategory})`);
  out.push(lineItemTable(s.lineItems, false));
  const t = table(['Recovery phase', 'Runs', 'Typical', 'Range', 'From'], false);
  for (const p of s.phases) {
    t.push([p.label, p.branch === 'serial' ? 'in sequence' : `${p.branch} branch (parallel)`, formatDuration(p.seconds), `${formatDuration(p.lowSeconds)}–${formatDuration(p.highSeconds)}`, [...p.assumptions, ...(p.fixed ? [p.fixed] : [])].join(' + ') || '—']);
  }
  out.push(t.toString());
  out.push('RTO = detect + decide + max(data branch, compute branch) + traffic shift + validate.');
  for (const r of s.rpoSources) out.push(`RPO ${r.store}: ${formatDuration(r.seconds)} — ${r.mechanism} (${[...r.assumptions, ...(r.fixed ? [r.fixed] : [])].join(' + ')})`);
  for (const n of s.notes) out.push(`${c.yellow('Note:')} ${n}`);
  return out;
}

function lineItemTable(items: Report['primaryLineItems'], color: boolean): string {
  const t = table(['Component', 'Region', 'Quantity', 'Unit price', 'Monthly', 'Price source'], color);
  for (const i of items) {
    t.push([
      `${i.component}${i.estimated ? '*' : ''}`, i.region, `${quantityText(i.quantity)} ${i.unit}`, unitPriceText(i.unitPrice), monthlyCell(i),
      `${i.price.source} ${i.price.asOf}${i.estimated ? ' (estimated)' : ''}`,
    ]);
  }
  return t.toString();
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

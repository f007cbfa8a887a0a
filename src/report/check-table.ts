/** `check --format table` (the default on a terminal): one row per workload, then why it failed, baseline, information. */
import type { CheckReport } from '../advisor/check/types';
import { formatDuration, formatPct } from '../text/format';
import {
  baselineRows, checkPricingLine, checkTargetsText, costText, headline, increaseLimitText, otherStrategyChanges, removedLine, resultText, rpoText, rtoText, strategyFootnote,
  strategyText, timeHeads,
} from './check-shared';
import { makeStyle } from './style';
import { escapeControl } from '../text/escape';
import { boxTable, fitLines, type Cell } from './table';

export function renderCheckTable(r: CheckReport, opts: { color: boolean; width?: number }): string {
  const c = makeStyle(opts.color);
  const out: string[] = [];
  out.push((r.pass ? c.bold.green : c.bold.red)(headline(r)));
  const mark = (w: CheckReport['workloads'][number], text: string): Cell => ({ text, style: (t) => (w.pass ? c.green(t) : c.red(t)) });
  const rows = r.workloads.map((w): Cell[] => [
    mark(w, w.pass ? '✓' : '✗'), w.name, escapeControl(w.file), strategyText(w), costText(w), rtoText(w), rpoText(w), checkTargetsText(w), mark(w, resultText(w)),
  ]);
  out.push(boxTable(['', 'Workload', 'File', 'Strategy', 'DR cost/month', ...timeHeads(r), 'Targets', 'Result'], rows, { color: opts.color, width: opts.width }));
  const failing = r.workloads.filter((w) => !w.pass);
  if (failing.length) {
    out.push(c.bold('Why it failed:'));
    for (const w of failing) for (const v of w.violations) out.push(`  ${c.red('✗')} ${w.name} (${w.strategyName}, ${escapeControl(w.file)}): ${v.message}`);
  }
  if (r.baseline) {
    const limit = increaseLimitText(r);
    out.push(c.bold(`Changes since the baseline (${escapeControl(r.baseline.file)}${limit}):`));
    const rows = baselineRows(r).map((x) => [x.name, x.strategy, x.cost, x.change, x.rto, x.rpo]);
    out.push(boxTable(['Workload', 'Strategy', 'DR cost/month', 'Change', 'RTO', 'RPO'], rows, { color: opts.color, width: opts.width }));
    const others = otherStrategyChanges(r);
    if (others.length) {
      out.push('Other strategies since the baseline:');
      for (const o of others) out.push(`  - ${o}`);
    }
    const removed = removedLine(r);
    if (removed) out.push(removed);
  }
  const info = r.workloads.filter((w) => w.cheaper);
  if (info.length) {
    out.push(c.bold('Information (does not fail the check):'));
    for (const w of info) out.push(`  ${c.cyan('i')} ${w.name}: ${w.cheaper!.message}`);
  }
  const foot = strategyFootnote(r);
  if (foot) out.push(c.dim(foot));
  out.push(c.dim(checkPricingLine(r)));
  return fitLines(out, opts.width).join('\n') + '\n';
}

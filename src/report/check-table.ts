/** `check --format table` (the default on a terminal): one row per workload, then why it failed, baseline, information. */
import Table from 'cli-table3';
import type { CheckReport } from '../advisor/check/types';
import { formatDuration, formatPct } from '../text/format';
import {
  baselineRows, checkPricingLine, checkTargetsText, costText, headline, increaseLimitText, otherStrategyChanges, removedLine, resultText, rpoText, rtoText, strategyFootnote,
  strategyText, timeHeads,
} from './check-shared';
import { makeStyle } from './style';

function table(head: string[], color: boolean): Table.Table {
  return new Table({
    head,
    style: { head: color ? ['cyan'] : [], border: color ? ['grey'] : [], compact: false },
    chars: color ? undefined : { mid: '', 'left-mid': '', 'mid-mid': '', 'right-mid': '' },
  });
}

export function renderCheckTable(r: CheckReport, opts: { color: boolean }): string {
  const c = makeStyle(opts.color);
  const out: string[] = [];
  out.push((r.pass ? c.bold.green : c.bold.red)(headline(r)));
  const t = table(['', 'Workload', 'File', 'Strategy', 'DR cost/month', ...timeHeads(r), 'Targets', 'Result'], opts.color);
  for (const w of r.workloads) {
    t.push([
      w.pass ? c.green('✓') : c.red('✗'), w.name, w.file, strategyText(w), costText(w), rtoText(w), rpoText(w), checkTargetsText(w),
      w.pass ? c.green(resultText(w)) : c.red(resultText(w)),
    ]);
  }
  out.push(t.toString());
  const failing = r.workloads.filter((w) => !w.pass);
  if (failing.length) {
    out.push(c.bold('Why it failed:'));
    for (const w of failing) for (const v of w.violations) out.push(`  ${c.red('✗')} ${w.name} (${w.strategyName}, ${w.file}): ${v.message}`);
  }
  if (r.baseline) {
    const limit = increaseLimitText(r);
    out.push(c.bold(`Changes since the baseline (${r.baseline.file}${limit}):`));
    const b = table(['Workload', 'Strategy', 'DR cost/month', 'Change', 'RTO', 'RPO'], opts.color);
    for (const x of baselineRows(r)) b.push([x.name, x.strategy, x.cost, x.change, x.rto, x.rpo]);
    out.push(b.toString());
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
  return out.join('\n') + '\n';
}

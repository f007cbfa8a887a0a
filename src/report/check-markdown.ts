/** `check --format markdown`: a pull-request comment. A summary line with a pass/fail mark per workload, then the detail. */
import type { CheckReport, WorkloadCheck } from '../advisor/check/types';
import { formatDuration, formatPct } from '../text/format';
import {
  baselineRows, checkPricingLine, checkTargetsText, costText, headline, increaseLimitText, otherStrategyChanges, removedLine, resultText, rpoText, rtoText, strategyFootnote,
  strategyText, timeHeads,
} from './check-shared';
import { mdTable } from './markdown';
import { escapeControl } from '../text/escape';

const PASS = '✅';
const FAIL = '❌';

function mark(w: WorkloadCheck): string {
  return w.pass ? PASS : FAIL;
}

/** Inline code for a file path, safe for Markdown. */
function code(text: string): string {
  return '`' + escapeControl(text).replace(/`/g, "'") + '`';
}

export function renderCheckMarkdown(r: CheckReport): string {
  const out: string[] = [];
  out.push(`## ${r.pass ? PASS : FAIL} ${headline(r)}`, '');
  out.push(r.workloads.map((w) => `${mark(w)} **${w.name}**${w.baseline?.status === 'new' ? ' (new)' : ''}`).join(' · '), '');
  out.push(
    mdTable(
      ['', 'Workload', 'File', 'Strategy', 'DR cost/month', ...timeHeads(r), 'Targets', 'Result'],
      r.workloads.map((w) => [mark(w), w.name, code(w.file), strategyText(w), costText(w), rtoText(w), rpoText(w), checkTargetsText(w), resultText(w)]),
    ),
    '',
  );
  const failing = r.workloads.filter((w) => !w.pass);
  if (failing.length) {
    out.push('**Why it failed**', '');
    for (const w of failing) for (const v of w.violations) out.push(`- ${FAIL} **${w.name}** (${w.strategyName}, ${code(w.file)}): ${v.message}`);
    out.push('');
  }
  if (r.baseline) {
    const limit = increaseLimitText(r);
    out.push(`**Changes since the baseline** (${code(r.baseline.file)}${limit})`, '');
    out.push(mdTable(['Workload', 'Strategy', 'DR cost/month', 'Change', 'RTO', 'RPO'], baselineRows(r).map((x) => [x.name, x.strategy, x.cost, x.change, x.rto, x.rpo])), '');
    const others = otherStrategyChanges(r);
    if (others.length) {
      out.push('<details><summary>Other strategies since the baseline</summary>', '', ...others.map((o) => `- ${o}`), '', '</details>', '');
    }
    const removed = removedLine(r);
    if (removed) out.push(removed, '');
  }
  const info = r.workloads.filter((w) => w.cheaper);
  if (info.length) {
    out.push('**Information** (does not fail the check)', '');
    for (const w of info) out.push(`- ℹ️ **${w.name}**: ${w.cheaper!.message}`);
    out.push('');
  }
  const foot = strategyFootnote(r);
  if (foot) out.push(`_${foot}_`, '');
  out.push(`_${checkPricingLine(r)}_`, '');
  return out.join('\n');
}

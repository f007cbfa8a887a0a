/**
 * `check --format github`: GitHub Actions workflow commands. One `::error` annotation per violation, a `::notice` for
 * a cheaper strategy that meets the same targets and for a workload new since the baseline, then the Markdown
 * summary (which the command also appends to `$GITHUB_STEP_SUMMARY`).
 * Escaping follows the runner: data escapes `%`, `\r`, `\n`; property values also escape `:` and `,`.
 */
import type { CheckReport } from '../advisor/check/types';
import { violationSentence } from './check-text';
import { escapeControl } from '../text/escape';
import { renderCheckMarkdown } from './check-markdown';

export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

export function annotation(level: 'error' | 'warning' | 'notice', props: { file?: string; title?: string }, message: string): string {
  const p = Object.entries(props)
    .filter(([, v]) => v !== undefined && v !== '')
    .map(([k, v]) => `${k}=${escapeProperty(v!)}`)
    .join(',');
  return `::${level}${p ? ` ${p}` : ''}::${escapeData(message)}`;
}

/** Annotations; a file name's control characters are shown escaped, never sent to the runner's log raw (issue 15). */
export function renderCheckAnnotations(r: CheckReport): string[] {
  const lines: string[] = [];
  for (const w of r.workloads) {
    for (const v of w.violations) {
      lines.push(annotation('error', { file: escapeControl(w.file), title: `DR check failed for ${w.name} (${w.strategy})` }, violationSentence(w, v)));
    }
  }
  for (const w of r.workloads) {
    if (w.baseline?.status === 'new') lines.push(annotation('notice', { file: escapeControl(w.file), title: `New DR workload ${w.name}` }, w.baseline.message));
    if (w.cheaper) lines.push(annotation('notice', { file: escapeControl(w.file), title: `Cheaper DR strategy for ${w.name}` }, `${w.name}: ${w.cheaper.message}`));
  }
  return lines;
}

export function renderCheckGithub(r: CheckReport): string {
  const lines = renderCheckAnnotations(r);
  return (lines.length ? lines.join('\n') + '\n\n' : '') + renderCheckMarkdown(r);
}

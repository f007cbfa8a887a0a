/**
 * `dr-advisor wizard` (and `dr-advisor` with no arguments on a terminal): the guided flow in `src/wizard/`, wired to
 * the terminal, the price book and the file system. Never prompts without a TTY or in CI (exit 2 at once); Ctrl-C at
 * a prompt exits 130 with one line and writes nothing.
 */
import { statSync } from 'node:fs';
import { dirname } from 'node:path';
import { InputError } from '../../errors';
import { knownDbInstanceClasses, knownInstanceTypes } from '../../pricing/snapshot/catalog';
import { renderTable } from '../../report/table';
import { makeStyle } from '../../report/style';
import { exampleDocument, loadWorkloadDocument } from '../../workload/load';
import { runWizard, type WizardFiles } from '../../wizard/flow';
import { createInquirerPrompt, isPromptExit } from '../../wizard/inquirer';
import { text } from '../../wizard/messages';
import { draftFrom, type Draft } from '../../wizard/steps';
import { writeFileAtomic } from '../files';
import { CHECK_HINTS, pricingOptions, printPricingDiagnostics } from '../inputs';
import { estimateReport } from '../pipeline';
import { withSpinner } from '../spinner';
import { terminal } from '../terminal';
import { STARTER } from './init';

export interface WizardOptions {
  from?: string;
  example?: string;
}

/** The pre-filled answers: a workload file, an example, or the `init` starter. */
export function prefill(opts: WizardOptions): { draft: Draft; source?: string } {
  if (opts.from && opts.example) throw new InputError(text.bothSources);
  if (opts.from) {
    const { raw } = loadWorkloadDocument(opts.from); // one bounded read: size, parse and validation errors, with the file's name
    return { draft: draftFrom(raw, opts.from), source: opts.from };
  }
  if (opts.example) return { draft: draftFrom(exampleDocument(opts.example), `example ${opts.example}`), source: `example ${opts.example}` };
  return { draft: draftFrom(STARTER, 'starter') };
}

const files: WizardFiles = {
  kind(path) {
    try {
      return statSync(path).isDirectory() ? 'dir' : 'file';
    } catch {
      return 'missing';
    }
  },
  folderOf: (path) => dirname(path),
  write: (path, content, force) => writeFileAtomic(path, content, { force }),
};

export async function run(opts: WizardOptions, globals: { color?: boolean } = {}): Promise<void> {
  if (!terminal.canPrompt()) throw new InputError(text.needsTerminal);
  const { draft, source } = prefill(opts);
  // Checked before the first question, so a bad DR_ADVISOR_PRICING fails at once, not after every answer.
  // The wizard's spinner covers the whole pricing step, so the price book's own spinner stays off.
  // The wizard has no --explain: its hints name the estimate command, as check's do.
  const pricing = { ...pricingOptions({}, globals, CHECK_HINTS), onProgress: undefined };
  const color = terminal.color(globals);
  const style = makeStyle(color);
  const prompt = await createInquirerPrompt({ bold: (t) => style.bold(t), dim: (t) => style.dim(t), green: (t) => style.green(t), cyan: (t) => style.cyan(t), plain: !color });
  const spin = terminal.spinner(globals);
  try {
    await runWizard(draft, source, {
      prompt,
      catalog: { instanceTypes: knownInstanceTypes(), dbClasses: (e) => knownDbInstanceClasses(e) },
      estimate: async (w) => {
        const { report, diagnostics } = await withSpinner(spin, text.pricing, () => estimateReport(w, pricing));
        printPricingDiagnostics(diagnostics, { hints: CHECK_HINTS });
        return report;
      },
      render: (r) => renderTable(r, { color, explain: false, width: terminal.width(globals) }),
      print: (t) => process.stdout.write(t),
      files,
    });
  } catch (err) {
    if (!isPromptExit(err)) throw err;
    process.stderr.write(`${text.cancelled}\n`);
    process.exitCode = 130;
  }
}

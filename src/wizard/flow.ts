/**
 * The whole wizard: ask → price the four strategies → show the table and the recommendation → offer to save the
 * answers as a workload file and print the CI command. Everything it touches (prompt, pricing, rendering, stdout, the
 * file system) is passed in, so tests run it with canned answers and fakes.
 */
import type { Report } from '../advisor/types';
import { STRATEGY_IDS, type StrategyId } from '../model/strategies';
import { renderTemplate } from '../workload/template';
import { documentOf, validateWorkload, type Workload } from '../workload/validate';
import { overwrite, Q, text } from './messages';
import type { Prompt } from './prompt';
import { askWorkload, type Catalog, type Draft } from './steps';

export const DEFAULT_FILE = 'dr-workload.yaml';

export interface WizardFiles {
  /** What is at a path. */
  kind(path: string): 'file' | 'dir' | 'missing';
  /** The folder a path would be written into. */
  folderOf(path: string): string;
  /** Atomic write; `force` only after the user agreed to overwrite. */
  write(path: string, content: string, force: boolean): void;
}

export interface WizardIo {
  prompt: Prompt;
  catalog: Catalog;
  /** Prices the workload: the same pipeline as `estimate` (with a spinner in the CLI). */
  estimate(workload: Workload): Promise<Report>;
  /** The comparison table with the recommendation and its reason. */
  render(report: Report): string;
  /** To stdout. */
  print(text: string): void;
  files: WizardFiles;
}

export interface WizardResult {
  workload: Workload;
  report: Report;
  /** The file written, if the user saved. */
  saved?: string;
}

export async function runWizard(start: Draft, source: string | undefined, io: WizardIo): Promise<WizardResult> {
  io.print(`${text.intro(source)}\n`);
  const workload = await askWorkload(start, io.catalog, io.prompt);
  const report = await io.estimate(workload);
  io.print(`\n${io.render(report)}\n`);
  const saved = await askSave(workload, report, io);
  if (saved) io.print(`${text.saved(saved)}\n${text.ciCommand(checkCommand(saved))}\n`);
  else io.print(`${text.notSaved}\n`);
  return { workload, report, ...(saved ? { saved } : {}) };
}

/**
 * The strategy to record in the file: the one the pre-filled file names (so pressing Enter never changes the strategy
 * CI gates on), else the recommended one.
 */
async function askStrategy(workload: Workload, report: Report, prompt: Prompt): Promise<StrategyId> {
  const results = report.strategies.filter((s): s is typeof s & { id: StrategyId } => (STRATEGY_IDS as readonly string[]).includes(s.id));
  // The recommended option may be a drop-in variant (e.g. active-active with Global Accelerator): default to its base.
  const recBase = (report.recommendation.base ?? report.recommendation.strategy) as StrategyId;
  const current = workload.strategy;
  const tag = (id: StrategyId) => [id === recBase ? 'recommended' : '', id === current ? 'in the file' : ''].filter(Boolean).join(', ');
  return prompt.select<StrategyId>({
    ...Q.strategy,
    choices: results.map((s) => ({ value: s.id, name: `${s.name}${tag(s.id) ? ` (${tag(s.id)})` : ''}`, short: s.name, description: s.summary })),
    default: current && STRATEGY_IDS.includes(current) ? current : STRATEGY_IDS.includes(recBase) ? recBase : results[0].id,
  });
}

/** Offers to save; returns the path written, or undefined. Never overwrites without a yes. */
export async function askSave(workload: Workload, report: Report, io: Pick<WizardIo, 'prompt' | 'files'>): Promise<string | undefined> {
  const { prompt, files } = io;
  if (!(await prompt.confirm({ ...Q.save, default: true }))) return undefined;
  const strategy = await askStrategy(workload, report, prompt);
  for (;;) {
    const file = (await prompt.input({ ...Q.file, default: DEFAULT_FILE, validate: (t) => checkFileName(t, files) })).trim();
    const exists = files.kind(file) === 'file';
    if (exists && !(await prompt.confirm({ ...overwrite(file), default: false }))) continue;
    files.write(file, workloadFileText({ ...workload, strategy }, file), exists);
    return file;
  }
}

export function checkFileName(answer: string, files: WizardFiles): true | string {
  const file = answer.trim();
  if (!file) return text.emptyFile;
  if (files.kind(file) === 'dir') return text.isDirectory(file);
  const folder = files.folderOf(file);
  if (files.kind(folder) !== 'dir') return text.noFolder(folder);
  return true;
}

/** The saved file: commented like `dr-advisor init`'s template, and always a valid workload. */
export function workloadFileText(workload: Workload, file: string): string {
  const valid = validateWorkload(documentOf(workload), 'wizard');
  return renderTemplate(documentOf(valid), text.fileHeader(file));
}

/** A shell-safe `check` command line for the saved file. */
export function checkCommand(file: string): string {
  const quoted = /^[\w./@%+=:,-]+$/.test(file) ? file : `'${file.replace(/'/g, `'\\''`)}'`;
  return `dr-advisor check -f ${quoted}`;
}

/**
 * The terminal `Prompt`: `@inquirer/prompts`, loaded with a dynamic import only when the wizard runs (the estimate
 * path never loads inquirer). The config builders are exported so tests can render them with `@inquirer/testing`.
 * The explanation line sits beside the question while it is asked and is dropped from the answered line.
 */
import type { ConfirmQuestion, InputQuestion, Prompt, SearchQuestion, SelectQuestion } from './prompt';
import { searchMatches } from './prompt';
import type { QuestionText } from './messages';

export interface PromptStyle {
  bold(text: string): string;
  dim(text: string): string;
}

export const PLAIN: PromptStyle = { bold: (t) => t, dim: (t) => t };

function theme(q: QuestionText, style: PromptStyle) {
  return {
    style: {
      message: (message: string, status: string) => (status === 'done' ? style.bold(message) : `${style.bold(message)} ${style.dim(`· ${q.help}`)}`),
    },
  };
}

export function inputConfig(q: InputQuestion, style: PromptStyle = PLAIN) {
  return { message: q.message, default: q.default, validate: q.validate, theme: { ...theme(q, style), validationFailureMode: 'keep' as const } };
}

export function selectConfig<T>(q: SelectQuestion<T>, style: PromptStyle = PLAIN) {
  return { message: q.message, choices: q.choices.map((c) => ({ ...c })), default: q.default, pageSize: 10, theme: theme(q, style) };
}

export function searchConfig(q: SearchQuestion, style: PromptStyle = PLAIN) {
  return {
    message: q.message,
    source: (term: string | undefined) => searchMatches(q.options, term, q.default, 200, q.labels).map((o) => ({ value: o, name: q.labels?.[o] ?? o, short: o })),
    pageSize: 8,
    theme: theme(q, style),
  };
}

export function confirmConfig(q: ConfirmQuestion, style: PromptStyle = PLAIN) {
  return { message: q.message, default: q.default, theme: theme(q, style) };
}

/** True for the error inquirer throws when the user presses Ctrl-C at a prompt. */
export function isPromptExit(err: unknown): boolean {
  return err instanceof Error && err.name === 'ExitPromptError';
}

export async function createInquirerPrompt(style: PromptStyle = PLAIN): Promise<Prompt> {
  const { input, select, search, confirm } = await import('@inquirer/prompts');
  return {
    input: (q) => input(inputConfig(q, style)),
    select: <T>(q: SelectQuestion<T>) => select<T>(selectConfig(q, style)),
    search: (q) => search<string>(searchConfig(q, style)),
    confirm: (q) => confirm(confirmConfig(q, style)),
  };
}

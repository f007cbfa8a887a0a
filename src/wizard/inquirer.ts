/**
 * The terminal `Prompt`: `@inquirer/prompts` (and our search prompt on `@inquirer/core`), loaded with a dynamic import
 * only when the wizard runs (the estimate path never loads inquirer). The config builders are exported so tests can
 * render them with `@inquirer/testing`. The explanation line sits beside the question while it is asked and is
 * dropped from the answered line.
 *
 * The answered line (`✔ question answer`) is printed here, from the value the prompt returned, after inquirer has
 * erased its own rendering: what the screen shows is, by construction, the value the wizard uses. Esc while a question
 * is asked aborts it and throws `GoBack` (the steps then re-ask the previous question).
 */
import { emitKeypressEvents } from 'node:readline';
import type { Choice, ConfirmQuestion, InputQuestion, Prompt, SearchQuestion, SelectQuestion } from './prompt';
import { GoBack, searchMatches } from './prompt';
import { text, type QuestionText } from './messages';

export interface PromptStyle {
  bold(text: string): string;
  dim(text: string): string;
  green?(text: string): string;
  cyan?(text: string): string;
  /** No colour at all: inquirer's own colours (prefix, highlight, answers, errors) are switched off too. */
  plain?: boolean;
}

export const PLAIN: PromptStyle = { bold: (t) => t, dim: (t) => t, plain: true };

const same = (t: string) => t;
/** Inquirer's theme without colour (it would otherwise decide colour by itself, ignoring --no-color). */
const PLAIN_THEME = {
  prefix: { idle: '?', done: '✔' },
  style: {
    answer: same, error: (t: string) => `> ${t}`, defaultAnswer: (t: string) => `(${t})`, help: same, highlight: same, key: (t: string) => `<${t}>`,
    description: same, disabled: (t: string) => `- ${t}`, searchTerm: same,
    keysHelpTip: (keys: [string, string][]) => keys.map(([k, a]) => `${k} ${a}`).join(' • '),
  },
};

/** The line left on screen once a question is answered. */
export function answeredLine(q: QuestionText, answer: string, style: PromptStyle = PLAIN): string {
  const green = style.green ?? ((t: string) => t);
  const cyan = style.cyan ?? ((t: string) => t);
  return `${green('✔')} ${style.bold(q.message)} ${cyan(answer)}`;
}

/** What a select's answered line shows for a value. */
export function choiceText<T>(choices: readonly Choice<T>[], value: T): string {
  const c = choices.find((x) => x.value === value);
  return c ? (c.short ?? c.name) : String(value);
}

function theme(q: QuestionText, style: PromptStyle) {
  const message = (m: string, status: string) => (status === 'done' ? style.bold(m) : `${style.bold(m)} ${style.dim(`· ${q.help}`)}`);
  return style.plain ? { prefix: PLAIN_THEME.prefix, style: { ...PLAIN_THEME.style, message } } : { style: { message } };
}

export function inputConfig(q: InputQuestion, style: PromptStyle = PLAIN) {
  return { message: q.message, default: q.default, validate: q.validate, theme: { ...theme(q, style), validationFailureMode: 'keep' as const } };
}

export function selectConfig<T>(q: SelectQuestion<T>, style: PromptStyle = PLAIN) {
  return { message: q.message, choices: q.choices.map((c) => ({ ...c })), default: q.default, pageSize: q.pageSize ?? 10, theme: theme(q, style) };
}

/** For `@inquirer/search` (kept for comparison in tests); the wizard uses `searchPromptConfig` with `searchPrompt`. */
export function searchConfig(q: SearchQuestion, style: PromptStyle = PLAIN) {
  return {
    message: q.message,
    source: (term: string | undefined) => searchMatches(q.options, term, q.default, 200, q.labels).map((o) => ({ value: o, name: q.labels?.[o] ?? o, short: o })),
    pageSize: 8,
    theme: theme(q, style),
  };
}

export function searchPromptConfig(q: SearchQuestion, style: PromptStyle = PLAIN) {
  return { message: q.message, options: q.options, ...(q.labels ? { labels: q.labels } : {}), default: q.default, pageSize: 8, noMatch: text.noMatch, theme: theme(q, style) };
}

export function confirmConfig(q: ConfirmQuestion, style: PromptStyle = PLAIN) {
  return { message: q.message, default: q.default, theme: theme(q, style) };
}

/** True for the error inquirer throws when the user presses Ctrl-C at a prompt. */
export function isPromptExit(err: unknown): boolean {
  return err instanceof Error && err.name === 'ExitPromptError';
}

export interface PromptStreams {
  input: NodeJS.ReadableStream;
  output: NodeJS.WritableStream;
}

type Context = { input: NodeJS.ReadableStream; output: NodeJS.WritableStream; signal: AbortSignal; clearPromptOnDone: true };

export async function createInquirerPrompt(style: PromptStyle = PLAIN, io: PromptStreams = { input: process.stdin, output: process.stdout }): Promise<Prompt> {
  const { input, select, confirm } = await import('@inquirer/prompts');
  const { searchPrompt } = await import('./search-prompt');
  emitKeypressEvents(io.input);

  /** Runs one prompt; prints the answered line from the returned value; Esc → GoBack. */
  async function ask<V>(q: QuestionText, run: (ctx: Context) => Promise<V>, shown: (v: V) => string): Promise<V> {
    const controller = new AbortController();
    let back = false;
    const onKey = (_s: string | undefined, key: { name?: string; ctrl?: boolean; meta?: boolean } | undefined) => {
      if (key?.name === 'escape' && !key.ctrl) {
        back = true;
        controller.abort();
      }
    };
    io.input.on('keypress', onKey);
    try {
      const value = await run({ input: io.input, output: io.output, signal: controller.signal, clearPromptOnDone: true });
      io.output.write(`${answeredLine(q, shown(value), style)}\n`);
      return value;
    } catch (err) {
      if (back && err instanceof Error && err.name === 'AbortPromptError') throw new GoBack();
      throw err;
    } finally {
      io.input.removeListener('keypress', onKey);
    }
  }

  return {
    input: (q) => ask(q, (ctx) => input(inputConfig(q, style), ctx), (v) => v),
    select: <T>(q: SelectQuestion<T>) => ask(q, (ctx) => select<T>(selectConfig(q, style), ctx), (v) => choiceText(q.choices, v)),
    search: (q) => ask(q, (ctx) => searchPrompt(searchPromptConfig(q, style), ctx), (v) => v),
    confirm: (q) => ask(q, (ctx) => confirm(confirmConfig(q, style), ctx), (v) => (v ? 'Yes' : 'No')),
  };
}

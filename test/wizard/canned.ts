/**
 * A `Prompt` that answers from a list, the way a person at the terminal would: `''` is Enter (the default), a string
 * is what is typed, a boolean answers a yes/no. A typed answer the validator rejects is recorded and the question is
 * asked again with the next answer, exactly as the terminal prompt re-asks.
 */
import type { Prompt } from '../../src/wizard/prompt';
import { GoBack, searchMatches } from '../../src/wizard/prompt';

/** Esc: back to the previous question. */
export const BACK: unique symbol = Symbol('back');
export type Answer = string | boolean | typeof BACK;

export interface Asked {
  kind: 'input' | 'select' | 'search' | 'confirm' | 'back';
  message: string;
  help: string;
  default: unknown;
  /** For select: the values offered. */
  choices?: unknown[];
  answer: unknown;
}

export interface Rejection {
  message: string;
  typed: string;
  error: string;
}

export function cannedPrompt(answers: Answer[]): Prompt & { asked: Asked[]; rejected: Rejection[]; left(): number } {
  const queue = [...answers];
  const asked: Asked[] = [];
  const rejected: Rejection[] = [];
  const next = (message: string): Exclude<Answer, typeof BACK> => {
    if (queue.length === 0) throw new Error(`no canned answer left for "${message}"`);
    const a = queue.shift()!;
    if (a === BACK) {
      asked.push({ kind: 'back', message, help: '', default: undefined, answer: BACK });
      throw new GoBack();
    }
    return a;
  };
  return {
    asked,
    rejected,
    left: () => queue.length,
    async input(q) {
      for (;;) {
        const a = next(q.message);
        const typed = a === '' ? q.default : String(a);
        const ok = q.validate(typed);
        if (ok === true) {
          asked.push({ kind: 'input', message: q.message, help: q.help, default: q.default, answer: typed });
          return typed;
        }
        rejected.push({ message: q.message, typed, error: ok });
      }
    },
    async select(q) {
      const a = next(q.message);
      const value = a === '' ? q.default : a;
      const choice = q.choices.find((c) => c.value === value);
      if (!choice) throw new Error(`"${String(a)}" is not a choice of "${q.message}" (${q.choices.map((c) => String(c.value)).join(', ')})`);
      asked.push({ kind: 'select', message: q.message, help: q.help, default: q.default, choices: q.choices.map((c) => c.value), answer: choice.value });
      return choice.value;
    },
    async search(q) {
      for (;;) {
        const a = next(q.message);
        const term = a === '' ? '' : String(a);
        const hit = searchMatches(q.options, term, q.default, 200, q.labels)[0];
        if (hit !== undefined) {
          asked.push({ kind: 'search', message: q.message, help: q.help, default: q.default, choices: [...q.options], answer: hit });
          return hit;
        }
        rejected.push({ message: q.message, typed: term, error: 'No results' });
      }
    },
    async confirm(q) {
      const a = next(q.message);
      const value = a === '' ? q.default : Boolean(a);
      asked.push({ kind: 'confirm', message: q.message, help: q.help, default: q.default, answer: value });
      return value;
    },
  };
}

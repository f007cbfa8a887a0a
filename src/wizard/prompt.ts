/**
 * The small prompt interface the wizard's steps talk to. The terminal implementation (`inquirer.ts`) maps it onto
 * `@inquirer/prompts`; tests pass canned answers (`test/wizard/canned.ts`). Every question carries its default, its
 * explanation line and, for typed answers, a validator that returns `true` or the message to show before re-asking.
 */
import type { QuestionText } from './messages';

export type Validate = (answer: string) => true | string;

export interface InputQuestion extends QuestionText {
  default: string;
  validate: Validate;
}

export interface Choice<T> {
  value: T;
  name: string;
  /** What the answered line shows (default: name). */
  short?: string;
  description?: string;
}

export interface SelectQuestion<T> extends QuestionText {
  choices: readonly Choice<T>[];
  default: T;
  /** Rows shown at once (default 10). */
  pageSize?: number;
}

export interface SearchQuestion extends QuestionText {
  /** Every allowed answer; the user types to filter. */
  options: readonly string[];
  /** Listed first when nothing is typed, so Enter keeps it. */
  default: string;
  /** What each option shows and is searched by, when not the option itself ("ap-southeast-2  Asia Pacific (Sydney)",
   * so that typing "sydney" finds it); the answer is still the option. */
  labels?: Readonly<Record<string, string>>;
}

export interface ConfirmQuestion extends QuestionText {
  default: boolean;
}

/**
 * Thrown by a `Prompt` when the user asks to go back to the previous question (Esc on the terminal). The steps
 * catch it; nothing was answered.
 */
export class GoBack extends Error {
  constructor() {
    super('back to the previous question');
    this.name = 'GoBack';
  }
}

export interface Prompt {
  input(q: InputQuestion): Promise<string>;
  select<T>(q: SelectQuestion<T>): Promise<T>;
  search(q: SearchQuestion): Promise<string>;
  confirm(q: ConfirmQuestion): Promise<boolean>;
}

/** The options a search shows for what was typed: the default first when nothing is typed; else an exact match, then
 * prefix matches, then other substring matches, shortest first (so `m5` lists m5.large before m5.12xlarge). Shared by the terminal prompt and the canned test prompt. */
export function searchMatches(options: readonly string[], term: string | undefined, def: string, limit = 200, labels?: Readonly<Record<string, string>>): string[] {
  const t = (term ?? '').trim().toLowerCase();
  if (!t) return [...(options.includes(def) ? [def] : []), ...options.filter((o) => o !== def)].slice(0, limit);
  const rank = (o: string): number => {
    const l = (labels?.[o] ?? o).toLowerCase();
    return l === t ? 0 : l.startsWith(t) ? 1 : l.includes(t) ? 2 : 3;
  };
  return options
    .filter((o) => rank(o) < 3)
    .sort((a, b) => rank(a) - rank(b) || a.length - b.length || a.localeCompare(b))
    .slice(0, limit);
}

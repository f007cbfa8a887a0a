/**
 * The wizard's search prompt, on `@inquirer/core`. `@inquirer/search` asks an async `source` for the matches and,
 * when Enter arrives before the source has answered for what was typed (typing fast, then Enter at once), it resolves
 * with the entry highlighted for an older search term while the screen shows the new one: the wizard showed
 * `c5.xlarge` and used `m5.large`, and "accepted" `m5.superlarge` the same way (issue 16). Here the matches are a pure
 * function of the typed text (`searchMatches`), computed in the same keypress that reads the text, so the highlighted
 * entry is always the one Enter picks, and a text with no match is refused in place.
 */
import {
  createPrompt, isDownKey, isEnterKey, isTabKey, isUpKey, makeTheme, useKeypress, usePagination, usePrefix, useState, type Theme,
} from '@inquirer/core';
import { searchMatches } from './prompt';

export interface SearchConfig {
  message: string;
  options: readonly string[];
  default: string;
  /** Searchable text shown for an option (a region's code and name); the answer is still the option itself. */
  labels?: Readonly<Record<string, string>>;
  pageSize?: number;
  /** Shown when the typed text matches nothing; Enter then does nothing. */
  noMatch: string;
  theme?: { style?: { message?: (message: string, status: string) => string } };
}

export const searchPrompt = createPrompt<string, SearchConfig>((config, done) => {
  const theme = makeTheme<Theme>(config.theme as Partial<Theme>);
  const [status, setStatus] = useState<'idle' | 'done'>('idle');
  const [term, setTerm] = useState('');
  const [active, setActive] = useState(0);
  const [error, setError] = useState<string | undefined>(undefined);
  const prefix = usePrefix({ status, theme });
  const matches = searchMatches(config.options, term, config.default, 200, config.labels);
  const selected: string | undefined = matches[Math.min(active, matches.length - 1)];

  useKeypress((key, rl) => {
    if (isEnterKey(key)) {
      // Readline has just cleared its line; the text typed is `term`, set by the keypresses before this one.
      const now = searchMatches(config.options, term, config.default, 200, config.labels);
      const pick = now[Math.min(active, now.length - 1)];
      if (pick === undefined) {
        setError(config.noMatch);
        rl.write(term);
        return;
      }
      setStatus('done');
      done(pick);
    } else if (isTabKey(key)) {
      rl.clearLine(0);
      if (selected !== undefined) {
        rl.write(selected);
        setTerm(selected);
        setActive(0);
      } else rl.write(term);
    } else if (isUpKey(key) || isDownKey(key)) {
      rl.clearLine(0);
      rl.write(term);
      if (matches.length) setActive((Math.min(active, matches.length - 1) + (isUpKey(key) ? -1 : 1) + matches.length) % matches.length);
    } else if (rl.line !== term) {
      setTerm(rl.line);
      setActive(0);
      setError(undefined);
    }
  });

  const message = theme.style.message(config.message, status);
  if (status === 'done') return `${prefix} ${message} ${theme.style.answer(selected ?? '')}`;
  const page = usePagination({
    items: matches,
    active: Math.min(active, Math.max(0, matches.length - 1)),
    renderItem: ({ item, isActive }) => {
      const shown = config.labels?.[item] ?? item;
      return isActive ? theme.style.highlight(`❯ ${shown}`) : `  ${shown}`;
    },
    pageSize: config.pageSize ?? 8,
    loop: false,
  });
  const header = [prefix, message, term].filter(Boolean).join(' ');
  const body = error ? theme.style.error(error) : matches.length ? page : theme.style.error(config.noMatch);
  return [header, body];
});

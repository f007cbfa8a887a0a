/**
 * Colour for the terminal renderers; chalk lives only in src/report. Without colour, a style that returns its text
 * unchanged, as chalk does at level 0 (arguments joined by spaces), without loading chalk.
 */
import type { ChalkInstance } from 'chalk';
import chalk from './chalk.lazy';

const plainText = (...text: unknown[]): string => text.join(' ');
/** Every style and chain of styles (`c.bold.green`) is the plain text. */
const PLAIN: ChalkInstance = new Proxy(plainText, { get: () => PLAIN }) as unknown as ChalkInstance;

export function makeStyle(color: boolean): ChalkInstance {
  return color ? new (chalk().Chalk)({ level: 1 }) : PLAIN;
}

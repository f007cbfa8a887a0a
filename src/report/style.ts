/** Colour for the terminal renderers; chalk lives only in src/report. Level 0 means plain text. */
import { Chalk, type ChalkInstance } from 'chalk';

export function makeStyle(color: boolean): ChalkInstance {
  return new Chalk({ level: color ? 1 : 0 });
}

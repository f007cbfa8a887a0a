/**
 * node:fs/promises on first use (a `.lazy.ts` module, see scripts/build.mjs): loading it also loads Node's readline
 * and stream internals, 1.5–3 ms that a run reading no file asynchronously does not need.
 */
import * as m from 'node:fs/promises';
export default () => m;

/** chalk on first use: only colour needs it (a `.lazy.ts` module, see scripts/build.mjs). */
import * as m from 'chalk';
export default () => m;

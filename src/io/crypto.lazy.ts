/** node:crypto on first use (a `.lazy.ts` module, see scripts/build.mjs): loading it costs about 5 ms at a start that never reads the price cache. */
import * as m from 'node:crypto';
export default () => m;

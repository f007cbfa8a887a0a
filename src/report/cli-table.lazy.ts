/** cli-table3 on first use: only a coloured table needs it (a `.lazy.ts` module, see scripts/build.mjs). */
import * as m from './cli-table';
export default () => m;

/** node:tty on first use (a `.lazy.ts` module, see scripts/build.mjs): it loads node:net and the stream classes, about 4 ms at every start otherwise. */
import * as m from 'node:tty';
export default () => m;

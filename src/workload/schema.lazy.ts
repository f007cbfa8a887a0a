/**
 * The zod workload schema, on first use (a `.lazy.ts` module, see scripts/build.mjs): from source a plain import; in
 * the bundle a module initialised on the first call, so that a run which validates nothing with zod (an example, a
 * document the generated validator accepts) never builds the schema, nor loads zod.
 */
import * as m from './schema';
export default () => m;

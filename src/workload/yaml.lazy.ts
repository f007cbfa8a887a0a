/** The bounded YAML parser and the yaml library, on first use (a `.lazy.ts` module, see scripts/build.mjs). */
import * as m from '../io/yaml';
export default () => m;

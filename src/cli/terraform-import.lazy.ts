/** The Terraform import (src/import/terraform), on first use: only a Terraform JSON file needs it (a `.lazy.ts` module, see scripts/build.mjs). */
import * as m from '../import/terraform/index';
export default () => m;

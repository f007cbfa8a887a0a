/** The words of a Terraform import (and the yaml library it writes with), on first use (a `.lazy.ts` module, see scripts/build.mjs). */
import * as m from '../import/terraform/render';
export default () => m;

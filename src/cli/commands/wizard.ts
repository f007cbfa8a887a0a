/** `dr-advisor wizard` (issue 5). */
import { InputError } from '../../errors';

export async function run(_opts: unknown, _globals?: unknown): Promise<void> {
  throw new InputError('the wizard is not implemented yet; use `dr-advisor estimate --example web-app`');
}

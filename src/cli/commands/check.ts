/** `dr-advisor check` (issue 6). */
import { InputError } from '../../errors';

export async function run(_opts: unknown, _globals?: unknown): Promise<void> {
  throw new InputError('check is not implemented yet');
}

/** The committed review sample (examples/global-saas-review.md) is exactly what the tool prints today. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli';

describe('golden: the global-saas review report', () => {
  it('matches examples/global-saas-review.md (regenerate with `npm run examples`)', () => {
    const r = runCli(['estimate', '--example', 'global-saas', '--format', 'markdown', '--pricing', 'snapshot']);
    expect(r.status).toBe(0);
    const committed = readFileSync(new URL('../../examples/global-saas-review.md', import.meta.url), 'utf8');
    expect(r.stdout).toBe(committed);
  });
});

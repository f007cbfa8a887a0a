/** Text slips (issue 16 item 14): unit prices, unit words, repeated lines — on the built CLI's real output. */
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli';

const EXAMPLES = ['web-app', 'serverless-dynamodb', 'global-saas'];
const seen = new Map<string, string>();
/** The CLI's stdout for an example (each run once per file). */
const out = (example: string, ...flags: string[]) => {
  const key = [example, ...flags].join(' ');
  if (!seen.has(key)) {
    const r = runCli(['estimate', '--example', example, '--samples', '500', ...flags]);
    expect(r.status).toBe(0);
    seen.set(key, r.stdout);
  }
  return seen.get(key)!;
};

describe('unit prices', () => {
  it('never in scientific notation; per-request prices per million, and they multiply out to the monthly figure', () => {
    for (const e of EXAMPLES) for (const flags of [['--explain'], ['--format', 'markdown']]) expect(out(e, ...flags)).not.toMatch(/\$\d(\.\d+)?e-\d/);
    const md = out('serverless-dynamodb', '--format', 'markdown');
    // 131.4M write request units at $0.6875 per million = $90.34 (hand-computed: 131.4 × 0.6875 = 90.3375).
    expect(md).toContain('| 131.4M WriteRequestUnits | $0.6875 per million | $90.34 |');
    const json = JSON.parse(out('serverless-dynamodb', '--format', 'json'));
    const writes = [...json.primaryLineItems, ...json.strategies.flatMap((s: { lineItems: unknown[] }) => s.lineItems)].find((i: { component: string }) => i.component.startsWith('DynamoDB writes'));
    expect(writes.unitPrice).toBeCloseTo(6.875e-7, 12); // JSON keeps the full precision
    expect(out('web-app', '--explain')).toContain('│ $0.20 per million │');
  });
});

describe('unit words', () => {
  it('1 second, 1 minute (never "1 seconds", "1 minutes"), in the assumptions of every example and format', () => {
    for (const e of EXAMPLES) {
      for (const flags of [['--explain'], ['--format', 'markdown']]) {
        const text = out(e, ...flags);
        expect(text).not.toMatch(/\b1 (seconds|minutes|hours|days)\b/);
      }
    }
    expect(out('web-app', '--explain')).toMatch(/auroraGlobalLagSeconds +│ 1 second +│/);
  });
});

describe('no repeated lines in --explain', () => {
  it('the RTO formula is said once, each scenario note once, and no section repeats a line', () => {
    for (const e of EXAMPLES) {
      const text = out(e, '--explain');
      expect(text.match(/RTO = detect \+ decide/g)).toHaveLength(1);
      const corruption = text.split('\n').filter((l) => l.startsWith('Data corruption or deletion:'));
      expect(corruption).toHaveLength(1);
      expect(corruption[0].match(/recovery comes from backups or point-in-time recovery/g) ?? []).toHaveLength(1);
      for (const section of text.split('\n\n')) {
        const prose = section.split('\n').filter((l) => l.trim() && !/^[│┌└├]/.test(l) && !/^ +│/.test(l) && !/^ +\$/.test(l));
        expect(prose.filter((l, i) => prose.indexOf(l) !== i), section.slice(0, 80)).toEqual([]);
      }
    }
  });

  it('the Markdown says each scenario note once too', () => {
    const md = out('web-app', '--format', 'markdown');
    expect(md.split('\n').filter((l) => l.startsWith('- **Data corruption or deletion:**'))).toHaveLength(1);
    expect(md.match(/RTO = detect \+ decide/g)).toHaveLength(1);
  });
});

/**
 * The CLI owns the environment and the terminal: DR_ADVISOR_PRICING_TIMEOUT is bounded (issue 15 item 10), and the
 * pricing diagnostics are grouped by kind and count, never read back from their text.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { InputError } from '../../src/errors';
import { CHECK_HINTS, pricingTimeoutMs, printPricingDiagnostics } from '../../src/cli/inputs';
import type { Diagnostic } from '../../src/pricing/types';
import { runCli } from '../helpers/cli';

describe('DR_ADVISOR_PRICING_TIMEOUT', () => {
  it.each([
    ['30s', 30_000],
    ['1.5s', 1_500],
    ['2m', 120_000],
    ['750', 750],
    ['250ms', 250],
    ['10m', 600_000],
  ])('%s is %d ms', (v, ms) => {
    expect(pricingTimeoutMs({ DR_ADVISOR_PRICING_TIMEOUT: v })).toBe(ms);
  });

  it.each(['99999999999', '11m', '600001', '0', '0.5ms'])('%s is refused: more than 10 minutes, or nothing', (v) => {
    expect(() => pricingTimeoutMs({ DR_ADVISOR_PRICING_TIMEOUT: v })).toThrow(InputError);
    expect(() => pricingTimeoutMs({ DR_ADVISOR_PRICING_TIMEOUT: v })).toThrow(`DR_ADVISOR_PRICING_TIMEOUT must be a duration from 1ms to 10m, like 30s (got ${JSON.stringify(v)})`);
  });

  it('unset is no deadline of ours (the live default applies); not a duration is refused', () => {
    expect(pricingTimeoutMs({})).toBeUndefined();
    expect(() => pricingTimeoutMs({ DR_ADVISOR_PRICING_TIMEOUT: 'soon' })).toThrow('DR_ADVISOR_PRICING_TIMEOUT must be a duration like 30s (got "soon")');
  });

  // Credentials that look real and a Price List endpoint on a closed loopback port: nothing leaves the machine.
  const liveEnv = () => ({
    DR_ADVISOR_PRICING: 'auto',
    DR_ADVISOR_PRICING_TIMEOUT: '99999999999',
    DR_ADVISOR_CACHE_DIR: mkdtempSync(join(tmpdir(), 'dr-timeout-')),
    AWS_ACCESS_KEY_ID: 'AKIDTIMEOUTTEST0000',
    AWS_SECRET_ACCESS_KEY: 'not-real',
    AWS_ENDPOINT_URL_PRICING: 'http://127.0.0.1:9',
    AWS_REGION: 'us-east-1',
  });

  it('estimate: 99999999999 is one clear line and exit 2, not a Node TimeoutOverflowWarning', () => {
    const r = runCli(['estimate', '--example', 'web-app', '--format', 'json'], { env: liveEnv() });
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('error: DR_ADVISOR_PRICING_TIMEOUT must be a duration from 1ms to 10m, like 30s (got "99999999999")\n');
  });

  it('pricing refresh: the same', () => {
    const r = runCli(['pricing', 'refresh', '--example', 'web-app'], { env: liveEnv() });
    expect(r.status).toBe(2);
    expect(r.stderr).toBe('error: DR_ADVISOR_PRICING_TIMEOUT must be a duration from 1ms to 10m, like 30s (got "99999999999")\n');
  });

  it('--pricing snapshot never reads it', () => {
    const r = runCli(['estimate', '--example', 'web-app', '--pricing', 'snapshot', '--format', 'json'], { env: liveEnv() });
    expect(r.status).toBe(0);
    expect(r.stderr).not.toMatch(/TIMEOUT|TimeoutOverflow/);
  });
});

describe('printPricingDiagnostics', () => {
  const diagnostics: Diagnostic[] = [
    { kind: 'cache-corrupt', count: 2, keys: ['a|b|', 'c|d|'], text: 'ignoring 2 corrupt cache files in /c (not JSON: 2); they will be rebuilt' },
    { kind: 'source', count: 10, keys: [], text: 'prices: 10 from the cache (fetched 2h ago)' },
    // Texts that do not start with a count: the grouping reads `kind` and `count`, never the words.
    { kind: 'estimated', count: 3, rule: 'memory', keys: ['x', 'y', 'z'], text: 'three prices from memory' },
    { kind: 'estimated', count: 1, rule: 'same-rate', keys: ['w'], text: 'one price at a related rate' },
  ];

  function printed(opts: Parameters<typeof printPricingDiagnostics>[1]): string[] {
    const spy = vi.spyOn(process.stderr, 'write').mockReturnValue(true);
    try {
      printPricingDiagnostics(diagnostics, opts);
      return spy.mock.calls.map(([line]) => String(line));
    } finally {
      spy.mockRestore();
    }
  }

  it('estimate: every other kind in full, the estimated ones condensed into one line with their total count', () => {
    expect(printed({})).toEqual([
      'warning: ignoring 2 corrupt cache files in /c (not JSON: 2); they will be rebuilt\n',
      'warning: prices: 10 from the cache (fetched 2h ago)\n',
      'warning: 4 prices are estimated (derived by a rule, not read from a source); --explain or --format json lists them\n',
    ]);
  });

  it('estimate --explain: all of them, none condensed', () => {
    expect(printed({ verbose: true })).toEqual(diagnostics.map((d) => `warning: ${d.text}\n`));
  });

  it('check: points to the command that lists them (check has no --explain)', () => {
    expect(printed({ hints: CHECK_HINTS }).at(-1)).toBe(
      'warning: 4 prices are estimated (derived by a rule, not read from a source); `dr-advisor estimate -f FILE --explain` lists them\n',
    );
  });
});

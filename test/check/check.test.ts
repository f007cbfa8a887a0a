/** The pure parts of `check`: baseline parsing and diff, the --max-increase rule, GitHub escaping, globs, flags. */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { matchBaseline, parseBaseline } from '../../src/advisor/check/baseline';
import type { BaselineEntry, WorkloadCheck } from '../../src/advisor/check/types';
import { compareWithBaseline, increaseViolation, pctText, timeChangeText } from '../../src/report/check-text';
import { expandFiles, parsePercentFlag } from '../../src/cli/commands/check';
import { expandBraces, globFiles } from '../../src/cli/glob';
import { InputError } from '../../src/errors';
import { annotation, escapeData, escapeProperty } from '../../src/report/check-github';

function workload(over: Partial<WorkloadCheck> = {}): WorkloadCheck {
  return {
    name: 'checkout', file: 'services/checkout/dr.yaml', strategy: 'pilot-light', strategyName: 'Pilot Light', strategySource: 'workload',
    recommended: 'pilot-light', drMonthlyCost: 330, primaryMonthlyCost: 400, rtoSeconds: 3120, rpoSeconds: 60, rtoAtConfidenceSeconds: 3500, rpoAtConfidenceSeconds: 120,
    costEstimated: false, targets: { rtoSeconds: 3600, rpoSeconds: 900, maxMonthlyCost: 1500, confidence: 0.9 }, pass: true, violations: [], cheaper: null, baseline: null,
    strategies: [
      { id: 'backup-restore', name: 'Backup & Restore', drMonthlyCost: 40, rtoSeconds: 6120, rpoSeconds: 90000, meetsTargets: false },
      { id: 'pilot-light', name: 'Pilot Light', drMonthlyCost: 330, rtoSeconds: 3120, rpoSeconds: 60, meetsTargets: true },
    ],
    ...over,
  };
}

const entry = (over: Partial<BaselineEntry> = {}): BaselineEntry => ({
  name: 'checkout', file: 'services/checkout/dr.yaml', strategy: 'pilot-light', drMonthlyCost: 300, rtoSeconds: 3600, rpoSeconds: 60,
  strategies: [
    { id: 'backup-restore', drMonthlyCost: 40, rtoSeconds: 6120, rpoSeconds: 90000 },
    { id: 'pilot-light', drMonthlyCost: 300, rtoSeconds: 3600, rpoSeconds: 60 },
  ],
  ...over,
});

describe('baseline diff (hand-computed)', () => {
  it('$300.00 → $330.00 is +$30.00, +10%; RTO 1h → 52m is -8m; RPO unchanged', () => {
    const c = compareWithBaseline(workload(), entry());
    expect(c).toMatchObject({ status: 'compared', strategy: 'pilot-light', strategyChanged: false, costDelta: 30, costDeltaPct: 10, rtoDeltaSeconds: -480, rpoDeltaSeconds: 0 });
    if (c.status !== 'compared') throw new Error('compared');
    expect(c.strategies).toEqual([
      { id: 'backup-restore', baselineDrMonthlyCost: 40, drMonthlyCost: 40, costDelta: 0, costDeltaPct: 0, rtoDeltaSeconds: 0, rpoDeltaSeconds: 0 },
      { id: 'pilot-light', baselineDrMonthlyCost: 300, drMonthlyCost: 330, costDelta: 30, costDeltaPct: 10, rtoDeltaSeconds: -480, rpoDeltaSeconds: 0 },
    ]);
    expect(c.message).toBe('DR cost $300.00 → $330.00 (+$30.00, +10.0%), RTO 1h → 52m (-8m), RPO 1m (no change)');
  });

  it('rounds money to cents and percentages to 0.01: $298.69 → $303.69 is +$5.00, +1.67%', () => {
    const c = compareWithBaseline(workload({ drMonthlyCost: 303.69 }), entry({ drMonthlyCost: 298.69 }));
    expect(c).toMatchObject({ costDelta: 5, costDeltaPct: 1.67 });
  });

  it('a cheaper strategy is a negative delta; a strategy switch is named', () => {
    const c = compareWithBaseline(workload({ strategy: 'backup-restore', strategyName: 'Backup & Restore', drMonthlyCost: 40 }), entry());
    expect(c).toMatchObject({ strategy: 'pilot-light', strategyChanged: true, costDelta: -260, costDeltaPct: -86.67 });
    expect(c.message.startsWith('strategy pilot-light → backup-restore; DR cost $300.00 → $40.00 (-$260.00, -86.7%)')).toBe(true);
  });

  it('from $0 the percentage is n/a and any rise breaks any --max-increase', () => {
    const c = compareWithBaseline(workload({ drMonthlyCost: 12.5 }), entry({ drMonthlyCost: 0 }));
    expect(c).toMatchObject({ costDelta: 12.5, costDeltaPct: null });
    expect(pctText(null)).toBe('n/a');
    expect(increaseViolation(c, 1000)?.message).toBe('DR cost rose from $0.00 to $12.50/month since the baseline, more than the 1000% allowed increase');
  });

  it('--max-increase: exactly the limit passes, a cent more fails, a decrease never fails', () => {
    expect(increaseViolation(compareWithBaseline(workload({ drMonthlyCost: 330 }), entry()), 10)).toBeNull();
    expect(increaseViolation(compareWithBaseline(workload({ drMonthlyCost: 330.01 }), entry()), 10)).toEqual({
      target: 'maxIncrease', actual: 10, limit: 10, message: 'DR cost +$30.01/month (+10.0%) since the baseline > 10% allowed increase',
    });
    expect(increaseViolation(compareWithBaseline(workload({ drMonthlyCost: 100 }), entry()), 0)).toBeNull();
    expect(increaseViolation(compareWithBaseline(workload({ drMonthlyCost: 300.01 }), entry()), 0)?.target).toBe('maxIncrease');
    expect(increaseViolation(compareWithBaseline(workload({ drMonthlyCost: 340 }), entry()), 12.5)?.message).toBe(
      'DR cost +$40.00/month (+13.3%) since the baseline > 12.5% allowed increase',
    );
  });

  it('a workload missing from the baseline is new', () => {
    expect(compareWithBaseline(workload(), undefined)).toEqual({ status: 'new', message: 'checkout is new since the baseline, so there is nothing to compare.' });
    expect(increaseViolation(compareWithBaseline(workload(), undefined), 0)).toBeNull();
  });

  it('time changes read naturally', () => {
    expect(timeChangeText(840, 540)).toBe('14m → 9m (-5m)');
    expect(timeChangeText(60, 60)).toBe('1m (no change)');
    expect(timeChangeText(3600, 6120)).toBe('1h → 1h 42m (+42m)');
  });
});

describe('matching workloads to the baseline', () => {
  it('same file and name; then a baseline run over another checkout (path suffix); then a unique name', () => {
    const a = entry();
    const b = entry({ file: '/tmp/base/services/checkout/dr.yaml' });
    const other = entry({ name: 'orders-api', file: 'services/orders-api/dr.yaml' });
    expect(matchBaseline(workload(), [other, a])).toBe(a);
    expect(matchBaseline(workload(), [other, b])).toBe(b);
    expect(matchBaseline(workload({ file: './services/checkout/dr.yaml' }), [other, b])).toBe(b);
    expect(matchBaseline(workload({ file: 'moved/dr.yaml' }), [other, a])).toBe(a);
    // Two entries with the name and neither at this path: ambiguous, so new.
    expect(matchBaseline(workload({ file: 'moved/dr.yaml' }), [a, entry({ file: 'x/dr.yaml' })])).toBeUndefined();
  });
});

describe('parseBaseline', () => {
  it('reads a check document', () => {
    const doc = { schemaVersion: 1, kind: 'dr-advisor-check', workloads: [{ name: 'a', file: 'a.yaml', strategy: 'pilot-light', drMonthlyCost: 1, rtoSeconds: 2, rpoSeconds: 3, pass: true }] };
    expect(parseBaseline(doc, 'b.json')).toEqual([{ name: 'a', file: 'a.yaml', strategy: 'pilot-light', drMonthlyCost: 1, rtoSeconds: 2, rpoSeconds: 3, strategies: [] }]);
  });

  it("reads an estimate document: the workload's strategy, else the recommended one", () => {
    const strategies = [
      { id: 'pilot-light', drMonthlyCost: 10, rtoSeconds: 20, rpoSeconds: 30 },
      { id: 'warm-standby', drMonthlyCost: 40, rtoSeconds: 50, rpoSeconds: 60 },
    ];
    const doc = { schemaVersion: 1, workload: { name: 'w' }, strategies, recommendation: { strategy: 'warm-standby' } };
    expect(parseBaseline(doc, 'e.json')[0]).toMatchObject({ name: 'w', file: null, strategy: 'warm-standby', drMonthlyCost: 40 });
    expect(parseBaseline({ ...doc, workload: { name: 'w', strategy: 'pilot-light' } }, 'e.json')[0]).toMatchObject({ strategy: 'pilot-light', drMonthlyCost: 10 });
  });

  it('refuses anything else with one line naming the field', () => {
    const msg = (doc: unknown) => {
      try {
        parseBaseline(doc, 'b.json');
      } catch (e) {
        expect(e).toBeInstanceOf(InputError);
        return (e as Error).message;
      }
      throw new Error('accepted');
    };
    expect(msg([])).toMatch(/^b\.json: not a dr-advisor JSON output/);
    expect(msg(null)).toMatch(/^b\.json: not a dr-advisor JSON output/);
    expect(msg({ schemaVersion: 2, kind: 'dr-advisor-check', workloads: [] })).toBe('b.json: schemaVersion must be 1 (got 2)');
    expect(msg({ schemaVersion: 1, kind: 'dr-advisor-check', workloads: 'x' })).toBe('b.json: workloads must be a list (got "x")');
    expect(msg({ schemaVersion: 1, kind: 'dr-advisor-check', workloads: [{ name: 'a', file: null, strategy: 'x', drMonthlyCost: 1, rtoSeconds: 1 }] })).toBe(
      'b.json: workloads[0].rpoSeconds must be a number (got nothing)',
    );
    // A negative cost or time is a corrupt or hand-edited baseline, not a figure to diff against (issue 15).
    expect(msg({ schemaVersion: 1, kind: 'dr-advisor-check', workloads: [{ name: 'a', file: null, strategy: 'x', drMonthlyCost: -5, rtoSeconds: 1, rpoSeconds: 1 }] })).toBe(
      'b.json: workloads[0].drMonthlyCost must be a number ≥ 0 (got -5)',
    );
  });

  it('never throws anything but an InputError, whatever the JSON (property)', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (doc) => {
        try {
          parseBaseline(doc, 'b.json');
        } catch (e) {
          return e instanceof InputError && !e.message.includes('\n');
        }
        return true;
      }),
    );
  });
});

describe('GitHub workflow-command escaping', () => {
  it('escapes % \\r \\n in data, and also : and , in properties', () => {
    expect(escapeData('100% done\r\nnext: a,b')).toBe('100%25 done%0D%0Anext: a,b');
    expect(escapeProperty('100% done\r\nnext: a,b')).toBe('100%25 done%0D%0Anext%3A a%2Cb');
    expect(annotation('error', { file: 'svc/a,b:c%/dr.yaml', title: 'DR check failed for x (pilot-light)' }, 'RTO 52m > 30m target\nsecond line')).toBe(
      '::error file=svc/a%2Cb%3Ac%25/dr.yaml,title=DR check failed for x (pilot-light)::RTO 52m > 30m target%0Asecond line',
    );
  });

  it('an escaped value never contains a raw newline, comma or colon, and unescapes to the original (property)', () => {
    const unescape = (s: string) => s.replace(/%2C/g, ',').replace(/%3A/g, ':').replace(/%0A/g, '\n').replace(/%0D/g, '\r').replace(/%25/g, '%');
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', '%', ':', ',', '\r', '\n', '2', 'C', 'A', ' ') }), (s) => {
        const p = escapeProperty(s);
        expect(p).not.toMatch(/[\r\n,:]/);
        expect(unescape(p)).toBe(s);
        expect(escapeData(s)).not.toMatch(/[\r\n]/);
      }),
    );
  });
});

describe('globs', () => {
  function tree(): string {
    const dir = mkdtempSync(join(tmpdir(), 'dr-glob-'));
    for (const p of ['services/a/dr.yaml', 'services/b/dr.yaml', 'services/b/other.yaml', 'services/c/deep/dr.yaml', 'services/.hidden/dr.yaml', 'node_modules/x/dr.yaml', 'dr.yaml', 'services/ab/dr.yml']) {
      mkdirSync(join(dir, p, '..'), { recursive: true });
      writeFileSync(join(dir, p), 'x');
    }
    return dir;
  }

  it('* and ? match within one directory, ** across any number, {a,b} alternatives; dot dirs and node_modules skipped', () => {
    const dir = tree();
    const rel = (ps: string[]) => ps.map((p) => p.slice(dir.length + 1));
    expect(rel(globFiles(`${dir}/services/*/dr.yaml`))).toEqual(['services/a/dr.yaml', 'services/b/dr.yaml']);
    expect(rel(globFiles(`${dir}/services/?/dr.yaml`))).toEqual(['services/a/dr.yaml', 'services/b/dr.yaml']);
    expect(rel(globFiles(`${dir}/**/dr.yaml`))).toEqual(['dr.yaml', 'services/a/dr.yaml', 'services/b/dr.yaml', 'services/c/deep/dr.yaml']);
    expect(rel(globFiles(`${dir}/services/*/dr.{yaml,yml}`))).toEqual(['services/a/dr.yaml', 'services/ab/dr.yml', 'services/b/dr.yaml']);
    expect(rel(globFiles(`${dir}/services/.*/dr.yaml`))).toEqual(['services/.hidden/dr.yaml']);
    expect(globFiles(`${dir}/services/*/nothing.yaml`)).toEqual([]);
  });

  it('relative patterns give relative paths; a literal path is passed through for the loader to report', () => {
    const dir = tree();
    const cwd = process.cwd();
    process.chdir(dir);
    try {
      expect(globFiles('services/*/dr.yaml')).toEqual(['services/a/dr.yaml', 'services/b/dr.yaml']);
      expect(globFiles('./services/a/*.yaml')).toEqual(['./services/a/dr.yaml']);
      expect(globFiles('missing.yaml')).toEqual(['missing.yaml']);
      expect(expandFiles(['services/b/*.yaml', 'services/*/dr.yaml'])).toEqual(['services/b/dr.yaml', 'services/b/other.yaml', 'services/a/dr.yaml']);
      expect(() => expandFiles(['services/*/none.yaml'])).toThrow('-f "services/*/none.yaml" matched no files');
    } finally {
      process.chdir(cwd);
    }
  });

  it('expands braces', () => {
    expect(expandBraces('a/{b,c}/{d,e}.yaml')).toEqual(['a/b/d.yaml', 'a/b/e.yaml', 'a/c/d.yaml', 'a/c/e.yaml']);
    expect(expandBraces('plain')).toEqual(['plain']);
  });
});

describe('--max-increase', () => {
  it('takes 10%, 10, 2.5% and +5%', () => {
    expect(parsePercentFlag('--max-increase', '10%')).toBe(10);
    expect(parsePercentFlag('--max-increase', '10')).toBe(10);
    expect(parsePercentFlag('--max-increase', '2.5%')).toBe(2.5);
    expect(parsePercentFlag('--max-increase', '+5%')).toBe(5);
  });

  it('any non-negative number with or without % round-trips; anything else is one InputError line (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000 }), fc.integer({ min: 0, max: 99 }), fc.boolean(), (whole, frac, pct) => {
        const text = `${whole}.${String(frac).padStart(2, '0')}${pct ? '%' : ''}`;
        expect(parsePercentFlag('--max-increase', text)).toBeCloseTo(whole + frac / 100, 10);
      }),
    );
    fc.assert(
      fc.property(fc.string(), (s) => {
        try {
          const n = parsePercentFlag('--max-increase', s);
          return Number.isFinite(n) && n >= 0;
        } catch (e) {
          return e instanceof InputError && e.message === `--max-increase must be a percentage ≥ 0 like 10% (got ${JSON.stringify(s)})`;
        }
      }),
    );
  });
});

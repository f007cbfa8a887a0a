/**
 * The built CLI in a real terminal (tmux): tables fit an 80-column window (pipes and files keep the full table), and
 * colour follows one rule: never under --no-color, NO_COLOR, TERM=dumb or CI, where CI=false and CI=0 are not CI.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HAS_TMUX, NO_TMUX_REASON, TmuxTerminal } from '../helpers/tmux';

/** The examples, by absolute path (the CLI runs in a temp folder). */
const EXAMPLES = join(import.meta.dirname, '../../data/examples/*.yaml');
const SGR = /\x1b\[[0-9;]*m/;
/** Columns of a line (every character here is one column wide). */
const cols = (l: string) => [...l].length;

describe.skipIf(!HAS_TMUX)(`the CLI in a real terminal (tmux)${HAS_TMUX ? '' : ` — ${NO_TMUX_REASON}`}`, () => {
  let dir: string;
  let term: TmuxTerminal;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'dr-term-'));
  });
  afterEach(() => {
    term?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  /** Runs to the end in a window of the given size; returns the screen (with colour codes when asked). */
  async function run(args: string[], opts: { cols?: number; rows?: number; env?: Record<string, string | null>; escapes?: boolean } = {}) {
    term?.stop();
    term = new TmuxTerminal(dir, { cols: opts.cols ?? 200, rows: opts.rows ?? 60 });
    term.start(args, opts.env);
    await term.waitFor(/EXIT=\d+/, 30_000);
    const screen = term.screen({ escapes: opts.escapes });
    return { screen, exit: Number(/EXIT=(\d+)/.exec(term.screen())![1]) };
  }

  it('80×24: `estimate --example web-app` (warnings included) has no line longer than 80 columns', async () => {
    const { screen, exit } = await run(['estimate', '--example', 'web-app'], { cols: 80, rows: 24 });
    expect(exit).toBe(0);
    expect(screen).toContain('▶ Active-Active, Global Accelerator');
    expect(screen).toContain('warning: ');
    expect(screen.split('\n').filter((l) => cols(l) > 80)).toEqual([]);
  }, 60_000);

  it('80 columns: --explain (every table) and `check --format table` fit too', async () => {
    const explain = await run(['estimate', '--example', 'global-saas', '--explain'], { cols: 80 });
    expect(explain.exit).toBe(0);
    expect(explain.screen).toContain('Recovery phase');
    expect(explain.screen.split('\n').filter((l) => cols(l) > 80)).toEqual([]);
    const check = await run(['check', '-f', EXAMPLES, '--format', 'table', '--rto', '4h', '--rpo', '1d'], { cols: 80 });
    expect(check.exit).toBe(0);
    expect(check.screen).toContain('3 of 3');
    expect(check.screen.split('\n').filter((l) => cols(l) > 80)).toEqual([]);
  }, 90_000);

  it('100 columns and more: the comparison stays a table', async () => {
    const { screen } = await run(['estimate', '--example', 'web-app'], { cols: 160 });
    expect(screen).toMatch(/│ Strategy +│ DR cost\/month │/);
  }, 60_000);

  it('a pipe on a narrow terminal keeps the full table', async () => {
    term = new TmuxTerminal(dir, { cols: 80, rows: 24 });
    term.start(['estimate', '--example', 'web-app'], {}, { pipeTo: 'cat' });
    const screen = await term.waitFor(/EXIT=\d+/, 30_000);
    expect(screen).toMatch(/│ Strategy +│ DR cost\/month │ RTO P50 \(at 90%\) │ RPO P50 \(at 90%\) +│ P\(RTO \/ RPO ≤ target\) │ Expected loss\/yr │ Total\/yr +│ Meets targets +│/);
    expect(screen.split('\n').some((l) => cols(l) > 80)).toBe(true);
  }, 60_000);

  describe('colour', () => {
    const colourful = async (env: Record<string, string | null>, args = ['estimate', '--example', 'web-app']) => {
      const { screen, exit } = await run(args, { env, escapes: true });
      expect(exit).toBe(0);
      return screen;
    };

    it('on a colour terminal: the heading (bold) and the table head (cyan) are coloured, decided by one rule', async () => {
      const s = await colourful({});
      expect(s).toMatch(/\x1b\[1mcheckout/);
      expect(s).toMatch(/\x1b\[36mStrategy/);
    }, 60_000);

    it('CI=false and CI=0 are not CI: coloured exactly like no CI at all; NO_COLOR= (empty) does not disable colour', async () => {
      const plain = await colourful({});
      for (const env of [{ CI: 'false' }, { CI: '0' }, { CI: 'FALSE' }, { NO_COLOR: '' }] as Record<string, string>[]) expect(await colourful(env), JSON.stringify(env)).toBe(plain);
    }, 120_000);

    it('no ANSI colour code at all under TERM=dumb, NO_COLOR=1, CI=true, CI=1 or --no-color (estimate and check)', async () => {
      for (const env of [{ TERM: 'dumb' }, { NO_COLOR: '1' }, { CI: 'true' }, { CI: '1' }] as Record<string, string>[]) {
        expect(await colourful(env), JSON.stringify(env)).not.toMatch(SGR);
      }
      expect(await colourful({}, ['estimate', '--example', 'web-app', '--no-color'])).not.toMatch(SGR);
      expect(await colourful({ TERM: 'dumb' }, ['check', '-f', EXAMPLES, '--format', 'table', '--rto', '4h', '--rpo', '1d'])).not.toMatch(SGR);
      expect(await colourful({}, ['check', '-f', EXAMPLES, '--format', 'table', '--rto', '4h', '--rpo', '1d'])).toMatch(SGR);
    }, 180_000);
  });
});

/**
 * The built binary in a real pseudo-terminal: tmux runs it, `send-keys` answers the questions as a person would and
 * `capture-pane` reads the screen. Skipped, with the reason in the suite name, when tmux is not installed.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { validateWorkload } from '../../src/workload/validate';
import { runCli } from '../helpers/cli';
import { HAS_TMUX, NO_TMUX_REASON as SKIP_REASON, TmuxTerminal as Terminal } from '../helpers/tmux';

const NEEDS_TERMINAL =
  'error: the wizard needs a terminal (stdin and stdout a TTY, TERM not dumb, and CI unset); without one use `dr-advisor estimate -f FILE` or `--example NAME`, or `dr-advisor init` for a template';

describe.skipIf(!HAS_TMUX)(`wizard in a real terminal (tmux)${HAS_TMUX ? '' : ` — ${SKIP_REASON}`}`, () => {
  let dir: string;
  let term: Terminal;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'dr-wizard-'));
    term = new Terminal(dir);
  });
  afterEach(() => {
    term.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers the questions, shows the recommendation and saves a valid workload file', async () => {
    term.start(['wizard', '--example', 'web-app']);
    await term.answer('Workload name', { type: 'shop' }, 'Enter');
    await term.answer('Primary region', 'Enter');
    // The region list is searchable by name: wait until the search shows the match before Enter.
    await term.answer('DR region', { type: 'ireland' });
    await term.waitFor('❯ eu-west-1');
    term.keys('Enter');
    await term.answer('App server instance type', { type: 'm5.xl' });
    await term.waitFor('❯ m5.xlarge');
    term.keys('Enter');
    await term.answer('Number of app servers', { type: '-2' }, 'Enter');
    await term.waitFor('> compute.count must be a whole number ≥ 1 (got -2)');
    term.keys('BSpace', 'BSpace');
    term.type('3');
    term.keys('Enter');
    await term.answer('Database ·', 'Enter');
    await term.answer('Database instance class', 'Enter');
    await term.answer('Database size (GB)', 'Enter');
    await term.answer('Object storage (S3 GB)', 'Enter');
    await term.answer('Data changed per day (GB)', 'Enter');
    await term.answer('Failure detection and failover decision', 'Down', 'Down', 'Enter');
    await term.answer('RTO target', { type: '30' }, 'Enter');
    await term.waitFor('> targets.rto must be a duration like 90s, 15m, 4h or 1d (got "30")');
    term.keys('BSpace', 'BSpace');
    term.type('15m');
    term.keys('Enter');
    await term.answer('RPO target', 'Enter');
    await term.answer('Monthly DR budget (USD)', 'Enter');
    await term.answer('Downtime cost per hour (USD)', 'Enter');
    await term.answer('Change an answer?', 'Enter');
    await term.answer('Save these answers as a workload file?', 'Enter');
    await term.answer('Strategy you run or plan to run', 'Enter');
    await term.answer('File name', 'Enter');
    const screen = await term.waitFor(/EXIT=\d+/);
    expect(screen).toContain('EXIT=0');

    // The answered lines stay on screen.
    for (const line of ['✔ Workload name shop', '✔ DR region eu-west-1', '✔ App server instance type m5.xlarge', '✔ Number of app servers 3', '✔ RTO target 15m']) {
      expect(screen).toContain(line);
    }
    // The saved file: valid, commented, holding the answers.
    const text = readFileSync(join(dir, 'dr-workload.yaml'), 'utf8');
    expect(text.startsWith('# dr-advisor workload file (version 1), written by `dr-advisor wizard`.\n')).toBe(true);
    const saved = validateWorkload(parseYaml(text), 'dr-workload.yaml');
    expect(saved.name).toBe('shop');
    expect(saved.regions).toEqual({ primary: 'us-east-1', dr: 'eu-west-1', additional: [] });
    expect(saved.compute).toEqual({ instanceType: 'm5.xlarge', count: 3, ebsGbPerInstance: 50, ebsVolumesPerInstance: 1 });
    expect(saved.database).toMatchObject({ engine: 'aurora-mysql', instanceClass: 'db.r6g.large', storageGb: 500 });
    expect(saved.operations).toMatchObject({ detection: 'automated', failoverDecision: 'automated' });
    expect(saved.targets).toEqual({ rto: '15m', rpo: '15m', maxMonthlyCost: 1500, confidence: 0.9 });
    expect(saved.business).toMatchObject({ downtimeCostPerHour: 20000, dataLossCostPerHour: 5000 });

    // The recommendation on screen is the one `estimate` gives for the saved file; the saved strategy is the example
    // file's own (pilot-light), which the strategy question offered as its default, not the recommended one.
    const est = runCli(['estimate', '-f', join(dir, 'dr-workload.yaml'), '--format', 'json'], { env: { DR_ADVISOR_CACHE_DIR: join(dir, 'cache') } });
    expect(est.status).toBe(0);
    type Option = { id: string; name: string; base: string };
    const report = JSON.parse(est.stdout) as { recommendation: { strategy: string }; strategies: Option[]; variants: Option[] };
    // The recommended option may be a drop-in variant of a strategy; the file records its base strategy.
    const rec = [...report.strategies, ...report.variants].find((s) => s.id === report.recommendation.strategy)!;
    expect(screen).toContain(`▶ ${rec.name}`);
    expect(screen).toContain(`Recommendation: ${rec.name}.`);
    expect(rec.base).not.toBe('pilot-light');
    expect(saved.strategy).toBe('pilot-light');
    expect(screen).toContain('✔ Strategy you run or plan to run Pilot Light');
    expect(screen).toContain('Saved dr-workload.yaml.');
    expect(screen).toContain('  dr-advisor check -f dr-workload.yaml');
  }, 120_000);

  it('what is typed at full speed is what is shown and used; an unknown type is re-asked; Esc goes back; the review changes an answer', async () => {
    term.start(['wizard', '--example', 'web-app']);
    await term.answer('Workload name', 'Enter');
    await term.answer('Primary region', 'Enter');
    await term.answer('DR region', 'Enter');
    // An instance type the catalog does not have, typed and entered at once: refused in place, never "accepted".
    await term.waitFor('? App server instance type');
    term.typeEnter('m5.superlarge');
    await term.waitFor('> no match; keep typing or clear the search');
    term.keys('C-u'); // clear the search
    // Typed at full speed, then Enter at once: the answer is the typed type, not the pre-filled m5.large.
    term.typeEnter('c5.xlarge');
    await term.waitFor('✔ App server instance type c5.xlarge');
    // Esc at the next question goes back to the instance type, which now defaults to what was answered.
    await term.answer('Number of app servers', 'Escape');
    let screen = await term.waitFor(/\? App server instance type[^\n]*\n❯ c5\.xlarge/);
    term.keys('Enter');
    for (const question of ['Number of app servers', 'Database ·', 'Database instance class', 'Database size (GB)', 'Object storage (S3 GB)',
      'Data changed per day (GB)', 'Failure detection and failover decision', 'RTO target', 'RPO target', 'Monthly DR budget (USD)',
      'Downtime cost per hour (USD)']) {
      await term.answer(question, 'Enter');
    }
    // The review lists every answer; Down picks the first (the name), which is asked again.
    screen = await term.waitFor('? Change an answer?');
    for (const line of ['❯ No, price these answers', '  Workload name: checkout', '  App server instance type: c5.xlarge', '  Number of app servers: 2',
      '  RTO target: 1h', '  Downtime cost per hour (USD): 20000']) {
      expect(screen).toContain(line);
    }
    term.keys('Down', 'Enter');
    await term.answer('Workload name', 'C-u');
    term.typeEnter('renamed');
    await term.waitFor('✔ Workload name renamed');
    screen = await term.waitFor('  Workload name: renamed');
    term.keys('Enter');
    await term.answer('Save these answers as a workload file?', 'Enter');
    await term.answer('Strategy you run or plan to run', 'Enter');
    await term.answer('File name', 'Enter');
    screen = await term.waitFor(/EXIT=\d+/);
    expect(screen).toContain('EXIT=0');
    expect(screen).not.toContain('✔ App server instance type m5.large');
    expect(screen).not.toContain('m5.superlarge\n✔');

    const saved = validateWorkload(parseYaml(readFileSync(join(dir, 'dr-workload.yaml'), 'utf8')), 'dr-workload.yaml');
    expect(saved.name).toBe('renamed');
    expect(saved.tiers[0].instanceType).toBe('c5.xlarge');
    // The estimate on screen priced c5.xlarge: its primary-region cost is the one `estimate` gives for the saved file.
    const est = runCli(['estimate', '-f', join(dir, 'dr-workload.yaml'), '--format', 'json'], { env: { DR_ADVISOR_CACHE_DIR: join(dir, 'cache') } });
    const report = JSON.parse(est.stdout) as { primaryMonthlyCost: number; primaryLineItems: { component: string }[] };
    expect(report.primaryLineItems.some((i) => i.component.includes('c5.xlarge'))).toBe(true);
    const shown = /Primary region \(us-east-1\) runs at \$([\d,.]+)\/month/.exec(screen)![1];
    expect(Number(shown.replace(/,/g, ''))).toBeCloseTo(report.primaryMonthlyCost, 2);
  }, 120_000);

  it('in an 80-column terminal the report fits; with --no-color not one colour code, inquirer’s own included', async () => {
    term.stop();
    term = new Terminal(dir, { cols: 80, rows: 24 });
    term.start(['wizard', '--example', 'web-app', '--no-color']);
    for (const question of ['Workload name', 'Primary region', 'DR region', 'App server instance type', 'Number of app servers', 'Database ·',
      'Database instance class', 'Database size (GB)', 'Object storage (S3 GB)', 'Data changed per day (GB)', 'Failure detection and failover decision',
      'RTO target', 'RPO target', 'Monthly DR budget (USD)', 'Downtime cost per hour (USD)', 'Change an answer?']) {
      await term.answer(question, 'Enter');
    }
    await term.answer('Save these answers as a workload file?', 'n', 'Enter');
    const screen = await term.waitFor(/EXIT=\d+/);
    expect(screen).toContain('EXIT=0');
    const report = screen.slice(screen.indexOf('✔ Change an answer? No'), screen.indexOf('✔ Save these answers'));
    expect(report).toContain('Recommendation: ');
    expect(report).toContain('▶ Active-Active, Global Accelerator');
    const wide = report.split('\n').filter((l) => [...l].length > 80);
    expect(wide).toEqual([]);
    expect(term.screen({ escapes: true })).not.toMatch(/\x1b\[[0-9;]*m/);
  }, 120_000);

  it('TERM=dumb (no cursor movement): the wizard does not start, exit 2', async () => {
    term.start(['wizard'], { TERM: 'dumb' });
    const screen = await term.waitFor(/EXIT=\d+/);
    expect(screen).toContain(`${NEEDS_TERMINAL}\nEXIT=2`);
  }, 60_000);

  it('Ctrl-C at the first question exits 130 with one line', async () => {
    term.start(['wizard']);
    await term.answer('Workload name', 'C-c');
    const screen = await term.waitFor(/EXIT=\d+/);
    expect(screen).toContain('EXIT=130');
    expect(screen).toContain('cancelled (Ctrl-C); nothing was saved\nEXIT=130');
  }, 60_000);

  it('Ctrl-C at the file name leaves no file behind', async () => {
    term.start(['wizard', '--example', 'serverless-dynamodb']);
    const questions = [
      'Workload name', 'Primary region', 'DR region', 'App server instance type', 'Number of app servers', 'Database ·',
      'Database size (GB)', 'DynamoDB writes per second', 'DynamoDB reads per second', 'Object storage (S3 GB)',
      'Data changed per day (GB)', 'Failure detection and failover decision', 'RTO target', 'RPO target',
      'Monthly DR budget (USD)', 'Downtime cost per hour (USD)', 'Change an answer?', 'Save these answers as a workload file?', 'Strategy you run or plan to run',
    ];
    for (const question of questions) await term.answer(question, 'Enter');
    await term.answer('File name', 'C-c');
    const screen = await term.waitFor(/EXIT=\d+/);
    expect(screen).toContain('EXIT=130');
    expect(screen).toContain('cancelled (Ctrl-C); nothing was saved');
    expect(readdirSync(dir).filter((f) => !f.endsWith('.sock') && f !== 'cache')).toEqual([]);
  }, 120_000);

  it('on a terminal but with CI set, `dr-advisor wizard` never prompts: exit 2', async () => {
    term.start(['wizard'], { CI: '1' });
    const screen = await term.waitFor(/EXIT=\d+/);
    expect(screen).toContain(`${NEEDS_TERMINAL}\nEXIT=2`);
    expect(screen).not.toContain('? Workload name');
  }, 60_000);
});

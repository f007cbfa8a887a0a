/**
 * The built binary in a real pseudo-terminal: tmux runs it, `send-keys` answers the questions as a person would and
 * `capture-pane` reads the screen. Skipped, with the reason in the suite name, when tmux is not installed.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { validateWorkload } from '../../src/workload/validate';
import { BIN, runCli } from '../helpers/cli';

const HAS_TMUX = spawnSync('tmux', ['-V'], { encoding: 'utf8' }).status === 0;
const SKIP_REASON = 'skipped: tmux is not installed (apt-get install -y tmux)';

const q = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

/** One private tmux server (its own socket, no user config) with one 200×60 window. */
class Terminal {
  private readonly socket: string;
  constructor(private readonly dir: string) {
    this.socket = join(dir, 'tmux.sock');
  }
  private tmux(...args: string[]) {
    return spawnSync('tmux', ['-S', this.socket, '-f', '/dev/null', ...args], { encoding: 'utf8' });
  }
  /** Runs the CLI in the temp folder, without CI, with snapshot prices; prints EXIT=<code> when it ends. */
  start(args: string[], env: Record<string, string> = {}): void {
    const vars = Object.entries({ DR_ADVISOR_PRICING: 'snapshot', DR_ADVISOR_CACHE_DIR: join(this.dir, 'cache'), AWS_EC2_METADATA_DISABLED: 'true', ...env })
      .map(([k, v]) => `${k}=${q(v)}`)
      .join(' ');
    const cmd = `cd ${q(this.dir)} && env -u CI -u NO_COLOR ${vars} ${q(process.execPath)} ${q(BIN)} ${args.map(q).join(' ')}; echo "EXIT=$?"; sleep 300`;
    const r = this.tmux('new-session', '-d', '-x', '200', '-y', '60', '-s', 'wizard', cmd);
    if (r.status !== 0) throw new Error(`tmux new-session failed: ${r.stderr}`);
  }
  screen(): string {
    return this.tmux('capture-pane', '-p', '-J', '-S', '-1000', '-t', 'wizard').stdout;
  }
  async waitFor(what: string | RegExp, timeoutMs = 20_000): Promise<string> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const s = this.screen();
      if (typeof what === 'string' ? s.includes(what) : what.test(s)) return s;
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${String(what)}; the screen:\n${s}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }
  keys(...keys: string[]): void {
    this.tmux('send-keys', '-t', 'wizard', '--', ...keys);
  }
  type(text: string): void {
    this.tmux('send-keys', '-t', 'wizard', '-l', '--', text);
  }
  /** Waits for a question, then answers it. */
  async answer(question: string, ...keys: (string | { type: string })[]): Promise<void> {
    await this.waitFor(`? ${question}`);
    for (const k of keys) if (typeof k === 'string') this.keys(k);
    else this.type(k.type);
  }
  stop(): void {
    this.tmux('kill-server');
  }
}

const NEEDS_TERMINAL =
  'error: the wizard needs a terminal (stdin and stdout a TTY, and CI unset); without one use `dr-advisor estimate -f FILE` or `--example NAME`, or `dr-advisor init` for a template';

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
    expect(saved.compute).toEqual({ instanceType: 'm5.xlarge', count: 3, ebsGbPerInstance: 50 });
    expect(saved.database).toMatchObject({ engine: 'aurora-mysql', instanceClass: 'db.r6g.large', storageGb: 500 });
    expect(saved.operations).toMatchObject({ detection: 'automated', failoverDecision: 'automated' });
    expect(saved.targets).toEqual({ rto: '15m', rpo: '15m', maxMonthlyCost: 1500 });
    expect(saved.business).toMatchObject({ downtimeCostPerHour: 20000, dataLossCostPerHour: 5000 });

    // The recommendation on screen is the one `estimate` gives for the saved file, and it is the saved strategy.
    const est = runCli(['estimate', '-f', join(dir, 'dr-workload.yaml'), '--format', 'json'], { env: { DR_ADVISOR_CACHE_DIR: join(dir, 'cache') } });
    expect(est.status).toBe(0);
    const report = JSON.parse(est.stdout) as { recommendation: { strategy: string }; strategies: { id: string; name: string; base: string }[] };
    const rec = report.strategies.find((s) => s.id === report.recommendation.strategy)!;
    expect(screen).toContain(`▶ ${rec.name}`);
    expect(screen).toContain(`Recommendation: ${rec.name}.`);
    expect(saved.strategy).toBe(rec.base);
    expect(screen).toContain('Saved dr-workload.yaml.');
    expect(screen).toContain('  dr-advisor check -f dr-workload.yaml');
  }, 120_000);

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
      'Monthly DR budget (USD)', 'Downtime cost per hour (USD)', 'Save these answers as a workload file?', 'Strategy you run or plan to run',
    ];
    for (const question of questions) await term.answer(question, 'Enter');
    await term.answer('File name', 'C-c');
    const screen = await term.waitFor(/EXIT=\d+/);
    expect(screen).toContain('EXIT=130');
    expect(screen).toContain('cancelled (Ctrl-C); nothing was saved');
    expect(readdirSync(dir).filter((f) => f !== 'tmux.sock' && f !== 'cache')).toEqual([]);
  }, 120_000);

  it('on a terminal but with CI set, `dr-advisor wizard` never prompts: exit 2', async () => {
    term.start(['wizard'], { CI: '1' });
    const screen = await term.waitFor(/EXIT=\d+/);
    expect(screen).toContain(`${NEEDS_TERMINAL}\nEXIT=2`);
    expect(screen).not.toContain('? Workload name');
  }, 60_000);
});

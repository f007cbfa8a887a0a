/**
 * The built CLI in a real pseudo-terminal: one private tmux server (its own socket, no user config) with one window of
 * the given size. `send-keys` types as a person would, `capture-pane` reads the screen (`-e` keeps the colour codes).
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { BIN } from './cli';

export const HAS_TMUX = spawnSync('tmux', ['-V'], { encoding: 'utf8' }).status === 0;
export const NO_TMUX_REASON = 'skipped: tmux is not installed (apt-get install -y tmux)';

export const shq = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

let sockets = 0;

export class TmuxTerminal {
  private readonly socket: string;
  constructor(
    private readonly dir: string,
    private readonly size: { cols: number; rows: number } = { cols: 200, rows: 60 },
  ) {
    this.socket = join(dir, `tmux-${process.pid}-${sockets++}.sock`);
  }
  private tmux(...args: string[]) {
    return spawnSync('tmux', ['-S', this.socket, '-f', '/dev/null', ...args], { encoding: 'utf8' });
  }
  /**
   * Runs the CLI in the folder, without CI or NO_COLOR (unless `env` sets them; a value of null unsets), with snapshot
   * prices and TERM=xterm-256color; prints EXIT=<code> when it ends. `pipeTo` pipes stdout into a shell command.
   */
  start(args: string[], env: Record<string, string | null> = {}, opts: { pipeTo?: string } = {}): void {
    const all: Record<string, string | null> = {
      TERM: 'xterm-256color', DR_ADVISOR_PRICING: 'snapshot', DR_ADVISOR_CACHE_DIR: join(this.dir, 'cache'), AWS_EC2_METADATA_DISABLED: 'true', ...env,
    };
    const unset = ['CI', 'NO_COLOR', 'FORCE_COLOR', ...Object.keys(all).filter((k) => all[k] === null)].map((k) => `-u ${k}`).join(' ');
    const vars = Object.entries(all)
      .filter(([, v]) => v !== null)
      .map(([k, v]) => `${k}=${shq(v!)}`)
      .join(' ');
    const run = `env ${unset} ${vars} ${shq(process.execPath)} ${shq(BIN)} ${args.map(shq).join(' ')}${opts.pipeTo ? ` | ${opts.pipeTo}` : ''}`;
    const cmd = `cd ${shq(this.dir)} && ${run}; echo "EXIT=$?"; sleep 300`;
    const r = this.tmux('new-session', '-d', '-x', String(this.size.cols), '-y', String(this.size.rows), '-s', 'cli', cmd);
    if (r.status !== 0) throw new Error(`tmux new-session failed: ${r.stderr}`);
  }
  /** The screen and its history; wrapped lines joined (-J), so a line wider than the window shows as one long line. */
  screen(opts: { escapes?: boolean } = {}): string {
    return this.tmux('capture-pane', '-p', '-J', ...(opts.escapes ? ['-e'] : []), '-S', '-5000', '-t', 'cli').stdout;
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
    this.tmux('send-keys', '-t', 'cli', '--', ...keys);
  }
  type(text: string): void {
    this.tmux('send-keys', '-t', 'cli', '-l', '--', text);
  }
  /** Types the text and presses Enter in one tmux command: as fast as a person typing ahead, faster than a render. */
  typeEnter(text: string): void {
    this.tmux('send-keys', '-t', 'cli', '-l', '--', text, ';', 'send-keys', '-t', 'cli', 'Enter');
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

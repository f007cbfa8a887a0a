/**
 * What the terminal allows: colour, spinners and prompts only on a TTY, never with NO_COLOR, --no-color or CI.
 */
function envSet(name: string): boolean {
  const v = process.env[name];
  return v !== undefined && v !== '' && v !== '0' && v.toLowerCase() !== 'false';
}

export const terminal = {
  /** stdout is a terminal. */
  stdoutIsTty(): boolean {
    return Boolean(process.stdout.isTTY);
  },
  /** Prompts need a terminal on both ends, and never in CI. */
  canPrompt(): boolean {
    return Boolean(process.stdin.isTTY) && Boolean(process.stdout.isTTY) && !envSet('CI');
  },
  /** Colour on stdout. `noColorFlag` is commander's `color: false` from --no-color. */
  color(opts: { color?: boolean } = {}): boolean {
    if (opts.color === false) return false;
    if (process.env.NO_COLOR !== undefined && process.env.NO_COLOR !== '') return false;
    if (envSet('CI')) return false;
    return Boolean(process.stdout.isTTY);
  },
  /** Spinners and progress on stderr. */
  spinner(opts: { color?: boolean } = {}): boolean {
    if (opts.color === false) return false;
    if (process.env.NO_COLOR !== undefined && process.env.NO_COLOR !== '') return false;
    if (envSet('CI')) return false;
    return Boolean(process.stderr.isTTY);
  },
};

/**
 * What the terminal allows, decided in one place. The rule (README "Colour and terminal width"):
 *
 * - Colour (ANSI SGR codes) on stdout only when stdout is a TTY and none of these holds: `--no-color`; `NO_COLOR` set
 *   to a non-empty value (no-color.org); `TERM=dumb`; CI. Spinners on stderr follow the same rule with stderr's TTY,
 *   and are also off under `--quiet`. Output written to `--out-file` is never coloured.
 * - CI means the `CI` variable set to anything but empty, `0` or `false` (any case): `CI=false` and `CI=0` are not CI,
 *   for colour, spinners and prompts alike.
 * - Prompts need stdin and stdout to be TTYs, not CI, and a terminal that can move the cursor (not `TERM=dumb`).
 * - Width: tables fit `process.stdout.columns` when stdout is a TTY; pipes and files get the full table.
 */
function envSet(name: string): boolean {
  const v = process.env[name];
  return v !== undefined && v !== '' && v !== '0' && v.toLowerCase() !== 'false';
}

/** The flags that bear on the terminal (commander's `optsWithGlobals()`: `color: false` from --no-color). */
export interface TerminalFlags {
  color?: boolean;
  outFile?: string;
  quiet?: boolean;
}

/** True when the environment forbids colour whatever the stream: NO_COLOR, TERM=dumb, CI. */
function colourForbidden(opts: TerminalFlags): boolean {
  if (opts.color === false) return true;
  if (process.env.NO_COLOR !== undefined && process.env.NO_COLOR !== '') return true;
  if (process.env.TERM === 'dumb') return true;
  return terminal.isCi();
}

export const terminal = {
  /** CI is set (to anything but empty, 0 or false). */
  isCi(): boolean {
    return envSet('CI');
  },
  /** stdout is a terminal (and the output goes there, not to --out-file). */
  stdoutIsTty(opts: TerminalFlags = {}): boolean {
    return Boolean(process.stdout.isTTY) && !opts.outFile;
  },
  /** Prompts need a terminal on both ends that can move the cursor, and never in CI. */
  canPrompt(): boolean {
    return Boolean(process.stdin.isTTY) && Boolean(process.stdout.isTTY) && process.env.TERM !== 'dumb' && !terminal.isCi();
  },
  /** Colour on stdout. */
  color(opts: TerminalFlags = {}): boolean {
    return !colourForbidden(opts) && terminal.stdoutIsTty(opts);
  },
  /** Spinners and progress on stderr. */
  spinner(opts: TerminalFlags = {}): boolean {
    return !colourForbidden(opts) && !opts.quiet && Boolean(process.stderr.isTTY);
  },
  /** The width tables must fit, or undefined for the full table (stdout not a terminal, or --out-file). */
  width(opts: TerminalFlags = {}): number | undefined {
    if (!terminal.stdoutIsTty(opts)) return undefined;
    const cols = process.stdout.columns;
    return typeof cols === 'number' && cols > 0 ? cols : undefined;
  },
};

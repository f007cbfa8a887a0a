/**
 * The commander program: declares commands, flags, help (with examples) and completion only, and lazily imports
 * `commands/<name>` so that start-up parses nothing a command does not need. Errors become one line on stderr and an
 * exit code (design.md §3).
 */
import { writeSync } from 'node:fs';
import { Command, CommanderError, Option } from 'commander';
import { InputError } from '../errors';
import { nearest, editDistance } from '../text/suggest';
import { VERSION } from '../version';
import { checkOutFile, diagnostics } from './output';
import { terminal } from './terminal';
import { describeOsError, FILE_ERROR_CODES, FileReadError } from '../io/read';
import { echo, echoPath } from '../text/escape';

const FORMATS = ['table', 'json', 'markdown'] as const;
const CHECK_FORMATS = ['table', 'json', 'markdown', 'github'] as const;
const PRICING_MODES = ['auto', 'live', 'snapshot'] as const;
export const SCHEMAS = ['workload', 'output', 'check'] as const;
export const SHELLS = ['bash', 'zsh', 'fish'] as const;

function pricingOptions(cmd: Command): Command {
  return cmd
    .addOption(new Option('--pricing <mode>', 'where prices come from (env DR_ADVISOR_PRICING)').choices(PRICING_MODES))
    .option('--offline', 'never touch the network: cache, then the bundled snapshot')
    .option('--max-price-age <duration>', 'refuse prices older than this, e.g. 30d (exit 3)');
}

/** --out-file, --force and --quiet, for the commands whose output is a report. */
function outputOptions(cmd: Command): Command {
  return cmd
    .option('-o, --out-file <file>', 'write the output to this file (atomically) instead of stdout')
    .option('--force', 'overwrite --out-file if it exists')
    .option('-q, --quiet', 'no warnings on stderr (errors are still printed)');
}

/** An "Examples:" block after a command's help. */
function examples(cmd: Command, lines: readonly [string, string][]): Command {
  const width = Math.max(...lines.map(([c]) => c.length));
  return cmd.addHelpText('after', `\nExamples:\n${lines.map(([c, what]) => `  $ ${c.padEnd(width)}  # ${what}`).join('\n')}\n`);
}

/** `unknown command 'estimat' (did you mean estimate?)`: the suggestion only when it is close enough to be a typo. */
export function unknownCommandMessage(name: string, known: readonly string[], parent = ''): string {
  const [best] = nearest(name, known, 1);
  const close = best !== undefined && editDistance(name.toLowerCase(), best.toLowerCase()) <= Math.max(1, Math.floor(best.length / 3));
  const run = parent ? `dr-advisor ${parent} --help` : 'dr-advisor --help';
  return `unknown command '${name}' (${close ? `did you mean ${best}?` : `run \`${run}\` for the commands`})`;
}

export function buildProgram(): Command {
  const program = new Command();
  program
    .name('dr-advisor')
    .usage('[options] [command]')
    .description('What disaster recovery on AWS will cost you and how fast you will recover.')
    .version(VERSION, '-V, --version', 'print the version')
    .option('--no-color', 'no colour (also NO_COLOR, TERM=dumb or CI)')
    .option('--debug', 'show stack traces for errors (with source maps)')
    .argument('[command]')
    .showSuggestionAfterError(true)
    .configureHelp({ visibleArguments: () => [] })
    .configureOutput({ writeOut, writeErr: (s) => process.stderr.write(s) })
    .exitOverride();
  program.helpCommand(false); // ours, below: it also names an unknown command and suggests the nearest one

  examples(
    outputOptions(
      pricingOptions(
        program
          .command('estimate')
          .description('price and time the four DR strategies for a workload and recommend one')
          .option('-f, --file <file>', 'workload file (YAML or JSON)')
          .option('--example <name>', 'use a bundled example workload (web-app, serverless-dynamodb, global-saas)')
          .option('--primary-region <region>', 'override regions.primary')
          .option('--dr-region <region>', 'override regions.dr')
          .option('--rto <duration>', 'override targets.rto, e.g. 1h')
          .option('--rpo <duration>', 'override targets.rpo, e.g. 15m')
          .option('--max-monthly-cost <usd>', 'override targets.maxMonthlyCost (USD)')
          .option('--confidence <p>', 'override targets.confidence: a target is met when P(RTO ≤ target) reaches this, e.g. 0.95 or 95%')
          .addOption(new Option('--format <format>', 'output format').choices(FORMATS).default('table'))
          .option('--explain', 'show every phase, assumption and line item behind the figures')
          .option('--samples <n>', 'Monte Carlo samples for the RTO and RPO distributions', '10000')
          .option('--seed <n>', 'Monte Carlo seed (same seed, same output)', '1'),
      ),
    ),
    [
      ['dr-advisor estimate --example web-app', 'a bundled example, as a table'],
      ['dr-advisor estimate -f dr-workload.yaml --explain', 'phases, line items and assumptions too'],
      ['dr-advisor estimate -f dr-workload.yaml --rto 30m --format json', 'override a target; JSON for scripts'],
      ['dr-advisor estimate -f dr-workload.yaml --format markdown -o dr-review.md', 'a Markdown report in a file'],
    ],
  ).action(async (opts, cmd) => (await import('./commands/estimate')).run(opts, cmd.optsWithGlobals()));

  examples(
    outputOptions(
      pricingOptions(
        program
          .command('check')
          .description('gate CI on DR budget and RTO/RPO targets (exit 0 pass, 1 fail)')
          .requiredOption('-f, --file <files...>', 'workload file(s); globs allowed')
          .option('--strategy <id>', 'evaluate this strategy instead of each workload’s `strategy`')
          .option('--max-monthly-cost <usd>', 'fail above this DR monthly cost (USD)')
          .option('--rto <duration>', 'fail when RTO exceeds this')
          .option('--rpo <duration>', 'fail when RPO exceeds this')
          .option('--confidence <p>', 'judge RTO/RPO at this confidence instead of each workload’s targets.confidence, e.g. 0.95')
          .option('--samples <n>', 'Monte Carlo samples per distribution (check default 2000)', '2000')
          .option('--seed <n>', 'Monte Carlo seed (same seed, same output)', '1')
          .option('--baseline <file>', 'previous JSON output to diff against')
          .option('--max-increase <pct>', 'fail when DR cost rises more than this versus the baseline, e.g. 10%')
          .addOption(new Option('--format <format>', 'output format (default: table on a TTY, markdown otherwise)').choices(CHECK_FORMATS)),
      ),
    ),
    [
      ['dr-advisor check -f dr-workload.yaml', 'exit 0 when the strategy meets its targets, 1 when not'],
      ["dr-advisor check -f 'services/*/dr.yaml' --max-monthly-cost 2000", 'many workloads, one budget'],
      ['dr-advisor check -f dr-workload.yaml --format json -o baseline.json', 'save a baseline'],
      ['dr-advisor check -f dr-workload.yaml --baseline baseline.json --max-increase 10%', 'fail on a 10% cost rise'],
    ],
  ).action(async (opts, cmd) => (await import('./commands/check')).run(opts, cmd.optsWithGlobals()));

  examples(
    program
      .command('init')
      .description('write a commented workload template')
      .option('--example <name>', 'start from a bundled example')
      .option('-o, --output <file>', 'where to write (- for stdout)', 'dr-workload.yaml')
      .option('--force', 'overwrite an existing file'),
    [
      ['dr-advisor init', 'write dr-workload.yaml'],
      ['dr-advisor init --example global-saas -o global.yaml', 'start from a bundled example'],
      ['dr-advisor init -o -', 'print the template'],
    ],
  ).action(async (opts, cmd) => (await import('./commands/init')).run(opts, cmd.optsWithGlobals()));

  const importCmd = program.command('import').description('write a workload file from infrastructure as code');
  importCmd.on('command:*', (operands: string[]) => {
    throw new InputError(unknownCommandMessage(operands[0], importCmd.commands.map((c) => c.name()), 'import'));
  });
  examples(
    importCmd
      .command('terraform')
      .description('read `terraform show -json` (a saved plan or a state) and write a commented workload file')
      .argument('<plan>', 'the JSON of `terraform show -json PLANFILE` (or of a state)')
      .option('-o, --output <file>', 'where to write (default: stdout)')
      .option('--force', 'overwrite an existing file'),
    [
      ['terraform show -json tfplan > plan.json', 'first, the plan as JSON'],
      ['dr-advisor import terraform plan.json -o dr-workload.yaml', 'a commented workload file'],
      ['dr-advisor estimate -f plan.json', 'or estimate the plan directly'],
    ],
  ).action(async (plan, opts, cmd) => (await import('./commands/import')).terraform(plan, opts, cmd.optsWithGlobals()));

  const pricing = examples(program.command('pricing').description('price data: provenance, cache and refresh'), [
    ['dr-advisor pricing status', 'snapshot date, cache contents and age'],
    ['dr-advisor pricing refresh --example web-app', 'fetch live prices for one example (needs AWS credentials)'],
  ]);
  pricing.on('command:*', (operands: string[]) => {
    throw new InputError(unknownCommandMessage(operands[0], pricing.commands.map((c) => c.name()), 'pricing'));
  });
  examples(
    pricing
      .command('status')
      .description('show the bundled snapshot date and what is cached, and how old')
      .addOption(new Option('--format <format>', 'output format').choices(['table', 'json']).default('table')),
    [
      ['dr-advisor pricing status', 'as a table'],
      ['dr-advisor pricing status --format json', 'for scripts'],
    ],
  ).action(async (opts, cmd) => (await import('./commands/pricing')).status(opts, cmd.optsWithGlobals()));
  examples(
    pricing
      .command('refresh')
      .description('fetch prices into the cache: live from the AWS Price List API (credentials), or from the public Bulk API offer files (--source bulk, no credentials)')
      .addOption(new Option('--source <source>', 'where to fetch from').choices(['live', 'bulk']).default('live'))
      .option('--regions <regions...>', 'regions to refresh (default: all known regions; bulk needs --regions or --example)')
      .option('--example <name>', 'refresh only the keys this example workload needs'),
    [
      ['dr-advisor pricing refresh --regions us-east-1 us-west-2', 'two regions (needs AWS credentials)'],
      ['dr-advisor pricing refresh --example web-app', 'only what one example needs'],
      ['dr-advisor pricing refresh --source bulk --regions eu-west-1', 'exact prices without an AWS account (public offer files)'],
    ],
  ).action(async (opts, cmd) => (await import('./commands/pricing')).refresh(opts, cmd.optsWithGlobals()));

  examples(
    program
      .command('schema')
      .description('print a JSON Schema: of the workload file, of `estimate --format json`, or of `check --format json`')
      .addArgument(program.createArgument('<which>', 'workload | output (estimate JSON) | check (check JSON, the baseline format)')),
    [
      ['dr-advisor schema workload > dr-workload.schema.json', 'for editors (yaml-language-server)'],
      ['dr-advisor schema output', 'the estimate JSON'],
      ['dr-advisor schema check', 'the check JSON that --baseline reads'],
    ],
  ).action(async (which, _opts, cmd) => (await import('./commands/schema')).run(which, cmd.optsWithGlobals()));

  examples(
    program
      .command('wizard')
      .description('answer a few questions and get a recommendation (needs a terminal)')
      .option('--from <file>', 'pre-fill answers from a workload file')
      .option('--example <name>', 'pre-fill answers from a bundled example'),
    [
      ['dr-advisor wizard', 'start from a template'],
      ['dr-advisor wizard --from dr-workload.yaml', 'revise an existing file'],
    ],
  ).action(async (opts, cmd) => (await import('./commands/wizard')).run(opts, cmd.optsWithGlobals()));

  examples(
    program
      .command('completion')
      .description('print a shell completion script (bash, zsh or fish)')
      .addArgument(program.createArgument('<shell>', SHELLS.join(' | '))),
    [
      ['eval "$(dr-advisor completion bash)"', 'bash, this shell; add it to ~/.bashrc to keep it'],
      ['dr-advisor completion zsh > "${fpath[1]}/_dr-advisor"', 'zsh'],
      ['dr-advisor completion fish > ~/.config/fish/completions/dr-advisor.fish', 'fish'],
    ],
  ).action(async (shell) => (await import('./completion')).run(shell, program));

  examples(
    program
      .command('help')
      .description('show help for a command')
      .argument('[command...]', 'a command, e.g. estimate or pricing status'),
    [
      ['dr-advisor help check', 'the flags of check'],
      ['dr-advisor help pricing refresh', 'a subcommand'],
    ],
  ).action((words: string[]) => {
    let cmd: Command = program;
    for (const word of words) {
      const next = cmd.commands.find((c) => c.name() === word);
      if (!next) throw new InputError(unknownCommandMessage(word, cmd.commands.map((c) => c.name()), cmd === program ? '' : cmd.name()));
      cmd = next;
    }
    cmd.outputHelp();
  });

  examples(program, [
    ['dr-advisor', 'on a terminal: the wizard'],
    ['dr-advisor estimate --example web-app', 'price and time the four strategies'],
    ['dr-advisor check -f dr-workload.yaml', 'CI gate (exit 1 when targets or budget are missed)'],
    ['dr-advisor help estimate', 'help for one command'],
  ]);

  // Before any command runs: --quiet, and an --out-file that exists without --force fails before the work is done.
  program.hook('preAction', (_root, action) => {
    const opts = action.opts() as { quiet?: boolean; outFile?: string; force?: boolean };
    if (opts.quiet) diagnostics.quiet = true;
    checkOutFile(opts);
  });

  program.action(async (command: string | undefined) => {
    if (command !== undefined) {
      throw new InputError(unknownCommandMessage(command, program.commands.map((c) => c.name())));
    }
    if (terminal.canPrompt()) {
      await (await import('./commands/wizard')).run({}, program.opts());
      return;
    }
    process.stderr.write(
      'usage: dr-advisor <command> [options]\n' +
        '  estimate --example web-app      price and time the four DR strategies\n' +
        '  check -f dr-workload.yaml       CI gate on budget and RTO/RPO targets\n' +
        '  init | import | schema | pricing | wizard | completion | help\n' +
        'Not on a terminal, so no wizard. Run `dr-advisor --help` for more.\n',
    );
    process.exitCode = 2;
  });
  return program;
}

interface ExitError {
  exitCode: number;
  message: string;
  stack?: string;
}

function isExitError(err: unknown): err is ExitError {
  return typeof err === 'object' && err !== null && typeof (err as ExitError).exitCode === 'number';
}

/** An error line as printed: control characters escaped (a message may quote input), at most 1,000 characters. */
function errorLine(message: string): string {
  return `error: ${echo(message, 1000)}\n`;
}

/** A file-system error that reached here unhandled (an EACCES, EIO, ENOTDIR... on a path the user gave): exit 2. */
function fileError(err: unknown): string | undefined {
  if (err instanceof FileReadError) return `${echoPath(err.path)}: ${err.reason}`;
  const e = err as NodeJS.ErrnoException;
  if (!(err instanceof Error) || typeof e.code !== 'string' || !FILE_ERROR_CODES.has(e.code)) return undefined;
  const path = typeof e.path === 'string' ? e.path : undefined;
  return path ? `${echoPath(path)}: ${describeOsError(e)}` : undefined;
}

/**
 * A reader that stops early (`dr-advisor estimate --format json | head -1`) closes the pipe: the next write fails with
 * EPIPE, which Node raises as an unhandled 'error' event (a stack trace and exit 1, the "check failed" code). A closed
 * stdout or stderr is not an error of ours: the write is dropped and the process ends quietly with the exit code the
 * command itself set, as if the reader had read everything (0 for estimate; check keeps its verdict, 0 pass or 1
 * fail, so a `set -o pipefail` CI step still gates on it). Other stream errors are still thrown.
 */
export function endQuietlyOnClosedPipe(stream: NodeJS.WriteStream): void {
  let closed = false;
  stream.on('error', (err: NodeJS.ErrnoException) => {
    if (closed || err.code === 'EPIPE') {
      closed = true;
      return;
    }
    throw err;
  });
}

/**
 * {@link endQuietlyOnClosedPipe} for `process.stdout` / `process.stderr`, installed when the stream is first used
 * rather than made at start: Node makes them lazily, and making both costs ≈3 ms (the stream classes), which
 * `--version` and `--help` need not pay (issue 17). Where Node's lazy getter is not there to wrap, at once.
 */
function onClosedPipeEndQuietly(name: 'stdout' | 'stderr'): void {
  const d = Object.getOwnPropertyDescriptor(process, name);
  if (!d?.get || !d.configurable) {
    endQuietlyOnClosedPipe(process[name]);
    return;
  }
  const made = d.get;
  Object.defineProperty(process, name, {
    configurable: true,
    enumerable: d.enumerable,
    get() {
      const stream = made.call(process) as NodeJS.WriteStream;
      Object.defineProperty(process, name, { configurable: true, enumerable: d.enumerable, get: () => stream });
      endQuietlyOnClosedPipe(stream);
      return stream;
    },
  });
}

/**
 * Commander's own output (help and version) to standard output: written to the descriptor at once, without making
 * `process.stdout`; a closed pipe (EPIPE) drops it, as {@link endQuietlyOnClosedPipe} does; a full non-blocking pipe
 * (EAGAIN) or anything else falls back to the stream, which waits.
 */
function writeOut(text: string): void {
  const bytes = Buffer.from(text);
  let written = 0;
  try {
    while (written < bytes.length) written += writeSync(1, bytes, written);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EPIPE') return;
    process.stdout.write(bytes.subarray(written));
  }
}

export async function main(argv: string[]): Promise<void> {
  onClosedPipeEndQuietly('stdout');
  onClosedPipeEndQuietly('stderr');
  const program = buildProgram();
  const debug = argv.includes('--debug');
  try {
    await program.parseAsync(argv);
  } catch (err) {
    if (err instanceof CommanderError) {
      // commander already printed its message (help and version exit 0).
      process.exitCode = err.exitCode === 0 ? 0 : 2;
      return;
    }
    if (isExitError(err) && !(err instanceof TypeError)) {
      if (err.message) process.stderr.write(errorLine(err.message));
      if (debug && err.stack) process.stderr.write(`${err.stack}\n`);
      process.exitCode = err.exitCode;
      return;
    }
    const fileMessage = fileError(err);
    if (fileMessage) {
      process.stderr.write(errorLine(fileMessage));
      if (debug && err instanceof Error && err.stack) process.stderr.write(`${err.stack}\n`);
      process.exitCode = 2;
      return;
    }
    const message = err instanceof Error ? err.message : String(err);
    process.stderr.write(errorLine(`internal error: ${message}${debug ? '' : ' (run with --debug for a stack trace)'}`));
    if (debug && err instanceof Error && err.stack) process.stderr.write(`${err.stack}\n`);
    process.exitCode = 70;
  }
}

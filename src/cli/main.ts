/**
 * The commander program: declares commands and flags only, and lazily imports `commands/<name>` so that start-up
 * parses nothing a command does not need. Errors become one line on stderr and an exit code (design.md §3).
 */
import { Command, CommanderError, Option } from 'commander';
import { VERSION } from '../version';
import { terminal } from './terminal';

const FORMATS = ['table', 'json', 'markdown'] as const;
const CHECK_FORMATS = ['table', 'json', 'markdown', 'github'] as const;
const PRICING_MODES = ['auto', 'live', 'snapshot'] as const;

function pricingOptions(cmd: Command): Command {
  return cmd
    .addOption(new Option('--pricing <mode>', 'where prices come from (env DR_ADVISOR_PRICING)').choices(PRICING_MODES))
    .option('--offline', 'never touch the network: cache, then the bundled snapshot')
    .option('--max-price-age <duration>', 'refuse prices older than this, e.g. 30d (exit 3)');
}

export function buildProgram(): Command {
  const program = new Command();
  program
    .name('dr-advisor')
    .description('What disaster recovery on AWS will cost you and how fast you will recover.')
    .version(VERSION, '-V, --version', 'print the version')
    .option('--no-color', 'no colour (also NO_COLOR or CI)')
    .option('--debug', 'show stack traces for errors')
    .showSuggestionAfterError(true)
    .configureOutput({ writeErr: (s) => process.stderr.write(s) })
    .exitOverride();

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
      .addOption(new Option('--format <format>', 'output format').choices(FORMATS).default('table'))
      .option('--explain', 'show every phase, assumption and line item behind the figures')
      .option('--samples <n>', 'Monte Carlo samples for RTO percentiles', '10000')
      .option('--seed <n>', 'Monte Carlo seed (same seed, same output)', '1'),
  ).action(async (opts, cmd) => (await import('./commands/estimate')).run(opts, cmd.optsWithGlobals()));

  pricingOptions(
    program
      .command('check')
      .description('gate CI on DR budget and RTO/RPO targets (exit 0 pass, 1 fail)')
      .requiredOption('-f, --file <files...>', 'workload file(s); globs allowed')
      .option('--strategy <id>', 'evaluate this strategy instead of each workload’s `strategy`')
      .option('--max-monthly-cost <usd>', 'fail above this DR monthly cost (USD)')
      .option('--rto <duration>', 'fail when RTO exceeds this')
      .option('--rpo <duration>', 'fail when RPO exceeds this')
      .option('--baseline <file>', 'previous JSON output to diff against')
      .option('--max-increase <pct>', 'fail when DR cost rises more than this versus the baseline, e.g. 10%')
      .addOption(new Option('--format <format>', 'output format (default: table on a TTY, markdown otherwise)').choices(CHECK_FORMATS)),
  ).action(async (opts, cmd) => (await import('./commands/check')).run(opts, cmd.optsWithGlobals()));

  program
    .command('init')
    .description('write a commented workload template')
    .option('--example <name>', 'start from a bundled example')
    .option('-o, --output <file>', 'where to write', 'dr-workload.yaml')
    .option('--force', 'overwrite an existing file')
    .action(async (opts, cmd) => (await import('./commands/init')).run(opts, cmd.optsWithGlobals()));

  const pricing = program.command('pricing').description('price data: provenance, cache and refresh');
  pricing
    .command('status')
    .description('show the bundled snapshot date and what is cached, and how old')
    .addOption(new Option('--format <format>', 'output format').choices(['table', 'json']).default('table'))
    .action(async (opts, cmd) => (await import('./commands/pricing')).status(opts, cmd.optsWithGlobals()));
  pricing
    .command('refresh')
    .description('fetch prices into the cache: live from the AWS Price List API (credentials), or from the public Bulk API offer files (--source bulk, no credentials)')
    .addOption(new Option('--source <source>', 'where to fetch from').choices(['live', 'bulk']).default('live'))
    .option('--regions <regions...>', 'regions to refresh (default: all known regions)')
    .option('--example <name>', 'refresh only the keys this example workload needs')
    .action(async (opts, cmd) => (await import('./commands/pricing')).refresh(opts, cmd.optsWithGlobals()));

  program
    .command('schema')
    .description('print a JSON Schema: of the workload file, or of the JSON output')
    .argument('<which>', 'workload | output')
    .action(async (which, opts, cmd) => (await import('./commands/schema')).run(which, cmd.optsWithGlobals()));

  program
    .command('wizard')
    .description('answer a few questions and get a recommendation (needs a terminal)')
    .option('--from <file>', 'pre-fill answers from a workload file')
    .option('--example <name>', 'pre-fill answers from a bundled example')
    .action(async (opts, cmd) => (await import('./commands/wizard')).run(opts, cmd.optsWithGlobals()));

  program.action(async () => {
    if (terminal.canPrompt()) {
      await (await import('./commands/wizard')).run({}, program.opts());
      return;
    }
    process.stderr.write(
      'usage: dr-advisor <command> [options]\n' +
        '  estimate --example web-app      price and time the four DR strategies\n' +
        '  check -f dr-workload.yaml       CI gate on budget and RTO/RPO targets\n' +
        '  init | schema | pricing | wizard\n' +
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

export async function main(argv: string[]): Promise<void> {
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
      if (err.message) process.stderr.write(`error: ${err.message}\n`);
      if (debug && err.stack) process.stderr.write(`${err.stack}\n`);
      process.exitCode = err.exitCode;
      return;
    }
    const message = err instanceof Error ? err.message : String(err);
    process.stderr.write(`error: internal error: ${message}${debug ? '' : ' (run with --debug for a stack trace)'}\n`);
    if (debug && err instanceof Error && err.stack) process.stderr.write(`${err.stack}\n`);
    process.exitCode = 70;
  }
}


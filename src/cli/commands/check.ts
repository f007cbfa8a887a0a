/**
 * `dr-advisor check` (issue 6): the CI gate. Expand the files, load every workload (flags override their targets),
 * plan them all, resolve every distinct price key in ONE PriceBook call, evaluate each with the estimate core (its
 * figures and verdicts alone, evaluateForCheck) and keep
 * only its check row (streaming, issue 17: memory stays bounded over 1,000 files), diff against a baseline, render,
 * and exit 1 (CheckFailed) after writing the full output.
 * I/O only; the logic is in src/advisor/check/ and the words in src/report/check-text.ts.
 */
import v8 from 'node:v8';
import { parseBaseline } from '../../advisor/check/baseline';
import { checkRow, finishCheck, newPricingTally } from '../../advisor/check/run';
import type { BaselineEntry, CheckInput, WorkloadCheckData } from '../../advisor/check/types';
import { planEstimate, type EstimatePlan, type PlanOptions } from '../../advisor/plan';
import type { Workload } from '../../workload/validate';
import { CheckFailed, InputError } from '../../errors';
import type { PriceBook, PriceKey } from '../../pricing/types';
import { renderCheckGithub } from '../../report/check-github';
import { renderCheckJson } from '../../report/check-json';
import { renderCheckMarkdown } from '../../report/check-markdown';
import { renderCheckTable } from '../../report/check-table';
import { describeCheck, failureLine } from '../../report/check-text';
import { VERSION } from '../../version';
import { STRATEGY_IDS } from '../../model/strategies';
import { expandFilePatterns } from '../glob';
import {
  CHECK_HINTS, createPriceBook, loadWorkload, parseConfidenceFlag, parseIntFlag, parseMoneyFlag, parseTargetFlag, pricingOptions, printPricingDiagnostics, warnToStderr, type PricingFlags,
} from '../inputs';
import { readBaselineText, appendStepSummary } from '../files';
import { evaluateEachWith, evaluatePlans } from '../pipeline';
import { evaluateForCheck } from '../../advisor/evaluate';
import { writeOutput, type OutputFlags } from '../output';
import { terminal } from '../terminal';
import { quote } from '../../text/escape';

export interface CheckOptions extends PricingFlags, OutputFlags {
  file: string[];
  strategy?: string;
  maxMonthlyCost?: string;
  rto?: string;
  rpo?: string;
  confidence?: string;
  samples?: string;
  seed?: string;
  baseline?: string;
  maxIncrease?: string;
  format?: 'table' | 'json' | 'markdown' | 'github';
}

/**
 * Monte Carlo: check judges RTO and RPO by the same rule as `estimate` (P(X ≤ target) ≥ confidence), so it simulates.
 * It draws CHECK_SAMPLES (2,000, `--samples`) per distribution rather than estimate's 10,000, and shares one cache of
 * simulations across all the files (keyed by the phases and the assumption values), so 300 similar workloads cost a few
 * distinct simulations each at most. At 2,000 samples the value at 90% confidence is within about 1–2% of the 10,000-sample figure.
 */
export const CHECK_SAMPLES = 2000;

/**
 * From this many files on, check asks V8 to favour memory over speed (`--optimize-for-size`, set at run time: a bin
 * cannot pass it). The work keeps little (each file's row, a bounded simulation cache), but V8 sizes its heap at up to
 * four times what survives a collection and grows the young generation with the allocation rate: 1,000 files peaked at
 * ~195 MB RSS with ~15 MB live, and at ~113 MB with the flag, in about the same wall time (issue 17). V8 reads the flag
 * as it goes (heap growing, memory reducer); Node documents setting flags after start-up as use-with-care, so it is
 * set only here, for a batch that would otherwise grow large.
 */
export const MANY_FILES = 100;

/** `10%`, `10`, `2.5%` → percent. */
export function parsePercentFlag(flag: string, value: string): number {
  const m = /^\+?(\d+(?:\.\d+)?)\s*%?$/.exec(value.trim());
  if (!m) throw new InputError(`${flag} must be a percentage ≥ 0 like 10% (got ${quote(value)})`);
  return Number(m[1]);
}

/** Every -f value, globs expanded (bounded, each file once by real path): see src/cli/glob.ts. */
export const expandFiles = expandFilePatterns;

function readBaseline(path: string): BaselineEntry[] {
  const { doc, label } = readBaselineText(path);
  return parseBaseline(doc, label);
}

/**
 * Resolves the distinct price keys of all the plans in ONE PriceBook call (a key shared by 1,000 files is asked for
 * once), prints the diagnostics on stderr, and evaluates each plan with the estimate core.
 */
export async function priceAndEvaluate(
  plans: readonly { file: string; plan: EstimatePlan }[],
  book: PriceBook,
  generatedAt: string,
  mc: { samples: number; seed: number } = { samples: CHECK_SAMPLES, seed: 1 },
): Promise<CheckInput[]> {
  const { items, diagnostics } = await evaluatePlans(plans, book, { generatedAt, samples: mc.samples, seed: mc.seed });
  printPricingDiagnostics(diagnostics, { hints: CHECK_HINTS });
  return items.map(({ file, report }) => ({ file, report }));
}

/** The plan of a workload, made again when its turn comes (closures made in run()'s loop would share its scope). */
function replan(workload: Workload, options: PlanOptions): () => EstimatePlan {
  return () => planEstimate(workload, options);
}

export async function run(opts: CheckOptions, globals: { color?: boolean; outFile?: string }): Promise<void> {
  // 1. Flags, before touching any file.
  if (opts.strategy !== undefined && !(STRATEGY_IDS as readonly string[]).includes(opts.strategy)) {
    throw new InputError(`--strategy must be one of ${STRATEGY_IDS.join(', ')} (got ${quote(opts.strategy)})`);
  }
  if (opts.maxMonthlyCost !== undefined) parseMoneyFlag('--max-monthly-cost', opts.maxMonthlyCost);
  if (opts.rto !== undefined) parseTargetFlag('--rto', opts.rto);
  if (opts.rpo !== undefined) parseTargetFlag('--rpo', opts.rpo);
  if (opts.confidence !== undefined) parseConfidenceFlag('--confidence', opts.confidence);
  const samples = parseIntFlag('--samples', opts.samples ?? String(CHECK_SAMPLES), 1, 1_000_000);
  const seed = parseIntFlag('--seed', opts.seed ?? '1', 0, 2 ** 31 - 1);
  const maxIncreasePct = opts.maxIncrease !== undefined ? parsePercentFlag('--max-increase', opts.maxIncrease) : undefined;
  if (maxIncreasePct !== undefined && opts.baseline === undefined) {
    throw new InputError('--max-increase needs --baseline FILE (the previous `check --format json` output to compare with)');
  }
  const format = opts.format ?? (terminal.stdoutIsTty(globals) ? 'table' : 'markdown');
  const pricing = pricingOptions(opts, globals, CHECK_HINTS);

  // 2. Inputs: files, baseline, workloads (flags override each workload's targets).
  const files = expandFiles(opts.file ?? []);
  if (files.length === 0) throw new InputError('no workload: give -f FILE (globs allowed, e.g. -f \'services/*/dr.yaml\')');
  if (files.length >= MANY_FILES) v8.setFlagsFromString('--optimize-for-size');
  const baseline = opts.baseline !== undefined ? readBaseline(opts.baseline) : undefined;
  // Each file is planned for its price keys, and planned again when it is evaluated: only its workload (~4 KiB) is
  // kept in between, not the plan (~30 KiB). Over 1,000 files that is no slower than keeping the plans (less for the
  // collector to go over) and keeps the memory bounded; planning is pure, so both plans are the same.
  const keys = new Map<string, PriceKey>();
  const plans = files.map((file): (() => EstimatePlan) => {
    const workload = loadWorkload({
      file,
      ...(opts.rto !== undefined ? { rto: opts.rto } : {}),
      ...(opts.rpo !== undefined ? { rpo: opts.rpo } : {}),
      ...(opts.confidence !== undefined ? { confidence: opts.confidence } : {}),
      ...(opts.maxMonthlyCost !== undefined ? { maxMonthlyCost: opts.maxMonthlyCost } : {}),
    });
    // A workload that names no strategy is checked with the recommended option, which must be the one `estimate`
    // recommends: price the variants for it (and only for it, since they cost simulations).
    const planOptions = { variants: opts.strategy === undefined && workload.strategy === undefined };
    const plan = planEstimate(workload, planOptions);
    for (let k = 0; k < plan.keys.length; k++) if (!keys.has(plan.keyIds[k])) keys.set(plan.keyIds[k], plan.keys[k]);
    return replan(workload, planOptions);
  });

  // 3. Prices: every distinct key across every workload, resolved in one call; 4. evaluate each, keeping only its row
  // (the plan and the report are let go file by file: 1,000 files stay within bounded memory, issue 17).
  const generatedAt = new Date().toISOString();
  const tally = newPricingTally();
  const rows: WorkloadCheckData[] = [];
  await evaluateEachWith(
    evaluateForCheck,
    [...keys.values()],
    plans,
    await createPriceBook(pricing),
    { generatedAt, samples, seed },
    (diagnostics) => printPricingDiagnostics(diagnostics, { hints: CHECK_HINTS }),
    (r, i) => rows.push(checkRow({ file: files[i], report: r }, tally, opts.strategy)),
  );
  const report = describeCheck(
    finishCheck(rows, tally, {
      generatedAt,
      version: VERSION,
      ...(opts.strategy ? { strategyOverride: opts.strategy } : {}),
      ...(baseline ? { baseline: { file: opts.baseline!, entries: baseline, ...(maxIncreasePct !== undefined ? { maxIncreasePct } : {}) } } : {}),
    }),
  );

  // 5. Output: all of it, then the exit code.
  if (format === 'json') writeOutput(renderCheckJson(report), opts);
  else if (format === 'markdown') writeOutput(renderCheckMarkdown(report), opts);
  else if (format === 'github') {
    writeOutput(renderCheckGithub(report), opts);
    const summaryFile = process.env.GITHUB_STEP_SUMMARY;
    if (summaryFile) appendStepSummary(summaryFile, renderCheckMarkdown(report), warnToStderr);
  } else writeOutput(renderCheckTable(report, { color: terminal.color(globals), width: terminal.width(globals) }), opts);
  if (!report.pass) throw new CheckFailed(failureLine(report));
}

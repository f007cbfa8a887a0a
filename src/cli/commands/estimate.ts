/** `dr-advisor estimate`: load → plan → resolve prices → evaluate → render. I/O only; the logic is in the core. */
import { evaluate } from '../../advisor/evaluate';
import { planEstimate } from '../../advisor/plan';
import { renderJson } from '../../report/json';
import { renderMarkdown } from '../../report/markdown';
import { renderTable } from '../../report/table';
import { VERSION } from '../../version';
import { createPriceBook, loadWorkload, parseIntFlag, pricingOptions, warnToStderr, type PricingFlags, type WorkloadFlags } from '../inputs';
import { terminal } from '../terminal';

export interface EstimateOptions extends WorkloadFlags, PricingFlags {
  format: 'table' | 'json' | 'markdown';
  explain?: boolean;
  samples: string;
  seed: string;
}

export async function run(opts: EstimateOptions, globals: { color?: boolean }): Promise<void> {
  const samples = parseIntFlag('--samples', opts.samples, 1, 1_000_000);
  const seed = parseIntFlag('--seed', opts.seed, 0, 2 ** 31 - 1);
  const workload = loadWorkload(opts);
  const plan = planEstimate(workload);
  const book = await createPriceBook(pricingOptions(opts, globals, warnToStderr));
  const { prices, warnings } = await book.resolve(plan.keys);
  for (const w of warnings) warnToStderr(w);
  const report = evaluate(plan, prices, { generatedAt: new Date().toISOString(), version: VERSION, samples, seed, warnings });
  const out =
    opts.format === 'json'
      ? renderJson(report)
      : opts.format === 'markdown'
        ? renderMarkdown(report)
        : renderTable(report, { color: terminal.color(globals), explain: Boolean(opts.explain) });
  process.stdout.write(out);
}

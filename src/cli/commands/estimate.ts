/** `dr-advisor estimate`: load → plan → resolve prices → evaluate → render. I/O only; the logic is in the core. */
import { renderJson } from '../../report/json';
import { renderMarkdown } from '../../report/markdown';
import { renderTable } from '../../report/table';
import { loadWorkload, parseIntFlag, pricingOptions, printPricingDiagnostics, type PricingFlags, type WorkloadFlags } from '../inputs';
import { estimateReport } from '../pipeline';
import { writeOutput, type OutputFlags } from '../output';
import { terminal } from '../terminal';

export interface EstimateOptions extends WorkloadFlags, PricingFlags, OutputFlags {
  format: 'table' | 'json' | 'markdown';
  explain?: boolean;
  samples: string;
  seed: string;
}

export async function run(opts: EstimateOptions, globals: { color?: boolean; outFile?: string }): Promise<void> {
  const samples = parseIntFlag('--samples', opts.samples, 1, 1_000_000);
  const seed = parseIntFlag('--seed', opts.seed, 0, 2 ** 31 - 1);
  const workload = loadWorkload(opts);
  const { report, diagnostics } = await estimateReport(workload, pricingOptions(opts, globals), { samples, seed });
  printPricingDiagnostics(diagnostics, { verbose: Boolean(opts.explain) });
  const out =
    opts.format === 'json'
      ? renderJson(report)
      : opts.format === 'markdown'
        ? renderMarkdown(report)
        : renderTable(report, { color: terminal.color(globals), explain: Boolean(opts.explain), width: terminal.width(globals) });
  writeOutput(out, opts);
}

/**
 * "Estimate this workload → Report": plan → resolve prices → evaluate. Shared by `estimate` and the wizard so both
 * price the four strategies the same way. The pricing diagnostics come back with the report (their texts are also in
 * `report.pricing.warnings`); the caller prints them.
 */
import { evaluate } from '../advisor/evaluate';
import { planEstimate } from '../advisor/plan';
import type { Report } from '../advisor/types';
import { requirePrices, type PricingOptions } from '../pricing/index';
import type { Diagnostic } from '../pricing/types';
import type { Workload } from '../workload/validate';
import { VERSION } from '../version';
import { createPriceBook } from './inputs';

/** Monte Carlo defaults when no --samples / --seed is given (the estimate flags default to the same values). */
export const DEFAULT_SAMPLES = 10_000;
export const DEFAULT_SEED = 1;

export interface EstimateRun {
  samples?: number;
  seed?: number;
  /** Price and time the variants for the frontier (default true). */
  variants?: boolean;
  /** Clock for `generatedAt`; default now. */
  now?: () => Date;
}

export interface EstimateResult {
  report: Report;
  /** The pricing diagnostics, for `printPricingDiagnostics` (their texts are `report.pricing.warnings`). */
  diagnostics: Diagnostic[];
}

export async function estimateReport(workload: Workload, pricing: PricingOptions, run: EstimateRun = {}): Promise<EstimateResult> {
  const plan = planEstimate(workload, { variants: run.variants ?? true });
  const book = await createPriceBook(pricing);
  const resolution = await book.resolve(plan.keys);
  const report = evaluate(plan, requirePrices(resolution), {
    generatedAt: (run.now ?? (() => new Date()))().toISOString(),
    version: VERSION,
    samples: run.samples ?? DEFAULT_SAMPLES,
    seed: run.seed ?? DEFAULT_SEED,
    warnings: resolution.diagnostics.map((d) => d.text),
  });
  return { report, diagnostics: resolution.diagnostics };
}

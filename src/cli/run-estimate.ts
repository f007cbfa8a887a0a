/**
 * "Estimate this workload → Report": plan → resolve prices → evaluate. Shared by `estimate` and the wizard so both
 * price the four strategies the same way. Diagnostics come back in `report.pricing.warnings`; the caller prints them.
 */
import { evaluate } from '../advisor/evaluate';
import { planEstimate } from '../advisor/plan';
import type { Report } from '../advisor/types';
import type { PricingOptions } from '../pricing/index';
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

export async function estimateReport(workload: Workload, pricing: PricingOptions, run: EstimateRun = {}): Promise<Report> {
  const plan = planEstimate(workload, { variants: run.variants ?? true });
  const book = await createPriceBook(pricing);
  const { prices, warnings } = await book.resolve(plan.keys);
  return evaluate(plan, prices, {
    generatedAt: (run.now ?? (() => new Date()))().toISOString(),
    version: VERSION,
    samples: run.samples ?? DEFAULT_SAMPLES,
    seed: run.seed ?? DEFAULT_SEED,
    warnings,
  });
}

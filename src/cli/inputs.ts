/** Turning flags, environment and files into core inputs. Shared by the commands; no business logic. */
import { InputError } from '../errors';
import { createPriceBook, type PricingMode, type PricingOptions } from '../pricing/index';
import { REGION_CODES } from '../model/regions';
import { knownDbInstanceClasses, knownInstanceTypes } from '../pricing/snapshot';
import { parseDuration } from '../model/time';
import { loadExample, loadWorkloadFile } from '../workload/load';
import { checkCatalog, normalizeWorkload, validateWorkload, type Workload } from '../workload/validate';
import { terminal } from './terminal';

export interface WorkloadFlags {
  file?: string;
  example?: string;
  primaryRegion?: string;
  drRegion?: string;
  rto?: string;
  rpo?: string;
  maxMonthlyCost?: string;
  confidence?: string;
}

/** `0.95`, `95%` → 0.95; from 0.5 to 1. */
export function parseConfidenceFlag(flag: string, value: string): number {
  const m = /^\s*(\d+(?:\.\d+)?)\s*(%?)\s*$/.exec(value);
  const n = m ? Number(m[1]) / (m[2] ? 100 : 1) : NaN;
  if (!(n >= 0.5 && n <= 1)) throw new InputError(`${flag} must be a confidence from 0.5 to 1, like 0.9 or 95% (got ${JSON.stringify(value)})`);
  return n;
}

export function parseMoneyFlag(flag: string, value: string): number {
  const n = Number(value.replace(/^\$/, '').replace(/,/g, ''));
  if (!Number.isFinite(n) || n < 0 || value.trim() === '') throw new InputError(`${flag} must be an amount in USD ≥ 0 (got ${JSON.stringify(value)})`);
  return n;
}

export function parseDurationFlag(flag: string, value: string): number {
  const s = parseDuration(value);
  if (s === undefined || s <= 0) throw new InputError(`${flag} must be a duration like 90s, 15m, 4h or 1d (got ${JSON.stringify(value)})`);
  return s;
}

export function parseIntFlag(flag: string, value: string, min: number, max: number): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max) throw new InputError(`${flag} must be a whole number from ${min} to ${max} (got ${JSON.stringify(value)})`);
  return n;
}

function checkRegionFlag(flag: string, value: string): string {
  if (!REGION_CODES.includes(value)) throw new InputError(`${flag} must be one of ${REGION_CODES.join(', ')} (got ${JSON.stringify(value)})`);
  return value;
}

/** Loads the workload from -f or --example, applies flag overrides, and checks names against the price catalog. */
export function loadWorkload(flags: WorkloadFlags): Workload {
  if (flags.file && flags.example) throw new InputError('give either -f FILE or --example NAME, not both');
  if (!flags.file && !flags.example) throw new InputError('no workload: give -f FILE or --example NAME (try `--example web-app`, or `dr-advisor init`)');
  let w = flags.file ? loadWorkloadFile(flags.file) : loadExample(flags.example!);
  const doc: Record<string, unknown> = structuredClone(w) as unknown as Record<string, unknown>;
  let changed = false;
  if (flags.primaryRegion) {
    (doc.regions as Record<string, unknown>).primary = checkRegionFlag('--primary-region', flags.primaryRegion);
    changed = true;
  }
  if (flags.drRegion) {
    (doc.regions as Record<string, unknown>).dr = checkRegionFlag('--dr-region', flags.drRegion);
    changed = true;
  }
  const targets = doc.targets as Record<string, unknown>;
  if (flags.rto) {
    parseDurationFlag('--rto', flags.rto);
    targets.rto = flags.rto;
    changed = true;
  }
  if (flags.rpo) {
    parseDurationFlag('--rpo', flags.rpo);
    targets.rpo = flags.rpo;
    changed = true;
  }
  if (flags.maxMonthlyCost) {
    targets.maxMonthlyCost = parseMoneyFlag('--max-monthly-cost', flags.maxMonthlyCost);
    changed = true;
  }
  if (flags.confidence) {
    targets.confidence = parseConfidenceFlag('--confidence', flags.confidence);
    changed = true;
  }
  if (changed) {
    // A --primary-region override must not leave the old default DR region equal to it.
    const regions = doc.regions as Record<string, unknown>;
    if (flags.primaryRegion && !flags.drRegion && regions.dr === regions.primary) delete regions.dr;
    w = normalizeWorkload(validateWorkload(doc, 'overrides'));
  }
  checkCatalog(w, { instanceTypes: knownInstanceTypes(), dbClasses: (e) => knownDbInstanceClasses(e) });
  return w;
}

export interface PricingFlags {
  pricing?: string;
  offline?: boolean;
  maxPriceAge?: string;
}

/** Flags > environment > default, for the pricing source (design.md §3). */
export function pricingOptions(flags: PricingFlags, globals: { color?: boolean }, warn: (m: string) => void): PricingOptions {
  const modeText = flags.pricing ?? process.env.DR_ADVISOR_PRICING ?? 'auto';
  if (!['auto', 'live', 'snapshot'].includes(modeText)) {
    throw new InputError(`DR_ADVISOR_PRICING must be one of auto, live, snapshot (got ${JSON.stringify(modeText)})`);
  }
  return {
    mode: modeText as PricingMode,
    offline: Boolean(flags.offline),
    ...(flags.maxPriceAge ? { maxPriceAgeSeconds: parseDurationFlag('--max-price-age', flags.maxPriceAge) } : {}),
    ...(process.env.DR_ADVISOR_CACHE_DIR ? { cacheDir: process.env.DR_ADVISOR_CACHE_DIR } : {}),
    interactive: terminal.spinner(globals),
    warn,
  };
}

export { createPriceBook };

/**
 * Pricing diagnostics on stderr: where the prices came from and how old they are, in full; the per-rule lists of
 * estimated prices condensed to one line unless `verbose` (they stay complete in JSON `pricing.warnings`).
 */
export function printPricingWarnings(warnings: readonly string[], verbose = false): void {
  const estimated = warnings.filter((w) => /^\d+ estimated prices? \(/.test(w));
  for (const w of warnings) if (verbose || !estimated.includes(w)) warnToStderr(w);
  if (!verbose && estimated.length) {
    const n = estimated.reduce((sum, w) => sum + Number(w.match(/^(\d+)/)![1]), 0);
    warnToStderr(`${n} price${n === 1 ? ' is' : 's are'} estimated (derived by a rule, not read from a source); --explain or --format json lists them`);
  }
}

/** Diagnostics on stderr, one line each. */
export function warnToStderr(message: string): void {
  process.stderr.write(`warning: ${message}\n`);
}

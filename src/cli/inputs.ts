/** Turning flags, environment and files into core inputs. Shared by the commands; no business logic. */
import { InputError } from '../errors';
import { createPriceBook, type PricingMode, type PricingOptions } from '../pricing/index';
import { REGION_CODES } from '../model/regions';
import { knownDbInstanceClasses, knownInstanceTypes } from '../pricing/snapshot';
import { parseDuration } from '../model/time';
import { loadExample, loadWorkloadFile } from '../workload/load';
import { checkCatalog, normalizeWorkload, validateWorkload, type Workload } from '../workload/validate';
import { terminal } from './terminal';
import { quote } from '../text/escape';

export interface WorkloadFlags {
  file?: string;
  example?: string;
  primaryRegion?: string;
  drRegion?: string;
  rto?: string;
  rpo?: string;
  maxMonthlyCost?: string;
}

/** The largest budget accepted, as in the workload schema (targets.maxMonthlyCost). */
const MAX_USD = 1e9;
/**
 * `1500`, `1500.50`, `$1,500`, `$ 1,500.5`: digits, optionally grouped by commas in threes, optionally a `$` first.
 * Not `Number()`, which reads `$` (after stripping it) as 0, `0x10` as 16 and `1e3` as 1000.
 */
const USD_RE = /^\$?\s*(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$/;

export function parseMoneyFlag(flag: string, value: string): number {
  const t = value.trim();
  const n = USD_RE.test(t) ? Number(t.replace(/^\$\s*/, '').replace(/,/g, '')) : NaN;
  if (!Number.isFinite(n) || n < 0 || n > MAX_USD) throw new InputError(`${flag} must be an amount in USD ≥ 0 (got ${quote(value)})`);
  return n;
}

/**
 * A duration flag in seconds. `--rto 0s` and `--rpo 0` are legal targets when `allowZero` (RPO 0 is a real target:
 * DynamoDB global tables with strong consistency); `--max-price-age` needs more than 0. A bare `0` means 0 seconds.
 */
export function parseDurationFlag(flag: string, value: string, opts: { allowZero?: boolean } = {}): number {
  const s = value.length <= 64 ? (opts.allowZero && value.trim() === '0' ? 0 : parseDuration(value)) : undefined;
  const ok = s !== undefined && (opts.allowZero ? s === 0 || s >= 1 : s > 0);
  if (!ok) {
    const rule = opts.allowZero && s !== undefined && s > 0 ? ' (0, or at least 1s)' : '';
    throw new InputError(`${flag} must be a duration like 90s, 15m, 4h or 1d${rule} (got ${quote(value)})`);
  }
  return s;
}

/** `--rto` / `--rpo`: a target, where 0 is legal. */
export function parseTargetFlag(flag: '--rto' | '--rpo', value: string): number {
  return parseDurationFlag(flag, value, { allowZero: true });
}

export function parseIntFlag(flag: string, value: string, min: number, max: number): number {
  // Digits only: Number() would read '' as 0, '0x10' as 16 and '1e3' as 1000.
  const n = /^\s*[+-]?\d{1,16}\s*$/.test(value) ? Number(value) : NaN;
  if (!Number.isInteger(n) || n < min || n > max) throw new InputError(`${flag} must be a whole number from ${min} to ${max} (got ${quote(value)})`);
  return n;
}

function checkRegionFlag(flag: string, value: string): string {
  if (!REGION_CODES.includes(value)) throw new InputError(`${flag} must be one of ${REGION_CODES.join(', ')} (got ${quote(value)})`);
  return value;
}

/** Loads the workload from -f or --example, applies flag overrides, and checks names against the price catalog. */
export function loadWorkload(flags: WorkloadFlags): Workload {
  if (flags.file !== undefined && flags.example !== undefined) throw new InputError('give either -f FILE or --example NAME, not both');
  if (flags.file === '') throw new InputError('-f needs a file name (or - for standard input)');
  if (!flags.file && !flags.example) throw new InputError('no workload: give -f FILE or --example NAME (try `--example web-app`, or `dr-advisor init`)');
  let w = flags.file ? loadWorkloadFile(flags.file) : loadExample(flags.example!);
  const doc: Record<string, unknown> = structuredClone(w) as unknown as Record<string, unknown>;
  let changed = false;
  // `!== undefined`, not truthiness: `--rto ''` is an error, never silently ignored.
  if (flags.primaryRegion !== undefined) {
    (doc.regions as Record<string, unknown>).primary = checkRegionFlag('--primary-region', flags.primaryRegion);
    changed = true;
  }
  if (flags.drRegion !== undefined) {
    (doc.regions as Record<string, unknown>).dr = checkRegionFlag('--dr-region', flags.drRegion);
    changed = true;
  }
  const targets = doc.targets as Record<string, unknown>;
  // The target is kept as written (`1h`), as a file would hold it; a bare `0` becomes the number 0 (seconds).
  if (flags.rto !== undefined) {
    targets.rto = parseTargetFlag('--rto', flags.rto) === 0 && flags.rto.trim() === '0' ? 0 : flags.rto;
    changed = true;
  }
  if (flags.rpo !== undefined) {
    targets.rpo = parseTargetFlag('--rpo', flags.rpo) === 0 && flags.rpo.trim() === '0' ? 0 : flags.rpo;
    changed = true;
  }
  if (flags.maxMonthlyCost !== undefined) {
    targets.maxMonthlyCost = parseMoneyFlag('--max-monthly-cost', flags.maxMonthlyCost);
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

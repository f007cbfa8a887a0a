/** Turning flags, environment and files into core inputs. Shared by the commands; no business logic. */
import { homedir } from 'node:os';
import { join } from 'node:path';
import { InputError } from '../errors';
import { createPriceBook, type PricingMode, type PricingOptions } from '../pricing/index';
import type { Diagnostic } from '../pricing/types';
import { REGION_CODES, unknownRegionText } from '../model/regions';
import { knownDbInstanceClasses, knownInstanceTypes } from '../pricing/snapshot/catalog';
import { parseDuration } from '../model/time';
import { loadExample, loadWorkloadFile } from '../workload/load';
import { checkCatalog, normalizeWorkload, validateWorkload, type Workload } from '../workload/validate';
import { pricingSpinner } from './spinner';
import { terminal } from './terminal';

export interface WorkloadFlags {
  file?: string;
  example?: string;
  primaryRegion?: string;
  drRegion?: string;
  rto?: string;
  rpo?: string;
  maxMonthlyCost?: string;
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
  if (!REGION_CODES.includes(value)) throw new InputError(unknownRegionText(flag, value));
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

/** The environment variables the CLI reads (process.env in the CLI; tests pass their own). */
export type Env = Readonly<Record<string, string | undefined>>;

/** Where the price cache lives: DR_ADVISOR_CACHE_DIR > XDG_CACHE_HOME/dr-advisor > ~/.cache/dr-advisor. */
export function resolveCacheDir(explicit: string | undefined, env: Env): string {
  if (explicit) return explicit;
  if (env.DR_ADVISOR_CACHE_DIR) return env.DR_ADVISOR_CACHE_DIR;
  if (env.XDG_CACHE_HOME) return join(env.XDG_CACHE_HOME, 'dr-advisor');
  return join(homedir(), '.cache', 'dr-advisor');
}

/** The Bulk API location: DR_ADVISOR_BULK_URL (scheme and host, e.g. a mirror or a test server) > the AWS host;
 * `off` keeps `auto` from reading it (bulk.ts). */
export function bulkOptions(env: Env): { baseUrl?: string; off?: boolean } {
  const url = env.DR_ADVISOR_BULK_URL;
  if (!url) return {};
  if (url === 'off') return { off: true };
  if (!/^https?:\/\/[^\s/]+(\/[^\s]*)?$/.test(url)) throw new InputError(`DR_ADVISOR_BULK_URL must be an http(s) URL like https://pricing.us-east-1.amazonaws.com (got ${JSON.stringify(url)})`);
  return { baseUrl: url };
}

/** The longest DR_ADVISOR_PRICING_TIMEOUT accepted: 10 minutes (Node timers overflow past 2^31-1 ms, about 24.8 days). */
export const MAX_PRICING_TIMEOUT_MS = 10 * 60_000;

/** DR_ADVISOR_PRICING_TIMEOUT: a duration like `30s` or `2m`, or milliseconds as a bare number; more than 0, at most
 * {@link MAX_PRICING_TIMEOUT_MS}. Undefined when unset. */
export function pricingTimeoutMs(env: Env): number | undefined {
  const v = env.DR_ADVISOR_PRICING_TIMEOUT;
  if (!v) return undefined;
  const m = /^(\d+(?:\.\d+)?)(ms|s|m)?$/.exec(v.trim());
  if (!m) throw new InputError(`DR_ADVISOR_PRICING_TIMEOUT must be a duration like 30s (got ${JSON.stringify(v)})`);
  const n = Number(m[1]);
  const ms = m[2] === 's' ? n * 1000 : m[2] === 'm' ? n * 60_000 : n;
  if (!(ms >= 1) || ms > MAX_PRICING_TIMEOUT_MS) {
    throw new InputError(`DR_ADVISOR_PRICING_TIMEOUT must be a duration from 1ms to 10m, like 30s (got ${JSON.stringify(v)})`);
  }
  return ms;
}

/**
 * Which flag of the command shows what a condensed pricing warning leaves out: estimate has --explain (and its JSON
 * lists every estimated price); check has neither, so it points to `estimate`.
 */
export interface DiagnosticHints {
  /** Named in the snapshot's source line: "…, see <seeDetails>)". */
  seeDetails: string;
  /** Named in the condensed line: "N prices are estimated (…); <listsEstimates> lists them". */
  listsEstimates: string;
}

export const ESTIMATE_HINTS: DiagnosticHints = { seeDetails: '--explain', listsEstimates: '--explain or --format json' };
export const CHECK_HINTS: DiagnosticHints = { seeDetails: '`dr-advisor estimate -f FILE --explain`', listsEstimates: '`dr-advisor estimate -f FILE --explain`' };

/** Flags > environment > default, for the pricing source (design.md §3). Every environment read of pricing is here. */
export function pricingOptions(flags: PricingFlags, globals: { color?: boolean }, hints: DiagnosticHints = ESTIMATE_HINTS, env: Env = process.env): PricingOptions {
  const modeText = flags.pricing ?? env.DR_ADVISOR_PRICING ?? 'auto';
  if (!['auto', 'live', 'snapshot'].includes(modeText)) {
    throw new InputError(`DR_ADVISOR_PRICING must be one of auto, live, snapshot (got ${JSON.stringify(modeText)})`);
  }
  const mode = modeText as PricingMode;
  const offline = Boolean(flags.offline);
  // The timeout only matters when live pricing may run; with the snapshot (or offline) it is not read, as before.
  const deadlineMs = mode !== 'snapshot' && !offline ? pricingTimeoutMs(env) : undefined;
  const onProgress = pricingSpinner(terminal.spinner(globals));
  const bulk = mode === 'auto' && !offline ? bulkOptions(env) : {};
  return {
    mode,
    offline,
    ...(flags.maxPriceAge ? { maxPriceAgeSeconds: parseDurationFlag('--max-price-age', flags.maxPriceAge) } : {}),
    cacheDir: resolveCacheDir(undefined, env),
    env,
    ...(onProgress ? { onProgress } : {}),
    ...(deadlineMs !== undefined ? { live: { deadlineMs } } : {}),
    ...(mode === 'auto' && !offline && !bulk.off ? { bulk: bulk.baseUrl ? { baseUrl: bulk.baseUrl } : {} } : {}),
    seeDetails: hints.seeDetails,
  };
}

export { createPriceBook };

/**
 * Pricing diagnostics on stderr: where the prices came from and how old they are, in full; the per-rule lists of
 * estimated prices condensed to one line unless `verbose` (they stay complete in JSON `pricing.warnings`).
 */
export function printPricingDiagnostics(diagnostics: readonly Diagnostic[], opts: { verbose?: boolean; hints?: DiagnosticHints } = {}): void {
  const hints = opts.hints ?? ESTIMATE_HINTS;
  for (const d of diagnostics) if (opts.verbose || d.kind !== 'estimated') warnToStderr(d.text);
  const n = diagnostics.filter((d) => d.kind === 'estimated').reduce((sum, d) => sum + d.count, 0);
  if (!opts.verbose && n > 0) {
    warnToStderr(`${n} price${n === 1 ? ' is' : 's are'} estimated (derived by a rule, not read from a source); ${hints.listsEstimates} lists them`);
  }
}

/** Diagnostics on stderr, one line each. */
export function warnToStderr(message: string): void {
  process.stderr.write(`warning: ${message}\n`);
}

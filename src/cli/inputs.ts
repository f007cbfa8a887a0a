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
import { loadTerraformWorkload } from './terraform-input';
import { checkCatalog, documentOf, normalizeWorkload, validateWorkload, type Workload } from '../workload/validate';
import { pricingSpinner } from './spinner';
import { diagnostics, stderrLine } from './output';
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
  confidence?: string;
}

/** `0.95`, `95%` → 0.95; from 0.5 to 1. */
export function parseConfidenceFlag(flag: string, value: string): number {
  const m = /^\s*(\d+(?:\.\d+)?)\s*(%?)\s*$/.exec(value);
  const n = m ? Number(m[1]) / (m[2] ? 100 : 1) : NaN;
  if (!(n >= 0.5 && n <= 1)) throw new InputError(`${flag} must be a confidence from 0.5 to 1, like 0.9 or 95% (got ${JSON.stringify(value)})`);
  return n;
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
  if (!REGION_CODES.includes(value)) throw new InputError(unknownRegionText(flag, value));
  return value;
}

/** Loads the workload from -f or --example, applies flag overrides, and checks names against the price catalog. */
export function loadWorkload(flags: WorkloadFlags): Workload {
  if (flags.file !== undefined && flags.example !== undefined) throw new InputError('give either -f FILE or --example NAME, not both');
  if (flags.file === '') throw new InputError('-f needs a file name (or - for standard input)');
  if (!flags.file && !flags.example) throw new InputError('no workload: give -f FILE or --example NAME (try `--example web-app`, or `dr-advisor init`)');
  // A `terraform show -json` file is imported (src/import/terraform), anything else read as a workload file.
  let w = flags.file ? (loadTerraformWorkload(flags.file, warnToStderr) ?? loadWorkloadFile(flags.file)) : loadExample(flags.example!);
  w = withFlagOverrides(w, flags);
  checkCatalog(w, { instanceTypes: knownInstanceTypes(), dbClasses: (e) => knownDbInstanceClasses(e) });
  return w;
}

/**
 * The workload with the flags' overrides (regions, targets), validated again; the same workload when no flag
 * overrides it. The document is copied on the first override only (check reads 1,000 files without any).
 */
function withFlagOverrides(w: Workload, flags: WorkloadFlags): Workload {
  let doc: Record<string, unknown> | undefined;
  const edit = () => (doc ??= structuredClone(documentOf(w)) as unknown as Record<string, unknown>);
  const regions = () => edit().regions as Record<string, unknown>;
  const targets = () => edit().targets as Record<string, unknown>;
  // `!== undefined`, not truthiness: `--rto ''` is an error, never silently ignored.
  if (flags.primaryRegion !== undefined) regions().primary = checkRegionFlag('--primary-region', flags.primaryRegion);
  if (flags.drRegion !== undefined) regions().dr = checkRegionFlag('--dr-region', flags.drRegion);
  // The target is kept as written (`1h`), as a file would hold it; a bare `0` becomes the number 0 (seconds).
  if (flags.rto !== undefined) targets().rto = parseTargetFlag('--rto', flags.rto) === 0 && flags.rto.trim() === '0' ? 0 : flags.rto;
  if (flags.rpo !== undefined) targets().rpo = parseTargetFlag('--rpo', flags.rpo) === 0 && flags.rpo.trim() === '0' ? 0 : flags.rpo;
  if (flags.maxMonthlyCost !== undefined) targets().maxMonthlyCost = parseMoneyFlag('--max-monthly-cost', flags.maxMonthlyCost);
  if (flags.confidence) targets().confidence = parseConfidenceFlag('--confidence', flags.confidence);
  if (doc === undefined) return w;
  // A --primary-region override must not leave the old default DR region equal to it.
  const r = regions();
  if (flags.primaryRegion && !flags.drRegion && r.dr === r.primary) delete r.dr;
  return normalizeWorkload(validateWorkload(doc, 'overrides'));
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
    ...(flags.maxPriceAge !== undefined ? { maxPriceAgeSeconds: parseDurationFlag('--max-price-age', flags.maxPriceAge) } : {}),
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

/** Diagnostics on stderr, one line each; none under --quiet. */
export function warnToStderr(message: string): void {
  if (diagnostics.quiet) return;
  process.stderr.write(stderrLine(`warning: ${message}`));
}

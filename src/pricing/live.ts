/**
 * The live source: AWS Price List Query API `GetProducts` through `@aws-sdk/client-pricing` (region us-east-1,
 * credentials from the SDK's default chain, endpoint overridable with AWS_ENDPOINT_URL_PRICING).
 *
 * The SDK is loaded with a dynamic import on this path only; the snapshot path never parses it. The SDK's own notices
 * (its Node-version warning, credential-chain and socket warnings) are kept off stderr: only dr-advisor's diagnostics
 * reach the user.
 *
 * Plan, then fetch: keys → distinct queries → a bounded pool behind a ~5 requests/s token bucket, NextToken followed
 * page by page, the SDK's standard retry (backoff on throttling and 5xx), and one overall deadline.
 */
import { PricingError } from '../errors';
import { DeadlineError, TokenBucket, deadline as makeDeadline, runPool } from './fetch-pool';
import { planKey, type KeyPlan, type PriceQuery } from './filters';
import { parsePriceListItem, type PriceListProduct } from './price-list';
import { priceKeyId } from './keys';
import type { Price, PriceKey } from './types';

export interface LiveOptions {
  /** Overall deadline for one fetch, ms. Default 60 s (the CLI passes DR_ADVISOR_PRICING_TIMEOUT). */
  deadlineMs?: number;
  /** Per-HTTP-request timeout, ms. Default 10 s, capped by the deadline. */
  requestTimeoutMs?: number;
  /** Concurrent queries in flight. Default 4. */
  concurrency?: number;
  /** Token bucket: requests per second and burst. Default 5 and 5. */
  ratePerSecond?: number;
  burst?: number;
  /** SDK attempts per request (standard retry mode). Default 3. */
  maxAttempts?: number;
  /** Clock for fetchedAt. */
  now?: () => Date;
}

export interface LiveProgress {
  done: number;
  total: number;
}

export interface LiveFetchResult {
  prices: Map<string, Price>;
  /** Keys that could not be priced, with a one-line reason each. */
  errors: Map<string, PricingError>;
  /** GetProducts calls sent (pages included, SDK retries not). */
  requests: number;
}

export interface LiveSource {
  /** True when the default credential chain resolves. Prints nothing. */
  hasCredentials(): Promise<boolean>;
  fetch(keys: readonly PriceKey[], onProgress?: (p: LiveProgress) => void): Promise<LiveFetchResult>;
  destroy(): void;
}

/** A logger that swallows everything the SDK would otherwise print on stderr (its class name is not NoOpLogger, so
 * the credential chain uses it instead of falling back to console.warn). */
class QuietLogger {
  readonly notices: string[] = [];
  debug(): void {}
  info(): void {}
  trace(): void {}
  warn(...args: unknown[]): void {
    this.notices.push(args.map(String).join(' '));
  }
  error(...args: unknown[]): void {
    this.notices.push(args.map(String).join(' '));
  }
}

let warningFilterInstalled = false;
/** Drops the AWS SDK's process warnings (e.g. its NodeVersionSupportWarning on Node 20, which @aws-sdk/core emits
 * through process.emitWarning); other warnings pass through. */
function silenceSdkProcessWarnings(): void {
  if (warningFilterInstalled) return;
  warningFilterInstalled = true;
  const original = process.emitWarning.bind(process) as (...args: unknown[]) => void;
  (process as { emitWarning: (...args: unknown[]) => void }).emitWarning = (warning: unknown, ...rest: unknown[]) => {
    const text = warning instanceof Error ? warning.message : String(warning);
    if (/AWS SDK for JavaScript|NodeVersionSupportWarning|@aws-sdk\/|@smithy\//.test(text)) return;
    original(warning, ...rest);
  };
}

type SdkModule = typeof import('@aws-sdk/client-pricing');

async function loadSdk(): Promise<SdkModule> {
  silenceSdkProcessWarnings();
  try {
    return await import('@aws-sdk/client-pricing');
  } catch (err) {
    throw new PricingError(`live pricing needs @aws-sdk/client-pricing, which could not be loaded (${(err as Error).message})`);
  }
}

/** Turns an SDK or network error into one line a user can act on. Never includes credentials or environment values. */
export function describeLiveError(err: unknown): string {
  if (err instanceof PricingError) return err.message;
  const e = err as { name?: string; message?: string; code?: string; $metadata?: { httpStatusCode?: number } };
  const name = e?.name ?? '';
  const status = e?.$metadata?.httpStatusCode;
  if (err instanceof DeadlineError || name === 'DeadlineError') return e.message ?? 'timed out';
  if (name === 'AbortError' && (err as { cause?: unknown }).cause instanceof DeadlineError) {
    return ((err as { cause: DeadlineError }).cause).message;
  }
  if (name === 'CredentialsProviderError') return 'no AWS credentials found';
  if (name === 'ThrottlingException' || status === 429) return 'the AWS Price List API kept throttling requests (ThrottlingException)';
  if (['AccessDeniedException', 'UnrecognizedClientException', 'InvalidSignatureException', 'ExpiredTokenException', 'InvalidClientTokenId'].includes(name)) {
    return `the AWS Price List API refused the credentials (${name}); they need pricing:GetProducts`;
  }
  if (name === 'TimeoutError' || e?.code === 'ETIMEDOUT') return 'the AWS Price List API did not answer in time';
  if (['ECONNREFUSED', 'ECONNRESET', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH'].includes(e?.code ?? '')) {
    return `cannot reach the AWS Price List API (${e.code})`;
  }
  if (status !== undefined && status >= 500) return `the AWS Price List API failed (HTTP ${status}${name && name !== 'Error' ? ` ${name}` : ''})`;
  if (name === 'SyntaxError' || /JSON|deserializ/i.test(e?.message ?? '')) return 'the AWS Price List API sent a malformed response';
  if (status !== undefined) return `the AWS Price List API rejected the request (HTTP ${status}${name ? ` ${name}` : ''})`;
  return `live pricing failed (${name || 'error'}${e?.message ? `: ${e.message.split('\n')[0].slice(0, 160)}` : ''})`;
}

export async function createLiveSource(options: LiveOptions = {}): Promise<LiveSource> {
  const sdk = await loadSdk();
  const deadlineMs = options.deadlineMs ?? 60_000;
  const logger = new QuietLogger();
  const client = new sdk.PricingClient({
    region: 'us-east-1',
    logger,
    maxAttempts: options.maxAttempts ?? 3,
    retryMode: 'standard',
    requestHandler: {
      requestTimeout: Math.min(options.requestTimeoutMs ?? 10_000, deadlineMs),
      connectionTimeout: Math.min(5_000, deadlineMs),
      throwOnRequestTimeout: true,
      logger,
    } as never,
  });
  const now = options.now ?? (() => new Date());

  async function getAllProducts(query: PriceQuery, bucket: TokenBucket, signal: AbortSignal, count: () => void): Promise<PriceListProduct[]> {
    const products: PriceListProduct[] = [];
    let token: string | undefined;
    const seenTokens = new Set<string>();
    do {
      await bucket.take(signal);
      count();
      const out = await client.send(
        new sdk.GetProductsCommand({
          ServiceCode: query.serviceCode,
          Filters: query.filters,
          FormatVersion: 'aws_v1',
          MaxResults: 100,
          NextToken: token,
        }),
        { abortSignal: signal },
      );
      if (out.PriceList !== undefined && !Array.isArray(out.PriceList)) {
        throw new PricingError('the AWS Price List API sent a malformed response (PriceList is not a list)');
      }
      for (const item of out.PriceList ?? []) products.push(parsePriceListItem(item));
      token = out.NextToken || undefined;
      if (token) {
        if (seenTokens.has(token)) throw new PricingError('the AWS Price List API repeated a NextToken; stopping');
        seenTokens.add(token);
      }
    } while (token);
    return products;
  }

  return {
    async hasCredentials() {
      try {
        const provider = client.config.credentials as unknown as () => Promise<{ accessKeyId?: string }>;
        const d = makeDeadline(Math.min(deadlineMs, 10_000), 'credential lookup timed out');
        try {
          const creds = await Promise.race([
            provider(),
            new Promise<never>((_, reject) => d.signal.addEventListener('abort', () => reject(d.signal.reason), { once: true })),
          ]);
          return Boolean(creds && creds.accessKeyId);
        } finally {
          d.cancel();
        }
      } catch {
        return false;
      }
    },

    async fetch(keys, onProgress) {
      const prices = new Map<string, Price>();
      const errors = new Map<string, PricingError>();
      let requests = 0;
      // Plan: every key → its query; keys sharing a query share one fetch.
      const plans: KeyPlan[] = [];
      for (const key of keys) {
        try {
          plans.push(planKey(key));
        } catch (err) {
          errors.set(priceKeyId(key), err instanceof PricingError ? err : new PricingError(describeLiveError(err)));
        }
      }
      const byQuery = new Map<string, { query: PriceQuery; plans: KeyPlan[] }>();
      for (const plan of plans) {
        const group = byQuery.get(plan.query.id) ?? { query: plan.query, plans: [] };
        group.plans.push(plan);
        byQuery.set(plan.query.id, group);
      }
      const groups = [...byQuery.values()];
      const bucket = new TokenBucket({ ratePerSecond: options.ratePerSecond ?? 5, capacity: options.burst ?? 5 });
      const seconds = Math.round(deadlineMs / 100) / 10;
      const d = makeDeadline(deadlineMs, `the AWS Price List API did not answer within ${seconds}s`);
      let done = 0;
      onProgress?.({ done, total: groups.length });
      try {
        const settled = await runPool(
          groups,
          async (group) => {
            try {
              return await getAllProducts(group.query, bucket, d.signal, () => requests++);
            } finally {
              done++;
              onProgress?.({ done, total: groups.length });
            }
          },
          { concurrency: options.concurrency ?? 4, signal: d.signal },
        );
        const fetchedAt = now().toISOString();
        settled.forEach((result, i) => {
          for (const plan of groups[i].plans) {
            if (!result.ok) {
              const reason = d.signal.aborted ? describeLiveError(d.signal.reason) : describeLiveError(result.error);
              errors.set(plan.keyId, result.error instanceof PricingError ? result.error : new PricingError(reason));
              continue;
            }
            try {
              const { product, price } = plan.select(result.value);
              const publicationDate = product.publicationDate;
              const effective = product.onDemand[0]?.effectiveDate;
              prices.set(plan.keyId, {
                ...price,
                source: 'live',
                asOf: (publicationDate ?? effective ?? fetchedAt).slice(0, 10),
                sku: product.sku,
                ...(publicationDate ? { publicationDate } : {}),
                fetchedAt,
                origin: 'AWS Price List API',
              });
            } catch (err) {
              errors.set(plan.keyId, err instanceof PricingError ? err : new PricingError(describeLiveError(err)));
            }
          }
        });
      } finally {
        d.cancel();
      }
      return { prices, errors, requests };
    },

    destroy() {
      client.destroy();
    },
  };
}

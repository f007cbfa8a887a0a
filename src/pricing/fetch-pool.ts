/**
 * Plan-then-fetch plumbing: a token bucket (the Price List API allows about 5 GetProducts per second per account,
 * reference/pricing.md §1.2), a bounded worker pool and an overall deadline. Pure Node, no SDK.
 */

export interface TokenBucketOptions {
  /** Tokens added per second. */
  ratePerSecond: number;
  /** Bucket size (burst). */
  capacity: number;
  /** Clock and sleep, injectable for tests. */
  now?: () => number;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
}

export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const t = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(t);
      reject(signal!.reason);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/** A token bucket. `take()` resolves when a token is available; callers are served in order. */
export class TokenBucket {
  private tokens: number;
  private last: number;
  private queue: Promise<void> = Promise.resolve();
  private readonly now: () => number;
  private readonly sleep: (ms: number, signal?: AbortSignal) => Promise<void>;

  constructor(private readonly opts: TokenBucketOptions) {
    this.now = opts.now ?? (() => performance.now());
    this.sleep = opts.sleep ?? sleep;
    this.tokens = opts.capacity;
    this.last = this.now();
  }

  private refill(): void {
    const t = this.now();
    this.tokens = Math.min(this.opts.capacity, this.tokens + ((t - this.last) / 1000) * this.opts.ratePerSecond);
    this.last = t;
  }

  take(signal?: AbortSignal): Promise<void> {
    const turn = this.queue.then(async () => {
      this.refill();
      while (this.tokens < 1) {
        await this.sleep(Math.ceil(((1 - this.tokens) / this.opts.ratePerSecond) * 1000), signal);
        this.refill();
      }
      this.tokens -= 1;
    });
    // A rejected turn (aborted) must not block the callers behind it.
    this.queue = turn.catch(() => undefined);
    return turn;
  }
}

export interface PoolOptions {
  concurrency: number;
  signal?: AbortSignal;
}

export type Settled<R> = { ok: true; value: R } | { ok: false; error: unknown };

/** Runs `worker` over `items` with at most `concurrency` in flight. Never rejects: each item settles on its own. */
export async function runPool<T, R>(
  items: readonly T[],
  worker: (item: T, signal?: AbortSignal) => Promise<R>,
  opts: PoolOptions,
): Promise<Settled<R>[]> {
  const results: Settled<R>[] = new Array(items.length);
  let next = 0;
  const lanes = Math.max(1, Math.min(opts.concurrency, items.length));
  await Promise.all(
    Array.from({ length: lanes }, async () => {
      while (next < items.length) {
        const i = next++;
        if (opts.signal?.aborted) {
          results[i] = { ok: false, error: opts.signal.reason };
          continue;
        }
        try {
          results[i] = { ok: true, value: await worker(items[i], opts.signal) };
        } catch (error) {
          results[i] = { ok: false, error };
        }
      }
    }),
  );
  return results;
}

/** An AbortSignal that fires after `ms` (unref'd so it never keeps the process alive), plus a way to cancel it. */
export function deadline(ms: number, message: string): { signal: AbortSignal; cancel: () => void } {
  const controller = new AbortController();
  const t = setTimeout(() => controller.abort(new DeadlineError(message)), ms);
  t.unref?.();
  return { signal: controller.signal, cancel: () => clearTimeout(t) };
}

export class DeadlineError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DeadlineError';
  }
}

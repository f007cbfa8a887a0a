/** Errors the CLI turns into one line on stderr and an exit code (design.md §3). No stack trace unless --debug. */

/** Bad input (flags, workload file, unknown region or type): exit 2. */
export class InputError extends Error {
  readonly exitCode = 2;
  constructor(message: string) {
    super(message);
    this.name = 'InputError';
  }
}

/** Prices cannot be had (live with no credentials, prices older than --max-price-age, no price for a key): exit 3. */
export class PricingError extends Error {
  readonly exitCode = 3;
  constructor(message: string) {
    super(message);
    this.name = 'PricingError';
  }
}

/** A check ran and failed (budget or target violated): exit 1. The report has already been printed. */
export class CheckFailed extends Error {
  readonly exitCode = 1;
  constructor(message = 'check failed') {
    super(message);
    this.name = 'CheckFailed';
  }
}

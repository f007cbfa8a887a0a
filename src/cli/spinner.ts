/**
 * Spinners on stderr (yocto-spinner, loaded only when one is shown): around a piece of work (the wizard's pricing
 * step), and as the progress callback of live pricing. Only where `terminal.spinner()` allows them.
 */
import type { PricingProgress } from '../pricing/index';
import type { BulkProgress } from '../pricing/bulk';

interface Spinner {
  text: string;
  stop(): void;
}

async function startSpinner(text: string): Promise<Spinner> {
  const { default: yoctoSpinner } = await import('yocto-spinner');
  const s = yoctoSpinner({ text, stream: process.stderr }).start();
  return {
    set text(t: string) {
      s.text = t;
    },
    get text() {
      return s.text;
    },
    stop() {
      s.stop();
      s.clear?.();
    },
  };
}

/** A spinner labelled `label` while `work` runs, when `enabled`. */
export async function withSpinner<T>(enabled: boolean, label: string, work: () => Promise<T>): Promise<T> {
  if (!enabled) return work();
  const spinner = await startSpinner(label);
  try {
    return await work();
  } finally {
    spinner.stop();
  }
}

/** Live-pricing progress as a spinner: "Fetching N prices…", then "… done/total queries", gone at the end. */
export function pricingSpinner(enabled: boolean): ((p: PricingProgress) => void) | undefined {
  if (!enabled) return undefined;
  let spinner: Promise<Spinner | undefined> = Promise.resolve(undefined);
  let text = '';
  let stopped = false;
  return (p) => {
    if (p.phase === 'start') {
      stopped = false;
      text = `Fetching ${p.keys} prices from the AWS Price List API…`;
      spinner = startSpinner(text).then((s) => {
        if (stopped) s.stop();
        else s.text = text;
        return stopped ? undefined : s;
      });
    } else if (p.phase === 'queries') {
      text = `Fetching prices from the AWS Price List API… ${p.done}/${p.total} queries`;
      void spinner.then((s) => {
        if (s && !stopped) s.text = text;
      });
    } else {
      stopped = true;
      void spinner.then((s) => s?.stop());
    }
  };
}

/** "12.3 MB", "1.20 GB": bytes for a progress line. */
export function formatBytes(n: number): string {
  if (n >= 1e9) return `${(n / 1e9).toFixed(2)} GB`;
  if (n >= 1e6) return `${(n / 1e6).toFixed(1)} MB`;
  if (n >= 1e3) return `${(n / 1e3).toFixed(1)} kB`;
  return `${n} B`;
}

/** The progress line of one Bulk API offer file: file n of m, bytes (of the size, when known), products read and kept. */
export function bulkProgressText(p: BulkProgress): string {
  const size = p.totalBytes !== undefined ? ` of ${formatBytes(p.totalBytes)}` : '';
  return `Reading the ${p.service} ${p.region} offer file (${p.file}/${p.files}): ${formatBytes(p.bytes)}${size}, ${p.products.toLocaleString('en-US')} products, ${p.kept} kept`;
}

/** Bulk API progress as a spinner whose text is {@link bulkProgressText}; gone when the last file is done. */
export function bulkProgress(enabled: boolean): ((p: BulkProgress) => void) | undefined {
  if (!enabled) return undefined;
  let spinner: Promise<Spinner> | undefined;
  let text = '';
  return (p) => {
    text = bulkProgressText(p);
    spinner ??= startSpinner(text);
    void spinner.then((s) => {
      s.text = text;
      if (p.done && p.file === p.files) s.stop();
    });
  };
}

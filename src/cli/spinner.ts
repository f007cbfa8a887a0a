/**
 * Spinners on stderr (yocto-spinner, loaded only when one is shown): around a piece of work (the wizard's pricing
 * step), and as the progress callback of live pricing. Only where `terminal.spinner()` allows them.
 */
import type { PricingProgress } from '../pricing/index';

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

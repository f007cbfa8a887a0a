/** Helpers for core tests: load an example, plan it and price it from the bundled snapshot, in-process. */
import { evaluate } from '../../src/advisor/evaluate';
import { planEstimate } from '../../src/advisor/plan';
import type { Report } from '../../src/advisor/types';
import { createSnapshotPriceBook } from '../../src/pricing/snapshot/book';
import type { Price } from '../../src/pricing/types';
import { loadExample } from '../../src/workload/load';
import { documentOf, normalizeWorkload, validateWorkload, type Workload } from '../../src/workload/validate';

export function example(name: string, patch: (doc: any) => void = () => {}): Workload {
  const w = structuredClone(documentOf(loadExample(name))) as any;
  patch(w);
  return normalizeWorkload(validateWorkload(w));
}

export async function snapshotPrices(w: Workload): Promise<Map<string, Price>> {
  const plan = planEstimate(w);
  return (await createSnapshotPriceBook().resolve(plan.keys)).prices;
}

export async function estimateReport(w: Workload, opts: { samples?: number; seed?: number } = {}): Promise<Report> {
  const plan = planEstimate(w);
  const { prices } = await createSnapshotPriceBook().resolve(plan.keys);
  return evaluate(plan, prices, { generatedAt: '2026-11-25T00:00:00.000Z', version: 'test', samples: opts.samples ?? 2000, seed: opts.seed ?? 1 });
}

export function strategy(r: Report, id: string) {
  const s = r.strategies.find((x) => x.id === id);
  if (!s) throw new Error(`no strategy ${id}`);
  return s;
}

export function line(items: Report['primaryLineItems'], component: string, region?: string) {
  const found = items.filter((i) => i.component.startsWith(component) && (!region || i.region === region));
  if (found.length !== 1) throw new Error(`expected one line "${component}" ${region ?? ''}, found ${found.length}: ${items.map((i) => i.component).join(' | ')}`);
  return found[0];
}

export const MIN = 60;
export const HOUR = 3600;

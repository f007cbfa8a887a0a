/**
 * Every commercial region through the built CLI (issue 13): pairs in Australia, South America and the Middle East
 * estimate end to end with every price's provenance stated; an unknown region names the nearest known ones; one count
 * (prices) in the footer, the warnings and JSON; no float noise; stated discounts show list and paid figures.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REGIONS, regionInfo } from '../../src/model/regions';
import { runCli } from '../helpers/cli';

const json = (args: string[]) => {
  const r = runCli(['estimate', ...args, '--format', 'json']);
  expect(r.stderr.split('\n').filter((l) => l && !l.startsWith('warning: '))).toEqual([]);
  expect(r.status).toBe(0);
  return JSON.parse(r.stdout);
};

type Item = { priceKey: string; region: string; unitPrice: number; quantity: number; monthlyCost: number; estimated: boolean; price: { source: string; asOf: string; origin?: string; estimated?: boolean }; discount?: { pct: number; listUnitPrice: number; listMonthlyCost: number } };
const itemsOf = (r: { primaryLineItems: Item[]; strategies: { lineItems: Item[] }[]; variants: { lineItems: Item[] }[] }): Item[] => [
  ...r.primaryLineItems,
  ...r.strategies.flatMap((s) => s.lineItems),
  ...r.variants.flatMap((s) => s.lineItems),
];

describe('the region table', () => {
  it('34 commercial regions, each with a location, a usage-type prefix, a GA group and a default DR region in its geography', () => {
    expect(REGIONS).toHaveLength(34);
    for (const r of REGIONS) {
      expect(r.location, r.code).toMatch(/\(.+\)$/);
      expect(r.usagePrefix, r.code).toMatch(/^[A-Z]{2,4}\d?$/);
      const dr = regionInfo(r.defaultDr)!;
      expect(dr.code, r.code).not.toBe(r.code);
      const alone = REGIONS.filter((x) => x.geography === r.geography).length === 1;
      if (!alone) expect(dr.geography, `${r.code} → ${dr.code}`).toBe(r.geography);
      if (r.nearby) expect(regionInfo(r.nearby), r.code).toBeDefined();
    }
    expect(new Set(REGIONS.map((r) => r.usagePrefix)).size).toBe(34);
  });
});

describe.each([
  ['ap-southeast-2', 'ap-southeast-4', 'web-app'],
  ['sa-east-1', 'us-east-1', 'web-app'],
  ['me-central-1', 'me-south-1', 'global-saas'],
  ['il-central-1', 'me-central-1', 'serverless-dynamodb'],
])('estimate --primary-region %s --dr-region %s (%s)', (primary, dr, example) => {
  it('works end to end; every line item states its source, data date and origin; estimated ones say so', () => {
    const r = json(['--example', example, '--primary-region', primary, '--dr-region', dr, '--pricing', 'snapshot']);
    expect(r.workload.regions).toMatchObject({ primary, dr });
    const items = itemsOf(r);
    expect(items.length).toBeGreaterThan(10);
    for (const i of items) {
      expect(i.price.source).toBe('snapshot');
      expect(i.price.asOf).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(i.price.origin).toBeTruthy();
      expect(i.estimated).toBe(Boolean(i.price.estimated));
      if (i.estimated) expect(i.price.origin).toMatch(/estimated: /);
    }
    expect(new Set(items.map((i) => i.region))).toContain(dr);
    // One count: distinct prices, the same in JSON and in the estimated-price keys. The report uses the line items'
    // prices and the per-event costs' (the failback re-seed transfer, issue 12), and counts them all.
    const estimatedKeys = new Set(items.filter((i) => i.estimated).map((i) => i.priceKey));
    const perEventKeys = new Set([...r.strategies, ...r.variants].flatMap((s: any) => s.perEvent.priceKeys as string[]));
    const used = new Set([...items.map((i) => i.priceKey), ...perEventKeys]);
    expect(r.pricing.prices).toBe(used.size);
    expect(r.pricing.estimatedPrices).toBe(r.pricing.estimatedPriceKeys.length);
    for (const k of estimatedKeys) expect(r.pricing.estimatedPriceKeys).toContain(k);
    for (const k of r.pricing.estimatedPriceKeys) expect(estimatedKeys.has(k) || perEventKeys.has(k)).toBe(true);
  });
});

describe('one story per figure', () => {
  it('the footer, the warning and JSON count the same estimated prices', () => {
    const j = json(['--example', 'global-saas', '--pricing', 'snapshot']);
    const t = runCli(['estimate', '--example', 'global-saas', '--pricing', 'snapshot']);
    expect(t.stderr).toContain(`warning: ${j.pricing.estimatedPrices} prices are estimated (derived by a rule, not read from a source)`);
    expect(t.stdout).toContain(`; ${j.pricing.estimatedPrices} of ${j.pricing.prices} prices are estimated (line items marked *).`);
    expect(t.stdout).not.toMatch(/line items use estimated prices/);
  });

  it('no float noise: unit prices and quantities have at most 12 significant digits', () => {
    const r = json(['--example', 'global-saas', '--pricing', 'snapshot']);
    for (const i of itemsOf(r)) {
      expect(Number(i.unitPrice.toPrecision(12)), i.priceKey).toBe(i.unitPrice);
      expect(Number(i.quantity.toPrecision(12)), i.priceKey).toBe(i.quantity);
    }
    // ALB 0.0225 × 730 h / 730 h is 0.0225, not 0.022500000000000003.
    expect(itemsOf(r).find((i) => i.priceKey === 'elb.alb|us-east-1|')!.unitPrice).toBe(0.0225);
  });

  it('--max-price-age judges each price by its data date and names the prices too old; the snapshot is called by its build date', () => {
    const r = runCli(['estimate', '--example', 'web-app', '--pricing', 'snapshot', '--max-price-age', '1000d']);
    expect(r.status).toBe(3);
    expect(r.stderr).toMatch(/^error: prices older than --max-price-age 1000d refused: \d+ of \d+ prices have older data: [^;]+ \(data of 2022-\d\d-\d\d, \d+ days old\)/);
    expect(r.stderr).toMatch(/\(the bundled snapshot was built 2026-11-24\)/);
    expect(r.stderr).not.toMatch(/days old\)[^;]*snapshot is/);
    const ok = runCli(['estimate', '--example', 'web-app', '--pricing', 'snapshot', '--max-price-age', '3000d']);
    expect(ok.status).toBe(0);
    expect(ok.stderr).toMatch(/^warning: prices from the bundled snapshot \(built 2026-11-24; price data from 2022-\d\d-\d\d to 2026-\d\d-\d\d, see --explain\)\n/);
  });
});

describe('what the team really pays', () => {
  it('a stated enterprise discount and EC2 savings rate: JSON carries list and paid figures; the table and Markdown show both', () => {
    const dir = mkdtempSync(join(tmpdir(), 'dr-disc-'));
    const file = join(dir, 'w.yaml');
    writeFileSync(
      file,
      ['name: disc', 'regions: { primary: us-east-1, dr: us-west-2 }', 'compute: { instanceType: m5.large, count: 4 }', 'pricing:', '  enterpriseDiscountPct: 10', '  savingsPct: { ec2: 30 }', ''].join('\n'),
    );
    const r = JSON.parse(runCli(['estimate', '-f', file, '--format', 'json', '--pricing', 'snapshot']).stdout);
    const m5 = r.primaryLineItems.find((i: Item) => i.priceKey === 'ec2.instance|us-east-1|instanceType=m5.large') as Item;
    // m5.large us-east-1 $0.096/h (Karpenter 2026-07-20) × 4 × 730 h = $280.32 list; × 0.7 × 0.9 = $176.60 paid.
    expect(m5.discount).toMatchObject({ pct: 37, listUnitPrice: 0.096, listMonthlyCost: 280.32 });
    expect(m5.monthlyCost).toBe(176.6);
    expect(m5.unitPrice).toBe(0.06048);
    const alb = r.primaryLineItems.find((i: Item) => i.priceKey === 'elb.alb|us-east-1|') as Item;
    expect(alb.discount).toMatchObject({ pct: 10, listMonthlyCost: 16.43 });
    expect(r.primaryMonthlyCost).toBeCloseTo(r.primaryLineItems.reduce((s: number, i: Item) => s + i.monthlyCost, 0), 1);
    expect(r.disclaimer).toMatch(/less the discounts the workload states/);
    const table = runCli(['estimate', '-f', file, '--pricing', 'snapshot', '--explain']).stdout;
    expect(table).toContain('$176.60 (list $280.32)');
    const md = runCli(['estimate', '-f', file, '--pricing', 'snapshot', '--format', 'markdown']).stdout;
    expect(md).toContain('$176.60 (list $280.32)');
    expect(md).toMatch(/list prices less the stated discounts \(enterprise discount 10%, EC2 savings 30%\)/);
    // Without a pricing block every figure is the list price, and no item carries a discount.
    const plain = JSON.parse(runCli(['estimate', '--example', 'web-app', '--format', 'json', '--pricing', 'snapshot']).stdout);
    expect(itemsOf(plain).some((i) => i.discount)).toBe(false);
  });
});

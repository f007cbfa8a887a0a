/** Hand-computed line items: list price × quantity, a month being 730 h, in several regions. */
import { describe, expect, it } from 'vitest';
import { priceLine, tieredCost } from '../../src/advisor/price-lines';
import type { Price } from '../../src/pricing/types';
import { estimateReport, example, line, strategy } from '../helpers/core';

describe('Aurora global secondary in the DR region = hourly list price × 730', () => {
  const cases: Array<[string, string, number]> = [
    ['us-east-1', 'us-west-2', 0.26],
    ['us-east-1', 'eu-west-1', 0.286],
    ['us-east-1', 'ap-northeast-2', 0.313],
    ['eu-west-1', 'eu-central-1', 0.313],
  ];
  for (const [primary, dr, hourly] of cases) {
    it(`${dr}: ${hourly} × 730`, async () => {
      const r = await estimateReport(example('web-app', (w) => Object.assign(w.regions, { primary, dr })));
      const item = line(strategy(r, 'pilot-light').lineItems, 'Aurora global secondary (db.r6g.large)', dr);
      expect(item.quantity).toBe(730);
      expect(item.unitPrice).toBeCloseTo(hourly, 10);
      expect(item.monthlyCost).toBe(Math.round(hourly * 730 * 100) / 100);
      expect(item.price.source).toBe('snapshot');
      expect(item.price.asOf).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    });
  }
});

describe('web-app line items, by hand (us-east-1 → us-west-2)', async () => {
  const r = await estimateReport(example('web-app'));

  it('primary: 2 × m5.large at $0.096/h = $140.16', () => {
    const i = line(r.primaryLineItems, 'App servers (m5.large)');
    expect(i.quantity).toBe(1460);
    expect(i.monthlyCost).toBe(140.16);
  });

  it('primary: Aurora writer db.r6g.large $0.26/h = $189.80, storage 500 GB × $0.10 = $50', () => {
    expect(line(r.primaryLineItems, 'Aurora writer (db.r6g.large)').monthlyCost).toBe(189.8);
    expect(line(r.primaryLineItems, 'Aurora writer storage').monthlyCost).toBe(50);
  });

  it('pilot light: replication transfer 24 GB/day × 730/24 days × $0.02/GB = $14.60', () => {
    const i = line(strategy(r, 'pilot-light').lineItems, 'Replication transfer to us-west-2');
    expect(i.quantity).toBeCloseTo(730, 10);
    expect(i.unitPrice).toBeCloseTo(0.02, 10);
    expect(i.monthlyCost).toBe(14.6);
  });

  it('warm standby: ceil(2 × 0.5) = 1 standby m5.large in us-west-2 = $70.08', () => {
    const i = line(strategy(r, 'warm-standby').lineItems, 'Standby app servers (m5.large)');
    expect(i.quantity).toBe(730);
    expect(i.monthlyCost).toBe(70.08);
  });

  it('active-active: full-size fleet in the second region = 2 × $70.08', () => {
    expect(line(strategy(r, 'active-active').lineItems, 'App servers, full size (m5.large)', 'us-west-2').monthlyCost).toBe(140.16);
  });

  it('every strategy total is the sum of its line items (to the cent)', () => {
    for (const s of r.strategies) {
      const sum = s.lineItems.reduce((a, i) => a + i.monthlyCost, 0);
      expect(Math.abs(sum - s.drMonthlyCost)).toBeLessThanOrEqual(0.01 * s.lineItems.length);
    }
    const p = r.primaryLineItems.reduce((a, i) => a + i.monthlyCost, 0);
    expect(Math.abs(p - r.primaryMonthlyCost)).toBeLessThanOrEqual(0.01 * r.primaryLineItems.length);
  });

  it('backup & restore runs no compute in the DR region', () => {
    expect(strategy(r, 'backup-restore').lineItems.some((i) => i.service === 'Amazon EC2')).toBe(false);
  });

  it('no line is priced at zero', () => {
    for (const s of r.strategies) for (const i of s.lineItems) expect(i.monthlyCost).toBeGreaterThan(0);
  });
});

describe('warm standby capacity and active-active regions scale the cost', () => {
  it('eu-central-1 standby at 100% of 4 × m5.large = 4 × 0.115 × 730 = $335.80', async () => {
    const r = await estimateReport(
      example('web-app', (w) => {
        Object.assign(w.regions, { primary: 'eu-west-1', dr: 'eu-central-1' });
        w.compute.count = 4;
        w.operations.warmStandbyCapacity = 1;
      }),
    );
    expect(line(strategy(r, 'warm-standby').lineItems, 'Standby app servers (m5.large)').monthlyCost).toBe(335.8);
  });

  it('3-region active-active costs more than 2-region', async () => {
    const two = await estimateReport(example('global-saas', (w) => (w.regions.additional = [])));
    const three = await estimateReport(example('global-saas'));
    expect(strategy(three, 'active-active').drMonthlyCost).toBeGreaterThan(strategy(two, 'active-active').drMonthlyCost);
    // the other strategies use only the DR region, so they do not change
    expect(strategy(three, 'pilot-light').drMonthlyCost).toBe(strategy(two, 'pilot-light').drMonthlyCost);
  });
});

describe('pricing arithmetic', () => {
  const tiered: Price = {
    unitPrice: 0.023, unit: 'GB-Mo', source: 'snapshot', asOf: '2026-07-20',
    tiers: [{ from: 0, to: 51200, unitPrice: 0.023 }, { from: 51200, to: 512000, unitPrice: 0.022 }, { from: 512000, to: null, unitPrice: 0.021 }],
  };
  it('tiers: 60,000 GB = 51,200 × 0.023 + 8,800 × 0.022', () => {
    expect(tieredCost(tiered, 60000)).toBeCloseTo(51200 * 0.023 + 8800 * 0.022, 8);
    expect(tieredCost(tiered, 100)).toBeCloseTo(2.3, 10);
  });
  it('a missing price is an error, never zero', () => {
    expect(() => priceLine({ component: 'x', region: 'us-east-1', service: 'Amazon EC2', usage: '', key: { service: 'ebs.gp3', region: 'us-east-1' }, monthlyQuantity: 1 }, new Map())).toThrow(/no price for ebs.gp3/);
  });
});

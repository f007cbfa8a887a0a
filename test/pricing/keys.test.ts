/** Typed price keys and the services table: one row per service, ids parsed back only by parsePriceKeyId. */
import { describe, expect, it } from 'vitest';
import { planEstimate } from '../../src/advisor/plan';
import { PricingError } from '../../src/errors';
import { describePriceKey, parsePriceKeyId, priceKeyId, type PriceKey } from '../../src/pricing/keys';
import { PRICE_SERVICES, SERVICES } from '../../src/pricing/services';
import { estimateReport, example } from '../helpers/core';

describe('priceKeyId and parsePriceKeyId', () => {
  it('keep the id format byte for byte: service|region|k=v;k=v, attributes sorted', () => {
    const k: PriceKey = { service: 'rds.instance', region: 'us-east-1', attrs: { instanceClass: 'db.m5.large', engine: 'mysql', deployment: 'multi-az' } };
    expect(priceKeyId(k)).toBe('rds.instance|us-east-1|deployment=multi-az;engine=mysql;instanceClass=db.m5.large');
    expect(priceKeyId({ service: 'route53.hostedZone', region: 'global' })).toBe('route53.hostedZone|global|');
    expect(priceKeyId({ service: 'transfer.interRegion', region: 'us-east-1', attrs: { to: 'us-west-2' } })).toBe('transfer.interRegion|us-east-1|to=us-west-2');
  });

  it('round-trip every key the three examples plan, typed by service', () => {
    for (const name of ['web-app', 'serverless-dynamodb', 'global-saas']) {
      for (const key of planEstimate(example(name), { variants: true }).keys) {
        const parsed = parsePriceKeyId(priceKeyId(key));
        expect(parsed).toEqual(key);
        if (parsed.service === 'ec2.instance') expect(typeof parsed.attrs.instanceType).toBe('string');
      }
    }
  });

  it.each([
    ['nope|us-east-1|', 'unknown price service "nope"'],
    ['ec2.instance|us-east-1|', 'ec2.instance needs attribute "instanceType"'],
    ['ec2.instance|us-east-1|instanceType=', 'attribute "instanceType" has no value'],
    ['ec2.instance|us-east-1|instanceType=m5.large;color=red', 'ec2.instance has no attribute "color"'],
    ['ebs.gp3||', 'no region'],
    ['ebs.gp3|global|', 'a regional service needs a region'],
    ['route53.hostedZone|us-east-1|', 'the region of a global service is "global"'],
    ['rds.instance|us-east-1|deployment=tri-az;engine=mysql;instanceClass=db.m5.large', 'attribute "deployment" must be one of single-az, multi-az'],
    ['rds.instance|us-east-1|engine=mysql;deployment=single-az;instanceClass=db.m5.large', 'attributes are not in sorted order'],
    ['ebs.gp3|us-east-1', 'expected service|region|attributes'],
  ])('refuse %s: %s', (id, why) => {
    expect(() => parsePriceKeyId(id)).toThrow(PricingError);
    expect(() => parsePriceKeyId(id)).toThrow(`invalid price key ${JSON.stringify(id)}: ${why}`);
  });

  it('describePriceKey reads the words from the services table', () => {
    expect(describePriceKey({ service: 'ec2.instance', region: 'eu-west-1', attrs: { instanceType: 'm5.large' } })).toBe('EC2 instance m5.large in eu-west-1');
    expect(describePriceKey({ service: 'rds.io', region: 'us-east-1', attrs: { engine: 'aurora-mysql' } })).toBe('Aurora MySQL Aurora I/O requests in us-east-1');
    expect(describePriceKey({ service: 'ga.fixed', region: 'global' })).toBe('Global Accelerator fixed fee');
  });
});

describe('the services table', () => {
  it('one row per service: unit, words, display name, scope and attributes', () => {
    expect(PRICE_SERVICES).toHaveLength(23);
    for (const s of PRICE_SERVICES) {
      const row = SERVICES[s];
      expect(row.unit.length).toBeGreaterThan(0);
      expect(row.words.length).toBeGreaterThan(0);
      expect(row.displayName).toMatch(/^(Amazon|AWS|Elastic) /);
      for (const f of Object.values(row.unitAliases)) expect(f).toBeGreaterThan(0);
    }
    expect(SERVICES['rds.io'].unitAliases['Million IOs']).toBe(1e-6);
  });

  it('line items show the display name of the service that prices them', async () => {
    const r = await estimateReport(example('global-saas'));
    const items = [...r.primaryLineItems, ...r.strategies.flatMap((s) => s.lineItems)];
    expect(items.length).toBeGreaterThan(40);
    for (const i of items) expect(i.service).toBe(SERVICES[parsePriceKeyId(i.priceKey).service].displayName);
    expect(items.find((i) => i.priceKey.startsWith('ga.fixed|'))?.service).toBe('AWS Global Accelerator');
  });
});

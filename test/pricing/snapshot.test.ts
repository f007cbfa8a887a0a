import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { PricingError } from '../../src/errors';
import { parsePriceKeyId, priceKeyId } from '../../src/pricing/keys';
import { REGION_CODES } from '../../src/model/regions';
import { createSnapshotPriceBook } from '../../src/pricing/snapshot/book';
import { knownDbInstanceClasses, knownInstanceTypes, loadSnapshot, snapshotInfo } from '../../src/pricing/snapshot/catalog';
import { nearest } from '../../src/text/suggest';
import { PRICE_UNITS } from '../../src/pricing/services';
import type { PriceKey, PriceService } from '../../src/pricing/types';
import { withWarnings } from '../helpers/texts-book';

const root = fileURLToPath(new URL('../../', import.meta.url));
const snapshot = loadSnapshot();
const fixedNow = () => new Date('2026-11-25T00:00:00Z');
const book = withWarnings(createSnapshotPriceBook(snapshot, { now: fixedNow }));

async function price(key: PriceKey) {
  const r = await book.resolve([key]);
  return { price: r.prices.get(priceKeyId(key))!, warnings: r.warnings };
}

const ec2 = (instanceType: string, region: string): PriceKey => ({ service: 'ec2.instance', region, attrs: { instanceType } });
const rds = (engine: string, instanceClass: string, region: string, deployment = 'single-az'): PriceKey => ({
  service: 'rds.instance',
  region,
  attrs: { deployment, engine, instanceClass },
});

describe('hand-checked prices', () => {
  it('m5.large us-east-1 is 0.096 from Karpenter 2026-07-20', async () => {
    const { price: p } = await price(ec2('m5.large', 'us-east-1'));
    expect(p.unitPrice).toBe(0.096);
    expect(p.unit).toBe('Hrs');
    expect(p.asOf).toBe('2026-07-20');
    expect(p.source).toBe('snapshot');
    expect(p.estimated).toBe(false);
    expect(p.origin).toContain('karpenter-provider-aws@6fc13b5');
  });

  it('prefers the newer Karpenter us-east-1 price over the rounded 2022 one (t3.medium 0.0416)', async () => {
    expect((await price(ec2('t3.medium', 'us-east-1'))).price.unitPrice).toBe(0.0416);
  });

  // scripts/sources/skypilot-catalog_v7_aws_ec2-ondemand-linux_families.json: m5.large eu-central-1 0.115 (the same
  // figure as ec2instances.info 2022-07-07; the newer source wins and dates it).
  it('m5.large eu-central-1 is 0.115 from the SkyPilot catalog, dated 2026-07-20', async () => {
    const { price: p } = await price(ec2('m5.large', 'eu-central-1'));
    expect(p.unitPrice).toBe(0.115);
    expect(p.asOf).toBe('2026-07-20');
    expect(p.estimated).toBe(false);
    expect(p.origin).toContain('skypilot-org/skypilot-catalog@001367d');
  });

  // ec2instances.info 2022-07-07 is the only source of m5.large in sa-east-1 (0.153): old, so estimated.
  it('a figure only a 2022 source has is estimated by rule old-source (m5.large sa-east-1 0.153)', async () => {
    const { price: p, warnings } = await price(ec2('m5.large', 'sa-east-1'));
    expect(p.unitPrice).toBe(0.153);
    expect(p.asOf).toBe('2022-07-07');
    expect(p.estimated).toBe(true);
    expect(warnings[1]).toMatch(/^1 estimated price \(figure read from a source dated before 2024-01-01/);
  });

  // ec2instances-info_2022-01-18_rds-ondemand-hourly.json: db.r6g.large Aurora MySQL us-west-2 0.26, eu-west-1 0.286;
  // the only source is from 2022, so both are estimated (rule old-source), never shown as verified.
  it('db.r6g.large Aurora MySQL: us-west-2 0.26, eu-west-1 0.286 (Single-AZ, 2022-01-18), estimated as old', async () => {
    const usw2 = (await price(rds('aurora-mysql', 'db.r6g.large', 'us-west-2'))).price;
    const euw1 = (await price(rds('aurora-mysql', 'db.r6g.large', 'eu-west-1'))).price;
    expect(usw2.unitPrice).toBe(0.26);
    expect(euw1.unitPrice).toBe(0.286);
    expect(euw1.asOf).toBe('2022-01-18');
    expect(euw1.estimated).toBe(true);
    expect(euw1.origin).toMatch(/no newer source/);
  });

  it('Multi-AZ MySQL is 2 × Single-AZ and estimated, with the rule in origin and warnings', async () => {
    const single = (await price(rds('mysql', 'db.m5.large', 'us-east-1'))).price;
    const r = await price(rds('mysql', 'db.m5.large', 'us-east-1', 'multi-az'));
    expect(single.unitPrice).toBe(0.171);
    expect(single.estimated).toBe(false);
    expect(r.price.unitPrice).toBe(0.342);
    expect(r.price.estimated).toBe(true);
    expect(r.price.origin).toMatch(/2 × Single-AZ/);
    expect(r.warnings.some((w) => /Multi-AZ/.test(w))).toBe(true);
  });

  it('Aurora has no Multi-AZ instance entry', () => {
    const auroraMulti = Object.keys(snapshot.entries).filter((id) => id.startsWith('rds.instance|') && /engine=aurora/.test(id) && /multi-az/.test(id));
    expect(auroraMulti).toEqual([]);
  });

  it('inter-region transfer us-east-1 → us-west-2 is 0.02, → us-east-2 is 0.01', async () => {
    const k = (to: string): PriceKey => ({ service: 'transfer.interRegion', region: 'us-east-1', attrs: { to } });
    expect((await price(k('us-west-2'))).price.unitPrice).toBe(0.02);
    expect((await price(k('us-east-2'))).price.unitPrice).toBe(0.01);
    expect((await price(k('us-west-2'))).price.estimated).toBe(false);
  });

  it('per-request units are priced per single request', async () => {
    expect((await price({ service: 'rds.io', region: 'us-east-1', attrs: { engine: 'aurora-mysql' } })).price.unitPrice).toBeCloseTo(0.2 / 1e6, 12);
    expect((await price({ service: 'dynamodb.write', region: 'us-east-1' })).price.unitPrice).toBeCloseTo(0.625 / 1e6, 12);
  });

  it('S3 Standard carries three tiers with unitPrice = first tier', async () => {
    const { price: p } = await price({ service: 's3.standard', region: 'us-east-1' });
    expect(p.unitPrice).toBe(0.023);
    expect(p.tiers).toEqual([
      { from: 0, to: 51200, unitPrice: 0.023 },
      { from: 51200, to: 512000, unitPrice: 0.022 },
      { from: 512000, to: null, unitPrice: 0.021 },
    ]);
  });
});

describe('coverage and integrity', () => {
  const services = Object.keys(PRICE_UNITS) as PriceService[];
  const GLOBAL: PriceService[] = ['route53.healthCheck', 'route53.hostedZone', 'ga.fixed'];
  const PAIRED: PriceService[] = ['transfer.interRegion', 'ga.premium'];
  const ids = Object.keys(snapshot.entries);

  it('the build script knows the same 34 regions as regions.ts', () => {
    const regions = new Set(ids.map((id) => id.split('|')[1]));
    regions.delete('global');
    expect([...regions].sort()).toEqual([...REGION_CODES].sort());
  });

  it('every PriceService is priced for each of the 34 regions (or globally)', () => {
    const missing: string[] = [];
    for (const s of services) {
      if (GLOBAL.includes(s)) {
        if (!snapshot.entries[priceKeyId({ service: s, region: 'global' })]) missing.push(`${s}|global`);
        continue;
      }
      for (const region of REGION_CODES) {
        if (s === 'ga.premium') {
          if (!snapshot.entries[priceKeyId({ service: s, region, attrs: { to: region } })]) missing.push(`${s}|${region}|to=${region}`);
        } else if (PAIRED.includes(s)) {
          for (const to of REGION_CODES) {
            if (to !== region && !snapshot.entries[priceKeyId({ service: s, region, attrs: { to } })]) missing.push(`${s}|${region}|to=${to}`);
          }
        } else if (s.startsWith('rds.')) {
          const engines = s === 'rds.io' ? ['aurora-mysql', 'aurora-postgresql'] : s === 'rds.instance' ? [] : ['aurora-mysql', 'aurora-postgresql', 'mysql', 'postgres'];
          for (const engine of engines) if (!snapshot.entries[priceKeyId({ service: s, region, attrs: { engine } })]) missing.push(`${s}|${region}|engine=${engine}`);
          if (s === 'rds.instance') {
            for (const engine of ['aurora-mysql', 'aurora-postgresql', 'mysql', 'postgres']) {
              if (!snapshot.entries[priceKeyId(rds(engine, 'db.r6g.large', region))] && !snapshot.rules.rdsRegionalFactor[engine]?.[region]) {
                missing.push(`rds.instance ${engine} db.r6g.large ${region}`);
              }
            }
          }
        } else if (s === 'ec2.instance') {
          // A region without a figure of its own is derived at run time (regional factor), so it needs the factor.
          if (!snapshot.entries[priceKeyId(ec2('m5.large', region))] && !snapshot.rules.ec2RegionalFactor[region]) missing.push(`ec2 m5.large ${region}`);
        } else if (!snapshot.entries[priceKeyId({ service: s, region })]) {
          missing.push(`${s}|${region}`);
        }
      }
    }
    expect(missing).toEqual([]);
  });

  it('keys are canonical priceKeyId values', () => {
    for (const id of ids) expect(priceKeyId(parsePriceKeyId(id))).toBe(id);
  });

  it('has no zero, negative or non-finite prices, and units match PRICE_UNITS', () => {
    const bad = ids.filter((id) => {
      const e = snapshot.entries[id];
      const tiersBad = e.tiers?.some((t) => !(t.unitPrice > 0)) ?? false;
      return !(Number.isFinite(e.unitPrice) && e.unitPrice > 0) || tiersBad || e.unit !== PRICE_UNITS[id.split('|')[0] as PriceService];
    });
    expect(bad).toEqual([]);
  });

  it('every entry names a known source and an ISO date; estimated entries say their rule', () => {
    const bad = ids.filter((id) => {
      const e = snapshot.entries[id];
      const dateOk = /^\d{4}-\d{2}-\d{2}$/.test(e.asOf) && !Number.isNaN(Date.parse(e.asOf));
      const ruleOk = !e.estimated || (Boolean(e.note) && Boolean(e.rule) && Boolean(snapshot.rules.descriptions[e.rule!]));
      return !snapshot.sources[e.source] || !dateOk || !ruleOk;
    });
    expect(bad).toEqual([]);
  });

  it('only values read from a [V] source are non-estimated', () => {
    const bad = ids.filter((id) => {
      const e = snapshot.entries[id];
      return !e.estimated && snapshot.sources[e.source].label !== 'V';
    });
    expect(bad).toEqual([]);
  });

  it('covers all Karpenter types in us-east-1 and all four engines', () => {
    const k = JSON.parse(readFileSync(join(root, 'scripts/sources/karpenter_2026-07-20_us-east-1_ec2-linux-ondemand.json'), 'utf8'))['us-east-1'];
    const use1 = ids.filter((id) => id.startsWith('ec2.instance|us-east-1|'));
    expect(use1.length).toBe(Object.keys(k).length);
    expect(use1.length).toBeGreaterThan(1300);
    for (const engine of ['aurora-mysql', 'aurora-postgresql', 'mysql', 'postgres']) expect(knownDbInstanceClasses(engine).length).toBeGreaterThan(20);
  });

  it('snapshotInfo reports date, counts and sources', () => {
    const info = snapshotInfo();
    expect(info.asOf).toBe('2026-09-20');
    expect(info.builtOn).toBe('2026-11-24');
    expect(info.entries).toBe(ids.length);
    expect(info.estimatedEntries).toBeGreaterThan(0);
    expect(info.sources.find((s) => s.id === 'karpenter')?.entries).toBeGreaterThan(1300);
  });
});

describe('derived and missing prices', () => {
  it('derives an estimated price for a Karpenter-only type in ap-northeast-2, flagged and warned', async () => {
    const key = ec2('i4i.large', 'ap-northeast-2');
    expect(snapshot.entries[priceKeyId(key)]).toBeUndefined();
    const base = snapshot.entries[priceKeyId(ec2('i4i.large', 'us-east-1'))];
    const factor = snapshot.rules.ec2RegionalFactor['ap-northeast-2'].factor;
    expect(factor).toBeGreaterThan(1.1);
    const { price: p, warnings } = await price(key);
    expect(p.estimated).toBe(true);
    expect(p.unitPrice).toBeCloseTo(base.unitPrice * factor, 4);
    expect(p.asOf).toBe('2026-07-20');
    expect(p.origin).toMatch(/regional factor/);
    expect(warnings.filter((w) => /regional factor/.test(w))).toHaveLength(1);
    expect(warnings[0]).toBe('prices from the bundled snapshot (built 2026-11-24; price data of 2026-07-20)');
  });

  it('one warning per rule, however many prices use it; plus one source warning', async () => {
    const r = await book.resolve([ec2('i4i.large', 'ap-northeast-2'), ec2('i4i.xlarge', 'ap-northeast-2'), ec2('m5.large', 'us-east-1')]);
    expect(r.prices.size).toBe(3);
    expect(r.warnings).toHaveLength(2);
    expect(r.warnings[1]).toMatch(/^2 estimated prices/);
  });

  it('one date story: the build date and the data dates of the prices given', async () => {
    const r = await book.resolve([ec2('m5.large', 'us-east-1'), rds('mysql', 'db.m5.xlarge', 'us-east-1')]);
    expect(r.warnings[0]).toBe('prices from the bundled snapshot (built 2026-11-24; price data from 2022-01-18 to 2026-07-20, see --explain)');
  });

  it('throws a PricingError naming the key in plain words', async () => {
    await expect(book.resolve([ec2('x9.huge', 'eu-west-1')])).rejects.toThrow(PricingError);
    await expect(book.resolve([ec2('x9.huge', 'eu-west-1')])).rejects.toThrow(/no price for EC2 instance x9\.huge in eu-west-1 in the bundled snapshot/);
    await expect(book.resolve([{ service: 'rds.io', region: 'us-east-1', attrs: { engine: 'mysql' } }])).rejects.toThrow(/MySQL Aurora I\/O requests in us-east-1/);
    await expect(book.resolve([ec2('m5.large', 'mars-east-1')])).rejects.toThrow(/mars-east-1/);
    await expect(book.resolve([rds('aurora-mysql', 'db.r6g.large', 'us-east-1', 'multi-az')])).rejects.toThrow(/Aurora has no Multi-AZ/);
  });

  it('suggests the nearest known instance type', async () => {
    await expect(book.resolve([ec2('m5.lrge', 'us-east-1')])).rejects.toThrow(/nearest known: m5\.large, m5\.xlarge, m5a\.large/);
  });
});

describe('catalog helpers', () => {
  it('knownInstanceTypes covers Karpenter and ec2instances.info types', () => {
    const types = knownInstanceTypes();
    expect(types).toContain('m5.large');
    expect(types).toContain('c7g.large');
    expect(types).toEqual([...types].sort());
  });

  it('knownDbInstanceClasses is per engine', () => {
    expect(knownDbInstanceClasses('aurora-mysql')).toContain('db.r6g.large');
    expect(knownDbInstanceClasses('mysql')).toContain('db.m5.large');
    expect(knownDbInstanceClasses('oracle')).toEqual([]);
  });

  it('nearest ranks by edit distance, then common prefix, then name', () => {
    expect(nearest('m5.lrge', knownInstanceTypes())).toEqual(['m5.large', 'm5.xlarge', 'm5a.large']);
    expect(nearest('M5.LARGE', ['m5.large', 'c5.large'], 1)).toEqual(['m5.large']);
    expect(nearest('db.r6g.larg', knownDbInstanceClasses('aurora-postgresql'), 2)[0]).toBe('db.r6g.large');
    expect(nearest('x', [], 3)).toEqual([]);
  });
});

describe('build script', () => {
  it('is deterministic and matches the committed snapshot byte for byte', () => {
    const dir = mkdtempSync(join(tmpdir(), 'dr-snapshot-'));
    try {
      const a = join(dir, 'a.json');
      const b = join(dir, 'b.json');
      execFileSync(process.execPath, [join(root, 'scripts/build-snapshot.mjs'), a], { stdio: 'pipe' });
      execFileSync(process.execPath, [join(root, 'scripts/build-snapshot.mjs'), b], { stdio: 'pipe' });
      const first = readFileSync(a);
      expect(first.equals(readFileSync(b))).toBe(true);
      expect(first.equals(readFileSync(join(root, 'data/price-snapshot.json')))).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

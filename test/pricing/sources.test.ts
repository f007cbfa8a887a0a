/**
 * Every real figure in scripts/sources/ (copied from the shared pricing-sources/, each with its `_source` block) is
 * in the bundled snapshot exactly (equal as written, so exact to the cent and below), unless a newer source for the
 * same key wins, and then that one is. A figure dated before 2024 that no newer source confirms is estimated (rule
 * old-source), never shown as verified; a figure with no key in the snapshot is listed here, by name.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REGION_CODES } from '../../src/model/regions';
import { priceKeyId } from '../../src/pricing/keys';
import { loadSnapshot } from '../../src/pricing/snapshot/catalog';
import type { SnapshotEntry } from '../../src/pricing/snapshot/format';
import type { PriceKey } from '../../src/pricing/types';

const dir = join(import.meta.dirname, '..', '..', 'scripts', 'sources');
const read = (f: string) => JSON.parse(readFileSync(join(dir, f), 'utf8'));
const snapshot = loadSnapshot();
const entry = (k: PriceKey): SnapshotEntry | undefined => snapshot.entries[priceKeyId(k)];
const regions = new Set(REGION_CODES);
const ec2 = (instanceType: string, region: string): PriceKey => ({ service: 'ec2.instance', region, attrs: { instanceType } });

const karpenter = read('karpenter_2026-07-20_us-east-1_ec2-linux-ondemand.json')['us-east-1'] as Record<string, number>;
const skypilot = read('skypilot-catalog_v7_aws_ec2-ondemand-linux_families.json').prices as Record<string, Record<string, number>>;
const goldens = read('infracost_goldens_unit-prices_extract.json').entries as { service: string; region: string; unitPrice: string; golden_last_changed: string }[];

describe('every real figure of scripts/sources is in the snapshot', () => {
  it('Karpenter us-east-1 (2026-07-20): every type, exact and verified', () => {
    const bad = Object.entries(karpenter).filter(([t, p]) => p > 0 && !(entry(ec2(t, 'us-east-1'))?.unitPrice === p && entry(ec2(t, 'us-east-1'))?.estimated === false));
    expect(bad).toEqual([]);
  });

  it('SkyPilot (22 regions): every figure exact and verified; in us-east-1 the dated Karpenter map wins where they differ', () => {
    let n = 0;
    const bad: string[] = [];
    for (const [type, byRegion] of Object.entries(skypilot)) {
      for (const [region, p] of Object.entries(byRegion)) {
        if (!regions.has(region)) continue;
        n++;
        const e = entry(ec2(type, region));
        const want = region === 'us-east-1' && karpenter[type] > 0 ? karpenter[type] : p;
        if (!e || e.unitPrice !== want || e.estimated) bad.push(`${type} ${region}: ${e?.unitPrice} vs ${want}`);
      }
    }
    expect(bad).toEqual([]);
    expect(n).toBe(3566);
  });

  it('ec2instances.info 2022-07-07: used only where no newer figure exists, and then estimated (old-source)', () => {
    const info = read('ec2instances-info_2022-07-07_ec2-hourly.json').prices as Record<string, Record<string, { linux_ondemand: string }>>;
    const bad: string[] = [];
    for (const [type, byRegion] of Object.entries(info)) {
      for (const [region, v] of Object.entries(byRegion)) {
        if (!regions.has(region)) continue;
        const e = entry(ec2(type, region))!;
        const newer = skypilot[type]?.[region] ?? (region === 'us-east-1' ? karpenter[type] : undefined);
        if (newer !== undefined) {
          if (e.source === 'ec2instances-ec2') bad.push(`${type} ${region}: the 2022 figure wins over ${newer}`);
        } else if (e.unitPrice !== Number(v.linux_ondemand) || !e.estimated || e.rule !== 'old-source') {
          bad.push(`${type} ${region}: ${JSON.stringify(e)}`);
        }
      }
    }
    expect(bad).toEqual([]);
  });

  it('ec2instances.info RDS 2022-01-18: every Single-AZ figure exact, estimated (old-source) unless an infracost golden confirms it', () => {
    const rds = read('ec2instances-info_2022-01-18_rds-ondemand-hourly.json').ondemand_hourly_usd as Record<string, Record<string, Record<string, number>>>;
    const engines: Record<string, string> = { 'Aurora MySQL': 'aurora-mysql', 'Aurora PostgreSQL': 'aurora-postgresql', MySQL: 'mysql', PostgreSQL: 'postgres' };
    const bad: string[] = [];
    let verifiedAurora = 0;
    for (const [cls, byRegion] of Object.entries(rds)) {
      for (const [region, byEngine] of Object.entries(byRegion)) {
        if (!regions.has(region)) continue;
        for (const [name, p] of Object.entries(byEngine)) {
          const engine = engines[name];
          if (!engine || !(p > 0)) continue;
          const e = entry({ service: 'rds.instance', region, attrs: { deployment: 'single-az', engine, instanceClass: cls } })!;
          if (e.source === 'infracost') continue; // a newer golden (checked below)
          if (e.unitPrice !== p || !e.estimated || e.rule !== 'old-source') bad.push(`${engine} ${cls} ${region}: ${JSON.stringify(e)}`);
          if (engine.startsWith('aurora') && !e.estimated) verifiedAurora++;
        }
      }
    }
    expect(bad).toEqual([]);
    expect(verifiedAurora).toBe(0);
  });

  it('infracost goldens: every unit price with a snapshot key, exact and verified, dated by its golden', () => {
    const keyOf: Record<string, PriceKey | PriceKey[] | null> = {
      'ebs.gp3': { service: 'ebs.gp3', region: 'us-east-1' },
      'ebs.snapshot': { service: 'ebs.snapshot', region: 'us-east-1' },
      's3.standard (first 50 TB)': { service: 's3.standard', region: 'us-east-1' },
      'elb.alb': { service: 'elb.alb', region: 'us-east-1' },
      'elb.albLcu': { service: 'elb.albLcu', region: 'us-east-1' },
      'route53.hostedZone (first 25)': { service: 'route53.hostedZone', region: 'global' },
      'route53.healthCheck (AWS endpoint, basic)': { service: 'route53.healthCheck', region: 'global' },
      'ga.fixed': null, // the AWS page transcription (2026-09-20) is newer and gives the same 0.025 (checked below)
      'rds.storage aurora (standard)': ['aurora-mysql', 'aurora-postgresql'].map((engine) => ({ service: 'rds.storage', region: '', attrs: { engine } }) as PriceKey),
      'rds.storage aurora (I/O-optimized)': null, // dr-advisor prices the standard configuration only
      'rds.io aurora (standard)': ['aurora-mysql', 'aurora-postgresql'].map((engine) => ({ service: 'rds.io', region: 'us-east-1', attrs: { engine } }) as PriceKey),
      'rds.backup aurora': ['aurora-mysql', 'aurora-postgresql'].map((engine) => ({ service: 'rds.backup', region: 'us-east-1', attrs: { engine } }) as PriceKey),
      'rds.instance aurora-mysql db.t3.large single': { service: 'rds.instance', region: 'us-east-1', attrs: { deployment: 'single-az', engine: 'aurora-mysql', instanceClass: 'db.t3.large' } },
      'rds.instance aurora db.t3.medium': ['aurora-mysql', 'aurora-postgresql'].map((engine) => ({ service: 'rds.instance', region: 'us-east-1', attrs: { deployment: 'single-az', engine, instanceClass: 'db.t3.medium' } }) as PriceKey),
      'rds.instance aurora db.r4.large': ['aurora-mysql', 'aurora-postgresql'].map((engine) => ({ service: 'rds.instance', region: 'us-east-1', attrs: { deployment: 'single-az', engine, instanceClass: 'db.r4.large' } }) as PriceKey),
      'rds.instance mysql db.t3.large single-az': { service: 'rds.instance', region: 'us-east-1', attrs: { deployment: 'single-az', engine: 'mysql', instanceClass: 'db.t3.large' } },
      'rds.instance mysql db.t3.large multi-az': { service: 'rds.instance', region: 'us-east-1', attrs: { deployment: 'multi-az', engine: 'mysql', instanceClass: 'db.t3.large' } },
      'rds.instance postgres db.t3.large single-az': { service: 'rds.instance', region: 'us-east-1', attrs: { deployment: 'single-az', engine: 'postgres', instanceClass: 'db.t3.large' } },
      'rds.instance mysql db.m5.large single-az': { service: 'rds.instance', region: 'us-east-1', attrs: { deployment: 'single-az', engine: 'mysql', instanceClass: 'db.m5.large' } },
      'rds.storage mysql gp2 single-az': null, // gp2: dr-advisor prices gp3 storage
      'rds.storage gp3 multi-az': null, // a Multi-AZ storage price; dr-advisor's key is Single-AZ gp3
      'rds.backup mysql/postgres (additional backup storage)': ['mysql', 'postgres'].map((engine) => ({ service: 'rds.backup', region: 'us-east-1', attrs: { engine } }) as PriceKey),
      'dynamodb.write (on-demand WRU)': { service: 'dynamodb.write', region: 'us-east-2' },
      'dynamodb.read (on-demand RRU)': { service: 'dynamodb.read', region: 'us-east-2' },
      'dynamodb.replicatedWrite (rWRU)': { service: 'dynamodb.replicatedWrite', region: 'us-east-2' },
      'dynamodb.storage': { service: 'dynamodb.storage', region: 'us-east-2' },
      'dynamodb.pitr': { service: 'dynamodb.pitr', region: 'us-east-2' },
      'dynamodb.backup (on-demand)': { service: 'dynamodb.backup', region: 'us-east-2' },
      'ga.premium EU endpoint group, inbound from NA/EU': { service: 'ga.premium', region: 'eu-west-1', attrs: { to: 'eu-west-1' } },
    };
    const bad: string[] = [];
    for (const g of goldens) {
      expect(Object.hasOwn(keyOf, g.service), `golden entry "${g.service}" is mapped`).toBe(true);
      const mapped = keyOf[g.service];
      if (mapped === null) continue;
      for (const k of Array.isArray(mapped) ? mapped : [mapped]) {
        const key = { ...k, region: k.region || g.region } as PriceKey;
        const e = entry(key);
        if (!e || e.unitPrice !== Number(g.unitPrice) || e.estimated || e.asOf !== g.golden_last_changed.slice(0, 10)) bad.push(`${priceKeyId(key)}: ${JSON.stringify(e)} vs ${g.unitPrice}`);
      }
    }
    expect(bad).toEqual([]);
  });

  it('inter-region transfer pairs (2024-09-25): every pair exact and verified', () => {
    const pairs = read('infracost_data-transfer-inter-region_2024-09-25.json').pairs as { from: string; to: string; usdPerGB: string }[];
    const bad = pairs.filter((p) => {
      const e = entry({ service: 'transfer.interRegion', region: p.from, attrs: { to: p.to } });
      return !e || e.unitPrice !== Number(p.usdPerGB) || e.estimated;
    });
    expect(bad).toEqual([]);
    expect(pairs).toHaveLength(11);
  });

  it('Global Accelerator page (2026-09-20): the fixed fee and every row a same-group key uses; Asia Pacific 0.010, not 0.035', () => {
    const ga = read('global-accelerator_aws-page-transcription_2026-09-20.json');
    expect(entry({ service: 'ga.fixed', region: 'global' })).toMatchObject({ unitPrice: Number(ga.fixedFeeUsdPerHour), estimated: false, asOf: '2026-09-20' });
    // Row → the same-region keys it prices; rows between two different groups have no key (the models price an
    // endpoint serving its own region's users).
    const rows: Record<string, string[] | null> = {
      'United States & Canada|United States, Mexico, Canada': ['us-east-1', 'us-east-2', 'us-west-1', 'us-west-2', 'ca-central-1', 'ca-west-1'],
      'United States & Canada|Asia Pacific': null,
      'United States & Canada|Australia & New Zealand': null,
      'Asia Pacific|Asia Pacific': ['ap-east-1', 'ap-east-2', 'ap-northeast-1', 'ap-northeast-3', 'ap-southeast-1', 'ap-southeast-3', 'ap-southeast-5', 'ap-southeast-7'],
      'India|United States': null,
      'South Africa|South Africa, Kenya & Nigeria': ['af-south-1'],
    };
    for (const row of ga.dtPremiumUsdPerGB as { sourceGroup: string; destinationEdge: string; price: string }[]) {
      const id = `${row.sourceGroup}|${row.destinationEdge}`;
      expect(Object.hasOwn(rows, id), id).toBe(true);
      for (const r of rows[id] ?? []) expect(entry({ service: 'ga.premium', region: r, attrs: { to: r } }), `${id} ${r}`).toMatchObject({ unitPrice: Number(row.price), estimated: false });
    }
  });

  it('the DRS price list row (ap-south-2, 2024-10-01): exact and verified', () => {
    const row = read('drs_aws-price-list-csv-mirror_rows.json').rows.find((r: Record<string, string>) => r['Region Code'] === 'ap-south-2');
    expect(entry({ service: 'drs.server', region: 'ap-south-2' })).toMatchObject({ unitPrice: Number(row.PricePerUnit), estimated: false, asOf: '2024-10-01' });
  });

  it('no entry is verified without a figure from a source file: every non-estimated entry names a [V] source with a file', () => {
    const bad = Object.entries(snapshot.entries).filter(([, e]) => !e.estimated && !snapshot.sources[e.source]?.file);
    expect(bad.map(([id]) => id)).toEqual([]);
  });
});

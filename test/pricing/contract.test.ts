/**
 * The PriceBook contract, one suite run against every book (dinero.js's habit: one set of cases, every
 * implementation): the bundled snapshot, the cache (a temp dir, filled by a live run) and live (the loopback replay
 * server). Each key asked for is priced or named missing, never both and never dropped; no price is zero, NaN or
 * infinite; every price is in its service's unit; estimated prices are flagged and named in an `estimated`
 * diagnostic; every price carries its source and data date.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CacheBook, PriceCache } from '../../src/pricing/cache-book';
import { createLiveBook, type LiveBook } from '../../src/pricing/live-book';
import { describePriceKey, priceKeyId, type PriceKey } from '../../src/pricing/keys';
import { SERVICES } from '../../src/pricing/services';
import { createSnapshotPriceBook } from '../../src/pricing/snapshot/book';
import type { PriceBook, PriceResolution, PriceSource } from '../../src/pricing/types';
import { startReplayServer, type ReplayServer } from '../helpers/replay-server';
import { NOW, WEB_APP_KEYS, tempCacheDir, useReplayEnv } from './live-helpers';

const M5_LARGE: PriceKey = { service: 'ec2.instance', region: 'us-east-1', attrs: { instanceType: 'm5.large' } };
/** Priced nowhere: not in the snapshot, no product in the (replayed) Price List, so never cached. */
const NOWHERE: PriceKey = { service: 'ec2.instance', region: 'us-east-1', attrs: { instanceType: 'x9.huge' } };
/** In the snapshot only as an estimate [M]; live has a fixture for it. */
const EBS_SNAPSHOT: PriceKey = { service: 'ebs.snapshot', region: 'us-west-2' };
/** Derived by the snapshot (regional factor); the replay server has no product for it. */
// i4i.large has a figure in us-east-1 (Karpenter) only: the snapshot derives ap-northeast-2 by the regional factor.
const DERIVED: PriceKey = { service: 'ec2.instance', region: 'ap-northeast-2', attrs: { instanceType: 'i4i.large' } };

const CASES: { name: string; keys: PriceKey[] }[] = [
  { name: 'the web-app keys', keys: WEB_APP_KEYS },
  { name: 'keys that some books cannot price, and a duplicate', keys: [M5_LARGE, NOWHERE, EBS_SNAPSHOT, DERIVED, M5_LARGE] },
  { name: 'no keys', keys: [] },
];

interface Subject {
  name: string;
  source: PriceSource;
  book: () => PriceBook;
}

let server: ReplayServer;
let restoreEnv: () => void;
let live: LiveBook;
let cacheBook: CacheBook;

beforeAll(async () => {
  server = await startReplayServer();
  restoreEnv = useReplayEnv(server.url);
  live = await createLiveBook({ now: () => NOW, maxAttempts: 1 });
  // The cache book reads what a live run wrote (prices and "no product" answers), with the snapshot as reference.
  const store = new PriceCache(tempCacheDir(), undefined, { now: () => NOW });
  const filled = await live.resolve([...WEB_APP_KEYS, M5_LARGE, NOWHERE, EBS_SNAPSHOT, DERIVED]);
  expect(await store.putMany(filled.prices, filled.missing.filter((m) => m.kind === 'no-product'))).toEqual([]);
  cacheBook = new CacheBook(store, { now: NOW, reference: createSnapshotPriceBook(undefined, { now: () => NOW }) });
});
afterAll(async () => {
  live?.destroy();
  restoreEnv();
  await server.close();
});

const SUBJECTS: Subject[] = [
  { name: 'snapshot', source: 'snapshot', book: () => createSnapshotPriceBook(undefined, { now: () => NOW }) },
  { name: 'cache', source: 'cache', book: () => cacheBook },
  { name: 'live (replay server)', source: 'live', book: () => live },
];

function checkContract(keys: readonly PriceKey[], r: PriceResolution, source: PriceSource): void {
  const asked = new Set(keys.map(priceKeyId));
  const missing = r.missing.map((m) => m.id);
  // Priced or named missing: every distinct key exactly once.
  expect(new Set(missing).size).toBe(missing.length);
  for (const id of missing) expect(r.prices.has(id), id).toBe(false);
  expect(new Set([...r.prices.keys(), ...missing])).toEqual(asked);
  for (const m of r.missing) {
    expect(['not-held', 'no-product', 'failed']).toContain(m.kind);
    expect(priceKeyId(m.key)).toBe(m.id);
    expect(m.reason.length).toBeGreaterThan(10);
  }
  const estimatedIds = new Set(r.diagnostics.filter((d) => d.kind === 'estimated').flatMap((d) => d.keys));
  for (const [id, p] of r.prices) {
    const key = keys.find((k) => priceKeyId(k) === id)!;
    // Never zero, NaN or infinite; tiers too; in the service's unit.
    expect(Number.isFinite(p.unitPrice) && p.unitPrice > 0, `${id} ${p.unitPrice}`).toBe(true);
    for (const t of p.tiers ?? []) expect(Number.isFinite(t.unitPrice) && t.unitPrice > 0, `${id} tier ${t.unitPrice}`).toBe(true);
    expect(p.unit).toBe(SERVICES[key.service].unit);
    // Provenance: the book's source, a real data date; cache and live say when they fetched.
    expect(p.source).toBe(source);
    expect(p.asOf).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(Number.isNaN(Date.parse(p.asOf))).toBe(false);
    if (source !== 'snapshot') expect(Number.isNaN(Date.parse(p.fetchedAt ?? ''))).toBe(false);
    // Estimates are flagged, and the flag and the estimated diagnostics agree.
    expect(Boolean(p.estimated), `${describePriceKey(key)} estimated`).toBe(estimatedIds.has(id));
  }
  for (const d of r.diagnostics) {
    expect(d.text.length).toBeGreaterThan(0);
    expect(d.count).toBeGreaterThan(0);
    for (const id of d.keys) expect(asked.has(id), `${d.kind} names ${id}`).toBe(true);
  }
}

describe.each(SUBJECTS)('PriceBook contract: $name', (subject) => {
  it.each(CASES)('$name: each key priced or named missing, no zero, in its unit, estimates flagged, provenance set', async ({ keys }) => {
    const r = await subject.book().resolve(keys);
    checkContract(keys, r, subject.source);
  });

  it('m5.large in us-east-1 is $0.096/hour (hand-checked: Karpenter 2026-07-20, and the recorded GetProducts answer)', async () => {
    const r = await subject.book().resolve([M5_LARGE]);
    expect(r.prices.get(priceKeyId(M5_LARGE))).toMatchObject({ unitPrice: 0.096, unit: 'Hrs', source: subject.source });
  });

  it('a key nobody prices is named missing with a reason, not thrown and not zero', async () => {
    const r = await subject.book().resolve([NOWHERE]);
    expect(r.prices.size).toBe(0);
    expect(r.missing).toHaveLength(1);
    expect(r.missing[0].reason).toMatch(/x9\.huge/);
  });
});

describe('what each book says about the same keys', () => {
  it('the snapshot derives the regional price and flags it; live and the cache know the Price List has no product', async () => {
    const snap = await SUBJECTS[0].book().resolve([DERIVED]);
    expect(snap.prices.get(priceKeyId(DERIVED))).toMatchObject({ estimated: true });
    expect(snap.diagnostics.find((d) => d.kind === 'estimated')).toMatchObject({ rule: 'ec2-regional-factor', count: 1, keys: [priceKeyId(DERIVED)] });
    for (const book of [live, cacheBook]) {
      const r = await book.resolve([DERIVED]);
      expect(r.missing).toMatchObject([{ id: priceKeyId(DERIVED), kind: 'no-product' }]);
    }
  });

  it('the snapshot names a key it lacks as not-held, with the nearest known types', async () => {
    const r = await SUBJECTS[0].book().resolve([NOWHERE]);
    expect(r.missing).toMatchObject([{ kind: 'not-held', reason: expect.stringMatching(/^no price for EC2 instance x9\.huge in us-east-1 in the bundled snapshot; unknown instance type/) }]);
  });
});

/**
 * The compact snapshot file (schemaVersion 2) must read back exactly as the expanded book: every entry with its
 * source, date and `estimated` flag, the derived Multi-AZ entries included, and a catalog equal to a scan.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { priceKeyId, parsePriceKeyId } from '../../src/pricing/keys';
import { createSnapshotPriceBook as createBook } from '../../src/pricing/snapshot/book';
import { knownDbInstanceClasses, knownInstanceTypes, loadSnapshot } from '../../src/pricing/snapshot/catalog';
import { decodeSnapshot, encodeSnapshot, type Snapshot } from '../../src/pricing/snapshot/format';
import { withWarnings } from '../helpers/texts-book';

const createSnapshotPriceBook = (snap: Snapshot | undefined, opts: { now: () => Date }) => withWarnings(createBook(snap, opts));

const file = fileURLToPath(new URL('../../data/price-snapshot.json', import.meta.url));
const raw = JSON.parse(readFileSync(file, 'utf8'));
const snapshot = loadSnapshot();
const now = () => new Date('2026-11-25T00:00:00Z');

describe('compact snapshot file', () => {
  // 34 regions and the real per-region data of issue 13: about 835 kB (13,211 entries).
  it('is schemaVersion 2, under 1 MB, and stores no derived Multi-AZ MySQL/PostgreSQL entry', () => {
    expect(raw.schemaVersion).toBe(2);
    expect(readFileSync(file).length).toBeLessThan(1_000_000);
    const stored = Object.entries(raw.groups as Record<string, { prices: Record<string, unknown> }>).flatMap(([g, v]) => Object.keys(v.prices).map((a) => `${g}|${a}`));
    // Only a Multi-AZ price read from a source (the infracost golden for MySQL db.t3.large in us-east-1) is stored.
    expect(stored.filter((id) => /deployment=multi-az;engine=(mysql|postgres);/.test(id))).toEqual(['rds.instance|us-east-1|deployment=multi-az;engine=mysql;instanceClass=db.t3.large']);
    expect(Object.keys(snapshot.entries).length).toBe(raw.entryCount);
    expect(raw.entryCount - stored.length).toBe(Object.keys(snapshot.entries).filter((id) => /multi-az/.test(id)).length - 1);
  });

  it('expands every entry with unit, date, source and estimated flag; derived Multi-AZ = round4(2 × Single-AZ)', () => {
    for (const [id, e] of Object.entries(snapshot.entries)) {
      expect(typeof e.unitPrice).toBe('number');
      expect(e.asOf).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(typeof e.estimated).toBe('boolean');
      expect(snapshot.sources[e.source]).toBeDefined();
      if (/deployment=multi-az;engine=(mysql|postgres);/.test(id) && !e.source.startsWith('infracost')) {
        const single = snapshot.entries[id.replace('multi-az', 'single-az')];
        expect(e).toEqual({
          asOf: single.asOf,
          estimated: true,
          note: `Multi-AZ = 2 × Single-AZ ${single.unitPrice}`,
          rule: 'rds-multi-az',
          source: single.source,
          unit: single.unit,
          unitPrice: Number((2 * single.unitPrice).toPrecision(4)),
        });
      }
    }
    // Hand-checked: MySQL db.m5.large us-east-1 Single-AZ 0.171 → Multi-AZ 0.342; db.r5b.24xlarge 14.208 → 28.42.
    expect(snapshot.entries['rds.instance|us-east-1|deployment=multi-az;engine=mysql;instanceClass=db.m5.large'].unitPrice).toBe(0.342);
    expect(snapshot.entries['rds.instance|us-east-1|deployment=multi-az;engine=mysql;instanceClass=db.r5b.24xlarge'].unitPrice).toBe(28.42);
  });

  it('the price book (compact lookups) and an expanded copy of the snapshot price every key the same', async () => {
    // The expanded entries, written again by the codec and read back: the same book.
    const expanded: Snapshot = decodeSnapshot(JSON.parse(encodeSnapshot({ ...snapshot, entries: { ...snapshot.entries } })), 'the re-encoded snapshot');
    const keys = Object.keys(snapshot.entries).map(parsePriceKeyId);
    const a = await createSnapshotPriceBook(undefined, { now }).resolve(keys);
    const b = await createSnapshotPriceBook(expanded, { now }).resolve(keys);
    expect(a.prices.size).toBe(keys.length);
    expect([...a.prices]).toEqual([...b.prices]);
    expect(a.warnings).toEqual(b.warnings);
    // Derived regional prices (no entry in the region) read their us-east-1 base from the compact form too.
    const k = { service: 'ec2.instance' as const, region: 'ap-northeast-2', attrs: { instanceType: 'c7g.large' } };
    const c = await createSnapshotPriceBook(undefined, { now }).resolve([k]);
    const d = await createSnapshotPriceBook(expanded, { now }).resolve([k]);
    expect(c.prices.get(priceKeyId(k))).toEqual(d.prices.get(priceKeyId(k)));
  });

  it('the stored catalog equals a scan of the entries', () => {
    const ids = Object.keys(snapshot.entries);
    const types = [...new Set(ids.filter((id) => id.startsWith('ec2.instance|')).map((id) => parsePriceKeyId(id).attrs!.instanceType))].sort();
    expect(knownInstanceTypes()).toEqual(types);
    for (const engine of ['aurora-mysql', 'aurora-postgresql', 'mysql', 'postgres']) {
      const classes = [
        ...new Set(
          ids
            .filter((id) => id.startsWith('rds.instance|'))
            .map((id) => parsePriceKeyId(id).attrs!)
            .filter((a) => a.engine === engine)
            .map((a) => a.instanceClass),
        ),
      ].sort();
      expect(knownDbInstanceClasses(engine)).toEqual(classes);
    }
  });
});

/**
 * One snapshot codec (src/pricing/snapshot/format.ts) for the build script and the reader: encoding the decoded data
 * gives the committed file byte for byte; lookups agree with the expansion; the old expanded format is refused.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { PricingError } from '../../src/errors';
import { parsePriceKeyId } from '../../src/pricing/keys';
import { loadSnapshot } from '../../src/pricing/snapshot/catalog';
import { decodeSnapshot, encodeSnapshot, snapshotEntry, type SnapshotData } from '../../src/pricing/snapshot/format';

const file = fileURLToPath(new URL('../../data/price-snapshot.json', import.meta.url));
const text = readFileSync(file, 'utf8');
const snapshot = loadSnapshot();
const entryCount = (JSON.parse(text) as { entryCount: number }).entryCount;
const data = (): SnapshotData => ({ asOf: snapshot.asOf, builtOn: snapshot.builtOn, currency: 'USD', sources: snapshot.sources, rules: snapshot.rules, entries: { ...snapshot.entries } });

describe('snapshot codec', () => {
  it('encode(decode(file)) is the committed file, byte for byte', () => {
    expect(encodeSnapshot(data())).toBe(text);
  });

  it('a lookup by key (compact form, derived Multi-AZ included) equals the expanded entry, for every entry', () => {
    const ids = Object.keys(snapshot.entries);
    expect(ids).toHaveLength(entryCount);
    for (const id of ids) expect(snapshotEntry(snapshot, parsePriceKeyId(id)), id).toEqual(snapshot.entries[id]);
  });

  it('refuses the old expanded format (schemaVersion 1) and anything else with a PricingError', () => {
    expect(() => decodeSnapshot({ schemaVersion: 1, asOf: '2026-07-20', sources: {}, entries: {} }, 'the bundled price snapshot x.json')).toThrow(PricingError);
    expect(() => decodeSnapshot({ schemaVersion: 1, entries: {} }, 'the bundled price snapshot x.json')).toThrow(
      'the bundled price snapshot x.json has an unknown format (schemaVersion 1; this dr-advisor reads schemaVersion 2)',
    );
    expect(() => decodeSnapshot([], 'f')).toThrow('f has an unknown format (schemaVersion none; this dr-advisor reads schemaVersion 2)');
    expect(() => decodeSnapshot({ schemaVersion: 2, groups: {} }, 'f')).toThrow(/unknown format \(schemaVersion 2;/);
  });

  it('a Multi-AZ price that is not 2 × Single-AZ (a live price) is stored and wins over the derived one', () => {
    const d = data();
    const id = 'rds.instance|us-east-1|deployment=multi-az;engine=mysql;instanceClass=db.m5.large';
    const entries = { ...d.entries, [id]: { ...d.entries[id], unitPrice: 0.35, estimated: false, rule: undefined, note: undefined } };
    delete entries[id].rule;
    delete entries[id].note;
    const encoded = encodeSnapshot({ ...d, entries });
    expect(encoded.length).toBeGreaterThan(text.length);
    const back = decodeSnapshot(JSON.parse(encoded), 're-encoded');
    expect(snapshotEntry(back, parsePriceKeyId(id))).toMatchObject({ unitPrice: 0.35, estimated: false });
    expect(back.entries[id]).toMatchObject({ unitPrice: 0.35, estimated: false });
    expect(Object.keys(back.entries)).toHaveLength(entryCount);
  });

  it('refuses to encode a Single-AZ MySQL price without its Multi-AZ entry (the reader would invent one)', () => {
    const d = data();
    const entries = { ...d.entries };
    delete entries['rds.instance|us-east-1|deployment=multi-az;engine=mysql;instanceClass=db.m5.large'];
    expect(() => encodeSnapshot({ ...d, entries })).toThrow(/no Multi-AZ entry for rds\.instance\|us-east-1\|deployment=single-az;engine=mysql;instanceClass=db\.m5\.large/);
  });
});

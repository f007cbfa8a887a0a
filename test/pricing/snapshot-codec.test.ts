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
import { decodeSnapshot, decodeSnapshotText, encodeSnapshot, snapshotEntry, snapshotRegions, type SnapshotData } from '../../src/pricing/snapshot/format';

const file = fileURLToPath(new URL('../../data/price-snapshot.json', import.meta.url));
const text = readFileSync(file, 'utf8');
const snapshot = loadSnapshot();
const entryCount = (JSON.parse(text) as { entryCount: number }).entryCount;
const data = (): SnapshotData => ({ asOf: snapshot.asOf, builtOn: snapshot.builtOn, currency: 'USD', sources: snapshot.sources, rules: snapshot.rules, entries: { ...snapshot.entries } });

describe('snapshot codec', () => {
  it('encode(decode(file)) is the committed file, byte for byte; ASCII only, other characters escaped', () => {
    expect(encodeSnapshot(data())).toBe(text);
    expect(text).not.toMatch(/[^\x00-\x7f]/);
    expect(text).toContain('\\u00d7');
    expect(snapshot.rules.descriptions['rds-multi-az']).toMatch(/^RDS Multi-AZ instance = 2 × Single-AZ/);
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

  describe('read from the text (the groups indexed, each parsed on its first lookup)', () => {
    const whole = decodeSnapshot(JSON.parse(text), 'parsed whole');
    const lazy = decodeSnapshotText(text, 'indexed');

    it('gives what a whole parse gives: every entry, every lookup, the header and the regions', () => {
      // Lookups first, on groups not parsed yet; then the expansion.
      for (const id of Object.keys(whole.entries)) expect(snapshotEntry(lazy, parsePriceKeyId(id)), id).toEqual(whole.entries[id]);
      expect(lazy.entries).toEqual(whole.entries);
      expect(Object.keys(lazy.entries)).toHaveLength(entryCount);
      expect([lazy.asOf, lazy.builtOn, lazy.currency, lazy.sources, lazy.rules]).toEqual([whole.asOf, whole.builtOn, whole.currency, whole.sources, whole.rules]);
      expect(snapshotRegions(lazy)).toEqual(snapshotRegions(whole));
      expect(snapshotRegions(lazy)).toHaveLength(35);
    });

    it('another layout of the same JSON (one line, or re-indented) is parsed whole, with the same result', () => {
      const doc = JSON.parse(text);
      for (const other of [JSON.stringify(doc), JSON.stringify(doc, null, 2), `${text}  \n`.replace('\n  "groups": {\n', '\n  "groups": {\n\n')]) {
        expect(decodeSnapshotText(other, 'other').entries).toEqual(whole.entries);
      }
    });

    it('a damaged group fails its own lookups with a PricingError; the others still read; a text that is not JSON fails at once', () => {
      const id = 'ec2.instance|us-west-2';
      const start = text.indexOf(`\n    "${id}": {`);
      const at = text.indexOf('"prices": {', start) + '"prices": {'.length;
      const damaged = `${text.slice(0, at)}\n        "instanceType=zz": 0.0.1,${text.slice(at)}`;
      const snap = decodeSnapshotText(damaged, 'the bundled price snapshot d.json');
      const key = parsePriceKeyId('ec2.instance|us-west-2|instanceType=m5.large');
      expect(() => snapshotEntry(snap, key)).toThrow(PricingError);
      expect(() => snapshotEntry(snap, key)).toThrow(/^the bundled price snapshot d\.json cannot be read: group ec2\.instance\|us-west-2: /);
      expect(snapshotEntry(snap, parsePriceKeyId('ec2.instance|us-east-1|instanceType=m5.large'))).toEqual(whole.entries['ec2.instance|us-east-1|instanceType=m5.large']);
      expect(() => decodeSnapshotText(text.slice(0, 5000), 'the bundled price snapshot t.json')).toThrow(/^the bundled price snapshot t\.json cannot be read: /);
      expect(() => decodeSnapshotText(text.replace('"schemaVersion": 2', '"schemaVersion": 1'), 'f')).toThrow('f has an unknown format (schemaVersion 1; this dr-advisor reads schemaVersion 2)');
    });
  });
});

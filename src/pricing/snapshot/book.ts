/**
 * The bundled offline price book. Every entry keeps its source and date; entries derived by a rule are `estimated`.
 * For EC2 types and RDS classes priced in us-east-1 but not in the asked region, the book derives an estimated price
 * with the regional factor stored in the snapshot, and says so in its diagnostics (one per rule). A key it cannot
 * price is named in `missing` with a reason in plain words (nearest known types and classes included).
 */
import { isAurora, priceListEngineName } from '../../model/engines';
import { nearestKnown } from '../../text/suggest';
import { describePriceKey, priceKeyId, type PriceKey } from '../keys';
import type { Diagnostic, MissingPrice, Price, PriceBook, PriceResolution } from '../types';
import { loadSnapshot, knownDbInstanceClasses, knownInstanceTypes } from './catalog';
import { snapshotEntry, snapshotRegions, type RegionalFactor, type Snapshot, type SnapshotEntry } from './format';

export interface SnapshotBookOptions {
  now?: () => Date;
  /** How the user sees every price's date, named in the source line ("see --explain"). Default `--explain`. */
  seeDetails?: string;
}

function shortCommit(c: string | null | undefined): string {
  return c ? `@${c.slice(0, 7)}` : '';
}

function originOf(snapshot: Snapshot, entry: SnapshotEntry): string {
  const src = snapshot.sources[entry.source];
  const base = src ? `${src.title}${src.repo ? ` (${src.repo}${shortCommit(src.commit)})` : ''} ${entry.asOf}` : `${entry.source} ${entry.asOf}`;
  return entry.estimated && entry.note ? `${base}; estimated: ${entry.note}` : base;
}

function round(x: number): number {
  return Number(x.toPrecision(4));
}

/** EC2 types / RDS classes priced in us-east-1 but not in `key.region`: us-east-1 price × regional factor. */
function derive(snapshot: Snapshot, key: PriceKey): SnapshotEntry | undefined {
  if (key.region === 'us-east-1' || key.region === 'global') return undefined;
  let factor: RegionalFactor | undefined;
  let rule: string;
  let basisText: string;
  if (key.service === 'ec2.instance') {
    factor = snapshot.rules.ec2RegionalFactor?.[key.region];
    rule = 'ec2-regional-factor';
    basisText = typeof factor?.basis === 'number' ? `median over ${factor.basis} instance types priced in both regions` : `${factor?.basis}`;
  } else if (key.service === 'rds.instance') {
    const engine = key.attrs.engine;
    factor = snapshot.rules.rdsRegionalFactor?.[engine]?.[key.region];
    rule = 'rds-regional-factor';
    basisText =
      typeof factor?.basis === 'number' ? `median over ${factor.basis} ${priceListEngineName(engine) ?? engine} classes priced in both regions` : `${factor?.basis}`;
  } else {
    return undefined;
  }
  if (!factor) return undefined;
  const base = snapshotEntry(snapshot, { ...key, region: 'us-east-1' });
  if (!base) return undefined;
  const unitPrice = round(base.unitPrice * factor.factor);
  const note = `us-east-1 price ${base.unitPrice} × ${key.region} regional factor ${factor.factor} (${basisText})`;
  return { unitPrice, unit: base.unit, asOf: base.asOf, source: base.source, estimated: true, rule, note };
}

function unknownKeyMessage(snapshot: Snapshot, key: PriceKey): string {
  const words = `no price for ${describePriceKey(key)} in the bundled snapshot`;
  const regions = snapshotRegions(snapshot);
  if (!regions.includes(key.region)) {
    return `${words} (it covers ${regions.filter((r) => r !== 'global').join(', ')})`;
  }
  if (key.service === 'ec2.instance') {
    const type = key.attrs.instanceType;
    const known = knownInstanceTypes(snapshot);
    if (!known.includes(type)) return `${words}; unknown instance type "${type}"${nearestKnown(type, known)}`;
  }
  if (key.service === 'rds.instance') {
    const { engine, instanceClass, deployment } = key.attrs;
    if (deployment === 'multi-az' && isAurora(engine)) {
      return `${words}: Aurora has no Multi-AZ instance price (a multi-AZ Aurora cluster is priced as more single-az instances)`;
    }
    const known = knownDbInstanceClasses(engine, snapshot);
    if (known.length && !known.includes(instanceClass)) {
      return `${words}; unknown ${priceListEngineName(engine) ?? engine} instance class "${instanceClass}"${nearestKnown(instanceClass, known)}`;
    }
  }
  return words;
}

export function createSnapshotPriceBook(snapshot?: Snapshot, opts: SnapshotBookOptions = {}): PriceBook {
  return {
    name: 'snapshot',
    async resolve(keys: readonly PriceKey[]): Promise<PriceResolution> {
      const snap = snapshot ?? loadSnapshot();
      const prices = new Map<string, Price>();
      const byRule = new Map<string, { ids: string[]; items: string[] }>();
      const missing: MissingPrice[] = [];
      const missed = new Set<string>();
      for (const key of keys) {
        const id = priceKeyId(key);
        if (prices.has(id) || missed.has(id)) continue;
        const entry = snapshotEntry(snap, key) ?? derive(snap, key);
        if (!entry) {
          missed.add(id);
          missing.push({ key, id, kind: 'not-held', reason: unknownKeyMessage(snap, key) });
          continue;
        }
        const price: Price = { unitPrice: entry.unitPrice, unit: entry.unit, source: 'snapshot', asOf: entry.asOf, estimated: entry.estimated, origin: originOf(snap, entry) };
        if (entry.tiers) price.tiers = entry.tiers.map((t) => ({ ...t }));
        prices.set(id, price);
        if (entry.estimated) {
          const rule = entry.rule ?? 'estimated';
          const group = byRule.get(rule) ?? { ids: [], items: [] };
          group.ids.push(id);
          group.items.push(`${describePriceKey(key)}: ${entry.note ?? 'estimated'}`);
          byRule.set(rule, group);
        }
      }

      const diagnostics: Diagnostic[] = [];
      if (prices.size > 0) {
        // One date story: when the snapshot was built, and the data dates of the prices it gave.
        const dates = [...prices.values()].map((p) => p.asOf).sort();
        const [oldest, newest] = [dates[0], dates[dates.length - 1]];
        const data = oldest === newest ? `price data of ${newest}` : `price data from ${oldest} to ${newest}, see ${opts.seeDetails ?? '--explain'}`;
        diagnostics.push({
          kind: 'source',
          count: prices.size,
          keys: [...prices.keys()],
          text: `prices from the bundled snapshot (${snap.builtOn ? `built ${snap.builtOn}; ` : ''}${data})`,
        });
      }
      for (const [rule, { ids, items }] of [...byRule.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
        const what = snap.rules.descriptions?.[rule] ?? rule;
        const shown = items.slice(0, 3).join('; ');
        const more = items.length > 3 ? `; and ${items.length - 3} more` : '';
        diagnostics.push({
          kind: 'estimated',
          count: items.length,
          rule,
          keys: ids,
          text: `${items.length} estimated price${items.length === 1 ? '' : 's'} (${what}): ${shown}${more}`,
        });
      }
      return { prices, missing, diagnostics };
    },
  };
}

/**
 * The parts of a workload: its compute tiers and its data stores, as the core sees them (issue 14). A workload file
 * writes `compute` and `database` either as one object (the version-1 form) or as lists of named parts; after
 * validation both forms are these lists, with every default filled per part. Pure.
 *
 * - The single form's part has an implicit name, `app` for the tier and `database` for the store, which the output
 *   never shows: its line items, phases and RPO sources read exactly as they did before lists existed. A part of the
 *   list form is named in every line item (`App servers (web, m5.large)`), phase and RPO source, and its JSON carries
 *   `part`.
 * - `database: { engine: none }` (the single form's default) is no store at all; a list never holds `none`.
 * - The change rate stays one workload figure (`dataChangeGbPerDay`): each store gets the share of it that its
 *   storage is of all the stores' storage (equal shares when every store is empty), so the per-store quantities that
 *   follow the change rate (replication transfer, Aurora replicated write I/O, incremental backups, log replay) add up
 *   to the workload's figure. A single store gets all of it.
 */
import { ENGINES, type DbEngine } from '../model/engines';
import type { ParsedWorkload } from './schema';

export type StoreEngine = Exclude<DbEngine, 'none'>;

/** The single form's implicit part names (never shown in the output). */
export const IMPLICIT_TIER = 'app';
export const IMPLICIT_STORE = 'database';

interface PartBase {
  /** The part's name: as written in the list form, else the implicit name. */
  name: string;
  /** True for a part of the list form: its name is shown in line items, phases and RPO sources. */
  named: boolean;
  /** Where the part is in the file, for messages: `compute`, `compute[1]`, `database[0]`. */
  field: string;
}

export interface Tier extends PartBase {
  instanceType: string;
  count: number;
  ebsGbPerInstance: number;
  ebsVolumesPerInstance: number;
}

export interface Store extends PartBase {
  engine: StoreEngine;
  /** Relational engines only: as written, else the engine's default class (model/engines.ts). */
  instanceClass?: string;
  storageGb: number;
  multiAz: boolean;
  writesPerSecond: number;
  readsPerSecond: number;
  /** This store's share of the workload's `dataChangeGbPerDay` (all of it for a single store). */
  changeGbPerDay: number;
}

type ParsedTier = Exclude<ParsedWorkload['compute'], unknown[]>;
type ParsedStore = Exclude<ParsedWorkload['database'], unknown[]>;

/** A written store with the engine's default instance class filled in (relational engines only). */
export function withDefaultClass<T extends { engine: DbEngine; instanceClass?: string }>(s: T): T {
  const cls = ENGINES[s.engine].defaultClass;
  if (s.engine === 'dynamodb' || s.engine === 'none' || !cls) return s;
  return { ...s, instanceClass: s.instanceClass ?? cls };
}

export function tiersOf(compute: ParsedWorkload['compute']): Tier[] {
  const tier = (t: ParsedTier, name: string, named: boolean, field: string): Tier => ({
    name, named, field, instanceType: t.instanceType, count: t.count, ebsGbPerInstance: t.ebsGbPerInstance, ebsVolumesPerInstance: t.ebsVolumesPerInstance,
  });
  return Array.isArray(compute) ? compute.map((t, i) => tier(t, t.name, true, `compute[${i}]`)) : [tier(compute, IMPLICIT_TIER, false, 'compute')];
}

export function storesOf(database: ParsedWorkload['database'], dataChangeGbPerDay: number): Store[] {
  const written: { s: ParsedStore; name: string; named: boolean; field: string }[] = Array.isArray(database)
    ? database.map((s, i) => ({ s, name: s.name, named: true, field: `database[${i}]` }))
    : database.engine === 'none'
      ? []
      : [{ s: database, name: IMPLICIT_STORE, named: false, field: 'database' }];
  const total = written.reduce((sum, x) => sum + x.s.storageGb, 0);
  const share = (gb: number) => (written.length === 1 ? dataChangeGbPerDay : total > 0 ? (dataChangeGbPerDay * gb) / total : dataChangeGbPerDay / written.length);
  return written.map(({ s, name, named, field }) => {
    const filled = withDefaultClass(s);
    return {
      name, named, field,
      engine: s.engine as StoreEngine,
      ...(filled.instanceClass ? { instanceClass: filled.instanceClass } : {}),
      storageGb: s.storageGb, multiAz: s.multiAz, writesPerSecond: s.writesPerSecond, readsPerSecond: s.readsPerSecond,
      changeGbPerDay: share(s.storageGb),
    };
  });
}

// ---- how a part is named in the output ----------------------------------------------------------------------------

/** Any part, for naming. */
export type Part = Pick<PartBase, 'name' | 'named'>;

/** Inside a label's brackets: `web, m5.large` for a named part, `m5.large` for an implicit one. */
export function inPart(p: Part, detail: string): string {
  return p.named ? `${p.name}, ${detail}` : detail;
}

/** After a label: ` (web)` for a named part, nothing for an implicit one. */
export function ofPart(p: Part): string {
  return p.named ? ` (${p.name})` : '';
}

/** `{ part: 'web' }` for a named part, `{}` for an implicit one: spread into a cost line, a phase or an RPO source. */
export function partField(p: Part): { part?: string } {
  return p.named ? { part: p.name } : {};
}

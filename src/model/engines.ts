/**
 * The database engines dr-advisor models, in one traits table: every "is this Aurora?", "is this relational?", the
 * default instance class and the Price List `databaseEngine` name is read from here, nowhere else.
 */
export const DB_ENGINES = ['aurora-mysql', 'aurora-postgresql', 'mysql', 'postgres', 'dynamodb', 'none'] as const;
export type DbEngine = (typeof DB_ENGINES)[number];

export type EngineFamily = 'aurora' | 'rds' | 'dynamodb' | 'none';

export interface EngineTraits {
  family: EngineFamily;
  /** The Price List `databaseEngine` attribute (relational engines only). */
  priceListName?: string;
  /** Default DB instance class when the workload names none (relational engines only). */
  defaultClass?: string;
}

export const ENGINES: Readonly<Record<DbEngine, EngineTraits>> = {
  'aurora-mysql': { family: 'aurora', priceListName: 'Aurora MySQL', defaultClass: 'db.r6g.large' },
  'aurora-postgresql': { family: 'aurora', priceListName: 'Aurora PostgreSQL', defaultClass: 'db.r6g.large' },
  mysql: { family: 'rds', priceListName: 'MySQL', defaultClass: 'db.m5.large' },
  postgres: { family: 'rds', priceListName: 'PostgreSQL', defaultClass: 'db.m5.large' },
  dynamodb: { family: 'dynamodb' },
  none: { family: 'none' },
};

/** Traits of an engine id; undefined for an id that is not one of DB_ENGINES (e.g. from a price key). */
export function engineTraits(engine: string): EngineTraits | undefined {
  return Object.hasOwn(ENGINES, engine) ? ENGINES[engine as DbEngine] : undefined;
}

export function isAurora(engine: string): boolean {
  return engineTraits(engine)?.family === 'aurora';
}

/** Aurora or RDS: a relational engine with instances, storage and snapshots. */
export function isRelational(engine: string): boolean {
  const f = engineTraits(engine)?.family;
  return f === 'aurora' || f === 'rds';
}

/** The Price List name of a relational engine ("Aurora MySQL", "PostgreSQL"), or undefined. */
export function priceListEngineName(engine: string): string | undefined {
  return engineTraits(engine)?.priceListName;
}

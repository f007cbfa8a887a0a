/**
 * The strategy registry: one model per base strategy id of the seed table (model/strategies.ts), in its cost order.
 * Adding a fifth base strategy: its id in model/strategies.ts, its module here, one entry in BY_ID (the compiler
 * refuses a registry that misses an id). A variant is one more module in variants/.
 */
import { STRATEGY_IDS, type StrategyId } from '../model/strategies';
import { activeActive } from './active-active';
import { backupRestore } from './backup-restore';
import { pilotLight } from './pilot-light';
import type { StrategyModel } from './types';
import { VARIANTS } from './variants';
import { warmStandby } from './warm-standby';

const BY_ID: Readonly<Record<StrategyId, StrategyModel>> = {
  'backup-restore': backupRestore,
  'pilot-light': pilotLight,
  'warm-standby': warmStandby,
  'active-active': activeActive,
};

export const BASE_STRATEGIES: readonly StrategyModel[] = STRATEGY_IDS.map((id) => BY_ID[id]);

/** The model of a base strategy or a variant, by id. */
export function modelOf(id: string): StrategyModel | undefined {
  return BASE_STRATEGIES.find((m) => m.id === id) ?? VARIANTS.find((m) => m.id === id);
}

export type { CostLine, StrategyModel, StrategyPlan } from './types';

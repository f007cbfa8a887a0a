/** The strategy registry: the four base strategies of the seed table, in cost order. A variant is one more module. */
import { activeActive } from './active-active';
import { backupRestore } from './backup-restore';
import { pilotLight } from './pilot-light';
import type { StrategyModel } from './types';
import { warmStandby } from './warm-standby';

export const BASE_STRATEGIES: readonly StrategyModel[] = [backupRestore, pilotLight, warmStandby, activeActive];

export type { CostLine, StrategyModel, StrategyPlan } from './types';

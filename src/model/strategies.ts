/**
 * The ids of the four base strategies of the seed table, in its order (cost order: lowest first). The one list: the
 * workload schema's `strategy` enum, the strategy registry (strategies/index.ts, which must hold one model per id),
 * `check --strategy`, the wizard and the output schema all read it from here.
 */
export const STRATEGY_IDS = ['backup-restore', 'pilot-light', 'warm-standby', 'active-active'] as const;
export type StrategyId = (typeof STRATEGY_IDS)[number];

export function isStrategyId(id: string): id is StrategyId {
  return (STRATEGY_IDS as readonly string[]).includes(id);
}

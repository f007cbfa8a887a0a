/** Plan, then price: what every strategy needs priced, before any price is asked for. Pure. */
import { distinctKeys } from '../pricing/keys';
import type { PriceKey } from '../pricing/types';
import { resolveAssumptions, type Assumptions } from '../recovery/assumptions';
import { BASE_STRATEGIES } from '../strategies';
import { primaryLines } from '../strategies/primary';
import type { CostLine, StrategyModel, StrategyPlan } from '../strategies/types';
import type { Workload } from '../workload/validate';

export interface PlannedStrategy {
  model: StrategyModel;
  plan: StrategyPlan;
}

export interface EstimatePlan {
  workload: Workload;
  assumptions: Assumptions;
  primary: CostLine[];
  strategies: PlannedStrategy[];
  /** Every distinct price key the estimate needs. */
  keys: PriceKey[];
}

export function planEstimate(workload: Workload, models: readonly StrategyModel[] = BASE_STRATEGIES): EstimatePlan {
  const assumptions = resolveAssumptions(workload.assumptions);
  const primary = primaryLines(workload, assumptions);
  const strategies = models.map((model) => ({ model, plan: model.build(workload, assumptions) }));
  const keys = distinctKeys([...primary, ...strategies.flatMap((s) => s.plan.lines)].map((l) => l.key));
  return { workload, assumptions, primary, strategies, keys };
}

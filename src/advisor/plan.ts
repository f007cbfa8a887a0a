/** Plan, then price: what every strategy needs priced, before any price is asked for. Pure. */
import { distinctKeysById } from '../pricing/keys';
import type { PriceKey } from '../pricing/types';
import { resolveAssumptions, type Assumptions } from '../model/assumptions';
import { BASE_STRATEGIES } from '../strategies';
import { primaryLines } from '../strategies/primary';
import { VARIANTS } from '../strategies/variants';
import type { CostLine, StrategyModel, StrategyPlan } from '../strategies/types';
import { targetsOf, type Targets, type Workload } from '../workload/validate';

export interface PlannedStrategy {
  model: StrategyModel;
  plan: StrategyPlan;
}

export interface EstimatePlan {
  workload: Workload;
  /** The workload's targets in seconds (normalised once, here). */
  targets: Targets;
  assumptions: Assumptions;
  primary: CostLine[];
  strategies: PlannedStrategy[];
  /** Variants (DRS pilot light, warm standby sizes, active-active designs) for the frontier; empty unless asked. */
  variants: PlannedStrategy[];
  /** Every distinct price key the estimate needs. */
  keys: PriceKey[];
  /** Their ids (`priceKeyId`), in the same order: made once here, for `check`'s key collection and `pricingOf`. */
  keyIds: string[];
}

export interface PlanOptions {
  /** Also plan the variants (for the frontier in `estimate`); `check` leaves them out. */
  variants?: boolean;
  models?: readonly StrategyModel[];
}

export function planEstimate(workload: Workload, opts: PlanOptions = {}): EstimatePlan {
  const assumptions = resolveAssumptions(workload.assumptions);
  const primary = primaryLines(workload, assumptions);
  const build = (model: StrategyModel) => ({ model, plan: model.build(workload, assumptions) });
  const strategies = (opts.models ?? BASE_STRATEGIES).map(build);
  const variants = opts.variants ? VARIANTS.map(build) : [];
  const linesOf = (s: PlannedStrategy) => [...s.plan.lines, ...(s.plan.failover ? [...s.plan.failover.runLines, s.plan.failover.reseedLine] : [])];
  const seen = distinctKeysById([...primary, ...strategies.flatMap(linesOf), ...variants.flatMap(linesOf)].map((l) => l.key));
  return { workload, targets: targetsOf(workload), assumptions, primary, strategies, variants, keys: [...seen.values()], keyIds: [...seen.keys()] };
}

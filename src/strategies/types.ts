import type { PriceKey } from '../pricing/types';
import type { AssumptionName, Assumptions } from '../model/assumptions';
import type { Phase, RpoSource } from '../recovery/phases';
import type { StrategyId } from '../model/strategies';
import type { Workload } from '../workload/validate';

/**
 * One cost line as a model emits it: what to price (a key) and how much, never the price. Exactly one of
 * `hourlyQuantity` (converted to a month of 730 h in one place, `pricing/apply.ts`) or `monthlyQuantity`.
 */
export interface CostLine {
  component: string;
  region: string;
  /** The AWS service shown on the line item. Default: the display name of the key's price service
   * (`pricing/services.ts`); set it only for a line shown under another service than the one that prices it. */
  service?: string;
  usage: string;
  key: PriceKey;
  hourlyQuantity?: number;
  monthlyQuantity?: number;
  /** Named usage assumptions behind the quantity (listed by --explain). */
  assumptions?: AssumptionName[];
  /** The tier or data store this line belongs to, when the workload names its parts (list form); shared lines
   * (load balancer, routing, S3, DRS replication servers) have none. */
  part?: string;
}

/**
 * What a failover costs beyond the monthly DR cost (issue 12 §5): the DR side run at full size while failed over (and
 * during each drill), and the failback that re-seeds the primary region.
 */
export interface FailoverPlan {
  /** What runs in the DR region only while failed over or drilling, priced as a month of it (per hour = ÷ 730). */
  runLines: CostLine[];
  /** GB re-seeded into the primary at failback, whatever the outage length (a relational database: all of it). */
  reseedGb: number;
  /** GB re-seeded per hour spent failed over (writes made in the DR region). */
  reseedGbPerHour: number;
  /** The per-GB price of the re-seed transfer (monthlyQuantity 1 = one GB). */
  reseedLine: CostLine;
}

/** What a strategy model returns: the DR region(s) cost lines and the recovery plan. */
export interface StrategyPlan {
  lines: CostLine[];
  phases: Phase[];
  rpo: RpoSource[];
  /** Plain-language facts about this plan the user should know (e.g. "manual detection dominates"). */
  notes: string[];
  /** Per-event costs of a failover; none for a strategy that adds nothing when it fails over. */
  failover?: FailoverPlan;
  /** Average share of the traffic served while the `ramp` phases run (warm standby scaling out); 0 when none. With
   * several tiers scaling out, the least served one's share (the service runs at the pace of its slowest tier). */
  rampServed?: number;
  /** Instances launched in the DR region at failover (for the capacity-risk flag). */
  launched?: number;
}

/** A DR strategy (or a variant of one): one module each, a pure function of the workload and assumptions. */
export interface StrategyModel {
  id: string;
  /** The base strategy of the seed table this is (a variant's base is another id). */
  base: StrategyId;
  name: string;
  summary: string;
  /** The manual decision to fail over (or, for any strategy, to restore after data corruption: always a human call). */
  decision: AssumptionName;
  /** True when the DR side keeps a live copy by replication, so that corruption and deletions replicate to it too. */
  replicatesData: boolean;
  /** True when the plan's first note belongs in the headline of the terminal table (e.g. "manual detection dominates"). */
  headlineNote?: boolean;
  /**
   * For a variant: what it changes in the application that dr-advisor cannot assume for this workload (e.g. writes
   * partitioned by home region), or null when it is a drop-in choice of infrastructure. A variant with a design
   * change is priced and timed, but never recommended in place of the workload's own design.
   */
  designChange?: (w: Workload) => string | null;
  build(w: Workload, a: Assumptions): StrategyPlan;
}

/**
 * Expected annual cost (issue 12 §2, §5; data/reference/dr-model.md §9), from the means of the simulations:
 *
 *   total = 12 × DR monthly cost + expected annual loss + expected failover costs + drills
 *
 * The expected annual loss is weighted over three disruptions, each with its own yearly frequency:
 * - a regional outage (`business.regionEventsPerYear`), whose length D is a lognormal (`regionOutageMedianHours`,
 *   `regionOutageP90Hours`). Failing over costs the downtime min(recovery, D) — you can wait an outage out, so it
 *   caps the downtime — plus the data lost, charged only when the failover completes before the region is back, plus
 *   the DR side run at full size until failback and the failback's re-seed. Waiting costs D of downtime and loses no
 *   durable data. Each strategy takes the better of the two (a policy chosen ahead of the event, on expected values);
 * - an Availability Zone outage (`business.azEventsPerYear`), handled inside the region;
 * - data corruption or deletion (`business.corruptionEventsPerYear`), restored from backups in the region.
 * Downtime is priced at `downtimeCostPerHour`, lost data at `dataLossCostPerHour` (per hour of data lost). Pure.
 */
import type { Workload } from '../workload/validate';

export function hasBusinessCosts(w: Workload): boolean {
  return w.business.downtimeCostPerHour !== undefined || w.business.dataLossCostPerHour !== undefined;
}

/** Expected figures of one event, in hours and USD. */
export interface EventOutcome {
  downtimeHours: number;
  dataLossHours: number;
  /** USD spent because of the event besides the loss (DR side at full size, failback). */
  cost: number;
}

/** Everything the expected annual cost of one option depends on, linear in the downtime cost per hour. */
export interface LossModel {
  drMonthlyCost: number;
  drillsPerYear: number;
  /** USD of one drill (the DR side at full size for the drill). */
  drillCost: number;
  regionEventsPerYear: number;
  azEventsPerYear: number;
  corruptionEventsPerYear: number;
  /** Per regional event, failing over (null: the option has no failover, e.g. no DR). */
  failover: EventOutcome | null;
  /** Per regional event, waiting it out. */
  wait: EventOutcome;
  az: EventOutcome;
  corruption: EventOutcome;
}

export interface AnnualCost {
  /** 12 × DR monthly cost. */
  drRunning: number;
  /** Expected annual loss (downtime and data), all scenarios; null without business costs. */
  expectedLoss: number | null;
  /** Of which each scenario. */
  lossByScenario: { region: number; az: number; corruption: number } | null;
  /** Expected yearly cost of failovers (DR side at full size, failback); 0 when waiting is the better choice. */
  failoverEvents: number;
  drills: number;
  /** Total expected annual cost; null without business costs. */
  total: number | null;
  /** What to do in a regional outage: the cheaper in expectation (fail over when business costs are unknown). */
  regionChoice: 'fail-over' | 'wait';
}

function eventLoss(e: EventOutcome, v: number, d: number): number {
  return v * e.downtimeHours + d * e.dataLossHours;
}

/** The annual cost at a downtime cost of `v` $/h and a data-loss cost of `d` $/h. */
export function annualAt(m: LossModel, v: number, d: number): { total: number; loss: number; events: number; region: number; az: number; corruption: number; choice: 'fail-over' | 'wait' } {
  const fo = m.failover ? eventLoss(m.failover, v, d) + m.failover.cost : Infinity;
  const wait = eventLoss(m.wait, v, d) + m.wait.cost;
  const choice = fo <= wait ? 'fail-over' : 'wait';
  const chosen = choice === 'fail-over' ? m.failover! : m.wait;
  const region = m.regionEventsPerYear * eventLoss(chosen, v, d);
  const events = m.regionEventsPerYear * chosen.cost;
  const az = m.azEventsPerYear * eventLoss(m.az, v, d);
  const corruption = m.corruptionEventsPerYear * eventLoss(m.corruption, v, d);
  const loss = region + az + corruption;
  const drills = m.drillsPerYear * m.drillCost;
  return { total: 12 * m.drMonthlyCost + loss + events + drills, loss, events, region, az, corruption, choice };
}

export function annualCost(w: Workload, m: LossModel): AnnualCost {
  const business = hasBusinessCosts(w);
  const v = w.business.downtimeCostPerHour ?? 0;
  const d = w.business.dataLossCostPerHour ?? 0;
  const drills = m.drillsPerYear * m.drillCost;
  if (!business) {
    const events = m.failover ? m.regionEventsPerYear * m.failover.cost : 0;
    return { drRunning: 12 * m.drMonthlyCost, expectedLoss: null, lossByScenario: null, failoverEvents: events, drills, total: null, regionChoice: m.failover ? 'fail-over' : 'wait' };
  }
  const x = annualAt(m, v, d);
  return {
    drRunning: 12 * m.drMonthlyCost,
    expectedLoss: x.loss,
    lossByScenario: { region: x.region, az: x.az, corruption: x.corruption },
    failoverEvents: x.events,
    drills,
    total: x.total,
    regionChoice: x.choice,
  };
}

/**
 * Break-even downtime cost per hour: the smallest v ≥ 0 from which `costlier` has the lower (or equal) total expected
 * annual cost than `cheaper`, at the workload's data-loss cost. Each total is piecewise linear in v (the failover /
 * wait choice switches at one v), so the difference is checked at every switch point and solved on each piece.
 * 0: it pays off at any downtime cost; null: never.
 */
export function breakEvenDowntimeCost(cheaper: LossModel, costlier: LossModel, dataLossCostPerHour: number): number | null {
  const d = dataLossCostPerHour;
  const diff = (v: number) => annualAt(costlier, v, d).total - annualAt(cheaper, v, d).total;
  if (diff(0) <= 1e-9) return 0;
  const switches = [cheaper, costlier]
    .map((m) => {
      if (!m.failover) return null;
      const slope = m.wait.downtimeHours - m.failover.downtimeHours;
      const fixed = d * (m.failover.dataLossHours - m.wait.dataLossHours) + m.failover.cost - m.wait.cost;
      return slope > 0 && fixed > 0 ? fixed / slope : null;
    })
    .filter((x): x is number => x !== null && Number.isFinite(x))
    .sort((a, b) => a - b);
  const points = [0, ...switches];
  for (let i = 0; i < points.length; i++) {
    const lo = points[i];
    const hi = i + 1 < points.length ? points[i + 1] : lo + 1;
    const fLo = diff(lo);
    const fHi = diff(hi);
    const last = i + 1 === points.length;
    const slope = (fHi - fLo) / (hi - lo);
    if (fLo <= 1e-9) return lo;
    if (slope < 0) {
      const root = lo - fLo / slope;
      if (last || root <= hi) return root;
    }
  }
  return null;
}

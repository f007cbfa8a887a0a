/**
 * Expected annual loss (design.md §5.3): EAL = events/yr × (downtime cost/h × RTO h + data-loss cost/h × RPO h),
 * and the total expected annual cost = 12 × DR monthly cost + EAL. Pure.
 */
import type { Workload } from '../workload/validate';

export function hasBusinessCosts(w: Workload): boolean {
  return w.business.downtimeCostPerHour !== undefined || w.business.dataLossCostPerHour !== undefined;
}

export function expectedAnnualLoss(w: Workload, rtoSeconds: number, rpoSeconds: number): number | null {
  if (!hasBusinessCosts(w)) return null;
  const events = w.business.regionEventsPerYear;
  const downtime = (w.business.downtimeCostPerHour ?? 0) * (rtoSeconds / 3600);
  const dataLoss = (w.business.dataLossCostPerHour ?? 0) * (rpoSeconds / 3600);
  return events * (downtime + dataLoss);
}

export function totalAnnualCost(drMonthlyCost: number, eal: number | null): number | null {
  return eal === null ? null : 12 * drMonthlyCost + eal;
}

/**
 * Break-even downtime cost per hour at which `costlier` (lower RTO) pays for itself against `cheaper`:
 * 12 × ΔDR cost = events × (v × ΔRTO h + data-loss/h × ΔRPO h)  →  v. Null when it never pays off.
 */
export function breakEvenDowntimeCost(
  w: Workload,
  cheaper: { drMonthlyCost: number; rtoSeconds: number; rpoSeconds: number },
  costlier: { drMonthlyCost: number; rtoSeconds: number; rpoSeconds: number },
): number | null {
  const events = w.business.regionEventsPerYear;
  const dRtoH = (cheaper.rtoSeconds - costlier.rtoSeconds) / 3600;
  if (events <= 0 || dRtoH <= 0) return null;
  const dCost = 12 * (costlier.drMonthlyCost - cheaper.drMonthlyCost);
  const dataGain = events * (w.business.dataLossCostPerHour ?? 0) * ((cheaper.rpoSeconds - costlier.rpoSeconds) / 3600);
  const v = (dCost - dataGain) / (events * dRtoH);
  return v > 0 ? v : 0;
}

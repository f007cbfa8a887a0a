/**
 * Active-active design choices (seed §2–3): traffic by Route 53 or Global Accelerator, writes global (one writer
 * region) or partitioned (each key has a home region). Each variant is the base model run on the workload with
 * that choice made, so cost and RTO both follow it.
 */
import { activeActive } from '../active-active';
import type { StrategyModel } from '../types';

type Choice = { failoverRouting: 'route53' | 'global-accelerator'; writePattern: 'global-write' | 'partitioned-write' };

function design(id: string, name: string, choice: Choice): StrategyModel {
  return {
    id,
    base: 'active-active',
    name,
    summary: `${choice.failoverRouting === 'route53' ? 'Route 53 health-checked records' : 'Global Accelerator static IPs'}, ${choice.writePattern}`,
    decision: activeActive.decision,
    replicatesData: activeActive.replicatesData,
    // Partitioning writes by home region is an application design, not an infrastructure choice.
    designChange: (w) =>
      choice.writePattern === 'partitioned-write' && w.activeActive.writePattern !== 'partitioned-write'
        ? 'partitioned writes need every key to have a home region (an application design change; the workload is global-write)'
        : null,
    build(w, a) {
      const chosen = {
        ...w,
        network: { ...w.network, failoverRouting: choice.failoverRouting },
        activeActive: { ...w.activeActive, writePattern: choice.writePattern },
      };
      return activeActive.build(chosen, a);
    },
  };
}

export const activeActiveR53Global = design('active-active-r53-global', 'Active-Active, Route 53, global-write', { failoverRouting: 'route53', writePattern: 'global-write' });
export const activeActiveR53Partitioned = design('active-active-r53-partitioned', 'Active-Active, Route 53, partitioned-write', { failoverRouting: 'route53', writePattern: 'partitioned-write' });
export const activeActiveGaGlobal = design('active-active-ga-global', 'Active-Active, Global Accelerator, global-write', { failoverRouting: 'global-accelerator', writePattern: 'global-write' });
export const activeActiveGaPartitioned = design('active-active-ga-partitioned', 'Active-Active, Global Accelerator, partitioned-write', { failoverRouting: 'global-accelerator', writePattern: 'partitioned-write' });

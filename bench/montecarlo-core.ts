/** Monte Carlo throughput over every strategy and variant of an example (bundled and run by bench/montecarlo.mjs). */
import { planEstimate } from '../src/advisor/plan';
import { simulateRto } from '../src/recovery/montecarlo';
import { loadExample } from '../src/workload/load';

export function runMonteCarlo(example: string, samples: number, rounds: number) {
  const plan = planEstimate(loadExample(example), { variants: true });
  const all = [...plan.strategies, ...plan.variants];
  const times: number[] = [];
  for (let r = 0; r < rounds; r++) {
    const t0 = performance.now();
    for (const s of all) simulateRto(s.plan.phases, plan.assumptions, { samples, seed: r + 1, key: s.model.id });
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)];
  return { strategies: all.length, samples, medianMs: median, samplesPerSecond: (all.length * samples) / (median / 1000) };
}

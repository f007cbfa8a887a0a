/** The expected annual cost in words and cells, shared by the table and Markdown renderers. */
import type { Report, ScenarioResult } from '../advisor/types';
import { formatDuration, formatUsd } from '../text/format';
import type { Row } from './shared';

/** "Expected annual cost: 12 × DR $X + loss $Y (region $a, AZ $b, corruption $c) + failovers $F + drills $D = $T; in a regional outage: fail over." */
export function annualLine(s: Row): string {
  const a = s.annual;
  const region = a.regionChoice === 'wait' ? 'wait it out (cheaper in expectation than failing over)' : 'fail over';
  if (a.expectedLoss === null || a.total === null || a.lossByScenario === null) {
    return `Per year: 12 × DR cost ${formatUsd(a.drRunning)} + expected failovers ${formatUsd(a.failoverEvents)} + drills ${formatUsd(a.drills)} (no business costs given, so no expected loss).`;
  }
  const l = a.lossByScenario;
  return (
    `Expected annual cost ${formatUsd(a.total)} = 12 × DR cost ${formatUsd(a.drRunning)} + expected loss ${formatUsd(a.expectedLoss)} ` +
    `(region ${formatUsd(l.region)}, AZ ${formatUsd(l.az)}, corruption ${formatUsd(l.corruption)}) + failovers ${formatUsd(a.failoverEvents)} + drills ${formatUsd(a.drills)}; in a regional outage: ${region}.`
  );
}

/** "RTO 2h · RPO 1s" for a strategy in a scenario. */
export function scenarioCell(sc: ScenarioResult, id: string): string {
  const x = sc.strategies.find((y) => y.strategy === id)!;
  return `RTO ${formatDuration(x.rtoSeconds)} · RPO ${formatDuration(x.rpoSeconds)}`;
}

/** The expected annual cost of each row, as table rows. */
export function annualRows(r: Report, rows: readonly Row[]): string[][] {
  return rows.map((s) => {
    const a = s.annual;
    const l = a.lossByScenario;
    return [
      s.name,
      formatUsd(a.drRunning),
      l ? formatUsd(l.region) : '—',
      l ? formatUsd(l.az) : '—',
      l ? formatUsd(l.corruption) : '—',
      formatUsd(a.failoverEvents),
      formatUsd(a.drills),
      a.total === null ? '—' : formatUsd(a.total),
      s.id === 'no-dr' ? 'wait' : a.regionChoice === 'wait' ? 'wait (cheaper)' : 'fail over',
    ];
  });
}

export const ANNUAL_HEAD = ['Option', '12 × DR cost', 'Loss: region', 'Loss: AZ', 'Loss: corruption', 'Failovers', 'Drills', 'Total/yr', 'Regional outage'];

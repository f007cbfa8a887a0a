/** The primary region's own monthly cost: computed once and shown separately; a strategy's DR cost is on top of it. */
import type { Assumptions } from '../model/assumptions';
import type { Workload } from '../workload/validate';
import { databaseInstance, dynamoTable, fleets, loadBalancer, pointInTimeRecovery } from './components';
import type { CostLine } from './types';
import { isAurora } from '../model/engines';

export function primaryLines(w: Workload, a: Assumptions): CostLine[] {
  const r = w.regions.primary;
  const lines: CostLine[] = [
    ...fleets(w, r, (t) => t.count, 'App servers'),
    ...loadBalancer(w, a, r),
    ...w.stores.flatMap((s) => [
      ...databaseInstance(s, r, isAurora(s.engine) ? 'Aurora writer' : 'RDS instance', { multiAz: s.multiAz }),
      ...dynamoTable(s, r),
      ...pointInTimeRecovery(w, s, r),
    ]),
  ];
  if (w.objectStorage.storageGb > 0)
    lines.push({ component: 'S3 bucket', region: r, usage: `${w.objectStorage.storageGb} GB Standard`, key: { service: 's3.standard', region: r }, monthlyQuantity: w.objectStorage.storageGb });
  lines.push({ component: 'Route 53 hosted zone', region: 'global', usage: '1 hosted zone', key: { service: 'route53.hostedZone', region: 'global' }, monthlyQuantity: 1 });
  return lines;
}

/** The primary region's own monthly cost: computed once and shown separately; a strategy's DR cost is on top of it. */
import type { Assumptions } from '../model/assumptions';
import type { Workload } from '../workload/validate';
import { computeFleet, databaseInstance, dynamoTable, loadBalancer, pointInTimeRecovery } from './components';
import type { CostLine } from './types';
import { isAurora } from '../model/engines';

export function primaryLines(w: Workload, a: Assumptions): CostLine[] {
  const r = w.regions.primary;
  const lines: CostLine[] = [
    ...computeFleet(w, r, w.compute.count, 'App servers'),
    ...loadBalancer(w, a, r),
    ...databaseInstance(w, r, isAurora(w.database.engine) ? 'Aurora writer' : 'RDS instance', { multiAz: w.database.multiAz }),
    ...dynamoTable(w, r),
    ...pointInTimeRecovery(w, r),
  ];
  if (w.objectStorage.storageGb > 0)
    lines.push({ component: 'S3 bucket', region: r, usage: `${w.objectStorage.storageGb} GB Standard`, key: { service: 's3.standard', region: r }, monthlyQuantity: w.objectStorage.storageGb });
  lines.push({ component: 'Route 53 hosted zone', region: 'global', usage: '1 hosted zone', key: { service: 'route53.hostedZone', region: 'global' }, monthlyQuantity: 1 });
  return lines;
}

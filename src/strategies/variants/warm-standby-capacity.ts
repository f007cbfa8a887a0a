/**
 * Warm standby sized at 25%, 50% and 100% of the primary fleet (100% is a "hot standby": no scale-out), and the
 * workload's own size with On-Demand Capacity Reservations for the scale-out gap (REL13-BP02: reserved capacity in the
 * recovery region removes the risk of not getting instances when everyone fails over at once; a reservation is billed
 * at the On-Demand rate whether used or not).
 */
import { warmStandbyModel } from '../warm-standby';

export const warmStandby25 = warmStandbyModel({ capacity: 0.25, id: 'warm-standby-25', name: 'Warm Standby at 25%' });
export const warmStandby50 = warmStandbyModel({ capacity: 0.5, id: 'warm-standby-50', name: 'Warm Standby at 50%' });
export const warmStandby100 = warmStandbyModel({ capacity: 1, id: 'warm-standby-100', name: 'Hot Standby (warm standby at 100%)' });
export const warmStandbyReserved = warmStandbyModel({
  id: 'warm-standby-odcr',
  name: 'Warm Standby with capacity reservations',
  reserveGap: true,
  summary: 'a scaled-down full copy runs, with On-Demand Capacity Reservations for the scale-out gap',
});

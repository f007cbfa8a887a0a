/** Warm standby sized at 25%, 50% and 100% of the primary fleet (100% is a "hot standby": no scale-out). */
import { warmStandbyModel } from '../warm-standby';

export const warmStandby25 = warmStandbyModel(0.25, 'warm-standby-25', 'Warm Standby at 25%');
export const warmStandby50 = warmStandbyModel(0.5, 'warm-standby-50', 'Warm Standby at 50%');
export const warmStandby100 = warmStandbyModel(1, 'warm-standby-100', 'Hot Standby (warm standby at 100%)');

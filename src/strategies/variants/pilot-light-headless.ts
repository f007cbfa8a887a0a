/**
 * Pilot light with a headless Aurora secondary: the global database's secondary cluster keeps its storage in sync but
 * runs no DB instance, so only storage and replication are billed (Aurora UG "Creating a headless Aurora DB cluster in
 * a secondary Region"; AWS Resilience Hub recognises "an Amazon Aurora global database with a headless secondary
 * cluster"). A failover first adds an instance, then promotes the cluster. For other engines it is the pilot light.
 */
import { pilotLightModel } from '../pilot-light';

export const pilotLightHeadless = pilotLightModel({ headless: true, id: 'pilot-light-headless', name: 'Pilot Light with a headless Aurora secondary' });

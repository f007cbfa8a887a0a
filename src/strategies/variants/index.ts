/** Variants priced and timed beside the four base strategies, for the cost-versus-RTO frontier (issue 7). */
import type { StrategyModel } from '../types';
import { activeActiveGaGlobal, activeActiveGaPartitioned, activeActiveR53Global, activeActiveR53Partitioned } from './active-active-designs';
import { pilotLightDrs } from './pilot-light-drs';
import { pilotLightHeadless } from './pilot-light-headless';
import { warmStandby100, warmStandby25, warmStandby50, warmStandbyReserved } from './warm-standby-capacity';

export const VARIANTS: readonly StrategyModel[] = [
  pilotLightDrs,
  pilotLightHeadless,
  warmStandby25,
  warmStandby50,
  warmStandby100,
  warmStandbyReserved,
  activeActiveR53Global,
  activeActiveR53Partitioned,
  activeActiveGaGlobal,
  activeActiveGaPartitioned,
];

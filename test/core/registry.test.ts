/** The strategy registry and the one id list agree, and each strategy states the facts other rooms read from it. */
import { describe, expect, it } from 'vitest';
import { STRATEGY_IDS } from '../../src/model/strategies';
import { BASE_STRATEGIES, modelOf } from '../../src/strategies';
import { VARIANTS } from '../../src/strategies/variants';
import { outputJsonSchema } from '../../src/advisor/output-schema';
import { workloadJsonSchema } from '../../src/workload/template';

describe('strategy registry', () => {
  it('holds one base model per id, in the seed table order, each its own base', () => {
    expect(BASE_STRATEGIES.map((m) => m.id)).toEqual([...STRATEGY_IDS]);
    for (const m of BASE_STRATEGIES) expect(m.base).toBe(m.id);
  });

  it('gives every variant a known base and a unique id, findable by modelOf', () => {
    const ids = [...BASE_STRATEGIES, ...VARIANTS].map((m) => m.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const v of VARIANTS) {
      expect(STRATEGY_IDS).toContain(v.base);
      expect(modelOf(v.id)).toBe(v);
    }
    expect(modelOf('no-such-strategy')).toBeUndefined();
  });

  it('states who replicates data and which manual decision each takes', () => {
    const facts = Object.fromEntries(BASE_STRATEGIES.map((m) => [m.id, [m.replicatesData, m.decision]]));
    expect(facts).toEqual({
      'backup-restore': [false, 'decideBackupRestoreMinutes'],
      'pilot-light': [true, 'decidePilotLightMinutes'],
      'warm-standby': [true, 'decideWarmStandbyMinutes'],
      'active-active': [true, 'decideWarmStandbyMinutes'],
    });
    expect(BASE_STRATEGIES.filter((m) => m.headlineNote).map((m) => m.id)).toEqual(['pilot-light', 'warm-standby']);
  });

  it('feeds the workload schema enum and the output schema enum from the same list', () => {
    const w = workloadJsonSchema() as { properties: { strategy: { enum: string[] } } };
    expect(w.properties.strategy.enum).toEqual([...STRATEGY_IDS]);
    const o = outputJsonSchema() as { properties: { strategies: { items: { properties: { base: { enum: string[] } } } } } };
    expect(o.properties.strategies.items.properties.base.enum).toEqual([...STRATEGY_IDS]);
  });
});

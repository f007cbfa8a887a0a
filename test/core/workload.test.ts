/** The workload schema: messages that name field, value and what is allowed; defaults; property-based validation. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors';
import { loadExample } from '../../src/workload/load';
import { workloadJsonSchema } from '../../src/workload/template';
import { documentOf, validateWorkload } from '../../src/workload/validate';

const minimal = () => ({ regions: { primary: 'us-east-1' }, compute: { instanceType: 'm5.large', count: 2 } });
function error(doc: unknown): string {
  try {
    validateWorkload(doc, 'w.yaml');
  } catch (e) {
    expect(e).toBeInstanceOf(InputError);
    return (e as Error).message;
  }
  throw new Error('expected an InputError');
}

describe('defaults', () => {
  it('every field except regions.primary and compute has a default', () => {
    const w = validateWorkload(minimal());
    expect(w).toMatchObject({
      version: 1, name: 'workload', regions: { primary: 'us-east-1', dr: 'us-west-2', additional: [] },
      compute: { ebsGbPerInstance: 50 }, database: { engine: 'none', storageGb: 100 }, dataChangeGbPerDay: 10,
      network: { loadBalancer: 'alb', failoverRouting: 'route53', dnsTtlSeconds: 60 },
      operations: { detection: 'manual', failoverDecision: 'manual', backupIntervalHours: 24, pointInTimeRecovery: true, warmStandbyCapacity: 0.5 },
      business: { regionEventsPerYear: 0.5 }, assumptions: {},
    });
    expect(validateWorkload({ ...minimal(), regions: { primary: 'eu-west-1' } }).business.regionEventsPerYear).toBe(0.2);
    expect(validateWorkload({ ...minimal(), database: { engine: 'aurora-postgresql' } }).stores[0].instanceClass).toBe('db.r6g.large');
    expect(validateWorkload({ ...minimal(), database: { engine: 'postgres' } }).stores[0].instanceClass).toBe('db.m5.large');
  });
  it('the bundled examples are valid', () => {
    for (const n of ['web-app', 'serverless-dynamodb', 'global-saas']) expect(loadExample(n).name).toBeTruthy();
  });
});

describe('messages', () => {
  it.each([
    [{ ...minimal(), compute: { instanceType: 'm5.large', count: -2 } }, 'w.yaml: compute.count must be a whole number ≥ 1 (got -2)'],
    [{ ...minimal(), compute: { instanceType: 'm5.large', count: 1.5 } }, 'w.yaml: compute.count must be a whole number ≥ 1 (got 1.5)'],
    [{ ...minimal(), compute: { instanceType: 'm5.large' } }, 'w.yaml: compute.count is required'],
    [{ compute: { instanceType: 'm5.large', count: 1 } }, 'w.yaml: regions is required'],
    [{ ...minimal(), regions: { primary: 'us-east-1', dr: 'us-east-1' } }, 'w.yaml: regions.dr must differ from regions.primary (got "us-east-1")'],
    [{ ...minimal(), database: { engine: 'oracle' } }, 'w.yaml: database.engine must be one of aurora-mysql, aurora-postgresql, mysql, postgres, dynamodb, none; nearest: mysql, none (got "oracle")'],
    [{ ...minimal(), targets: { rto: 'soon' } }, 'w.yaml: targets.rto must be a duration like 90s, 15m, 4h or 1d (got "soon")'],
    [{ ...minimal(), operations: { warmStandbyCapacity: 2 } }, 'w.yaml: operations.warmStandbyCapacity must be a number > 0 and ≤ 1 (got 2)'],
    [{ ...minimal(), compute: { instanceType: 'm5.large', count: 2, cpus: 4 } }, 'w.yaml: compute: unknown field "cpus" (allowed: instanceType, count, ebsGbPerInstance, ebsVolumesPerInstance; did you mean "count"?)'],
    [{ ...minimal(), version: 2 }, 'w.yaml: version must be 1 (got 2)'],
  ])('%j', (doc, message) => {
    expect(error(doc)).toBe(message);
  });
  it('regions name the nearest known values', () => {
    expect(error({ ...minimal(), regions: { primary: 'us-east-9' } })).toMatch(/^w\.yaml: regions\.primary must be a known commercial AWS region \(34 known, us-east-1 to ap-southeast-7\); nearest: us-east-1, us-east-2 \(got "us-east-9"\)/);
  });
  describe('activeActive.consistency: strong (DynamoDB MRSC: 3 regions of one Region set, AWS::DynamoDB::GlobalTable GlobalTableWitness)', () => {
    const ddb = { engine: 'dynamodb', storageGb: 20 };
    const strong = (regions: object, database: object = ddb) => ({ ...minimal(), regions, database, activeActive: { consistency: 'strong' } });
    it('2 or 3 regions of one set are accepted (2: a witness makes the third)', () => {
      expect(validateWorkload(strong({ primary: 'us-east-1', dr: 'us-east-2' })).activeActive.consistency).toBe('strong');
      expect(validateWorkload(strong({ primary: 'eu-west-1', dr: 'eu-central-1', additional: ['eu-west-2'] })).regions.additional).toEqual(['eu-west-2']);
      // The default DR region counts: us-east-1's is us-west-2, in the US set.
      expect(validateWorkload(strong({ primary: 'us-east-1' })).regions.dr).toBe('us-west-2');
    });
    it('regions across sets are refused, naming the sets', () => {
      expect(error(strong({ primary: 'eu-west-1', dr: 'eu-central-1', additional: ['us-east-1'] }))).toBe(
        'w.yaml: activeActive.consistency strong (DynamoDB multi-Region strong consistency) needs its active regions in one Region set (US: us-east-1, us-east-2, us-west-2; EU: eu-west-1, eu-west-2, eu-west-3, eu-central-1; AP: ap-northeast-1, ap-northeast-2, ap-northeast-3), got eu-west-1, eu-central-1, us-east-1',
      );
      expect(error(strong({ primary: 'ap-southeast-2', dr: 'ap-southeast-4' }))).toMatch(/needs its active regions in one Region set .*, got ap-southeast-2, ap-southeast-4$/);
    });
    it('more than 3 active regions are refused', () => {
      expect(error(strong({ primary: 'eu-west-1', dr: 'eu-west-2', additional: ['eu-west-3', 'eu-central-1'] }))).toBe(
        'w.yaml: activeActive.consistency strong (DynamoDB multi-Region strong consistency) needs at most 3 active regions (3 replicas, or 2 and a witness), got 4: eu-west-1, eu-west-2, eu-west-3, eu-central-1',
      );
    });
    it('without a DynamoDB store it changes nothing', () => {
      expect(validateWorkload(strong({ primary: 'ap-southeast-2', dr: 'ap-southeast-4' }, { engine: 'postgres' })).regions.dr).toBe('ap-southeast-4');
    });
  });
  it('unknown assumption names list the allowed ones', () => {
    expect(error({ ...minimal(), assumptions: { restoreMinutes: 3 } })).toMatch(/^w\.yaml: assumptions: unknown field "restoreMinutes" \(nearest known: \w+, \w+, \w+; all names: dr-advisor schema workload\)$/);
  });
  it('not a mapping', () => {
    expect(error([1, 2])).toBe('w.yaml: must be a mapping of fields (version, regions, compute, ...), got a list');
  });
});

// ---- property-based: any document gives a Workload or a one-line InputError, never a crash ----------------------
const anyValue = fc.oneof(
  fc.string(), fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.constant(undefined),
  fc.constant(Number.NaN), fc.constant(Infinity), fc.constant(-1), fc.constant(1e308), fc.array(fc.integer(), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 5 }), fc.integer(), { maxKeys: 3 }),
);
const paths = [
  'version', 'name', 'strategy', 'regions', 'regions.primary', 'regions.dr', 'regions.additional', 'compute', 'compute.instanceType',
  'compute.count', 'compute.ebsGbPerInstance', 'database', 'database.engine', 'database.storageGb', 'database.instanceClass',
  'objectStorage.storageGb', 'dataChangeGbPerDay', 'network.dnsTtlSeconds', 'network.failoverRouting', 'operations.warmStandbyCapacity',
  'operations.backupIntervalHours', 'targets.rto', 'targets.rpo', 'targets.maxMonthlyCost', 'business.downtimeCostPerHour', 'assumptions',
  'assumptions.detectManualMinutes', 'extra', 'compute.extra',
];
function setPath(doc: any, path: string, value: unknown): void {
  const keys = path.split('.');
  let cur = doc;
  for (const k of keys.slice(0, -1)) {
    if (cur[k] === null || typeof cur[k] !== 'object') cur[k] = {};
    cur = cur[k];
  }
  cur[keys[keys.length - 1]] = value;
}

describe('property: validation never crashes', () => {
  it('mutating any field of a valid workload gives a valid workload or one InputError line', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom(...paths), anyValue), { minLength: 1, maxLength: 4 }), (mutations) => {
        const doc: any = structuredClone(documentOf(loadExample('web-app')));
        for (const [p, v] of mutations) setPath(doc, p, v);
        try {
          const w = validateWorkload(doc, 'w.yaml');
          expect(w.tiers[0].count).toBeGreaterThanOrEqual(1);
          expect(Number.isFinite(w.dataChangeGbPerDay)).toBe(true);
        } catch (e) {
          expect(e).toBeInstanceOf(InputError);
          const m = (e as Error).message;
          expect(m).not.toContain('\n');
          expect(m.startsWith('w.yaml: ')).toBe(true);
          expect(m.length).toBeLessThan(800);
        }
      }),
      { numRuns: 1500, seed: 42 },
    );
  });
  it('any JSON value as a whole document', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (doc) => {
        try {
          validateWorkload(doc, 'w.yaml');
        } catch (e) {
          expect(e).toBeInstanceOf(InputError);
          expect((e as Error).message).not.toContain('\n');
        }
      }),
      { numRuns: 500, seed: 7 },
    );
  });
});

describe('JSON Schema', () => {
  it('is derived from the same schema: required fields, enums, defaults and descriptions', () => {
    const s = workloadJsonSchema() as any;
    expect(s.required).toEqual(['regions', 'compute']);
    // compute and database: one part (the version-1 form) or a list of named parts.
    const [single, list] = s.properties.database.anyOf;
    expect(single.properties.engine.enum).toEqual(['aurora-mysql', 'aurora-postgresql', 'mysql', 'postgres', 'dynamodb', 'none']);
    expect(list.items.properties.engine.enum).toEqual(['aurora-mysql', 'aurora-postgresql', 'mysql', 'postgres', 'dynamodb']);
    expect(list.items.required).toEqual(['name', 'engine']);
    expect(s.properties.operations.properties.warmStandbyCapacity.default).toBe(0.5);
    expect(s.properties.compute.anyOf[0].properties.count.description).toBe('number of application servers in the primary region');
    expect(s.properties.compute.anyOf[1].items.properties.count.description).toBe('number of application servers in the primary region');
    expect(s.properties.compute.anyOf[1].items.required).toEqual(['name', 'instanceType', 'count']);
    expect(s.additionalProperties).toBe(false);
  });
});

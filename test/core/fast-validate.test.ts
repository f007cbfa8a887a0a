/**
 * The validator generated from the workload schema (src/workload/validator-gen.ts, fast-validate.ts) against zod
 * itself, on many documents, valid and not: whenever it returns a value, zod accepts the document and returns the
 * same value (same keys, in the same order, `undefined` members included); whenever zod accepts a document, so does
 * the generated validator, but for the few it declines on purpose (see `declined`); and it declines everything zod
 * refuses. The error messages stay
 * zod's (validate.ts runs zod when the generated validator declines).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exampleDocument, exampleNames } from '../../src/workload/load';
import { fastParse } from '../../src/workload/fast-validate';
import { workloadSchema } from '../../src/workload/schema';
import { validatorSource } from '../../src/workload/validator-gen';
import { validateWorkload } from '../../src/workload/validate';
import { STARTER } from '../../src/cli/commands/init';
import { VALID, workloadDoc } from '../fuzz/arbitraries';
import { z } from 'zod';

/** A value as text that tells apart key order, `undefined` members, -0 and NaN. */
function exact(v: unknown): string {
  if (v === undefined) return 'undefined';
  if (typeof v === 'number') return Object.is(v, -0) ? '-0' : String(v);
  if (typeof v !== 'object' || v === null) return JSON.stringify(v);
  if (Array.isArray(v)) return `[${v.map(exact).join(',')}]`;
  return `{${Object.entries(v).map(([k, x]) => `${JSON.stringify(k)}:${exact(x)}`).join(',')}}`;
}

/** What the generated validator declines on purpose, leaving zod to decide: an `undefined` member, a `__proto__` key, an object of another prototype. */
function declined(v: unknown): boolean {
  if (v === undefined) return true;
  if (typeof v !== 'object' || v === null) return false;
  if (!Array.isArray(v) && ![Object.prototype, null].includes(Object.getPrototypeOf(v))) return true;
  if (Object.hasOwn(v, '__proto__')) return true;
  return Object.values(v).some(declined);
}

/** zod's answer and the generated validator's agree, as described above. */
function agree(doc: unknown): void {
  const zod = workloadSchema.safeParse(doc);
  const fast = fastParse(doc);
  if (fast !== undefined) {
    expect(zod.success).toBe(true);
    expect(exact(fast)).toBe(exact(zod.data));
  } else if (zod.success && !declined(doc)) {
    expect.fail(`zod accepts a document the generated validator declines: ${exact(doc)}`);
  }
}

/** Mostly a valid value, sometimes a wrong one. */
const mostly = <T, U>(good: fc.Arbitrary<T>, bad: fc.Arbitrary<U>) => fc.oneof({ weight: 30, arbitrary: good }, { weight: 1, arbitrary: bad });
const wrongNumber = fc.constantFrom(-1, 0.0009, -0, NaN, Infinity, 1e12, '1', null);
const wrongText = fc.oneof(fc.constantFrom('', 'a'.repeat(101), '\ud83d\ude42'.repeat(51), 5, null, 'Web', 'm5', '-1h'), fc.string({ maxLength: 6 }));
const amount = (max: number) => mostly(fc.oneof(fc.constantFrom(0, 0.001, 1, max), fc.double({ min: 0.001, max, noNaN: true })), wrongNumber);
const whole = (min: number, max: number) => mostly(fc.integer({ min, max }), fc.oneof(wrongNumber, fc.constant(min - 1), fc.constant(max + 1), fc.constant(1.5)));
const REGIONS = ['us-east-1', 'us-west-2', 'eu-west-1', 'eu-central-1', 'ap-southeast-2', 'us-east-2'];
const region = mostly(fc.constantFrom(...REGIONS), fc.constantFrom('moon-1', 'US-EAST-1', 3));
const partName = mostly(fc.constantFrom('web', 'api', 'worker-2', 'orders', 'db'), wrongText);
const tierFields = { instanceType: mostly(fc.constantFrom('m5.large', 'c5.xlarge', 'r6g.2xlarge'), wrongText), count: whole(1, 10000), ebsGbPerInstance: amount(65536), ebsVolumesPerInstance: whole(1, 40) };
const engine = mostly(fc.constantFrom('aurora-mysql', 'aurora-postgresql', 'mysql', 'postgres', 'dynamodb'), fc.constantFrom('oracle', 'none', ''));
const storeFields = { engine, instanceClass: mostly(fc.constantFrom('db.r6g.large', 'db.m5.large'), wrongText), storageGb: amount(1_000_000), multiAz: mostly(fc.boolean(), fc.constant('yes')), writesPerSecond: amount(10_000_000), readsPerSecond: amount(10_000_000) };
const optional = <T extends Record<string, fc.Arbitrary<unknown>>>(fields: T, required: (keyof T)[] = []) => fc.record(fields, { requiredKeys: required as never[] });
const duration = mostly(fc.oneof(fc.constantFrom('1h', '15m', '90s', '1d', '4h', '0s', '30m'), fc.constantFrom(0, 60, 3600, 1.5)), fc.constantFrom('0.5s', 0.5, '1 h', '-1h', '', -5, 'soon'));

/** Documents near the valid ones: fields present or not, mostly valid values, both forms of the parts. */
const nearValid = optional(
  {
    version: mostly(fc.constant(1), fc.constantFrom(2, '1')),
    name: mostly(fc.constantFrom('checkout', 'my service', 'é-app', 'a/b_c.d', '\ud83d\ude42'.repeat(50).replace(/^/, 'x')), wrongText),
    strategy: mostly(fc.constantFrom('backup-restore', 'pilot-light', 'warm-standby', 'active-active'), fc.constant('multi-site')),
    regions: optional({ primary: region, dr: region, additional: fc.array(region, { maxLength: 3 }) }, ['primary']),
    compute: fc.oneof(optional(tierFields, ['instanceType', 'count']), fc.array(optional({ name: partName, ...tierFields }, ['name', 'instanceType', 'count']), { maxLength: 3 })),
    database: fc.oneof(optional({ ...storeFields, engine: mostly(fc.constantFrom('aurora-mysql', 'mysql', 'dynamodb', 'none'), fc.constant('oracle')) }), fc.array(optional({ name: partName, ...storeFields }, ['name', 'engine']), { maxLength: 3 })),
    objectStorage: optional({ storageGb: amount(100_000_000) }),
    dataChangeGbPerDay: amount(1_000_000),
    network: optional({ loadBalancer: mostly(fc.constantFrom('alb', 'none'), fc.constant('nlb')), failoverRouting: mostly(fc.constantFrom('route53', 'global-accelerator'), fc.constant('dns')), dnsTtlSeconds: whole(0, 172800), egressGbPerMonth: amount(100_000_000) }),
    operations: optional({ detection: fc.constantFrom('manual', 'automated'), failoverDecision: fc.constantFrom('manual', 'automated'), backupIntervalHours: mostly(fc.constantFrom(1, 24, 0.5, 720), fc.constantFrom(0, 721)), pointInTimeRecovery: fc.boolean(), warmStandbyCapacity: mostly(fc.constantFrom(0.5, 1, 0.25, 0.001), fc.constantFrom(0, 1.01, 0.0001)) }),
    activeActive: optional({ writePattern: fc.constantFrom('global-write', 'partitioned-write'), consistency: fc.constantFrom('eventual', 'strong') }),
    targets: optional({ rto: duration, rpo: duration, maxMonthlyCost: amount(1e9), confidence: mostly(fc.constantFrom(0.5, 0.9, 0.95, 1), fc.constantFrom(0.49, 1.01)) }),
    business: optional({ downtimeCostPerHour: amount(1e9), dataLossCostPerHour: amount(1e9), regionEventsPerYear: amount(365), azEventsPerYear: amount(365), corruptionEventsPerYear: amount(365) }),
    pricing: optional({ enterpriseDiscountPct: amount(100), savingsPct: optional({ ec2: amount(100), rds: amount(100) }) }),
    assumptions: fc.dictionary(mostly(fc.constantFrom('auroraSnapshotRestoreMinutes', 'detectManualMinutes'), fc.constant('notAnAssumption')), amount(1e7), { maxKeys: 2 }),
  },
  ['regions', 'compute'],
);

describe('the validator generated from the workload schema', () => {
  it('accepts the bundled examples, the init starter and the fuzzers\' valid document, with what zod returns', () => {
    for (const doc of [...exampleNames().map(exampleDocument), STARTER, VALID]) {
      expect(fastParse(doc)).toBeDefined();
      agree(doc);
    }
  });

  it('agrees with zod on documents near the valid ones (both forms of the parts, every field, plausible and wrong values)', () => {
    let accepted = 0;
    let rejected = 0;
    fc.assert(
      fc.property(nearValid, (doc) => {
        agree(doc);
        if (fastParse(doc) !== undefined) accepted++;
        else rejected++;
      }),
      { numRuns: 3000, seed: 17 },
    );
    // The property is not vacuous: a good share of these documents are valid.
    expect(accepted).toBeGreaterThan(300);
    expect(rejected).toBeGreaterThan(300);
  });

  it('agrees with zod on hostile documents (the fuzzers\' mutations, any value, other prototypes, __proto__ keys)', () => {
    fc.assert(fc.property(workloadDoc, (doc) => agree(doc)), { numRuns: 3000, seed: 17 });
    const proto = JSON.parse('{"regions":{"primary":"us-east-1"},"compute":{"instanceType":"m5.large","count":2},"assumptions":{"__proto__":5}}');
    agree(proto);
    agree(Object.assign(Object.create(null), { regions: { primary: 'us-east-1' }, compute: { instanceType: 'm5.large', count: 2 } }));
    agree({ regions: { primary: 'us-east-1' }, compute: { instanceType: 'm5.large', count: 2 }, strategy: undefined });
    agree({ regions: { primary: 'us-east-1', dr: 'us-east-1' }, compute: { instanceType: 'm5.large', count: 2 } });
  });

  it('keeps the exact error messages: a document it declines is worded by zod', () => {
    expect(() => validateWorkload({ regions: { primary: 'us-east-1' }, compute: { instanceType: 'm5.large', count: -2 } }, 'w.yaml')).toThrow(
      'w.yaml: compute.count must be a whole number ≥ 1 (got -2)',
    );
    expect(() => validateWorkload({ regions: { primary: 'us-east-1' }, compte: {} }, 'w.yaml')).toThrow(/^w\.yaml: unknown field "compte"/);
  });

  it('refuses to generate from a schema it does not understand (the build fails, not a run)', () => {
    expect(() => validatorSource(z.object({ a: z.string().email() }))).toThrow(/validator-gen: string format email/);
    expect(() => validatorSource(z.object({ a: z.number().refine((v) => v > 1) }))).toThrow(/not a function of rules\.ts/);
    expect(() => validatorSource(z.object({ a: z.date() }))).toThrow(/validator-gen: a date schema/);
    expect(() => validatorSource(z.looseObject({ a: z.string() }))).toThrow(/catchall/);
  });
});

/**
 * JSON Schema (draft 2020-12) of `--format json` (design.md §7, schemaVersion 1). Kept beside the Report type in
 * `types.ts`; a test validates real output against it so the two cannot drift apart.
 */
import { STRATEGY_IDS } from '../model/strategies';
import { workloadJsonSchema } from '../workload/template';

const num = { type: 'number' } as const;
const str = { type: 'string' } as const;
const nullableNum = { type: ['number', 'null'] } as const;
const strArray = { type: 'array', items: str } as const;

const lineItem = {
  type: 'object',
  required: ['component', 'region', 'service', 'usage', 'quantity', 'unit', 'unitPrice', 'monthlyCost', 'estimated', 'priceKey', 'price'],
  properties: {
    component: str, region: str, service: str, usage: str, quantity: num, unit: str,
    unitPrice: { type: 'number', description: 'USD per unit, full precision' },
    monthlyCost: { type: 'number', description: 'USD per month, rounded to cents' },
    estimated: { type: 'boolean' },
    priceKey: str,
    price: {
      type: 'object', required: ['source', 'asOf'],
      properties: { source: { enum: ['snapshot', 'cache', 'bulk', 'live'] }, asOf: str, sku: str, fetchedAt: str, publicationDate: str, origin: str, estimated: { type: 'boolean' } },
    },
  },
};

const timing = {
  type: 'object', required: ['seconds', 'lowSeconds', 'highSeconds', 'assumptions'],
  properties: { seconds: num, lowSeconds: num, highSeconds: num, assumptions: strArray, fixed: str },
};

const strategy = {
  type: 'object',
  required: ['id', 'name', 'drMonthlyCost', 'rtoSeconds', 'rpoSeconds', 'rto', 'phases', 'meetsTargets', 'violations', 'expectedAnnualLoss', 'totalAnnualCost', 'lineItems', 'assumptions'],
  properties: {
    id: str, name: str, base: { enum: [...STRATEGY_IDS] }, summary: str,
    drMonthlyCost: num, rtoSeconds: num, rpoSeconds: num,
    rtoCategory: str, rpoCategory: str,
    rto: { type: 'object', required: ['p50', 'p90', 'p99'], properties: { p50: num, p90: num, p99: num, mean: num, pMeetsTarget: nullableNum, samples: num } },
    phases: { type: 'array', items: { ...timing, required: ['name', ...timing.required], properties: { name: str, label: str, branch: { enum: ['serial', 'data', 'compute'] }, ...timing.properties } } },
    rpoSources: { type: 'array', items: { ...timing, properties: { store: str, mechanism: str, ...timing.properties } } },
    meetsTargets: { type: 'boolean' },
    violations: { type: 'array', items: { type: 'object', required: ['target', 'actual', 'limit', 'message'], properties: { target: { enum: ['rto', 'rpo', 'maxMonthlyCost'] }, actual: num, limit: num, message: str } } },
    expectedAnnualLoss: nullableNum,
    totalAnnualCost: nullableNum,
    lineItems: { type: 'array', items: lineItem },
    costEstimated: { type: 'boolean' },
    assumptions: {
      type: 'array',
      items: { type: 'object', required: ['name', 'value', 'unit', 'source', 'estimated'], properties: { name: str, value: num, unit: str, low: num, high: num, description: str, source: str, estimated: { type: 'boolean' }, overridden: { type: 'boolean' } } },
    },
    notes: strArray,
  },
};

export function outputJsonSchema(): Record<string, unknown> {
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: 'https://github.com/dr-advisor/dr-advisor/schema/output.json',
    title: 'dr-advisor estimate output',
    type: 'object',
    required: ['schemaVersion', 'generatedAt', 'currency', 'workload', 'pricing', 'primaryMonthlyCost', 'strategies', 'recommendation'],
    properties: {
      schemaVersion: { const: 1 },
      generatedAt: { type: 'string', format: 'date-time' },
      currency: { const: 'USD' },
      tool: { type: 'object', properties: { name: str, version: str } },
      workload: { ...workloadJsonSchema(), $schema: undefined, $id: undefined, description: 'the normalized workload, defaults filled in' },
      targets: { type: 'object', properties: { rtoSeconds: nullableNum, rpoSeconds: nullableNum, maxMonthlyCost: nullableNum } },
      pricing: {
        type: 'object', required: ['source', 'asOf', 'warnings'],
        properties: {
          source: { enum: ['snapshot', 'cache', 'bulk', 'live', 'mixed'] }, asOf: str, oldestAsOf: str, warnings: strArray,
          prices: { type: 'number', description: 'distinct prices the report uses' },
          estimatedPrices: { type: 'number', description: 'how many of them are estimated (derived by a rule)' },
          estimatedPriceKeys: { ...strArray, description: 'the price-key ids of the estimated prices' },
        },
      },
      primaryMonthlyCost: num,
      primaryLineItems: { type: 'array', items: lineItem },
      strategies: { type: 'array', items: strategy },
      variants: { type: 'array', items: strategy, description: 'variants of the base strategies (DRS pilot light, warm standby sizes, active-active designs)' },
      frontier: {
        type: 'array',
        items: {
          type: 'object', required: ['id', 'cost', 'rtoP90', 'pareto', 'dominatedBy', 'sameAs'],
          properties: { id: str, name: str, cost: num, rtoP90: num, pareto: { type: 'boolean' }, dominatedBy: { type: ['string', 'null'] }, sameAs: { type: ['string', 'null'] } },
        },
      },
      scenarios: {
        type: 'array',
        items: {
          type: 'object', required: ['id', 'strategies'],
          properties: {
            id: { enum: ['region-outage', 'az-outage', 'data-corruption'] }, name: str,
            strategies: { type: 'array', items: { type: 'object', required: ['strategy', 'rtoSeconds', 'rpoSeconds'], properties: { strategy: str, rtoSeconds: num, rpoSeconds: num, note: str } } },
          },
        },
      },
      breakEven: {
        type: 'array',
        items: { type: 'object', required: ['cheaper', 'costlier', 'downtimeCostPerHour', 'sentence'], properties: { cheaper: str, costlier: str, downtimeCostPerHour: nullableNum, sentence: str } },
      },
      recommendation: {
        type: 'object', required: ['strategy', 'reason', 'rejected'],
        properties: {
          strategy: str, meetsTargets: { type: 'boolean' }, basis: { enum: ['total-annual-cost', 'dr-monthly-cost', 'closest'] }, reason: str,
          rejected: { type: 'array', items: { type: 'object', required: ['strategy', 'reason'], properties: { strategy: str, reason: str } } },
        },
      },
      monteCarlo: { type: 'object', properties: { samples: num, seed: num } },
      disclaimer: str,
    },
  };
}

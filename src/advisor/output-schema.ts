/**
 * JSON Schemas (draft 2020-12) of `estimate --format json` (design.md §7, schemaVersion 1, kind dr-advisor-estimate)
 * and of `check --format json` (kind dr-advisor-check, the baseline format CI scripts parse). Kept beside the Report
 * type in `types.ts` and the CheckReport type in `check.ts`; tests validate real output against both, and check that
 * every field the output has is described here, so they cannot drift apart.
 */
import { STRATEGY_IDS } from '../model/strategies';
import { workloadJsonSchema } from '../workload/template';

const num = { type: 'number' } as const;
const str = { type: 'string' } as const;
const nullableNum = { type: ['number', 'null'] } as const;
const strArray = { type: 'array', items: str } as const;
/** The tier or data store a line, phase or RPO source belongs to: present only when the workload names its parts. */
const part = { type: 'string', description: 'the compute tier or data store (its name in the workload file) this belongs to; present only when the workload lists named parts' } as const;

const lineItem = {
  type: 'object',
  required: ['component', 'region', 'service', 'usage', 'quantity', 'unit', 'unitPrice', 'monthlyCost', 'estimated', 'priceKey', 'price'],
  properties: {
    component: str, part, region: str, service: str, usage: str, quantity: num, unit: str,
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

/** A simulated time: median (the headline), percentiles, mean, and the value at the targets' confidence. */
const distribution = {
  type: 'object',
  required: ['p50', 'p90', 'p99', 'mean', 'atConfidence', 'confidence', 'pMeetsTarget'],
  properties: {
    p50: num, p90: num, p99: num, mean: num,
    atConfidence: { type: 'number', description: 'the value at `confidence`: a target is met when this is ≤ the target, i.e. P(X ≤ target) ≥ confidence' },
    confidence: num,
    pMeetsTarget: { type: ['number', 'null'], description: 'P(X ≤ target); null without a target' },
    samples: num,
  },
};

const annual = {
  type: 'object',
  required: ['drRunning', 'expectedLoss', 'failoverEvents', 'drills', 'total', 'regionChoice'],
  properties: {
    drRunning: num, expectedLoss: nullableNum, failoverEvents: num, drills: num, total: nullableNum,
    lossByScenario: { type: ['object', 'null'], properties: { region: num, az: num, corruption: num } },
    regionChoice: { enum: ['fail-over', 'wait'] },
  },
};

const violation = { type: 'object', required: ['target', 'actual', 'limit', 'message'], properties: { target: { enum: ['rto', 'rpo', 'maxMonthlyCost'] }, actual: num, limit: num, message: str } };

const strategy = {
  type: 'object',
  required: ['id', 'name', 'drMonthlyCost', 'rtoSeconds', 'rpoSeconds', 'rto', 'rpo', 'phases', 'meetsTargets', 'violations', 'expectedAnnualLoss', 'totalAnnualCost', 'annual', 'lineItems', 'assumptions'],
  properties: {
    id: str, name: str, base: { enum: [...STRATEGY_IDS] }, summary: str,
    drMonthlyCost: num,
    rtoSeconds: { type: 'number', description: 'the median (P50) of the simulated RTO' },
    rpoSeconds: { type: 'number', description: 'the median (P50) of the simulated RPO (worst data store per sample)' },
    rtoCategory: str, rpoCategory: str,
    rto: distribution,
    rpo: distribution,
    rtoTypicalSumSeconds: { type: 'number', description: 'sum of the typical values on the critical path: a reference only' },
    rpoTypicalSeconds: { type: 'number', description: 'the worst store\'s typical value: a reference only' },
    annual,
    perEvent: {
      type: 'object',
      properties: {
        runPerHour: num, failbackCost: num, failbackHours: num, pCompletes: num, expectedHours: num,
        priceKeys: { ...strArray, description: 'the price keys the per-event costs use (the full-size DR side, the re-seed transfer)' },
      },
    },
    designChange: { type: ['string', 'null'] },
    phases: { type: 'array', items: { ...timing, required: ['name', ...timing.required], properties: { name: str, label: str, branch: { enum: ['serial', 'data', 'compute'] }, part, ...timing.properties } } },
    rpoSources: { type: 'array', items: { ...timing, properties: { store: str, part, mechanism: str, ...timing.properties } } },
    meetsTargets: { type: 'boolean' },
    violations: { type: 'array', items: violation },
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
    required: ['schemaVersion', 'kind', 'generatedAt', 'currency', 'workload', 'pricing', 'primaryMonthlyCost', 'strategies', 'recommendation'],
    properties: {
      schemaVersion: { const: 1 },
      kind: { const: 'dr-advisor-estimate', description: 'tells an estimate document from a check document' },
      generatedAt: { type: 'string', format: 'date-time' },
      currency: { const: 'USD' },
      tool: { type: 'object', properties: { name: str, version: str } },
      workload: { ...workloadJsonSchema(), $schema: undefined, $id: undefined, description: 'the normalized workload, defaults filled in, in the form the file wrote (one tier and one data store, or lists of named parts)' },
      targets: { type: 'object', properties: { rtoSeconds: nullableNum, rpoSeconds: nullableNum, maxMonthlyCost: nullableNum, confidence: num } },
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
      noDr: {
        type: 'object',
        description: 'the baseline: no DR, wait regional outages out (not a strategy of the seed table)',
        required: ['id', 'drMonthlyCost', 'rtoSeconds', 'rpoSeconds', 'rto', 'rpo', 'meetsTargets', 'expectedAnnualLoss', 'totalAnnualCost', 'annual'],
        properties: {
          id: { const: 'no-dr' }, name: str, summary: str, drMonthlyCost: { const: 0 }, rtoSeconds: num, rpoSeconds: num, rto: distribution, rpo: distribution,
          meetsTargets: { type: 'boolean' }, violations: { type: 'array', items: violation }, expectedAnnualLoss: nullableNum, totalAnnualCost: nullableNum, annual, note: str,
        },
      },
      strategies: { type: 'array', items: strategy },
      variants: { type: 'array', items: strategy, description: 'variants of the base strategies (DRS pilot light, warm standby sizes, active-active designs)' },
      frontier: {
        type: 'array',
        items: {
          type: 'object', required: ['id', 'cost', 'rtoP90', 'rtoAtConfidence', 'pareto', 'dominatedBy', 'sameAs'],
          properties: {
            id: str, name: str, cost: num, rtoP90: num, rtoAtConfidence: { type: 'number', description: 'the frontier axis: RTO at the targets\' confidence' },
            pareto: { type: 'boolean' }, dominatedBy: { type: ['string', 'null'] }, sameAs: { type: ['string', 'null'] },
          },
        },
      },
      scenarios: {
        type: 'array',
        items: {
          type: 'object', required: ['id', 'strategies'],
          properties: {
            id: { enum: ['region-outage', 'az-outage', 'data-corruption'] }, name: str, eventsPerYear: num,
            strategies: { type: 'array', items: { type: 'object', required: ['strategy', 'rtoSeconds', 'rpoSeconds'], properties: { strategy: str, rtoSeconds: num, rpoSeconds: num, note: str } } },
          },
        },
      },
      breakEven: {
        type: 'array',
        items: { type: 'object', required: ['cheaper', 'costlier', 'downtimeCostPerHour', 'sentence'], properties: { cheaper: str, costlier: str, downtimeCostPerHour: nullableNum, sentence: str } },
      },
      recommendation: {
        type: 'object', required: ['strategy', 'base', 'reason', 'rejected', 'notDominating'],
        properties: {
          strategy: { type: 'string', description: 'a strategy id, or a drop-in variant of one' }, base: { enum: [...STRATEGY_IDS] },
          meetsTargets: { type: 'boolean' }, basis: { enum: ['total-annual-cost', 'dr-monthly-cost', 'closest'] }, reason: str,
          rejected: { type: 'array', items: { type: 'object', required: ['strategy', 'reason'], properties: { strategy: str, reason: str } } },
          notDominating: { type: 'array', description: 'why not each option that dominates the recommended one on cost and RTO', items: { type: 'object', required: ['strategy', 'reason'], properties: { strategy: str, reason: str } } },
          notes: strArray,
        },
      },
      notes: { ...strArray, description: 'findings about the figures as a whole (e.g. why the seed cost order does not hold)' },
      monteCarlo: { type: 'object', properties: { samples: num, seed: num, confidence: num } },
      disclaimer: str,
    },
  };
}

const bool = { type: 'boolean' } as const;
const nullableStr = { type: ['string', 'null'] } as const;

/** A strategy's figures in a check document (every strategy, so a later run can diff them all). */
const checkFigures = {
  type: 'object',
  required: ['id', 'name', 'drMonthlyCost', 'rtoSeconds', 'rpoSeconds', 'meetsTargets'],
  properties: { id: str, name: str, drMonthlyCost: num, rtoSeconds: num, rpoSeconds: num, meetsTargets: bool },
};

const checkBaseline = {
  description: 'the comparison with --baseline for this workload; null without --baseline',
  oneOf: [
    { type: 'null' },
    { type: 'object', required: ['status', 'message'], properties: { status: { const: 'new' }, message: str } },
    {
      type: 'object',
      required: ['status', 'strategy', 'strategyChanged', 'drMonthlyCost', 'rtoSeconds', 'rpoSeconds', 'costDelta', 'costDeltaPct', 'rtoDeltaSeconds', 'rpoDeltaSeconds', 'strategies', 'message'],
      properties: {
        status: { const: 'compared' },
        strategy: { ...str, description: 'the strategy the baseline checked for this workload' },
        strategyChanged: bool,
        drMonthlyCost: { ...num, description: 'the baseline DR cost, USD/month' },
        rtoSeconds: num, rpoSeconds: num,
        costDelta: { ...num, description: 'USD/month, now minus baseline' },
        costDeltaPct: { ...nullableNum, description: 'percent (12.5 = +12.5%); null when the baseline cost was $0' },
        rtoDeltaSeconds: num, rpoDeltaSeconds: num,
        strategies: {
          type: 'array',
          items: {
            type: 'object',
            required: ['id', 'baselineDrMonthlyCost', 'drMonthlyCost', 'costDelta', 'costDeltaPct', 'rtoDeltaSeconds', 'rpoDeltaSeconds'],
            properties: { id: str, baselineDrMonthlyCost: num, drMonthlyCost: num, costDelta: num, costDeltaPct: nullableNum, rtoDeltaSeconds: num, rpoDeltaSeconds: num },
          },
        },
        message: str,
      },
    },
  ],
};

const checkWorkload = {
  type: 'object',
  required: ['name', 'file', 'strategy', 'strategyName', 'strategySource', 'recommended', 'drMonthlyCost', 'primaryMonthlyCost', 'rtoSeconds', 'rpoSeconds', 'costEstimated', 'targets', 'pass', 'violations', 'cheaper', 'baseline', 'strategies'],
  properties: {
    name: str,
    file: { ...str, description: 'the workload file as named on the command line (after glob expansion)' },
    strategy: { enum: ['backup-restore', 'pilot-light', 'warm-standby', 'active-active'], description: 'the strategy checked' },
    strategyName: str,
    strategySource: { enum: ['flag', 'workload', 'recommended'], description: 'where the checked strategy came from: --strategy, the file, or the recommendation' },
    recommended: { ...str, description: 'the strategy estimate recommends for this workload' },
    drMonthlyCost: { ...num, description: 'USD per month of the checked strategy, on top of the primary region' },
    primaryMonthlyCost: num,
    rtoSeconds: { ...num, description: 'the median (P50) of the simulated RTO of the checked strategy' },
    rpoSeconds: { ...num, description: 'the median (P50) of the simulated RPO of the checked strategy' },
    rtoAtConfidenceSeconds: { ...num, description: 'the RTO at the targets\' confidence (P90 at 0.9): what the verdict compares with the target' },
    rpoAtConfidenceSeconds: { ...num, description: 'the RPO at the targets\' confidence: what the verdict compares with the target' },
    costEstimated: { ...bool, description: 'some line items use estimated prices' },
    targets: {
      type: 'object', required: ['rtoSeconds', 'rpoSeconds', 'maxMonthlyCost'],
      properties: { rtoSeconds: nullableNum, rpoSeconds: nullableNum, maxMonthlyCost: nullableNum, confidence: { ...num, description: 'a target is met when P(X ≤ target) reaches this' } },
    },
    pass: bool,
    violations: {
      type: 'array',
      items: {
        type: 'object', required: ['target', 'actual', 'limit', 'message'],
        properties: {
          target: { enum: ['rto', 'rpo', 'maxMonthlyCost', 'maxIncrease'] },
          actual: { ...nullableNum, description: 'seconds for rto/rpo, USD/month for maxMonthlyCost, percent for maxIncrease (null when the baseline was $0)' },
          limit: num,
          message: str,
        },
      },
    },
    cheaper: {
      description: 'a cheaper strategy that meets the same targets (information, never a failure), or null',
      oneOf: [{ type: 'null' }, { type: 'object', required: ['strategy', 'name', 'drMonthlyCost', 'savingMonthly', 'message'], properties: { strategy: str, name: str, drMonthlyCost: num, savingMonthly: num, message: str } }],
    },
    baseline: checkBaseline,
    strategies: { type: 'array', items: checkFigures },
  },
};

/** JSON Schema of `check --format json`: the document `--baseline` reads back. */
export function checkJsonSchema(): Record<string, unknown> {
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: 'https://github.com/dr-advisor/dr-advisor/schema/check.json',
    title: 'dr-advisor check output (also the --baseline format)',
    type: 'object',
    required: ['schemaVersion', 'kind', 'generatedAt', 'currency', 'tool', 'pass', 'summary', 'strategyOverride', 'baseline', 'pricing', 'workloads'],
    properties: {
      schemaVersion: { const: 1 },
      kind: { const: 'dr-advisor-check' },
      generatedAt: { type: 'string', format: 'date-time' },
      currency: { const: 'USD' },
      tool: { type: 'object', required: ['name', 'version'], properties: { name: { const: 'dr-advisor' }, version: str } },
      pass: { ...bool, description: 'every workload passed; the exit code is 0 exactly when this is true' },
      summary: { type: 'object', required: ['workloads', 'passed', 'failed', 'new'], properties: { workloads: num, passed: num, failed: num, new: { ...num, description: 'workloads not in the baseline' } } },
      strategyOverride: { ...nullableStr, description: 'the --strategy given, or null' },
      baseline: {
        oneOf: [
          { type: 'null' },
          {
            type: 'object', required: ['file', 'maxIncreasePct', 'removed'],
            properties: {
              file: str,
              maxIncreasePct: nullableNum,
              removed: { type: 'array', description: 'workloads in the baseline but not checked now', items: { type: 'object', required: ['name', 'file'], properties: { name: str, file: nullableStr } } },
            },
          },
        ],
      },
      pricing: {
        type: 'object', required: ['source', 'asOf', 'oldestAsOf', 'prices', 'estimatedPrices'],
        properties: {
          source: { enum: ['snapshot', 'cache', 'live', 'bulk', 'mixed', 'none'] }, asOf: str, oldestAsOf: str,
          prices: { ...num, description: 'distinct prices the checked workloads use' },
          estimatedPrices: { ...num, description: 'how many of them are estimated (derived by a rule)' },
        },
      },
      workloads: { type: 'array', items: checkWorkload },
    },
  };
}

/**
 * The wizard's questions as a list of steps over one shared context (the create-astro shape): each step asks one
 * thing through the injected `Prompt` and writes the answer into `ctx.doc`. Choices come from the sources of truth
 * (REGIONS, DB_ENGINES, the price catalog) and every typed answer is checked by `validateWorkload` itself, so the
 * wizard cannot accept what a workload file would reject, and its messages are the file's messages.
 * Pure apart from the prompt: no I/O here.
 *
 * A workload of several parts (issue 14): the wizard asks about one tier and one data store, the first of each list
 * (its questions name the part), and keeps every other part as the file has it; the review lists them, and the saved
 * file holds them all.
 */
import { InputError } from '../errors';
import { REGIONS, regionInfo } from '../model/regions';
import { DB_ENGINES, type DbEngine } from '../model/engines';
import { workloadSchema, type ParsedWorkload } from '../workload/schema';
import { nearest } from '../text/suggest';
import { IMPLICIT_STORE } from '../workload/parts';
import { checkCatalog, normalizeWorkload, validateWorkload, type Workload } from '../workload/validate';
import { ENGINE_LABELS, NONE_WORDS, OPERATIONS, Q, text, type QuestionText } from './messages';
import { GoBack, type Prompt, type SelectQuestion, type Validate } from './prompt';

/** What the price data knows, passed in (the snapshot's catalog in the CLI). */
export interface Catalog {
  instanceTypes: readonly string[];
  dbClasses: (engine: string) => readonly string[];
}

/** A valid workload with the schema's defaults, but not yet the defaults that follow other fields (the DR region,
 * the DB class, events per year): those are derived again from the final answers, not frozen from the pre-fill. */
export type Draft = ParsedWorkload;

type TierDraft = Exclude<Draft['compute'], unknown[]>;
type StoreDraft = Exclude<Draft['database'], unknown[]>;

/** The tier the wizard asks about: the only one, or the first of the list (the others are kept as they are). */
export function tierOf(d: Draft): TierDraft {
  return Array.isArray(d.compute) ? d.compute[0] : d.compute;
}

/** The data store the wizard asks about: the only one, or the first of the list; none for an empty list. */
export function storeOf(d: Draft): StoreDraft | undefined {
  return Array.isArray(d.database) ? d.database[0] : d.database;
}

const engineOf = (d: Draft): DbEngine => storeOf(d)?.engine ?? 'none';

/** The asked part's name when the workload names its parts; empty for the single form. */
function partName(list: unknown, first: { name?: string } | undefined): string {
  return Array.isArray(list) && first?.name ? first.name : '';
}
const tierName = (d: Draft) => partName(d.compute, tierOf(d) as { name?: string });
const storeName = (d: Draft) => partName(d.database, storeOf(d) as { name?: string } | undefined);
/** ` (web)` after an answer at the review. */
const tagOf = (name: string) => (name ? ` (${name})` : '');
const tierTag = (d: Draft) => tagOf(tierName(d));
const storeTag = (d: Draft) => tagOf(storeName(d));
/** A question about the asked tier or store, naming it when the workload names its parts: `Number of app servers — web`. */
const about = (q: QuestionText, name: string): QuestionText => (name ? { ...q, message: `${q.message} — ${name}` } : q);

/** The parts the wizard does not ask about (the second tier on, the second store on), as the review lists them. */
export function otherParts(d: Draft): string[] {
  const tiers = Array.isArray(d.compute) ? d.compute.slice(1).map((t) => `${t.name}: ${t.count} × ${t.instanceType}`) : [];
  const stores = Array.isArray(d.database)
    ? d.database.slice(1).map((x) => `${x.name}: ${ENGINE_LABELS[x.engine]}, ${x.storageGb} GB`)
    : [];
  return [...tiers, ...stores];
}

export interface WizardContext {
  /** The workload so far: always valid, starting from the pre-filled one. */
  doc: Draft;
  catalog: Catalog;
}

/** Asks one question (or none) and writes the answer into `ctx.doc`; throws `GoBack` if the user goes back. */
export type StepFn = (ctx: WizardContext, prompt: Prompt) => Promise<void>;

/** A question of the wizard, as the flow runs it, the review lists it and "back" returns to it. */
export interface Step {
  id: string;
  q: QuestionText;
  ask: StepFn;
  /** The current answer, as the review lists it. */
  answer(doc: Draft): string;
  /** Whether the question applies to this draft (default: always). */
  applies?(doc: Draft): boolean;
  /** Questions asked again after this one is changed at the review, because their answers depend on it. */
  then?: readonly string[];
  /** Listed at the review only, never asked in the flow (the parts the wizard keeps as the file has them). */
  reviewOnly?: boolean;
}

/** The label validation messages are given under (stripped before they are shown). */
const SOURCE = 'wizard';

/** Defaults for questions whose field has no default in the schema. */
export const FALLBACK = { rto: '1h', rpo: '15m' } as const;

/** Validates a pre-fill document (from a file, an example or the starter) and returns it as a draft. Throws InputError. */
export function draftFrom(raw: unknown, source: string): Draft {
  validateWorkload(raw, source);
  return workloadSchema.parse(raw);
}

/** Applies a change to a copy of the draft and validates it; returns the new draft. Throws InputError. */
export function update(doc: Draft, change: (draft: Draft) => void): Draft {
  const draft = structuredClone(doc);
  change(draft);
  validateWorkload(draft, SOURCE);
  return draft;
}

/** The draft with every default filled in, as the rest of the tool sees it. */
export const view = (doc: Draft): Workload => normalizeWorkload(doc);

/** `true`, or the one-line message validation gives for this change (e.g. `compute.count must be a whole number ≥ 1 (got -2)`). */
export function check(doc: Draft, change: (draft: Draft) => void): true | string {
  try {
    update(doc, change);
    return true;
  } catch (e) {
    if (e instanceof InputError) return e.message.startsWith(`${SOURCE}: `) ? e.message.slice(SOURCE.length + 2) : e.message;
    throw e;
  }
}

/** A typed number: `1,500`, `$20000`, `2.5`. Anything else is passed on as text, so the message shows what was typed. */
export function toNumber(text: string): number | string {
  const t = text.trim().replace(/^\$/, '').replace(/,/g, '');
  return /^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(t) ? Number(t) : text.trim();
}

const isNone = (text: string): boolean => NONE_WORDS.includes(text.trim().toLowerCase());

/** Asks a typed value; `parse` turns the text into the field's value, validated by the schema. */
async function ask<V>(ctx: WizardContext, prompt: Prompt, q: QuestionText, def: string, parse: (text: string) => V, set: (d: Draft, v: V) => void): Promise<void> {
  const validate: Validate = (text) => check(ctx.doc, (d) => set(d, parse(text)));
  const answer = await prompt.input({ ...q, default: def, validate });
  ctx.doc = update(ctx.doc, (d) => set(d, parse(answer)));
}

const askNumber = (q: QuestionText, get: (w: Draft) => number, set: (d: Draft, v: number) => void): StepFn =>
  (ctx, prompt) => ask(ctx, prompt, q, String(get(ctx.doc)), toNumber, (d, v) => set(d, v as number));

/** An optional amount: `none` (the default when unset) leaves the field out. */
const askOptionalAmount = (q: QuestionText, get: (w: Draft) => number | undefined, set: (d: Draft, v: number | undefined) => void): StepFn =>
  (ctx, prompt) => {
    const cur = get(ctx.doc);
    return ask(ctx, prompt, q, cur === undefined ? 'none' : String(cur), (t) => (isNone(t) ? undefined : toNumber(t)), (d, v) => set(d, v as number | undefined));
  };

const durationText = (v: string | number | undefined, fallback: string): string => (v === undefined ? fallback : typeof v === 'number' ? `${v}s` : v);

const askDuration = (q: QuestionText, key: 'rto' | 'rpo'): StepFn =>
  (ctx, prompt) => ask(ctx, prompt, q, durationText(ctx.doc.targets[key], FALLBACK[key]), (t) => t.trim().toLowerCase(), (d, v) => {
    d.targets[key] = v;
  });

/** A name from the price catalog, searchable; a plain validated input if the catalog is empty. */
async function askCatalogName(prompt: Prompt, q: QuestionText, options: readonly string[], current: string | undefined, validate: Validate): Promise<string> {
  if (options.length === 0) return prompt.input({ ...q, default: current ?? '', validate });
  const def = current && options.includes(current) ? current : nearest(current ?? '', options, 1)[0];
  return prompt.search({ ...q, options, default: def });
}

// ---- the steps, in order ------------------------------------------------------------------------------------------

export const askName: StepFn = (ctx, prompt) => ask(ctx, prompt, Q.name, ctx.doc.name, (t) => t.trim(), (d, v) => {
  d.name = v;
});

/** Every region, searchable by code or name (type "sydney" or "ap-southeast"). */
const REGION_LABELS: Readonly<Record<string, string>> = Object.fromEntries(REGIONS.map((r) => [r.code, `${r.code.padEnd(15)} ${r.name}`]));

export const askPrimaryRegion: StepFn = async (ctx, prompt) => {
  const primary = await prompt.search({ ...Q.primaryRegion, options: REGIONS.map((r) => r.code), labels: REGION_LABELS, default: ctx.doc.regions.primary });
  ctx.doc = update(ctx.doc, (d) => {
    // A new primary drops the old DR region, so the next question offers the new primary's nearby region.
    if (d.regions.primary !== primary) delete d.regions.dr;
    d.regions.primary = primary;
    d.regions.additional = d.regions.additional.filter((r) => r !== primary);
  });
};

export const askDrRegion: StepFn = async (ctx, prompt) => {
  const { primary, dr } = view(ctx.doc).regions;
  const options = REGIONS.filter((r) => r.code !== primary).map((r) => r.code);
  const dflt = dr !== primary ? dr : regionInfo(primary)!.defaultDr;
  const picked = await prompt.search({ ...Q.drRegion, options, labels: REGION_LABELS, default: dflt });
  ctx.doc = update(ctx.doc, (d) => {
    d.regions.dr = picked;
    d.regions.additional = d.regions.additional.filter((r) => r !== picked);
  });
};

export const askInstanceType: StepFn = async (ctx, prompt) => {
  const set = (d: Draft, v: string) => {
    tierOf(d).instanceType = v.trim();
  };
  const q = about(Q.instanceType, tierName(ctx.doc));
  const v = await askCatalogName(prompt, q, ctx.catalog.instanceTypes, tierOf(ctx.doc).instanceType, (t) => check(ctx.doc, (d) => set(d, t)));
  ctx.doc = update(ctx.doc, (d) => set(d, v));
};

export const askCount: StepFn = (ctx, prompt) =>
  askNumber(about(Q.count, tierName(ctx.doc)), (w) => tierOf(w).count, (d, v) => {
    tierOf(d).count = v;
  })(ctx, prompt);

export const askEngine: StepFn = async (ctx, prompt) => {
  const list = Array.isArray(ctx.doc.database) ? ctx.doc.database : undefined;
  // In a list, a store has an engine: `none` is offered only to drop the list's only store.
  const engines = list && list.length > 1 ? DB_ENGINES.filter((e) => e !== 'none') : DB_ENGINES;
  const choices = engines.map((e) => ({ value: e, name: ENGINE_LABELS[e] }));
  const engine = await prompt.select<DbEngine>({ ...about(Q.engine, storeName(ctx.doc)), choices, default: engineOf(ctx.doc) });
  ctx.doc = update(ctx.doc, (d) => {
    if (Array.isArray(d.database)) {
      if (engine === 'none') {
        d.database = [];
        return;
      }
      if (d.database.length === 0) d.database = [{ name: IMPLICIT_STORE, engine, storageGb: 100, multiAz: false, writesPerSecond: 0, readsPerSecond: 0 }];
    }
    const store = storeOf(d)!;
    store.engine = engine as StoreDraft['engine'];
    // The class is kept only if it exists for the new engine; otherwise validation fills the engine's default.
    const cls = store.instanceClass;
    if (engine === 'dynamodb' || engine === 'none' || (cls && !ctx.catalog.dbClasses(engine).includes(cls) && ctx.catalog.dbClasses(engine).length)) {
      delete store.instanceClass;
    }
  });
};

const isRelational = (doc: Draft) => engineOf(doc) !== 'none' && engineOf(doc) !== 'dynamodb';
const isDynamo = (doc: Draft) => engineOf(doc) === 'dynamodb';

/** The asked store's instance class (RDS/Aurora only). */
export const askDbClass: StepFn = async (ctx, prompt) => {
  const engine = engineOf(ctx.doc);
  const set = (d: Draft, v: string) => {
    storeOf(d)!.instanceClass = v.trim();
  };
  const q = about(Q.instanceClass, storeName(ctx.doc));
  const cls = await askCatalogName(prompt, q, ctx.catalog.dbClasses(engine), view(ctx.doc).stores[0]?.instanceClass, (t) => check(ctx.doc, (d) => set(d, t)));
  ctx.doc = update(ctx.doc, (d) => set(d, cls));
};

/** A number of the asked store. */
const askStoreNumber = (q: QuestionText, key: 'storageGb' | 'writesPerSecond' | 'readsPerSecond'): StepFn =>
  (ctx, prompt) =>
    askNumber(about(q, storeName(ctx.doc)), (w) => storeOf(w)![key], (d, v) => {
      storeOf(d)![key] = v;
    })(ctx, prompt);

export const askStorageGb: StepFn = askStoreNumber(Q.storageGb, 'storageGb');
export const askWrites: StepFn = askStoreNumber(Q.writesPerSecond, 'writesPerSecond');
export const askReads: StepFn = askStoreNumber(Q.readsPerSecond, 'readsPerSecond');

/** The review's line for the parts the wizard does not ask about: picking it changes nothing (edit the file for them). */
const keepOthers: StepFn = async () => {};

export const askObjectStorage: StepFn = askNumber(Q.objectStorageGb, (w) => w.objectStorage.storageGb, (d, v) => {
  d.objectStorage.storageGb = v;
});

export const askDataChange: StepFn = askNumber(Q.dataChangeGbPerDay, (w) => w.dataChangeGbPerDay, (d, v) => {
  d.dataChangeGbPerDay = v;
});

export const askOperations: StepFn = async (ctx, prompt) => {
  const { detection, failoverDecision } = ctx.doc.operations;
  const key = (o: { detection: string; failoverDecision: string }) => `${o.detection}/${o.failoverDecision}`;
  const current = key({ detection, failoverDecision });
  // The fourth pairing (manual detection, automated decision) is offered only when the pre-filled file has it.
  const offered = OPERATIONS.filter((o, i) => i < 3 || key(o) === current);
  const picked = await prompt.select({ ...Q.operations, choices: offered.map((o) => ({ value: key(o), name: o.name })), default: current });
  const op = OPERATIONS.find((o) => key(o) === picked)!;
  ctx.doc = update(ctx.doc, (d) => {
    d.operations.detection = op.detection;
    d.operations.failoverDecision = op.failoverDecision;
  });
};

export const askRto: StepFn = askDuration(Q.rto, 'rto');
export const askRpo: StepFn = askDuration(Q.rpo, 'rpo');

export const askBudget: StepFn = askOptionalAmount(Q.maxMonthlyCost, (w) => w.targets.maxMonthlyCost, (d, v) => {
  if (v === undefined) delete d.targets.maxMonthlyCost;
  else d.targets.maxMonthlyCost = v;
});

export const askDowntimeCost: StepFn = askOptionalAmount(Q.downtimeCostPerHour, (w) => w.business.downtimeCostPerHour, (d, v) => {
  if (v === undefined) delete d.business.downtimeCostPerHour;
  else d.business.downtimeCostPerHour = v;
});

const amountText = (v: number | undefined): string => (v === undefined ? 'none' : String(v));
const operationsName = (doc: Draft): string =>
  OPERATIONS.find((o) => o.detection === doc.operations.detection && o.failoverDecision === doc.operations.failoverDecision)?.name ??
  `${doc.operations.detection} detection, ${doc.operations.failoverDecision} decision`;

export const STEPS: readonly Step[] = [
  { id: 'name', q: Q.name, ask: askName, answer: (d) => d.name },
  { id: 'primaryRegion', q: Q.primaryRegion, ask: askPrimaryRegion, answer: (d) => d.regions.primary, then: ['drRegion'] },
  { id: 'drRegion', q: Q.drRegion, ask: askDrRegion, answer: (d) => view(d).regions.dr },
  { id: 'instanceType', q: Q.instanceType, ask: askInstanceType, answer: (d) => `${tierOf(d).instanceType}${tierTag(d)}` },
  { id: 'count', q: Q.count, ask: askCount, answer: (d) => `${tierOf(d).count}${tierTag(d)}` },
  { id: 'engine', q: Q.engine, ask: askEngine, answer: (d) => `${ENGINE_LABELS[engineOf(d)]}${storeTag(d)}`, then: ['instanceClass', 'storageGb', 'writesPerSecond', 'readsPerSecond'] },
  { id: 'instanceClass', q: Q.instanceClass, ask: askDbClass, answer: (d) => `${view(d).stores[0]?.instanceClass ?? ''}${storeTag(d)}`, applies: isRelational },
  { id: 'storageGb', q: Q.storageGb, ask: askStorageGb, answer: (d) => `${storeOf(d)!.storageGb}${storeTag(d)}`, applies: (d) => engineOf(d) !== 'none' },
  { id: 'writesPerSecond', q: Q.writesPerSecond, ask: askWrites, answer: (d) => `${storeOf(d)!.writesPerSecond}${storeTag(d)}`, applies: isDynamo },
  { id: 'readsPerSecond', q: Q.readsPerSecond, ask: askReads, answer: (d) => `${storeOf(d)!.readsPerSecond}${storeTag(d)}`, applies: isDynamo },
  { id: 'otherParts', q: Q.otherParts, ask: keepOthers, answer: (d) => otherParts(d).join('; '), applies: (d) => otherParts(d).length > 0, reviewOnly: true },
  { id: 'objectStorageGb', q: Q.objectStorageGb, ask: askObjectStorage, answer: (d) => String(d.objectStorage.storageGb) },
  { id: 'dataChangeGbPerDay', q: Q.dataChangeGbPerDay, ask: askDataChange, answer: (d) => String(d.dataChangeGbPerDay) },
  { id: 'operations', q: Q.operations, ask: askOperations, answer: operationsName },
  { id: 'rto', q: Q.rto, ask: askRto, answer: (d) => durationText(d.targets.rto, FALLBACK.rto) },
  { id: 'rpo', q: Q.rpo, ask: askRpo, answer: (d) => durationText(d.targets.rpo, FALLBACK.rpo) },
  { id: 'maxMonthlyCost', q: Q.maxMonthlyCost, ask: askBudget, answer: (d) => amountText(d.targets.maxMonthlyCost) },
  { id: 'downtimeCostPerHour', q: Q.downtimeCostPerHour, ask: askDowntimeCost, answer: (d) => amountText(d.business.downtimeCostPerHour) },
];

const applies = (step: Step, doc: Draft): boolean => step.applies?.(doc) ?? true;

/** The review's "no change" choice. */
export const REVIEW_DONE = '';

/** The review question: every answer listed, Enter prices them, picking one asks it again. */
export function reviewQuestion(doc: Draft, steps: readonly Step[] = STEPS): SelectQuestion<string> {
  const choices = [
    { value: REVIEW_DONE, name: text.reviewDone, short: 'No' },
    ...steps.filter((s) => applies(s, doc)).map((s) => ({ value: s.id, name: `${s.q.message}: ${s.answer(doc)}`, short: s.q.message })),
  ];
  return { ...Q.review, choices, default: REVIEW_DONE, pageSize: choices.length };
}

/**
 * Asks the questions in order. `GoBack` (Esc) at a question returns to the previous question that was asked (the
 * answers so far stay as defaults); at the first question it asks it again.
 */
async function askInOrder(ctx: WizardContext, prompt: Prompt, steps: readonly Step[]): Promise<void> {
  const asked: number[] = [];
  let i = 0;
  while (i < steps.length) {
    const step = steps[i];
    if (!applies(step, ctx.doc) || step.reviewOnly) {
      i++;
      continue;
    }
    try {
      await step.ask(ctx, prompt);
      asked.push(i);
      i++;
    } catch (e) {
      if (!(e instanceof GoBack)) throw e;
      if (asked.length) i = asked.pop()!;
    }
  }
}

/** The review before pricing: until the user keeps every answer, re-asks the one picked (and those that depend on it). */
async function review(ctx: WizardContext, prompt: Prompt, steps: readonly Step[]): Promise<void> {
  for (;;) {
    let pick: string;
    try {
      pick = await prompt.select(reviewQuestion(ctx.doc, steps));
    } catch (e) {
      if (!(e instanceof GoBack)) throw e;
      // Back from the review: the last question asked.
      pick = [...steps].reverse().find((s) => applies(s, ctx.doc) && !s.reviewOnly)!.id;
    }
    if (pick === REVIEW_DONE) return;
    const first = steps.find((s) => s.id === pick)!;
    const again = [first, ...(first.then ?? []).map((id) => steps.find((s) => s.id === id)!)];
    try {
      for (const step of again) if (applies(step, ctx.doc)) await step.ask(ctx, prompt);
    } catch (e) {
      if (!(e instanceof GoBack)) throw e;
    }
  }
}

/** Runs every step, then the review, and returns the workload, checked against the schema and the price catalog. */
export async function askWorkload(start: Draft, catalog: Catalog, prompt: Prompt, opts: { steps?: readonly Step[]; review?: boolean } = {}): Promise<Workload> {
  const steps = opts.steps ?? STEPS;
  const ctx: WizardContext = { doc: update(start, () => {}), catalog };
  await askInOrder(ctx, prompt, steps);
  if (opts.review ?? true) await review(ctx, prompt, steps);
  const w = validateWorkload(ctx.doc, SOURCE);
  checkCatalog(w, catalog);
  return w;
}

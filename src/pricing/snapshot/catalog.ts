/**
 * The bundled snapshot `data/price-snapshot.json` (built by `scripts/build-snapshot.mjs` from real AWS price data, see
 * `scripts/sources/README.md`), read once, and what it knows: instance types and DB classes for input validation,
 * dates, counts and sources for `pricing status`.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { PricingError } from '../../errors';
import { decodeSnapshotText, snapshotCatalog, type Snapshot, type SnapshotSource } from './format';

let cached: Snapshot | undefined;

/** Where the bundled file is: `dist/*.js` → `../data/`, `src/pricing/snapshot/*.ts` (tests) → `../../../data/`. */
function snapshotPath(): string {
  const candidates = ['../data/price-snapshot.json', '../../../data/price-snapshot.json'];
  for (const rel of candidates) {
    const path = fileURLToPath(new URL(rel, import.meta.url));
    if (existsSync(path)) return path;
  }
  throw new PricingError(`the bundled price snapshot (data/price-snapshot.json) is missing from this installation`);
}

/** The bundled snapshot, decoded once per process. */
export function loadSnapshot(): Snapshot {
  if (cached) return cached;
  const path = snapshotPath();
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    throw new PricingError(`the bundled price snapshot ${path} cannot be read: ${(err as Error).message}`);
  }
  cached = decodeSnapshotText(text, `the bundled price snapshot ${path}`);
  return cached;
}

/** Every EC2 instance type the snapshot prices (in at least one region), sorted. */
export function knownInstanceTypes(snapshot: Snapshot = loadSnapshot()): string[] {
  return [...snapshotCatalog(snapshot).instanceTypes];
}

/** Every instance class the snapshot prices for an engine (aurora-mysql, aurora-postgresql, mysql, postgres), sorted. */
export function knownDbInstanceClasses(engine: string, snapshot: Snapshot = loadSnapshot()): string[] {
  const classes = snapshotCatalog(snapshot).dbInstanceClasses;
  return Object.hasOwn(classes, engine) ? [...classes[engine]] : [];
}

export interface SnapshotInfo {
  /** Newest data date among the exact (not estimated) entries. */
  asOf: string;
  /** The day the snapshot was built from its sources. */
  builtOn?: string;
  /** Estimated entries by rule id. */
  estimatedByRule: Record<string, number>;
  /** Number of entries. */
  entries: number;
  /** Number of entries derived by a rule or from [S]/[M] values. */
  estimatedEntries: number;
  sources: Array<SnapshotSource & { id: string; entries: number }>;
}

export function snapshotInfo(snapshot: Snapshot = loadSnapshot()): SnapshotInfo {
  const counts = new Map<string, number>();
  let estimated = 0;
  const byRule: Record<string, number> = {};
  for (const e of Object.values(snapshot.entries)) {
    counts.set(e.source, (counts.get(e.source) ?? 0) + 1);
    if (e.estimated) {
      estimated++;
      byRule[e.rule ?? 'estimated'] = (byRule[e.rule ?? 'estimated'] ?? 0) + 1;
    }
  }
  return {
    asOf: snapshot.asOf,
    ...(snapshot.builtOn ? { builtOn: snapshot.builtOn } : {}),
    estimatedByRule: Object.fromEntries(Object.keys(byRule).sort().map((r) => [r, byRule[r]])),
    entries: Object.keys(snapshot.entries).length,
    estimatedEntries: estimated,
    sources: Object.keys(snapshot.sources)
      .sort()
      .map((id) => ({ id, ...snapshot.sources[id], entries: counts.get(id) ?? 0 })),
  };
}

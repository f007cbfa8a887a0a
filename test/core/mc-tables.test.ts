/**
 * The precomputed Monte Carlo tables (issue 17): data/mc-tables.bin is what scripts/mc-tables.mjs writes from the
 * current code, defaults and examples; a table is taken from it only for its exact parameters; bad bytes are ignored.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { betaQuantiles, builtTables, computeBetaQuantiles, computeLognormalTable, lognormalTable, usePrecomputedTables } from '../../src/recovery/tables';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const FILE = `${ROOT}data/mc-tables.bin`;

function sameBits(a: Float64Array, b: Float64Array): boolean {
  return a.length === b.length && a.every((x, i) => Object.is(x, b[i]));
}

/** The file's index: [memo key, exact parameters] per table. */
function indexOf(bytes: Buffer): [string, number[]][] {
  return JSON.parse(bytes.subarray(4, 4 + bytes.readUInt32LE(0)).toString('utf8'));
}

describe('data/mc-tables.bin', () => {
  it('gives a table for its exact parameters, bitwise the one built, and builds it for others with the same key', () => {
    const bytes = readFileSync(FILE);
    const index = indexOf(bytes);
    const betas = index.filter(([k]) => k.startsWith('b'));
    const lognormal = index.find(([k]) => k.startsWith('l'))!;
    expect(betas.length).toBeGreaterThan(10);
    expect(usePrecomputedTables(bytes)).toBe(true);
    const before = builtTables.length;
    // Taken from the file: nothing built.
    const [, [alpha, beta]] = betas[0];
    expect(sameBits(betaQuantiles(alpha, beta), computeBetaQuantiles(alpha, beta))).toBe(true);
    expect(sameBits(lognormalTable(lognormal[1][0]), computeLognormalTable(lognormal[1][0]))).toBe(true);
    expect(builtTables.length).toBe(before);
    // The same memo key (9 decimals) from other parameters: built from those, as without the file.
    const [, [a2, b2]] = betas[1];
    const q = betaQuantiles(a2 + 1e-12, b2);
    expect(builtTables.length).toBe(before + 1);
    expect(sameBits(q, computeBetaQuantiles(a2 + 1e-12, b2))).toBe(true);
  });

  it('refuses bytes that are not a table file', () => {
    expect(usePrecomputedTables(new Uint8Array([1, 2, 3]))).toBe(false);
    expect(usePrecomputedTables(new Uint8Array(16))).toBe(false);
    const good = readFileSync(FILE);
    expect(usePrecomputedTables(good.subarray(0, good.length - 8))).toBe(false);
  });

  it('is up to date with the code, the default assumptions and the examples (else: node scripts/mc-tables.mjs)', () => {
    const r = spawnSync(process.execPath, [`${ROOT}scripts/mc-tables.mjs`, '--check'], { encoding: 'utf8', timeout: 60_000 });
    expect(r.stdout).toContain('data/mc-tables.bin is up to date');
    expect(r.status).toBe(0);
  });
});

/**
 * The validator generated from the workload schema (validator-gen.ts): `fastParse(doc)` is what zod's parse returns
 * for a document the schema accepts, and undefined otherwise (validate.ts then runs zod, for the message).
 *
 * From source (tests) the code is generated and compiled here, at load. The bundle does not: scripts/build.mjs
 * generates it at build time and puts it in place of this module, so a run never builds the zod schema for a valid
 * document, nor loads zod.
 */
import * as rules from './rules';
import type { ParsedWorkload } from './schema';
import { validatorSource } from './validator-gen';

export const fastParse: (doc: unknown) => ParsedWorkload | undefined = new Function('rules', validatorSource())(rules);

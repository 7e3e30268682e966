/**
 * The dataset's closed vocabularies as zod enums, for the dataset schema. The
 * lists themselves live in vocabulary.ts, which the message contract uses
 * without pulling the dataset's schema library into every page.
 */
import './zod-setup';
import { z } from 'zod';
import { ENTITY_IDS, LANGS, VERDICTS } from './vocabulary';

export { ENTITY_IDS, VERDICTS };
export const EntityId = z.enum(ENTITY_IDS);
export type EntityId = z.infer<typeof EntityId>;

export const Lang = z.enum(LANGS);
export type Lang = z.infer<typeof Lang>;

export const Verdict = z.enum(VERDICTS);
export type Verdict = z.infer<typeof Verdict>;

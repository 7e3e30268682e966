/**
 * The dataset's closed vocabularies, apart from the rest of the schema so that
 * the content script's message contract can use them without building every
 * dataset schema at start-up.
 */
import '../shared/zod-setup';
import { z } from 'zod';

export const ENTITY_IDS = ['eo-14409', 'claude-mythos', 'project-glasswing'] as const;
export const EntityId = z.enum(ENTITY_IDS);
export type EntityId = z.infer<typeof EntityId>;

export const Lang = z.enum(['en', 'zh']);
export type Lang = z.infer<typeof Lang>;

/** ClaimReview-compatible verdicts, worst first. */
export const VERDICTS = ['false', 'misleading', 'outdated', 'disputed', 'unsupported'] as const;
export const Verdict = z.enum(VERDICTS);
export type Verdict = z.infer<typeof Verdict>;

/**
 * The dataset's closed vocabularies as plain lists, without zod: the message
 * contract (shared with the content script, which must start fast) builds its
 * own small schemas from them, while the dataset schema builds its enums in
 * ids.ts.
 */
export const ENTITY_IDS = ['eo-14409', 'claude-mythos', 'project-glasswing'] as const;
export type EntityId = (typeof ENTITY_IDS)[number];

export const LANGS = ['en', 'zh'] as const;
export type Lang = (typeof LANGS)[number];

/** How well a fact is sourced (the rules: schema.ts, FactStatus; src/data/README.md). */
export const FACT_STATUSES = ['verified', 'single-source', 'disputed', 'unconfirmed'] as const;
export type FactStatus = (typeof FACT_STATUSES)[number];

/** ClaimReview-compatible verdicts, worst first. */
export const VERDICTS = ['false', 'misleading', 'outdated', 'disputed', 'unsupported'] as const;
export type Verdict = (typeof VERDICTS)[number];

/**
 * Limits of the `claims.check` message (messages.ts), in a module of their own so the content script can
 * read them without loading the contract's zod schemas.
 */

/** Longest paragraph sent for a claim check (longer ones are checked in the page, as before). */
export const CLAIMS_CHECK_TEXT_MAX = 20_000;
/** Most paragraphs in one claim-check message. */
export const CLAIMS_CHECK_BATCH_MAX = 100;

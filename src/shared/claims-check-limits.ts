/**
 * Limits and shapes of the `claims.check` message (messages.ts), in a module of their own so the content script
 * can check replies by hand without loading the contract's zod schemas.
 */

/** Longest paragraph sent for a claim check (longer ones are checked in the page, as before). */
export const CLAIMS_CHECK_TEXT_MAX = 20_000;
/** Most paragraphs in one claim-check message. */
export const CLAIMS_CHECK_BATCH_MAX = 100;
/** A calendar day as the message carries it (a page's date, a claim's `trueUntil`). */
export const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

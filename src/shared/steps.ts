/**
 * Work that can pause: a generator that yields between units (one claim check on one sentence),
 * so a caller on the page's main thread can give the thread back when its slice is spent and
 * resume later (issue 16: the first sentence with a mention on a cold page compiled the claim
 * checker's regexes in one 70–110 ms task). Callers off the page run it to the end at once.
 */
import type { MentionHit } from './scan-matcher';

export type Steps<T> = Generator<StepSignal, T, void>;

/**
 * What a step may yield: nothing (a pause point), or a NeedsClaimTables signal, when the next step needs the claim
 * tables a lazily loaded matcher has not loaded yet (the caller loads them, Matcher.loadClaims, then resumes).
 */
export const NEEDS_CLAIM_TABLES = 'needs-claim-tables';

export interface NeedsClaimTables {
  readonly kind: typeof NEEDS_CLAIM_TABLES;
  /**
   * The paragraph's mentions, known before any claim is checked: a caller on the page records them at once and
   * goes on scanning while the tables load (the next paragraph's context depends on mentions only), then adds
   * the claims when the steps finish.
   */
  readonly mentions: readonly MentionHit[];
}

export type StepSignal = void | NeedsClaimTables;

export const needsClaimTables = (signal: StepSignal): signal is NeedsClaimTables => signal?.kind === NEEDS_CLAIM_TABLES;

/** Runs the steps to the end and returns their result (the tables they need must be there already). */
export function drain<T>(steps: Steps<T>): T {
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
    if (needsClaimTables(next.value)) throw new Error('claim tables not loaded: use paragraphSteps and Matcher.loadClaims');
  }
}

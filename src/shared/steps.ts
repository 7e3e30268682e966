/**
 * Work that can pause: a generator that yields between units (one claim check on one sentence),
 * so a caller on the page's main thread can give the thread back when its slice is spent and
 * resume later (issue 16: the first sentence with a mention on a cold page compiled the claim
 * checker's regexes in one 70–110 ms task). Callers off the page run it to the end at once.
 */
export type Steps<T> = Generator<StepSignal, T, void>;

/**
 * What a step may yield: nothing (a pause point), or NEEDS_CLAIM_TABLES, when the next step needs the claim tables
 * a lazily loaded matcher has not loaded yet (the caller loads them, Matcher.loadClaims, then resumes).
 */
export const NEEDS_CLAIM_TABLES = 'needs-claim-tables';
export type StepSignal = void | typeof NEEDS_CLAIM_TABLES;

/** Runs the steps to the end and returns their result (the tables they need must be there already). */
export function drain<T>(steps: Steps<T>): T {
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
    if (next.value === NEEDS_CLAIM_TABLES) throw new Error('claim tables not loaded: use paragraphSteps and Matcher.loadClaims');
  }
}

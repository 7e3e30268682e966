/**
 * Work that can pause: a generator that yields between units (one claim check on one sentence),
 * so a caller on the page's main thread can give the thread back when its slice is spent and
 * resume later (issue 16: the first sentence with a mention on a cold page compiled the claim
 * checker's regexes in one 70–110 ms task). Callers off the page run it to the end at once.
 */
export type Steps<T> = Generator<void, T, void>;

/** Runs the steps to the end and returns their result. */
export function drain<T>(steps: Steps<T>): T {
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
  }
}

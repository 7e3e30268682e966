/**
 * Gives the main thread back to the page between scan slices. Until the page
 * has loaded, a MessageChannel post (first in, first out: the page's own
 * queued tasks, its load event among them, run before our next slice; it also
 * avoids the 4 ms clamp of nested setTimeout(0)). Once loaded, `scheduler.yield`
 * (Chrome 129+), which resumes ahead of other queued tasks, so a scan finishes
 * sooner without blocking input. The middle ground of issue 16: with
 * scheduler.yield() throughout, the 200k page's `load` came ~230 ms later than
 * with FIFO yields, while FIFO throughout lets a busy page starve the scan.
 */

/** Work per slice, in ms: well under a 16 ms frame and far from the 50 ms long-task line. */
export const SLICE_BUDGET_MS = 8;

/**
 * How long a slice may run on inside a paragraph's steps before they pause (page-index.ts). The walk's budget is for
 * cheap steps (a node, a paragraph without a mention); a paragraph's steps on a cold page run cold code and compile
 * regexes (the page-wide claims' patterns, sentence splitting), and a pause is a trip through the page's task queue,
 * so they run a little longer first: 10 ms, plus at most one step, keeps a slice near the 16 ms frame (it was 16,
 * when claims were checked on the page: slices then reached 16 ms plus a step).
 */
export const PARAGRAPH_BUDGET_MS = 10;

type SchedulerWithYield = { yield?: () => Promise<void> };

/** `doc`: the page whose load comes first (the content script's document by default). */
export function yieldToPage(doc: Document | undefined = globalThis.document): Promise<void> {
  const scheduler = (globalThis as { scheduler?: SchedulerWithYield }).scheduler;
  if (typeof scheduler?.yield === 'function' && doc?.readyState === 'complete') return scheduler.yield();
  return nextTask();
}

/** Resolves in a task of its own, after the tasks already queued (a MessageChannel post: no timer clamp). */
export function nextTask(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

export interface SliceClock {
  /** Whether the slice has used its budget (or `budgetMs`, when given). */
  expired(budgetMs?: number): boolean;
  restart(): void;
}

/** A clock that says when the current slice has used its budget. */
export function sliceClock(budgetMs = SLICE_BUDGET_MS): SliceClock {
  let sliceStart = performance.now();
  return {
    expired: (budget = budgetMs) => performance.now() - sliceStart > budget,
    restart: () => {
      sliceStart = performance.now();
    },
  };
}

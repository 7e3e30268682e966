/**
 * Gives the main thread back to the page between scan slices. `scheduler.yield`
 * (Chrome 129+) resumes ahead of other queued tasks, so a scan finishes sooner
 * without blocking input; elsewhere a MessageChannel post avoids the 4 ms
 * clamp that nested setTimeout(0) calls get.
 */

/** Work per slice, in ms: well under a 16 ms frame and far from the 50 ms long-task line. */
export const SLICE_BUDGET_MS = 8;

type SchedulerWithYield = { yield?: () => Promise<void> };

export function yieldToPage(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: SchedulerWithYield }).scheduler;
  if (typeof scheduler?.yield === 'function') return scheduler.yield();
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

/** A clock that says when the current slice has used its budget. */
export function sliceClock(budgetMs = SLICE_BUDGET_MS) {
  let sliceStart = performance.now();
  return {
    expired: () => performance.now() - sliceStart > budgetMs,
    restart: () => {
      sliceStart = performance.now();
    },
  };
}

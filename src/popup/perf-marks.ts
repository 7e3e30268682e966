/**
 * User Timing entries the end-to-end run reads to report the popup's speed:
 * `frontier-facts:popup-ready` when the first results are in the DOM (time
 * since navigation start = its startTime) and one `frontier-facts:search`
 * measure per query, from the keystroke to its results in the DOM (`detail.results`
 * is -1 when the query was too short to send).
 */
export const POPUP_READY = 'frontier-facts:popup-ready';
export const SEARCH_MEASURE = 'frontier-facts:search';

let ready = false;

export function markPopupReady(perf: Performance = performance): void {
  if (ready) return;
  ready = true;
  perf.mark(POPUP_READY);
}

/** `replyMs`: the part spent waiting for the background; the rest is rendering. */
export function measureSearch(
  { startedAt, repliedAt, query }: { startedAt: number; repliedAt: number; query: string },
  results: number,
  perf: Performance = performance,
): void {
  try {
    const replyMs = repliedAt ? Math.round((repliedAt - startedAt) * 10) / 10 : 0;
    perf.measure(SEARCH_MEASURE, { start: startedAt, end: perf.now(), detail: { query, results, replyMs } });
  } catch {
    // An engine without measure options: the timing is diagnostics only, never worth an error.
  }
}

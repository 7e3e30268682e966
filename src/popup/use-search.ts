/**
 * Search as you type. Each keystroke asks the background at once (no
 * debounce: a query costs a few ms); replies that arrive after a newer
 * keystroke are dropped, so results never flicker back to an older query.
 */
import { useCallback, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { SearchResult } from '../shared/views';
import type { UiApi } from '../ui/api';
import { measureSearch } from './perf-marks';
import { isSearchable } from './search-query';

export interface SearchState {
  /** The trimmed query the results belong to ('' = no search). */
  query: string;
  results: SearchResult[];
  failed: boolean;
  /** True when the query was too short to send (see search-query.ts). */
  tooShort: boolean;
  /** performance.now() of the keystroke, for the timing measure. */
  startedAt: number;
  /** performance.now() when the background's reply arrived (0 if none was sent). */
  repliedAt: number;
}

const IDLE: SearchState = { query: '', results: [], failed: false, tooShort: false, startedAt: 0, repliedAt: 0 };

export function useSearch(api: UiApi) {
  const [state, setState] = useState<SearchState>(IDLE);
  const latest = useRef(0);

  const run = useCallback(
    (raw: string, startedAt: number = performance.now()) => {
      const query = raw.trim();
      const ticket = ++latest.current;
      if (!query) {
        setState(IDLE);
        return;
      }
      if (!isSearchable(query)) {
        setState({ ...IDLE, query, tooShort: true, startedAt });
        return;
      }
      void api.search(query).then((result) => {
        if (ticket !== latest.current) return;
        setState({
          query,
          results: result.ok ? result.value : [],
          failed: !result.ok,
          tooShort: false,
          startedAt,
          repliedAt: performance.now(),
        });
      });
    },
    [api],
  );

  // Layout effect: runs right after the results are in the DOM, which is what the measure claims.
  useLayoutEffect(() => {
    if (state.query) {
      measureSearch(state, state.tooShort ? -1 : state.results.length);
    }
  }, [state]);

  return { state, run };
}

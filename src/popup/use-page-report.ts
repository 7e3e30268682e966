/**
 * The described tab's page report, kept fresh while the popup is open: the
 * content script rescans dynamic pages and applies setting changes on its own,
 * and there is no push channel from it to the popup, so the popup polls the
 * (small) report and re-renders only when it changed.
 */
import { useCallback, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { UiApi } from '../ui/api';
import type { ReportFetch } from './page-state';

/** Fast enough that a switched site looks instant, slow enough to cost nothing. */
export const POLL_MS = 400;

export function usePageReport(api: UiApi, findTab: () => Promise<number | null>): { report: ReportFetch; refresh: () => void } {
  const [report, setReport] = useState<ReportFetch>({ status: 'loading' });
  const refreshRef = useRef<() => void>(() => undefined);

  // A layout effect, not useEffect: Preact runs effects after the next frame (or a 35 ms
  // timeout when no frame comes), which would delay every first request by that much.
  useLayoutEffect(() => {
    let live = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let inFlight = false;
    let again = false;
    let last = '';
    const tab = findTab().catch(() => null);
    // One request at a time: a refresh during a poll runs right after it instead of beside it.
    const poll = async () => {
      if (inFlight) {
        again = true;
        return;
      }
      inFlight = true;
      clearTimeout(timer);
      const tabId = await tab;
      const result = tabId === null ? null : await api.pageReport(tabId);
      inFlight = false;
      if (!live) return;
      const next: ReportFetch = tabId !== null && result?.ok ? { status: 'ok', tabId, report: result.value } : { status: 'none' };
      const key = JSON.stringify(next);
      if (key !== last) {
        last = key;
        setReport(next);
      }
      // No tab to describe: nothing will change while the popup is open.
      if (tabId === null) return;
      if (again) {
        again = false;
        void poll();
      } else {
        timer = setTimeout(() => void poll(), POLL_MS);
      }
    };
    refreshRef.current = () => void poll();
    void poll();
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [api, findTab]);

  const refresh = useCallback(() => refreshRef.current(), []);
  return { report, refresh };
}

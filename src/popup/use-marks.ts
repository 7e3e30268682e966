/**
 * The "Show marks on this page" switch: asks the tab whether its marks are
 * shown, and hides or shows them in every frame (for this page view only,
 * like Hypothesis's highlight toggle; the keyboard command does the same).
 */
import { useCallback, useLayoutEffect, useState } from 'preact/hooks';
import type { UiApi } from '../ui/api';

export interface MarksSwitch {
  shown: boolean;
  set: (shown: boolean) => void;
}

/** Null while there is no tab with a running content script to ask. */
export function useMarks(api: UiApi, tabId: number | null): MarksSwitch | null {
  const [shown, setShown] = useState<boolean | null>(null);
  useLayoutEffect(() => {
    if (tabId === null) return;
    let live = true;
    void api.marks(tabId).then((r) => live && setShown(r.ok ? r.value : null));
    return () => {
      live = false;
    };
  }, [api, tabId]);
  const set = useCallback(
    (next: boolean) => {
      if (tabId === null) return;
      setShown(next);
      void api.marks(tabId, next ? 'show' : 'hide').then((r) => r.ok && setShown(r.value));
    },
    [api, tabId],
  );
  return tabId === null || shown === null ? null : { shown, set };
}

/** The toolbar badge: mentions on the tab, red when a misclaim is flagged, nothing when zero. */
import type { Action } from 'webextension-polyfill';

const MENTION_COLOR = '#1d4ed8';
const FLAGGED_COLOR = '#b91c1c';

export function createBadge(action: Action.Static) {
  return (tabId: number, { mentions, flagged }: { mentions: number; flagged: number }) => {
    const text = mentions === 0 ? '' : mentions > 999 ? '999+' : String(mentions);
    // A closed tab rejects; there is nothing to show it on, so the error is dropped.
    action.setBadgeText({ tabId, text }).catch(() => undefined);
    if (text) action.setBadgeBackgroundColor({ tabId, color: flagged > 0 ? FLAGGED_COLOR : MENTION_COLOR }).catch(() => undefined);
  };
}

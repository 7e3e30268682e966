/**
 * Which tab the popup describes. As a toolbar popup: the active tab. Opened as
 * a tab itself (the card's "More" fallback, the end-to-end tests), the popup
 * page is the active tab, so the opener passes `?tab=<id>`; it is used only
 * when present.
 */
export function tabFromQuery(search: string): number | null {
  const raw = new URLSearchParams(search).get('tab');
  if (raw === null || !/^\d{1,10}$/.test(raw)) return null;
  const id = Number(raw);
  return Number.isSafeInteger(id) ? id : null;
}

export function findTargetTab(search: string, activeTabId: () => Promise<number | null>): Promise<number | null> {
  const fromQuery = tabFromQuery(search);
  return fromQuery === null ? activeTabId() : Promise.resolve(fromQuery);
}

/**
 * The one door from the popup and options UIs to the rest of the extension
 * (darkreader's connector). Components receive a `UiApi` through context and
 * never touch `browser.*`, so unit tests hand them a mock instead. This module
 * is pure: the browser wiring lives in browser-platform.ts.
 */
import type { EntityId, Lang } from '../data/vocabulary';
import { createSender, type PageReport, type Result, type Send, type Transport } from '../shared/messages';
import { parseSettings, type Settings, type SettingsPatch } from '../shared/settings';
import type { CardData, ClaimView, DatasetInfo, LookupResult, SearchResult, SourceView } from '../shared/views';

export type { Lang } from '../data/vocabulary';

export interface UiApi {
  settings(): Promise<Result<Settings>>;
  updateSettings(patch: SettingsPatch): Promise<Result<Settings>>;
  /** Calls `listener` with the new settings whenever they change anywhere; returns the unsubscribe. */
  watchSettings(listener: (settings: Settings) => void): () => void;
  search(query: string): Promise<Result<SearchResult[]>>;
  /** A subject with its top facts (no claims). */
  card(entityId: EntityId): Promise<Result<CardData>>;
  claims(ids: readonly string[]): Promise<Result<ClaimView[]>>;
  sources(): Promise<Result<SourceView[]>>;
  datasetInfo(): Promise<Result<DatasetInfo>>;
  exportClaimReview(lang: Lang): Promise<Result<string>>;
  /** The active tab of the current window, or null (no tab, or it has no id). */
  activeTabId(): Promise<number | null>;
  /** The tab's page report; `ok: false` when no content script answers (browser page, PDF, store). */
  pageReport(tabId: number): Promise<Result<PageReport>>;
  /** Scrolls the tab to its n-th mention or flagged claim; `value` is false when it is gone. */
  reveal(tabId: number, kind: 'mention' | 'claim', index: number): Promise<Result<boolean>>;
  /** Whether the tab's marks are shown, after hiding or showing them in every frame (no action: just asks). */
  marks(tabId: number, action?: 'show' | 'hide'): Promise<Result<boolean>>;
  /** The text of the last "Look up in Frontier Facts", checked; null when there is none. */
  lookup(): Promise<Result<LookupResult | null>>;
  openOptions(): Promise<void>;
  /** The browser's UI language ("en-US", "zh-CN"), for `resolveLang`. */
  uiLanguage(): string;
}

/** What the API needs from the browser; browser-platform.ts provides it from webextension-polyfill. */
export interface Platform {
  /** runtime.sendMessage */
  toBackground: Transport;
  /** tabs.sendMessage to the tab's top frame */
  toTab: (tabId: number, message: unknown) => Promise<unknown>;
  /** tabs.sendMessage to every frame of the tab (the first answer wins) */
  toTabFrames: (tabId: number, message: unknown) => Promise<unknown>;
  activeTabId(): Promise<number | null>;
  /** Subscribes to raw stored settings changes (the `settings` key); returns the unsubscribe. */
  onStoredSettings(listener: (stored: unknown) => void): () => void;
  openOptionsPage(): Promise<void>;
  uiLanguage(): string;
}

/** Search results beyond this many do not fit a popup and only slow each keystroke. */
const SEARCH_LIMIT = 40;

export function createUiApi(platform: Platform): UiApi {
  const send = createSender(platform.toBackground);
  const tabSender = (tabId: number): Send => createSender((message) => platform.toTab(tabId, message));
  return {
    settings: () => send('settings.get'),
    updateSettings: (patch) => send('settings.update', { patch }),
    watchSettings: (listener) => platform.onStoredSettings((stored) => listener(parseSettings(stored))),
    search: (query) => send('facts.search', { query: query.slice(0, 200), limit: SEARCH_LIMIT }),
    card: (entityId) => send('card.get', { entityId, claimIds: [] }),
    claims: (ids) =>
      ids.length === 0 ? Promise.resolve({ ok: true, value: [] }) : send('claims.get', { ids: [...new Set(ids)].slice(0, 100) }),
    sources: () => send('sources.list'),
    datasetInfo: () => send('dataset.info'),
    exportClaimReview: (lang) => send('export.claimreview', { lang }),
    activeTabId: () => platform.activeTabId().catch(() => null),
    pageReport: (tabId) => tabSender(tabId)('page.report'),
    reveal: (tabId, kind, index) => tabSender(tabId)('page.reveal', { kind, index }),
    marks: (tabId, action) =>
      action
        ? createSender((message) => platform.toTabFrames(tabId, message))('page.marks', { action })
        : tabSender(tabId)('page.marks', {}),
    lookup: () => send('lookup.get'),
    openOptions: () => platform.openOptionsPage().catch(() => undefined),
    uiLanguage: () => platform.uiLanguage(),
  };
}

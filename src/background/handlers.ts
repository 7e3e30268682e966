/** The background's message handlers: thin adapters from the contract to the store and settings. */
import { claimReviewDocument } from '../shared/claimreview';
import { matcherFromConfig } from '../shared/derive-matcher-tables';
import type { Matcher } from '../shared/matcher';
import type { BACKGROUND_MESSAGES, Handlers, Sender } from '../shared/messages';
import type { FactStore } from './fact-store';
import { lookUp, type LookupStore } from './lookup';
import type { SettingsStorage } from './settings-storage';

export interface BackgroundDeps {
  store: FactStore;
  settings: SettingsStorage;
  /** Shows the page's counts on the sender tab's toolbar icon. */
  setBadge: (tabId: number, counts: { mentions: number; flagged: number }) => void;
  /** Opens the popup for the sender's tab; resolves whether it could. */
  openPopup: (tabId: number | undefined) => Promise<boolean>;
  /** The last "Look up in Frontier Facts" text, for the popup. */
  lookups: LookupStore;
  /** Remembers a text and opens the popup on it (what the context menu does). */
  showLookup: (text: string, tabId: number | undefined) => Promise<boolean>;
}

export function createBackgroundHandlers({
  store,
  settings,
  setBadge,
  openPopup,
  lookups,
  showLookup,
}: BackgroundDeps): Handlers<(typeof BACKGROUND_MESSAGES)[number]> {
  // One matcher for every page's claim checks and every lookup: compiled once, warm for the next tab (a failed build
  // is retried).
  let matcher: Promise<Matcher> | undefined;
  const claimMatcher = () =>
    (matcher ??= store
      .matcherConfig()
      .then(matcherFromConfig)
      .catch((error: unknown) => {
        matcher = undefined;
        throw error;
      }));
  return {
    'card.get': ({ entityId, claimIds }) => store.card(entityId, claimIds),
    'facts.search': ({ query, limit }) => store.search(query, limit),
    'claims.get': ({ ids }) => store.claimsById(ids),
    'sources.list': () => store.sources(),
    'dataset.info': () => store.info(),
    'export.claimreview': async ({ lang }) => {
      const [claims, info] = await Promise.all([store.allClaims(), store.info()]);
      const doc = claimReviewDocument(claims, { datasetVersion: info.version, datasetDate: info.date, lang: lang ?? 'en' });
      return JSON.stringify(doc, null, 2);
    },
    'settings.get': () => settings.get(),
    'settings.update': ({ patch }) => settings.update(patch),
    'ui.openPopup': (_request, sender: Sender) => openPopup(sender.tab?.id),
    'page.status': ({ mentions, flagged }, sender: Sender) => {
      if (sender.tab?.id !== undefined && (sender.frameId ?? 0) === 0) setBadge(sender.tab.id, { mentions, flagged });
      return null;
    },
    'lookup.show': ({ text }, sender: Sender) => showLookup(text, sender.tab?.id),
    'claims.check': async ({ paragraphs }) => {
      const m = await claimMatcher();
      return paragraphs.map(
        ({ text, carried, pageDate }) => m.scanParagraph(text, new Set(carried), { pageDate: pageDate ?? null })?.claims ?? [],
      );
    },
    'lookup.get': async () => {
      const text = lookups.take();
      return text === null ? null : lookUp(text, store, await claimMatcher());
    },
  };
}

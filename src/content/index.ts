/**
 * Content script entry: claims the page, reads the settings, scans with the
 * matcher tables the build compiled in, and answers the page's messages. Everything it starts
 * hangs off one AbortController, so teardown (extension reloaded, a newer
 * instance, the page unloading) removes every listener and mark at once.
 */
import './start-mark';
import type { Sender } from '../shared/message-core';
import { ContentApp, MARK_READY } from './content-app';
import { claimPage, watchForOrphaning } from './instance-guard';
import { createPageHandlers } from './page-handlers';
import { purgeLeftovers } from './leftovers';
import { onSettingsChanged, readSettings } from './settings-source';
import matcherTables from 'virtual:frontier-facts/matcher-tables';
import { startEarlyReads, takeEarlyReads } from './early-reads';
import { CardController } from './card/card-controller';
import { loadCardUi } from './card/card-ui-loader';
import { loadClaimTables } from './claim-tables-loader';
import { remoteClaims } from './remote-claims';
import { createContentSender, handleContentMessages } from './content-messages';
import { extensionAlive, extensionApi, onRuntimeMessage } from './ext';
import { isActiveOn, type Settings } from '../shared/settings';
import { pageLoaded } from './page-loaded';
import { nextTask } from './yield-to-page';

const controller = new AbortController();
const { signal } = controller;
const isAlive = extensionAlive;
const teardown = () => controller.abort();

// The rest in a task of its own. The task that injects us compiles the whole script and runs every module's top
// level; the settings read (the storage API's bindings, 3.4 ms), claiming the page and `main()` up to its first
// await (the listeners, the load wait) added 9 ms of cold code to it, and it was our longest task on every seed
// article (issue 16). Nothing waits on them: the scan itself waits for the page's load, which comes later still.
void nextTask().then(() => {
  startEarlyReads();
  if (claimPage(document, isAlive, teardown, signal)) {
    purgeLeftovers(document);
    watchForOrphaning(isAlive, teardown, signal);
    void main().catch((error: unknown) => {
      // A failure here must never surface on the page: report ready with what we have.
      console.debug('[frontier-facts] content script stopped', error);
    });
  } else {
    // Another instance has the page: drop the reads this copy started (and their change listener).
    takeEarlyReads();
  }
});

async function main(): Promise<void> {
  // The background may be suspending or restarting as a message leaves (Firefox refuses it then):
  // without the retry, a page loaded at that moment would get no badge and no card.
  const send = createContentSender();
  const isTop = window === window.top;
  let app: ContentApp | undefined;
  let failed = false;
  let lastCounts = '';
  const reportStatus = (current: ContentApp) => {
    if (!isTop || !current.isReady) return;
    const counts = current.isActive ? current.index.counts() : { mentions: 0, flagged: 0 };
    const key = `${counts.mentions}/${counts.flagged}`;
    if (key === lastCounts) return;
    lastCounts = key;
    void send('page.status', counts);
  };

  // Registered first so an early page.report gets `ready: false` rather than no answer.
  const handlers = createPageHandlers({ getApp: () => app, hasFailed: () => failed, reveal: (mark) => app?.reveal(mark) });
  const listener = handleContentMessages(handlers, {
    accept: (_type, sender: Sender) => sender.id === extensionApi()?.runtime.id,
  });
  const stopListening = onRuntimeMessage((message, sender) => {
    // Only the top frame answers page-level messages (it owns the page report); hiding and showing
    // the marks reaches every frame.
    if (!isTop && (message as { type?: unknown } | null)?.type !== 'page.marks') return undefined;
    return listener(message, sender);
  });
  signal.addEventListener('abort', stopListening, { once: true });

  // Listening before reading: a change that lands while the reads are in flight is not lost.
  let latestSettings: Settings | undefined;
  let applySettings = (next: Settings) => {
    latestSettings = next;
  };
  onSettingsChanged((next) => applySettings(next), signal);

  try {
    // The page's load first (page-loaded.ts); the settings read overlaps the wait.
    const [stored] = await Promise.all([readSettings(), pageLoaded(document, signal)]);
    if (signal.aborted) return;
    const settings = latestSettings ?? stored;
    // Claims are checked in the background, warm for every tab; the claim tables load here only if it does not
    // answer at once (no retries: checking here is quicker than waiting for a background that is waking).
    const checkClaims = remoteClaims(createContentSender({ retry: false }));
    const tables = { ...matcherTables, loadClaims: loadClaimTables, prefetchClaims: false };
    const current = new ContentApp({ doc: document, signal, tables, settings, onChange: reportStatus, checkClaims });
    app = current;
    const card = new CardController({
      doc: document,
      signal,
      index: current.index,
      highlighter: current.highlighter,
      send,
      settings: () => current.currentSettings,
      shadowRoots: () => current.openShadowRoots,
      marksHidden: () => current.marksHidden,
      ui: loadCardUi,
    });
    current.onReveal = (mark) => card.openFromKeyboard(mark);
    current.onMarksHidden = () => card.close(false);
    applySettings = (next) => {
      if (!isActiveOn(next, location.hostname)) card.close(false);
      void current.updateSettings(next);
    };
    await current.start();
  } catch (error) {
    failed = true;
    app = undefined;
    throw error;
  } finally {
    if (!signal.aborted) performance.mark(MARK_READY);
  }
}

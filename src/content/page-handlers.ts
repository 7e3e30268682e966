/** The messages the content script answers: the page report, reveal and next (top frame), marks (every frame). */
import type { CONTENT_MESSAGES, Handlers, PageReport } from '../shared/messages';
import type { ContentApp } from './content-app';
import type { MarkRecord } from './page-index';

export interface PageHandlerDeps {
  getApp: () => ContentApp | undefined;
  /** True once the script gave up (no config, an error): the page is reported ready and empty. */
  hasFailed: () => boolean;
  /** Scrolls to a mark and opens its card. */
  reveal: (mark: MarkRecord) => void;
}

export function createPageHandlers({ getApp, hasFailed, reveal }: PageHandlerDeps): Handlers<(typeof CONTENT_MESSAGES)[number]> {
  let cursor = -1;
  return {
    'page.report': (): PageReport => {
      const app = getApp();
      const url = location.href;
      if (!app) return { url, ready: hasFailed(), mentions: [], claims: [] };
      if (!app.isActive) return { url, ready: app.isReady, mentions: [], claims: [] };
      return app.index.report(url, app.isReady);
    },
    'page.reveal': ({ kind, index }) => {
      const app = getApp();
      if (!app?.isActive) return false;
      const list = kind === 'mention' ? app.index.mentionList() : app.index.countedClaims();
      const mark = list[index];
      if (!mark) return false;
      reveal(mark);
      return true;
    },
    'page.next': () => {
      const app = getApp();
      if (!app?.isActive) return false;
      const marks = app.index.marks();
      if (marks.length === 0) return false;
      cursor = (cursor + 1) % marks.length;
      reveal(marks[cursor]!);
      return true;
    },
    'page.marks': ({ action }) => {
      const app = getApp();
      if (!app) return false;
      if (action) app.setMarksHidden(action === 'toggle' ? !app.marksHidden : action === 'hide');
      return !app.marksHidden;
    },
  };
}

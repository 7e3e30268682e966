/**
 * What "On this page" shows, derived from the tab's page report and the
 * settings. Pure, so every state the popup can be in is unit-tested without a
 * browser.
 */
import type { EntityId, Verdict } from '../data/schema';
import type { PageReport } from '../shared/messages';
import { isActiveOn, type Settings } from '../shared/settings';
import { pageHostname } from '../ui/kit/format';

export interface SubjectOnPage {
  entityId: EntityId;
  /** Positions of this subject's mentions in the report (the content script's page.reveal index). */
  indexes: number[];
}

export interface ClaimOnPage {
  claimId: string;
  verdict: Verdict;
  /** Position in the report's claims (the page.reveal index). */
  index: number;
}

/** A flagged sentence with every claim it states (a sentence is listed once, however many claims it holds). */
export interface SentenceOnPage {
  sentence: string;
  claims: ClaimOnPage[];
}

/** The report as fetched: still waiting, no answer from the tab, or the answer. */
export type ReportFetch = { status: 'loading' } | { status: 'none' } | { status: 'ok'; tabId: number; report: PageReport };

export type PageState =
  | { kind: 'loading' }
  | { kind: 'unscanned' }
  | { kind: 'paused'; host: string }
  | { kind: 'off-site'; host: string }
  | { kind: 'scanning'; host: string }
  | { kind: 'nothing'; host: string }
  | { kind: 'found'; host: string; tabId: number; subjects: SubjectOnPage[]; sentences: SentenceOnPage[] };

export function pageState(fetch: ReportFetch, settings: Settings): PageState {
  if (fetch.status === 'loading') return { kind: 'loading' };
  if (fetch.status === 'none') return { kind: 'unscanned' };
  const { report, tabId } = fetch;
  const host = pageHostname(report.url);
  if (host === null) return { kind: 'unscanned' };
  // Settings first: the content script answers an empty report while off, which is not "nothing here".
  if (!settings.enabled) return { kind: 'paused', host };
  if (!isActiveOn(settings, host)) return { kind: 'off-site', host };
  if (report.mentions.length === 0 && report.claims.length === 0)
    return report.ready ? { kind: 'nothing', host } : { kind: 'scanning', host };
  const subjects = new Map<EntityId, SubjectOnPage>();
  report.mentions.forEach((mention, index) => {
    const subject = subjects.get(mention.entityId) ?? { entityId: mention.entityId, indexes: [] };
    subject.indexes.push(index);
    subjects.set(mention.entityId, subject);
  });
  // One entry per sentence, in page order; the same claim twice in one sentence counts once. A sentence that
  // refutes a claim is not something the page gets wrong; the index stays the report's (page.reveal).
  const sentences = new Map<string, SentenceOnPage>();
  report.claims.forEach(({ claimId, verdict, sentence, stance }, index) => {
    if (stance === 'refutes') return;
    const entry = sentences.get(sentence) ?? { sentence, claims: [] };
    if (!entry.claims.some((c) => c.claimId === claimId)) entry.claims.push({ claimId, verdict, index });
    sentences.set(sentence, entry);
  });
  return { kind: 'found', host, tabId, subjects: [...subjects.values()], sentences: [...sentences.values()] };
}

/** The hostname the site switch acts on, when the tab has an http(s) page we could read. */
export function reportHost(fetch: ReportFetch): string | null {
  return fetch.status === 'ok' ? pageHostname(fetch.report.url) : null;
}

/**
 * A UiApi over a small hand-written dataset (darkreader's mock.ts pattern):
 * components run against it in jsdom, and every call is logged so tests can
 * assert on the messages the UI would send.
 */
import type { EntityId } from '../../../src/data/schema';
import type { PageReport, Result } from '../../../src/shared/messages';
import { applyPatch, parseSettings, type Settings } from '../../../src/shared/settings';
import type { CardData, ClaimView, DatasetInfo, FactView, LookupResult, SearchResult, SourceView } from '../../../src/shared/views';
import type { UiApi } from '../../../src/ui/api';

export const sources: SourceView[] = [
  {
    id: 'anthropic',
    outlet: 'Anthropic',
    title: 'Project Glasswing',
    url: 'https://www.anthropic.com/glasswing',
    published: '2026-04-07',
    tier: 'official',
  },
  {
    id: 'reuters',
    outlet: 'Reuters',
    title: 'Anthropic expands Glasswing',
    url: 'https://www.reuters.com/glasswing',
    published: null,
    tier: 'wire',
  },
  {
    id: 'plain-http',
    outlet: 'Old Blog',
    title: 'An http page',
    url: 'http://example.com/old',
    published: '2026-05-01',
    tier: 'secondary',
  },
  { id: 'seed', outlet: 'Captured page', title: 'A captured seed', url: null, published: '2026-05-22', tier: 'secondary' },
];
const [anthropic, reuters, plainHttp, seed] = sources as [SourceView, SourceView, SourceView, SourceView];

const fact = (id: string, entity: EntityId, en: string, zh: string, extra: Partial<FactView> = {}): FactView => ({
  id,
  entity,
  statement: { en, zh },
  status: 'verified',
  asOf: '2026-06-03',
  rank: 1,
  sources: [anthropic, reuters],
  ...extra,
});

export const facts: FactView[] = [
  fact('glasswing-partners', 'project-glasswing', 'Glasswing gives partners access to Mythos.', '玻璃翼计划让合作伙伴使用 Mythos。'),
  fact('glasswing-size', 'project-glasswing', 'Glasswing has about 40 partners.', '玻璃翼计划约有 40 个合作伙伴。', {
    status: 'disputed',
    rank: 2,
    sides: [
      { statement: { en: 'About 40 partners.', zh: '约 40 个。' }, sources: [anthropic] },
      { statement: { en: 'About 11 partners.', zh: '约 11 个。' }, sources: [reuters] },
    ],
  }),
  fact('mythos-restricted', 'claude-mythos', 'Mythos is not publicly available.', 'Mythos 未公开发布。', {
    status: 'single-source',
    sources: [plainHttp, anthropic],
  }),
  fact('eo-signed', 'eo-14409', 'The order was signed on June 2, 2026.', '行政令于2026年6月2日签署。'),
];

export const claims: ClaimView[] = [
  {
    id: 'claim-signed-june-3',
    entity: 'eo-14409',
    claim: { en: 'The order was signed on June 3.', zh: '行政令于6月3日签署。' },
    verdict: 'false',
    correction: { en: 'It was signed on June 2 (US time).', zh: '美国时间6月2日签署。' },
    sources: [anthropic],
    seenIn: [seed],
  },
  {
    id: 'claim-glasswing-40',
    entity: 'project-glasswing',
    claim: { en: 'Glasswing has 40 tech giants.', zh: '玻璃翼有 40 家科技巨头。' },
    verdict: 'misleading',
    correction: { en: 'About 40 organisations, most not tech giants.', zh: '约 40 个组织，多数并非科技巨头。' },
    sources: [reuters],
    seenIn: [],
  },
];

const names: Record<EntityId, [string, string]> = {
  'eo-14409': ['AI executive order (EO 14409)', '人工智能行政令（第14409号）'],
  'claude-mythos': ['Claude Mythos', 'Claude Mythos'],
  'project-glasswing': ['Project Glasswing', '玻璃翼计划'],
};

export function card(entityId: EntityId): CardData {
  const [en, zh] = names[entityId];
  return {
    entityId,
    name: { en, zh },
    description: { en: `About ${en}.`, zh: `关于${zh}。` },
    facts: facts.filter((f) => f.entity === entityId),
    claims: [],
    developments: [],
    datasetVersion: '1.0.0',
    datasetDate: '2026-11-23',
  };
}

export const info: DatasetInfo = {
  version: '1.0.0',
  date: '2026-11-23',
  counts: { entities: 3, facts: facts.length, claims: claims.length, sources: sources.length },
  byStatus: { verified: 2, 'single-source': 1, disputed: 1, unconfirmed: 0 },
};

/** Substring search over both languages, facts before claims, like the store's ranking. */
function search(query: string): SearchResult[] {
  const q = query.toLowerCase();
  const hit = (t: { en: string; zh: string }) => t.en.toLowerCase().includes(q) || t.zh.includes(query);
  return [
    ...facts.filter((f) => hit(f.statement)).map((f) => ({ kind: 'fact' as const, score: 100 - f.rank, fact: f })),
    ...claims.filter((c) => hit(c.claim) || hit(c.correction)).map((c) => ({ kind: 'claim' as const, score: 60, claim: c })),
  ];
}

export interface MockOptions {
  settings?: Partial<Settings>;
  /** The tab's report; null = no content script answers. */
  report?: PageReport | null;
  activeTab?: number | null;
  uiLanguage?: string;
  /** Make every background call fail. */
  offline?: boolean;
  /** What lookup() answers (a context-menu lookup waiting for the popup). */
  lookup?: LookupResult | null;
}

export interface MockApi extends UiApi {
  calls: Array<{ method: string; args: unknown[] }>;
  /** Changes the report the tab answers with (a rescan, the site switched off). */
  setReport(report: PageReport | null): void;
  /** Simulates a settings change made elsewhere (another window, the options page). */
  emitSettings(settings: Settings): void;
}

export function mockApi(options: MockOptions = {}): MockApi {
  let settings = parseSettings({ ...options.settings });
  let report = options.report === undefined ? null : options.report;
  let marksShown = true;
  const watchers = new Set<(s: Settings) => void>();
  const calls: MockApi['calls'] = [];
  const ok = <T>(value: T): Promise<Result<T>> => Promise.resolve(options.offline ? { ok: false, error: 'offline' } : { ok: true, value });
  const log = (method: string, ...args: unknown[]) => calls.push({ method, args });
  return {
    calls,
    setReport: (next) => {
      report = next;
    },
    emitSettings: (next) => {
      settings = next;
      for (const w of watchers) w(next);
    },
    settings: () => (log('settings'), ok(settings)),
    updateSettings: (patch) => {
      log('updateSettings', patch);
      if (options.offline) return ok(settings);
      settings = applyPatch(settings, patch);
      return ok(settings);
    },
    watchSettings: (listener) => {
      watchers.add(listener);
      return () => watchers.delete(listener);
    },
    search: (query) => (log('search', query), ok(search(query))),
    card: (entityId) => (log('card', entityId), ok(card(entityId))),
    claims: (ids) => (log('claims', ids), ok(claims.filter((c) => ids.includes(c.id)))),
    sources: () => (log('sources'), ok(sources)),
    datasetInfo: () => (log('datasetInfo'), ok(info)),
    marks: (tabId, action) => {
      log('marks', tabId, action);
      if (action) marksShown = action === 'show';
      return report ? ok(marksShown) : Promise.resolve({ ok: false, error: 'no content script' });
    },
    lookup: () => (log('lookup'), ok(options.lookup ?? null)),
    exportClaimReview: (lang) => (
      log('exportClaimReview', lang),
      ok(JSON.stringify({ '@context': 'https://schema.org', '@graph': [], lang }))
    ),
    activeTabId: () => (log('activeTabId'), Promise.resolve(options.activeTab === undefined ? 7 : options.activeTab)),
    pageReport: (tabId) => {
      log('pageReport', tabId);
      return Promise.resolve(report ? { ok: true, value: report } : { ok: false, error: 'Could not establish connection' });
    },
    reveal: (tabId, kind, index) => (log('reveal', tabId, kind, index), Promise.resolve({ ok: true, value: true })),
    openOptions: () => (log('openOptions'), Promise.resolve()),
    uiLanguage: () => options.uiLanguage ?? 'en-US',
  };
}

/** The report of a page mentioning two subjects and stating one misclaim. */
export const seedReport: PageReport = {
  url: 'https://news.example.com/story',
  ready: true,
  mentions: [
    { entityId: 'project-glasswing', text: 'Project Glasswing', sentence: 'Project Glasswing grows.' },
    { entityId: 'eo-14409', text: 'EO 14409', sentence: 'EO 14409 was signed.' },
    { entityId: 'project-glasswing', text: 'Glasswing', sentence: 'Glasswing partners met.' },
  ],
  claims: [{ claimId: 'claim-signed-june-3', verdict: 'false', sentence: 'The order was signed on June 3.', stance: 'asserts' }],
};

/**
 * The toolbar popup. Every request starts on mount, in parallel (settings,
 * the three subject cards, the tab's report), so the first paint waits only
 * for the settings that pick its language.
 */
import { useEffect, useLayoutEffect, useMemo, useState } from 'preact/hooks';
import type { EntityId, LocalizedText } from '../data/schema';
import { resolveLang, t } from '../shared/i18n';
import { isActiveOn, type SettingsPatch } from '../shared/settings';
import type { ClaimView, LookupResult } from '../shared/views';
import type { UiApi } from '../ui/api';
import { ApiContext } from '../ui/context';
import { htmlLang, LangContext } from '../ui/kit/lang';
import { useSettings } from '../ui/use-settings';
import type { FirstPaintCache } from './first-paint-cache';
import { pageState, reportHost } from './page-state';
import { LookupPanel } from './LookupPanel';
import { PagePanel } from './PagePanel';
import { SearchPanel } from './SearchPanel';
import { SiteControls } from './SiteControls';
import { useMarks } from './use-marks';
import { usePageReport } from './use-page-report';
import { useSubjects } from './use-subjects';

export interface PopupProps {
  api: UiApi;
  /** Resolves the tab to describe (see target-tab.ts). Must be stable across renders. */
  findTab: () => Promise<number | null>;
  /** Last open's cards and language, painted before the background answers. */
  cache?: FirstPaintCache;
}

export function Popup({ api, findTab, cache }: PopupProps) {
  const { settings, failed, update } = useSettings(api);
  const cached = cache?.initial ?? null;
  const subjects = useSubjects(api, cached?.cards);
  const { report, refresh } = usePageReport(api, findTab);
  const claimIds = report.status === 'ok' ? report.report.claims.map((c) => c.claimId) : [];
  const claims = useClaimViews(api, claimIds);
  const lang = resolveLang(settings?.language ?? cached?.language ?? 'auto', api.uiLanguage());
  const [lookup, setLookup] = useLookup(api);
  // The marks switch, for a page where the extension runs (its content script answered).
  const host = reportHost(report);
  const marks = useMarks(api, report.status === 'ok' && settings && host !== null && isActiveOn(settings, host) ? report.tabId : null);

  useEffect(() => {
    document.documentElement.lang = htmlLang(lang);
    document.title = t(lang, 'extName');
  }, [lang]);

  const names = useMemo(
    () => new Map<EntityId, LocalizedText>(subjects.status === 'ok' ? subjects.cards.map((c) => [c.entityId, c.name]) : []),
    [subjects],
  );

  // Fresh cards and settings are saved for the next open's first paint.
  useEffect(() => {
    if (settings && subjects.status === 'ok') cache?.save({ language: settings.language, cards: subjects.cards });
  }, [cache, settings?.language, subjects]);

  // With neither settings nor a cache the language is unknown: paint nothing rather than flash the wrong one.
  if (!settings && !cached) return null;
  const applyPatch = (patch: SettingsPatch) => void update(patch).then(refresh);
  return (
    <ApiContext.Provider value={api}>
      <LangContext.Provider value={lang}>
        <main class="ff-popup">
          <h1 class="ff-title">{t(lang, 'extName')}</h1>
          {lookup && <LookupPanel result={lookup} onClose={() => setLookup(null)} />}
          <SearchPanel subjects={subjects} names={names}>
            {/* Waits for the subject names, so the list never flashes raw ids. */}
            <PagePanel
              state={!settings || subjects.status === 'loading' ? { kind: 'loading' } : pageState(report, settings)}
              names={names}
              claims={claims}
            />
          </SearchPanel>
        </main>
        {/* Only on fresh settings: a switch flipped on cached ones could undo a change made elsewhere. */}
        {settings && <SiteControls settings={settings} host={host} update={applyPatch} failed={failed} marks={marks} />}
      </LangContext.Provider>
    </ApiContext.Provider>
  );
}

/** The pending "Look up in Frontier Facts" result (the menu opened this popup for it), until dismissed. */
function useLookup(api: UiApi): [LookupResult | null, (next: LookupResult | null) => void] {
  const [lookup, setLookup] = useState<LookupResult | null>(null);
  // A layout effect: the request starts with the first render, not a frame later.
  useLayoutEffect(() => {
    let live = true;
    void api.lookup().then((r) => live && r.ok && setLookup(r.value));
    return () => {
      live = false;
    };
  }, [api]);
  return [lookup, setLookup];
}

/** Claim records for the report's flagged sentences, fetched when the set of ids changes. */
function useClaimViews(api: UiApi, ids: readonly string[]): ReadonlyMap<string, ClaimView> {
  const key = [...new Set(ids)].sort().join('\n');
  const [views, setViews] = useState<ReadonlyMap<string, ClaimView>>(new Map());
  useEffect(() => {
    if (!key) return;
    let live = true;
    void api.claims(key.split('\n')).then((result) => {
      if (live && result.ok) setViews(new Map(result.value.map((c) => [c.id, c])));
    });
    return () => {
      live = false;
    };
  }, [api, key]);
  return views;
}

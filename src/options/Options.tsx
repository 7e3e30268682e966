/** The options page: display settings, sites switched off, export, dataset and "how we verify". */
import { useEffect, useLayoutEffect, useState } from 'preact/hooks';
import { resolveLang, t } from '../shared/i18n';
import type { Result } from '../shared/messages';
import type { UiApi } from '../ui/api';
import { ApiContext } from '../ui/context';
import { htmlLang, LangContext } from '../ui/kit/lang';
import { useSettings } from '../ui/use-settings';
import { DatasetPanel } from './DatasetPanel';
import { DisabledSites } from './DisabledSites';
import { DisplaySettings } from './DisplaySettings';
import { ExportPanel } from './ExportPanel';
import { HowWeVerify } from './HowWeVerify';

export function Options({ api }: { api: UiApi }) {
  const { settings, failed, update } = useSettings(api);
  const info = useLoad(() => api.datasetInfo(), api);
  const sources = useLoad(() => api.sources(), api);
  const lang = resolveLang(settings?.language ?? 'auto', api.uiLanguage());

  useEffect(() => {
    document.documentElement.lang = htmlLang(lang);
    document.title = t(lang, 'options_title');
  }, [lang]);

  if (!settings) return null;
  const save = (patch: Parameters<typeof update>[0]) => void update(patch);
  return (
    <ApiContext.Provider value={api}>
      <LangContext.Provider value={lang}>
        <main class="ff-options">
          <h1>{t(lang, 'options_title')}</h1>
          {failed && (
            <p class="ff-error" role="alert">
              {t(lang, 'common_save_failed')}
            </p>
          )}
          <DisplaySettings settings={settings} update={save} />
          <DisabledSites settings={settings} update={update} />
          <ExportPanel version={info !== null && info !== 'failed' ? info.version : null} />
          <DatasetPanel info={info} />
          <HowWeVerify sources={sources} />
        </main>
      </LangContext.Provider>
    </ApiContext.Provider>
  );
}

/** One request on mount: null while waiting, 'failed' when the background could not answer. */
function useLoad<T>(request: () => Promise<Result<T>>, api: UiApi): T | null | 'failed' {
  const [value, setValue] = useState<T | null | 'failed'>(null);
  // Layout effect so the request starts now, not after Preact's next-frame delay for effects.
  useLayoutEffect(() => {
    let live = true;
    void request().then((result) => live && setValue(result.ok ? result.value : 'failed'));
    return () => {
      live = false;
    };
    // The request is a fresh closure each render; the api is what identifies it.
  }, [api]);
  return value;
}

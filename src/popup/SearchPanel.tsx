/**
 * The search box and what is under it: results while there is a query, else
 * `children` (this page's summary) and the subject cards. Arrow keys move from
 * the box through the results and back; Enter in the box opens the first one.
 */
import type { ComponentChildren } from 'preact';
import { useRef, useState } from 'preact/hooks';
import type { EntityId, LocalizedText } from '../data/schema';
import { useApi } from '../ui/context';
import { htmlLang, LangContext, useT } from '../ui/kit/lang';
import { queryLang } from './search-query';
import { displayOrder, groupBySubject, nextFocus, resultKey } from './result-navigation';
import { RESULT_ATTR } from './ResultItem';
import { SearchResults } from './SearchResults';
import { SubjectCards, FACTS_PER_CARD } from './SubjectCards';
import { useSearch } from './use-search';
import type { SubjectsState } from './use-subjects';

export interface SearchPanelProps {
  subjects: SubjectsState;
  /** Subject names for the group headings. */
  names: ReadonlyMap<EntityId, LocalizedText>;
  children?: ComponentChildren;
}

export function SearchPanel({ subjects, names, children }: SearchPanelProps) {
  const api = useApi();
  const { t, lang } = useT();
  const { state: search, run } = useSearch(api);
  const [text, setText] = useState('');
  const [openKey, setOpenKey] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const list = useRef<HTMLDivElement>(null);

  const searching = text.trim() !== '';
  // Keys in screen order, so Enter opens what the reader sees first.
  const keys = searching
    ? search.query
      ? displayOrder(groupBySubject(search.results)).map(resultKey)
      : []
    : subjects.status === 'ok'
      ? subjects.cards.flatMap((c) => c.facts.slice(0, FACTS_PER_CARD).map((f) => `fact:${f.id}`))
      : [];

  const toggle = (key: string) => setOpenKey((current) => (current === key ? null : key));

  const onKeyDown = (event: KeyboardEvent) => {
    const buttons = [...(list.current?.querySelectorAll<HTMLElement>(`[${RESULT_ATTR}]`) ?? [])];
    const inBox = event.target === input.current;
    if (event.key === 'Enter' && inBox) {
      const first = keys[0];
      if (!first) return;
      event.preventDefault();
      setOpenKey(first);
      buttons[0]?.focus();
      return;
    }
    // Focus may sit on a link inside an open result: count it as that result.
    const owner = (event.target as HTMLElement).closest?.('li')?.querySelector<HTMLElement>(`[${RESULT_ATTR}]`) ?? null;
    const current = inBox ? -1 : owner ? buttons.indexOf(owner) : -2;
    if (current === -2) return;
    const next = nextFocus(current, buttons.length, event.key);
    if (next === undefined) return;
    event.preventDefault();
    (next === -1 ? input.current : buttons[next])?.focus();
  };

  const count = search.results.length;
  return (
    <div class="ff-search" onKeyDown={onKeyDown}>
      <label class="ff-search-label" for="ff-search-input">
        {t('popup_search_label')}
      </label>
      <input
        id="ff-search-input"
        ref={input}
        type="search"
        autoFocus
        autoComplete="off"
        spellcheck={false}
        placeholder={t('popup_search_placeholder')}
        aria-describedby="ff-search-hint"
        value={text}
        onInput={(event) => {
          const startedAt = performance.now();
          const value = event.currentTarget.value;
          setText(value);
          setOpenKey(null);
          run(value, startedAt);
        }}
      />
      <p id="ff-search-hint" class="ff-visually-hidden">
        {t('popup_search_hint')}
      </p>
      <p class={searching && search.query && !search.tooShort && count > 0 ? 'ff-result-count' : 'ff-visually-hidden'} role="status">
        {searching && search.query && !search.tooShort
          ? count === 1
            ? t('popup_result_one')
            : t('popup_results_count', String(count))
          : ''}
      </p>
      <div ref={list} class="ff-results">
        {searching ? (
          search.query && (
            // Results speak the query's language (a Chinese query gets Chinese text), else the popup's.
            <LangContext.Provider value={queryLang(search.query, lang)}>
              <div lang={htmlLang(queryLang(search.query, lang))}>
                <SearchResults search={search} names={names} openKey={openKey} onToggle={toggle} />
              </div>
            </LangContext.Provider>
          )
        ) : (
          <>
            {children}
            {subjects.status === 'ok' && <SubjectCards cards={subjects.cards} openKey={openKey} onToggle={toggle} />}
            {subjects.status === 'failed' && <p class="ff-message">{t('common_error')}</p>}
          </>
        )}
      </div>
    </div>
  );
}

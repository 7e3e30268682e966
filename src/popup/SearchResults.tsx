/** Search results grouped by subject, or a clear "nothing matches". */
import type { EntityId, LocalizedText } from '../data/schema';
import { useLayoutEffect } from 'preact/hooks';
import { useT } from '../ui/kit/lang';
import { markPopupReady } from './perf-marks';
import { groupBySubject, resultKey } from './result-navigation';
import { ResultItem } from './ResultItem';
import type { SearchState } from './use-search';

export interface ResultListProps {
  search: SearchState;
  names: ReadonlyMap<EntityId, LocalizedText>;
  openKey: string | null;
  onToggle: (key: string) => void;
}

export function SearchResults({ search, names, openKey, onToggle }: ResultListProps) {
  const { t, pick } = useT();
  useLayoutEffect(() => markPopupReady(), []);
  if (search.tooShort) return <p class="ff-message">{t('popup_search_more')}</p>;
  if (search.failed) return <p class="ff-message">{t('common_error')}</p>;
  if (search.results.length === 0) return <p class="ff-message">{t('popup_no_results', search.query)}</p>;
  return (
    <>
      {groupBySubject(search.results).map((group) => {
        const name = names.get(group.entityId);
        return (
          <section class="ff-group" key={group.entityId}>
            <h2 class="ff-group-heading">{name ? pick(name) : group.entityId}</h2>
            <ul class="ff-result-list">
              {group.results.map((result) => {
                const key = resultKey(result);
                return <ResultItem key={key} result={result} open={openKey === key} onToggle={() => onToggle(key)} />;
              })}
            </ul>
          </section>
        );
      })}
    </>
  );
}

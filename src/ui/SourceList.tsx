/** Sources as outlet, date and link; only https addresses ever become links. */
import type { SourceView } from '../shared/views';
import { useT } from './context';
import { formatDate, httpsUrl } from './format';

export function SourceList({ sources, label }: { sources: readonly SourceView[]; label?: string }) {
  const { t, lang } = useT();
  if (sources.length === 0) return null;
  return (
    <div class="ff-sources">
      {label && <p class="ff-label">{label}</p>}
      <ul>
        {sources.map((source) => {
          const href = httpsUrl(source.url);
          return (
            <li key={source.id}>
              <span class="ff-outlet">{source.outlet}</span>
              {' · '}
              <span class="ff-date">{source.published ? formatDate(source.published, lang) : t('card_undated')}</span>
              {' · '}
              {href ? (
                <a href={href} target="_blank" rel="noopener noreferrer">
                  {source.title ?? source.outlet}
                  <span class="ff-visually-hidden"> {t('common_opens_new_tab')}</span>
                </a>
              ) : (
                <span class="ff-title">
                  {source.title ?? source.outlet} {t('common_parenthetical', t('common_no_address'))}
                </span>
              )}
            </li>
          );
        })}
      </ul>
    </div>
  );
}

/** "Reuters, Jun 2, 2026 · AP, …": the sources at a glance, without links. */
export function SourceSummary({ sources }: { sources: readonly SourceView[] }) {
  const { t, lang } = useT();
  if (sources.length === 0) return null;
  const shown = sources
    .slice(0, 2)
    .map((s) => t('common_outlet_date', s.outlet, s.published ? formatDate(s.published, lang) : t('card_undated')));
  const more = sources.length > 2 ? ` +${sources.length - 2}` : '';
  return <p class="ff-source-summary">{shown.join(' · ') + more}</p>;
}

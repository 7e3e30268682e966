/**
 * Sources as every surface shows them (popup, options, the in-page card):
 * tier, headline (the outlet when the headline is unknown, never a stand-in),
 * outlet and date, strongest first. Only https addresses ever become links.
 * Secondary sources, and any beyond `limit`, fold behind "n more sources".
 */
import type { SourceView } from '../../shared/views';
import { useT } from './lang';
import { formatDate, httpsUrl } from './format';

export interface SourceListProps {
  /** Strongest first (the background sorts them; see strongestFirst). */
  sources: readonly SourceView[];
  label?: string;
  /** How many to show before "more" (default: every non-secondary source). */
  limit?: number;
  /** Show every source unfolded (the options page's full list). */
  unfolded?: boolean;
}

export function SourceList({ sources, label, limit, unfolded = false }: SourceListProps) {
  const { t } = useT();
  if (sources.length === 0) return null;
  const { shown, folded } = unfolded ? { shown: sources, folded: [] } : foldSources(sources, limit);
  return (
    <div class="ff-sources">
      {label && <p class="ff-label">{label}</p>}
      <ul>
        {shown.map((source) => (
          <SourceItem key={source.id} source={source} />
        ))}
      </ul>
      {folded.length > 0 && (
        <details class="ff-more-sources">
          <summary>{folded.length === 1 ? t('sources_more_one') : t('sources_more', String(folded.length))}</summary>
          <ul>
            {folded.map((source) => (
              <SourceItem key={source.id} source={source} />
            ))}
          </ul>
        </details>
      )}
    </div>
  );
}

/** Which sources show at once and which fold: secondary ones always fold, and any beyond `limit`. */
export function foldSources<T extends Pick<SourceView, 'tier'>>(sources: readonly T[], limit = Infinity): { shown: T[]; folded: T[] } {
  const strong = sources.filter((s) => s.tier !== 'secondary');
  // With nothing stronger, one secondary source shows (labelled so) rather than an empty list.
  const shown = (strong.length > 0 ? strong : sources.slice(0, 1)).slice(0, Math.max(1, limit));
  return { shown, folded: sources.filter((s) => !shown.includes(s)) };
}

function SourceItem({ source }: { source: SourceView }) {
  const { t, lang } = useT();
  const href = httpsUrl(source.url);
  const outlet = source.originalPublisher ? t('source_via', source.originalPublisher, source.outlet) : source.outlet;
  const date = source.published ? formatDate(source.published, lang) : t('card_undated');
  // An unknown headline shows the outlet in its place, and the outlet is then not repeated.
  const headline = source.title ?? outlet;
  const meta = source.title ? t('common_outlet_date', outlet, date) : date;
  return (
    <li class="ff-source">
      <span class={`ff-tier ff-tier-${source.tier}`}>{t(`tier_${source.tier}`)}</span>{' '}
      {href ? (
        <a href={href} target="_blank" rel="noopener noreferrer">
          {headline}
          <span class="ff-visually-hidden"> {t('common_opens_new_tab')}</span>
        </a>
      ) : (
        <span class="ff-title">
          {headline} {t('common_parenthetical', t('common_no_address'))}
        </span>
      )}{' '}
      <span class="ff-source-meta">{meta}</span>
    </li>
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

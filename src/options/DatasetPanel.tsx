/** The bundled dataset's version, review date and record counts. */
import type { MessageKey } from '../shared/i18n';
import type { DatasetInfo } from '../shared/views';
import { useT } from '../ui/kit/lang';
import { formatDate } from '../ui/kit/format';

export function DatasetPanel({ info }: { info: DatasetInfo | null | 'failed' }) {
  const { t, lang } = useT();
  return (
    <section aria-labelledby="ff-dataset-heading">
      <h2 id="ff-dataset-heading">{t('options_dataset_heading')}</h2>
      {info === null && <p class="ff-muted">{t('common_loading')}</p>}
      {info === 'failed' && <p class="ff-muted">{t('common_error')}</p>}
      {info !== null && info !== 'failed' && (
        <>
          <p>{t('options_dataset_version', info.version, formatDate(info.date, lang))}</p>
          {info.searched && info.searched > info.date && <p>{t('options_dataset_searched', formatDate(info.searched, lang))}</p>}
          <dl class="ff-counts">
            {countRows(info).map(([key, value]) => (
              <div key={key}>
                <dt>{t(key)}</dt>
                <dd>{value}</dd>
              </div>
            ))}
          </dl>
        </>
      )}
    </section>
  );
}

/** The counts shown, each under its label. */
function countRows(info: DatasetInfo): Array<[MessageKey, number]> {
  return [
    ['options_count_entities', info.counts.entities],
    ['options_count_facts', info.counts.facts],
    ['options_count_claims', info.counts.claims],
    ['options_count_sources', info.counts.sources],
    ['status_verified', info.byStatus.verified],
    ['status_single_source', info.byStatus['single-source']],
    ['status_disputed', info.byStatus.disputed],
    ['status_unconfirmed', info.byStatus.unconfirmed],
  ];
}

/** The bundled dataset's version, review date and record counts. */
import type { DatasetInfo } from '../shared/views';
import { useT } from '../ui/context';
import { formatDate } from '../ui/format';

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
          <dl class="ff-counts">
            <div>
              <dt>{t('options_count_entities')}</dt>
              <dd>{info.counts.entities}</dd>
            </div>
            <div>
              <dt>{t('options_count_facts')}</dt>
              <dd>{info.counts.facts}</dd>
            </div>
            <div>
              <dt>{t('options_count_claims')}</dt>
              <dd>{info.counts.claims}</dd>
            </div>
            <div>
              <dt>{t('options_count_sources')}</dt>
              <dd>{info.counts.sources}</dd>
            </div>
            <div>
              <dt>{t('status_verified')}</dt>
              <dd>{info.byStatus.verified}</dd>
            </div>
            <div>
              <dt>{t('status_single_source')}</dt>
              <dd>{info.byStatus['single-source']}</dd>
            </div>
            <div>
              <dt>{t('status_disputed')}</dt>
              <dd>{info.byStatus.disputed}</dd>
            </div>
          </dl>
        </>
      )}
    </section>
  );
}

/** "How we verify": what each status and verdict means, and every source we use. */
import { FACT_STATUSES, VERDICTS, type FactStatus, type Verdict } from '../data/vocabulary';
import type { MessageKey } from '../shared/i18n';
import type { SourceView } from '../shared/views';
import { StatusBadge, VerdictBadge } from '../ui/kit/Badges';
import { useT } from '../ui/kit/lang';
import { SourceList } from '../ui/kit/SourceList';

const statusDescription = (status: FactStatus): MessageKey =>
  `options_status_${status === 'single-source' ? 'single_source' : status}_desc`;
const verdictDescription = (verdict: Verdict): MessageKey => `options_verdict_${verdict}_desc`;

export function HowWeVerify({ sources }: { sources: readonly SourceView[] | null | 'failed' }) {
  const { t } = useT();
  return (
    <section aria-labelledby="ff-verify-heading">
      <h2 id="ff-verify-heading">{t('options_verify_heading')}</h2>
      <p>{t('options_verify_intro')}</p>
      <p>{t('options_verify_statuses')}</p>
      <dl class="ff-scale">
        {FACT_STATUSES.map((status) => (
          <div key={status}>
            <dt>
              <StatusBadge status={status} />
            </dt>
            <dd>{t(statusDescription(status))}</dd>
          </div>
        ))}
      </dl>
      <p>{t('options_verify_verdicts')}</p>
      <dl class="ff-scale">
        {VERDICTS.map((verdict) => (
          <div key={verdict}>
            <dt>
              <VerdictBadge verdict={verdict} />
            </dt>
            <dd>{t(verdictDescription(verdict))}</dd>
          </div>
        ))}
      </dl>
      {sources === null && <p class="ff-muted">{t('common_loading')}</p>}
      {sources === 'failed' && <p class="ff-muted">{t('common_error')}</p>}
      {Array.isArray(sources) && (
        <>
          <h3 id="ff-sources-heading">{t('options_sources_heading', String(sources.length))}</h3>
          <SourceList sources={sources} unfolded />
        </>
      )}
    </section>
  );
}

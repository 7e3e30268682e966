/**
 * One fact or claim in a list: a disclosure button (badge + text) that the
 * arrow keys move between, its sources at a glance, and the detail when open.
 */
import type { SearchResult } from '../shared/views';
import { StatusBadge, VerdictBadge } from '../ui/kit/Badges';
import { useT } from '../ui/kit/lang';
import { Label } from '../ui/kit/Label';
import { ClaimDetail, FactDetail } from '../ui/RecordDetail';
import { SourceSummary } from '../ui/kit/SourceList';

/** Marks the buttons the arrow keys move between. */
export const RESULT_ATTR = 'data-ff-result';

export function ResultItem({ result, open, onToggle }: { result: SearchResult; open: boolean; onToggle: () => void }) {
  const { t, pick } = useT();
  const sources = result.kind === 'fact' ? result.fact.sources : result.claim.sources;
  return (
    <li class={`ff-result${open ? ' ff-open' : ''}`}>
      <button type="button" class="ff-result-button" {...{ [RESULT_ATTR]: '' }} aria-expanded={open} onClick={onToggle}>
        <span class="ff-chevron" aria-hidden="true" />
        {result.kind === 'fact' ? <StatusBadge status={result.fact.status} /> : <VerdictBadge verdict={result.claim.verdict} />}
        <span class="ff-result-text">
          {result.kind === 'claim' && <Label text={t('card_claim_label')} />}
          {pick(result.kind === 'fact' ? result.fact.statement : result.claim.claim)}
        </span>
      </button>
      {open ? (
        result.kind === 'fact' ? (
          <FactDetail fact={result.fact} />
        ) : (
          <ClaimDetail claim={result.claim} />
        )
      ) : (
        <SourceSummary sources={sources} />
      )}
    </li>
  );
}

/** The full body of a fact or a claim: sides of a dispute, the correction, sources, dates. */
import type { ClaimView, FactView } from '../shared/views';
import { useT } from './kit/lang';
import { formatDate } from './kit/format';
import { Label } from './kit/Label';
import { SourceList } from './kit/SourceList';

export function FactDetail({ fact }: { fact: FactView }) {
  const { t, pick, lang } = useT();
  return (
    <div class="ff-detail">
      {fact.sides?.map((side, i) => (
        <div class="ff-side" key={i}>
          <p>
            <Label text={t('card_side_label')} />
            {pick(side.statement)}
          </p>
          <SourceList sources={side.sources} />
        </div>
      ))}
      {!fact.sides && <SourceList sources={fact.sources} label={t('card_sources_label')} />}
      <p class="ff-muted">{t('common_as_of', formatDate(fact.asOf, lang))}</p>
    </div>
  );
}

export function ClaimDetail({ claim }: { claim: ClaimView }) {
  const { t, pick } = useT();
  return (
    <div class="ff-detail">
      <p>
        <Label text={t('card_correction_label')} />
        {pick(claim.correction)}
      </p>
      <SourceList sources={claim.sources} label={t('card_sources_label')} />
      <SourceList sources={claim.seenIn} label={t('common_seen_in')} />
    </div>
  );
}

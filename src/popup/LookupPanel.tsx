/**
 * "Look up in Frontier Facts": the selected text and what the page scan's
 * checker finds in it (misclaims with their corrections and sources, and the
 * subjects it mentions with their key facts), shown at the top of the popup
 * the menu opened.
 */
import { useState } from 'preact/hooks';
import type { LookupResult } from '../shared/views';
import { VerdictBadge } from '../ui/kit/Badges';
import { useT } from '../ui/kit/lang';
import { Label } from '../ui/kit/Label';
import { SourceList } from '../ui/kit/SourceList';
import { ResultItem } from './ResultItem';
import { FACTS_PER_CARD } from './SubjectCards';

/** Longer selections are shortened on screen (the whole text was checked). */
const QUOTE_MAX = 280;

export function LookupPanel({ result, onClose }: { result: LookupResult; onClose: () => void }) {
  const { t, pick } = useT();
  const [openKey, setOpenKey] = useState<string | null>(null);
  const quote = result.text.length > QUOTE_MAX ? `${result.text.slice(0, QUOTE_MAX).trimEnd()}…` : result.text;
  const nothing = result.claims.length === 0 && result.subjects.length === 0;
  return (
    <section class="ff-lookup" aria-labelledby="ff-lookup-heading">
      <div class="ff-lookup-head">
        <h2 id="ff-lookup-heading" class="ff-section-heading">
          {t('popup_lookup_heading')}
        </h2>
        <button type="button" class="ff-link-button" onClick={onClose}>
          {t('popup_lookup_close')}
        </button>
      </div>
      <blockquote class="ff-quote">{quote}</blockquote>
      {nothing && <p class="ff-message">{t('popup_lookup_nothing')}</p>}
      {result.claims.length > 0 && (
        <>
          <h3 class="ff-subheading">{t('popup_lookup_claims')}</h3>
          <ul class="ff-page-list">
            {result.claims.map(({ claim, sentence }) => (
              <li key={`${claim.id}|${sentence}`} class="ff-flagged ff-lookup-claim">
                <p>
                  <VerdictBadge verdict={claim.verdict} /> <q class="ff-sentence">{sentence}</q>
                </p>
                <p class="ff-correction">
                  <Label text={t('card_correction_label')} />
                  {pick(claim.correction)}
                </p>
                <SourceList sources={claim.sources} limit={2} />
              </li>
            ))}
          </ul>
        </>
      )}
      {result.subjects.length > 0 && (
        <>
          <h3 class="ff-subheading">{t('popup_lookup_subjects')}</h3>
          {result.subjects.map((card) => (
            <section key={card.entityId} class="ff-subject" aria-label={pick(card.name)}>
              <h4 class="ff-group-heading">{pick(card.name)}</h4>
              <ul class="ff-result-list">
                {card.facts.slice(0, FACTS_PER_CARD).map((fact) => {
                  const key = `lookup:${fact.id}`;
                  return (
                    <ResultItem
                      key={key}
                      result={{ kind: 'fact', score: 0, fact }}
                      open={openKey === key}
                      onToggle={() => setOpenKey((current) => (current === key ? null : key))}
                    />
                  );
                })}
              </ul>
            </section>
          ))}
        </>
      )}
    </section>
  );
}

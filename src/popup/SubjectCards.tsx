/** The empty-query view: the three subjects as cards with their top facts. */
import { useLayoutEffect } from 'preact/hooks';
import type { CardData } from '../shared/views';
import { useT } from '../ui/kit/lang';
import { markPopupReady } from './perf-marks';
import { ResultItem } from './ResultItem';

/** Facts per card: enough to orient, few enough that all three cards fit the popup. */
export const FACTS_PER_CARD = 3;

export function SubjectCards({
  cards,
  openKey,
  onToggle,
}: {
  cards: readonly CardData[];
  openKey: string | null;
  onToggle: (key: string) => void;
}) {
  const { t, pick } = useT();
  useLayoutEffect(() => markPopupReady(), []);
  return (
    <div>
      <h2 class="ff-visually-hidden">{t('popup_subjects_heading')}</h2>
      {cards.map((card) => (
        <section class="ff-subject" key={card.entityId} aria-labelledby={`ff-subject-${card.entityId}`}>
          <h2 class="ff-group-heading" id={`ff-subject-${card.entityId}`}>
            {pick(card.name)}
          </h2>
          <p class="ff-description">{pick(card.description)}</p>
          <ul class="ff-result-list">
            {card.facts.slice(0, FACTS_PER_CARD).map((fact) => {
              const key = `fact:${fact.id}`;
              return (
                <ResultItem key={key} result={{ kind: 'fact', score: 0, fact }} open={openKey === key} onToggle={() => onToggle(key)} />
              );
            })}
          </ul>
        </section>
      ))}
    </div>
  );
}

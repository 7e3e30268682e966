/**
 * "On this page": the subjects the tab mentions and the sentences it flags,
 * each a button that scrolls the page to it; or a plain sentence saying why
 * there is nothing to list (not scanned, off here, paused, nothing found).
 */
import { useRef, useState } from 'preact/hooks';
import type { EntityId, LocalizedText } from '../data/schema';
import type { ClaimView } from '../shared/views';
import { VerdictBadge } from '../ui/kit/Badges';
import { useApi } from '../ui/context';
import { useT } from '../ui/kit/lang';
import { Label } from '../ui/kit/Label';
import type { PageState, SentenceOnPage, SubjectOnPage } from './page-state';

export interface PagePanelProps {
  state: PageState;
  names: ReadonlyMap<EntityId, LocalizedText>;
  /** Claim records by id, for the corrections (loaded by the caller). */
  claims: ReadonlyMap<string, ClaimView>;
}

export function PagePanel({ state, names, claims }: PagePanelProps) {
  const { t } = useT();
  return (
    <section class="ff-page" aria-labelledby="ff-page-heading">
      <h2 id="ff-page-heading" class="ff-section-heading">
        {t('popup_page_heading')}
      </h2>
      {state.kind === 'found' ? (
        <Findings state={state} names={names} claims={claims} />
      ) : (
        <p class="ff-message">{emptyMessage(state, t)}</p>
      )}
    </section>
  );
}

function emptyMessage(state: Exclude<PageState, { kind: 'found' }>, t: ReturnType<typeof useT>['t']): string {
  switch (state.kind) {
    case 'loading':
      return t('popup_page_loading');
    case 'unscanned':
      return t('popup_page_unscanned');
    case 'paused':
      return t('popup_page_paused');
    case 'off-site':
      return t('popup_page_off_site', state.host);
    case 'scanning':
      return t('popup_page_scanning');
    case 'nothing':
      return t('popup_page_nothing');
  }
}

function Findings({ state, names, claims }: { state: Extract<PageState, { kind: 'found' }> } & Omit<PagePanelProps, 'state'>) {
  const api = useApi();
  const { t, pick } = useT();
  const [notice, setNotice] = useState('');
  // Repeated clicks on a subject step through its mentions, like the keyboard command does.
  const cursors = useRef(new Map<EntityId, number>());

  const reveal = async (kind: 'mention' | 'claim', index: number) => {
    const result = await api.reveal(state.tabId, kind, index);
    setNotice(t(result.ok && result.value ? 'popup_revealed' : 'popup_reveal_failed'));
  };
  const revealSubject = (subject: SubjectOnPage) => {
    const step = ((cursors.current.get(subject.entityId) ?? -1) + 1) % subject.indexes.length;
    cursors.current.set(subject.entityId, step);
    void reveal('mention', subject.indexes[step]!);
  };

  return (
    <>
      {state.subjects.length > 0 && (
        <>
          <h3 class="ff-subheading">{t('popup_mentions_heading')}</h3>
          <ul class="ff-page-list">
            {state.subjects.map((subject) => {
              const name = names.get(subject.entityId);
              const count = subject.indexes.length;
              return (
                <li key={subject.entityId}>
                  <button type="button" class="ff-page-item" onClick={() => revealSubject(subject)}>
                    <span class="ff-subject-name">{name ? pick(name) : subject.entityId}</span>
                    <span class="ff-count">{count === 1 ? t('popup_mention_one') : t('popup_mention_many', String(count))}</span>
                  </button>
                </li>
              );
            })}
          </ul>
        </>
      )}
      {state.sentences.length > 0 && (
        <>
          <h3 class="ff-subheading">{t('popup_flagged_heading')}</h3>
          <ul class="ff-page-list">
            {state.sentences.map((entry) => (
              <FlaggedItem
                key={`${entry.claims[0]!.index}`}
                entry={entry}
                views={claims}
                onReveal={() => void reveal('claim', entry.claims[0]!.index)}
              />
            ))}
          </ul>
        </>
      )}
      <p class="ff-visually-hidden" role="status">
        {notice}
      </p>
    </>
  );
}

function FlaggedItem({ entry, views, onReveal }: { entry: SentenceOnPage; views: ReadonlyMap<string, ClaimView>; onReveal: () => void }) {
  const { t, pick } = useT();
  return (
    <li class="ff-flagged">
      <button type="button" class="ff-page-item" onClick={onReveal}>
        <q class="ff-sentence">{entry.sentence}</q>
      </button>
      <ul class="ff-sentence-claims">
        {entry.claims.map((claim) => {
          const view = views.get(claim.claimId);
          return (
            <li key={claim.claimId}>
              <VerdictBadge verdict={claim.verdict} />{' '}
              {view && (
                <span class="ff-correction">
                  <Label text={t('card_correction_label')} />
                  {pick(view.correction)}
                </span>
              )}
            </li>
          );
        })}
      </ul>
    </li>
  );
}

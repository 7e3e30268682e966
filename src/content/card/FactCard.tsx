/**
 * The hover card: a pure, props-driven view of one subject (its top facts with
 * statuses and sources) and, when the hovered sentence states a misclaim, the
 * correction. Positioning and lifecycle live in card-host.ts and
 * card-controller.ts, so this renders the same in a test as on a page.
 */
import type { FactStatus, Verdict } from '../../data/schema';
import { t, type Lang } from '../../shared/i18n';
import type { CardData, ClaimView, FactView, SourceView } from '../../shared/views';

export type CardState = { kind: 'loading' } | { kind: 'error' } | { kind: 'ready'; data: CardData };

export interface FactCardProps {
  state: CardState;
  /** The subject's name while the data loads (from the page's mention text). */
  fallbackName: string;
  lang: Lang;
  /** Id for aria-labelledby (unique within the shadow root). */
  titleId: string;
  onClose: () => void;
  onMore: () => void;
}

const STATUS_KEY = {
  verified: 'status_verified',
  'single-source': 'status_single_source',
  disputed: 'status_disputed',
  unconfirmed: 'status_unconfirmed',
} as const;
const VERDICT_KEY = {
  false: 'verdict_false',
  misleading: 'verdict_misleading',
  outdated: 'verdict_outdated',
  disputed: 'verdict_disputed',
  unsupported: 'verdict_unsupported',
} as const;

export function FactCard({ state, fallbackName, lang, titleId, onClose, onMore }: FactCardProps) {
  const data = state.kind === 'ready' ? state.data : null;
  const name = data ? data.name[lang] : fallbackName;
  return (
    <div class="card" role="dialog" aria-modal="false" aria-labelledby={titleId} tabIndex={-1} lang={lang === 'zh' ? 'zh-CN' : 'en'}>
      <header class="head">
        <h2 id={titleId} class="title">
          <span class="brand">Frontier Facts</span>
          <span class="subject">{name}</span>
        </h2>
        <button type="button" class="close" aria-label={t(lang, 'card_close')} title={t(lang, 'card_close')} onClick={onClose}>
          ×
        </button>
      </header>
      {state.kind === 'loading' && (
        <p class="note" role="status">
          {t(lang, 'card_loading')}
        </p>
      )}
      {state.kind === 'error' && (
        <p class="note" role="alert">
          {t(lang, 'card_error')}
        </p>
      )}
      {data && <CardBody data={data} lang={lang} onMore={onMore} />}
    </div>
  );
}

function CardBody({ data, lang, onMore }: { data: CardData; lang: Lang; onMore: () => void }) {
  return (
    <div class="body">
      <p class="description">{data.description[lang]}</p>
      {data.claims.map((claim) => (
        <Correction key={claim.id} claim={claim} lang={lang} />
      ))}
      <section aria-label={t(lang, 'card_facts_heading')}>
        <h3 class="section-title">{t(lang, 'card_facts_heading')}</h3>
        <ul class="facts">
          {data.facts.map((fact) => (
            <FactItem key={fact.id} fact={fact} lang={lang} />
          ))}
        </ul>
      </section>
      <footer class="foot">
        <span class="as-of">{t(lang, 'card_as_of', data.datasetDate, data.datasetVersion)}</span>
        <button type="button" class="more" onClick={onMore} title={t(lang, 'card_more_hint')}>
          {t(lang, 'card_more')} →
        </button>
      </footer>
    </div>
  );
}

function Correction({ claim, lang }: { claim: ClaimView; lang: Lang }) {
  return (
    <section class={`correction verdict-${claim.verdict}`} role="note" aria-label={t(lang, 'card_flagged_heading')}>
      <h3 class="section-title">
        <span aria-hidden="true">⚠ </span>
        {t(lang, 'card_flagged_heading')}
      </h3>
      <p>
        <VerdictBadge verdict={claim.verdict} lang={lang} />
        <span class="label">{t(lang, 'card_claim_label')}: </span>
        <span class="claim-text">{claim.claim[lang]}</span>
      </p>
      <p>
        <span class="label">{t(lang, 'card_correction_label')}: </span>
        {claim.correction[lang]}
      </p>
      <SourceLinks sources={claim.sources} lang={lang} />
    </section>
  );
}

function FactItem({ fact, lang }: { fact: FactView; lang: Lang }) {
  return (
    <li class="fact">
      <StatusBadge status={fact.status} lang={lang} />
      <span class="statement">{fact.statement[lang]}</span>
      {fact.sides ? (
        <ul class="sides">
          {fact.sides.map((side, i) => (
            <li key={i} class="side">
              <span class="label">{t(lang, 'card_side_label')}: </span>
              {side.statement[lang]}
              <SourceLinks sources={side.sources} lang={lang} />
            </li>
          ))}
        </ul>
      ) : (
        <SourceLinks sources={fact.sources} lang={lang} />
      )}
    </li>
  );
}

export function StatusBadge({ status, lang }: { status: FactStatus; lang: Lang }) {
  return <span class={`badge status-${status}`}>{t(lang, STATUS_KEY[status])}</span>;
}

export function VerdictBadge({ verdict, lang }: { verdict: Verdict; lang: Lang }) {
  return <span class={`badge verdict verdict-${verdict}`}>{t(lang, VERDICT_KEY[verdict])}</span>;
}

/** Outlet and date per source; only https URLs become links (the schema allows nothing else). */
function SourceLinks({ sources, lang }: { sources: SourceView[]; lang: Lang }) {
  if (sources.length === 0) return null;
  return (
    <span class="sources">
      <span class="visually-hidden">{t(lang, 'card_sources_label')}: </span>
      {sources.map((s, i) => {
        const label = `${s.outlet}, ${s.published ?? t(lang, 'card_undated')}`;
        return (
          <span key={s.id}>
            {i > 0 && ' · '}
            {s.url?.startsWith('https://') ? (
              <a href={s.url} title={s.title ?? undefined} target="_blank" rel="noopener noreferrer">
                {label}
              </a>
            ) : (
              <span title={s.title ?? undefined}>{label}</span>
            )}
          </span>
        );
      })}
    </span>
  );
}

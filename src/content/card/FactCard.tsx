/**
 * The in-page card: a pure, props-driven view (positioning and lifecycle live
 * in card-host.ts and card-controller.tsx, so it renders the same in a test as
 * on a page).
 *
 * A flagged sentence leads with what is wrong: the subject as a small line,
 * the verdict and the correction as the title, the rest of the correction and
 * its strongest sources; the subject's summary and key facts fold under "More
 * about …". A plain mention shows the subject, its summary and key facts.
 * Badges and source lists are the popup's components (src/ui); only the
 * styling is the card's own.
 */
import type { Lang } from '../../shared/i18n';
import type { CardData, ClaimView, FactView } from '../../shared/views';
import { StatusBadge } from '../../ui/kit/Badges';
import { LangContext, htmlLang, useT } from '../../ui/kit/lang';
import { formatDate } from '../../ui/kit/format';
import { Label } from '../../ui/kit/Label';
import { SourceList } from '../../ui/kit/SourceList';
import { correctionParts, flagHeading, shownFlags, sinceDevelopment, type CardFlag } from './card-text';

import type { CardState } from './card-view';

export type { CardState };

export interface FactCardProps {
  state: CardState;
  /** The subject's name while the data loads (from the page's mention text). */
  fallbackName: string;
  lang: Lang;
  /** The claims flagged in the sentence, as the checker read them (stance, true-until). */
  flags?: readonly CardFlag[];
  /** The page's publication date (ISO), when it states one. */
  published?: string | null;
  /** Id prefix for aria references (unique within the shadow root). */
  titleId: string;
  /** Announce the card's title politely (it opened beside the reader's focus, not in it). */
  announce?: boolean;
  onClose: () => void;
  onMore: () => void;
}

export function FactCard(props: FactCardProps) {
  return (
    <LangContext.Provider value={props.lang}>
      <Card {...props} />
    </LangContext.Provider>
  );
}

function Card({ state, fallbackName, lang, flags = [], published = null, titleId, announce = false, onClose, onMore }: FactCardProps) {
  const { t, pick } = useT();
  const data = state.kind === 'ready' ? state.data : null;
  const name = data ? pick(data.name) : fallbackName;
  const flagged = data ? flaggedClaims(data.claims, flags) : [];
  const lead = flagged[0];
  return (
    <div class="card" role="dialog" aria-modal="false" aria-label={name} tabIndex={-1} lang={htmlLang(lang)}>
      <header class="head">
        {/* A card that opens on hover or on a focused link does not take focus: its header is a polite live
            region, so the subject and the verdict are read once the facts arrive (not repeated elsewhere). */}
        <div class="head-text" aria-live={announce ? 'polite' : undefined} aria-atomic={announce ? 'true' : undefined}>
          {lead ? (
            <>
              <p class="kicker">{name}</p>
              <h2 id={titleId} class={`title verdict-title verdict-${lead.claim.verdict}`}>
                <FlagTitle claim={lead.claim} flag={lead.flag} />
              </h2>
            </>
          ) : (
            <h2 id={titleId} class="title">
              {name}
            </h2>
          )}
          {data && <p class="as-of">{t('card_facts_as_of', formatDate(data.datasetDate, lang))}</p>}
        </div>
        <button type="button" class="close" aria-label={t('card_close')} title={t('card_close')} onClick={onClose}>
          ×
        </button>
      </header>
      {state.kind === 'loading' && (
        <p class="note" role="status">
          {t('card_loading')}
        </p>
      )}
      {state.kind === 'error' && (
        <p class="note" role="alert">
          {t('card_error')}
        </p>
      )}
      {data && (
        <div class="body">
          {flagged.map(({ claim, flag }, i) => (
            <Flag key={claim.id} claim={claim} flag={flag} headed={i > 0} />
          ))}
          <Since data={data} published={published} />
          {lead ? (
            <details class="more-about">
              <summary>{t('card_more_about', name)}</summary>
              <Subject data={data} />
            </details>
          ) : (
            <Subject data={data} />
          )}
          <footer class="foot">
            <span class="version">{t('card_dataset_version', data.datasetVersion)}</span>
            <button type="button" class="more" onClick={onMore} title={t('card_more_hint')}>
              {t('card_more')} →
            </button>
          </footer>
        </div>
      )}
    </div>
  );
}

interface Flagged {
  claim: ClaimView;
  flag: CardFlag;
}

/** The card's claims in the order the sentence flags them, without those it refutes. */
function flaggedClaims(claims: readonly ClaimView[], flags: readonly CardFlag[]): Flagged[] {
  const byId = new Map(shownFlags(flags).map((f) => [f.claimId, f]));
  return claims.flatMap((claim) => {
    const flag = byId.get(claim.id) ?? (flags.length === 0 ? { claimId: claim.id } : undefined);
    return flag ? [{ claim, flag }] : [];
  });
}

/** "False: the Treasury Secretary is Scott Bessent", "True until Jun 2, 2026: …". */
function FlagTitle({ claim, flag }: Flagged) {
  const { t, lang, pick } = useT();
  const heading = flagHeading(claim.verdict, flag);
  const label = heading.date ? t(heading.key, formatDate(heading.date, lang)) : t(heading.key);
  return (
    <>
      <span class="verdict-label">
        {label}
        {t('common_label_suffix')}
      </span>
      {correctionParts(pick(claim.correction)).lead}
    </>
  );
}

/** One flagged claim: (a heading of its own after the first), what it says, the rest of the correction, its strongest sources. */
function Flag({ claim, flag, headed }: Flagged & { headed: boolean }) {
  const { t, pick } = useT();
  const rest = correctionParts(pick(claim.correction)).rest;
  return (
    <section class={`flag verdict-${claim.verdict}`}>
      {headed && (
        <h3 class="flag-title">
          <FlagTitle claim={claim} flag={flag} />
        </h3>
      )}
      {rest && <p class="correction">{rest}</p>}
      <p class="claim-line">
        <Label text={t('card_claim_label')} />
        {pick(claim.claim)}
      </p>
      {flag.stance === 'reports' && <p class="stance">{t('card_stance_reports')}</p>}
      <SourceList sources={claim.sources} limit={2} />
    </section>
  );
}

/** "Since this was published: Jun 2, 2026 — the order was signed…" (one line, the newest development). */
function Since({ data, published }: { data: CardData; published: string | null }) {
  const { t, lang, pick } = useT();
  const since = sinceDevelopment(data.developments, published);
  if (!since) return null;
  return (
    <p class="since" role="note">
      <Label text={t('card_since')} />
      <time dateTime={since.newest.happened}>{formatDate(since.newest.happened, lang)}</time>
      {' — '}
      {pick(since.newest.statement)}
    </p>
  );
}

function Subject({ data }: { data: CardData }) {
  const { t, pick } = useT();
  return (
    <>
      <p class="description">{pick(data.description)}</p>
      <section aria-label={t('card_facts_heading')}>
        <h3 class="section-title">{t('card_facts_heading')}</h3>
        <ul class="facts">
          {data.facts.map((fact) => (
            <FactItem key={fact.id} fact={fact} />
          ))}
        </ul>
      </section>
    </>
  );
}

function FactItem({ fact }: { fact: FactView }) {
  const { t, pick, lang } = useT();
  return (
    <li class="fact">
      <StatusBadge status={fact.status} />
      <span class="statement">{pick(fact.statement)}</span>
      {fact.until && <span class="until"> {t('common_parenthetical', t('card_until', formatDate(fact.until, lang)))}</span>}
      {fact.sides ? (
        <ul class="sides">
          {fact.sides.map((side, i) => (
            <li key={i} class="side">
              <Label text={t('card_side_label')} />
              {pick(side.statement)}
              <SourceList sources={side.sources} limit={1} />
            </li>
          ))}
        </ul>
      ) : (
        <SourceList sources={fact.sources} limit={1} />
      )}
    </li>
  );
}

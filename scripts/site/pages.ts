/** The main content of the site's two kinds of page: one claim with its review, and the index of all claims. */
import type { Entity } from '../../src/data/schema';
import type { Lang } from '../../src/shared/i18n';
import { VERDICT_RATINGS, BEST_RATING } from '../../src/shared/claimreview';
import type { ClaimView, SourceView } from '../../src/shared/views';
import { html, httpsOnly, type Html } from './html';
import { siteStrings } from './strings';

/** What a claim page shows besides the claim: its subject, its review's dates, the languages of its sources. */
export interface ClaimPageContext {
  lang: Lang;
  entityName: string;
  published: string;
  modified: string;
  /** A source's language, by id: its title is marked with it when it differs from the page's. */
  sourceLanguage: ReadonlyMap<string, string>;
}

/** One claim: what it says, the verdict, what the sources say, the sources by tier, where it was seen. */
export function claimMain(claim: ClaimView, context: ClaimPageContext): Html {
  const s = siteStrings(context.lang);
  const rating = VERDICT_RATINGS[claim.verdict];
  const sources = (list: SourceView[]) => html`<ul class="sources">
${list.map((source) => sourceItem(source, context))}</ul>`;
  return html`<p class="kicker">${s.claimLabel} · ${context.entityName}</p>
<h1>${claim.claim[context.lang]}</h1>
<p>${s.verdictLabel}${s.colon}<span class="verdict v-${claim.verdict}">${s.verdict(claim.verdict)}</span> <span class="meta">${s.rating(rating.value, BEST_RATING)}</span>${s.dash}${s.verdictMeaning(claim.verdict)}</p>
<h2>${s.correctionLabel}</h2>
<p>${claim.correction[context.lang]}</p>
<h2>${s.sourcesLabel}</h2>
${sources(claim.sources)}
${
  claim.seenIn.length > 0 &&
  html`<h2>${s.seenIn}</h2>
${sources(claim.seenIn)}`
}
<p class="dates">${s.reviewed} ${date(context.published)} · ${s.updated} ${date(context.modified)}</p>
<p class="legend">${s.tierLegend}</p>`;
}

function sourceItem(source: SourceView, { lang, sourceLanguage }: ClaimPageContext): Html {
  const s = siteStrings(lang);
  const textLang = sourceLanguage.get(source.id);
  const markLang = (textLang === 'en' || textLang === 'zh') && textLang !== lang ? (textLang === 'zh' ? 'zh-CN' : 'en') : undefined;
  const label = source.title ?? source.outlet;
  const href = httpsOnly(source.url);
  const name = source.title && markLang ? html`<span lang="${markLang}">${label}</span>` : label;
  const publisher = source.originalPublisher ? s.via(source.originalPublisher, source.outlet) : source.title ? source.outlet : null;
  return html`<li><span class="tier">${s.tier(source.tier)}</span> ${href ? html`<a href="${href}">${name}</a>` : name}<br>
<span class="meta">${publisher && html`${publisher} · `}${source.published ? date(source.published) : s.undated}</span></li>
`;
}

const date = (iso: string) => html`<time datetime="${iso}">${iso}</time>`;

/** Every claim, grouped by subject, with its verdict and a link to its page. */
export function indexMain(lang: Lang, entities: readonly Entity[], claims: readonly ClaimView[], link: (claimId: string) => string): Html {
  const s = siteStrings(lang);
  return html`<h1>${s.indexTitle}</h1>
<p>${s.indexIntro}</p>
${entities.map((entity) => {
  const own = claims.filter((c) => c.entity === entity.id);
  return (
    own.length > 0 &&
    html`<section>
<h2>${entity.name[lang]}</h2>
<ul class="claims">
${own.map((c) => html`<li><a href="${link(c.id)}">${c.claim[lang]}</a> <span class="verdict v-${c.verdict}">${s.verdict(c.verdict)}</span></li>\n`)}</ul>
</section>
`
  );
})}`;
}

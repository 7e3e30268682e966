/**
 * The site's words in both languages. Verdicts and their meanings, tiers, "via", "undated" and
 * the card's labels come from the extension's own catalogue (public/_locales through shared/i18n),
 * so the site and the card say the same thing; the rest is only the site's.
 */
import type { SourceTier, Verdict } from '../../src/data/schema';
import { t, type Lang } from '../../src/shared/i18n';

const TIER_ORDER: readonly SourceTier[] = ['official', 'wire', 'outlet', 'analysis', 'secondary'];

/** What each tier covers, for the legend under a claim's sources (the tier names are the card's). */
const TIER_SCOPE: Record<Lang, Record<SourceTier, string>> = {
  en: {
    official: 'the order, agency and company announcements',
    wire: 'news agencies',
    outlet: 'established newsrooms',
    analysis: 'named experts',
    secondary: 'aggregators, summaries, blogs, reposts; never counted toward a verdict',
  },
  zh: {
    official: '行政令原文、政府机构和公司公告',
    wire: '新闻通讯社',
    outlet: '有编辑标准的新闻机构',
    analysis: '具名专家',
    secondary: '聚合网站、摘要、博客、转载；从不计入评级依据',
  },
};

const SITE = {
  en: {
    indexTitle: 'Claims checked by Frontier Facts',
    indexIntro:
      'Misclaims that circulate about the AI executive order (EO 14409), Claude Mythos and Project Glasswing, each with its verdict, what the sources say, and the sources themselves.',
    allClaims: 'All claims',
    claimLabel: 'Claim',
    verdictLabel: 'Verdict',
    rating: (value: number, best: number) => `(rating ${value} of ${best})`,
    seenIn: 'Seen in',
    reviewed: 'Reviewed',
    updated: 'evidence last confirmed',
    otherLanguage: '中文',
    tierLegendLabel: 'Source tiers',
    colon: ': ',
    dash: ' — ',
    listSeparator: '; ',
    scoped: (name: string, scope: string) => `${name} (${scope})`,
  },
  zh: {
    indexTitle: 'Frontier Facts 核查的说法',
    indexIntro:
      '关于人工智能行政令（第14409号行政令）、Claude Mythos 和 Project Glasswing 的流传错误说法，每条附评级、来源显示的情况及来源本身。',
    allClaims: '全部说法',
    claimLabel: '说法',
    verdictLabel: '评级',
    rating: (value: number, best: number) => `（评分 ${value}/${best}）`,
    seenIn: '出现于',
    reviewed: '核查于',
    updated: '证据最后确认于',
    otherLanguage: 'English',
    tierLegendLabel: '来源级别',
    colon: '：',
    dash: '——',
    listSeparator: '；',
    scoped: (name: string, scope: string) => `${name}（${scope}）`,
  },
} as const;

/** The site's strings for one language. */
export function siteStrings(lang: Lang) {
  const site = SITE[lang];
  const tier = (name: SourceTier) => t(lang, `tier_${name}`);
  return {
    ...site,
    tier,
    tierLegend:
      site.tierLegendLabel +
      site.colon +
      TIER_ORDER.map((name) => site.scoped(tier(name), TIER_SCOPE[lang][name])).join(site.listSeparator),
    via: (original: string, outlet: string) => t(lang, 'source_via', original, outlet),
    verdict: (verdict: Verdict) => t(lang, `verdict_${verdict}`),
    verdictMeaning: (verdict: Verdict) => t(lang, `options_verdict_${verdict}_desc`),
    correctionLabel: t(lang, 'card_correction_label'),
    sourcesLabel: t(lang, 'card_sources_label'),
    undated: t(lang, 'card_undated'),
    dataset: (version: string, date: string) => `${t(lang, 'card_facts_as_of', date)} · ${t(lang, 'card_dataset_version', version)}`,
  };
}
export type SiteStrings = ReturnType<typeof siteStrings>;

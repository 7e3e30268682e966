/**
 * The site's words in both languages. Verdicts, their descriptions and the card's labels come
 * from the extension's own catalogue (public/_locales through shared/i18n), so the site and the
 * card say the same thing; the rest is only the site's.
 */
import type { SourceTier, Verdict } from '../../src/data/schema';
import { t, type Lang } from '../../src/shared/i18n';

const TIERS: Record<Lang, Record<SourceTier, string>> = {
  en: { official: 'official', wire: 'wire', outlet: 'outlet', analysis: 'analysis', secondary: 'secondary' },
  zh: { official: '官方', wire: '通讯社', outlet: '媒体', analysis: '分析', secondary: '二手' },
};

const SITE = {
  en: {
    indexTitle: 'Claims checked by Frontier Facts',
    indexIntro:
      'Misclaims that circulate about the AI executive order (EO 14409), Claude Mythos and Project Glasswing, each with its verdict, what the sources say, and the sources themselves.',
    allClaims: 'All claims',
    claimLabel: 'Claim',
    verdictLabel: 'Verdict',
    colon: ': ',
    dash: ' — ',
    rating: (value: number, best: number) => `(rating ${value} of ${best})`,
    seenIn: 'Seen in',
    via: (original: string, outlet: string) => `${original}, via ${outlet}`,
    reviewed: 'Reviewed',
    updated: 'evidence last confirmed',
    dataset: (version: string, date: string) => `Dataset ${version}, facts as of ${date}.`,
    otherLanguage: '中文',
    tierLegend:
      'Source tiers: official, wire (news agencies), outlet (newsrooms), analysis (named experts), secondary (aggregators, blogs, reposts).',
  },
  zh: {
    indexTitle: 'Frontier Facts 核查的说法',
    indexIntro:
      '关于人工智能行政令（第14409号行政令）、Claude Mythos 和 Project Glasswing 的流传错误说法，每条附评级、来源显示的情况及来源本身。',
    allClaims: '全部说法',
    claimLabel: '说法',
    verdictLabel: '评级',
    colon: '：',
    dash: '——',
    rating: (value: number, best: number) => `（评分 ${value}/${best}）`,
    seenIn: '出现于',
    via: (original: string, outlet: string) => `${original}，经由 ${outlet}`,
    reviewed: '核查于',
    updated: '证据最后确认于',
    dataset: (version: string, date: string) => `数据集 ${version}，事实截至 ${date}。`,
    otherLanguage: 'English',
    tierLegend: '来源级别：官方、通讯社、媒体（有编辑标准的新闻机构）、分析（具名专家）、二手（聚合网站、博客、转载）。',
  },
} as const;

/** The site's strings for one language. */
export function siteStrings(lang: Lang) {
  return {
    ...SITE[lang],
    tier: (tier: SourceTier) => TIERS[lang][tier],
    verdict: (verdict: Verdict) => t(lang, `verdict_${verdict}`),
    verdictMeaning: (verdict: Verdict) => t(lang, `options_verdict_${verdict}_desc`),
    correctionLabel: t(lang, 'card_correction_label'),
    sourcesLabel: t(lang, 'card_sources_label'),
    undated: t(lang, 'card_undated'),
  };
}
export type SiteStrings = ReturnType<typeof siteStrings>;

/** The computation behind `npm run gen:zh` (scripts/gen-zh-variants.ts), shared with its freshness test. */
import * as OpenCC from 'opencc-js';
import concepts from '../src/data/concepts.json';
import entities from '../src/data/entities.json';

export interface ZhVariants {
  /** Traditional→Simplified character pairs, concatenated ("國国們们…"), sorted. */
  pairs: string;
  /** Simplified phrase → its other regional spellings, in folded form, where they differ beyond single characters (人工智能 → 人工智慧). */
  phrases: Record<string, string[]>;
  /**
   * Entity aliases and cues → their Traditional spellings as pages print them (玻璃翼计划 → 玻璃翼計劃, 玻璃翼計畫):
   * the mention scanner reads the page's own text, unfolded.
   */
  raw: Record<string, string[]>;
}

/** Names and words OpenCC leaves alone but Taiwan and Hong Kong press spell differently. */
const REGIONAL: Record<string, string[]> = {
  特朗普: ['川普'],
  美联储: ['联准会', '聯準會'],
  鲍威尔: ['鲍尔'],
  人工智能: ['人工智慧'],
  信息: ['资讯'],
  计划: ['计画'],
  网络安全: ['网路安全', '资安', '资讯安全'],
  网络: ['网路'],
  程序: ['程式'],
  代码: ['程式码'],
  叫停: ['喊卡', '喊停'],
  首席执行官: ['执行长'],
  登记选民: ['已登记选民', '登记的选民'],
  硅谷: ['矽谷'],
  软件: ['软体'],
  贝森特: ['贝森特', '贝森'],
};

const CJK = /[\u3400-\u9fff]/;

/** The checker's own words beside the concept lists: numerals, units and date words it parses (numbers.ts, dates.ts). */
const PARSER_WORDS = [
  '零〇一二两三四五六七八九十百千万亿',
  '个号周星期礼拜年月日天点多余家名项位款次',
  '百分之',
  '国家',
  '机构',
  '公司',
  '这',
  '该',
];

export function zhVariantsFor(): ZhVariants {
  const phrases = new Set<string>();
  for (const entity of entities) {
    for (const alias of entity.aliases) if (alias.lang === 'zh') phrases.add(alias.text);
    for (const list of Object.values(entity.cues)) for (const p of list.zh) phrases.add(p);
  }
  // The characters of regex phrases fold too (讓 in "得先讓…"), though the regexes get no regional variants.
  const regexRuns = new Set<string>();
  for (const concept of Object.values(concepts as Record<string, { zh: string[] }>))
    for (const p of concept.zh) {
      if (!p.startsWith('re:')) phrases.add(p);
      else for (const run of p.match(/[\u4e00-\u9fff]+/g) ?? []) regexRuns.add(run);
    }
  for (const w of PARSER_WORDS) phrases.add(w);
  for (const [k, vs] of Object.entries(REGIONAL)) {
    phrases.add(k);
    for (const v of vs) phrases.add(v);
  }
  const converters = ['t', 'tw', 'hk', 'twp'].map((to) => OpenCC.Converter({ from: 'cn', to: to as 'tw' }));
  const toSimplified = OpenCC.Converter({ from: 't', to: 'cn' });
  const pairs = new Map<string, string>();
  // Character by character, and only pairs OpenCC maps back on their own: a vocabulary swap of the same
  // length (发布 → 釋出 in Taiwan usage) must not teach the table that 出 means 布.
  const addPairs = (traditional: string, simplified: string) => {
    if (traditional.length !== simplified.length) return;
    for (let i = 0; i < traditional.length; i++) {
      const t = traditional[i]!;
      const s = simplified[i]!;
      if (t !== s && CJK.test(t) && !pairs.has(t) && toSimplified(t) === s) pairs.set(t, s);
    }
  };
  const charConverters = converters.slice(0, 3);
  const variants: Record<string, string[]> = {};
  for (const phrase of [...phrases, ...regexRuns].filter((p) => CJK.test(p)).sort()) {
    for (const convert of charConverters) addPairs(convert(phrase), phrase);
  }
  // Regional spellings become extra phrases in their folded (Simplified-character) form.
  const fold = (text: string) => [...text].map((c) => pairs.get(c) ?? c).join('');
  for (const phrase of [...phrases].filter((p) => CJK.test(p)).sort()) {
    const other = new Set<string>(REGIONAL[phrase] ?? []);
    const twp = converters[3]!(phrase);
    // Only same-length vocabulary swaps (人工智能/人工智慧): OpenCC's longer phrase rewrites misfire on our words.
    if (twp.length === phrase.length && fold(twp) !== phrase && toSimplified(twp) !== phrase) other.add(toSimplified(twp));
    for (const [base, regional] of Object.entries(REGIONAL)) {
      if (phrase.includes(base)) for (const r of regional) other.add(phrase.replace(base, r));
    }
    other.delete(phrase);
    if (other.size > 0) variants[phrase] = [...other].sort();
  }
  // Traditional spellings of the regional words (資訊, 聯準會…) fold too.
  for (const list of Object.values(variants)) for (const v of list) for (const convert of charConverters) addPairs(convert(v), v);
  const sorted = [...pairs].sort(([a], [b]) => (a < b ? -1 : 1));
  const raw: Record<string, string[]> = {};
  for (const entity of entities) {
    const texts = [
      ...entity.aliases.filter((a) => a.lang === 'zh').map((a) => a.text),
      ...Object.values(entity.cues).flatMap((list) => list.zh),
    ];
    for (const text of texts) {
      if (!CJK.test(text)) continue;
      const spellings = new Set<string>();
      for (const base of [text, ...(variants[text] ?? [])]) for (const convert of converters.slice(0, 3)) spellings.add(convert(base));
      for (const v of variants[text] ?? []) spellings.add(v);
      spellings.delete(text);
      if (spellings.size > 0) raw[text] = [...spellings].sort();
    }
  }
  return { pairs: sorted.map(([t, s]) => t + s).join(''), phrases: variants, raw };
}

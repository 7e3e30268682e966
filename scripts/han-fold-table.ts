/**
 * Builds the Traditional → Simplified folding table the search uses
 * (src/shared/han-fold.json) from the dataset's own (searchable) Chinese text:
 * every character and character pair of it, converted to Traditional (OpenCC's
 * Taiwan, Taiwan-phrase, Hong Kong and generic tables) and paired back with
 * the Simplified original. A few hundred entries instead of a multi-megabyte
 * converter; `npm run gen:han-fold` rewrites it after the dataset changes, and
 * a unit test says when it is due.
 *
 * `chars` maps a Traditional character to the Simplified one it stands for in
 * the dataset; `pairs` holds the pairs whose meaning decides (計畫 → 计划,
 * where 畫 alone is 画).
 */
import * as OpenCC from 'opencc-js';
import type { DatasetInput } from '../src/data/schema';

export interface HanFoldTable {
  chars: Record<string, string>;
  pairs: Record<string, string>;
}

const CJK = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/;

/**
 * Traditional spellings used interchangeably with the ones OpenCC writes (計畫 and 計劃 both occur
 * in Taiwan; 裡/裏, 臺/台, 著/着…): each is tried in place of the other.
 */
const VARIANTS: Record<string, string[]> = {
  劃: ['畫'],
  畫: ['劃'],
  裡: ['裏'],
  裏: ['裡'],
  臺: ['台'],
  台: ['臺'],
  著: ['着'],
  為: ['爲'],
  線: ['綫'],
  衛: ['衞'],
  群: ['羣'],
  峰: ['峯'],
  歎: ['嘆'],
  啟: ['啓'],
  說: ['説'],
  內: ['内'],
  眾: ['衆'],
  鉤: ['鈎'],
  污: ['汙'],
};

/**
 * The dataset's searchable Chinese: names, descriptions, statements, claims and corrections, all
 * Simplified (src/data/README.md). Aliases, cues, examples and source titles are left out: they
 * quote pages as written, Traditional ones included, and would pass for Simplified here.
 */
export function datasetChinese(data: DatasetInput): string[] {
  const texts: string[] = [];
  const add = (s: string | undefined) => s && CJK.test(s) && texts.push(s);
  for (const e of data.entities) {
    add(e.name.zh);
    add(e.description.zh);
  }
  for (const f of data.facts) {
    add(f.statement.zh);
    for (const side of f.sides ?? []) add(side.statement.zh);
  }
  for (const c of data.claims) {
    add(c.claim.zh);
    add(c.correction.zh);
  }
  return texts;
}

export function buildHanFoldTable(texts: readonly string[]): HanFoldTable {
  // Characters from the plain character conversion; pairs also from the regional phrase tables
  // (a Taiwanese reader writes 專案 for 项目, 資訊 for 信息).
  const plain = OpenCC.Converter({ from: 'cn', to: 't' });
  const regional = (['tw', 'twp', 'hk'] as const).map((to) => OpenCC.Converter({ from: 'cn', to }));
  // A character the dataset's Simplified text uses is Simplified (or common to both): never folded.
  const simplified = new Set(texts.flatMap((t) => [...t].filter((c) => CJK.test(c))));
  const charVotes = new Map<string, Map<string, number>>();
  const pairCandidates = new Map<string, string>();
  const alternates = (c: string) => [c, ...(VARIANTS[c] ?? []), ...Object.keys(VARIANTS).filter((k) => VARIANTS[k]!.includes(c))];
  const vote = (tc: string, sc: string, weight: number) => {
    const votes = charVotes.get(tc) ?? new Map<string, number>();
    votes.set(sc, (votes.get(sc) ?? 0) + weight);
    charVotes.set(tc, votes);
  };
  for (const text of texts) {
    const s = [...text];
    const t0 = [...plain(text)];
    if (t0.length !== s.length) continue;
    for (const [index, convert] of [plain, ...regional].entries()) {
      const t = index === 0 ? t0 : [...convert(text)];
      // Phrase conversions that change the length cannot be aligned character by character.
      if (t.length !== s.length) continue;
      // Where a regional table put another word (視窗 for 窗口), only whole-word pairs are kept:
      // a pair straddling the word's edge ("的視") would fold a query's neighbouring pair wrongly.
      const changed = t.map((c, i) => c !== t0[i]);
      for (let i = 0; i < s.length; i++) {
        if (!CJK.test(s[i]!)) continue;
        for (const tc of alternates(t[i]!)) {
          // The plain table decides a character; a regional one only breaks a tie (為 beside 爲).
          if (tc !== s[i] && !simplified.has(tc) && !changed[i]) vote(tc, s[i]!, index === 0 ? 10 : 1);
          if (i + 1 < s.length && CJK.test(s[i + 1]!) && (index === 0 || (changed[i] && changed[i + 1]))) {
            for (const tn of alternates(t[i + 1]!)) pairCandidates.set(tc + tn, s[i]! + s[i + 1]!);
          }
        }
      }
    }
  }
  const chars: Record<string, string> = {};
  for (const [t, votes] of [...charVotes].sort(([a], [b]) => a.localeCompare(b))) {
    chars[t] = [...votes].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]![0];
  }
  const byChar = (text: string) => [...text].map((c) => chars[c] ?? c).join('');
  const pairs: Record<string, string> = {};
  for (const [t, s] of [...pairCandidates].sort(([a], [b]) => a.localeCompare(b))) {
    // Only pairs the characters alone would fold wrongly, and never a pair of Simplified text itself.
    if (byChar(t) !== s && ![...t].every((c) => simplified.has(c))) pairs[t] = s;
  }
  return { chars, pairs };
}

// `npm run gen:han-fold`
if (import.meta.url === `file://${process.argv[1]}`) {
  const { writeFileSync } = await import('node:fs');
  const { rawDataset } = await import('../src/data/index');
  const table = buildHanFoldTable(datasetChinese(rawDataset));
  writeFileSync('src/shared/han-fold.json', `${JSON.stringify(table)}\n`);
  console.log(`src/shared/han-fold.json: ${Object.keys(table.chars).length} characters, ${Object.keys(table.pairs).length} pairs`);
}

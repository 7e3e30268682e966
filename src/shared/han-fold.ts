/**
 * Traditional → Simplified folding for search, from a table built out of the
 * dataset's own vocabulary (scripts/han-fold-table.ts; a few KB, not a
 * converter): "玻璃翼計畫" finds "玻璃翼计划". Pairs whose meaning decides
 * (視窗 → 窗口) go before single characters. Text that is already Simplified,
 * or not Chinese, comes back unchanged.
 */
import table from './han-fold.json';

const CHARS: Readonly<Record<string, string>> = table.chars;
const PAIRS: Readonly<Record<string, string>> = table.pairs;

export function foldHan(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const pair = PAIRS[text.slice(i, i + 2)];
    if (pair) {
      out += pair;
      i++;
    } else {
      out += CHARS[text[i]!] ?? text[i]!;
    }
  }
  return out;
}

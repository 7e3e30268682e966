import { describe, expect, it } from 'vitest';
import { buildHanFoldTable, datasetChinese } from '../../../scripts/han-fold-table';
import { rawDataset } from '../../../src/data/index';
import { foldHan } from '../../../src/shared/han-fold';
import table from '../../../src/shared/han-fold.json';
import { indexWords, queryTerms } from '../../../src/shared/search-words';

describe('foldHan', () => {
  it('folds Traditional spellings of the dataset’s words to its Simplified ones', () => {
    expect(foldHan('玻璃翼計畫')).toBe('玻璃翼计划');
    expect(foldHan('玻璃翼計劃')).toBe('玻璃翼计划');
    expect(foldHan('這項行政令於6月2日簽署')).toBe('这项行政令于6月2日签署');
    expect(foldHan('資訊')).toBe('信息');
  });

  it('leaves Simplified and non-Chinese text alone', () => {
    expect(foldHan('玻璃翼计划 Project Glasswing')).toBe('玻璃翼计划 Project Glasswing');
  });

  it('lets a Traditional query meet the Simplified index', () => {
    const index = new Set(indexWords('Anthropic于4月7日启动了玻璃翼计划。'));
    for (const term of queryTerms('玻璃翼計畫')) expect(index.has(term.text)).toBe(true);
  });

  it('stays small: a table, not a converter', () => {
    expect(JSON.stringify(table).length).toBeLessThan(20_000);
  });

  it('covers the dataset as it is now (else run `npm run gen:han-fold`)', () => {
    const fresh = buildHanFoldTable(datasetChinese(rawDataset));
    const missing = [
      ...Object.entries(fresh.chars).filter(([t, s]) => table.chars[t as keyof typeof table.chars] !== s),
      ...Object.entries(fresh.pairs).filter(([t, s]) => table.pairs[t as keyof typeof table.pairs] !== s),
    ];
    expect(missing, 'src/shared/han-fold.json is out of date: run `npm run gen:han-fold`').toEqual([]);
  });
});

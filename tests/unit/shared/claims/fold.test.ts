import { describe, expect, it } from 'vitest';
import { checkerConfig } from '../../../../src/shared/claims/config';
import { createFolder } from '../../../../src/shared/claims/fold';

const fold = createFolder(checkerConfig().foldPairs);

describe('folding', () => {
  it('keeps every offset: one unit in, one unit out', () => {
    for (const text of ['美國前總統川普簽署行政命令', 'Ｊｕｎｅ　３，２０２６', '“Bessant” — ‘no’', '😀 emoji and 𠀀 astral']) {
      expect(fold(text)).toHaveLength(text.length);
    }
  });

  it('folds case, full-width forms, quotes, dashes and Traditional characters', () => {
    expect(fold('Ｊｕｎｅ　３')).toBe('june 3');
    expect(fold('“Mythos” – ‘x’')).toBe(`"mythos" - 'x'`);
    expect(fold('美國前總統川普簽署行政命令')).toBe('美国前总统川普签署行政命令');
    expect(fold('玻璃翼計畫兩萬個漏洞')).toBe('玻璃翼计画两万个漏洞');
  });

  it('ships a compact table, not a converter', () => {
    expect(checkerConfig().foldPairs.length).toBeLessThan(2_000);
  });
});

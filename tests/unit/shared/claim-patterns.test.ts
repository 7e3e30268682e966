import { describe, expect, it } from 'vitest';
import { rawDataset } from '../../../src/data/index';
import { Dataset } from '../../../src/data/schema';
import { compileClaimRules, matchInSentence, mayMatch, requiredLiterals, wordStartLiterals } from '../../../src/shared/claim-patterns';
import { splitSentences } from '../../../src/shared/sentences';

describe('requiredLiterals', () => {
  it.each([
    ['\\bformer\\s+(?:U\\.?S\\.?\\s+)?President\\s+(?:Donald\\s+)?Trump\\b', [['former', 'president', 'trump']]],
    ['\\bBessant\\b', [['bessant']]],
    ['mandatory 90-day', [['mandatory 90-day']]],
    ['signs?\\b[^.]{0,60}June', [['sign', 'june']]],
    ['colou?r', [['colo']]],
    ['a|b', [[]]],
    ['halted the order|shelved (?:it|this)|scrapped', [['halted the order'], ['shelved'], ['scrapped']]],
    ['x(?:a|b)y|z', [[]]],
    ['(?<!then-)former', [['former']]],
    ['前(?:任)?(?:美国)?总统特朗普', [['总统特朗普']]],
    ['\\x41BCD\\u0041xyz\\p{L}abc', [['bcd', 'xyz', 'abc']]],
    ['abc+def', [['abc', 'def']]],
    ['[abc]def{2}ghi', [['ghi']]],
  ])('%s → %j', (source, expected) => {
    expect(requiredLiterals(source)).toEqual(expected);
  });
});

describe('wordStartLiterals', () => {
  it.each([
    ['\\bformer\\s+(?:U\\.?S\\.?\\s+)?President\\s+(?:Donald\\s+)?Trump\\b', [['former']]],
    ['\\bformer\\s+President\\s+Trump', [['former', 'president', 'trump']]],
    ['(?<!then-)former', [[]]],
    ['transformer', [[]]],
    ['\\b(?:the )?former', [[]]],
    ['\\s*former', [[]]],
    ['\\b-day rule', [[]]],
    ['signs?\\b[^.]{0,60}June', [[]]],
    ['\\bhalted the order|shelved \\bscrapped', [['halted the order'], ['scrapped']]],
    ['a former', [[]]],
    ['x former', [[]]],
    ['(x) former', [['former']]],
  ])('%s → %j', (source, expected) => {
    expect(wordStartLiterals(source).map((set) => [...set])).toEqual(expected);
  });

  it('marks only literals that requiredLiterals requires', () => {
    for (const source of ['\\bformer\\s+President', '\\bab\\s+cd', 'x\\b(?:y)?former']) {
      const required = requiredLiterals(source);
      wordStartLiterals(source).forEach((set, branch) => {
        for (const literal of set) expect(required[branch]).toContain(literal);
      });
    }
  });
});

describe('the prefilter never hides a match', () => {
  const data = Dataset.parse(rawDataset);
  const patterns = compileClaimRules(data.claims);
  const texts = [
    ...data.claims.flatMap((c) => [...c.examples.flagged, ...c.examples.accurate]),
    ...data.facts.flatMap((f) => [f.statement.en, f.statement.zh]),
  ];
  it('for every pattern, on every example sentence and fact', () => {
    let checked = 0;
    for (const text of texts) {
      for (const [a, b] of splitSentences(text)) {
        const sentence = text.slice(a, b);
        for (const p of patterns) {
          if (matchInSentence({ ...p, near: undefined, unless: undefined }, sentence)) {
            expect(mayMatch(p, sentence.toLowerCase()) || (p.near !== undefined && !p.near.test(sentence)), `${p.claimId} ${p.match}`).toBe(
              true,
            );
            checked++;
          }
        }
      }
    }
    expect(checked).toBeGreaterThan(50);
  });

  it('and filters out most patterns on an ordinary sentence', () => {
    const lower = 'the white house said the order would take effect next month.'.toLowerCase();
    const left = patterns.filter((p) => mayMatch(p, lower));
    expect(left.length, left.map((p) => p.match.source).join('\n')).toBeLessThan(patterns.length / 4);
  });
});

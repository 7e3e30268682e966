import { describe, expect, it } from 'vitest';
import { correctionParts, flagHeading, shownFlags, sinceDevelopment } from '../../../src/content/card/card-text';
import type { DevelopmentView } from '../../../src/shared/views';

describe('correctionParts', () => {
  it('drops a leading verdict word, so the title never says it twice', () => {
    expect(correctionParts('False: Trump signed it on Tuesday, June 2, 2026 (US time). June 3 datelines are Asian.')).toEqual({
      lead: 'Trump signed it on Tuesday, June 2, 2026 (US time)',
      rest: 'June 3 datelines are Asian.',
    });
    expect(correctionParts('错误：特朗普于6月2日签署。标注6月3日的多为亚洲时区。')).toEqual({
      lead: '特朗普于6月2日签署',
      rest: '标注6月3日的多为亚洲时区。',
    });
  });

  it('ends the lead at a semicolon or colon and reads it as a clause after the verdict', () => {
    expect(
      correctionParts('The Treasury Secretary is Scott Bessent (spelled with an e); with Fed Chair Powell he met bank chiefs.').lead,
    ).toBe('the Treasury Secretary is Scott Bessent (spelled with an e)');
    expect(correctionParts('Donald Trump is the sitting US president: he began his second term in 2025.')).toEqual({
      lead: 'Donald Trump is the sitting US president',
      rest: 'He began his second term in 2025.',
    });
  });
});

describe('flagHeading', () => {
  it('has one heading per verdict and stance, and "true until" for an outdated claim with its date', () => {
    expect(flagHeading('false', { claimId: 'c' })).toEqual({ key: 'heading_asserts_false' });
    expect(flagHeading('misleading', { claimId: 'c', stance: 'reports' })).toEqual({ key: 'heading_reports_misleading' });
    expect(flagHeading('outdated', { claimId: 'c', trueUntil: '2026-06-02' })).toEqual({ key: 'heading_true_until', date: '2026-06-02' });
    expect(flagHeading('false', { claimId: 'c', trueUntil: '2026-06-02' })).toEqual({ key: 'heading_asserts_false' });
  });

  it('shows no flag for a refuting sentence', () => {
    expect(shownFlags([{ claimId: 'a', stance: 'refutes' }, { claimId: 'b' }]).map((f) => f.claimId)).toEqual(['b']);
  });
});

describe('sinceDevelopment', () => {
  const dev = (happened: string): DevelopmentView => ({
    factId: happened,
    happened,
    statement: { en: happened, zh: happened },
    status: 'verified',
  });
  it('picks the newest development after the publication day, not on it', () => {
    const all = [dev('2026-05-21'), dev('2026-06-26'), dev('2026-06-02')];
    expect(sinceDevelopment(all, '2026-06-01')).toEqual({ newest: all[1], count: 2 });
    expect(sinceDevelopment(all, '2026-06-26')).toBeNull();
    expect(sinceDevelopment(all, null)).toBeNull();
  });
});

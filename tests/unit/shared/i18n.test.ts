import { describe, expect, it } from 'vitest';
import en from '../../../public/_locales/en/messages.json';
import zh from '../../../public/_locales/zh_CN/messages.json';
import { resolveLang, t } from '../../../src/shared/i18n';

describe('i18n', () => {
  it('has every English key in Chinese, with the same placeholders', () => {
    for (const [key, entry] of Object.entries(en)) {
      const other = (zh as Record<string, { message: string; placeholders?: object }>)[key];
      expect(other, key).toBeDefined();
      expect(Object.keys(other?.placeholders ?? {}).sort(), key).toEqual(
        Object.keys((entry as { placeholders?: object }).placeholders ?? {}).sort(),
      );
    }
  });

  it('fills placeholders by position', () => {
    expect(t('en', 'card_as_of', '2026-11-23', '1.0.0')).toBe('Facts as of 2026-11-23 · dataset 1.0.0');
    expect(t('zh', 'card_label', '玻璃翼计划')).toBe('Frontier Facts：玻璃翼计划');
  });

  it('follows the page unless the user chose a language', () => {
    expect(resolveLang('auto', 'zh-CN')).toBe('zh');
    expect(resolveLang('auto', 'en-GB')).toBe('en');
    expect(resolveLang('auto', undefined)).toBe('en');
    expect(resolveLang('en', 'zh-TW')).toBe('en');
    expect(resolveLang('zh', 'en')).toBe('zh');
  });
});

describe('Chinese UI strings', () => {
  it('use full-width punctuation next to Chinese text (说法：, 来源：, （…）)', () => {
    const halfWidth = /[\u3400-\u9fff][:;,!?()]|[:;,!?()][\u3400-\u9fff]/;
    const offenders = Object.entries(zh as Record<string, { message: string }>)
      .filter(([, entry]) => halfWidth.test(entry.message))
      .map(([key, entry]) => `${key}: ${entry.message}`);
    expect(offenders).toEqual([]);
  });
});

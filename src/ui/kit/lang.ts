/**
 * The language every UI component reads from context, with a bound `t`, so no component picks a
 * language itself (the popup and options provide it from the settings, the in-page card from the page).
 */
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { LocalizedText } from '../../data/schema';
import { t as translate, type Lang, type MessageKey } from '../../shared/i18n';

export const LangContext = createContext<Lang>('en');

export interface Translator {
  lang: Lang;
  /** A UI string from _locales in the current language. */
  t: (key: MessageKey, ...substitutions: string[]) => string;
  /** The current language's side of a dataset text. */
  pick: (text: LocalizedText) => string;
}

/** The current language and its strings. */
export function useT(): Translator {
  const lang = useContext(LangContext);
  return { lang, t: (key, ...subs) => translate(lang, key, ...subs), pick: (text) => text[lang] };
}

/** The value for `<html lang>`: axe and screen readers need the real language of the text. */
export const htmlLang = (lang: Lang) => (lang === 'zh' ? 'zh-CN' : 'en');

/**
 * Preact contexts every UI component reads: the API, and the language with a
 * bound `t`, so no component imports the browser or picks a language itself.
 */
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import { t as translate, type MessageKey } from '../shared/i18n';
import type { LocalizedText } from '../data/schema';
import type { Lang, UiApi } from './api';

export const ApiContext = createContext<UiApi | null>(null);
export const LangContext = createContext<Lang>('en');

export function useApi(): UiApi {
  const api = useContext(ApiContext);
  if (!api) throw new Error('useApi outside an ApiContext provider');
  return api;
}

export interface Translator {
  lang: Lang;
  /** A UI string from _locales in the current language. */
  t: (key: MessageKey, ...substitutions: string[]) => string;
  /** The current language's side of a dataset text. */
  pick: (text: LocalizedText) => string;
}

export function useT(): Translator {
  const lang = useContext(LangContext);
  return { lang, t: (key, ...subs) => translate(lang, key, ...subs), pick: (text) => text[lang] };
}

/** The value for `<html lang>`: axe and screen readers need the real language of the text. */
export const htmlLang = (lang: Lang) => (lang === 'zh' ? 'zh-CN' : 'en');

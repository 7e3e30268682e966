/**
 * UI strings from public/_locales (the one place they live), bundled so any
 * context can render in either language on demand: the card follows the
 * page's language, not the browser's, and the user can pick one in options.
 * Message format as in browser.i18n: named $PLACEHOLDERS$ mapped to $1, $2...
 */
import en from '../../public/_locales/en/messages.json';
import zh from '../../public/_locales/zh_CN/messages.json';
import type { UiLanguage } from './settings';

import type { Lang } from '../data/vocabulary';

export type { Lang };
type Catalog = Record<string, { message: string; placeholders?: Record<string, { content: string }> }>;
const CATALOGS: Record<Lang, Catalog> = { en, zh };

export type MessageKey = keyof typeof en;

/** A UI string in the given language (English when a key is missing), substitutions filled in. */
export function t(lang: Lang, key: MessageKey, ...substitutions: string[]): string {
  const entry = CATALOGS[lang][key] ?? CATALOGS.en[key];
  if (!entry) return key;
  return entry.message.replace(/\$([A-Z0-9_]+)\$/gi, (_m, name: string) => {
    const content = entry.placeholders?.[name.toLowerCase()]?.content ?? '';
    const index = /^\$(\d)$/.exec(content)?.[1];
    return index ? (substitutions[Number(index) - 1] ?? '') : content;
  });
}

/** The language to render in: the user's choice, else the context's (page or browser) language. */
export function resolveLang(setting: UiLanguage, contextLang: string | undefined): Lang {
  if (setting !== 'auto') return setting;
  return contextLang?.toLowerCase().startsWith('zh') ? 'zh' : 'en';
}

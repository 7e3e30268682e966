/** Formatting shared by the popup, the options and the in-page card: dates and the only links we render. */
import type { Lang } from '../../shared/i18n';

const dateFormats = new Map<Lang, Intl.DateTimeFormat>();

/** "Jun 2, 2026" / "2026年6月2日" for an ISO date; the input back when it is not one. */
export function formatDate(iso: string, lang: Lang): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!match) return iso;
  let format = dateFormats.get(lang);
  if (!format) {
    // UTC both ways: an ISO date is a calendar day, not an instant in the reader's zone.
    format = new Intl.DateTimeFormat(lang === 'zh' ? 'zh-CN' : 'en', { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' });
    dateFormats.set(lang, format);
  }
  return format.format(new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))));
}

/**
 * The URL when it is an absolute https URL, else null. The dataset is checked at
 * build time too; this is the last gate before an href, so a bad record can
 * never become a javascript: or http: link.
 */
export function httpsUrl(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    return new URL(url).protocol === 'https:' ? url : null;
  } catch {
    return null;
  }
}

/** The hostname of an http(s) page, lower-cased; null for anything else. */
export function pageHostname(url: string): string | null {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.hostname.toLowerCase() : null;
  } catch {
    return null;
  }
}

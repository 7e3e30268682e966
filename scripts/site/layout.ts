/** The frame every page of the site shares: head, stylesheet, language switch, footer. */
import { createHash } from 'node:crypto';
import type { Lang } from '../../src/shared/i18n';
import { html, styleElement, type Html } from './html';
import { relativeLink } from './paths';
import { siteStrings } from './strings';

/** Readable without scripts, in light and dark mode; verdict colours keep 4.5:1 contrast in both. */
const CSS = `
:root { color-scheme: light dark; --fg: #1d1d1f; --bg: #fff; --muted: #555; --line: #d6d6d6; --link: #0b57d0;
  --false: #b3261e; --misleading: #8a4500; --outdated: #4f5b66; --disputed: #6a1b9a; --unsupported: #6b5300; }
@media (prefers-color-scheme: dark) {
  :root { --fg: #e6e6e6; --bg: #141414; --muted: #ababab; --line: #3a3a3a; --link: #8ab4f8;
    --false: #ff8a80; --misleading: #ffb74d; --outdated: #b0bec5; --disputed: #ce93d8; --unsupported: #e6c65c; }
}
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 46rem; padding: 1rem 1.25rem 3rem; color: var(--fg); background: var(--bg);
  font: 1rem/1.55 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif; }
:lang(zh) { font-family: system-ui, "PingFang SC", "Noto Sans CJK SC", "Microsoft YaHei", sans-serif; }
a { color: var(--link); }
header, footer { display: flex; flex-wrap: wrap; gap: .5rem 1rem; justify-content: space-between; color: var(--muted); font-size: .9rem; }
header { border-bottom: 1px solid var(--line); padding-bottom: .5rem; }
footer { border-top: 1px solid var(--line); margin-top: 2.5rem; padding-top: .5rem; }
h1 { font-size: 1.5rem; line-height: 1.3; margin: 1.25rem 0 .75rem; }
h2 { font-size: 1.1rem; margin: 1.75rem 0 .5rem; }
.kicker, .meta, .dates, .legend { color: var(--muted); font-size: .9rem; }
.kicker { margin: 1.25rem 0 0; }
.verdict { display: inline-block; padding: 0 .5rem; border: 1.5px solid currentColor; border-radius: .3rem; font-weight: 600; }
.v-false { color: var(--false); } .v-misleading { color: var(--misleading); } .v-outdated { color: var(--outdated); }
.v-disputed { color: var(--disputed); } .v-unsupported { color: var(--unsupported); }
ul { padding-left: 1.25rem; }
li { margin: .5rem 0; }
.tier { display: inline-block; min-width: 6.5em; margin-right: .4rem; padding: 0 .3rem; border: 1px solid var(--line);
  border-radius: .25rem; font-size: .8rem; text-align: center; color: var(--muted); }
.claims li { display: flex; gap: .75rem; justify-content: space-between; align-items: baseline; }
.claims .verdict { flex: none; font-size: .85rem; }
`;

/** The stylesheet is the page's only inline resource; the policy allows it by hash and nothing else. */
const CSP = `default-src 'none'; style-src 'sha256-${createHash('sha256').update(CSS).digest('base64')}'`;

export interface PageFrame {
  lang: Lang;
  title: string;
  description: string;
  /** The page's own path in the site, and its public URL. */
  path: string;
  url: string;
  /** The same page in each language: path (for the switch) and public URL (for hreflang). */
  alternates: Record<Lang, { path: string; url: string }>;
  /** Relative link to this language's index. */
  indexLink: string;
  datasetVersion: string;
  datasetDate: string;
  head?: Html;
  main: Html;
}

const HTML_LANG: Record<Lang, string> = { en: 'en', zh: 'zh-CN' };

/** A whole HTML document around a page's main content. */
export function page(frame: PageFrame): Html {
  const s = siteStrings(frame.lang);
  const other: Lang = frame.lang === 'en' ? 'zh' : 'en';
  const switchTo = frame.alternates[other];
  return html`<!doctype html>
<html lang="${HTML_LANG[frame.lang]}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${CSP}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${frame.title}</title>
<meta name="description" content="${frame.description}">
<link rel="canonical" href="${frame.url}">
<link rel="alternate" hreflang="en" href="${frame.alternates.en.url}">
<link rel="alternate" hreflang="zh-CN" href="${frame.alternates.zh.url}">
${styleElement(CSS)}
${frame.head}
</head>
<body>
<header>
<a href="${frame.indexLink}">Frontier Facts · ${s.allClaims}</a>
<a href="${relativeLink(frame.path, switchTo.path)}" lang="${HTML_LANG[other]}" hreflang="${HTML_LANG[other]}">${s.otherLanguage}</a>
</header>
<main>
${frame.main}
</main>
<footer>
<span>${s.dataset(frame.datasetVersion, frame.datasetDate)}</span>
<span>Frontier Facts</span>
</footer>
</body>
</html>
`;
}

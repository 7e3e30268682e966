/**
 * Whether the browser paints `text-decoration` in `::highlight()`.
 *
 * Firefox shipped the Custom Highlight API in 140 but painted only colours and
 * backgrounds there until 146 (mdn/browser-compat-data#28782): with underline
 * styles, mentions were invisible and misclaims lost their wavy line on
 * Firefox ESR 140. `CSS.supports()` cannot tell (the property parses either
 * way), and a content script cannot read back the pixels it drew, so this
 * goes by known capability: Gecko before 146 gets the tinted fallback styles.
 * The end-to-end pixel test checks what each browser actually draws.
 */

/** First Gecko version that paints text decorations in highlights. */
export const GECKO_DECORATIONS_SINCE = 146;

export function drawsHighlightDecorations(userAgent: string): boolean {
  const gecko = /\brv:(\d+)(?:\.\d+)*\)\s+Gecko\/\d/.exec(userAgent);
  return !gecko || Number(gecko[1]) >= GECKO_DECORATIONS_SINCE;
}

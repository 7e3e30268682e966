/**
 * Which elements the pass looking for shadow roots reads, as a selector. `attachShadow` accepts
 * an autonomous custom element (a name with a hyphen) or one of a short list of HTML names (the
 * DOM standard's "valid shadow host name"); every other element throws. CSS cannot select "a name
 * with a hyphen", so the selector leaves out the names that cannot be hosts instead: the common
 * ones only. Any element left out saves a read, but each name in the selector costs a test on
 * every element, so a rare name is cheaper to read than to list.
 *
 * Why it matters: in an isolated world each element the content script reads gets a wrapper of
 * its own, kept for as long as the element lives. Reading every element kept 0.28 MB on the 50k
 * page; links, emphasis, times, list items and cells, most of a news page's elements, cannot be
 * hosts. Measured in a CDP isolated world, fresh tabs, medians of 5 (the probe is described in
 * the bench findings): the pass over the 200k page 61 ms against 121 reading every element (the
 * whole list of ~120 non-host names: 105 ms; only the host names, missing custom elements: 69 ms);
 * the 50k page 18 against 27 ms. A browser test holds the list to the browser: each name in it
 * refuses `attachShadow`, and every host name is selected.
 */

/** Common element names that can never host a shadow root (HTML's, and SVG's usual icon parts). */
export const COMMON_NON_HOSTS: readonly string[] = `
  a b i em strong small cite abbr sup u time br wbr hr img picture source iframe
  ul ol li dt dd table tbody tr td th figure figcaption form label input button option
  svg path g use circle rect polygon script style link meta noscript code pre html head title
`
  .trim()
  .split(/\s+/);

/** Every element that may be a shadow host, and some rare ones that may not. */
export const POSSIBLE_HOSTS = `:not(${COMMON_NON_HOSTS.join(',')})`;

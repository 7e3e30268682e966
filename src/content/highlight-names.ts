/**
 * The names our highlights are registered under in CSS.highlights, the one list of them: the
 * highlighter registers them, highlights.css styles them, and a new instance deletes whatever an
 * unloaded one left under them (leftovers.ts).
 */
import type { HighlightStyle } from '../shared/settings';

export type MarkKind = 'mention' | 'claim';

/** Per style and kind of mark (the style 'off' registers nothing). */
export const HIGHLIGHT_NAMES: Record<Exclude<HighlightStyle, 'off'>, Record<MarkKind, string>> = {
  underline: { mention: 'ff-mention', claim: 'ff-claim' },
  background: { mention: 'ff-mention-bg', claim: 'ff-claim-bg' },
};

/** The underline style where underlines are not painted (highlight-capability.ts): tints that differ in lightness as well as hue. */
export const TINT_HIGHLIGHT_NAMES: Record<MarkKind, string> = { mention: 'ff-mention-tint', claim: 'ff-claim-tint' };

/**
 * Mentions inside a link, whose own underline a dotted line would merge with: a highlight of their
 * own, drawn with a tint as well, per style (the tinted styles already are). Not a
 * `:any-link ::highlight()` rule: a highlight rule that many elements match makes the browser
 * compute a highlight style for each of them, on every page (3.7 MB of native memory on the 50k
 * page); our rules style the root element's highlights only (highlights.css).
 */
export const LINK_MENTION_NAMES: Record<Exclude<HighlightStyle, 'off'> | 'tint', string> = {
  underline: 'ff-mention-link',
  background: 'ff-mention-link-bg',
  tint: 'ff-mention-link-tint',
};

/** The mark whose card is open. */
export const ACTIVE_HIGHLIGHT = 'ff-active';

/** Every name we may have registered. */
export const ALL_HIGHLIGHT_NAMES: readonly string[] = [
  ...Object.values(HIGHLIGHT_NAMES).flatMap((byKind) => Object.values(byKind)),
  ...Object.values(TINT_HIGHLIGHT_NAMES),
  ...Object.values(LINK_MENTION_NAMES),
  ACTIVE_HIGHLIGHT,
];

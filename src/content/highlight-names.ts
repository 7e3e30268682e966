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

/** The mark whose card is open. */
export const ACTIVE_HIGHLIGHT = 'ff-active';

/** Every name we may have registered. */
export const ALL_HIGHLIGHT_NAMES: readonly string[] = [
  ...Object.values(HIGHLIGHT_NAMES).flatMap((byKind) => Object.values(byKind)),
  ...Object.values(TINT_HIGHLIGHT_NAMES),
  ACTIVE_HIGHLIGHT,
];

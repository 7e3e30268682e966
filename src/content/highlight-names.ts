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

/** The mark whose card is open. */
export const ACTIVE_HIGHLIGHT = 'ff-active';

/** Every name we may have registered. */
export const ALL_HIGHLIGHT_NAMES: readonly string[] = [
  ...Object.values(HIGHLIGHT_NAMES).flatMap((byKind) => Object.values(byKind)),
  ACTIVE_HIGHLIGHT,
];

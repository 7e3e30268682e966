/**
 * Owns the page's highlights: one Highlight per kind, registered in
 * CSS.highlights under names that depend on the chosen style and on what the
 * browser paints (highlight-capability.ts). Ranges are added and removed
 * individually, so a dynamic page never re-registers all. Hiding the marks
 * (the reader's toggle) unregisters the names and keeps the ranges. Mentions
 * that start inside a link are kept in a highlight of their own, drawn with a
 * tint as well (highlight-names.ts).
 */
import type { HighlightStyle } from '../shared/settings';
import { drawsHighlightDecorations } from './highlight-capability';
import {
  ACTIVE_HIGHLIGHT as ACTIVE,
  HIGHLIGHT_NAMES as NAMES,
  LINK_MENTION_NAMES as LINK_NAMES,
  TINT_HIGHLIGHT_NAMES as TINT_NAMES,
  type MarkKind,
} from './highlight-names';
import { ShadowRootSheet } from './highlight-sheet';

export type { MarkKind };

/** What each Highlight holds: the two kinds of mark, and mentions inside a link. */
type SetKind = MarkKind | 'linkMention';
const SET_KINDS = ['mention', 'linkMention', 'claim'] as const;

export class Highlighter {
  private readonly sets: Record<SetKind, Highlight>;
  private readonly active: Highlight;
  private style: HighlightStyle = 'off';
  private hidden = false;
  readonly supported: boolean;
  private readonly decorations: boolean;

  constructor(
    private readonly registry: HighlightRegistry | undefined = globalThis.CSS?.highlights,
    decorations: boolean = drawsHighlightDecorations(globalThis.navigator?.userAgent ?? ''),
  ) {
    this.decorations = decorations;
    this.supported = registry !== undefined && typeof Highlight === 'function';
    // Without the API (very old browsers) marks are simply not drawn; cards still work by keyboard.
    this.sets = this.supported
      ? { mention: new Highlight(), linkMention: new Highlight(), claim: new Highlight() }
      : ({} as Record<SetKind, Highlight>);
    this.active = this.supported ? new Highlight() : ({} as Highlight);
    if (this.supported) {
      this.sets.claim.priority = 1;
      this.active.priority = 2;
    }
  }

  /** Our styles for shadow roots, where the browser needs a copy there (Firefox; highlight-sheet.ts). */
  private readonly shadowSheet = new ShadowRootSheet();

  add(kind: MarkKind, range: Range): void {
    if (!this.supported) return;
    this.sets[kind === 'mention' && startsInLink(range) ? 'linkMention' : kind].add(range);
    this.styleRootOf(range);
  }

  /** The manifest's sheet styles documents; a shadow root may need a copy of its own (highlight-sheet.ts). */
  private styleRootOf(range: Range): void {
    const root = range.startContainer.getRootNode();
    if (root instanceof ShadowRoot) this.shadowSheet.adoptInto(root);
  }

  delete(kind: MarkKind, range: Range): void {
    if (!this.supported) return;
    // A mention's link is not looked up again (the page may have changed it): it is in one of the two.
    if (!this.sets[kind].delete(range) && kind === 'mention') this.sets.linkMention.delete(range);
  }

  setActive(range: Range | null): void {
    if (!this.supported || !this.registry) return;
    this.active.clear();
    if (range) {
      this.styleRootOf(range); // the page may have replaced a shadow root's sheets since the mark was added
      this.active.add(range);
      this.registry.set(ACTIVE, this.active);
    } else {
      this.registry.delete(ACTIVE);
    }
  }

  setStyle(style: HighlightStyle): void {
    if (!this.supported || !this.registry || style === this.style) return;
    this.unregister();
    this.style = style;
    this.register();
  }

  /** Hides or shows every mark (the reader's toggle); the ranges stay, so showing again costs nothing. */
  setHidden(hidden: boolean): void {
    if (!this.supported || hidden === this.hidden) return;
    this.unregister();
    this.hidden = hidden;
    this.register();
  }

  get isHidden(): boolean {
    return this.hidden;
  }

  /** The highlight name each kind is registered under now (null: not drawn); mentions inside a link have their own. */
  nameOf(kind: SetKind): string | null {
    if (this.style === 'off' || this.hidden) return null;
    const tinted = this.style === 'underline' && !this.decorations;
    if (kind === 'linkMention') return LINK_NAMES[tinted ? 'tint' : this.style];
    return tinted ? TINT_NAMES[kind] : NAMES[this.style][kind];
  }

  private register(): void {
    if (!this.registry) return;
    for (const kind of SET_KINDS) {
      const name = this.nameOf(kind);
      if (name) this.registry.set(name, this.sets[kind]);
    }
  }

  /** Removes every range and every registration. */
  clear(): void {
    if (!this.supported) return;
    this.unregister();
    for (const kind of SET_KINDS) this.sets[kind].clear();
    this.active.clear();
    this.registry?.delete(ACTIVE);
    this.style = 'off';
  }

  private unregister(): void {
    if (!this.registry) return;
    for (const kind of SET_KINDS) {
      const name = this.nameOf(kind);
      if (name) this.registry.delete(name);
    }
  }
}

/**
 * Whether a mark starts inside a link (marks start in text nodes; like CSS, the test does not cross a shadow
 * boundary).
 */
function startsInLink(range: Range): boolean {
  return range.startContainer.parentElement?.closest(':any-link') != null;
}

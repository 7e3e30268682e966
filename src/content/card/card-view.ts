/**
 * What the scan bundle knows of the card's UI: types only. The UI itself (Preact, the card's
 * CSS, the ui kit, i18n) is a separate module, card-ui.tsx, built on its own and imported the
 * first time a reader dwells on a mark (see card-ui-loader.ts): a page without mentions never
 * loads or compiles it.
 */
import type { UiLanguage } from '../../shared/settings';
import type { CardData } from '../../shared/views';
import type { CardFlag } from './card-text';

export type CardState = { kind: 'loading' } | { kind: 'error' } | { kind: 'ready'; data: CardData };

export interface CardViewProps {
  state: CardState;
  /** The subject's name while the data loads (from the page's mention text). */
  fallbackName: string;
  /** The reader's language setting and the language around the mark ('zh', a declared lang, or none). */
  language: UiLanguage;
  contextLang: string | undefined;
  flags: readonly CardFlag[];
  published: string | null;
  titleId: string;
  announce: boolean;
  onClose: () => void;
  onMore: () => void;
}

/** The card on the page: its host element (with the shadow root) and the rendered card. */
export interface CardView {
  readonly element: HTMLElement;
  /** The rendered card element, once drawn. */
  readonly card: HTMLElement | null;
  /** The shadow root's focused element, if any. */
  readonly activeElement: Element | null;
  readonly shadowRoot: ShadowRoot;
  contains(node: Node | null): boolean;
  render(props: CardViewProps): void;
  moveTo(top: number, left: number): void;
  destroy(): void;
}

/** The card UI module's exports. */
export interface CardUi {
  /**
   * registerOwn marks the host as ours before it enters the page, in the scan bundle's registry: the
   * UI module is a separate bundle, and a registry of its own would leave the scanner and the
   * mutation observer treating the card as page content (scanning its text, adopting its shadow root).
   */
  createCardView(doc: Document, registerOwn: (node: Node) => void): CardView;
}

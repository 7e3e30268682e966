/**
 * The card's UI, loaded on first use: this module is built on its own (scripts/card-ui-build.ts)
 * as an ES module the content script imports when a reader first dwells on a mark. It holds
 * everything a page without mentions never needs: Preact, the card's CSS, the ui kit and the
 * interface strings.
 */
import { resolveLang } from '../../shared/i18n';
import { CardHost } from './card-host';
import type { CardUi, CardView, CardViewProps } from './card-view';
import { FactCard } from './FactCard';

export function createCardView(doc: Document, registerOwn: (node: Node) => void): CardView {
  const host = new CardHost(doc, registerOwn);
  return {
    element: host.element,
    get card() {
      return host.card;
    },
    get activeElement() {
      return host.activeElement;
    },
    shadowRoot: host.shadowRoot,
    contains: (node) => host.contains(node),
    moveTo: (top, left) => host.moveTo(top, left),
    destroy: () => host.destroy(),
    render: ({ language, contextLang, ...props }: CardViewProps) => {
      host.render(<FactCard {...props} lang={resolveLang(language, contextLang)} />);
    },
  };
}

export const cardUi: CardUi = { createCardView };

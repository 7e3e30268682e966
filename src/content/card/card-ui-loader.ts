/**
 * Imports the card's UI module (card-ui.tsx, built to CARD_UI_PATH by scripts/card-ui-build.ts)
 * from the extension's own files. The file is web-accessible so a content script may import it;
 * in Chromium it is reachable only through the session's dynamic URL (`use_dynamic_url`), so a
 * page cannot probe a fixed address to detect the extension. Firefox's addresses carry a random
 * per-install id already.
 */
import { extensionApi } from '../ext';
import type { CardUi } from './card-view';

/** Where the build puts the card's UI module, relative to the extension's root (listed in the manifest's web_accessible_resources). */
export const CARD_UI_PATH = 'src/content/card-ui.js';

export async function loadCardUi(): Promise<CardUi> {
  const api = extensionApi();
  if (!api) throw new Error('no extension API');
  const module = (await import(/* @vite-ignore */ api.runtime.getURL(CARD_UI_PATH))) as { cardUi?: CardUi };
  if (!module.cardUi) throw new Error('card UI module without cardUi');
  return module.cardUi;
}

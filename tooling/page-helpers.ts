/** In-page probes shared by the end-to-end tests and `npm start`'s headless picture (run through TestPage.evaluate). */
import { drawsHighlightDecorations } from '../src/content/highlight-capability';
import { HIGHLIGHT_NAMES, LINK_MENTION_NAMES, TINT_HIGHLIGHT_NAMES } from '../src/content/highlight-names';
import type { TestPage } from './browsers';

/** Viewport centre of the first occurrence of `text` in the page's light DOM (scrolled to the middle unless `scroll` is false). */
export function centerOf(page: TestPage, text: string, scroll = true): Promise<{ x: number; y: number }> {
  return page.evaluate(
    ({ needle, scroll }: { needle: string; scroll: boolean }) => {
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const i = (node as Text).data.indexOf(needle);
        if (i < 0) continue;
        const range = document.createRange();
        range.setStart(node, i);
        range.setEnd(node, i + needle.length);
        if (scroll) range.startContainer.parentElement?.scrollIntoView({ block: 'center' });
        const rect = range.getClientRects()[0]!;
        return { x: rect.left + Math.min(rect.width / 2, 20), y: rect.top + rect.height / 2 };
      }
      throw new Error(`text not found: ${needle}`);
    },
    { needle: text, scroll },
  );
}

/** The open card's visible text and a few of its parts, or null when no card is open. */
export function readCard(page: TestPage) {
  return page.evaluate(() => {
    const host = [...document.documentElement.children].find((el) => el.localName.startsWith('ff-card-host'));
    const dialog = host?.shadowRoot?.querySelector('[role="dialog"]');
    if (!host || !dialog) return null;
    return {
      /** The dialog's accessible name (the subject). */
      name: dialog.getAttribute('aria-label') ?? '',
      /** The card's heading: the subject, or for a flagged sentence the verdict and the correction. */
      title: dialog.querySelector('h2')?.textContent ?? '',
      kicker: dialog.querySelector('.kicker')?.textContent ?? null,
      asOf: dialog.querySelector('header .as-of')?.textContent ?? null,
      since: dialog.querySelector('.since')?.textContent ?? null,
      text: (dialog as HTMLElement).innerText,
      facts: dialog.querySelectorAll('.fact').length,
      badges: [...dialog.querySelectorAll('.fact > .ff-badge')].map((b) => b.textContent),
      correction: dialog.querySelector('.flag')?.textContent ?? null,
      links: [...dialog.querySelectorAll('a')].map((a) => a.getAttribute('href')),
      focused: host.shadowRoot!.activeElement !== null,
      rect: dialog.getBoundingClientRect().toJSON() as DOMRect,
    };
  });
}

/** Waits until `probe` returns a truthy value (or throws after `timeoutMs`). */
export async function waitFor<T>(probe: () => Promise<T>, timeoutMs = 15_000, label = 'condition'): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value as NonNullable<T>;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${label}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Text of every range in each of our highlights, by highlight name. */
export function highlights(page: TestPage): Promise<Record<string, string[]>> {
  return page.evaluate(() => {
    const out: Record<string, string[]> = {};
    for (const [name, set] of CSS.highlights as unknown as Map<string, Set<Range>>) out[name] = [...set].map((r) => r.toString());
    return out;
  });
}

/**
 * The registry names of the underline style in this page's browser: `ff-mention`/`ff-claim` where
 * `::highlight()` paints underlines, the tinted fallback names where it does not (Firefox ESR 140:
 * src/content/highlight-capability.ts). Tests read the names the extension actually uses there.
 */
export async function markNames(page: TestPage): Promise<{ mention: string; mentionInLink: string; claim: string }> {
  const userAgent = await page.evaluate(() => navigator.userAgent);
  return drawsHighlightDecorations(userAgent)
    ? { ...HIGHLIGHT_NAMES.underline, mentionInLink: LINK_MENTION_NAMES.underline }
    : { ...TINT_HIGHLIGHT_NAMES, mentionInLink: LINK_MENTION_NAMES.tint };
}

/** How many mention marks a `highlights()` result holds under the given names (a mention inside a link has its own). */
export function mentionCount(byName: Record<string, string[]>, names: { mention: string; mentionInLink: string }): number {
  return (byName[names.mention]?.length ?? 0) + (byName[names.mentionInLink]?.length ?? 0);
}

/**
 * When the card opens and closes, on a real page with a controlled clock: the dwell before it
 * opens, the grace period before it closes, and nothing at all once the content script stopped.
 * Pointer events are real events at real coordinates; timers and animation frames are faked.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CardController, CLOSE_DELAY_MS } from '../../src/content/card/card-controller';
import { cardUi } from '../../src/content/card/card-ui';
import type { CardUi } from '../../src/content/card/card-view';
import { ContentApp } from '../../src/content/content-app';
import { isOwnElement, registerOwn } from '../../src/content/own-elements';
import type { Send } from '../../src/shared/messages';
import { parseSettings } from '../../src/shared/settings';
import type { CardData } from '../../src/shared/views';
import { centerOf, contentTables, rangeOver } from './fixtures';

const CARD_DELAY = 500;
const cardData: CardData = {
  entityId: 'project-glasswing',
  name: { en: 'Project Glasswing', zh: '玻璃翼计划' },
  description: { en: 'Access to Mythos for defence.', zh: '防御用途。' },
  facts: [],
  claims: [],
  developments: [],
  datasetVersion: '1.0.0',
  datasetDate: '2026-06-03',
};

let controller: AbortController;
let asked: string[];

beforeEach(() => {
  asked = [];
});
afterEach(() => {
  controller?.abort();
  vi.useRealTimers();
  document.body.replaceChildren();
  for (const el of document.querySelectorAll('ff-card-host')) el.remove();
  CSS.highlights.clear();
});

async function page(shadow = false, ui: CardControllerOptionsUi = cardUi) {
  const html =
    '<p style="font: 16px/1.5 sans-serif; width: 700px">Anthropic widened <a href="#pg" id="pg">Project Glasswing</a> this week. Nothing else here.</p>';
  // shadow: the article lives in the open shadow root of a plain <div>.
  if (shadow) {
    document.body.innerHTML = '<div id="host"></div>';
    document.getElementById('host')!.attachShadow({ mode: 'open' }).innerHTML = html;
  } else document.body.innerHTML = html;
  const root: Node = shadow ? document.getElementById('host')!.shadowRoot! : document.body;
  controller = new AbortController();
  const settings = parseSettings({ cardDelayMs: CARD_DELAY });
  const app = new ContentApp({ doc: document, signal: controller.signal, tables: contentTables, settings });
  await app.start();
  const send = (async (type: string, payload?: { entityId?: string }) => {
    asked.push(`${type}:${payload?.entityId ?? ''}`);
    return { ok: true, value: cardData };
  }) as unknown as Send;
  const card = new CardController({
    doc: document,
    signal: controller.signal,
    index: app.index,
    highlighter: app.highlighter,
    send,
    settings: () => settings,
    shadowRoots: () => app.openShadowRoots,
    marksHidden: () => app.marksHidden,
    ui,
  });
  // Faked only now: the scan itself yields to the page with real timers.
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'requestAnimationFrame', 'cancelAnimationFrame'] });
  return { app, card, root, mention: centerOf(rangeOver('Project Glasswing', root)), elsewhere: centerOf(rangeOver('Nothing else', root)) };
}

type CardControllerOptionsUi = CardUi | (() => Promise<CardUi>);

/** A UI loader the test resolves (or fails) by hand, as a slow first import would. */
function deferredUi() {
  let resolve!: (ui: CardUi) => void;
  let reject!: (error: Error) => void;
  const loads: Promise<CardUi>[] = [];
  const load = () => {
    const p = new Promise<CardUi>((res, rej) => {
      resolve = res;
      reject = rej;
    });
    loads.push(p);
    return p;
  };
  return { load, loads, resolve: () => resolve(cardUi), reject: () => reject(new Error('import failed')) };
}

const move = ({ x, y }: { x: number; y: number }) =>
  document.dispatchEvent(new PointerEvent('pointermove', { clientX: x, clientY: y, pointerType: 'mouse', bubbles: true }));
const hostCount = () => document.querySelectorAll('ff-card-host').length;
const cardTitle = () => document.querySelector('ff-card-host')?.shadowRoot?.querySelector('[role="dialog"]')?.textContent ?? '';

describe('CardController', () => {
  it('opens after the dwell on a mark, not before, and fetches its card during the dwell', async () => {
    const { card, mention } = await page();
    move(mention);
    vi.advanceTimersToNextFrame(); // the hit test runs once per animation frame
    expect(asked).toEqual(['card.get:project-glasswing']);
    vi.advanceTimersByTime(CARD_DELAY - 1);
    expect(hostCount()).toBe(0);
    expect(card.isOpen).toBe(false);
    vi.advanceTimersByTime(1);
    expect(card.isOpen).toBe(true);
    expect(hostCount()).toBe(1);
    await expect.poll(() => cardTitle()).toContain('Project Glasswing');
    expect(CSS.highlights.get('ff-active')?.size).toBe(1);
  });

  it("registers the card's host in the scan bundle's registry of our elements (the UI module is built apart)", async () => {
    // The built card-ui.js has no registry the scanner reads: it must use the one it is handed, before the host enters the page.
    const handed: unknown[] = [];
    let registeredBeforeInsert = false;
    const ui: CardUi = {
      createCardView: (doc, register) => {
        handed.push(register);
        return cardUi.createCardView(doc, (node) => {
          register(node);
          registeredBeforeInsert = !node.isConnected;
        });
      },
    };
    const { card, mention } = await page(false, ui);
    move(mention);
    vi.advanceTimersToNextFrame();
    vi.advanceTimersByTime(CARD_DELAY);
    expect(card.isOpen).toBe(true);
    expect(handed).toEqual([registerOwn]);
    expect(registeredBeforeInsert).toBe(true);
    expect(isOwnElement(document.querySelector('ff-card-host')!)).toBe(true);
  });

  it('does not open when the pointer leaves the mark during the dwell', async () => {
    const { card, mention, elsewhere } = await page();
    move(mention);
    vi.advanceTimersToNextFrame();
    vi.advanceTimersByTime(CARD_DELAY / 2);
    move(elsewhere);
    vi.advanceTimersToNextFrame();
    vi.advanceTimersByTime(CARD_DELAY * 4);
    expect(card.isOpen).toBe(false);
    expect(hostCount()).toBe(0);
  });

  it('closes a grace period after the pointer leaves, and stays open if it comes back in time', async () => {
    const { card, mention, elsewhere } = await page();
    move(mention);
    vi.advanceTimersToNextFrame();
    vi.advanceTimersByTime(CARD_DELAY);
    expect(card.isOpen).toBe(true);
    move(elsewhere);
    vi.advanceTimersToNextFrame();
    vi.advanceTimersByTime(CLOSE_DELAY_MS - 1);
    move(mention); // back before the grace period ends
    vi.advanceTimersToNextFrame();
    vi.advanceTimersByTime(CLOSE_DELAY_MS * 4);
    expect(card.isOpen).toBe(true);
    move(elsewhere);
    vi.advanceTimersToNextFrame();
    vi.advanceTimersByTime(CLOSE_DELAY_MS);
    expect(card.isOpen).toBe(false);
    expect(hostCount()).toBe(0);
    expect(CSS.highlights.has('ff-active')).toBe(false);
  });

  it('opens no card on a mark the reader has hidden, and does again once the marks are shown', async () => {
    const { app, card, mention, elsewhere } = await page();
    app.setMarksHidden(true);
    expect(CSS.highlights.has('ff-mention')).toBe(false);
    move(mention);
    vi.advanceTimersToNextFrame();
    vi.advanceTimersByTime(CARD_DELAY * 4);
    expect(card.isOpen).toBe(false);
    expect(hostCount()).toBe(0);
    app.setMarksHidden(false);
    expect(CSS.highlights.has('ff-mention')).toBe(true);
    move(elsewhere);
    vi.advanceTimersToNextFrame();
    move(mention);
    vi.advanceTimersToNextFrame();
    vi.advanceTimersByTime(CARD_DELAY);
    expect(card.isOpen).toBe(true);
  });

  it('opens on hover and on focus inside the open shadow root of a plain div; Escape returns focus there', async () => {
    const { card, root, mention, elsewhere } = await page(true);
    move(mention);
    vi.advanceTimersToNextFrame();
    vi.advanceTimersByTime(CARD_DELAY);
    expect(card.isOpen).toBe(true);
    expect(card.current?.range.startContainer.getRootNode()).toBe(root);
    move(elsewhere);
    vi.advanceTimersToNextFrame();
    vi.advanceTimersByTime(CLOSE_DELAY_MS);
    expect(card.isOpen).toBe(false);
    // The focus event reaches the document retargeted to the host: the card still finds the link inside.
    const link = (root as ShadowRoot).getElementById('pg')!;
    link.focus();
    vi.advanceTimersByTime(CARD_DELAY);
    expect(card.isOpen).toBe(true);
    expect(card.current?.kind).toBe('mention');
    document.body.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    expect(card.isOpen).toBe(false);
    expect((root as ShadowRoot).activeElement).toBe(link);
  });

  it('Escape closes the card', async () => {
    const { card, mention } = await page();
    move(mention);
    vi.advanceTimersToNextFrame();
    vi.advanceTimersByTime(CARD_DELAY);
    expect(card.isOpen).toBe(true);
    document.body.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    expect(card.isOpen).toBe(false);
    expect(hostCount()).toBe(0);
  });

  it('once stopped (the extension reloaded), takes its card with it and reacts to nothing', async () => {
    const { card, mention } = await page();
    move(mention);
    vi.advanceTimersToNextFrame();
    vi.advanceTimersByTime(CARD_DELAY);
    expect(hostCount()).toBe(1);
    controller.abort();
    expect(hostCount()).toBe(0);
    asked = [];
    move(mention);
    vi.advanceTimersToNextFrame();
    vi.advanceTimersByTime(CARD_DELAY * 4);
    expect(card.isOpen).toBe(false);
    expect(hostCount()).toBe(0);
    expect(asked).toEqual([]);
  });

  describe('with the UI loaded on first use', () => {
    it('starts loading the UI during the dwell and opens once both the dwell and the load are done', async () => {
      const ui = deferredUi();
      const { card, mention } = await page(false, ui.load);
      expect(ui.loads.length).toBe(0); // nothing loads on a page nobody hovers
      move(mention);
      vi.advanceTimersToNextFrame();
      expect(ui.loads.length).toBe(1);
      vi.advanceTimersByTime(CARD_DELAY);
      expect(card.isOpen).toBe(false); // the dwell is over, the UI is not there yet
      ui.resolve();
      await expect.poll(() => card.isOpen).toBe(true);
      await expect.poll(() => cardTitle()).toContain('Project Glasswing');
      expect(ui.loads.length).toBe(1);
    });

    it('does not open if the pointer left before the UI arrived', async () => {
      const ui = deferredUi();
      const { card, mention, elsewhere } = await page(false, ui.load);
      move(mention);
      vi.advanceTimersToNextFrame();
      vi.advanceTimersByTime(CARD_DELAY);
      move(elsewhere);
      vi.advanceTimersToNextFrame();
      ui.resolve();
      await Promise.resolve();
      await Promise.resolve();
      vi.advanceTimersByTime(CARD_DELAY * 4);
      expect(card.isOpen).toBe(false);
      expect(hostCount()).toBe(0);
    });

    it('survives a failed load quietly and tries again on the next dwell', async () => {
      const ui = deferredUi();
      const debug = vi.spyOn(console, 'debug').mockImplementation(() => {});
      const { card, mention, elsewhere } = await page(false, ui.load);
      move(mention);
      vi.advanceTimersToNextFrame();
      ui.reject();
      vi.advanceTimersByTime(CARD_DELAY);
      await expect.poll(() => debug.mock.calls.length).toBe(1);
      expect(card.isOpen).toBe(false);
      move(elsewhere);
      vi.advanceTimersToNextFrame();
      move(mention);
      vi.advanceTimersToNextFrame();
      expect(ui.loads.length).toBe(2);
      ui.resolve();
      vi.advanceTimersByTime(CARD_DELAY);
      await expect.poll(() => card.isOpen).toBe(true);
      debug.mockRestore();
    });
  });
});

/**
 * The content script checks the messages it answers by hand (no zod on the scan path). Here those
 * checks are held to the contract's zod schemas: for every content message type, and for a large
 * set of generated messages, both must accept and refuse exactly the same messages.
 */
import { describe, expect, it } from 'vitest';
import { handleContentMessages, validContentMessage } from '../../../src/content/content-messages';
import { CARD_UI_PATH } from '../../../src/content/card/card-ui-loader';
import { CONTENT_MESSAGES, MESSAGE_TYPES, requestSchema, type MessageType } from '../../../src/shared/messages';
import { CARD_UI_FILE, CLAIM_TABLES_FILE } from '../../../scripts/lazy-modules-plugin';
import { CLAIM_TABLES_PATH } from '../../../src/content/claim-tables-loader';
import manifest from '../../../manifest.json';

const VALUES: unknown[] = [
  undefined,
  null,
  0,
  1,
  -1,
  2.5,
  1_000_000,
  1_000_001,
  Number.NaN,
  Infinity,
  '',
  '3',
  'mention',
  'claim',
  'show',
  'hide',
  'toggle',
  'other',
  true,
  [],
  {},
  ['mention'],
];
const KEYS = ['kind', 'index', 'action', 'extra', '__proto__x'];

/** Every message with up to two of the keys, each with every value: thousands of shapes per type. */
function* messagesOf(type: string): Generator<unknown> {
  yield { type };
  yield { type: type.toUpperCase() };
  yield type;
  yield null;
  yield [type];
  for (const a of KEYS)
    for (const va of VALUES) {
      yield { type, [a]: va };
      for (const b of KEYS)
        if (b > a) for (const vb of ['mention', 'claim', 'show', 'toggle', 0, 7, -1, 'x', undefined, 1.5]) yield { type, [a]: va, [b]: vb };
    }
}

describe('content message checks', () => {
  it('cover exactly the messages the content script answers', () => {
    for (const type of MESSAGE_TYPES) {
      const ours = (CONTENT_MESSAGES as readonly string[]).includes(type);
      expect(validContentMessage(type, { type }).ok && ours, type).toBe(ours && requestSchema(type).safeParse({ type }).success);
      if (!ours) expect(validContentMessage(type, { type }).ok, type).toBe(false);
    }
  });

  for (const type of CONTENT_MESSAGES) {
    it(`agree with the zod schema of ${type} on every generated message`, () => {
      let accepted = 0;
      let total = 0;
      for (const message of messagesOf(type)) {
        total++;
        const zod = requestSchema(type as MessageType).safeParse(message).success;
        expect(validContentMessage(type, message).ok, JSON.stringify(message)).toBe(zod);
        if (zod) accepted++;
      }
      expect(total).toBeGreaterThan(1000);
      expect(accepted).toBeGreaterThan(0); // the generator reaches valid messages too
    });
  }

  it('dispatch valid messages to their handler and refuse the rest without calling it', async () => {
    const calls: string[] = [];
    const listener = handleContentMessages(
      {
        'page.report': () => ({ url: 'u', ready: true, mentions: [], claims: [] }),
        'page.reveal': ({ kind, index }) => (calls.push(`${kind}:${index}`), true),
        'page.next': () => false,
        'page.marks': () => true,
      },
      { accept: (_type, sender) => sender.id === 'us' },
    );
    expect(await listener({ type: 'page.reveal', kind: 'claim', index: 2 }, { id: 'us' })).toEqual({ ok: true, value: true });
    expect(await listener({ type: 'page.report' }, { id: 'us' })).toEqual({ url: 'u', ready: true, mentions: [], claims: [] });
    expect(await listener({ type: 'page.reveal', kind: 'claim', index: -2 }, { id: 'us' })).toMatchObject({ ok: false });
    expect(await listener({ type: 'page.reveal', kind: 'claim', index: 2 }, { id: 'someone else' })).toMatchObject({ ok: false });
    expect(await listener({ type: 'card.get', entityId: 'claude-mythos', claimIds: [] }, { id: 'us' })).toMatchObject({ ok: false });
    expect(calls).toEqual(['claim:2']);
  });
});

describe('modules the content script imports (the card UI, the claim tables)', () => {
  it('are built where the content script imports them from, and are web-accessible in both browsers', () => {
    expect(CARD_UI_FILE).toBe(CARD_UI_PATH);
    expect(CLAIM_TABLES_FILE).toBe(CLAIM_TABLES_PATH);
    const m = manifest as unknown as Record<string, { resources: string[]; matches: string[]; use_dynamic_url?: boolean }[]>;
    const chrome = m['{{chrome}}.web_accessible_resources']!;
    const firefox = m['{{firefox}}.web_accessible_resources']!;
    for (const entries of [chrome, firefox]) expect(entries.flatMap((e) => e.resources)).toEqual([CARD_UI_PATH, CLAIM_TABLES_PATH]);
    // Reachable only through the session's dynamic id in Chromium: no fixed address a page could probe.
    expect(chrome.every((e) => e.use_dynamic_url === true)).toBe(true);
  });
});

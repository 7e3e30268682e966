/**
 * Malformed messages for fuzzing the message handlers: hand-picked edge cases plus random ones
 * from a seeded generator (the seed is printed by the test, so a failure can be replayed). Every
 * message here is invalid by construction — unknown type, wrong shape or a value out of range —
 * so every reply must be `{ ok: false }`. All values survive structured cloning and JSON.
 */

import { BACKGROUND_MESSAGES, CONTENT_MESSAGES } from '../../src/shared/messages';
import { mulberry32 } from '../../tooling/prng';

const BACKGROUND_TYPES: string[] = [...BACKGROUND_MESSAGES];
const CONTENT_TYPES: string[] = [...CONTENT_MESSAGES];

/** A small seeded PRNG (mulberry32). */
export const prng = mulberry32;

const deep = (depth: number): unknown => (depth === 0 ? 'bottom' : { a: deep(depth - 1) });
const long = (n: number) => 'x'.repeat(n);

/** Messages every receiver must refuse whatever its type list. */
function shapeless(): unknown[] {
  return [
    null,
    0,
    -1,
    1.5,
    true,
    false,
    '',
    'settings.get',
    long(100_000),
    [],
    ['settings.get'],
    [{ type: 'settings.get' }],
    {},
    { type: null },
    { type: 1 },
    { type: true },
    { type: {} },
    { type: [] },
    { type: ['settings.get'] },
    { type: '' },
    { type: ' settings.get' },
    { type: 'SETTINGS.GET' },
    { type: 'settings.get\u0000' },
    { type: '__proto__' },
    { type: 'constructor' },
    { type: 'toString' },
    { type: 'hasOwnProperty' },
    { type: 'valueOf' },
    JSON.parse('{"__proto__": {"type": "settings.get"}}'),
    { type: long(10_000) },
    { type: 'page.report', deep: deep(200) },
  ];
}

/** Known types with a bad payload (the schemas are strict: an extra key alone is refused). */
function badPayloads(): Record<string, unknown[]> {
  return {
    'card.get': [
      {},
      { entityId: 'nobody', claimIds: [] },
      { entityId: 'claude-mythos' },
      { entityId: 'claude-mythos', claimIds: 'c1' },
      { entityId: 'claude-mythos', claimIds: Array.from({ length: 51 }, (_, i) => `c${i}`) },
      { entityId: 'claude-mythos', claimIds: [''] },
      { entityId: 'claude-mythos', claimIds: [long(101)] },
      { entityId: 'claude-mythos', claimIds: [], extra: true },
      { entityId: { toString: 'claude-mythos' }, claimIds: [] },
    ],
    'facts.search': [
      {},
      { query: 1 },
      { query: long(201) },
      { query: 'glasswing', limit: 0 },
      { query: 'glasswing', limit: 101 },
      { query: 'glasswing', limit: 1.5 },
      { query: 'glasswing', limit: '5' },
      { query: null },
      { query: deep(50) },
    ],
    'claims.get': [{}, { ids: 'x' }, { ids: Array.from({ length: 101 }, (_, i) => `x${i}`) }, { ids: [1, 2] }],
    'sources.list': [{ all: true }],
    'dataset.info': [{ version: '9.9.9' }],
    'export.claimreview': [{ lang: 'fr' }, { lang: 1 }, { lang: 'en', extra: 1 }],
    'settings.get': [{ key: 'settings' }],
    'settings.update': [
      {},
      { patch: null },
      { patch: 'enabled=false' },
      { patch: { enabled: 'no' } },
      { patch: { cardDelayMs: -1 } },
      { patch: { cardDelayMs: 99_999 } },
      { patch: { cardDelayMs: 1.5 } },
      { patch: { highlightStyle: 'blink' } },
      { patch: { language: 'fr' } },
      { patch: { disabledSites: ['bad host'] } },
      { patch: { disabledSites: 'example.com' } },
      { patch: { disabledSites: ['<script>'] } },
      { patch: { enabled: false, extra: 1 } },
      { patch: { version: 2 } },
      { patch: JSON.parse('{"__proto__": {"enabled": false}}') },
      { patch: { enabled: false }, extra: 1 },
    ],
    'ui.openPopup': [{ tabId: 1 }],
    'page.status': [
      {},
      { mentions: -1, flagged: 0 },
      { mentions: 1.5, flagged: 0 },
      { mentions: 1, flagged: 2_000_000 },
      { mentions: '1', flagged: 0 },
    ],
    'page.report': [{ url: 'x' }, { ready: true }],
    'page.reveal': [
      {},
      { kind: 'mention' },
      { kind: 'image', index: 0 },
      { kind: 'mention', index: -1 },
      { kind: 'claim', index: 0.5 },
      { kind: 'mention', index: '0' },
    ],
    'page.next': [{ step: 2 }],
    'page.marks': [{ action: 'blink' }, { action: 1 }, { action: true }, { action: 'hide', extra: 1 }],
    'lookup.show': [{}, { text: '' }, { text: 1 }, { text: long(5001) }, { text: ['x'] }, { text: 'x', extra: 1 }],
    'lookup.get': [{ text: 'x' }],
    'claims.check': [
      {},
      { paragraphs: [] },
      { paragraphs: 'Claude Mythos' },
      { paragraphs: [{ text: '', carried: [] }] },
      { paragraphs: [{ text: 'Claude Mythos', carried: ['nobody'] }] },
      { paragraphs: [{ text: 'Claude Mythos' }] },
      { paragraphs: [{ text: long(20_001), carried: [] }] },
      { paragraphs: [{ text: 'Claude Mythos', carried: [], pageDate: 'June 2' }] },
      { paragraphs: [{ text: 'Claude Mythos', carried: [], extra: 1 }] },
      { paragraphs: Array.from({ length: 101 }, () => ({ text: 'Claude Mythos', carried: [] })) },
      { paragraphs: [{ text: 'Claude Mythos', carried: [] }], extra: true },
    ],
  };
}

function randomValue(next: () => number, depth = 0): unknown {
  const pick = Math.floor(next() * (depth > 2 ? 6 : 9));
  switch (pick) {
    case 0:
      return null;
    case 1:
      return Math.floor(next() * 2_000_000) - 1_000_000;
    case 2:
      return next() * 1e6;
    case 3:
      return next() < 0.5;
    case 4:
      return randomString(next);
    case 5:
      return '';
    case 6:
      return Array.from({ length: Math.floor(next() * 4) }, () => randomValue(next, depth + 1));
    default: {
      const out: Record<string, unknown> = {};
      for (let i = Math.floor(next() * 4); i > 0; i--) out[randomKey(next)] = randomValue(next, depth + 1);
      return out;
    }
  }
}

const KEYS = [
  'type',
  'patch',
  'query',
  'limit',
  'ids',
  'entityId',
  'claimIds',
  'kind',
  'index',
  'mentions',
  'flagged',
  'lang',
  'enabled',
  '__proto__',
  'constructor',
];
function randomKey(next: () => number): string {
  return next() < 0.7 ? KEYS[Math.floor(next() * KEYS.length)]! : randomString(next);
}
function randomString(next: () => number): string {
  const chars = 'abcxyz.-_<>"\'&;:/\\\u0000\u202e中文 ';
  return Array.from({ length: Math.floor(next() * 24) }, () => chars[Math.floor(next() * chars.length)]).join('');
}

/** Random objects with an unknown type, or a known type and a payload key it does not allow. */
function randomMessages(next: () => number, count: number, types: string[]): unknown[] {
  const out: unknown[] = [];
  for (let i = 0; i < count; i++) {
    const payload = randomValue(next);
    const body =
      typeof payload === 'object' && payload !== null && !Array.isArray(payload)
        ? (payload as Record<string, unknown>)
        : { value: payload };
    if (next() < 0.5) {
      out.push({ ...body, type: `${types[Math.floor(next() * types.length)]}${randomString(next) || '?'}` });
    } else {
      // A key no schema has makes any known type invalid (strict objects).
      out.push({ ...body, fuzz: randomValue(next), type: types[Math.floor(next() * types.length)] });
    }
  }
  return out;
}

/** Invalid messages for the background (`receiver: 'background'`) or the content script. */
export function badMessages(receiver: 'background' | 'content', seed: number, randomCount = 150): unknown[] {
  const types = receiver === 'background' ? BACKGROUND_TYPES : CONTENT_TYPES;
  const payloads = badPayloads();
  const typed = [...types, ...(receiver === 'background' ? CONTENT_TYPES : BACKGROUND_TYPES)].flatMap((type) =>
    // The other receiver's types are unknown here, so even their valid payloads are refused.
    (types.includes(type) ? payloads[type]! : [{}]).map((p) => ({ ...(p as object), type })),
  );
  return [...shapeless(), ...typed, ...randomMessages(prng(seed), randomCount, types)];
}

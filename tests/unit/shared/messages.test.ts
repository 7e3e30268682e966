import { describe, expect, it, vi } from 'vitest';
import {
  BACKGROUND_MESSAGES,
  CONTENT_MESSAGES,
  createSender,
  handleMessages,
  retryingTransport,
  MESSAGE_TYPES,
  requestSchema,
  type Handlers,
  type MessageType,
} from '../../../src/shared/messages';
import { createBackgroundHandlers } from '../../../src/background/handlers';
import { createPageHandlers } from '../../../src/content/page-handlers';

const allTypes: MessageType[] = MESSAGE_TYPES;
const self = { id: 'ext' };

describe('message contract', () => {
  it('gives every message type a schema and exactly one receiving context', () => {
    const receivers = [...BACKGROUND_MESSAGES, ...CONTENT_MESSAGES];
    expect(new Set(receivers).size).toBe(receivers.length);
    expect([...receivers].sort()).toEqual([...allTypes].sort());
    for (const type of allTypes)
      expect(
        requestSchema(type)
          .safeParse({ type })
          .error?.issues.some((i) => i.path[0] === 'type'),
      ).not.toBe(true);
  });

  it('has a handler for every message in each context', () => {
    const background = createBackgroundHandlers({
      store: {} as never,
      settings: {} as never,
      setBadge: () => undefined,
      openPopup: async () => true,
      lookups: { put: () => undefined, take: () => null },
      showLookup: async () => true,
    });
    const content = createPageHandlers({ getApp: () => undefined, hasFailed: () => true, reveal: () => undefined });
    expect(Object.keys(background).sort()).toEqual([...BACKGROUND_MESSAGES].sort());
    expect(Object.keys(content).sort()).toEqual([...CONTENT_MESSAGES].sort());
  });
});

describe('handleMessages', () => {
  const handlers = {
    'facts.search': vi.fn(async ({ query }: { query: string }) => [{ kind: 'fact', score: 1, query }]),
    'page.report': () => ({ url: 'https://x/', ready: true, mentions: [], claims: [] }),
  } as unknown as Handlers<'facts.search' | 'page.report'>;

  it('validates, dispatches and wraps the reply in a Result', async () => {
    const log = vi.fn();
    const listener = handleMessages(handlers, { accept: () => true, log });
    await expect(listener({ type: 'facts.search', query: 'glass' }, self)).resolves.toEqual({
      ok: true,
      value: [{ kind: 'fact', score: 1, query: 'glass' }],
    });
    expect(log).not.toHaveBeenCalled();
  });

  it('answers page.report bare: other tools read its fields directly', async () => {
    const listener = handleMessages(handlers, { accept: () => true });
    await expect(listener({ type: 'page.report' }, self)).resolves.toEqual({ url: 'https://x/', ready: true, mentions: [], claims: [] });
  });

  it.each([
    ['not an object', 'hello'],
    ['null', null],
    ['no type', { query: 'x' }],
    ['unknown type', { type: 'facts.delete' }],
    ['prototype key as type', { type: 'constructor' }],
    ['wrong payload type', { type: 'facts.search', query: 42 }],
    ['extra field', { type: 'facts.search', query: 'x', evil: true }],
    ['oversized query', { type: 'facts.search', query: 'x'.repeat(500) }],
  ])('rejects %s with {ok:false} and logs it once', async (_label, message) => {
    const log = vi.fn();
    const listener = handleMessages(handlers, { accept: () => true, log });
    await expect(listener(message, self)).resolves.toMatchObject({ ok: false });
    await expect(listener(message, self)).resolves.toMatchObject({ ok: false });
    expect(log).toHaveBeenCalledTimes(1);
  });

  it('refuses senders the context does not accept', async () => {
    const listener = handleMessages(handlers, { accept: (_t, sender) => sender.id === 'ext' });
    await expect(listener({ type: 'facts.search', query: 'x' }, { id: 'other' })).resolves.toEqual({
      ok: false,
      error: 'sender not allowed',
    });
  });

  it('turns a throwing handler into {ok:false}', async () => {
    const listener = handleMessages({ 'dataset.info': () => Promise.reject(new Error('db gone')) } as unknown as Handlers<'dataset.info'>, {
      accept: () => true,
    });
    await expect(listener({ type: 'dataset.info' }, self)).resolves.toEqual({ ok: false, error: 'db gone' });
  });
});

describe('createSender', () => {
  it('never rejects: transport failures and missing replies become {ok:false}', async () => {
    const failing = createSender(() => Promise.reject(new Error('Could not establish connection')));
    await expect(failing('dataset.info')).resolves.toEqual({ ok: false, error: 'Could not establish connection' });
    const silent = createSender(() => Promise.resolve(undefined));
    await expect(silent('dataset.info')).resolves.toEqual({ ok: false, error: 'no reply' });
  });

  it('validates the bare page report', async () => {
    const send = createSender(() => Promise.resolve({ url: 'u', ready: true, mentions: [{ entityId: 'nope' }], claims: [] }));
    await expect(send('page.report')).resolves.toMatchObject({ ok: false });
  });
});

describe('retryingTransport', () => {
  const unreachable = () => new Error('Could not establish connection. Receiving end does not exist.');

  it('sends again while the background cannot be reached (an event page suspending), then delivers', async () => {
    const waits: number[] = [];
    let calls = 0;
    const transport = retryingTransport(
      async (message) => {
        if (++calls < 3) throw unreachable();
        return { ok: true, value: message };
      },
      { wait: async (ms) => void waits.push(ms) },
    );
    await expect(createSender(transport)('dataset.info')).resolves.toEqual({ ok: true, value: { type: 'dataset.info' } });
    expect(calls).toBe(3);
    expect(waits).toEqual([50, 100]);
  });

  it('gives up after its attempts, and never retries other failures', async () => {
    let calls = 0;
    const down = retryingTransport(
      () => {
        calls++;
        return Promise.reject(unreachable());
      },
      { attempts: 4, wait: async () => undefined },
    );
    await expect(createSender(down)('dataset.info')).resolves.toMatchObject({ ok: false, error: expect.stringMatching(/Receiving end/) });
    expect(calls).toBe(4);

    calls = 0;
    const broken = retryingTransport(
      () => {
        calls++;
        return Promise.reject(new Error('Message length exceeded maximum allowed length.'));
      },
      { wait: async () => undefined },
    );
    await expect(createSender(broken)('dataset.info')).resolves.toMatchObject({ ok: false });
    expect(calls).toBe(1);
  });
});

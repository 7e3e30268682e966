/**
 * The zod-free half of the message contract (messages.ts): dispatching a received message to its
 * handler, sending with retries, and the Result shape. Receivers pass their own validation: the
 * background and extension pages check requests against the zod schemas (messages.ts); the content
 * script, which every page loads, uses small hand checks held to those schemas by a unit test
 * (src/content/content-messages.ts), so no zod sits on the scan path.
 */
import type { MessageType, Payload, Request, Responses } from './messages';

/** Messages answered with the bare value instead of a Result (public contracts). */
const BARE_REPLIES: ReadonlySet<MessageType> = new Set<MessageType>(['page.report']);

export type Result<T> = { ok: true; value: T } | { ok: false; error: string };

/** The part of `runtime.MessageSender` the handlers look at. */
export interface Sender {
  id?: string;
  url?: string;
  tab?: { id?: number };
  frameId?: number;
}

export type Handler<T extends MessageType> = (request: Request<T>, sender: Sender) => Responses[T] | Promise<Responses[T]>;
export type Handlers<K extends MessageType> = { [T in K]: Handler<T> };

export interface HandleOptions {
  /** Whether to accept a message of this type from this sender (e.g. only our extension). */
  accept: (type: MessageType, sender: Sender) => boolean;
  /** Called once per distinct problem, so a flood of bad messages cannot flood the log. */
  log?: (problem: string) => void;
}

/** A receiver's check of a message against its type's schema: the parsed request, or why not. */
export type Validate = (type: MessageType, message: unknown) => Result<unknown>;

/**
 * Builds a `runtime.onMessage` listener that checks the sender, validates and dispatches to the
 * handlers. Unknown or malformed messages get `{ ok: false }`.
 */
export function dispatchMessages<K extends MessageType>(handlers: Handlers<K>, options: HandleOptions & { validate: Validate }) {
  const logged = new Set<string>();
  const logOnce = (problem: string) => {
    if (logged.has(problem) || logged.size > 100) return;
    logged.add(problem);
    options.log?.(problem);
  };
  return (message: unknown, sender: Sender): Promise<unknown> => {
    const type = typeof message === 'object' && message !== null ? (message as { type?: unknown }).type : undefined;
    const fail = (error: string): Promise<Result<never>> => {
      logOnce(`${String(type).slice(0, 40)}: ${error}`);
      return Promise.resolve({ ok: false, error });
    };
    if (typeof type !== 'string' || !Object.hasOwn(handlers, type)) return fail('unknown message type');
    const messageType = type as K;
    if (!options.accept(messageType, sender)) return fail('sender not allowed');
    const parsed = options.validate(messageType, message);
    if (!parsed.ok) return fail(`invalid ${messageType}: ${parsed.error}`);
    const handler = handlers[messageType] as Handler<K>;
    return Promise.resolve()
      .then(() => handler(parsed.value as Request<K>, sender))
      .then(
        (value) => (BARE_REPLIES.has(messageType) ? value : { ok: true, value }),
        (error: unknown) => fail(error instanceof Error ? error.message : String(error)),
      );
  };
}

export type Transport = (message: unknown) => Promise<unknown>;

/**
 * How a browser refuses a message no listener received: Firefox when it races the event page's
 * suspension (the page is being torn down as the message arrives), either browser while the
 * background is being replaced by an update. The message was not handled, so sending it again is safe.
 */
const UNREACHABLE = /Receiving end does not exist|Could not establish connection/i;

export interface RetryOptions {
  /** Sends in all, the first included. */
  attempts?: number;
  /** Pause before the first retry; each next one doubles it. */
  firstDelayMs?: number;
  /** The pause itself (a test passes one that resolves at once). */
  wait?: (ms: number) => Promise<void>;
}

/**
 * A transport to the background that sends again, after growing pauses, when the background could
 * not be reached; any other failure, and the last attempt's, is the caller's. For runtime messages
 * only: a tab without a content script answers the same way, and that is an answer.
 */
export function retryingTransport(
  transport: Transport,
  { attempts = 6, firstDelayMs = 50, wait = (ms) => new Promise((resolve) => setTimeout(resolve, ms)) }: RetryOptions = {},
): Transport {
  return async (message) => {
    for (let attempt = 1, delay = firstDelayMs; ; attempt++, delay *= 2) {
      try {
        return await transport(message);
      } catch (error) {
        if (attempt >= attempts || !UNREACHABLE.test(error instanceof Error ? error.message : String(error))) throw error;
        await wait(delay);
      }
    }
  };
}

/**
 * A typed `send(type, payload)` over a transport; never rejects, always resolves to a Result.
 * `parseBare` checks the replies that come bare (the page report); a sender without it (the
 * content script, which never asks for a page report) refuses them.
 */
export function senderOver(transport: Transport, parseBare?: (reply: unknown) => Result<unknown>) {
  return async function send<T extends MessageType>(type: T, ...[payload]: SendArgs<T>): Promise<Result<Responses[T]>> {
    try {
      const reply = await transport({ ...(payload ?? {}), type });
      if (BARE_REPLIES.has(type)) return (parseBare?.(reply) ?? { ok: false, error: 'no parser for a bare reply' }) as Result<Responses[T]>;
      if (typeof reply === 'object' && reply !== null && 'ok' in reply) return reply as Result<Responses[T]>;
      return { ok: false, error: 'no reply' };
    } catch (error) {
      return { ok: false, error: error instanceof Error ? error.message : String(error) };
    }
  };
}

type SendArgs<T extends MessageType> = keyof Payload<T> extends never ? [payload?: Payload<T>] : [payload: Payload<T>];
export type Send = ReturnType<typeof senderOver>;

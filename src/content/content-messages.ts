/**
 * The content script's end of the message contract without zod: hand checks of the four
 * messages it answers, and a sender for the ones it sends. Every page loads this script, so zod
 * (and the polyfill) stay off its path; tests/unit/content/content-messages.test.ts holds these
 * checks to the zod schemas in shared/messages.ts, message for message.
 */
import { dispatchMessages, retryingTransport, senderOver, type HandleOptions, type Handlers, type Result } from '../shared/message-core';
import type { CONTENT_MESSAGES, MessageType } from '../shared/messages';
import { extensionApi } from './ext';

type ContentMessage = (typeof CONTENT_MESSAGES)[number];

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const onlyKeys = (m: Record<string, unknown>, keys: readonly string[]) => Object.keys(m).every((k) => keys.includes(k));
const isCount = (v: unknown) => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0 && v <= 1_000_000;

const CHECKS: Record<ContentMessage, (m: Record<string, unknown>) => boolean> = {
  'page.report': (m) => onlyKeys(m, ['type']),
  'page.next': (m) => onlyKeys(m, ['type']),
  'page.reveal': (m) => onlyKeys(m, ['type', 'kind', 'index']) && (m.kind === 'mention' || m.kind === 'claim') && isCount(m.index),
  'page.marks': (m) =>
    onlyKeys(m, ['type', 'action']) && (m.action === undefined || m.action === 'show' || m.action === 'hide' || m.action === 'toggle'),
};

/** Whether a message is a well-formed request of this type (the same answer as its zod schema). */
export function validContentMessage(type: MessageType, message: unknown): Result<unknown> {
  const check = Object.hasOwn(CHECKS, type) ? CHECKS[type as ContentMessage] : undefined;
  if (!check || !isRecord(message) || message.type !== type) return { ok: false, error: 'bad shape' };
  return check(message) ? { ok: true, value: message } : { ok: false, error: 'bad shape' };
}

/** The listener for the content script's messages, validated by the hand checks above. */
export function handleContentMessages<K extends ContentMessage>(handlers: Handlers<K>, options: HandleOptions) {
  return dispatchMessages(handlers, { ...options, validate: validContentMessage });
}

const runtimeTransport = (message: unknown) => {
  const api = extensionApi();
  return api ? api.runtime.sendMessage(message) : Promise.reject(new Error('no extension API'));
};

/**
 * Sends to the background, retrying while it wakes (see retryingTransport); with `retry: false`, once (for
 * the claim checks, which have a quicker way out than waiting: checking in the page).
 */
export function createContentSender({ retry = true }: { retry?: boolean } = {}) {
  return senderOver(retry ? retryingTransport(runtimeTransport) : runtimeTransport);
}

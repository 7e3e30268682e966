/**
 * The few extension APIs the content script uses, straight from the browser: Firefox's `browser`
 * (promises), else Chromium's `chrome` (promises under MV3 for these calls). No
 * webextension-polyfill on the scan path: it is ~10 KB every page would compile at start-up for
 * three calls. Message listeners answer through `sendResponse` + `return true`, which both
 * browsers honour (Chromium ignores a returned promise).
 */
import type { Runtime, Storage } from 'webextension-polyfill';

type MessageListener = (message: unknown, sender: Runtime.MessageSender, sendResponse: (reply: unknown) => void) => boolean | undefined;

interface ExtensionApi {
  runtime: {
    readonly id?: string;
    sendMessage(message: unknown): Promise<unknown>;
    getURL(path: string): string;
    onMessage: { addListener(l: MessageListener): void; removeListener(l: MessageListener): void };
  };
  storage: Storage.Static;
}

type World = { browser?: ExtensionApi; chrome?: ExtensionApi };

/** The browser's extension API, or undefined outside an extension (a test page). */
export function extensionApi(): ExtensionApi | undefined {
  const world = globalThis as World;
  return world.browser?.runtime ? world.browser : world.chrome?.runtime ? world.chrome : undefined;
}

/** Whether this copy of the content script still belongs to a loaded extension (false once it was reloaded or removed). */
export function extensionAlive(): boolean {
  try {
    return typeof extensionApi()?.runtime?.id === 'string';
  } catch {
    return false;
  }
}

/**
 * Adds a message listener whose answer is a promise (or undefined: not ours to answer).
 * Returns the function that removes it.
 */
export function onRuntimeMessage(handler: (message: unknown, sender: Runtime.MessageSender) => Promise<unknown> | undefined): () => void {
  const api = extensionApi();
  if (!api) return () => {};
  const listener: MessageListener = (message, sender, sendResponse) => {
    const reply = handler(message, sender);
    if (!reply) return undefined;
    reply.then(sendResponse, () => sendResponse(undefined));
    return true;
  };
  api.runtime.onMessage.addListener(listener);
  return () => api.runtime.onMessage.removeListener(listener);
}

/**
 * Rendering Preact into jsdom for component tests: mount, act, query, unmount. Nothing here waits
 * a number of turns: what a reply changes on screen is awaited with `expect.poll` in the tests.
 */
import { render, type ComponentChild } from 'preact';
import { act } from 'preact/test-utils';

export interface Mounted {
  root: HTMLElement;
  $: <E extends Element = HTMLElement>(selector: string) => E | null;
  $$: <E extends Element = HTMLElement>(selector: string) => E[];
  text: () => string;
  unmount: () => void;
}

/** Renders into a fresh element; `ready` is polled until it holds (the first replies are in). */
export async function mount(vnode: ComponentChild, ready: (m: Mounted) => boolean = () => true): Promise<Mounted> {
  const root = document.createElement('div');
  document.body.append(root);
  await act(() => render(vnode, root));
  const mounted: Mounted = {
    root,
    $: <E extends Element = HTMLElement>(s: string) => root.ownerDocument.querySelector<E>(s),
    $$: <E extends Element = HTMLElement>(s: string) => [...root.ownerDocument.querySelectorAll<E>(s)],
    text: () => root.ownerDocument.body.textContent ?? '',
    unmount: () => {
      void act(() => render(null, root));
      root.remove();
    },
  };
  try {
    await until(() => ready(mounted), 'the component to be ready');
  } catch (error) {
    mounted.unmount();
    throw error;
  }
  return mounted;
}

/** Polls until `condition` holds (generous timeout: the machine may be busy). */
export async function until(condition: () => boolean, label = 'condition', timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${label}`);
    await act(() => new Promise<void>((r) => setTimeout(r, 10)));
  }
}

/**
 * Lets every already-resolved reply reach the screen: one macrotask runs after all queued
 * microtasks (the reply's `then`, Preact's debounced render). Only for asserting that something
 * did NOT change after a reply the test itself just resolved.
 */
export async function afterResolvedReplies(): Promise<void> {
  await act(() => new Promise<void>((r) => setTimeout(r, 0)));
}

/** Types into an input as a user would (value, then an input event). */
export async function type(input: HTMLInputElement, value: string): Promise<void> {
  await act(() => {
    input.value = value;
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

/** Dispatches a keydown on the focused element (or the given one). */
export async function press(key: string, target: Element | null = document.activeElement): Promise<void> {
  await act(() => {
    target?.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }));
  });
}

export async function click(element: Element | null): Promise<void> {
  if (!element) throw new Error('nothing to click');
  await act(() => (element as HTMLElement).click());
}

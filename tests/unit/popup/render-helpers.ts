/** Rendering Preact into jsdom for component tests: mount, let promises settle, query, unmount. */
import { render, type ComponentChild } from 'preact';
import { act } from 'preact/test-utils';

export interface Mounted {
  root: HTMLElement;
  $: <E extends Element = HTMLElement>(selector: string) => E | null;
  $$: <E extends Element = HTMLElement>(selector: string) => E[];
  text: () => string;
  unmount: () => void;
}

export async function mount(vnode: ComponentChild): Promise<Mounted> {
  const root = document.createElement('div');
  document.body.append(root);
  await act(() => render(vnode, root));
  await settle();
  return {
    root,
    $: <E extends Element = HTMLElement>(s: string) => root.ownerDocument.querySelector<E>(s),
    $$: <E extends Element = HTMLElement>(s: string) => [...root.ownerDocument.querySelectorAll<E>(s)],
    text: () => root.ownerDocument.body.textContent ?? '',
    unmount: () => {
      render(null, root);
      root.remove();
    },
  };
}

/** Lets pending replies resolve and Preact re-render (a few macrotask turns). */
export async function settle(turns = 4): Promise<void> {
  for (let i = 0; i < turns; i++) await act(() => new Promise<void>((r) => setTimeout(r, 0)));
}

/** Types into an input as a user would (value, then an input event). */
export async function type(input: HTMLInputElement, value: string): Promise<void> {
  await act(() => {
    input.value = value;
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
  await settle();
}

/** Dispatches a keydown on the focused element (or the given one). */
export async function press(key: string, target: Element | null = document.activeElement): Promise<void> {
  await act(() => {
    target?.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }));
  });
  await settle(1);
}

export async function click(element: Element | null): Promise<void> {
  if (!element) throw new Error('nothing to click');
  await act(() => (element as HTMLElement).click());
  await settle();
}

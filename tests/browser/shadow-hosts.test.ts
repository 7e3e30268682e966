/**
 * The pass that looks for shadow roots reads only the elements that can carry one (shadow-hosts.ts).
 * Its list of names that never can is held to the browser here: every one refuses `attachShadow`,
 * and every name the DOM standard allows (and custom elements) is still selected and found.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { findOpenShadowRoots } from '../../src/content/scan';
import { COMMON_NON_HOSTS, POSSIBLE_HOSTS } from '../../src/content/scan/shadow-hosts';

/** The DOM standard's valid shadow host names, besides custom elements. */
const HOST_NAMES = ['article', 'aside', 'blockquote', 'body', 'div', 'footer', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6'].concat([
  'header',
  'main',
  'nav',
  'p',
  'section',
  'span',
]);

afterEach(() => document.body.replaceChildren());

async function rootsUnder(root: Node): Promise<ShadowRoot[]> {
  const found: ShadowRoot[] = [];
  const outcome = await findOpenShadowRoots(root, {
    signal: new AbortController().signal,
    onRoot: (shadow) => {
      found.push(shadow);
      return false;
    },
  });
  expect(outcome).toBe('done');
  return found;
}

describe('possible shadow hosts', () => {
  it('leaves out only names the browser refuses to give a shadow root', () => {
    expect(COMMON_NON_HOSTS.length).toBeGreaterThan(40);
    const accepted = COMMON_NON_HOSTS.filter((name) => {
      try {
        document.createElement(name).attachShadow({ mode: 'open' });
        return true;
      } catch {
        return false;
      }
    });
    expect(accepted).toEqual([]);
  });

  it('selects every name the browser accepts, custom elements included', () => {
    for (const name of [...HOST_NAMES, 'x-card', 'news-article-body']) {
      const el = document.createElement(name);
      el.attachShadow({ mode: 'open' });
      expect(el.matches(POSSIBLE_HOSTS), name).toBe(true);
    }
  });

  it('finds a root on every kind of host, and does not read links, cells or SVG', async () => {
    const container = document.createElement('div');
    document.body.append(container);
    const expected: ShadowRoot[] = [];
    for (const name of [...HOST_NAMES.filter((n) => n !== 'body'), 'x-card']) {
      const host = container.appendChild(document.createElement(name));
      const shadow = host.attachShadow({ mode: 'open' });
      shadow.append(document.createElement('p'));
      expected.push(shadow);
    }
    const svg = container.appendChild(document.createElementNS('http://www.w3.org/2000/svg', 'svg'));
    svg.append(document.createElementNS('http://www.w3.org/2000/svg', 'g'));
    container.append(Object.assign(document.createElement('a'), { textContent: 'link' }), document.createElement('table'));
    expect(await rootsUnder(document)).toEqual(expected);
    expect(await rootsUnder(container)).toEqual(expected);
    const selected = [...container.querySelectorAll(POSSIBLE_HOSTS)].map((el) => el.localName);
    expect(selected).toEqual([...HOST_NAMES.filter((n) => n !== 'body'), 'x-card']);
  });

  it('passes over a host the page removed after the pass began', async () => {
    const [first, second] = [0, 1].map(() => document.body.appendChild(document.createElement('div')));
    const shadows = [first!, second!].map((host) => host.attachShadow({ mode: 'open' }));
    const found: ShadowRoot[] = [];
    await findOpenShadowRoots(document, {
      signal: new AbortController().signal,
      onRoot: (shadow) => {
        found.push(shadow);
        second!.remove(); // the page removes the second host while the first root is handled
        return false;
      },
    });
    expect(found).toEqual([shadows[0]]);
  });
});

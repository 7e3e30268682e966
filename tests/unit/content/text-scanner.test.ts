// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { registerOwn } from '../../../src/content/own-elements';
import { paragraphRange, scanTree, type Paragraph } from '../../../src/content/scan';

async function paragraphs(html: string): Promise<string[]> {
  document.body.innerHTML = html;
  for (const el of document.querySelectorAll('ff-card-host')) registerOwn(el);
  const out: Paragraph[] = [];
  await scanTree(document.body, { signal: new AbortController().signal, onParagraph: (p) => void out.push(p) });
  return out.map((p) => p.text.replace(/\s+/g, ' ').trim()).filter(Boolean);
}

describe('scanTree', () => {
  it('joins text across inline markup and splits at blocks', async () => {
    expect(await paragraphs('<p>Anthropic widens Project <b>Glass</b><i>wing</i> today.</p><div>Second <span>block</span></div>')).toEqual([
      'Anthropic widens Project Glasswing today.',
      'Second block',
    ]);
  });

  it('ends a sentence where an element starts right after its full stop (comment chrome), not inside a word', async () => {
    expect(await paragraphs('<li>Claude Mythos was released to the public.<a>Alice</a><time>2h</time></li>')).toEqual([
      'Claude Mythos was released to the public. Alice2h',
    ]);
    expect(await paragraphs('<p>Version 4.<b>6</b> and U.S.<i>policy</i>, <b>Glass</b><i>wing</i>.</p>')).toEqual([
      'Version 4.6 and U.S.policy, Glasswing.',
    ]);
  });

  it('skips code, form fields, scripts and our own elements', async () => {
    // Hidden and editable text is walked but rejected per match (page-index.ts): see the e2e look-alike page.
    const texts = await paragraphs(`
      <p>kept</p>
      <pre>pre</pre><code>code</code><textarea>area</textarea><input value="input">
      <script>var s = 'script'</script><style>.x{}</style><noscript>noscript</noscript>
      <ff-card-host>ours</ff-card-host><select><option>opt</option></select><p>end</p>`);
    expect(texts).toEqual(['kept', 'end']);
  });

  it('reads page elements that merely share our prefix', async () => {
    expect(await paragraphs('<ff-widget>Project Glasswing in a page element named like ours</ff-widget>')).toEqual([
      'Project Glasswing in a page element named like ours',
    ]);
  });

  it('refuses a root inside a skipped or editable subtree', async () => {
    document.body.innerHTML = '<pre><div id="a">inside pre</div></pre><div contenteditable="true"><p id="b">editable</p></div>';
    for (const id of ['a', 'b']) {
      const out: Paragraph[] = [];
      await scanTree(document.getElementById(id)!, { signal: new AbortController().signal, onParagraph: (p) => void out.push(p) });
      expect(out, id).toEqual([]);
    }
  });

  it('reports the open shadow roots of custom elements to the caller', async () => {
    document.body.innerHTML = '<news-item id="host"></news-item><p>light</p>';
    const shadow = document.getElementById('host')!.attachShadow({ mode: 'open' });
    shadow.innerHTML = '<p>Project Glasswing in a shadow root</p>';
    const roots: ShadowRoot[] = [];
    await scanTree(document.body, {
      signal: new AbortController().signal,
      onParagraph: () => undefined,
      onShadowRoot: (r) => roots.push(r),
    });
    expect(roots).toEqual([shadow]);
  });

  it('maps paragraph offsets back to the right text nodes', async () => {
    document.body.innerHTML = '<p>The <a href="#">Project <b>Glasswing</b></a> update</p>';
    let p: Paragraph | undefined;
    await scanTree(document.body, { signal: new AbortController().signal, onParagraph: (x) => void (p = x) });
    const start = p!.text.indexOf('Project');
    const range = paragraphRange(p!, start, start + 'Project Glasswing'.length);
    expect(range.toString()).toBe('Project Glasswing');
    expect(range.endContainer.textContent).toBe('Glasswing');
  });

  it('stops when aborted between slices', async () => {
    document.body.innerHTML = '<p>x</p>'.repeat(5000);
    const controller = new AbortController();
    let count = 0;
    const clock = { expired: () => true, restart: () => undefined };
    const done = scanTree(document.body, { signal: controller.signal, clock, onParagraph: () => void count++ });
    controller.abort();
    expect(await done).toBe('aborted');
    expect(count).toBeLessThan(5000);
  });
});

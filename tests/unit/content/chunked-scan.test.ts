// @vitest-environment jsdom
/**
 * The chunked scan skips text without walking it, so it must find exactly what
 * walking everything finds: same mentions, same claims, same carried context.
 * Checked on the seed pages, the labelled pages and a synthetic news page, and
 * on the cases that decide it (splitting large blocks, text between blocks,
 * shadow roots under skipped blocks).
 */
import { describe, expect, it } from 'vitest';
import { syntheticPage } from '../../../tooling/synthetic-pages';
import { rawDataset } from '../../../src/data/index';
import { Dataset } from '../../../src/data/schema';
import { CHUNK_CHARS, scanChunked, scanTree, type Paragraph } from '../../../src/content/scan';
import { Highlighter } from '../../../src/content/highlighter';
import { PageIndex } from '../../../src/content/page-index';
import { registerOwn } from '../../../src/content/own-elements';
import { matcherFromConfig } from '../../../src/shared/derive-matcher-tables';
import { Matcher } from '../../../src/shared/matcher';
import { buildMatcherTables } from '../../../scripts/matcher-tables-source';
import { SEED_IDS, seedHtml } from '../../../tooling/seed-pages';
import { labelledHtml, loadLabelledPages } from '../../support/labelled';

const data = Dataset.parse(rawDataset);
const matcher = matcherFromConfig({ datasetVersion: data.meta.version, entities: data.entities, claims: data.claims });
const keys = new RegExp(matcher.keySource!, 'gi');
const signal = new AbortController().signal;
const { checker, patterns, ...scanTables } = buildMatcherTables();

/** A matcher as the content script has it: the claim tables load on first need, here when `arrived` resolves. */
const lazyMatcher = (arrived: Promise<unknown>) =>
  new Matcher({ ...scanTables, loadClaims: () => arrived.then(() => ({ checker, patterns })) });

function load(html: string): void {
  document.documentElement.innerHTML = new DOMParser().parseFromString(html, 'text/html').documentElement.innerHTML;
}

/** The report of one scan of root, then (as the content script does) of every open shadow root it finds, nested ones included. */
async function reportBy(mode: 'walk' | 'chunked' | 'sliced', root: Node = document.body, scanWith: Matcher = matcher) {
  const index = new PageIndex(scanWith, {}, new Highlighter(undefined));
  let pauses = 0;
  // 'sliced': chunked, with claim checks that pause after every step (a clock always out of time), as on a cold page.
  const spent = { expired: () => true, restart: () => undefined };
  const pause = () => Promise.resolve().then(() => void pauses++);
  const onParagraph =
    mode === 'sliced'
      ? (p: Paragraph) => index.addParagraphInSlices(p, spent, pause, () => true)
      : (p: Paragraph) => void index.addParagraph(p);
  const queue: Node[] = [root];
  const seen = new Set<Node>(queue);
  const onShadowRoot = (shadow: ShadowRoot) => {
    if (!seen.has(shadow)) queue.push(shadow);
    seen.add(shadow);
  };
  for (let next = queue.shift(); next; next = queue.shift()) {
    // A shadow root's text is not the page's next paragraph.
    if (next !== root) index.breakContext();
    if (mode === 'walk') await scanTree(next, { signal, onParagraph, onShadowRoot });
    else await scanChunked(next, { signal, onParagraph, onShadowRoot, keys, onGap: () => index.breakContext() });
  }
  await index.claimsSettled();
  const report = index.report('https://example.test/', true);
  return { mentions: report.mentions, claims: report.claims, roots: seen.size - 1, ...(mode === 'sliced' ? { pauses } : {}) };
}

/** Moves every `nth` paragraph into an open shadow root of a plain element put in its place (a div, a section, or a span inside a div). */
function intoShadowRoots(nth: number): number {
  const hosts = ['div', 'section', 'article', 'span'];
  let moved = 0;
  [...document.body.querySelectorAll('p')].forEach((p, i) => {
    if (i % nth !== 0) return;
    const name = hosts[moved % hosts.length]!;
    const host = document.createElement(name);
    const outer = name === 'span' ? document.createElement('div') : host;
    if (outer !== host) outer.append(host);
    p.replaceWith(outer);
    host.attachShadow({ mode: 'open' }).append(p);
    moved++;
  });
  return moved;
}

async function paragraphsWalked(root: Node = document.body): Promise<string[]> {
  const out: string[] = [];
  await scanChunked(root, {
    signal,
    keys,
    onGap: () => out.push('|'),
    onParagraph: (p) => void out.push(p.text.replace(/\s+/g, ' ').trim()),
  });
  // Consecutive gaps mean the same as one (the context is broken either way).
  return out.filter((x, i) => x !== '' && !(x === '|' && out[i - 1] === '|'));
}

describe('scanChunked', () => {
  it.each(SEED_IDS)('finds what a full walk finds on seed %s', async (id) => {
    load(seedHtml(id));
    const walked = await reportBy('walk');
    expect(walked.mentions.length).toBeGreaterThan(0);
    expect(await reportBy('chunked')).toEqual(walked);
  });

  it.each(SEED_IDS)('finds what a full walk finds on seed %s when every claim check pauses for the page', async (id) => {
    load(seedHtml(id));
    const walked = await reportBy('walk');
    const { pauses, ...sliced } = await reportBy('sliced');
    expect(sliced).toEqual(walked);
    // Paused in the middle of paragraphs (more pauses than paragraphs with a mention), yet recorded in order.
    expect(pauses).toBeGreaterThan(walked.mentions.length);
  });

  it.each(SEED_IDS)('finds what a full walk finds on seed %s when the claim tables arrive late', async (id) => {
    load(seedHtml(id));
    const walked = await reportBy('walk');
    let arrive!: () => void;
    const lazy = lazyMatcher(new Promise<void>((resolve) => (arrive = resolve)));
    // The walk does not wait for the tables: every paragraph is walked and every mention recorded before they come.
    const index = new PageIndex(lazy, {}, new Highlighter(undefined));
    const spent = { expired: () => true, restart: () => undefined };
    await scanChunked(document.body, {
      signal,
      keys,
      onGap: () => index.breakContext(),
      onParagraph: (p) =>
        index.addParagraphInSlices(
          p,
          spent,
          () => Promise.resolve(),
          () => true,
        ),
    });
    const early = index.report('https://example.test/', false);
    expect(early.mentions).toEqual(walked.mentions);
    expect(early.claims).toEqual([]);
    let settled = false;
    void index.claimsSettled().then(() => (settled = true));
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(settled).toBe(false);
    arrive();
    await index.claimsSettled();
    const late = index.report('https://example.test/', true);
    expect({ mentions: late.mentions, claims: late.claims }).toEqual({ mentions: walked.mentions, claims: walked.claims });
    // And the cards: a mention carries the flags of its own sentence, as when everything was checked at once.
    const eager = new PageIndex(matcher, {}, new Highlighter(undefined));
    await scanChunked(document.body, { signal, keys, onGap: () => eager.breakContext(), onParagraph: (p) => void eager.addParagraph(p) });
    const cards = (i: PageIndex) => i.mentionList().map((m) => m.claims.map((c) => c.claimId));
    expect(cards(index)).toEqual(cards(eager));
  });

  it('finds what a full walk finds on every labelled page when the claim tables arrive late and every check pauses', async () => {
    for (const page of loadLabelledPages()) {
      load(labelledHtml(page));
      const late = lazyMatcher(new Promise((resolve) => setTimeout(resolve, 1)));
      const { pauses: _, ...sliced } = await reportBy('sliced', document.body, late);
      expect(sliced, page.name).toEqual(await reportBy('walk'));
    }
  });

  it('drops the waiting claims of a paragraph rescanned, removed or switched off before the tables arrive', async () => {
    document.body.innerHTML =
      '<p id="a">Trump signed the AI executive order on June 3.</p><p id="b">Claude Mythos is now available to the public.</p>';
    const spent = { expired: () => true, restart: () => undefined };
    const paragraphOf = (el: Element): Paragraph => ({ text: el.textContent!, nodes: [el.firstChild as Text], starts: [0] });
    let arrive!: () => void;
    const index = new PageIndex(lazyMatcher(new Promise<void>((resolve) => (arrive = resolve))), {}, new Highlighter(undefined));
    let wanted = true;
    const a = document.getElementById('a')!;
    const b = document.getElementById('b')!;
    await index.addParagraphInSlices(
      paragraphOf(a),
      spent,
      () => Promise.resolve(),
      () => true,
    );
    await index.addParagraphInSlices(
      paragraphOf(b),
      spent,
      () => Promise.resolve(),
      () => wanted,
    );
    expect(index.counts()).toEqual({ mentions: 2, flagged: 0 });
    // a's text is about to be rescanned: its mention goes now, its waiting claims never come.
    index.removeWithin(a);
    wanted = false;
    arrive();
    await index.claimsSettled();
    expect(index.counts()).toEqual({ mentions: 1, flagged: 0 });
    const kept = new PageIndex(lazyMatcher(Promise.resolve()), {}, new Highlighter(undefined));
    await kept.addParagraphInSlices(
      paragraphOf(a),
      spent,
      () => Promise.resolve(),
      () => true,
    );
    await kept.claimsSettled();
    expect(kept.counts().flagged).toBeGreaterThan(0);
  });

  it('finds what a full walk finds on every labelled page when every claim check pauses', async () => {
    for (const page of loadLabelledPages()) {
      load(labelledHtml(page));
      const { pauses: _, ...sliced } = await reportBy('sliced');
      expect(sliced, page.name).toEqual(await reportBy('walk'));
    }
  });

  it('drops a paused paragraph when it is no longer wanted after the pause (a rescan or a switch-off)', async () => {
    document.body.innerHTML = '<p>Trump signed the AI executive order on June 3, a mandatory 90-day review.</p>';
    const p = { text: document.body.textContent!, nodes: [document.body.firstChild!.firstChild as Text], starts: [0] };
    const spent = { expired: () => true, restart: () => undefined };
    const kept = new PageIndex(matcher, {}, new Highlighter(undefined));
    await kept.addParagraphInSlices(
      p,
      spent,
      () => Promise.resolve(),
      () => true,
    );
    expect(kept.report('https://example.test/', true).claims.length).toBeGreaterThan(0);
    const dropped = new PageIndex(matcher, {}, new Highlighter(undefined));
    const pending = dropped.addParagraphInSlices(
      p,
      spent,
      () => Promise.resolve(),
      () => false,
    );
    expect(pending).toBeInstanceOf(Promise);
    await pending;
    expect(dropped.report('https://example.test/', true)).toMatchObject({ mentions: [], claims: [] });
  });

  it.each(SEED_IDS)('finds what a full walk finds on seed %s with paragraphs in shadow roots of plain elements', async (id) => {
    load(seedHtml(id));
    expect(intoShadowRoots(2)).toBeGreaterThan(0);
    const walked = await reportBy('walk');
    expect(walked.roots).toBeGreaterThan(0);
    expect(await reportBy('chunked')).toEqual(walked);
  });

  it('finds the mentions of paragraphs moved into shadow roots', async () => {
    load(seedHtml(SEED_IDS[0]!));
    const plain = (await reportBy('walk')).mentions.filter((m) => /^[A-Z]/.test(m.text)).map((m) => m.text);
    intoShadowRoots(1);
    expect(document.body.querySelectorAll('p')).toHaveLength(0);
    // Named mentions need no context from the paragraph before, so every one is still there.
    const moved = (await reportBy('chunked')).mentions.filter((m) => /^[A-Z]/.test(m.text)).map((m) => m.text);
    expect(plain.length).toBeGreaterThan(0);
    expect(moved).toEqual(expect.arrayContaining(plain));
  });

  it('finds what a full walk finds on a synthetic news page with shadow roots, nested ones included', async () => {
    load(syntheticPage(3000).html);
    intoShadowRoots(7);
    // A root inside a root: the second host lives in the first one's tree.
    const outer = document.createElement('div');
    document.body.append(outer);
    const inner = document.createElement('div');
    const outerRoot = outer.attachShadow({ mode: 'open' });
    outerRoot.append(Object.assign(document.createElement('p'), { textContent: 'Weather only.' }), inner);
    inner.attachShadow({ mode: 'open' }).innerHTML = '<article><p>Nested deeper: Claude Mythos found a bug.</p></article>';
    const walked = await reportBy('walk');
    expect(walked.mentions.some((m) => m.sentence === 'Nested deeper: Claude Mythos found a bug.')).toBe(true);
    expect(await reportBy('chunked')).toEqual(walked);
  });

  it('finds what a full walk finds on every labelled page', async () => {
    for (const page of loadLabelledPages()) {
      load(labelledHtml(page));
      expect(await reportBy('chunked'), page.name).toEqual(await reportBy('walk'));
    }
  });

  it('finds what a full walk finds on a synthetic news page, markup, code and look-alikes included', async () => {
    load(syntheticPage(3000).html);
    const walked = await reportBy('walk');
    expect(walked.mentions.length).toBeGreaterThan(10);
    expect(await reportBy('chunked')).toEqual(walked);
  });

  it('walks only blocks whose text holds a key, and reports the text it skipped as gaps', async () => {
    document.body.innerHTML =
      '<p>Local news only.</p>\n<p>Partners in Project <b>Glass</b>wing patched it.</p>\n<div><p>More weather.</p></div>';
    expect(await paragraphsWalked()).toEqual(['|', 'Partners in Project Glasswing patched it.', '|']);
  });

  it('splits a large block and walks only the children where its keys are', async () => {
    const filler = (n: number) => `<p>${'Weather and sport. '.repeat(n)}</p>`;
    document.body.innerHTML = `<main>${filler(60)}<section>${filler(60)}<p>Claude <i>Mythos</i> found a bug.</p>${filler(60)}</section>Direct text about EO 14409 here.${filler(60)}</main>`;
    expect(document.querySelector('main')!.textContent!.length).toBeGreaterThan(CHUNK_CHARS);
    expect(await paragraphsWalked()).toEqual(['|', 'Claude Mythos found a bug.', '|', 'Direct text about EO 14409 here.', '|']);
  });

  it('finds keys near the end of a large block from the end, with the whole paragraph they are in', async () => {
    const filler = (n: number) => `<p>${'Weather and sport. '.repeat(n)}</p>`;
    document.body.innerHTML = `<main>${filler(60)}${filler(60)}<p>Claude Mythos early.</p>${filler(60)}${filler(60)}${filler(60)}<p>x</p>Direct <b>text</b> about Project <i>Glass</i>wing. ${filler(2)}</main>`;
    expect(await paragraphsWalked()).toEqual(['|', 'Claude Mythos early.', '|', 'Direct text about Project Glasswing.', '|']);
    document.body.innerHTML = `<main>${filler(60)}${filler(60)}${filler(60)}<p>Claude Mythos late.</p>${filler(1)}</main>`;
    expect(await paragraphsWalked()).toEqual(['|', 'Claude Mythos late.', '|']);
  });

  it('keeps offsets right past the part in view it skips', async () => {
    const filler = (n: number) => `<p>${'Weather and sport. '.repeat(n)}</p>`;
    document.body.innerHTML = `<main>${filler(60)}<section id="seen">${filler(60)}<p>Project Glasswing seen.</p></section><p>Claude Mythos after.</p>${filler(60)}</main>`;
    const out: string[] = [];
    await scanChunked(document.body, {
      signal,
      keys,
      skip: document.getElementById('seen')!,
      onGap: () => undefined,
      onParagraph: (p) => void out.push(p.text),
    });
    expect(out).toEqual(['Claude Mythos after.']);
  });

  it('reads a large block’s own text as one paragraph across images, scripts and empty blocks', async () => {
    const filler = `<p>${'Weather and sport. '.repeat(150)}</p>`;
    document.body.innerHTML = `<main>${filler}The AI executive order <img alt=""> was <script>var x = 'order';</script> delayed on May 21. <div></div>The order would have covered frontier models.${filler}</main>`;
    const walked = await reportBy('walk');
    expect(walked.mentions.map((m) => m.text)).toEqual(['AI executive order', 'The order']);
    expect(await reportBy('chunked')).toEqual(walked);
  });

  it('keeps context across whitespace between blocks but not across skipped text', async () => {
    const cases: Array<[string, number]> = [
      ['<p>The AI executive order was delayed on May 21.</p>\n\n<p>The order would have required reviews.</p>', 2],
      ['<p>The AI executive order was delayed on May 21.</p><p>Sports results follow.</p><p>The order would have required reviews.</p>', 1],
      // The unmeasured rest of a split block still separates what comes after it.
      [
        `<main><p>The AI executive order was delayed on May 21.</p>${'<p>Sports results follow here.</p>\n'.repeat(80)}</main><p>The order would have required reviews.</p>`,
        1,
      ],
      [
        `<main>${'<p>Sports results follow here.</p>\n'.repeat(80)}<p>The AI executive order was delayed on May 21.</p>\n</main>\n<p>The order would have required reviews.</p>`,
        2,
      ],
    ];
    for (const [html, expected] of cases) {
      document.body.innerHTML = html;
      const walked = await reportBy('walk');
      expect(walked.mentions, html).toHaveLength(expected);
      expect(await reportBy('chunked'), html).toEqual(walked);
    }
  });

  it('skips the subtree already scanned, and skipped and editable roots', async () => {
    document.body.innerHTML =
      '<div id="seen"><p>Project Glasswing one.</p></div><p>Project Glasswing two.</p><pre id="pre"><p>Project Glasswing code</p></pre>';
    const out: string[] = [];
    await scanChunked(document.body, {
      signal,
      keys,
      skip: document.getElementById('seen')!,
      onGap: () => undefined,
      onParagraph: (p) => void out.push(p.text),
    });
    expect(out).toEqual(['Project Glasswing two.']);
    expect(await paragraphsWalked(document.getElementById('pre')!)).toEqual([]);
    // A large editable block is split no more than a small one is walked.
    const filler = `<p>${'Draft notes. '.repeat(200)}</p>`;
    document.body.innerHTML = `<div contenteditable="true">${filler}<section>${filler}<p>Project Glasswing typed here.</p></section></div><p id="after">Project Glasswing after.</p>`;
    expect(await paragraphsWalked()).toEqual(['Project Glasswing after.']);
  });

  it('finds open shadow roots on plain elements it never walked, and leaves closed ones and our own alone', async () => {
    document.body.innerHTML =
      '<div><p>Weather only.</p><div id="plain"></div><p>More <span id="inline"></span> weather.</p><div id="closed"></div><div id="ours"></div></div>';
    const plain = document.getElementById('plain')!.attachShadow({ mode: 'open' });
    plain.innerHTML = '<article><p>Project Glasswing inside a plain div.</p></article>';
    const inline = document.getElementById('inline')!.attachShadow({ mode: 'open' });
    inline.innerHTML = 'Claude Mythos in a span.';
    document.getElementById('closed')!.attachShadow({ mode: 'closed' }).innerHTML = '<p>Project Glasswing, closed.</p>';
    const ours = document.getElementById('ours')!;
    ours.attachShadow({ mode: 'open' }).innerHTML = '<p>Project Glasswing on our card.</p>';
    registerOwn(ours);
    const roots: ShadowRoot[] = [];
    await scanChunked(document.body, {
      signal,
      keys,
      onGap: () => undefined,
      onParagraph: () => undefined,
      onShadowRoot: (r) => roots.push(r),
    });
    expect(roots).toEqual([plain, inline]);
    const walkedRoots: ShadowRoot[] = [];
    await scanTree(document.body, { signal, onParagraph: () => undefined, onShadowRoot: (r) => walkedRoots.push(r) });
    expect(walkedRoots).toEqual([plain, inline]);
  });

  it('finds open shadow roots under blocks it never walked', async () => {
    document.body.innerHTML = '<div><p>Weather only.</p><section><news-card id="host"></news-card></section></div>';
    const shadow = document.getElementById('host')!.attachShadow({ mode: 'open' });
    shadow.innerHTML = '<p>Project Glasswing inside a component.</p>';
    const roots: ShadowRoot[] = [];
    await scanChunked(document.body, {
      signal,
      keys,
      onGap: () => undefined,
      onParagraph: () => undefined,
      onShadowRoot: (r) => roots.push(r),
    });
    expect(roots).toEqual([shadow]);
    expect(await paragraphsWalked(shadow)).toEqual(['Project Glasswing inside a component.']);
  });

  it('stops when aborted, and reports a lost position when its next block left the page', async () => {
    document.body.innerHTML = '<p>Project Glasswing.</p>'.repeat(200);
    const controller = new AbortController();
    const clock = { expired: () => true, restart: () => undefined };
    const done = scanChunked(document.body, {
      signal: controller.signal,
      clock,
      keys,
      onGap: () => undefined,
      onParagraph: () => undefined,
    });
    controller.abort();
    expect(await done).toBe('aborted');

    let removed = false;
    const lost = await scanChunked(document.body, {
      signal,
      clock,
      keys,
      onGap: () => undefined,
      onParagraph: () => {
        if (removed) return;
        removed = true;
        document.body.replaceChildren(...[...document.body.children].slice(100));
      },
    });
    expect(lost).toBe('lost');
  });
});

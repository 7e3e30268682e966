/**
 * The chunked scan reads blocks' text as the browser flattens it (`textContent`) and walks only
 * the blocks with a key in them; in a real browser it must still find exactly what a full walk
 * finds, on a large synthetic page (markup, code, hidden blocks, look-alikes) and with its own
 * slices yielding to the page (a 20,000-node page takes many).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { scanChunked, scanTree } from '../../src/content/scan';
import { Highlighter } from '../../src/content/highlighter';
import { PageIndex } from '../../src/content/page-index';
import { Matcher } from '../../src/shared/matcher';
import { syntheticPage } from '../../tooling/synthetic-pages';
import { matcherTables } from './fixtures';

const matcher = new Matcher(matcherTables);
const keys = new RegExp(matcher.keySource!, 'gi');

afterEach(() => document.body.replaceChildren());

async function reportBy(mode: 'walk' | 'chunked') {
  const index = new PageIndex(matcher, {}, new Highlighter(undefined));
  const signal = new AbortController().signal;
  const onParagraph = (p: Parameters<PageIndex['addParagraph']>[0]) => void index.addParagraph(p);
  const outcome =
    mode === 'walk'
      ? await scanTree(document.body, { signal, onParagraph })
      : await scanChunked(document.body, { signal, onParagraph, keys, onGap: () => index.breakContext() });
  expect(outcome).toBe('done');
  const { mentions, claims } = index.report('https://example.test/', true);
  return { mentions, claims };
}

describe('scanChunked in a real browser', () => {
  it('finds what a full walk finds on a synthetic news page of 20,000 text nodes', async () => {
    const page = syntheticPage(20_000);
    document.body.innerHTML = new DOMParser().parseFromString(page.html, 'text/html').body.innerHTML;
    const walked = await reportBy('walk');
    expect(walked.mentions.length).toBeGreaterThan(50);
    expect(await reportBy('chunked')).toEqual(walked);
  });
});

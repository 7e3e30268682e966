// @vitest-environment jsdom
/**
 * Claims checked in the background (remote-claims.ts): the background's handler answers what the page's own
 * checker would; the content script's hand check of the reply agrees with the contract's zod schema and refuses
 * anything malformed; paragraphs deferred in one slice go in one message; and a page scanned with the remote
 * checker reports exactly what a full walk reports, without loading the claim tables — or loads them and checks
 * the paragraphs itself when the background cannot answer.
 */
import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import { DexieFactStore, FactDatabase } from '../../../src/background/dexie-fact-store';
import { createBackgroundHandlers } from '../../../src/background/handlers';
import { Highlighter } from '../../../src/content/highlighter';
import { PageIndex } from '../../../src/content/page-index';
import { ClaimBatcher, remoteClaims, validClaimHits, type CheckClaims, type ClaimRequest } from '../../../src/content/remote-claims';
import { scanChunked, scanTree, type Paragraph } from '../../../src/content/scan';
import { rawDataset } from '../../../src/data/index';
import { Dataset } from '../../../src/data/schema';
import { matcherFromConfig } from '../../../src/shared/derive-matcher-tables';
import { ClaimChecker } from '../../../src/shared/claims/checker';
import { ScanMatcher } from '../../../src/shared/scan-matcher';
import { claimHitsSchema, createSender, handleMessages } from '../../../src/shared/messages';
import { buildMatcherTables } from '../../../scripts/matcher-tables-source';
import { SEED_IDS, seedHtml } from '../../../tooling/seed-pages';
import { labelledHtml, loadLabelledPages } from '../../support/labelled';

const data = Dataset.parse(rawDataset);
const full = matcherFromConfig({ datasetVersion: data.meta.version, entities: data.entities, claims: data.claims });
const keys = new RegExp(full.keySource!, 'gi');
const signal = new AbortController().signal;
const { checker, patterns, ...scanTables } = buildMatcherTables();

function load(html: string): void {
  document.documentElement.innerHTML = new DOMParser().parseFromString(html, 'text/html').documentElement.innerHTML;
}

/** The background's handler behind the real message contract (zod on the way in), as the content script reaches it. */
function background(): { check: CheckClaims; messages: () => number } {
  const store = new DexieFactStore({ dataset: rawDataset, buildId: 'b', db: new FactDatabase(`remote-${Math.random()}`) });
  const handlers = createBackgroundHandlers({
    store,
    settings: {} as never,
    setBadge: () => undefined,
    openPopup: async () => true,
    lookups: { put: () => undefined, take: () => null },
    showLookup: async () => true,
  });
  const listener = handleMessages(handlers, { accept: () => true });
  let messages = 0;
  const send = createSender(async (message) => {
    messages++;
    // Across contexts a message is copied: nothing but JSON survives.
    return JSON.parse(JSON.stringify(await listener(JSON.parse(JSON.stringify(message)), { id: 'ext' })));
  });
  return { check: remoteClaims(send), messages: () => messages };
}

/** A matcher as the content script has it, whose claim tables must never be needed (or are, when `allowLoad`). */
function pageMatcher(allowLoad = false): { matcher: ScanMatcher; loads: () => number } {
  let loads = 0;
  const matcher = new ScanMatcher({
    ...scanTables,
    prefetchClaims: false,
    loadClaims: async () => {
      loads++;
      if (!allowLoad) throw new Error('claim tables loaded in the page');
      // As the claim module brings them (src/content/claim-module.ts): with the checker's code.
      return { checker, patterns, createChecker: (config) => new ClaimChecker(config) };
    },
  });
  return { matcher, loads: () => loads };
}

async function report(matcher: ScanMatcher, check?: CheckClaims, mode: 'walk' | 'sliced' = 'sliced') {
  const index = new PageIndex(matcher, {}, new Highlighter(undefined), check);
  const clock = { expired: () => false, restart: () => undefined };
  const onParagraph =
    mode === 'walk'
      ? (p: Paragraph) => void index.addParagraph(p)
      : (p: Paragraph) =>
          index.addParagraphInSlices(
            p,
            clock,
            () => Promise.resolve(),
            () => true,
          );
  if (mode === 'walk') await scanTree(document.body, { signal, onParagraph });
  else await scanChunked(document.body, { signal, keys, onParagraph, onGap: () => index.breakContext() });
  await index.claimsSettled();
  const { mentions, claims } = index.report('https://example.test/', true);
  return { mentions, claims, cards: index.mentionList().map((m) => m.claims.map((c) => c.claimId)) };
}

/** A batcher whose messages are recorded (their texts) and answered only when the test releases them, in order. */
function heldBatcher() {
  const sent: string[][] = [];
  const replies: Array<() => void> = [];
  const batcher = new ClaimBatcher(async (paragraphs) => {
    sent.push(paragraphs.map((p) => p.text));
    await new Promise<void>((resolve) => replies.push(resolve));
    return paragraphs.map(() => []);
  });
  const request = (text: string): ClaimRequest => ({ text, carried: [], pageDate: null });
  return { batcher, sent, replies, request };
}

describe('claims checked in the background', () => {
  it.each(SEED_IDS)('give seed %s exactly the full walk’s report and cards, without loading the claim tables in the page', async (id) => {
    load(seedHtml(id));
    const walked = await report(full, undefined, 'walk');
    const { matcher, loads } = pageMatcher();
    const remote = background();
    expect(await report(matcher, remote.check)).toEqual(walked);
    expect(loads()).toBe(0);
    // One message per slice of deferred paragraphs, not one per paragraph.
    const withMentions = walked.mentions.length;
    if (withMentions > 1) expect(remote.messages()).toBeLessThan(withMentions);
  });

  it('give every labelled page exactly the full walk’s report', async () => {
    const remote = background();
    for (const page of loadLabelledPages()) {
      load(labelledHtml(page));
      expect(await report(pageMatcher().matcher, remote.check), page.name).toEqual(await report(full, undefined, 'walk'));
    }
  });

  it('send the walk’s last paragraphs when the walk ends, not after the first reply (which the walk holds back)', async () => {
    load(seedHtml(SEED_IDS[0]!));
    const remote = background();
    const sent: number[] = [];
    const held: Array<() => void> = [];
    // The background answers, but the page sees no reply until released (as during a real walk).
    const check: CheckClaims = async (paragraphs) => {
      sent.push(paragraphs.length);
      const hits = await remote.check(paragraphs);
      await new Promise<void>((resolve) => held.push(resolve));
      return hits;
    };
    const index = new PageIndex(pageMatcher().matcher, {}, new Highlighter(undefined), check);
    // Every slice ends after its first paragraph with a mention: the first message leaves after the first slice.
    const clock = { expired: () => true, restart: () => undefined };
    const onParagraph = (p: Paragraph) =>
      index.addParagraphInSlices(
        p,
        clock,
        () => Promise.resolve(),
        () => true,
      );
    await scanChunked(document.body, { signal, clock, keys, onParagraph, onGap: () => index.breakContext() });
    expect(sent).toEqual([1]);
    const waiting = index.claimsSettled();
    expect(sent).toHaveLength(2);
    await vi.waitFor(() => expect(held).toHaveLength(2));
    held.forEach((release) => release());
    await waiting;
    expect(index.report('https://example.test/', true).claims.length).toBeGreaterThan(0);
  });

  it('fall back to checking in the page when the background cannot answer', async () => {
    load(seedHtml(SEED_IDS[0]!));
    const walked = await report(full, undefined, 'walk');
    expect(walked.claims.length).toBeGreaterThan(0);
    const { matcher, loads } = pageMatcher(true);
    const unreachable: CheckClaims = () => Promise.reject(new Error('Receiving end does not exist'));
    expect(await report(matcher, unreachable)).toEqual(walked);
    expect(loads()).toBe(1);
  });

  it('check replies by hand as the contract’s schema does, and refuse offsets outside the paragraph', () => {
    const requests: ClaimRequest[] = [
      { text: 'Trump signed the AI executive order on June 3.', carried: [], pageDate: null },
      { text: 'Weather.', carried: [], pageDate: null },
    ];
    const real = requests.map((r) => full.scanParagraph(r.text, new Set(r.carried))?.claims ?? []);
    expect(real[0]!.length).toBeGreaterThan(0);
    const good = JSON.parse(JSON.stringify(real)) as unknown;
    expect(validClaimHits(good, requests)).toBe(true);
    expect(claimHitsSchema().safeParse(good).success).toBe(true);
    const hit = real[0]![0] as unknown as Record<string, unknown>;
    const variants: unknown[] = [
      null,
      {},
      [],
      [[]],
      [[], [], []],
      [[{ ...hit, extra: 1 }], []],
      [[{ ...hit, entity: 'other' }], []],
      [[{ ...hit, verdict: 'true' }], []],
      [[{ ...hit, stance: 'states' }], []],
      [[{ ...hit, trueUntil: 'June 2' }], []],
      [[{ ...hit, start: -1 }], []],
      [[{ ...hit, start: 1.5 }], []],
      [[{ ...hit, sentence: [0] }], []],
      [[{ ...hit, needsPageMention: 'no' }], []],
      [[{ ...hit, claimId: '' }], []],
      [[{ ...hit, start: '0' }], []],
      [[{ ...hit, end: 10_000 }], []],
      [[{ ...hit, start: 20, end: 10 }], []],
      [[{ ...hit, sentence: [5, 8] }], []],
    ];
    for (const reply of variants) {
      expect(validClaimHits(reply, requests), JSON.stringify(reply)).toBe(false);
      // Whatever the hand check accepts, the schema accepts (the hand check also knows each paragraph's length).
      if (validClaimHits(reply, requests)) expect(claimHitsSchema().safeParse(reply).success).toBe(true);
    }
  });

  it('send the paragraphs of one slice together, in messages of at most 100', async () => {
    const calls: number[] = [];
    const batcher = new ClaimBatcher(async (paragraphs) => {
      calls.push(paragraphs.length);
      return paragraphs.map(() => []);
    });
    const request = (i: number): ClaimRequest => ({ text: `Paragraph ${i} about Claude Mythos.`, carried: [], pageDate: null });
    await Promise.all(Array.from({ length: 230 }, (_, i) => batcher.add(request(i))));
    expect(calls).toEqual([100, 100, 30]);
    await batcher.add(request(0));
    expect(calls).toEqual([100, 100, 30, 1]);
    const failing = new ClaimBatcher(() => Promise.reject(new Error('gone')));
    await expect(failing.add(request(1))).rejects.toThrow('gone');
  });

  it('keep one message out at a time: what is deferred meanwhile leaves together when its reply is in', async () => {
    const { batcher, sent, replies, request } = heldBatcher();
    const slice = (texts: string[]) => texts.map((t) => batcher.add(request(t)));
    const settled = [...slice(['a'])];
    await vi.waitFor(() => expect(sent).toEqual([['a']]));
    // Two more slices while the first message is out: nothing leaves until its reply is in.
    settled.push(...slice(['b', 'c']));
    await new Promise((resolve) => setTimeout(resolve, 20));
    settled.push(...slice(['d']));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(sent).toEqual([['a']]);
    replies.shift()!();
    await vi.waitFor(() => expect(sent).toEqual([['a'], ['b', 'c', 'd']]));
    replies.shift()!();
    await expect(Promise.all(settled)).resolves.toEqual([[], [], [], []]);
    // Nothing out and nothing waiting: the next slice's paragraph leaves on its own.
    settled.push(...slice(['e']));
    await vi.waitFor(() => expect(sent).toEqual([['a'], ['b', 'c', 'd'], ['e']]));
    replies.shift()!();
    await expect(settled[4]).resolves.toEqual([]);
  });

  it('send what waits at once when the walk is over, though a message is out', async () => {
    const { batcher, sent, replies, request } = heldBatcher();
    const settled = [batcher.add(request('a'))];
    await vi.waitFor(() => expect(sent).toEqual([['a']]));
    settled.push(batcher.add(request('b')), batcher.add(request('c')));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(sent).toEqual([['a']]);
    // The walk ended: its last paragraphs go without waiting for the first reply (which the walk held back).
    batcher.flushNow();
    expect(sent).toEqual([['a'], ['b', 'c']]);
    batcher.flushNow();
    expect(sent).toHaveLength(2);
    replies.splice(0).forEach((reply) => reply());
    await expect(Promise.all(settled)).resolves.toEqual([[], [], []]);
    // Both replies in, nothing waiting: the scheduled flush finds nothing to send.
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(sent).toHaveLength(2);
  });
});

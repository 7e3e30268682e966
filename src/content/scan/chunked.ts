/**
 * Scans a large subtree without walking the parts that cannot mention a subject.
 *
 * Walking every node from a content script is the expensive part of a scan: in
 * an isolated world each node visited costs a wrapper, about twice the page's
 * own walk. The browser flattens a subtree's text natively (`textContent`), and
 * one regex of the matcher's key literals (every alias and page-claim trigger
 * contains one; see keyRegex) finds where that text can match at all. So the
 * scan goes down the tree by blocks: a block whose text has no key is skipped
 * whole, a small block with a key is walked (scanTree), a large one is split
 * into its children, whose positions in its text tell which of them hold the
 * keys, without reading or matching their text again.
 *
 * Paragraphs never cross a block boundary (tree-walk.ts), so walking only
 * some blocks yields exactly the paragraphs a full walk would have given for
 * them. Skipped text between two walked paragraphs is reported as a gap: the
 * context a paragraph carries to the next one must not jump over it.
 */
import { sliceClock, yieldToPage, type SliceClock } from '../yield-to-page';
import { hasSkippedName, insideSkipped, isSkipped, kindOf } from './elements';
import { findOpenShadowRoots } from './shadow-roots';
import { scanTree } from './tree-walk';
import type { ScanOptions, ScanOutcome } from './types';

/** Text length up to which a block with a key in it is walked rather than split (a few paragraphs). */
export const CHUNK_CHARS = 2048;

export interface ChunkedScanOptions extends ScanOptions {
  /** The matcher's key literals as one case-insensitive regex (ScanMatcher.keys, shared; a copy if not global). */
  keys: RegExp;
  /** Skipped text stands between the paragraph before and the one after. */
  onGap: () => void;
}

/** Start and end offsets of every key match, flattened: [s0, e0, s1, e1, …]. */
type Hits = number[];

/** An element's text and the key matches in it, as its parent's split found them. */
interface Known {
  text: string;
  hits: Hits;
}

const NON_SPACE = /\S/;
const NON_SPACE_AFTER = /\S/g;

export async function scanChunked(root: Node, options: ChunkedScanOptions): Promise<ScanOutcome> {
  if (root.nodeType !== Node.ELEMENT_NODE && root.nodeType !== Node.DOCUMENT_FRAGMENT_NODE) return scanTree(root, options);
  if (root.nodeType === Node.ELEMENT_NODE && isSkipped(root as Element)) return 'done';
  if (insideSkipped(root)) return 'done';
  const scan = new ChunkedScan(options);
  const outcome = await scan.split(root as ParentNode & Node, null);
  const onShadowRoot = options.onShadowRoot;
  if (outcome !== 'done' || !onShadowRoot) return outcome;
  // Skipped blocks were never walked, and a host's light text says nothing of its shadow content:
  // one pass over the elements finds the roots (walked blocks do not report them, see ChunkedScan).
  const onRoot = (shadow: ShadowRoot) => {
    onShadowRoot(shadow);
    return false; // the caller scans each root, and that scan finds the roots nested in it
  };
  return findOpenShadowRoots(root, { signal: options.signal, clock: scan.clock, onRoot });
}

/** Walks the known key matches of an element's text in order, as its children are met left to right. */
class HitCursor {
  private index = 0;

  constructor(readonly hits: Hits) {}

  /** Whether a key match overlaps [start, end) of the element's text (moves past those that end before). */
  overlaps(start: number, end: number): boolean {
    const hits = this.hits;
    while (this.index < hits.length && hits[this.index + 1]! <= start) this.index += 2;
    return this.index < hits.length && hits[this.index]! < end;
  }

  /** The matches overlapping a child whose text starts at `start`, in the child's own offsets. */
  within(text: string, start: number): Hits {
    const hits = this.hits;
    const out: Hits = [];
    for (let i = this.index; i < hits.length && hits[i]! < start + text.length; i += 2) {
      out.push(Math.max(hits[i]! - start, 0), Math.min(hits[i + 1]! - start, text.length));
    }
    return out;
  }

  /** Where the last match ends (Infinity when there is none to place children by). */
  get lastEnd(): number {
    return this.hits.length > 0 ? this.hits[this.hits.length - 1]! : Infinity;
  }
}

/** Consecutive non-block children (text, inline markup, skipped elements): part of one paragraph of the element's own. */
class Run {
  first: Node | null = null;
  /** The run's text, kept only when there are no hits to place it by. */
  text = '';
  hit = false;
  hasText = false;

  add(child: Node, text: string, cursor: HitCursor | null, offset: number): void {
    this.first ??= child;
    if (cursor) this.hit ||= cursor.overlaps(offset, offset + text.length);
    else this.text += text;
    // Text of a <script> or <code> is no paragraph in a walk either.
    const isElement = child.nodeType === Node.ELEMENT_NODE;
    this.hasText ||= (!isElement || !hasSkippedName(child as Element)) && NON_SPACE.test(text);
  }

  /** Empties the run, returning what it held. */
  take(): { from: Node; hit: boolean; text: string; hasText: boolean } | null {
    const from = this.first;
    if (!from) return null;
    const taken = { from, hit: this.hit, text: this.text, hasText: this.hasText };
    this.first = null;
    this.text = '';
    this.hit = false;
    this.hasText = false;
    return taken;
  }
}

class ChunkedScan {
  readonly clock: SliceClock;
  private readonly walkOptions: ScanOptions;
  private readonly keys: RegExp;

  constructor(private readonly options: ChunkedScanOptions) {
    this.clock = options.clock ?? sliceClock();
    // Every block handed to scanTree was reached from the (checked) root through blocks that are not skipped.
    // Its walks report no shadow roots: the pass after the split finds every one, walked or not.
    const { onShadowRoot: _found, ...walkOptions } = options;
    this.walkOptions = { ...walkOptions, clock: this.clock, ancestorsChecked: true };
    // The matcher's own regex, one compile per page: `find` resets its position and runs to the end in one go.
    this.keys = options.keys.global ? options.keys : new RegExp(options.keys.source, `${options.keys.flags}g`);
  }

  /**
   * Goes through an element's children. `known`: the element's text and its key matches, when the
   * caller has them (null: find them per child). Blocks with a key are walked or split further;
   * runs of inline children are walked as part of the element's own paragraph when they hold a key.
   */
  async split(el: ParentNode & Node, known: Known | null): Promise<ScanOutcome> {
    const cursor = known ? new HitCursor(known.hits) : null;
    const run = new Run();
    const measured = new Map<Node, string>();
    let { child, offset } = this.firstChild(el, known, measured);
    let steps = 0;
    // Set when something was walked since the clock was last read: a walk can take milliseconds.
    let walked = false;
    while (child) {
      const text = measured.get(child) ?? textOf(child);
      if (child === this.options.skip) {
        // Scanned already (the part in view): neither walked again nor a gap, but its text is in the element's.
        offset += text.length;
        child = child.nextSibling;
        continue;
      }
      // A block without text (an <img>, an empty <div>) ends no paragraph in a walk, so it ends no run here.
      if (isBlockWithText(child, text)) {
        const ended = await this.endRun(el, run, child, cursor);
        if (ended.outcome !== 'done') return ended.outcome;
        walked ||= ended.walked;
        const start = offset;
        offset += text.length;
        const found = cursor ? (cursor.overlaps(start, offset) ? cursor.within(text, start) : []) : this.find(text);
        walked ||= found.length > 0;
        const outcome = await this.block(child as Element, text, found);
        if (outcome !== 'done') return outcome;
      } else if (child.nodeType === Node.ELEMENT_NODE || child.nodeType === Node.TEXT_NODE || child.nodeType === Node.CDATA_SECTION_NODE) {
        run.add(child, text, cursor, offset);
        offset += text.length;
      }
      // Comments and processing instructions hold no text of the element's.
      // The clock is read after every walk (matching a paragraph can take milliseconds, the first time
      // far more while regexes compile) and every few children: reading it costs as much as looking at one.
      if ((walked || (++steps & 15) === 0) && this.clock.expired()) {
        await yieldToPage();
        if (this.options.signal.aborted) return 'aborted';
        this.clock.restart();
        if (!child.isConnected) return 'lost';
      }
      walked = false;
      child = child.nextSibling;
      // Past the last key (and no run with one still open), the rest cannot match: it is not even measured.
      if (known && cursor && offset >= cursor.lastEnd && !run.hit && child) {
        const ended = await this.endRun(el, run, child, cursor);
        if (ended.outcome !== 'done') return ended.outcome;
        NON_SPACE_AFTER.lastIndex = offset;
        if (NON_SPACE_AFTER.test(known.text)) this.options.onGap();
        return 'done';
      }
    }
    return (await this.endRun(el, run, null, cursor)).outcome;
  }

  /** Where to begin: the first child, or (with known keys) the child that holds or starts the first one. */
  private firstChild(el: Node, known: Known | null, measured: Map<Node, string>): { child: Node | null; offset: number } {
    if (!known || known.hits.length === 0) return { child: el.firstChild, offset: 0 };
    const start = startPoint(el, known, measured);
    // What comes before holds no key: it only separates (if it has text).
    if (start.offset > 0 && NON_SPACE.test(known.text.slice(0, start.offset))) this.options.onGap();
    return start;
  }

  /** A block child: skipped (a gap) without a key, walked when small, split further when large. */
  private async block(child: Element, text: string, found: Hits): Promise<ScanOutcome> {
    if (found.length === 0) {
      if (NON_SPACE.test(text)) this.options.onGap();
      return 'done';
    }
    // scanTree checks a chunk itself; a block to split is checked here (hidden, editable), where it has a key.
    const result =
      text.length <= CHUNK_CHARS
        ? await scanTree(child, this.walkOptions)
        : isSkipped(child)
          ? 'done'
          : await this.split(child, { text, hits: found });
    if (result !== 'done') return result;
    // The page may have changed while that walk yielded: a removed child has no next sibling to go on from.
    return child.isConnected ? 'done' : 'lost';
  }

  /** Closes the open run before `until`: walked when it holds a key, else a gap if it had text. */
  private async endRun(
    el: ParentNode & Node,
    run: Run,
    until: Node | null,
    cursor: HitCursor | null,
  ): Promise<{ outcome: ScanOutcome; walked: boolean }> {
    const taken = run.take();
    if (!taken) return { outcome: 'done', walked: false };
    const matched = taken.hit || (!cursor && taken.hasText && this.find(taken.text).length > 0);
    if (matched) return { outcome: await scanTree(el, this.walkOptions, { from: taken.from, until }), walked: true };
    if (taken.hasText) this.options.onGap();
    return { outcome: 'done', walked: false };
  }

  /** Key matches in a text. */
  private find(text: string): Hits {
    const keys = this.keys;
    const out: Hits = [];
    keys.lastIndex = 0;
    for (let m = keys.exec(text); m; m = keys.exec(text)) out.push(m.index, m.index + m[0].length);
    return out;
  }
}

/** The text a child contributes to its parent's `textContent` (comments and instructions: none). */
function textOf(child: Node): string {
  const type = child.nodeType;
  if (type === Node.ELEMENT_NODE) return child.textContent ?? '';
  return type === Node.TEXT_NODE || type === Node.CDATA_SECTION_NODE ? (child as CharacterData).data : '';
}

/** A child that ends its parent's paragraph runs: a block element (not ours) with text. */
function isBlockWithText(child: Node, text: string): boolean {
  return child.nodeType === Node.ELEMENT_NODE && text.length > 0 && kindOf(child as Element) === 'block';
}

/**
 * The child a forward pass over el's children must begin with to meet the first key, and its
 * offset in el's text. A forward pass measures every child up to the last key; when the keys lie
 * nearer the end, measuring from the end back to the first key is cheaper, and the children
 * before it are then never measured (those measured are remembered for the forward pass).
 */
function startPoint(el: Node, { text: elText, hits }: Known, measured: Map<Node, string>): { child: Node | null; offset: number } {
  const firstHit = hits[0]!;
  const lastHitEnd = hits[hits.length - 1]!;
  if (lastHitEnd <= elText.length - firstHit) return { child: el.firstChild, offset: 0 };
  let end = elText.length;
  for (let child = el.lastChild; child; child = child.previousSibling) {
    const text = textOf(child);
    measured.set(child, text);
    const start = end - text.length;
    if (start <= firstHit) {
      // The first key's child; if it is part of a run, the run (its paragraph) starts further left.
      let first: Node = child;
      let offset = start;
      if (!isBlockWithText(child, text)) {
        for (let prev = child.previousSibling; prev; prev = prev.previousSibling) {
          const t = textOf(prev);
          if (isBlockWithText(prev, t)) break;
          measured.set(prev, t);
          first = prev;
          offset -= t.length;
        }
      }
      return offset >= 0 ? { child: first, offset } : { child: el.firstChild, offset: 0 };
    }
    end = start;
  }
  // The text no longer adds up (the page changed it meanwhile): from the start, as a forward pass.
  return { child: el.firstChild, offset: 0 };
}

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
 * Paragraphs never cross a block boundary (text-scanner.ts), so walking only
 * some blocks yields exactly the paragraphs a full walk would have given for
 * them. Skipped text between two walked paragraphs is reported as a gap: the
 * context a paragraph carries to the next one must not jump over it.
 */
import { isOwnElement } from './own-elements';
import { KIND, SKIP_KIND, insideSkipped, isSkipped, scanTree, type ScanOptions, type ScanOutcome } from './text-scanner';
import { sliceClock, yieldToPage } from './yield-to-page';

/** Text length up to which a block with a key in it is walked rather than split (a few paragraphs). */
export const CHUNK_CHARS = 2048;

export interface ChunkedScanOptions extends ScanOptions {
  /** The matcher's key literals as one case-insensitive regex (Matcher.keySource). */
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
  const outcome = await new ChunkedScan(options).split(root as ParentNode & Node, null);
  // Skipped blocks were never walked, so their shadow hosts were not met on the way.
  if (outcome === 'done' && options.onShadowRoot) for (const shadow of openShadowRootsUnder(root)) options.onShadowRoot(shadow);
  return outcome;
}

class ChunkedScan {
  private readonly clock: ReturnType<typeof sliceClock>;
  private readonly walkOptions: ScanOptions;
  private readonly keys: RegExp;

  constructor(private readonly options: ChunkedScanOptions) {
    this.clock = options.clock ?? sliceClock();
    // Every block handed to scanTree was reached from the (checked) root through blocks that are not skipped.
    this.walkOptions = { ...options, clock: this.clock, ancestorsChecked: true };
    this.keys = new RegExp(options.keys.source, 'gi');
  }

  /**
   * Goes through an element's children. `known`: the element's text and its key matches, when the
   * caller has them (null: find them per child). Consecutive non-block children (text, inline
   * markup, skipped elements) form one run, which is part of a paragraph of this element's own.
   */
  async split(el: ParentNode & Node, known: Known | null): Promise<ScanOutcome> {
    const { skip } = this.options;
    const hits = known?.hits ?? null;
    let offset = 0;
    let hitIndex = 0;
    /** Whether a key match overlaps [start, end) of the element's text; hits are visited in order. */
    const overlaps = (hits: Hits, start: number, end: number): boolean => {
      while (hitIndex < hits.length && hits[hitIndex + 1]! <= start) hitIndex += 2;
      return hitIndex < hits.length && hits[hitIndex]! < end;
    };
    /** The matches overlapping a child at `start`, in the child's own offsets. */
    const childHits = (hits: Hits, text: string, start: number): Hits => {
      const out: Hits = [];
      for (let i = hitIndex; i < hits.length && hits[i]! < start + text.length; i += 2) {
        out.push(Math.max(hits[i]! - start, 0), Math.min(hits[i + 1]! - start, text.length));
      }
      return out;
    };

    let runFirst: Node | null = null;
    /** The run's text, kept only when there are no hits to place it by. */
    let runText = '';
    let runHit = false;
    let runHasText = false;
    const endRun = async (until: Node | null): Promise<ScanOutcome> => {
      if (!runFirst) return 'done';
      const from = runFirst;
      const matched = runHit || (!hits && runHasText && this.find(runText).length > 0);
      const hasText = runHasText;
      runFirst = null;
      runText = '';
      runHit = false;
      runHasText = false;
      if (matched) {
        walked = true;
        return scanTree(el, this.walkOptions, { from, until });
      }
      if (hasText) this.options.onGap();
      return 'done';
    };

    let steps = 0;
    let walked = false;
    const lastHitEnd = hits && hits.length > 0 ? hits[hits.length - 1]! : Infinity;
    const measured = new Map<Node, string>();
    let child: Node | null = el.firstChild;
    if (known && known.hits.length > 0) {
      const start = startPoint(el, known, measured);
      child = start.child;
      offset = start.offset;
      // What comes before holds no key: it only separates (if it has text).
      if (offset > 0 && NON_SPACE.test(known.text.slice(0, offset))) this.options.onGap();
    }
    while (child) {
      const type = child.nodeType;
      const isElement = type === Node.ELEMENT_NODE;
      const text = measured.get(child) ?? textOf(child);
      if (child === skip) {
        // Scanned already (the part in view): neither walked again nor a gap, but its text is in the element's.
        offset += text.length;
        child = child.nextSibling;
        continue;
      }
      // A block without text (an <img>, an empty <div>) ends no paragraph in a walk, so it ends no run here.
      if (isBlockWithText(child, text)) {
        const outcome = await endRun(child);
        if (outcome !== 'done') return outcome;
        const start = offset;
        offset += text.length;
        const found = hits ? (overlaps(hits, start, offset) ? childHits(hits, text, start) : []) : this.find(text);
        if (found.length === 0) {
          if (NON_SPACE.test(text)) this.options.onGap();
        } else {
          walked = true;
          // scanTree checks a chunk itself; a block to split is checked here (hidden, editable), where it has a key.
          const result =
            text.length <= CHUNK_CHARS
              ? await scanTree(child, this.walkOptions)
              : isSkipped(child as Element)
                ? 'done'
                : await this.split(child as Element, { text, hits: found });
          if (result !== 'done') return result;
          // The page may have changed while that walk yielded: a removed child has no next sibling to go on from.
          if (!child.isConnected) return 'lost';
        }
      } else if (isElement || type === Node.TEXT_NODE || type === Node.CDATA_SECTION_NODE) {
        runFirst ??= child;
        if (hits) runHit ||= overlaps(hits, offset, offset + text.length);
        else runText += text;
        // Text of a <script> or <code> is no paragraph in a walk either.
        runHasText ||= (!isElement || KIND.get((child as Element).localName) !== SKIP_KIND) && NON_SPACE.test(text);
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
      if (known && offset >= lastHitEnd && !runHit && child) {
        const outcome = await endRun(child);
        if (outcome !== 'done') return outcome;
        NON_SPACE_AFTER.lastIndex = offset;
        if (NON_SPACE_AFTER.test(known.text)) this.options.onGap();
        return 'done';
      }
    }
    return endRun(null);
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
  return (
    child.nodeType === Node.ELEMENT_NODE && text.length > 0 && KIND.get((child as Element).localName) === undefined && !isOwnElement(child)
  );
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

/**
 * Open shadow roots anywhere under root, found without walking it: an XPath query for
 * custom element names (a shadow host on the web is in practice a custom element) runs
 * natively, and only its few results cross into the content script.
 */
export function openShadowRootsUnder(root: Node): ShadowRoot[] {
  const doc = root.ownerDocument ?? (root as Document);
  const found: ShadowRoot[] = [];
  try {
    const result = doc.evaluate(".//*[contains(local-name(), '-')]", root, null, XPathResult.ORDERED_NODE_SNAPSHOT_TYPE, null);
    for (let i = 0; i < result.snapshotLength; i++) {
      const shadow = (result.snapshotItem(i) as Element | null)?.shadowRoot;
      if (shadow) found.push(shadow);
    }
  } catch {
    // No (or a partial) XPath implementation: look at every element instead, slower but the same answer.
    const walker = doc.createTreeWalker(root, NodeFilter.SHOW_ELEMENT);
    for (let el = walker.nextNode() as Element | null; el; el = walker.nextNode() as Element | null) {
      if (el.localName.includes('-') && el.shadowRoot) found.push(el.shadowRoot);
    }
  }
  return found;
}

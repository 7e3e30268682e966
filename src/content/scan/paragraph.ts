/**
 * A paragraph as the scan hands it over: the run of text between block boundaries, joined across
 * inline markup (so "Project <b>Glasswing</b>" reads as one phrase), with the text nodes it came
 * from, so a match in its text maps back to a Range in the page.
 */

/** Longest paragraph handed to the matcher at once; a page of unbroken inline text is cut at node boundaries. */
export const MAX_PARAGRAPH = 20_000;

const SENTENCE_END = /[.!?。！？]["'”’)\]）」』]*$/;
const STARTS_SENTENCE = /^[\p{Lu}\p{Lo}]/u;

export interface Paragraph {
  text: string;
  nodes: Text[];
  /** starts[i]: offset of nodes[i] in text. */
  starts: number[];
}

/** Collects text nodes into paragraphs; `flush` hands the open one over (if it has any text node). */
export class ParagraphBuilder {
  private text = '';
  private nodes: Text[] = [];
  private starts: number[] = [];

  /** Work the last paragraph handed over left running (its claim checks paused), for the walk to await. */
  private pending: Promise<void> | undefined;

  constructor(private readonly onParagraph: (paragraph: Paragraph) => void | Promise<void>) {}

  /** The unfinished work of the paragraph handed over last, if any (once). */
  takePending(): Promise<void> | undefined {
    const pending = this.pending;
    this.pending = undefined;
    return pending;
  }

  /** Appends a text node, first closing the open paragraph if it would grow past MAX_PARAGRAPH. */
  add(node: Text): void {
    const data = node.data;
    if (this.text.length + data.length > MAX_PARAGRAPH) this.flush();
    // "…last week.<a>Alice</a><time>2h</time>": a sentence that ends where an element begins, with no
    // space between, ends there for the reader too. A space (in no node, like <br>'s newline) lets
    // the sentence splitter see it, so the reported sentence does not run on into page chrome.
    // Only the text's last characters are tested: a `$` regex over the whole paragraph costs O(n) per node.
    const last = this.nodes.at(-1);
    if (last && last.parentNode !== node.parentNode && STARTS_SENTENCE.test(data) && SENTENCE_END.test(this.text.slice(-4)))
      this.text += ' ';
    this.starts.push(this.text.length);
    this.nodes.push(node);
    this.text += data;
  }

  /** A line break (`<br>`) inside the paragraph. */
  addBreak(): void {
    this.text += '\n';
  }

  /** Hands the open paragraph over; returns whether there was one. */
  flush(): boolean {
    // No whitespace-only test here: it would flatten every paragraph string twice; the matcher's scan is as cheap.
    const had = this.nodes.length > 0;
    if (had) this.pending = this.onParagraph({ text: this.text, nodes: this.nodes, starts: this.starts }) ?? undefined;
    this.text = '';
    this.nodes = [];
    this.starts = [];
    return had;
  }
}

/** A Range over [start, end) of the paragraph's text. */
export function paragraphRange(p: Paragraph, start: number, end: number): Range {
  const range = new Range();
  const [startNode, startOffset] = locate(p, start, false);
  const [endNode, endOffset] = locate(p, end, true);
  range.setStart(startNode, startOffset);
  range.setEnd(endNode, endOffset);
  return range;
}

function locate(p: Paragraph, offset: number, isEnd: boolean): [Text, number] {
  // Binary search for the last node starting at or before the offset.
  let lo = 0;
  let hi = p.nodes.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (p.starts[mid]! < offset || (!isEnd && p.starts[mid] === offset)) lo = mid;
    else hi = mid - 1;
  }
  const node = p.nodes[lo]!;
  return [node, Math.min(Math.max(offset - p.starts[lo]!, 0), node.data.length)];
}

/** What the scan takes and gives: its options, a part of an element to walk, and how it ended. */
import type { SliceClock } from '../yield-to-page';
import type { Paragraph } from './paragraph';

export interface ScanOptions {
  signal: AbortSignal;
  /**
   * Takes each paragraph; may return a promise when it paused mid-paragraph (page-index.ts addParagraphInSlices):
   * the walk waits for it before the next paragraph, so paragraphs are recorded in order.
   */
  onParagraph: (paragraph: Paragraph) => void | Promise<void>;
  /** Open shadow roots met on the way; the caller scans (and observes) them separately. */
  onShadowRoot?: (root: ShadowRoot) => void;
  /** A subtree already scanned (the part in view): not entered again. */
  skip?: Node;
  clock?: SliceClock;
  /** The root's ancestors are known not to be skipped (a chunked scan checked them on the way down). */
  ancestorsChecked?: boolean;
}

/** Part of one element's children, walked as if they were all there is (see chunked.ts). */
export interface ScanRun {
  /** The first child to walk. */
  from: Node;
  /** The child after the last one to walk (null: to the end). */
  until: Node | null;
}

export type ScanOutcome = 'done' | 'aborted' | 'lost';

/**
 * The scan: finds the page's text paragraph by paragraph for the matcher, walking only the parts
 * that can mention a subject. The rest of the content script uses only what this file exports;
 * how elements are classified, paragraphs built and blocks split stays inside this folder
 * (a lint rule keeps it there).
 */
export { CHUNK_CHARS, scanChunked, type ChunkedScanOptions } from './chunked';
export { isBlock, paragraphRoot } from './elements';
export { paragraphRange, type Paragraph } from './paragraph';
export { findOpenShadowRoots } from './shadow-roots';
export { scanTree } from './tree-walk';
export type { ScanOptions, ScanOutcome } from './types';

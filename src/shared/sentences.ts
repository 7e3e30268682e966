/**
 * Sentence boundaries in English and Chinese text, good enough for news copy.
 * Pure string work: used by the claim matcher (and through it by the content
 * script's page report) and the dataset checks.
 */

/** [start, end) offsets into the text, with surrounding whitespace trimmed. */
export type Span = readonly [number, number];

// A Latin full stop/question/exclamation followed by space or end, or a CJK
// terminator anywhere; trailing closing quotes/brackets belong to the sentence.
// A bar between items ("Most read | Trump halts… | Glasswing adds…", 延伸阅读｜…) ends one too.
const BOUNDARY = /[.!?]+["'”’)\]]*(?=\s|$)|[。！？；]+["'”’」』)）]*|\s[|｜]\s|｜/g;

// "U.S.", "Sen.", "Dr." end with a dot but rarely end a sentence in news copy.
const ABBREVIATION =
  /(?:^|[\s("“])(?:(?:[A-Za-z]\.)+[A-Za-z]?|Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Lt|Col|Sgt|Jr|Sr|St|Inc|Corp|Co|Ltd|No|vs|etc|approx|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|e\.g|i\.e)$/;

/** Splits text into sentence spans. Never returns an empty span. */
export function splitSentences(text: string): Span[] {
  const spans: Span[] = [];
  let start = 0;
  BOUNDARY.lastIndex = 0;
  for (let m = BOUNDARY.exec(text); m; m = BOUNDARY.exec(text)) {
    const end = m.index + m[0].length;
    if (m[0][0] === '.' && m[0].length === 1 && ABBREVIATION.test(text.slice(Math.max(start, m.index - 12), m.index))) {
      continue;
    }
    pushTrimmed(text, start, end, spans);
    start = end;
  }
  pushTrimmed(text, start, text.length, spans);
  return spans;
}

function pushTrimmed(text: string, start: number, end: number, out: Span[]): void {
  const span = trimSpan(text, start, end);
  if (span[1] > span[0]) out.push(span);
}

function trimSpan(text: string, start: number, end: number): Span {
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  return [start, end];
}

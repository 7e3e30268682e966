/**
 * Length-preserving text folding for the claim checker: every UTF-16 unit maps
 * to exactly one unit, so offsets found in folded text are offsets in the page's
 * text. Folds case (ASCII), full-width forms, typographic quotes and dashes, and
 * Traditional Chinese characters to Simplified through a compact table generated
 * from the dataset's own vocabulary (src/data/generated/zh-variants.json).
 */

/** A folder built from a T→S table given as concatenated pairs ("國国們们…"). */
export function createFolder(pairs: string): (text: string) => string {
  const table = new Map<number, number>();
  for (let i = 0; i + 1 < pairs.length; i += 2) table.set(pairs.charCodeAt(i), pairs.charCodeAt(i + 1));
  return (text: string) => {
    let out = '';
    let changed = false;
    const codes: number[] = new Array(text.length);
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      const f = foldCode(c, table);
      codes[i] = f;
      if (f !== c) changed = true;
    }
    if (!changed) return text;
    // Chunked to stay clear of argument-count limits on long paragraphs.
    for (let i = 0; i < codes.length; i += 4096) out += String.fromCharCode(...codes.slice(i, i + 4096));
    return out;
  };
}

function foldCode(c: number, table: ReadonlyMap<number, number>): number {
  if (c >= 0x41 && c <= 0x5a) return c + 32; // A-Z
  if (c < 0x80) return c;
  if (c >= 0xff01 && c <= 0xff5e) return foldCode(c - 0xfee0, table); // full-width ASCII
  switch (c) {
    case 0x00a0:
    case 0x3000:
    case 0x2009:
    case 0x202f:
      return 0x20;
    case 0x2018:
    case 0x2019:
    case 0x201b:
    case 0x2032:
      return 0x27; // '
    case 0x201c:
    case 0x201d:
    case 0x201e:
    case 0x2033:
    case 0x300c:
    case 0x300d:
    case 0x300e:
    case 0x300f:
    case 0x00ab:
    case 0x00bb:
      return 0x22; // "
    case 0x2010:
    case 0x2011:
    case 0x2012:
    case 0x2013:
    case 0x2014:
    case 0x2015:
    case 0x2212:
      return 0x2d; // -
    default:
      return table.get(c) ?? c;
  }
}

const FULL_WIDTH = /[０-９Ａ-Ｚａ-ｚ％]/g;

/**
 * Full-width letters and digits (ＡＩ, ２０２６) as ASCII, one unit for one: the mention scanner's patterns are
 * ASCII. Full-width punctuation stays: it ends Chinese sentences (？ is a boundary where ? before a letter is not).
 */
export function foldFullWidth(text: string): string {
  FULL_WIDTH.lastIndex = 0;
  if (!FULL_WIDTH.test(text)) return text;
  return text.replace(FULL_WIDTH, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}

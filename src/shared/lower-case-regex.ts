/**
 * A case-insensitive regex as a case-sensitive one over lower-cased text. V8 compiles a large alternation with the
 * `i` flag several times slower than without it (the matcher's alias scanner, ~7.7 KB: 17 ms against 3 ms in Node),
 * and a cold page pays that compile on its first paragraph with a candidate (issue 16). Lower-casing the text
 * instead keeps every offset (String#toLowerCase maps code unit for code unit, except U+0130, whose lower case is
 * two: callers check the lengths and fall back to the `i` regex).
 */

/**
 * The source with its literal characters lower-cased and its escapes kept (`\S`, `\W`, `\D`, `\B`, `\P{…}`, `\uXXXX`
 * mean what they meant), so that on lower-cased text it matches where the source with the `i` flag matches on the
 * original text.
 */
export function lowerCaseRegexSource(source: string): string {
  let out = '';
  for (let i = 0; i < source.length; i++) {
    const c = source[i]!;
    if (c !== '\\') {
      out += c.toLowerCase();
      continue;
    }
    const next = source[i + 1] ?? '';
    // An escape is copied whole: its letter (and a braced or fixed-length argument) keeps its case.
    let end = i + 2;
    const hex = next === 'u' ? source.slice(i + 2, i + 6) : next === 'x' ? source.slice(i + 2, i + 4) : '';
    if (hex && /^[0-9a-f]+$/i.test(hex) && hex.length === (next === 'u' ? 4 : 2)) {
      // A character by its code: the code of its lower case (`\u00C9` must match the é of lower-cased text).
      end = i + 2 + hex.length;
      const lower = String.fromCharCode(parseInt(hex, 16)).toLowerCase();
      out += lower.length === 1 ? `\\u${lower.charCodeAt(0).toString(16).padStart(4, '0')}` : source.slice(i, end);
      i = end - 1;
      continue;
    }
    if ((next === 'u' || next === 'p' || next === 'P') && source[i + 2] === '{') end = source.indexOf('}', i) + 1;
    else if (next === 'c') end = i + 3;
    else if (next === 'k' && source[i + 2] === '<') {
      // A named back-reference: group names are lower-cased with the rest of the source.
      const close = source.indexOf('>', i);
      out += source.slice(i, i + 3) + source.slice(i + 3, close).toLowerCase() + '>';
      i = close;
      continue;
    }
    if (end <= i) end = source.length;
    out += source.slice(i, end);
    i = end - 1;
  }
  return out;
}

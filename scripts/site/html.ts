/**
 * Markup that is safe by construction: `html` is a tagged template whose interpolations are
 * escaped unless they are themselves `Html` (made by `html` or `jsonLd`), so dataset text can
 * only ever become text. Templates quote every attribute with `"`, which the escape covers.
 */

/**
 * A fragment of markup this module built. The class is not exported, so nothing else can make one:
 * a look-alike object is not an instance and gets escaped like any other value.
 */
class Markup {
  constructor(readonly markup: string) {}
  toString(): string {
    return this.markup;
  }
}
export type Html = Markup;

type Value = Html | string | number | null | undefined | false | readonly Value[];

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text as HTML text or a quoted attribute value. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c] ?? c);
}

function render(value: Value): string {
  if (value instanceof Markup) return value.markup;
  if (Array.isArray(value)) return value.map(render).join('');
  if (value === null || value === undefined || value === false) return '';
  return escapeHtml(String(value));
}

/** Markup from a template: strings and numbers are escaped, `Html` is kept, arrays are joined, null/undefined/false vanish. */
export function html(strings: TemplateStringsArray, ...values: Value[]): Html {
  return new Markup(strings.reduce((out, s, i) => out + s + (i < values.length ? render(values[i]) : ''), ''));
}

/**
 * A JSON-LD `<script>` element. JSON escapes quotes and backslashes but not `<`, so a string holding
 * `</script>` or `<!--` would end or derail the element: `<`, `>` and `&` become `\u003c`… (the same
 * string to a JSON parser), as do U+2028/U+2029.
 */
export function jsonLd(value: unknown): Html {
  const json = JSON.stringify(value, null, 2).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return new Markup(`<script type="application/ld+json">\n${json}\n</script>`);
}

/** A `<style>` element for the site's own stylesheet (a constant): style text is not escaped, so it may hold no `<` at all. */
export function styleElement(css: string): Html {
  if (css.includes('<')) throw new Error('a stylesheet with "<" could end its <style> element');
  return new Markup(`<style>${css}</style>`);
}

/** An external link's address: https only (the dataset accepts nothing else; this keeps the page honest if that changes). */
export function httpsOnly(url: string | null | undefined): string | undefined {
  if (!url) return undefined;
  try {
    return new URL(url).protocol === 'https:' ? url : undefined;
  } catch {
    return undefined;
  }
}

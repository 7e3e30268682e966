import { describe, expect, it } from 'vitest';
import { escapeHtml, html, httpsOnly, jsonLd } from '../../../scripts/site/html';

describe('site markup', () => {
  it('escapes every character that could open a tag, an entity or end an attribute', () => {
    expect(escapeHtml(`<a href="x" title='y'>&amp;</a>`)).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;amp;&lt;/a&gt;');
  });

  it('escapes interpolated text and keeps only fragments it built itself', () => {
    const inner = html`<b>${'<i>'}</b>`;
    const lookAlike = { markup: '<script>', toString: () => '<script>' };
    expect(html`<p title="${'"x"'}">${inner}${['<', 1, null, false, undefined]}</p>`.toString()).toBe(
      '<p title="&quot;x&quot;"><b>&lt;i&gt;</b>&lt;1</p>',
    );
    expect(html`${lookAlike as unknown as string}`.toString()).toBe('&lt;script&gt;');
  });

  it('serializes JSON-LD that no string can break out of, and that parses back to the same value', () => {
    const value = { text: '</script><script>alert(1)</script> <!-- & \u2028' };
    const markup = jsonLd(value).toString();
    const body = markup.slice('<script type="application/ld+json">'.length, -'</script>'.length);
    expect(body).not.toMatch(/[<>&\u2028]/);
    expect(JSON.parse(body)).toEqual(value);
  });

  it('links only https addresses', () => {
    expect(httpsOnly('https://example.org/a')).toBe('https://example.org/a');
    expect(httpsOnly('http://example.org/a')).toBeUndefined();
    expect(httpsOnly('javascript:alert(1)')).toBeUndefined();
    expect(httpsOnly(null)).toBeUndefined();
  });
});

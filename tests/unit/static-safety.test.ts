/**
 * A static check that runs with `npm test`: src/ must not parse strings as HTML or code, and must
 * not touch the network. The extension promises "no network requests at all" (README, Privacy);
 * the end-to-end no-network test watches what a session does, this watches every code path.
 *
 * Comments are stripped first (a comment may explain why `new Function` is avoided); string
 * literals are kept, so `el['innerHTML']` or `globalThis['fetch']` still count. A deliberate
 * escape like `globalThis[['fe', 'tch'].join('')]` would get past any grep; code review and the
 * e2e test are the net for that.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = join(import.meta.dirname, '..', '..', 'src');

/** What must never appear in src/, with the reason shown on failure. */
export const FORBIDDEN: ReadonlyArray<{ name: string; pattern: RegExp }> = [
  { name: 'innerHTML', pattern: /\binnerHTML\b/ },
  { name: 'outerHTML assignment', pattern: /\bouterHTML\s*=(?!=)/ },
  { name: 'insertAdjacentHTML', pattern: /\binsertAdjacentHTML\b/ },
  { name: 'dangerouslySetInnerHTML', pattern: /\bdangerouslySetInnerHTML\b/ },
  { name: 'document.write', pattern: /\bdocument\s*\.\s*write(?:ln)?\b/ },
  { name: 'eval', pattern: /(?<![\w$.])eval\s*\(|\[\s*['"`]eval['"`]\s*\]/ },
  { name: 'new Function', pattern: /\bnew\s+Function\b|(?<![\w$.])Function\s*\(/ },
  { name: 'string code in setTimeout/setInterval', pattern: /\bset(?:Timeout|Interval)\s*\(\s*['"`]/ },
  { name: 'fetch', pattern: /(?<![\w$])fetch\s*\(|\.\s*fetch\b|\[\s*['"`]fetch['"`]\s*\]/ },
  { name: 'XMLHttpRequest', pattern: /\bXMLHttpRequest\b/ },
  { name: 'WebSocket', pattern: /\bWebSocket\b/ },
  { name: 'EventSource', pattern: /\bEventSource\b/ },
  { name: 'sendBeacon', pattern: /\bsendBeacon\b/ },
  { name: 'importScripts', pattern: /\bimportScripts\b/ },
  { name: 'WebTransport', pattern: /\bWebTransport\b/ },
  { name: 'RTCPeerConnection', pattern: /\bRTCPeerConnection\b/ },
  { name: 'dynamic import of a URL', pattern: /\bimport\s*\(\s*['"`]https?:/ },
  { name: 'remote URL in src/href/action', pattern: /\b(?:src|href|action)\s*=\s*\{?\s*['"`](?:https?:)?\/\//i },
];

/** Removes // and /* *\/ comments, keeping strings, template literals and line numbers. */
export function stripComments(code: string): string {
  let out = '';
  let i = 0;
  while (i < code.length) {
    const c = code[i]!;
    const next = code[i + 1];
    if (c === '\\') {
      // An escape outside a string is inside a regex literal: /https?:\/\// holds no comment.
      out += code.slice(i, i + 2);
      i += 2;
    } else if (c === '/' && next === '/') {
      while (i < code.length && code[i] !== '\n') i++;
    } else if (c === '/' && next === '*') {
      const end = code.indexOf('*/', i + 2);
      const stop = end < 0 ? code.length : end + 2;
      out += code.slice(i, stop).replace(/[^\n]/g, ' ');
      i = stop;
    } else if (c === '"' || c === "'" || c === '`') {
      // A quote inside a regex literal (/["']/) must not swallow the code after it: plain strings
      // end at the line's end at the latest.
      let j = i + 1;
      while (j < code.length && code[j] !== c && (c === '`' || code[j] !== '\n')) j += code[j] === '\\' ? 2 : 1;
      out += code.slice(i, j + 1);
      i = j + 1;
    } else {
      out += c;
      i++;
    }
  }
  return out;
}

export interface Finding {
  file: string;
  line: number;
  rule: string;
  text: string;
}

/** Every forbidden construct in one file's text. */
export function scanSource(file: string, code: string): Finding[] {
  const findings: Finding[] = [];
  const lines = stripComments(code).split('\n');
  lines.forEach((text, index) => {
    for (const { name, pattern } of FORBIDDEN) {
      if (pattern.test(text)) findings.push({ file, line: index + 1, rule: name, text: text.trim() });
    }
  });
  return findings;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(?:[cm]?[jt]sx?|html)$/.test(name) ? [path] : [];
  });
}

describe('static safety of src/', () => {
  it('has no HTML-from-string, code-from-string or network APIs', () => {
    const files = sourceFiles(SRC);
    expect(files.length).toBeGreaterThan(30);
    const findings = files.flatMap((file) => scanSource(relative(SRC, file), readFileSync(file, 'utf8')));
    expect(findings.map((f) => `${f.file}:${f.line} ${f.rule}: ${f.text}`)).toEqual([]);
  });

  it('the HTML pages load only the extension’s own scripts', () => {
    const pages = sourceFiles(SRC).filter((f) => f.endsWith('.html'));
    expect(pages.length).toBeGreaterThanOrEqual(2);
    for (const page of pages) {
      const html = readFileSync(page, 'utf8');
      // Inline scripts would be refused by the extension CSP anyway; remote ones must never appear.
      for (const [, src] of html.matchAll(/<script\b[^>]*\bsrc\s*=\s*["']([^"']+)["']/gi)) expect(src).not.toMatch(/^(?:https?:)?\/\//);
      expect(html).not.toMatch(/<script\b(?![^>]*\bsrc=)[^>]*>\s*\S/i);
    }
  });

  describe('the scanner itself', () => {
    const rulesHit = (code: string) => scanSource('sample.ts', code).map((f) => f.rule);

    it.each([
      ['el.innerHTML = html;', 'innerHTML'],
      ["el['innerHTML'] = html;", 'innerHTML'],
      ['node.outerHTML = "<b>x</b>";', 'outerHTML assignment'],
      ["el.insertAdjacentHTML('beforeend', s);", 'insertAdjacentHTML'],
      ['<div dangerouslySetInnerHTML={{ __html: s }} />', 'dangerouslySetInnerHTML'],
      ['document.write(s);', 'document.write'],
      ['document.writeln(s);', 'document.write'],
      ['const v = eval(code);', 'eval'],
      ["globalThis['eval'](code);", 'eval'],
      ['const f = new Function("a", body);', 'new Function'],
      ['const f = Function("return this")();', 'new Function'],
      ["setTimeout('alert(1)', 10);", 'string code in setTimeout/setInterval'],
      ["await fetch('https://example.com/x');", 'fetch'],
      ['const r = await globalThis.fetch(url);', 'fetch'],
      ["self['fetch'](url);", 'fetch'],
      ['const x = new XMLHttpRequest();', 'XMLHttpRequest'],
      ["new WebSocket('wss://x');", 'WebSocket'],
      ["new EventSource('/s');", 'EventSource'],
      ['navigator.sendBeacon(url, data);', 'sendBeacon'],
      ["importScripts('https://cdn/x.js');", 'importScripts'],
      ["await import('https://cdn.example/x.js');", 'dynamic import of a URL'],
      ['<img src="https://tracker.example/p.gif" />', 'remote URL in src/href/action'],
    ])('flags %s', (code, rule) => {
      expect(rulesHit(code)).toContain(rule);
    });

    it.each([
      ['// innerHTML is never used: text only', 'a comment'],
      ['/* zod would use new Function; jitless is set */ const a = 1;', 'a block comment'],
      ['el.textContent = s; el.outerHTML === x;', 'a comparison, not an assignment'],
      ['const prefetch = true; refetch(); evaluate(x);', 'names that merely contain a word'],
      ['const ok = result.evalCount; const FunctionName = 1;', 'longer identifiers'],
      ['<a href={source.url} target="_blank">x</a>', 'a link to a dataset URL'],
    ])('passes %s (%s)', (code) => {
      expect(rulesHit(code)).toEqual([]);
    });

    it('still sees code after a regex literal holding a quote', () => {
      expect(rulesHit(`const re = /["']/g;\nel.innerHTML = s;`)).toEqual(['innerHTML']);
      expect(rulesHit(`const re = /'/; el.innerHTML = s;`)).toEqual(['innerHTML']);
      expect(rulesHit(`const re = /https?:\\/\\//; el.innerHTML = s;`)).toEqual(['innerHTML']);
    });

    it('keeps line numbers through stripped block comments', () => {
      const findings = scanSource('sample.ts', '/*\n a\n b\n*/\nconst x = 1;\nel.innerHTML = s;');
      expect(findings).toEqual([{ file: 'sample.ts', line: 6, rule: 'innerHTML', text: 'el.innerHTML = s;' }]);
    });
  });
});

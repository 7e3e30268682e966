// @vitest-environment jsdom
/**
 * The mention scan and the context cues match phrase lists with a trie (phrase-set.ts) instead of compiling a
 * case-insensitive regex alternation of them on a cold page: the trie must find exactly what that regex finds,
 * at the same offsets, on every text we have.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildMatcherTables } from '../../../scripts/matcher-tables-source';
import { rawDataset } from '../../../src/data/index';
import { Dataset } from '../../../src/data/schema';
import { matcherFromConfig } from '../../../src/shared/derive-matcher-tables';
import { withTraditionalSpellings } from '../../../src/shared/claims/config';
import { isRegexSpace, normalizePhrase, PhraseSet, phraseSetSource } from '../../../src/shared/phrase-set';
import { SEED_IDS, seedHtml } from '../../../tooling/seed-pages';
import { loadLabelledPages } from '../../support/labelled';

/** Every match of the regex the phrases stand for, as [start, end, which phrase]. */
function regexMatches(phrases: readonly string[], text: string): number[][] {
  const each = phrases.map((p) => new RegExp(phraseSetSource([p]), 'iy'));
  return [...text.matchAll(new RegExp(phraseSetSource(phrases), 'gi'))].map((m) => {
    // The alternative that matched: the first that matches at that place (sticky, the text before it in view).
    const index = each.findIndex((re) => {
      re.lastIndex = m.index;
      return re.test(text);
    });
    return [m.index, m.index + m[0].length, index];
  });
}

function trieMatches(set: PhraseSet, text: string): number[][] {
  const out: number[][] = [];
  for (let m = set.next(text, 0); m; m = set.next(text, m.end)) out.push([m.start, m.end, m.index]);
  return out;
}

const startsEnds = (matches: number[][]) => matches.map(([s, e]) => [s, e]);

function corpus(): string[] {
  const texts: string[] = [];
  const dir = join(import.meta.dirname, '..', '..', 'fixtures', 'claims-labelled');
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.jsonl')))
    for (const line of readFileSync(join(dir, file), 'utf8').split('\n'))
      if (line.trim()) texts.push((JSON.parse(line) as { paragraph: string }).paragraph);
  for (const page of loadLabelledPages()) for (const p of page.paragraphs) texts.push(p.text);
  for (const id of SEED_IDS) texts.push(new DOMParser().parseFromString(seedHtml(id), 'text/html').body.textContent ?? '');
  const data = Dataset.parse(rawDataset);
  for (const claim of data.claims) texts.push(...claim.examples.flagged, ...claim.examples.accurate);
  for (const entity of data.entities)
    for (const alias of entity.aliases) texts.push(alias.text, alias.text.toUpperCase(), alias.text.toLowerCase(), `x${alias.text}y`);
  return texts;
}

describe('PhraseSet', () => {
  it('matches as the case-insensitive regex does: word edges, prefixes, whitespace runs, apostrophes, dashes', () => {
    const phrases = [
      'Claude Mythos Preview',
      'Claude Mythos',
      'Mythos',
      "Anthropic's model",
      'AI-security',
      'frontier model*',
      '行政令',
      'Mythos模型',
    ];
    const texts = [
      'CLAUDE  MYTHOS\u00a0preview and claude mythos; Mythos5, xMythos, mythos.',
      'Anthropic’s model, ANTHROPIC\'S\tMODEL, Anthropic"s model',
      'AI–security, AI‑SECURITY, AI—security, AI-securityx',
      'frontier models, Frontier Modelling, afrontier model',
      '特朗普签署行政令；Mythos模型发布，XMythos模型',
      // ſ, K (Kelvin) and İ: the `i` flag without `u` matches none of them to an ASCII letter.
      'MYTHOſ, \u212Aclaude mythos, İ Mythos, Mythos\u212A',
      '',
      ' ',
    ];
    const set = new PhraseSet(phrases);
    for (const text of texts) expect(trieMatches(set, text), text).toEqual(regexMatches(phrases, text));
    // Within a slice, the text outside is not seen (as a regex over text.slice(from, to) sees it).
    const text = 'xMythos and Mythosy Mythos';
    expect(set.test(text, 1, 7)).toBe(true);
    expect(new RegExp(phraseSetSource(phrases), 'i').test(text.slice(1, 7))).toBe(true);
    expect(set.test(text, 12, 18)).toBe(true);
    expect(set.test(text, 12, 19)).toBe(false);
    expect(set.find(text, 12, 18)).toEqual({ start: 12, end: 18, index: 2 });
    // While `next` sees the text before `from`, as a global regex does from its lastIndex.
    expect(set.next(text, 1)?.start).toBe(20);
    const regex = new RegExp(phraseSetSource(phrases), 'gi');
    regex.lastIndex = 1;
    expect(regex.exec(text)?.index).toBe(20);
  });

  it('spells phrases one key per character and still matches what they match', () => {
    expect(normalizePhrase('  Anthropic’s \u00a0 bug‑hunting   model* ')).toBe("ANTHROPIC'S BUG-HUNTING MODEL*");
    expect(normalizePhrase('特朗普AI行政令')).toBe('特朗普AI行政令');
    expect(normalizePhrase('élysée — ſ')).toBe('ÉLYSÉE — ſ');
  });

  it("ships the dataset's aliases and cues spelled that way, matching what the dataset's own phrases match", () => {
    const { scanner, cues } = buildMatcherTables();
    const entities = withTraditionalSpellings(Dataset.parse(rawDataset).entities);
    for (const list of [scanner.aliases, scanner.checks, ...cues.flatMap((c) => [c.topic ?? [], c.specific ?? [], c.veto ?? []])])
      for (const phrase of list) expect(normalizePhrase(phrase)).toBe(phrase);
    const aliases = [...new Set(entities.flatMap((e) => e.aliases.map((a) => a.text.trim())))].sort((a, b) => b.length - a.length);
    const latin = (p: string) => /^[A-Za-z0-9]/.test(p);
    const raw = [
      [[...aliases.filter(latin), ...aliases.filter((p) => !latin(p))], scanner.aliases],
      ...entities.flatMap((e) => {
        const c = cues.find((x) => x.entity === e.id)!;
        return [
          [[...e.cues.topic.en, ...e.cues.topic.zh], c.topic ?? []],
          [[...e.cues.specific.en, ...e.cues.specific.zh], c.specific ?? []],
          [[...e.cues.veto.en, ...e.cues.veto.zh], c.veto ?? []],
        ];
      }),
    ] as Array<[string[], string[]]>;
    const texts = corpus();
    for (const [dataset, shipped] of raw) {
      if (dataset.length === 0) continue;
      const a = new RegExp(phraseSetSource(dataset), 'gi');
      const b = new RegExp(phraseSetSource(shipped), 'gi');
      for (const text of texts)
        expect(
          [...text.matchAll(b)].map((m) => [m.index, m[0]]),
          text.slice(0, 60),
        ).toEqual([...text.matchAll(a)].map((m) => [m.index, m[0]]));
    }
  });

  it('takes whitespace to be what \\s matches', () => {
    for (let c = 0; c < 0x10000; c++) expect(isRegexSpace(c), c.toString(16)).toBe(/\s/.test(String.fromCharCode(c)));
  });

  it('refuses an empty phrase', () => {
    expect(() => new PhraseSet(['Mythos', ' ']).test('Mythos')).toThrow(/empty phrase/);
  });

  it("finds what the matcher's aliases and cues, as case-insensitive regexes, find on every labelled text, seed and example", () => {
    const { scanner, cues } = buildMatcherTables();
    const lists = [
      [...scanner.aliases, ...scanner.checks],
      ...cues.flatMap((c) => [c.topic, c.specific, c.veto]).filter((list): list is string[] => list !== null),
    ];
    const sets = lists.map((list) => [list, new PhraseSet(list), new RegExp(phraseSetSource(list), 'gi')] as const);
    const texts = corpus();
    let hits = 0;
    for (const text of texts) {
      for (const [list, set, regex] of sets) {
        const expected = [...text.matchAll(regex)].map((m) => [m.index, m.index + m[0].length]);
        const found = trieMatches(set, text);
        expect(startsEnds(found), `${list[0]}… on ${text.slice(0, 60)}`).toEqual(expected);
        hits += expected.length;
      }
    }
    expect(texts.length).toBeGreaterThan(8000);
    expect(hits).toBeGreaterThan(20000);
    // At each match, the phrase that wins is the first in the list that matches there (what the regex's
    // alternation picks): checked on the scanner's own phrases over the seeds.
    const [list, set] = sets[0]!;
    for (const id of SEED_IDS) {
      const text = new DOMParser().parseFromString(seedHtml(id), 'text/html').body.textContent ?? '';
      expect(trieMatches(set, text)).toEqual(regexMatches(list, text));
    }
  });

  it('puts the page-scoped claims’ triggers between the aliases and the checks’ triggers, as the one regex did, with the trie or with that regex', () => {
    const data = Dataset.parse(rawDataset);
    const matcher = matcherFromConfig({ datasetVersion: data.meta.version, entities: data.entities, claims: data.claims });
    const { scanner } = buildMatcherTables();
    const oneRegex = new RegExp(
      [phraseSetSource(scanner.aliases), scanner.triggers, phraseSetSource(scanner.checks)].filter(Boolean).join('|'),
      'gi',
    );
    // The scan switches from the trie to the regex after so many characters (scan-matcher.ts): both are checked
    // on every text by setting what it has scanned.
    const scan = matcher as unknown as { scanned: number; scan(t: string, f: (s: number, e: number) => void): void };
    for (const scanned of [0, Infinity]) {
      let compared = 0;
      for (const text of corpus()) {
        const expected = [...text.matchAll(oneRegex)].filter((m) => m[0].length > 0).map((m) => [m.index, m.index + m[0].length]);
        const found: number[][] = [];
        scan.scanned = scanned;
        scan.scan(text, (s, e) => found.push([s, e]));
        expect(found, text.slice(0, 80)).toEqual(expected);
        compared += expected.length;
      }
      expect(compared).toBeGreaterThan(10000);
    }
  });

  it('tests slices with the trie, then with the regex once it has read enough', () => {
    const phrases = ['Mythos', 'frontier model*'];
    const set = new PhraseSet(phrases, 20);
    const regex = new RegExp(phraseSetSource(phrases), 'i');
    const text = 'xMythos and Mythosy, frontier models and Mythos.';
    const slices = [
      [0, text.length],
      [1, 7],
      [12, 18],
      [12, 19],
      [20, 35],
      [21, 35],
      [40, 47],
      [40, 46],
    ] as const;
    // The first pass reads 48 + 6 characters with the trie and goes past 20: the rest run on the regex.
    for (let pass = 0; pass < 3; pass++)
      for (const [from, to] of slices) expect(set.test(text, from, to), `${from}–${to}`).toBe(regex.test(text.slice(from, to)));
  });
});

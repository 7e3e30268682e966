// @vitest-environment jsdom
/**
 * The scanner finds the aliases and the checks' literal triggers in script (phrase-scanner.ts) and the page-scoped
 * claims' patterns with a regex, where it used to compile one alternation of them all: together they must find
 * exactly what that one regex (PreparedMatcher.scanner) finds, on every text we have and on every written form of
 * every alias and trigger behind and before every kind of edge.
 */
import { describe, expect, it } from 'vitest';
import { rawDataset } from '../../../src/data/index';
import { Dataset } from '../../../src/data/schema';
import { withTraditionalSpellings } from '../../../src/shared/claims/config';
import { matcherFromConfig } from '../../../src/shared/derive-matcher-tables';
import { boundedAtoms, cueSource, prepareMatcher, scanOrder } from '../../../src/shared/matcher-sources';
import { PhraseScanner } from '../../../src/shared/phrase-scanner';
import { scanParts, scannerMatches, type ScanParts } from '../../../src/shared/scan-matcher';
import { scanCorpus } from '../../support/scan-corpus';

const data = Dataset.parse(rawDataset);
const config = { datasetVersion: data.meta.version, entities: data.entities, claims: data.claims };
const prepared = prepareMatcher(config);
const parts = scanParts(prepared);
const texts = scanCorpus();

/** The scanner's matches from its parts. */
const fromScanner = (text: string, from: ScanParts = parts): { matches: Array<[number, string]> } => ({
  matches: scannerMatches(from, text).map((m) => [m.index, m.text]),
});

/** Parts of phrases alone. */
const phrasesOnly = (phrases: readonly string[]): ScanParts => ({
  phrases: new PhraseScanner(phrases),
  aliases: phrases.length,
  patterns: null,
});

/** What the one regex finds, as the scanner reads it (empty matches skipped). */
const fromRegex = (source: string, text: string): Array<[number, string]> =>
  [...text.matchAll(new RegExp(source, 'gi'))].filter((m) => m[0].length > 0).map((m) => [m.index, m[0]]);

/** The one regex for some phrases and triggers, written as matcher-sources.ts writes the scanner. */
function reference(aliases: readonly string[], triggers: readonly string[]): string {
  const atoms = scanOrder(aliases).map((p) => boundedAtoms(p));
  const latin = atoms.filter((a) => a.left);
  const other = atoms.filter((a) => !a.left).map((a) => a.atoms.join('') + a.end);
  return [`(?<![A-Za-z0-9])(?:${latin.map((a) => a.atoms.join('') + a.end).join('|')})`, ...other, ...triggers].join('|');
}

/** Every written form of an alias the scanner must treat as the regex does, with every kind of edge around it. */
function variants(alias: string): string[] {
  const forms = new Set([alias, alias.toUpperCase(), alias.toLowerCase()]);
  forms.add(alias.replace(/ /g, '\u00a0'));
  forms.add(alias.replace(/ /g, ' \n\t '));
  forms.add(alias.replace(/ /g, '\u3000'));
  forms.add(alias.replace(/ /g, '\u200b'));
  forms.add(alias.replace(/['’]/g, '’').replace(/-/g, '‑'));
  forms.add(alias.replace(/['’]/g, "'").replace(/-/g, '—'));
  forms.add(alias.replace(/-/g, ' '));
  forms.add(alias.replace(/s/g, 'ſ').replace(/k/g, '\u212a').replace(/i/g, 'İ'));
  forms.add(alias.slice(0, -1));
  const edges = ['', ' ', 'x', 'X', '9', '_', 'é', 'ſ', '\u212a', '’', '-', '.', '中'];
  const out: string[] = [];
  for (const form of forms) for (const edge of edges) out.push(`${edge}${form}`, `${form}${edge}`, `${edge}${form}${edge} ${form}s`);
  return out;
}

describe('the scanner (aliases in script, triggers in regex parts)', () => {
  it('is the one alternation in parts: aliases and literal triggers as phrases, the patterns between them in a regex', () => {
    expect(parts.aliases).toBe(prepared.scanPhrases.length);
    expect(prepared.scanner.includes(prepared.triggerPatterns!)).toBe(true);
    expect(prepared.triggerPhrases.length).toBeGreaterThan(20);
  });

  it('finds what the one regex finds, at the same offsets, on every labelled text, seed, example and alias', () => {
    let found = 0;
    for (const text of texts) {
      const { matches } = fromScanner(text);
      expect(matches, text.slice(0, 80)).toEqual(fromRegex(prepared.scanner, text));
      found += matches.length;
    }
    expect(found).toBeGreaterThan(5000);
  });

  it('finds what the one regex finds on every written form of every alias and trigger, behind and before every kind of edge', () => {
    const aliases = [...withTraditionalSpellings(data.entities).flatMap((e) => e.aliases.map((a) => a.text)), ...prepared.triggerPhrases];
    let compared = 0;
    for (const alias of aliases)
      for (const text of variants(alias)) {
        expect(fromScanner(text).matches, JSON.stringify(text)).toEqual(fromRegex(prepared.scanner, text));
        compared++;
      }
    expect(compared).toBeGreaterThan(10_000);
  });

  it('folds case as the i flag does without u, and takes the longest alias at a position', () => {
    const scanner = ['Claude Mythos Preview', 'Claude Mythos', 'Claude', 'Straße', 'µ-law', 'Ÿes', 'Mythos模型'];
    const text =
      'CLAUDE  mythos\u00a0PREVIEW, claude mythos previewer; STRASSE straße STRAßE Μ–LAW ÿes ſtraße \u212aclaude xMythos模型 中Mythos模型';
    expect(fromScanner(text, phrasesOnly(scanner)).matches).toEqual(fromRegex(reference(scanner, []), text));
    expect(fromScanner(text, phrasesOnly(scanner)).matches.map(([, t]) => t)).toEqual([
      'CLAUDE  mythos\u00a0PREVIEW',
      'claude mythos',
      // ß has a two-letter upper case (it folds to itself); µ and ÿ fold to Greek and Latin capitals.
      'straße',
      'STRAßE',
      'Μ–LAW',
      'ÿes',
      // K (Kelvin) is no ASCII letter: a word may start after it; after 中 too, and Mythos模型 ends on no Latin edge.
      'claude',
      'Mythos模型',
    ]);
  });

  it('takes the leftmost match, at one position the earliest part’s, and within phrases in order the first', () => {
    const patterns = /Fed\s+chair|chair\s+Powell/gi;
    // Not longest first: the alternation tries "the fed" before "the fed chair".
    const literal = ['officials', 'the fed', 'the fed chair', 'fed officials'];
    const text = 'The Fed chair Powell spoke; Fed officials and chair Powell. The fed chair and the fed-chair.';
    const regex = `(?<![A-Za-z0-9])(?:Fed(?![A-Za-z0-9]))|Fed\\s+chair|chair\\s+Powell|${literal
      .map((p) => boundedAtoms(p))
      .map((a) => `(?<![A-Za-z0-9])${a.atoms.join('')}${a.end}`)
      .join('|')}`;
    const found = fromScanner(text, { phrases: new PhraseScanner(['Fed', ...literal]), aliases: 1, patterns }).matches;
    expect(found).toEqual(fromRegex(regex, text));
    expect(found.map(([, t]) => t)).toEqual(['The Fed', 'chair Powell', 'Fed', 'officials', 'chair Powell', 'The fed', 'the fed']);
  });

  it('gives a paragraph the same mentions and claims as the one regex', () => {
    const split = matcherFromConfig(config);
    const whole = matcherFromConfig({
      ...config,
      prepared: { ...prepared, scanPhrases: [], triggerPatterns: prepared.scanner, triggerPhrases: [] },
    });
    for (const text of texts) expect(split.scanParagraph(text), text.slice(0, 80)).toEqual(whole.scanParagraph(text));
  });

  it('says yes and no for each context-cue list where the list as a regex does', () => {
    let yes = 0;
    for (const entity of withTraditionalSpellings(data.entities)) {
      const cue = prepared.cues.find((c) => c.entity === entity.id)!;
      for (const level of ['topic', 'specific', 'veto'] as const) {
        const list = [...entity.cues[level].en, ...entity.cues[level].zh];
        if (list.length === 0) continue;
        const reference = new RegExp(cueSource(list)!, 'i');
        const shipped = new PhraseScanner(cue[level]!, { prefixes: true });
        for (const text of texts)
          for (const part of [text, ...text.split(/[.!?。；;]/)]) {
            const expected = reference.test(part);
            yes += Number(expected);
            expect(shipped.test(part), `${entity.id} ${level}: ${part}`).toBe(expected);
          }
      }
    }
    expect(yes).toBeGreaterThan(5000);
  });
});

// @vitest-environment jsdom
/**
 * The alias scanner and the context cues are written as prefix trees (phrase-alternation.ts) instead of flat
 * alternations, which V8 compiles far more slowly on a cold page: they must match exactly what the flat
 * alternations match, on every text we have.
 */
import { describe, expect, it } from 'vitest';
import { Dataset } from '../../../src/data/schema';
import { rawDataset } from '../../../src/data/index';
import { withTraditionalSpellings } from '../../../src/shared/claims/config';
import { boundedAtoms, cueSource, prepareMatcher, scanOrder } from '../../../src/shared/matcher-sources';
import { PhraseScanner } from '../../../src/shared/phrase-scanner';
import { foldKey, phraseAlternation, type PhraseAtoms } from '../../../src/shared/phrase-alternation';
import { scanCorpus as corpus } from '../../support/scan-corpus';

const LEFT = '(?<![A-Za-z0-9])';

/** The flat alternation the tree stands for: each phrase in turn. */
const flat = (phrases: readonly PhraseAtoms[]) => phrases.map((p) => p.atoms.join('') + p.end).join('|');

/** Every match of a global regex, as [start, end]. */
const matches = (source: string, text: string) => [...text.matchAll(new RegExp(source, 'gi'))].map((m) => [m.index, m.index + m[0].length]);

describe('phraseAlternation', () => {
  it('matches what the flat alternation matches: case, word edges, prefixes, whitespace runs, apostrophes, dashes', () => {
    const phrases = scanOrder([
      'Claude Mythos Preview',
      'Claude Mythos',
      'Claude',
      'Mythos',
      "Anthropic's model",
      'AI-security',
      'AI',
      'Mythos模型',
      'K9',
    ]);
    const atoms = phrases.map((p) => boundedAtoms(p));
    const prefix = [boundedAtoms('frontier model', true), boundedAtoms('frontier'), boundedAtoms('front', true)];
    const texts = [
      'CLAUDE  MYTHOS\u00a0preview and claude mythos; Claude Mythos Previewer, Claudes, Mythos5, xMythos, mythos.',
      'Anthropic’s model, ANTHROPIC\'S\tMODEL, Anthropic"s model, AI–security, AI‑SECURITY, AI—security, AI-securityx, AI.',
      'frontier models, Frontier Modelling, afrontier model, frontier, fronts',
      'Mythos模型发布，XMythos模型, k9, \u212A9',
      // ſ, K (Kelvin) and İ: the `i` flag without `u` folds none of them to an ASCII letter.
      'MYTHOſ, \u212Aclaude mythos, İ Mythos, Mythos\u212A',
      '',
    ];
    for (const text of texts) {
      expect(matches(`${LEFT}${phraseAlternation(atoms)}`, text), text).toEqual(matches(`${LEFT}(?:${flat(atoms)})`, text));
      expect(matches(phraseAlternation(prefix), text), text).toEqual(matches(flat(prefix), text));
    }
    expect(phraseAlternation(['Claude Mythos Preview', 'Claude Mythos', 'Claude'].map((p) => boundedAtoms(p)))).toBe(
      'Claude(?:\\s+Mythos(?:\\s+Preview(?![A-Za-z0-9])|(?![A-Za-z0-9]))|(?![A-Za-z0-9]))',
    );
    expect(new RegExp(phraseAlternation([])).test('anything')).toBe(false);
  });

  it('folds atoms as the i flag does (ASCII and non-ASCII letters, never one to the other)', () => {
    expect(foldKey('a')).toBe(foldKey('A'));
    expect(foldKey('é')).toBe(foldKey('É'));
    expect(foldKey('ſ')).not.toBe(foldKey('s'));
    expect(foldKey('\u212A')).not.toBe(foldKey('k'));
    // And the regex engine agrees on each: the fold is the one the tree's disjoint branches rely on.
    for (const [a, b] of [
      ['a', 'A'],
      ['é', 'É'],
      ['ſ', 's'],
      ['\u212A', 'k'],
      ['ß', 'SS'],
    ] as const)
      expect(new RegExp(`^${a}$`, 'i').test(b), `${a} ~ ${b}`).toBe(foldKey(a) === foldKey(b));
  });

  describe('on the dataset, over every labelled text, seed and example', () => {
    const config = Dataset.parse(rawDataset);
    const entities = withTraditionalSpellings(config.entities);
    const texts = corpus();
    const prepared = prepareMatcher({
      datasetVersion: config.meta.version,
      entities: config.entities.map(({ id, aliases, cues }) => ({ id, aliases, cues })),
      claims: config.claims.map(({ id, entity, verdict, patterns }) => ({ id, entity, verdict, patterns })),
    });

    it('the alias scanner finds the same mentions at the same offsets', () => {
      const aliases = scanOrder(entities.flatMap((e) => e.aliases.map((a) => a.text.trim()))).map((p) => boundedAtoms(p));
      const latin = aliases.filter((a) => a.left);
      const tree = `${LEFT}${phraseAlternation(latin)}`;
      // The shipped scanner holds this tree (then the CJK aliases and the page triggers, as before).
      expect(prepared.scanner.startsWith(`${tree}|`)).toBe(true);
      const reference = `${LEFT}(?:${flat(latin)})`;
      let found = 0;
      for (const text of texts) {
        const expected = matches(reference, text);
        found += expected.length;
        expect(matches(tree, text), text).toEqual(expected);
      }
      expect(found).toBeGreaterThan(5000);
    });

    it('each context-cue list, as a tree and as the shipped phrase scanner, says yes and no where the flat list does', () => {
      let yes = 0;
      for (const entity of entities) {
        const cue = prepared.cues.find((c) => c.entity === entity.id)!;
        for (const level of ['topic', 'specific', 'veto'] as const) {
          const list = [...new Set([...entity.cues[level].en, ...entity.cues[level].zh])];
          const phrases = list.map((c) => (c.endsWith('*') ? boundedAtoms(c.slice(0, -1), true) : boundedAtoms(c)));
          const reference = new RegExp(phrases.map((p) => (p.left ? LEFT : '') + p.atoms.join('') + p.end).join('|'), 'i');
          const tree = new RegExp(cueSource(list)!, 'i');
          const shipped = new PhraseScanner(cue[level]!, { prefixes: true });
          for (const text of texts)
            for (const part of [text, ...text.split(/[.!?。；;]/)]) {
              const expected = reference.test(part);
              yes += Number(expected);
              expect(tree.test(part), `${entity.id} ${level}: ${part}`).toBe(expected);
              expect(shipped.test(part), `${entity.id} ${level}: ${part}`).toBe(expected);
            }
        }
      }
      expect(yes).toBeGreaterThan(5000);
    });
  });
});

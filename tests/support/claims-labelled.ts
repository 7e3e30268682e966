/**
 * The labelled claim set (tests/fixtures/claims-labelled, rules in its README):
 * paragraphs with the misclaims they state, report or refute, written apart from
 * the checker. Scored the way the product shows them: a flag is a claim the
 * paragraph asserts or reports; a refutation is never a flag.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Matcher } from '../../src/shared/matcher';

export type Split =
  | 'tune'
  | 'tune2'
  | 'tune3'
  | 'tune4zh'
  | 'tune4en'
  | 'tune5en'
  | 'tune5stance'
  | 'tune5zh'
  | 'tune6'
  | 'tune7'
  | 'tune8'
  | 'tune8ctx'
  | 'tune9en'
  | 'tune9zh'
  | 'tune10en'
  | 'tune10zh'
  | 'tune11en'
  | 'tune11zh'
  | 'tune11ctx'
  | 'tune12mod'
  | 'tune12news'
  | 'tune13mg'
  | 'tune14ctx'
  | 'tune14zh'
  | 'tune15para'
  | 'tune16pages'
  | 'tune17attr'
  | 'tune18refute'
  | 'test'
  | 'test2'
  | 'test3'
  | 'test4'
  | 'test5'
  | 'test6'
  | 'test7';
export type Stance = 'asserts' | 'reports' | 'refutes';

export interface Expected {
  claim: string;
  stance: Stance;
  quote: string;
  verdict?: 'outdated';
  trueUntil?: string;
}

export interface LabelledRecord {
  id: string;
  lang: 'en' | 'zh-Hans' | 'zh-Hant';
  paragraph: string;
  pageDate?: string;
  expect: Expected[];
  note?: string;
}

const DIR = join(import.meta.dirname, '..', 'fixtures', 'claims-labelled');

export function loadSplit(split: Split): LabelledRecord[] {
  return readFileSync(join(DIR, `${split}.jsonl`), 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as LabelledRecord);
}

export interface Predicted {
  claim: string;
  stance: Stance;
  trueUntil?: string;
  text: string;
}

/** The claims the matcher finds in one record's paragraph, counted as the content script counts them. */
export function predict(matcher: Matcher, record: LabelledRecord): Predicted[] {
  const result = matcher.scanParagraph(record.paragraph, new Set(), { pageDate: record.pageDate ?? null });
  if (!result) return [];
  const mentioned = new Set(result.mentions.map((m) => m.entityId));
  return result.claims
    .filter((c) => !c.needsPageMention || mentioned.has(c.entity))
    .map((c) => ({
      claim: c.claimId,
      stance: c.stance,
      ...(c.trueUntil ? { trueUntil: c.trueUntil } : {}),
      text: record.paragraph.slice(c.start, c.end),
    }));
}

export interface Score {
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
  /** Expected refutations the checker calls assertions: must be none. */
  refutedAsAsserted: string[];
  /** Flags with the right claim whose time reading (trueUntil) differs from the label. */
  timeErrors: string[];
  errors: string[];
}

const isFlag = (stance: Stance) => stance !== 'refutes';

export function score(matcher: Matcher, records: readonly LabelledRecord[]): Score {
  const s: Score = { tp: 0, fp: 0, fn: 0, precision: 0, recall: 0, refutedAsAsserted: [], timeErrors: [], errors: [] };
  for (const record of records) {
    const predicted = predict(matcher, record);
    const expectedFlags = record.expect.filter((e) => isFlag(e.stance));
    const predictedFlags = predicted.filter((p) => isFlag(p.stance));
    for (const e of expectedFlags) {
      const hit = predictedFlags.find((p) => p.claim === e.claim);
      if (!hit) {
        s.fn++;
        s.errors.push(`${record.id} FN ${e.claim} (${e.stance}) «${e.quote}» in “${record.paragraph}”${got(predicted)}`);
        continue;
      }
      s.tp++;
      if ((hit.trueUntil ?? null) !== (e.trueUntil ?? null))
        s.timeErrors.push(
          `${record.id} ${e.claim}: trueUntil ${hit.trueUntil ?? '-'} ≠ ${e.trueUntil ?? '-'} (pageDate ${record.pageDate ?? '-'})`,
        );
    }
    for (const p of predictedFlags) {
      if (expectedFlags.some((e) => e.claim === p.claim)) continue;
      s.fp++;
      const label = record.expect.find((e) => e.claim === p.claim);
      s.errors.push(
        `${record.id} FP ${p.claim} (${p.stance}${label ? `, labelled ${label.stance}` : ''}) «${p.text}» in “${record.paragraph}”`,
      );
    }
    for (const e of record.expect.filter((x) => x.stance === 'refutes')) {
      if (predicted.some((p) => p.claim === e.claim && p.stance === 'asserts'))
        s.refutedAsAsserted.push(`${record.id} ${e.claim}: “${record.paragraph}”`);
    }
  }
  s.precision = s.tp + s.fp === 0 ? 1 : s.tp / (s.tp + s.fp);
  s.recall = s.tp + s.fn === 0 ? 1 : s.tp / (s.tp + s.fn);
  return s;
}

function got(predicted: readonly Predicted[]): string {
  return predicted.length ? ` — got ${predicted.map((p) => `${p.claim} ${p.stance}`).join(', ')}` : '';
}

/**
 * The typed claim checks as the checker consumes them. The dataset's zod schema
 * (src/data/schema.ts: Check, Concepts) produces exactly these shapes; they are
 * declared here without zod so the content script's checker needs no schema library.
 */
import type { EntityId } from '../../data/vocabulary';

/** Whether a sentence states a claim, repeats it without endorsing it, or refutes it. */
export const STANCES = ['asserts', 'reports', 'refutes'] as const;
export type Stance = (typeof STANCES)[number];
export type QuantityUnitSpec = 'day' | 'percent' | 'count';

/** Phrase lists per language (see concepts.ts for the phrase syntax). */
export type ConceptTable = Record<string, { en: string[]; zh: string[] }>;

export type Slot =
  /**
   * The concept occurs in the sentence: within `within` characters of the slots before it; after the last of
   * them (`after`); and, with `nearest`, closer to them than any other occurrence of that concept (the model
   * an event names: "Mythos Preview in April … Mythos 5 on June 9"); with `notInside`, not part of a longer
   * phrase of that concept ("signed at a ceremony", not "the signing ceremony"); with `about`, said of the
   * subject: of the `among` names in the sentence (models), the one nearest the occurrence is the `subject`
   * ("Fable 5 … is the one anyone can sign up for" is not about Mythos); a sentence naming none keeps it.
   */
  | {
      concept: string;
      within?: number;
      after?: boolean;
      nearest?: string;
      notInside?: string;
      about?: { subject: string; among: string };
    }
  /** A date bound to an occurrence of the event concept (the nearest event word) matches one of the specs. */
  | { event: string; date: string[]; block?: string }
  /** A quantity within `within` characters of the concept lies in [min, max] (a range: its low and high ends). */
  | { near: string; quantity: { min: number; max: number; unit: QuantityUnitSpec }; high?: [number, number]; within?: number };

export interface CheckRule {
  id: string;
  claim: string;
  entity: EntityId;
  /** Where the subject must be mentioned: the sentence, its paragraph, or anywhere on the page. */
  scope: 'sentence' | 'paragraph' | 'page';
  /** Every slot must be found in the sentence. */
  all: Slot[];
  /** Concepts that, in the claim's clause, cancel the check (another order, a then-title). */
  unless?: string[];
  /** Slot sets that state the truth: a sentence stating it beside the misclaim corrects itself. */
  truth?: Slot[][];
  /** The day the claim stopped being true: a sentence written before it was true then ("true until"). */
  until?: string;
  /**
   * A title claim ("Fed Chair Powell"): a sentence about an event dated before `until` uses the title of its
   * day and is accurate, whenever it was written.
   */
  pastEvents?: boolean;
  /** Checks of one group exclude each other in a sentence: the first in file order wins (the most specific). */
  group?: string;
  /** Page-scoped checks: literal phrases that bring a paragraph without a mention to the checker. */
  trigger?: string[];
}

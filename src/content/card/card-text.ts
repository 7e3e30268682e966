/**
 * The card's wording decisions, as pure functions: which heading a flagged
 * sentence gets for its verdict and stance, the correction split into a
 * one-line lead and the rest (without a verdict word the dataset may already
 * start it with, so the verdict is never said twice), and the newest
 * development since the page was published.
 */
import type { Verdict } from '../../data/schema';
import type { MessageKey } from '../../shared/i18n';
import type { ClaimStance, DevelopmentView } from '../../shared/views';
import { splitSentences } from '../../shared/sentences';

/** What the checker says about one flagged claim in the sentence (fields from the claim checker; both optional). */
export interface CardFlag {
  claimId: string;
  stance?: ClaimStance;
  /** ISO date: the sentence was true when written, until this day (verdict outdated). */
  trueUntil?: string;
}

/** The heading for a verdict as the sentence uses the claim: "False", "Repeats a false claim", "True until …". */
export function flagHeading(verdict: Verdict, flag: CardFlag): { key: MessageKey; date?: string } {
  if (verdict === 'outdated' && flag.trueUntil) return { key: 'heading_true_until', date: flag.trueUntil };
  const stance = flag.stance === 'reports' ? 'reports' : 'asserts';
  return { key: `heading_${stance}_${verdict}` };
}

/** Flags a card shows: a sentence that refutes a claim is no flag at all. */
export function shownFlags<T extends CardFlag>(flags: readonly T[]): T[] {
  return flags.filter((f) => f.stance !== 'refutes');
}

const VERDICT_WORDS =
  /^\s*(?:false|misleading|outdated|disputed|unsupported|错误|误导|具有误导性|已过时|过时|有争议|存在争议|缺乏依据|无依据)\s*[:：]\s*/i;

/** The correction as a lead clause (for the title) and the rest, without a leading verdict word. */
export function correctionParts(correction: string): { lead: string; rest: string } {
  const text = correction.replace(VERDICT_WORDS, '').trim();
  const first = splitSentences(text)[0];
  let end = first ? first[1] : text.length;
  // A semicolon or a colon ends the lead too: the title stays one statement, what explains it follows below.
  const stop = /[;:]\s|[；：]/.exec(text.slice(0, end));
  if (stop) end = stop.index + 1;
  let lead = text.slice(0, end).trim();
  let rest = text.slice(end).trim();
  // What followed a colon or semicolon now starts a sentence of its own.
  if (/^[a-z]/.test(rest)) rest = rest[0]!.toUpperCase() + rest.slice(1);
  // The lead follows "False: ", so it reads as a clause: its final stop goes, and an English capital
  // stays only where it starts a name ("Scott Bessent"), not a plain word ("The", "It").
  lead = lead.replace(/[.;:。；：]$/, '');
  if (/^(?:The|A|An|It|Its|On|In|Only|No|Sharing|Review|Participation)\b/.test(lead)) lead = lead[0]!.toLowerCase() + lead.slice(1);
  return { lead, rest };
}

/** The newest development after the page's publication date, with how many there are; null when none. */
export function sinceDevelopment(
  developments: readonly DevelopmentView[],
  published: string | null,
): { newest: DevelopmentView; count: number } | null {
  if (!published) return null;
  const after = developments.filter((d) => d.happened > published);
  if (after.length === 0) return null;
  const newest = after.reduce((a, b) => (b.happened > a.happened ? b : a));
  return { newest, count: after.length };
}

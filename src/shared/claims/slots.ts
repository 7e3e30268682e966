/**
 * Finding a check's slots in one sentence: a concept, a date bound to an event,
 * a quantity near a concept. Each returns the spans it matched, or none.
 */
import type { Occurrence } from './concepts';
import { dateMatches } from './dates';
import { concessions, distance, frontedPhrase, within, type SentenceFacts } from './sentence-facts';
import type { Slot } from './types';

/** Concepts that name events, for binding each date to its nearest event word. */
export interface EventVocabulary {
  /** Every concept used as an `event` in some check, plus the generic other events. */
  readonly events: readonly string[];
}

/** `chosen`: the parts already found for the slots before this one (for `within`). */
export function findSlot(slot: Slot, facts: SentenceFacts, vocab: EventVocabulary, chosen: readonly Occurrence[] = []): Occurrence[] {
  if ('concept' in slot) {
    let found = facts.find(slot.concept);
    if (slot.notInside) {
      const outer = facts.find(slot.notInside);
      found = found.filter((o) => !outer.some((x) => x.start <= o.start && o.end <= x.end));
    }
    if (slot.about) found = found.filter((o) => isAbout(o, slot.about!, facts));
    const last = chosen[chosen.length - 1];
    // "requires developers to share", not "a widely shared headline said… requires".
    if (slot.after && last) found = found.filter((o) => o.start > last.start);
    const within = slot.within;
    if (within !== undefined && chosen.length > 0) found = found.filter((o) => chosen.some((c) => distance(facts.text, o, c) <= within));
    if (slot.nearest && chosen.length > 0) {
      const rivals = facts.find(slot.nearest);
      const gap = (o: Occurrence) => Math.min(...chosen.map((c) => distance(facts.text, o, c)));
      found = found.filter((o) => rivals.every((r) => (r.start < o.end && o.start < r.end) || gap(r) >= gap(o)));
    }
    return found;
  }
  if ('event' in slot) return boundDates(slot, facts, vocab);
  return nearQuantities(slot, facts);
}

/** "…, and it is generally available": a clause whose subject is "it", which stands for the sentence's subject. */
const PRONOUN_SUBJECT = /(?:^|[,;:，；]\s*(?:and|but|so|while|yet)?\s*|\s(?:and|but|so|yet)\s+)(?:it|it['’]s)\s+(?:[a-z]+\s+){0,3}$/;

/**
 * Whether the `among` name nearest to an occurrence is part of a `subject` one (true when the sentence names
 * none). A clause led by "it" is about the sentence's first name, its subject, not the nearest one: "Fable 5 is
 * the same model as Mythos 5 with classifiers added, and it is generally available" is about Fable 5.
 */
function isAbout(o: Occurrence, about: { subject: string; among: string }, facts: SentenceFacts): boolean {
  const names = facts.find(about.among);
  if (names.length === 0) return true;
  const before = names.filter((n) => n.end <= o.start);
  const led = before.length > 1 && PRONOUN_SUBJECT.test(facts.text.slice(Math.max(before.at(-1)!.end, o.start - 40), o.start));
  const nearest = led ? before[0]! : names.reduce((best, n) => (distance(facts.text, n, o) < distance(facts.text, best, o) ? n : best));
  return facts.find(about.subject).some((s) => s.start < nearest.end && nearest.start < s.end);
}

/** A time of day after a date: "Tuesday, 8:10 a.m. —", "June 3, 4:40 p.m. ET". */
const TIME_AFTER = /^,?\s*\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?(?:\s*(?:et|edt|est|ct|pt|pdt|gmt|utc|bst|cet))?\s*(?:[—–:.]|-\s|$)/;
/**
 * A live blog's or an update line's timestamp ("Tuesday, 8:10 a.m. — Trump signed…", "Updated Wednesday, June 3,
 * 4:40 p.m. ET."): when the entry was posted, not when its event happened. A date that opens the sentence (or
 * follows "updated"/"posted") with a time of day after it.
 */
function isTimestamp(text: string, d: Occurrence): boolean {
  return (
    /^\W*(?:(?:last\s+)?(?:updated|posted|published)(?:\s+on)?\s*)?$/.test(text.slice(0, d.start)) &&
    TIME_AFTER.test(text.slice(d.end, d.end + 24))
  );
}

const DATELINE_AFTER = /^\s?(?:外电|外媒)?(?:电|讯|消息|报道|报导|讯息)/;

/** The speech verbs of an attribution. */
const ATTRIBUTION_VERB = /^(?:said|says|say|told|tells|wrote|writes|reported|reports|confirmed|confirms|added|adds)$/;
/** Between the date and the verb: a comma, and the speaker in a few words or none ("…, said aides"). */
const ATTRIBUTION_BETWEEN = /^\s*,\s*((?:[\w'’.-]+\s+){0,6})$/;
/** After the verb: the sentence's end, or an adjunct of the saying ("…, he said on Friday", "…, aides told reporters"). */
const ATTRIBUTION_END =
  /^(?:\s+(?:on|in|at|to|during|after|late|early|last|this|earlier|later|citing|reporters|journalists|the\s+press)\b[^,;:.!?]{0,40})?\s*[.!?]?["'”’)\]]*\s*$/;
/** After an inverted attribution ("…, said two aides."): the speaker, then the end. */
const INVERTED_END = /^\s+(?:[\w'’.-]+\s*){1,5}[.!?]?["'”’)\]]*\s*$/;

/**
 * "Trump signed the order on June 3, aides said.": an attribution closing the sentence after the date says who
 * told it, not when they spoke (that would be "said on June 3"), so its verb does not compete with the event
 * for the date. "On June 3, he said the order was signed" goes on after the verb: the date is the saying's.
 */
function attributionTail(text: string, date: Occurrence, verb: Occurrence): boolean {
  if (verb.start < date.end || !ATTRIBUTION_VERB.test(text.slice(verb.start, verb.end))) return false;
  const between = ATTRIBUTION_BETWEEN.exec(text.slice(date.end, verb.start));
  if (!between) return false;
  const after = text.slice(verb.end);
  return between[1] ? ATTRIBUTION_END.test(after) : INVERTED_END.test(after) || ATTRIBUTION_END.test(after);
}

/** A date the news came out on, not its event's: 这次会面于4月10日被媒体披露, 4月10日曝光的会面. */
const REPORTED_AFTER = /^\s?(?:被[^，。,]{0,4})?(?:披露|曝光|爆出|揭露|曝出)/;
/** "Bloomberg reported the session on April 10": the date of the report (unless the slot's event is that verb). */
const REPORTED_BEFORE = /\b(?:reported|revealed|disclosed|broke\s+the\s+news\s+of|first\s+reported)\s+(?:[\w'-]+\s+){0,3}?(?:on\s+)?$/;

/**
 * Dates whose nearest event word belongs to the slot's event and is not blocked
 * ("postponed the signing on May 21" is a postponement, not a signing).
 */
function boundDates(slot: Extract<Slot, { event: string }>, facts: SentenceFacts, vocab: EventVocabulary): Occurrence[] {
  // A dateline date ("新华社华盛顿6月3日电", "IT之家4月8日消息", "彭博4月10日报导") is when the story was filed, not when its event happened.
  const dates = facts.dates.filter(
    (d) =>
      slot.date.some((spec) => dateMatches(d, spec, facts.today)) &&
      !DATELINE_AFTER.test(facts.text.slice(d.end, d.end + 3)) &&
      !isTimestamp(facts.text, d) &&
      !REPORTED_AFTER.test(facts.text.slice(d.end, d.end + 8)),
  );
  if (dates.length === 0) return [];
  const others = vocab.events.filter((e) => e !== slot.event).flatMap((e) => facts.find(e));
  // A longer event phrase around the slot's word is another event: "the May 21 signing ceremony" is the ceremony.
  const own = facts
    .find(slot.event)
    .filter((o) => !others.some((x) => x.start <= o.start && o.end <= x.end && x.end - x.start > o.end - o.start));
  if (own.length === 0) return [];
  // A report's date, or the start of a span ("a fight that had dragged on since May"), is not the event's date.
  const reportDate = (d: Occurrence) => {
    const before = facts.text.slice(Math.max(0, d.start - 60), d.start);
    const m = REPORTED_BEFORE.exec(before);
    // "since May" after its event starts a span; "since the eighth of April, the day Anthropic unveiled…" dates it.
    if (!m) return /\bsince\s+(?:early\s+|late\s+|mid-?)?$/.test(before) && own.every((o) => o.end <= d.start);
    const verb = d.start - before.length + m.index;
    return !own.some((o) => o.start <= verb && verb < o.end);
  };
  const blockers = slot.block ? facts.find(slot.block) : [];
  // A delay in a phrase that sets the scene does not make the event a plan: "After a two-week delay, Trump signed it
  // on June 3", "Despite rumours of a delay, …". A blocker there counts only for an event inside the same phrase.
  const scenes = blockers.length > 0 ? [...concessions(facts.text), ...[frontedPhrase(facts.text) ?? []].flat()] : [];
  const cjk = /[\u3400-\u9fff]/.test(facts.text);
  const out: Occurrence[] = [];
  for (const date of dates) {
    if (reportDate(date)) continue;
    let best: { occ: Occurrence; own: boolean; d: number } | null = null;
    for (const occ of own) {
      const d = weighted(facts.text, occ, date, cjk);
      if (!best || d < best.d) best = { occ, own: true, d };
    }
    const tail = others.find((o) => attributionTail(facts.text, date, o));
    for (const occ of others) {
      // An event word inside the slot's own (a longer phrase) does not compete with it, nor does an attribution
      // after the date, with the words after its verb ("…, he told reporters").
      if (own.some((o) => o.start <= occ.start && occ.end <= o.end) || (tail && occ.start >= tail.start)) continue;
      const d = weighted(facts.text, occ, date, cjk);
      if (d < best!.d) best = { occ, own: false, d };
    }
    if (!best?.own || best.d > 160) continue;
    const event = best.occ;
    const blocking = blockers.filter((b) => !scenes.some((s) => within(s, b) && !within(s, event)));
    if (isBlocked(event, blocking, facts.text)) continue;
    out.push({ start: Math.min(best.occ.start, date.start), end: Math.max(best.occ.end, date.end), composite: true });
  }
  return out;
}

/**
 * Distance from an event word to a date, halved in the language's usual order: English puts the date after
 * the verb ("signed on June 3"), Chinese before it ("6月3日签署"), so "据报道，…2026年2月…发起" binds to 发起.
 */
function weighted(text: string, event: Occurrence, date: Occurrence, cjk: boolean): number {
  const d = distance(text, event, date);
  const usual = cjk ? date.end <= event.start : event.end <= date.start;
  return usual ? d / 2 : d;
}

/** A blocker just before the event word in the same clause, or just after it (Chinese: 签署仪式被推迟). */
function isBlocked(event: Occurrence, blockers: readonly Occurrence[], text: string): boolean {
  return blockers.some((b) => {
    if (b.end <= event.start) return distance(text, b, event) <= 30;
    if (b.start >= event.end) return b.start - event.end <= 8;
    return true;
  });
}

function nearQuantities(slot: Extract<Slot, { near: string }>, facts: SentenceFacts): Occurrence[] {
  const anchors = facts.find(slot.near);
  if (anchors.length === 0) return [];
  const within = slot.within ?? 40;
  const { min, max, unit } = slot.quantity;
  const out: Occurrence[] = [];
  for (const q of facts.quantities) {
    if (q.unit !== unit) continue;
    if (slot.high) {
      if (q.max === undefined || q.value < min || q.value > max || q.max < slot.high[0] || q.max > slot.high[1]) continue;
    } else if (q.max !== undefined || q.value < min || q.value > max) continue;
    const anchor = anchors.find((a) => distance(facts.text, a, q) <= within);
    if (anchor) out.push({ start: Math.min(anchor.start, q.start), end: Math.max(anchor.end, q.end), composite: true });
  }
  return out;
}

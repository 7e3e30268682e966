/**
 * Whether a sentence asserts a claim in its own voice, reports it (attributes it
 * without endorsing: "some outlets said…", 网传), or refutes it ("…is wrong",
 * "did not sign on June 3", 并不属实). Questions assert nothing. The markers are
 * concepts in the dataset (src/data/concepts.json, `stance-*`), so they can be
 * tuned without touching code.
 */
import type { Occurrence } from './concepts';
import { concessions, distance, HARD_BREAK, within, type SentenceFacts, type Span } from './sentence-facts';
import type { Stance } from './types';

/** A break between the claim's words and the question mark: the question is another clause's. */
const QUESTION_BREAK = /\s[-–—]\s|[—–;；:：]|[,，]\s*(?:so|but|and|yet|then|why|how|what|who|为何|为什么|怎么|如何|那么|但|而|可是)|\.\s/;

/** How far before the claim's words a negation or hedge still governs them (same clause). */
const SCOPE = 80;

/**
 * The sentence's stance toward the claim found at `anchor` (made of `parts`), or null when
 * the sentence asks rather than states. `truthStated`: the sentence also states the true value.
 */
export function stanceOf(sentence: SentenceFacts, anchor: Occurrence, parts: readonly Occurrence[], truthStated: boolean): Stance | null {
  const conceded = concessions(sentence.text);
  const own = conceded.find((c) => within(c, anchor));
  // "Despite rumours of a mandatory 90-day review, the order…": the claim is what the sentence concedes was said,
  // and the rest of the sentence stands against it.
  if (own && REPORTED.test(sentence.text.slice(own.start, anchor.start)) && !isQuestion(sentence, anchor)) return 'refutes';
  // A concession the claim is not part of speaks of something else: its markers do not govern the claim
  // ("Despite claims to the contrary, Trump signed it on June 3", "…on June 3, despite rumours of a delay").
  const facts = outside(
    sentence,
    conceded.filter((c) => c !== own),
  );
  if (isQuestion(facts, anchor)) return null;
  if (inClause(facts, 'stance-refute', anchor)) return 'refutes';
  // Stating the true value beside the claim's words: a correction when set against them, else an
  // accurate sentence that only shares their vocabulary ("Treasury's clearinghouse, working with CISA").
  if (truthStated) return facts.has('stance-contrast') || governs(facts, 'stance-negation', anchor, parts) ? 'refutes' : null;
  if (governs(facts, 'stance-negation', anchor, parts)) return 'refutes';
  // "Critics fear the NSA may…", "could eventually": speculation asserts nothing.
  if (governs(facts, 'stance-hedge', anchor, parts, monthMay(facts))) return null;
  if (inClause(facts, 'stance-report', anchor)) return 'reports';
  return 'asserts';
}

/** What a concession names as said: rumours, claims, reports, posts… (传言, 报道, 有人称). */
const REPORTED =
  /(?<![a-z])(?:rumou?rs?|claims?|claiming|reports?|reporting|posts?|suggestions?|speculation|assertions?|headlines?|stories|talk|say(?:s|ing)?|said)(?![a-z])|传言|传闻|报道|说法|网传|消息|有人称|声称|称/;

/** The facts a stance reads: a sentence's, or the same without the markers inside some spans of it. */
type StanceFacts = Pick<SentenceFacts, 'text' | 'raw' | 'find' | 'has'>;

function outside(facts: SentenceFacts, spans: readonly Span[]): StanceFacts {
  if (spans.length === 0) return facts;
  const kept = (concept: string) => facts.find(concept).filter((m) => !spans.some((s) => within(s, m)));
  return { text: facts.text, raw: facts.raw, find: kept, has: (concept) => kept(concept).length > 0 };
}

/** A marker anywhere in the claim's clause: not across a semicolon or a full stop of a run-on sentence. */
function inClause(facts: StanceFacts, concept: string, anchor: Occurrence): boolean {
  return facts.find(concept).some((m) => {
    const [a, b] = m.end <= anchor.start ? [m.end, anchor.start] : m.start >= anchor.end ? [anchor.end, m.start] : [0, 0];
    return !HARD_BREAK.test(facts.text.slice(a, b));
  });
}

/** "the May draft": the month, not the modal verb (the raw text keeps its capital). */
function monthMay(facts: StanceFacts): (m: Occurrence) => boolean {
  return (m) => facts.raw.slice(m.start, m.end) === 'May' && m.start > 0;
}

function isQuestion(facts: StanceFacts, anchor: Occurrence): boolean {
  const text = facts.text.trimEnd();
  // Only a question that the claim's own clause asks: "Mythos is a scanner — so why are banks scared?" states it.
  if ((/[?？]["')\]」』]*$/.test(text) || /[吗吧呢][。！!]?$/.test(text)) && !QUESTION_BREAK.test(text.slice(anchor.end))) return true;
  // "It is unclear whether…", "是否": the claim is put as an open question.
  return facts.find('stance-open-question').some((q) => q.end <= anchor.start && distance(facts.text, q, anchor) <= SCOPE);
}

/** A marker before the claim's words within the same clause, or inside them but not part of a matched phrase. */
function governs(
  facts: StanceFacts,
  concept: string,
  anchor: Occurrence,
  parts: readonly Occurrence[],
  ignore: (m: Occurrence) => boolean = () => false,
): boolean {
  return facts.find(concept).some((m) => {
    // A negation inside a matched phrase belongs to it ("not voluntary", "could not attend"); inside an event-and-date
    // or number-and-noun span it still negates ("on June 9, not in April").
    if (ignore(m) || parts.some((p) => !p.composite && m.start < p.end && p.start < m.end)) return false;
    // "未签署的草案…必须" (the unsigned draft … must): a negation inside an attribute describes a noun; it negates
    // no clause, unless the claim is about that very verb (signed in May).
    if (
      /^(?:未|尚未|没有)$/.test(facts.text.slice(m.start, m.end)) &&
      ATTRIBUTIVE_AFTER.test(facts.text.slice(m.end, m.end + 6)) &&
      !parts.some((p) => p.start <= m.end && p.end > m.end)
    )
      return false;
    if (m.start >= anchor.start && m.end <= anchor.end) return !closedByComma(facts.text, m.end, anchor.end);
    if (m.end > anchor.start || distance(facts.text, m, anchor) > SCOPE || closedByComma(facts.text, m.end, anchor.start)) return false;
    // "If you build a large model, you are obliged to share it": the condition ends at its comma; the rule is stated.
    return !(/^(?:if|如果|若)$/.test(facts.text.slice(m.start, m.end)) && facts.text.slice(m.end, anchor.start).includes(','));
  });
}

/**
 * Chinese strings clauses together with commas: a marker whose own clause goes on past it ends at the comma
 * ("美国出口禁令未解，Fable 5依旧下线": the ban is not lifted, the models are still offline; "Mythos可能带来的风险，约见…").
 */
function closedByComma(text: string, from: number, to: number): boolean {
  let comma = text.indexOf(',', from);
  // "…可能会逐步收紧要求，甚至走向许可制度": a clause that goes on with 甚至/乃至/进而 stays under the marker.
  while (comma !== -1 && comma < to && CONTINUES.test(text.slice(comma + 1, comma + 4))) comma = text.indexOf(',', comma + 1);
  return comma !== -1 && comma < to && /[\u3400-\u9fff]/.test(text.slice(from, comma));
}

const CONTINUES = /^\s*(?:甚至|乃至|进而|甚而)/;

/** A verb made an attribute with 的 right after a negation: 未签署的, 尚未公布的. */
const ATTRIBUTIVE_AFTER = /^(?:签署|签字|签|公布|发布|生效|通过|落地|出台)的/;

/** A sentence that refutes what came before it: "That is false.", "此说法不实。" */
export function refutesPrevious(facts: SentenceFacts): boolean {
  return facts.find('stance-refute-previous').some((m) => m.start <= 3);
}

/** A sentence that opens by contrasting what came before: "In fact, …", "实际上，…". */
export function opensWithContrast(facts: SentenceFacts): boolean {
  return facts.find('stance-contrast').some((m) => m.start <= 3);
}

const DENIAL = /^(?:there\s+(?:is|was|'s)\s+no|no\s+such|never|并无|从未|没有所谓|并无所谓)$/;

/** "…called it 'Claude Mythos 2 Preview', but there is no version number": a contrast after the claim, then a negation. */
export function correctedAfter(facts: SentenceFacts, anchor: Occurrence): boolean {
  // A denial of existence or truth, not any negation ("…, but the White House has not yet published the text").
  const denials = [
    ...facts.find('stance-negation').filter((n) => DENIAL.test(facts.text.slice(n.start, n.end))),
    ...facts.find('stance-refute'),
  ];
  // "…; the 'registered voters' label has no basis": a refuting phrase anywhere after the claim corrects a report.
  if (facts.find('stance-refute').some((r) => r.start >= anchor.end)) return true;
  return facts.find('stance-contrast').some((c) => c.start >= anchor.end && denials.some((n) => n.start >= c.end && n.start - c.end <= 40));
}

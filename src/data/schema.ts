/**
 * The dataset's shape. Authoring guide with examples and rules: src/data/README.md. Every type the rest of the code uses for facts, claims,
 * entities and sources is derived from these schemas, so the JSON files under
 * src/data/ cannot drift from what the store and the matcher expect.
 *
 * Cross-record rules (references resolve, independence of sources, patterns
 * compile…) live in shared/dataset-checks.ts: zod checks one record at a time.
 */
import './zod-setup';
import { z } from 'zod';

export { ENTITY_IDS, EntityId, Lang, VERDICTS, Verdict } from './ids';
import { EntityId, Lang, Verdict } from './ids';
import { FACT_STATUSES } from './vocabulary';

const nonEmpty = z.string().trim().min(1);

/** A string in both languages the product speaks. Chinese is required, not optional. */
export const LocalizedText = z.strictObject({ en: nonEmpty, zh: nonEmpty });
export type LocalizedText = z.infer<typeof LocalizedText>;

export const IsoDate = z.iso.date();
const Id = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'ids are kebab-case: a-z, 0-9 and single dashes');

/**
 * How much a source can carry (see src/data/README.md):
 * - `official`: the order's text, agency or company announcements, system cards;
 * - `wire`: news agencies (Reuters, AP, AFP, Bloomberg, dpa, Xinhua…);
 * - `outlet`: established news organisations with editorial standards;
 * - `analysis`: named experts (law firms, think tanks, specialist trade press);
 * - `secondary`: aggregators, AI-written summaries, personal blogs, SEO sites,
 *   reposts without attribution. Never counts toward a fact's status.
 * A faithful copy of another publisher's article takes that publisher's tier
 * and names it in `originalPublisher`.
 */
export const SourceTier = z.enum(['official', 'wire', 'outlet', 'analysis', 'secondary']);
export type SourceTier = z.infer<typeof SourceTier>;

const HttpsUrl = z.url({ protocol: /^https$/ });

/** Titles that stand in for an unknown headline: unknown stays unknown and is never shown. */
const PLACEHOLDER_TITLE = /\b(?:not captured|untitled|no title|headline unknown|unknown headline)\b|^n\/a$/i;

export const Source = z.strictObject({
  id: Id,
  /** The site where the page was read, as readers know it ("Reuters", "Tech Xplore"). */
  outlet: nonEmpty,
  /** The page's own headline, as published; null when it is not known (never a made-up stand-in). */
  title: nonEmpty.refine((t) => !PLACEHOLDER_TITLE.test(t), 'a real headline, or null when unknown').nullable(),
  /**
   * The address where the page was read. Only https links are ever rendered;
   * anything else fails validation. Null only for a captured seed page with no
   * known public address: such a page can show where a claim was seen, never
   * serve as evidence (shared/dataset-checks.ts).
   */
  url: HttpsUrl.nullable(),
  /** Publication date; null only when the page carries none (shown as "undated"). */
  published: IsoDate.nullable(),
  language: z.enum(['en', 'zh', 'other']),
  tier: SourceTier,
  /**
   * When the page reproduces another publisher's article ("AFP, via Tech
   * Xplore"): that publisher. Sources with the same original publisher are one
   * source for independence.
   */
  originalPublisher: nonEmpty.optional(),
  /** The original's address, only when the copy states it. */
  originalUrl: HttpsUrl.optional(),
  /** Set when the page is one of the captured seed articles in ../shared/seeds. */
  seed: z
    .string()
    .regex(/^\d{3}_[0-9a-f]{16}$/)
    .optional(),
});
export type Source = z.infer<typeof Source>;
export const SourceWithRules = Source.refine((s) => s.url !== null || s.seed !== undefined, {
  message: 'url may be null only for a seed page',
  path: ['url'],
});

/**
 * How much context an alias needs before it counts as a mention:
 * - `none`: unambiguous on its own ("Project Glasswing", "EO 14409").
 * - `topic`: needs one of the entity's topic cues in the same paragraph
 *   ("Mythos" near "Anthropic"; "executive order" near "AI").
 * - `specific`: needs a specific cue or an unambiguous mention in the same
 *   paragraph ("the order" only beside "30-day", "June 2", "clearinghouse").
 */
export const AliasContext = z.enum(['none', 'topic', 'specific']);
export type AliasContext = z.infer<typeof AliasContext>;

export const Alias = z.strictObject({
  text: nonEmpty,
  lang: Lang,
  context: AliasContext,
  /** "Mythos" the model is capitalised; "mythos" the common noun is not. */
  caseSensitive: z.boolean().default(false),
});
export type Alias = z.infer<typeof Alias>;

/**
 * Plain words or phrases, matched case-insensitively: whole words for Latin
 * text (a trailing `*` makes a prefix: "vulnerabilit*"), anywhere for CJK.
 */
const CueList = z.array(nonEmpty);
const CueLists = z.strictObject({ en: CueList, zh: CueList });

export const Entity = z.strictObject({
  id: EntityId,
  name: LocalizedText,
  /** One or two sentences for the top of a card. */
  description: LocalizedText,
  aliases: z.array(Alias).min(1),
  cues: z.strictObject({
    /** Words that place a `topic` alias in this subject's world. */
    topic: CueLists,
    /** Details only this subject has; required by `specific` aliases. */
    specific: CueLists,
    /**
     * Words that, in the same sentence, mark a contextual alias as a look-alike
     * (another order, the butterfly, Lovecraft). They never veto `none` aliases.
     */
    veto: CueLists,
  }),
});
export type Entity = z.infer<typeof Entity>;

/**
 * - `verified`: an official source states it, or two independent non-secondary sources do;
 * - `single-source`: one non-secondary source states it;
 * - `disputed`: credible sources conflict (each side has its own sources);
 * - `unconfirmed`: only secondary sources report it; kept only where readers need it, and labelled so.
 */
export const FactStatus = z.enum(FACT_STATUSES);
export type FactStatus = z.infer<typeof FactStatus>;

const SourceIds = z.array(Id).min(1);

export const FactSide = z.strictObject({
  statement: LocalizedText,
  sources: SourceIds,
});
export type FactSide = z.infer<typeof FactSide>;

export const Fact = z.strictObject({
  id: Id,
  entity: EntityId,
  /** One checkable statement in our own words. For a disputed fact: what is in dispute. */
  statement: LocalizedText,
  status: FactStatus,
  /** The date on which the statement was last checked against its sources. */
  asOf: IsoDate,
  sources: SourceIds,
  /** Each side of a dispute with its own sources; required (≥ 2) when status is disputed. */
  sides: z.array(FactSide).optional(),
  /** When the development the fact reports took place (a signing, a lifted control): timelines and "since this article". */
  happened: IsoDate.optional(),
  /** The day it stopped being true (a restriction lifted): shown as history, never as current. */
  until: IsoDate.optional(),
  /** 1 is most important; cards show the lowest ranks first. */
  rank: z.number().int().min(1).max(100),
});
export type Fact = z.infer<typeof Fact>;

/**
 * Where the claim's subject must be mentioned for a pattern match to count:
 * in the same sentence, the same paragraph, or anywhere on the page (only for
 * patterns specific enough to stand alone, like a misspelled name).
 */
export const PatternScope = z.enum(['sentence', 'paragraph', 'page']);
export type PatternScope = z.infer<typeof PatternScope>;

export const ClaimPattern = z.strictObject({
  lang: Lang,
  /** A JavaScript regular expression source, compiled with the `i` flag. */
  match: nonEmpty,
  /** Another regex that must also match in the same sentence (e.g. "Trump" for "former President"). */
  near: nonEmpty.optional(),
  /** A regex that, in the same sentence, cancels the match (e.g. "then-" or a quote of the correction). */
  unless: nonEmpty.optional(),
  scope: PatternScope.default('paragraph'),
});
export type ClaimPattern = z.infer<typeof ClaimPattern>;

export const Claim = z.strictObject({
  id: Id,
  entity: EntityId,
  /** What the misclaim says, paraphrased. */
  claim: LocalizedText,
  verdict: Verdict,
  /** What is true instead, in our own words. */
  correction: LocalizedText,
  sources: SourceIds,
  /** Facts that back the correction (a disputed claim links the disputed fact). */
  facts: z.array(Id).default([]),
  /** Hand-written patterns, for claims without a typed check in checks.json (a claim needs one or the other). */
  patterns: z.array(ClaimPattern).default([]),
  /** Where the claim was seen: source ids (seed pages included). */
  seenIn: z.array(Id).default([]),
  /**
   * Test fixtures: sentences that must be flagged, and accurate sentences on
   * the same topic that must not be. Checked by the build and the unit tests.
   */
  examples: z.strictObject({
    flagged: z.array(nonEmpty).min(1),
    accurate: z.array(nonEmpty).min(1),
  }),
});
export type Claim = z.infer<typeof Claim>;

export const DatasetMeta = z.strictObject({
  version: z.string().regex(/^\d+\.\d+\.\d+$/, 'semver: MAJOR.MINOR.PATCH'),
  /** The day the dataset was last reviewed as a whole; cards show it as "as of". */
  date: IsoDate,
  /**
   * The last day a research pass searched for news on all three subjects. Later than `date` when
   * that search found nothing newer: readers see both ("facts as of …, news checked to …").
   */
  searched: IsoDate,
});
export type DatasetMeta = z.infer<typeof DatasetMeta>;

export const Dataset = z.strictObject({
  meta: DatasetMeta,
  entities: z.array(Entity),
  sources: z.array(SourceWithRules),
  facts: z.array(Fact),
  claims: z.array(Claim),
});
export type Dataset = z.infer<typeof Dataset>;
export type DatasetInput = z.input<typeof Dataset>;

/** Named phrase lists the typed checks and the stance rules use (src/data/concepts.json; syntax in src/shared/claims/concepts.ts). */
export const Concepts = z.record(z.string().regex(/^[a-z0-9-]+$/), z.strictObject({ en: z.array(nonEmpty), zh: z.array(nonEmpty) }));

/** "2026-06-03" (a day), "2026-06" (a month), "2024" (a year), "weekday:2" (a Tuesday). */
const DateSpec = z.string().regex(/^(?:\d{4}(?:-\d{2}(?:-\d{2})?)?|weekday:[0-6])$/, 'a date spec: YYYY, YYYY-MM, YYYY-MM-DD or weekday:N');
const ConceptName = z.string().regex(/^[a-z0-9-]+$/);
const Slot = z.union([
  z.strictObject({
    concept: ConceptName,
    within: z.number().int().positive().optional(),
    after: z.boolean().optional(),
    nearest: ConceptName.optional(),
    notInside: ConceptName.optional(),
    about: z.strictObject({ subject: ConceptName, among: ConceptName }).optional(),
  }),
  z.strictObject({ event: ConceptName, date: z.array(DateSpec).min(1), block: ConceptName.optional() }),
  z.strictObject({
    near: ConceptName,
    quantity: z.strictObject({ min: z.number(), max: z.number(), unit: z.enum(['day', 'percent', 'count']) }),
    high: z.tuple([z.number(), z.number()]).optional(),
    within: z.number().int().positive().optional(),
  }),
]);

/** A typed check: the words and values that state a claim (src/data/checks.json; semantics in src/shared/claims/types.ts). */
export const Check = z.strictObject({
  id: Id,
  claim: Id,
  entity: EntityId,
  scope: PatternScope,
  all: z.array(Slot).min(1),
  unless: z.array(ConceptName).optional(),
  truth: z.array(z.array(Slot).min(1)).optional(),
  until: IsoDate.optional(),
  pastEvents: z.boolean().optional(),
  group: z.string().optional(),
  trigger: z.array(nonEmpty).optional(),
});
export type Check = z.infer<typeof Check>;

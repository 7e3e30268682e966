/**
 * Whole-dataset checks that a per-record schema cannot express. `npm run build`
 * (scripts/build.ts) runs them and fails with every problem listed, one per
 * line, so a wrong dataset never ships. They live here rather than in src/data
 * because they run the claim matcher over the examples: the dataset's own code
 * imports nothing above it.
 */
import { z } from 'zod';
import { Check, Concepts, Dataset, ENTITY_IDS, type EntityId, type Source } from '../data/schema';
import shippedChecks from '../data/checks.json';
import shippedConcepts from '../data/concepts.json';
import { compileClaimRules } from './claim-patterns';
import { matcherFromConfig } from './derive-matcher-tables';
import type { Matcher } from './matcher';
import { checkerConfig } from './claims/config';
import type { CheckRule } from './claims/types';

export interface ValidationReport {
  errors: string[];
  warnings: string[];
}

const CJK = /[\u3400-\u9fff]/;

/** Copies of one publisher's reporting count once: the key is the original publisher. */
export function independenceKey(source: Source): string {
  return (source.originalPublisher ?? source.outlet).toLowerCase().replace(/[^a-z0-9\u3400-\u9fff]+/g, '');
}

/** Whether a source may count toward a fact's status (secondary sources never do). */
export const isCredible = (source: Source): boolean => source.tier !== 'secondary';

/** Number of independent credible origins among the given source ids (unknown ids ignored). */
export function independentCount(ids: readonly string[], sources: ReadonlyMap<string, Source>): number {
  const keys = new Set<string>();
  for (const id of ids) {
    const source = sources.get(id);
    if (source && isCredible(source)) keys.add(independenceKey(source));
  }
  return keys.size;
}

/**
 * The status the sources earn: verified when an official source states it or two
 * independent credible sources do; single-source on one credible source;
 * unconfirmed when only secondary sources report it.
 */
export function earnedStatus(ids: readonly string[], sources: ReadonlyMap<string, Source>): 'verified' | 'single-source' | 'unconfirmed' {
  const official = ids.some((id) => sources.get(id)?.tier === 'official');
  const n = independentCount(ids, sources);
  return official || n >= 2 ? 'verified' : n === 1 ? 'single-source' : 'unconfirmed';
}

/** The dataset, and the typed checks and concepts shipped beside it (checks.json, concepts.json). */
export function validateDataset(
  input: unknown,
  checksInput: unknown = shippedChecks,
  conceptsInput: unknown = shippedConcepts,
): ValidationReport {
  const errors: string[] = [];
  const warnings: string[] = [];
  const parsed = Dataset.safeParse(input);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) errors.push(`${formatPath(issue.path, input)}: ${issue.message}`);
    return { errors, warnings };
  }
  const data = parsed.data;

  const sources = new Map<string, Source>();
  for (const s of data.sources) {
    if (sources.has(s.id)) errors.push(`source ${s.id}: duplicate id`);
    sources.set(s.id, s);
  }
  const seen = new Set<string>();
  for (const { id } of [...data.facts, ...data.claims]) {
    if (seen.has(id)) errors.push(`${id}: duplicate fact/claim id`);
    seen.add(id);
  }
  const factIds = new Set(data.facts.map((f) => f.id));
  const used = new Set<string>();
  /** Evidence must be linkable; "seen in" may name a captured page without a public address. */
  const checkSources = (owner: string, ids: readonly string[], evidence = true) => {
    for (const id of ids) {
      used.add(id);
      const source = sources.get(id);
      if (!source) errors.push(`${owner}: unknown source "${id}"`);
      else if (evidence && source.url === null) errors.push(`${owner}: source "${id}" has no URL and cannot be cited as evidence`);
    }
  };

  for (const id of ENTITY_IDS) {
    const count = data.entities.filter((e) => e.id === id).length;
    if (count !== 1) errors.push(`entity ${id}: expected exactly one entry, found ${count}`);
  }
  for (const entity of data.entities) {
    const texts = new Set<string>();
    for (const alias of entity.aliases) {
      const key = alias.text.toLowerCase();
      if (texts.has(key)) errors.push(`entity ${entity.id}: duplicate alias "${alias.text}"`);
      texts.add(key);
      if (alias.lang === 'zh' && !CJK.test(alias.text))
        warnings.push(`entity ${entity.id}: zh alias "${alias.text}" has no Chinese characters`);
    }
    if (!CJK.test(entity.name.zh) || !CJK.test(entity.description.zh))
      errors.push(`entity ${entity.id}: name/description needs Chinese text`);
  }

  for (const fact of data.facts) {
    const owner = `fact ${fact.id}`;
    checkSources(owner, fact.sources);
    if (!CJK.test(fact.statement.zh)) errors.push(`${owner}: the Chinese statement has no Chinese text`);
    if (fact.status !== 'disputed') {
      const earned = earnedStatus(fact.sources, sources);
      if (fact.status !== earned)
        errors.push(
          `${owner}: marked "${fact.status}" but its sources earn "${earned}" (${independentCount(fact.sources, sources)} independent credible: ${describe(fact.sources, sources)})`,
        );
    }
    const newest = newestDate(fact.sources, sources);
    if (newest && fact.asOf < newest) errors.push(`${owner}: asOf ${fact.asOf} is older than its newest source (${newest})`);
    if (fact.until && fact.happened && fact.until < fact.happened) errors.push(`${owner}: until precedes happened`);
    if (fact.status === 'disputed') {
      if (!fact.sides || fact.sides.length < 2) errors.push(`${owner}: "disputed" needs at least two sides, each with sources`);
    } else if (fact.sides) {
      errors.push(`${owner}: only disputed facts have sides`);
    }
    for (const [i, side] of (fact.sides ?? []).entries()) {
      checkSources(`${owner} side ${i + 1}`, side.sources);
      if (independentCount(side.sources, sources) === 0)
        errors.push(`${owner} side ${i + 1}: needs at least one credible (non-secondary) source`);
      if (!CJK.test(side.statement.zh)) errors.push(`${owner} side ${i + 1}: the Chinese statement has no Chinese text`);
    }
  }

  const checks = z.array(Check).safeParse(checksInput);
  const concepts = Concepts.safeParse(conceptsInput);
  if (!checks.success) for (const issue of checks.error.issues) errors.push(`checks.json ${issue.path.join('.')}: ${issue.message}`);
  if (!concepts.success) for (const issue of concepts.error.issues) errors.push(`concepts.json ${issue.path.join('.')}: ${issue.message}`);
  if (!checks.success || !concepts.success) return { errors, warnings };
  const claimIds = new Set(data.claims.map((c) => c.id));
  const checked = new Set(checks.data.map((c) => c.claim));
  for (const check of checks.data) {
    if (!claimIds.has(check.claim)) errors.push(`check ${check.id}: unknown claim "${check.claim}"`);
    const named = [...check.all, ...(check.truth ?? []).flat()].flatMap((slot) =>
      'concept' in slot
        ? [slot.concept, slot.nearest, slot.notInside, slot.about?.subject, slot.about?.among]
        : 'event' in slot
          ? [slot.event, slot.block]
          : [slot.near],
    );
    for (const name of [...named, ...(check.unless ?? [])])
      if (name && !(name in concepts.data)) errors.push(`check ${check.id}: unknown concept "${name}"`);
    if (check.scope === 'page' && !check.trigger?.length) errors.push(`check ${check.id}: a page-scoped check needs trigger phrases`);
  }
  for (const [name, lists] of Object.entries(concepts.data)) {
    for (const phrase of [...lists.en, ...lists.zh]) {
      if (!phrase.startsWith('re:')) continue;
      try {
        new RegExp(phrase.slice(3));
      } catch (error) {
        errors.push(`concept ${name}: ${(error as Error).message}`);
      }
    }
  }
  let matcher: Matcher | null = null;
  /** Claims the text states or repeats; an example sentence is read as being about its claim's subject. */
  const flags = (text: string, entity: EntityId | null) => {
    if (compileFailed) return [];
    matcher ??= matcherFromConfig(
      { datasetVersion: data.meta.version, entities: data.entities, claims: data.claims },
      { ...checkerConfig(), checks: checks.data as CheckRule[] },
    );
    const context = entity ? { assumeSubjects: [entity] } : {};
    return matcher.scanParagraph(text, new Set(), context)?.claims.filter((h) => h.stance !== 'refutes') ?? [];
  };
  let compiled: ReturnType<typeof compileClaimRules> = [];
  let compileFailed = false;
  try {
    compiled = compileClaimRules(data.claims);
  } catch (error) {
    errors.push((error as Error).message);
    compileFailed = true;
  }
  for (const claim of data.claims) {
    const owner = `claim ${claim.id}`;
    checkSources(owner, claim.sources);
    checkSources(`${owner} seenIn`, claim.seenIn, false);
    if (earnedStatus(claim.sources, sources) === 'unconfirmed')
      errors.push(`${owner}: a verdict needs at least one credible (non-secondary) source (${describe(claim.sources, sources)})`);
    for (const f of claim.facts) if (!factIds.has(f)) errors.push(`${owner}: unknown fact "${f}"`);
    if (!CJK.test(claim.correction.zh) || !CJK.test(claim.claim.zh)) errors.push(`${owner}: needs Chinese text in claim and correction`);
    const own = compiled.filter((p) => p.claimId === claim.id);
    if (own.length === 0 && !checked.has(claim.id)) errors.push(`${owner}: needs a typed check (checks.json) or a pattern`);
    for (const p of own) {
      if (p.match.test('')) errors.push(`${owner}: pattern ${p.match} matches empty text`);
    }
    // The same checker the page runs: flagged examples must be recognised (stated or repeated), accurate ones
    // must flag nothing, and the correction must not read as the claim.
    // A correction is read like a paragraph of a page (its pronouns name nothing); it may report the claim, not state it.
    for (const text of [claim.correction.en, claim.correction.zh]) {
      if (flags(text, null).some((h) => h.claimId === claim.id && h.stance === 'asserts'))
        errors.push(`${owner}: its own correction reads as the claim: "${text}"`);
    }
    for (const example of claim.examples.flagged) {
      if (!flags(example, claim.entity).some((h) => h.claimId === claim.id))
        errors.push(`${owner}: flagged example is not recognised: "${example}"`);
    }
    for (const example of claim.examples.accurate) {
      const hit = flags(example, claim.entity)[0];
      if (hit) errors.push(`${owner}: accurate example "${example}" is flagged as ${hit.claimId} (${hit.stance})`);
    }
  }

  for (const id of sources.keys()) if (!used.has(id)) warnings.push(`source ${id}: not cited by any fact or claim`);
  const newestFact = data.facts.reduce((max, f) => (f.asOf > max ? f.asOf : max), '');
  if (data.meta.searched < data.meta.date)
    errors.push(
      `meta.searched ${data.meta.searched} is before meta.date ${data.meta.date}: news cannot have been checked before the newest fact`,
    );
  if (newestFact && data.meta.date !== newestFact)
    errors.push(`meta.date ${data.meta.date} must be the newest fact confirmation (${newestFact}): it is what "facts as of" shows`);
  return { errors, warnings };
}

function newestDate(ids: readonly string[], sources: ReadonlyMap<string, Source>): string | null {
  let max: string | null = null;
  for (const id of ids) {
    const published = sources.get(id)?.published;
    if (published && (!max || published > max)) max = published;
  }
  return max;
}

function describe(ids: readonly string[], sources: ReadonlyMap<string, Source>): string {
  return (
    ids
      .map((id) => {
        const s = sources.get(id);
        return s ? `${s.outlet} [${s.tier}]` : id;
      })
      .join(', ') || 'none'
  );
}

/** "facts[3].statement.zh" plus the record id when there is one, so errors are findable. */
function formatPath(path: readonly PropertyKey[], input: unknown): string {
  let node: unknown = input;
  let label = '';
  for (const key of path) {
    if (node && typeof node === 'object') node = (node as Record<PropertyKey, unknown>)[key];
    label += typeof key === 'number' ? `[${key}]` : `${label ? '.' : ''}${String(key)}`;
    if (typeof key === 'number' && node && typeof node === 'object' && 'id' in node) label += `(${String((node as { id: unknown }).id)})`;
  }
  return label || '(root)';
}

/**
 * Whole-dataset checks that a per-record schema cannot express. `npm run build`
 * (scripts/build.ts) runs them and fails with every problem listed, one per
 * line, so a wrong dataset never ships. They live here rather than in src/data
 * because they run the claim matcher over the examples: the dataset's own code
 * imports nothing above it.
 */
import { Dataset, ENTITY_IDS, type Source } from '../data/schema';
import { compileClaimRules, matchInSentence } from './claim-patterns';
import { splitSentences } from './sentences';

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

export function validateDataset(input: unknown): ValidationReport {
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

  let compiled: ReturnType<typeof compileClaimRules> = [];
  try {
    compiled = compileClaimRules(data.claims);
  } catch (error) {
    errors.push((error as Error).message);
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
    for (const p of own) {
      if (p.match.test('')) errors.push(`${owner}: pattern ${p.match} matches empty text`);
      for (const text of [claim.correction.en, claim.correction.zh]) {
        if (sentencesOf(text).some((s) => matchInSentence(p, s)))
          errors.push(`${owner}: pattern ${p.match} matches its own correction "${text}"`);
      }
    }
    for (const example of claim.examples.flagged) {
      if (!sentencesOf(example).some((s) => own.some((p) => matchInSentence(p, s)))) {
        errors.push(`${owner}: flagged example is not matched by any of its patterns: "${example}"`);
      }
    }
    for (const example of claim.examples.accurate) {
      for (const s of sentencesOf(example)) {
        const hit = compiled.find((p) => matchInSentence(p, s));
        if (hit) errors.push(`${owner}: accurate example "${s}" is flagged by claim ${hit.claimId} (${hit.match})`);
      }
    }
  }

  for (const id of sources.keys()) if (!used.has(id)) warnings.push(`source ${id}: not cited by any fact or claim`);
  const newestFact = data.facts.reduce((max, f) => (f.asOf > max ? f.asOf : max), '');
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

function sentencesOf(text: string): string[] {
  return splitSentences(text).map(([a, b]) => text.slice(a, b));
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

/**
 * "Look up in Frontier Facts": checks a selected text with the same matcher
 * the page scan runs (so a sentence in a PDF viewer, a social post or a page
 * the scan skipped gets the same verdicts), and keeps the last request for
 * the popup, which opens right after the menu click and asks for it.
 *
 * The popup is opened first, synchronously in the menu's click handler:
 * Firefox allows action.openPopup() only while it handles the user's action,
 * so the text is checked later, when the popup asks (lookup.get).
 */
import type { EntityId } from '../data/schema';
import type { Matcher } from '../shared/matcher';
import type { ClaimStance, LookupResult } from '../shared/views';
import type { FactStore } from './fact-store';

/** A lookup older than this is not shown by a popup opened later. */
export const LOOKUP_TTL_MS = 60_000;

export interface LookupStore {
  /** Remembers the text to look up (called synchronously from the click). */
  put(text: string): void;
  /** The last text, if recent (a popup reopened within the minute shows it again: there is no other way back to it). */
  take(): string | null;
}

export function createLookupStore(now: () => number = Date.now): LookupStore {
  let last: { text: string; at: number } | null = null;
  return {
    put: (text) => {
      last = { text: text.slice(0, 5000), at: now() };
    },
    take: () => (last && now() - last.at <= LOOKUP_TTL_MS ? last.text : null),
  };
}

/** Runs the page's matcher over the text (line by line, carrying subjects as the page scan does) and resolves what it found. */
export async function lookUp(text: string, store: FactStore, matcher: Matcher): Promise<LookupResult> {
  let carried: ReadonlySet<EntityId> = new Set();
  const subjects = new Set<EntityId>();
  const hits: Array<{ claimId: string; sentence: string; stance: ClaimStance; trueUntil?: string }> = [];
  for (const paragraph of text.split(/\n\s*\n|\r?\n/)) {
    if (!paragraph.trim()) continue;
    const result = matcher.scanParagraph(paragraph, carried);
    if (!result) {
      carried = new Set();
      continue;
    }
    carried = new Set(result.mentions.map((m) => m.entityId));
    for (const m of result.mentions) subjects.add(m.entityId);
    for (const c of result.claims) {
      const { stance, trueUntil } = c;
      if (stance === 'refutes') continue;
      subjects.add(c.entity);
      hits.push({
        claimId: c.claimId,
        sentence: paragraph
          .slice(...c.sentence)
          .replace(/\s+/g, ' ')
          .trim(),
        stance,
        ...(trueUntil ? { trueUntil } : {}),
      });
    }
  }
  const views = new Map((await store.claimsById(hits.map((h) => h.claimId))).map((c) => [c.id, c]));
  const seen = new Set<string>();
  const claims = hits.flatMap(({ claimId, ...rest }) => {
    const claim = views.get(claimId);
    const key = `${claimId}|${rest.sentence}`;
    if (!claim || seen.has(key)) return [];
    seen.add(key);
    return [{ claim, ...rest }];
  });
  const cards = await Promise.all([...subjects].map((id) => store.card(id, [], 3)));
  return { text, claims, subjects: cards };
}

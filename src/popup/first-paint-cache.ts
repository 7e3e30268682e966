/**
 * The popup's last subject cards and language, kept in the extension origin's
 * localStorage so the next open paints them synchronously instead of waiting
 * for three round trips to the background (Firefox measured 40–60 ms for that
 * burst, against a 150 ms budget for the whole open). Fresh data replaces them
 * a few milliseconds later; the switches wait for fresh settings.
 */
import { ENTITY_IDS } from '../data/vocabulary';
import { UI_LANGUAGES, type UiLanguage } from '../shared/settings';
import type { CardData } from '../shared/views';

const KEY = 'ff-popup-first-paint-v1';

export interface FirstPaint {
  language: UiLanguage;
  cards: CardData[];
}

export interface FirstPaintCache {
  /** What the previous open saved, or null (first open, cleared, damaged). */
  initial: FirstPaint | null;
  save(value: FirstPaint): void;
}

/** A cache over a Storage (window.localStorage); a missing or failing storage just caches nothing. */
export function createFirstPaintCache(storage: Pick<Storage, 'getItem' | 'setItem'> | undefined): FirstPaintCache {
  let initial: FirstPaint | null = null;
  let saved = '';
  try {
    saved = storage?.getItem(KEY) ?? '';
    initial = saved ? validate(JSON.parse(saved)) : null;
  } catch {
    initial = null;
  }
  return {
    initial,
    save(value) {
      try {
        const text = JSON.stringify(value);
        // Unchanged data is not rewritten: most opens would otherwise write the same bytes.
        if (text !== saved) storage?.setItem(KEY, text);
        saved = text;
      } catch {
        // Quota or privacy mode: the next open simply waits for the background.
      }
    },
  };
}

/** Enough shape checking that a damaged entry can never crash the first render. */
function validate(value: unknown): FirstPaint | null {
  if (typeof value !== 'object' || value === null) return null;
  const { language, cards } = value as { language?: unknown; cards?: unknown };
  if (!(UI_LANGUAGES as readonly unknown[]).includes(language) || !Array.isArray(cards)) return null;
  const ok = cards.every(
    (c: Partial<CardData>) =>
      typeof c === 'object' &&
      c !== null &&
      (ENTITY_IDS as readonly unknown[]).includes(c.entityId) &&
      typeof c.name?.en === 'string' &&
      typeof c.name?.zh === 'string' &&
      typeof c.description?.en === 'string' &&
      typeof c.description?.zh === 'string' &&
      Array.isArray(c.facts) &&
      c.facts.every(
        (f) =>
          typeof f?.id === 'string' &&
          typeof f.statement?.en === 'string' &&
          typeof f.statement?.zh === 'string' &&
          Array.isArray(f.sources),
      ),
  );
  return ok && cards.length > 0 ? { language: language as UiLanguage, cards: cards as CardData[] } : null;
}

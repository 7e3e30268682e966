/** The three subjects with their top facts, for the empty-query cards and for subject names. */
import { useLayoutEffect, useState } from 'preact/hooks';
import { ENTITY_IDS } from '../data/vocabulary';
import type { CardData } from '../shared/views';
import type { UiApi } from '../ui/api';

export type SubjectsState = { status: 'loading' } | { status: 'failed' } | { status: 'ok'; cards: CardData[] };

/** `initial`: cards from the first-paint cache, shown until fresh ones arrive (and kept if they fail). */
export function useSubjects(api: UiApi, initial?: CardData[]): SubjectsState {
  const [state, setState] = useState<SubjectsState>(initial ? { status: 'ok', cards: initial } : { status: 'loading' });
  // A layout effect, not useEffect: Preact runs effects after the next frame (or a 35 ms
  // timeout when no frame comes), which would delay every first request by that much.
  useLayoutEffect(() => {
    let live = true;
    void Promise.all(ENTITY_IDS.map((id) => api.card(id))).then((results) => {
      if (!live) return;
      const cards = results.flatMap((r) => (r.ok ? [r.value] : []));
      setState((current) => (cards.length > 0 ? { status: 'ok', cards } : current.status === 'ok' ? current : { status: 'failed' }));
    });
    return () => {
      live = false;
    };
  }, [api]);
  return state;
}

/** Pure helpers for the result list: grouping by subject and arrow-key movement. */
import type { EntityId } from '../data/schema';
import type { SearchResult } from '../shared/views';

export interface ResultGroup {
  entityId: EntityId;
  results: SearchResult[];
}

export const resultEntity = (r: SearchResult): EntityId => (r.kind === 'fact' ? r.fact.entity : r.claim.entity);
export const resultKey = (r: SearchResult): string => (r.kind === 'fact' ? `fact:${r.fact.id}` : `claim:${r.claim.id}`);

/** Groups in the order of their best result, results in score order within each. */
export function groupBySubject(results: readonly SearchResult[]): ResultGroup[] {
  const groups = new Map<EntityId, ResultGroup>();
  for (const result of results) {
    const entityId = resultEntity(result);
    const group = groups.get(entityId) ?? { entityId, results: [] };
    group.results.push(result);
    groups.set(entityId, group);
  }
  return [...groups.values()];
}

/** Results in the order they are shown (group by group), so arrow keys follow the screen. */
export const displayOrder = (groups: readonly ResultGroup[]): SearchResult[] => groups.flatMap((g) => g.results);

/**
 * Where focus goes for an arrow key: `current` is the focused result (-1 for
 * the search box); -1 back means the search box.
 */
export function nextFocus(current: number, count: number, key: string): number | undefined {
  if (count === 0) return undefined;
  switch (key) {
    case 'ArrowDown':
      return current < count - 1 ? current + 1 : current;
    case 'ArrowUp':
      return current <= 0 ? -1 : current - 1;
    case 'Home':
      return current === -1 ? undefined : 0;
    case 'End':
      return current === -1 ? undefined : count - 1;
    default:
      return undefined;
  }
}

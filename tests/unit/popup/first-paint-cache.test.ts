import { describe, expect, it } from 'vitest';
import { createFirstPaintCache } from '../../../src/popup/first-paint-cache';
import { card } from './mock-api';

function memoryStorage(initial: Record<string, string> = {}) {
  const data = new Map(Object.entries(initial));
  let writes = 0;
  return {
    getItem: (k: string) => data.get(k) ?? null,
    setItem: (k: string, v: string) => {
      writes++;
      data.set(k, v);
    },
    get writes() {
      return writes;
    },
    data,
  };
}

describe('first-paint cache', () => {
  const value = { language: 'zh' as const, cards: [card('project-glasswing'), card('eo-14409')] };

  it('round-trips the cards and language, and skips rewriting the same bytes', () => {
    const storage = memoryStorage();
    expect(createFirstPaintCache(storage).initial).toBeNull();
    const cache = createFirstPaintCache(storage);
    cache.save(value);
    cache.save(value);
    expect(storage.writes).toBe(1);
    expect(createFirstPaintCache(storage).initial).toEqual(value);
  });

  it('ignores damaged entries and survives a storage that throws', () => {
    const key = 'ff-popup-first-paint-v1';
    for (const bad of [
      '{',
      '[]',
      JSON.stringify({ language: 'fr', cards: value.cards }),
      JSON.stringify({ language: 'en', cards: [{ entityId: 'x' }] }),
    ]) {
      expect(createFirstPaintCache(memoryStorage({ [key]: bad })).initial, bad).toBeNull();
    }
    const throwing = {
      getItem: () => {
        throw new Error('denied');
      },
      setItem: () => {
        throw new Error('quota');
      },
    };
    const cache = createFirstPaintCache(throwing);
    expect(cache.initial).toBeNull();
    expect(() => cache.save(value)).not.toThrow();
    expect(createFirstPaintCache(undefined).initial).toBeNull();
  });
});

/**
 * Stored settings are read with plain checks (no zod in a page's start-up); the
 * schemas still guard settings.update messages. The two must agree on every
 * input, or a value the options page may save would be dropped on read, or a
 * damaged one let through.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, parseSettings, settingsFieldReaders } from '../../../src/shared/settings';
import { settingsFieldSchemas } from '../../../src/shared/settings-schema';
import { mulberry32 } from '../../../tooling/prng';

const rand = mulberry32(20260602);
const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;

const HOSTS = [
  'example.com',
  'WWW.Example.COM',
  'a',
  '',
  'bad host',
  'xn--fiqs8s.cn',
  'ex_ample.com',
  '例子.中国',
  'a'.repeat(253),
  'a'.repeat(254),
  '-.-',
];
/** Values near every rule's edges, of every type. */
function randomValue(depth = 0): unknown {
  switch (Math.floor(rand() * 12)) {
    case 0:
      return pick([true, false]);
    case 1:
      return pick([0, -0, 1, 500, 2999, 3000, 3001, -1, 1.5, NaN, Infinity, -Infinity, 2 ** 53, Number.MAX_SAFE_INTEGER]);
    case 2:
      return pick(['underline', 'background', 'off', 'auto', 'en', 'zh', 'Underline', '', 'true', '500']);
    case 3:
      return pick(HOSTS);
    case 4: {
      const n = pick([0, 1, 2, 5]);
      return Array.from({ length: n }, () => (rand() < 0.85 ? pick(HOSTS) : randomValue(depth + 1)));
    }
    case 5: {
      const sparse: unknown[] = ['example.com'];
      sparse[2] = 'example.org';
      return sparse;
    }
    case 6:
      return Array.from({ length: 5001 }, () => 'example.com');
    case 7:
      return depth < 2 ? { value: randomValue(depth + 1) } : {};
    case 8:
      return null;
    case 9:
      return undefined;
    case 10:
      return pick([0n, Symbol('x'), () => 1, new Date(0)]);
    default:
      return [randomValue(depth + 1)];
  }
}

function describe_(value: unknown): string {
  try {
    return String(value);
  } catch {
    return typeof value; // a symbol, or an array holding one
  }
}

/** The fuzz's budget: this many random values per field (seeded, so every run checks the same ones). */
const FUZZ_ROUNDS = 2000;

describe('stored settings', () => {
  it(
    `are read by plain checks that accept and transform exactly what the schemas do (${FUZZ_ROUNDS} values a field)`,
    { timeout: 60_000 },
    () => {
      const schemas = settingsFieldSchemas();
      for (let i = 0; i < FUZZ_ROUNDS; i++) {
        for (const key of Object.keys(schemas) as Array<keyof typeof schemas>) {
          const value = randomValue();
          const parsed = schemas[key].safeParse(value);
          const read = settingsFieldReaders[key](value);
          expect(read, `${key}: ${describe_(value)}`).toEqual(parsed.success ? parsed.data : undefined);
        }
      }
    },
  );

  it('fall back field by field, lower-case and deduplicate sites, and migrate the old site list', () => {
    expect(parseSettings(undefined)).toEqual(DEFAULT_SETTINGS);
    expect(parseSettings({ enabled: 'yes', cardDelayMs: 800, highlightStyle: 'background' })).toEqual({
      ...DEFAULT_SETTINGS,
      cardDelayMs: 800,
      highlightStyle: 'background',
    });
    expect(parseSettings({ disabledSites: ['Example.com', 'example.com', 'news.example'] }).disabledSites).toEqual([
      'example.com',
      'news.example',
    ]);
    expect(parseSettings({ offSites: ['old.example'] }).disabledSites).toEqual(['old.example']);
  });
});

/** The bench's `--loads=N`: how many loads per arm a comparison gets (bench/plan.ts). */
import { describe, expect, it } from 'vitest';
import { loadsArg, makePlan } from '../../../bench/plan';

describe('--loads', () => {
  it('sets the fresh-tab and same-tab loads of every page, quick or not', () => {
    for (const args of [['--loads=12'], ['--quick', '--loads=12'], ['--sizes=200000', '--loads=12']]) {
      const plan = makePlan(args);
      for (const page of plan.pages) {
        expect(plan.reps(page), `${args.join(' ')} ${page.id}`).toMatchObject({ load: 12, same: 12 });
        expect(plan.firefoxReps(page)).toMatchObject({ load: 12, same: 12 });
      }
    }
  });

  it('leaves the defaults without it, and the other repetitions with it', () => {
    const page = makePlan([]).pages.find((p) => p.id === 'synthetic-10k')!;
    expect(makePlan([]).reps(page)).toEqual({ load: 5, same: 5, markRegExp: 3, mark: 3 });
    expect(makePlan(['--loads=9']).reps(page)).toEqual({ load: 9, same: 9, markRegExp: 3, mark: 3 });
  });

  it('refuses what is not a count', () => {
    expect(loadsArg([])).toBeUndefined();
    for (const bad of ['0', '-3', '2.5', 'ten', '', '51']) expect(() => loadsArg([`--loads=${bad}`]), bad).toThrow(/--loads/);
  });
});

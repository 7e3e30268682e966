/**
 * The bench loads its arms in a balanced order (bench/arms.ts): over a cycle of repetitions each arm is first as
 * often as any other and follows each other arm as often, so no arm always loads right after the same one.
 */
import { describe, expect, it } from 'vitest';
import { rotate } from '../../../bench/arms';

function counts(n: number): { firsts: number[]; follows: Map<string, number> } {
  const items = [...Array(n).keys()];
  const cycle = n % 2 === 0 ? n : 2 * n;
  const firsts = Array<number>(n).fill(0);
  const follows = new Map<string, number>();
  for (let rep = 0; rep < cycle; rep++) {
    const order = rotate(items, rep);
    expect([...order].sort((a, b) => a - b)).toEqual(items);
    firsts[order[0]!]!++;
    for (let i = 1; i < n; i++) follows.set(`${order[i - 1]}>${order[i]}`, (follows.get(`${order[i - 1]}>${order[i]}`) ?? 0) + 1);
  }
  return { firsts, follows };
}

describe('the arms’ load order', () => {
  it.each([2, 3, 4, 5])('with %i arms, puts each first and after each other arm equally often', (n) => {
    const { firsts, follows } = counts(n);
    expect(new Set(firsts).size).toBe(1);
    // Every ordered pair of distinct arms is adjacent, each the same number of times.
    expect(follows.size).toBe(n * (n - 1));
    expect(new Set(follows.values()).size).toBe(1);
  });

  it('no longer keeps one predecessor: with four arms, base follows more than one arm', () => {
    const predecessors = new Set(
      [0, 1, 2, 3].map((rep) => rotate(['none', 'null', 'ext', 'base'], rep)).map((o) => o[o.indexOf('base') - 1]),
    );
    expect(predecessors.size).toBeGreaterThan(1);
  });
});

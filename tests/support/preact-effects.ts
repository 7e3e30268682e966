/**
 * Vitest setup for component tests. Preact runs effects "after paint": a requestAnimationFrame
 * raced against a 35 ms timer. In jsdom that timer can outlive the test file, and when it fires
 * after the environment is torn down, `cancelAnimationFrame` is gone and the run fails with an
 * unhandled error. Here effects run on a macrotask this file keeps track of, and every test ends
 * only once none is pending, so nothing of Preact's is left running when jsdom goes away.
 */
import { options } from 'preact';
import { afterEach, vi } from 'vitest';

const pending = new Set<ReturnType<typeof setTimeout>>();

if (typeof document !== 'undefined') {
  options.requestAnimationFrame = (callback) => {
    const id = setTimeout(() => {
      pending.delete(id);
      callback();
    }, 0);
    pending.add(id);
  };

  afterEach(async () => {
    await vi.waitFor(
      () => {
        if (pending.size > 0) throw new Error(`${pending.size} Preact effect flush(es) still pending`);
      },
      { timeout: 10_000, interval: 10 },
    );
  });
}

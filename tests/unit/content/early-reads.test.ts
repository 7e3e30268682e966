import { afterEach, describe, expect, it } from 'vitest';
import { startEarlyReads, takeEarlyReads } from '../../../src/content/early-reads';
import { SETTINGS_KEY } from '../../../src/shared/storage-keys';

type Listener = (changes: Record<string, { newValue?: unknown }>) => void;

/** A storage area whose reads resolve when the test says so. */
function fakeArea(values: Record<string, unknown>) {
  const listeners = new Set<Listener>();
  const pending: Array<() => void> = [];
  let reads = 0;
  return {
    listeners,
    get reads() {
      return reads;
    },
    /** Resolves every read made so far. */
    flush: () => pending.splice(0).forEach((f) => f()),
    change: (key: string, newValue: unknown) => listeners.forEach((l) => l({ [key]: { newValue } })),
    area: {
      get: (key: string) => {
        reads++;
        return new Promise<Record<string, unknown>>((resolve, reject) =>
          pending.push(() =>
            key in values && values[key] instanceof Error ? reject(values[key]) : resolve(key in values ? { [key]: values[key] } : {}),
          ),
        );
      },
      onChanged: { addListener: (l: Listener) => listeners.add(l), removeListener: (l: Listener) => listeners.delete(l) },
    },
  };
}

const world = globalThis as { browser?: unknown; chrome?: unknown };

function install(local: ReturnType<typeof fakeArea>, sync?: ReturnType<typeof fakeArea>, name: 'browser' | 'chrome' = 'browser') {
  world[name] = { storage: { local: local.area, ...(sync ? { sync: sync.area } : {}) } };
}

afterEach(() => {
  takeEarlyReads();
  delete world.browser;
  delete world.chrome;
});

describe('the settings read started before the page is claimed and the app set up', () => {
  it('reads the settings from sync storage, nothing else, and hands over what it read', async () => {
    const local = fakeArea({ matcherConfig: { buildId: 'b', config: 1 } });
    const sync = fakeArea({ [SETTINGS_KEY]: { enabled: false } });
    install(local, sync);
    startEarlyReads();
    expect([local.reads, sync.reads]).toEqual([0, 1]);
    sync.flush();
    const reads = takeEarlyReads()!;
    await expect(reads.settings).resolves.toEqual({ enabled: false });
  });

  it('reads settings from storage.local where there is no sync area, through `chrome` in Chromium', async () => {
    const local = fakeArea({ [SETTINGS_KEY]: { enabled: true } });
    install(local, undefined, 'chrome');
    startEarlyReads();
    expect(local.reads).toBe(1);
    local.flush();
    await expect(takeEarlyReads()!.settings).resolves.toEqual({ enabled: true });
  });

  it('a settings change before the hand-off supersedes the read, even one still in flight', async () => {
    const local = fakeArea({});
    const sync = fakeArea({ [SETTINGS_KEY]: { enabled: true } });
    install(local, sync);
    startEarlyReads();
    sync.change(SETTINGS_KEY, { enabled: false });
    sync.change('unrelated', 1);
    sync.flush();
    local.flush();
    const reads = takeEarlyReads()!;
    await expect(reads.settings).resolves.toEqual({ enabled: false });
  });

  it('hands over once and stops listening then: later changes are the content script’s', () => {
    const local = fakeArea({});
    const sync = fakeArea({});
    install(local, sync);
    startEarlyReads();
    expect(sync.listeners.size).toBe(1);
    expect(takeEarlyReads()).not.toBeNull();
    expect(sync.listeners.size).toBe(0);
    expect(takeEarlyReads()).toBeNull();
  });

  it('a failed read hands over undefined (the defaults), never a rejection', async () => {
    const local = fakeArea({});
    const sync = fakeArea({ [SETTINGS_KEY]: new Error('sync off') });
    install(local, sync);
    startEarlyReads();
    sync.flush();
    const reads = takeEarlyReads()!;
    await expect(reads.settings).resolves.toBeUndefined();
  });

  it('does nothing without extension storage, and starts only once', () => {
    startEarlyReads();
    expect(takeEarlyReads()).toBeNull();
    const local = fakeArea({});
    install(local);
    startEarlyReads();
    startEarlyReads();
    expect(local.reads).toBe(1);
  });
});

/**
 * Settings for a UI page: loaded once, kept live when another page (popup,
 * options, another window) changes them, and updated through the background
 * so every write goes through its schema and its serialising queue.
 */
import { useCallback, useLayoutEffect, useState } from 'preact/hooks';
import { parseSettings, type Settings, type SettingsPatch } from '../shared/settings';
import type { UiApi } from './api';

export interface SettingsState {
  /** Null until the first answer; defaults if the background could not answer. */
  settings: Settings | null;
  /** Set when the last update failed; cleared by the next success. */
  failed: boolean;
  /** Applies a patch; resolves with whether it was saved. */
  update: (patch: SettingsPatch) => Promise<boolean>;
}

export function useSettings(api: UiApi): SettingsState {
  const [settings, setSettings] = useState<Settings | null>(null);
  const [failed, setFailed] = useState(false);

  // A layout effect, not useEffect: Preact runs effects after the next frame (or a 35 ms
  // timeout when no frame comes), which would delay every first request by that much.
  useLayoutEffect(() => {
    let live = true;
    void api.settings().then((result) => {
      if (!live) return;
      // Unreadable settings fall back to the defaults; `failed` is about saving, so it stays clear.
      setSettings((current) => current ?? (result.ok ? result.value : parseSettings(undefined)));
    });
    const unwatch = api.watchSettings((next) => live && setSettings(next));
    return () => {
      live = false;
      unwatch();
    };
  }, [api]);

  const update = useCallback(
    async (patch: SettingsPatch) => {
      const result = await api.updateSettings(patch);
      if (result.ok) setSettings(result.value);
      setFailed(!result.ok);
      return result.ok;
    },
    [api],
  );

  return { settings, failed, update };
}

/**
 * User settings: defaults, types, the plain readers that turn whatever is
 * stored into valid settings, and migrations. One module, read by every
 * context (refined-github's options-storage pattern); it imports no schema
 * library, so a page's content script reads its settings without zod. The zod
 * schemas that guard `settings.update` messages live in settings-schema.ts,
 * and a test holds the readers here to them. Settings live in extension
 * storage, never in the dataset's tables, so dataset upgrades cannot touch them.
 */
import { SETTINGS_KEY } from './storage-keys';

export { SETTINGS_KEY };
export const SETTINGS_VERSION = 1;

export const HIGHLIGHT_STYLES = ['underline', 'background', 'off'] as const;
export type HighlightStyle = (typeof HIGHLIGHT_STYLES)[number];
export const UI_LANGUAGES = ['auto', 'en', 'zh'] as const;
export type UiLanguage = (typeof UI_LANGUAGES)[number];

/** The longest hover dwell before a card opens, in ms. */
export const CARD_DELAY_MAX_MS = 3000;
/** Longest list of sites where the extension is off. */
export const DISABLED_SITES_MAX = 5000;

/** The fields a user can set. */
export interface SettingsFields {
  /** false = paused everywhere. */
  enabled: boolean;
  /** Hostnames as the user sees them in the address bar ("www.example.com"), lower-cased. */
  disabledSites: string[];
  highlightStyle: HighlightStyle;
  /** Hover dwell before a card opens, in ms (0…CARD_DELAY_MAX_MS). */
  cardDelayMs: number;
  language: UiLanguage;
}

export type Settings = { version: typeof SETTINGS_VERSION } & SettingsFields;

/** What callers may change. */
export type SettingsPatch = Partial<SettingsFields>;

export const DEFAULT_SETTINGS: Settings = {
  version: SETTINGS_VERSION,
  enabled: true,
  disabledSites: [],
  highlightStyle: 'underline',
  /** Wikipedia's Page Previews use ~500. */
  cardDelayMs: 500,
  language: 'auto',
};

const HOSTNAME = /^[a-z0-9.-]+$/i;
const oneOf =
  <T extends string>(options: readonly T[]) =>
  (v: unknown): T | undefined =>
    options.includes(v as T) ? (v as T) : undefined;

/**
 * The same rules as the field schemas (settings-schema.ts), as plain checks: every page's content
 * script reads the stored settings, and neither building zod schemas (~5 ms) nor loading zod belongs
 * in its start-up. Each returns the parsed value, or undefined when the schema would reject it. A
 * unit test compares the two on random input.
 */
export const settingsFieldReaders: { [K in keyof SettingsFields]: (v: unknown) => SettingsFields[K] | undefined } = {
  enabled: (v) => (typeof v === 'boolean' ? v : undefined),
  disabledSites: (v) => {
    if (!Array.isArray(v) || v.length > DISABLED_SITES_MAX) return undefined;
    const out: string[] = [];
    // Indexed, not forEach: a hole in the array is an undefined entry to the schema too.
    for (let i = 0; i < v.length; i++) {
      const h: unknown = v[i];
      if (typeof h !== 'string' || h.length < 1 || h.length > 253 || !HOSTNAME.test(h)) return undefined;
      out.push(h.toLowerCase());
    }
    return out;
  },
  highlightStyle: oneOf(HIGHLIGHT_STYLES),
  cardDelayMs: (v) => (typeof v === 'number' && Number.isSafeInteger(v) && v >= 0 && v <= CARD_DELAY_MAX_MS ? v : undefined),
  language: oneOf(UI_LANGUAGES),
};

/**
 * Reads whatever is stored (any version, any damage) into valid settings:
 * each field that fails its schema falls back to its default on its own, so
 * one bad value never loses the rest.
 */
export function parseSettings(stored: unknown): Settings {
  const input = migrate(typeof stored === 'object' && stored !== null ? (stored as Record<string, unknown>) : {});
  const out: Record<string, unknown> = { version: SETTINGS_VERSION };
  for (const [key, read] of Object.entries(settingsFieldReaders)) {
    out[key] = (read as (v: unknown) => unknown)(input[key]) ?? DEFAULT_SETTINGS[key as keyof SettingsFields];
  }
  if (Array.isArray(out.disabledSites)) out.disabledSites = [...new Set(out.disabledSites as string[])];
  return out as unknown as Settings;
}

export function applyPatch(settings: Settings, patch: SettingsPatch): Settings {
  return parseSettings({ ...settings, ...patch });
}

/** Whether the extension should run on a page with this hostname. */
export function isActiveOn(settings: Settings, hostname: string): boolean {
  return settings.enabled && !settings.disabledSites.includes(hostname.toLowerCase());
}

/** Upgrades older stored shapes. Version 0 (pre-release) kept the site list as `offSites`. */
function migrate(stored: Record<string, unknown>): Record<string, unknown> {
  if (stored.version === undefined && Array.isArray(stored.offSites)) {
    return { ...stored, disabledSites: stored.offSites, version: SETTINGS_VERSION };
  }
  return stored;
}

/**
 * User settings: defaults, schema, migrations. One module, read by every
 * context (refined-github's options-storage pattern). Settings live in
 * extension storage, never in the dataset's tables, so dataset upgrades
 * cannot touch them.
 */
import '../data/zod-setup';
import * as z from 'zod/mini';
import { SETTINGS_KEY } from './storage-keys';

export { SETTINGS_KEY };
export const SETTINGS_VERSION = 1;

export const HIGHLIGHT_STYLES = ['underline', 'background', 'off'] as const;
export type HighlightStyle = (typeof HIGHLIGHT_STYLES)[number];
export const UI_LANGUAGES = ['auto', 'en', 'zh'] as const;
export type UiLanguage = (typeof UI_LANGUAGES)[number];

export const DEFAULT_SETTINGS = {
  version: SETTINGS_VERSION,
  /** false = paused everywhere. */
  enabled: true,
  /** Sites (hostnames) where the extension stays off. */
  disabledSites: [] as string[],
  highlightStyle: 'underline' as HighlightStyle,
  /** Hover dwell before a card opens, in ms (Wikipedia's Page Previews use ~500). */
  cardDelayMs: 500,
  language: 'auto' as UiLanguage,
};

/** The field schemas. Built on first use: zod schemas cost start-up time in every page. */
function makeFields() {
  return {
    enabled: z.boolean(),
    /** Hostnames as the user sees them in the address bar ("www.example.com"). */
    disabledSites: z
      .array(
        z.pipe(
          z.string().check(z.minLength(1), z.maxLength(253), z.regex(/^[a-z0-9.-]+$/i)),
          z.transform((h: string) => h.toLowerCase()),
        ),
      )
      .check(z.maxLength(5000)),
    highlightStyle: z.enum(HIGHLIGHT_STYLES),
    cardDelayMs: z.int().check(z.minimum(0), z.maximum(CARD_DELAY_MAX_MS)),
    language: z.enum(UI_LANGUAGES),
  };
}
type Fields = ReturnType<typeof makeFields>;
let fieldSchemas: Fields | undefined;
/** The field schemas (exported for the test that holds the plain readers below to them). */
export const settingsFieldSchemas = (): Fields => (fieldSchemas ??= makeFields());

const CARD_DELAY_MAX_MS = 3000;
const HOSTNAME = /^[a-z0-9.-]+$/i;
const oneOf =
  <T extends string>(options: readonly T[]) =>
  (v: unknown): T | undefined =>
    options.includes(v as T) ? (v as T) : undefined;

/**
 * The same rules as the field schemas, as plain checks: every page's content script reads the
 * stored settings, and building zod schemas there cost ~5 ms of its start-up. Each returns the
 * parsed value, or undefined when the schema would reject it. A unit test compares the two on
 * random input.
 */
export const settingsFieldReaders: { [K in keyof Fields]: (v: unknown) => z.infer<Fields[K]> | undefined } = {
  enabled: (v) => (typeof v === 'boolean' ? v : undefined),
  disabledSites: (v) => {
    if (!Array.isArray(v) || v.length > 5000) return undefined;
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

export type Settings = { version: typeof SETTINGS_VERSION } & { [K in keyof Fields]: z.infer<Fields[K]> };

let patchSchema: z.ZodMiniType<SettingsPatch> | undefined;
/** What callers may change; unknown keys are rejected. */
export function settingsPatchSchema() {
  return (patchSchema ??= z.partial(z.strictObject(settingsFieldSchemas())) as unknown as z.ZodMiniType<SettingsPatch>);
}
export type SettingsPatch = Partial<{ [K in keyof Fields]: z.infer<Fields[K]> }>;

/**
 * Reads whatever is stored (any version, any damage) into valid settings:
 * each field that fails its schema falls back to its default on its own, so
 * one bad value never loses the rest.
 */
export function parseSettings(stored: unknown): Settings {
  const input = migrate(typeof stored === 'object' && stored !== null ? (stored as Record<string, unknown>) : {});
  const out: Record<string, unknown> = { version: SETTINGS_VERSION };
  for (const [key, read] of Object.entries(settingsFieldReaders)) {
    out[key] = (read as (v: unknown) => unknown)(input[key]) ?? DEFAULT_SETTINGS[key as keyof Fields];
  }
  if (Array.isArray(out.disabledSites)) out.disabledSites = [...new Set(out.disabledSites as string[])];
  return out as Settings;
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

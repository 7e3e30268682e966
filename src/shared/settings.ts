/**
 * User settings: defaults, schema, migrations. One module, read by every
 * context (refined-github's options-storage pattern). Settings live in
 * extension storage, never in the dataset's tables, so dataset upgrades
 * cannot touch them.
 */
import './zod-setup';
import { z } from 'zod';

export const SETTINGS_KEY = 'settings';
export const SETTINGS_VERSION = 1;

export const HighlightStyle = z.enum(['underline', 'background', 'off']);
export type HighlightStyle = z.infer<typeof HighlightStyle>;
export const UiLanguage = z.enum(['auto', 'en', 'zh']);
export type UiLanguage = z.infer<typeof UiLanguage>;


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
        z
          .string()
          .min(1)
          .max(253)
          .regex(/^[a-z0-9.-]+$/i)
          .transform((h) => h.toLowerCase()),
      )
      .max(5000),
    highlightStyle: HighlightStyle,
    cardDelayMs: z.number().int().min(0).max(3000),
    language: UiLanguage,
  };
}
type Fields = ReturnType<typeof makeFields>;
let fieldSchemas: Fields | undefined;
const fields = (): Fields => (fieldSchemas ??= makeFields());

export type Settings = { version: typeof SETTINGS_VERSION } & { [K in keyof Fields]: z.infer<Fields[K]> };

let patchSchema: z.ZodType<SettingsPatch> | undefined;
/** What callers may change; unknown keys are rejected. */
export function settingsPatchSchema() {
  return (patchSchema ??= z.strictObject(fields()).partial() as unknown as z.ZodType<SettingsPatch>);
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
  for (const [key, schema] of Object.entries(fields())) {
    const parsed = (schema as z.ZodType).safeParse(input[key]);
    out[key] = parsed.success ? parsed.data : DEFAULT_SETTINGS[key as keyof Fields];
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

/**
 * The zod schemas of the settings, for what arrives in messages (`settings.update` patches): the
 * background and the extension's pages validate with them. A page's content script never loads
 * this module; it reads stored settings with the plain readers in settings.ts, which a test holds
 * to these schemas.
 */
import '../data/zod-setup';
import * as z from 'zod/mini';
import { CARD_DELAY_MAX_MS, DISABLED_SITES_MAX, HIGHLIGHT_STYLES, UI_LANGUAGES, type SettingsFields, type SettingsPatch } from './settings';

/** The field schemas. Built on first use. */
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
      .check(z.maxLength(DISABLED_SITES_MAX)),
    highlightStyle: z.enum(HIGHLIGHT_STYLES),
    cardDelayMs: z.int().check(z.minimum(0), z.maximum(CARD_DELAY_MAX_MS)),
    language: z.enum(UI_LANGUAGES),
  };
}
type Fields = ReturnType<typeof makeFields>;
let fieldSchemas: Fields | undefined;
/** The field schemas (exported for the test that holds the plain readers in settings.ts to them). */
export const settingsFieldSchemas = (): Fields => (fieldSchemas ??= makeFields());

let patchSchema: z.ZodMiniType<SettingsPatch> | undefined;
/** What callers may change; unknown keys are rejected. */
export function settingsPatchSchema() {
  return (patchSchema ??= z.partial(z.strictObject(settingsFieldSchemas())) as unknown as z.ZodMiniType<SettingsPatch>);
}

/** The schemas' types are the settings' types (settings.ts declares them without zod): checked when this compiles. */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
export const SCHEMAS_MATCH_TYPES: Same<{ [K in keyof Fields]: z.infer<Fields[K]> }, SettingsFields> = true;

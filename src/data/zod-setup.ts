/**
 * Zod compiles fast parsers into generated code (the Function constructor)
 * unless told not to. Extension
 * pages forbid eval, and in a content script the probe itself would be
 * reported to the page as a CSP violation, so the JIT is off everywhere.
 * Imported (for its side effect) by every module that defines schemas.
 */
// zod/mini shares zod's core (and so this setting) without bringing zod's full API into a page.
import { config } from 'zod/mini';

config({ jitless: true });

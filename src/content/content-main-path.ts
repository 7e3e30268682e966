/** Where the build puts the content script's module (scripts/lazy-modules-plugin.ts; listed in web_accessible_resources). */
export const CONTENT_MAIN_PATH = 'src/content/content-main.js';

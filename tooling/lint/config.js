/**
 * The repository's ESLint rules (flat config), loaded by ../../eslint.config.js. Three jobs:
 *
 * - the rooms: which folder may import which (import-x/no-restricted-paths), so the extension's
 *   contexts, the shared code and the dataset keep the dependency directions the README draws;
 * - what src/ must never do: build HTML or code from strings, or touch the network (the README's
 *   "no network requests at all"); the end-to-end no-network test watches a session, these rules
 *   every code path;
 * - typescript-eslint's recommended rules, without type information (see package.json here).
 *
 * tests/unit/lint-rules.test.ts lints bad snippets with this config and expects each rule to fire.
 */
import Module, { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

// typescript-eslint's parser needs TypeScript's JavaScript API, which TypeScript 7 (the native
// compiler this project type-checks with) does not have. This package brings TypeScript 5 for it,
// and npm installs it here, but hoists the parser's helpers (ts-api-utils) to the root, where
// `typescript` is 7. So, in the lint process only, every `require('typescript')` gets version 5.
const typescript5 = createRequire(import.meta.url).resolve('typescript');
const resolveFilename = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  return request === 'typescript' ? typescript5 : resolveFilename.call(this, request, ...rest);
};
const { default: tseslint } = await import('typescript-eslint');
const { createNodeResolver, importX } = await import('eslint-plugin-import-x');
const { default: globals } = await import('globals');

const root = fileURLToPath(new URL('../..', import.meta.url));

/** Extension contexts: each is its own bundle and runs in its own world. */
const CONTEXTS = ['./src/background', './src/content', './src/popup', './src/options', './src/ui'];

const zones = [
  {
    target: './src/content',
    from: ['./src/background', './src/popup', './src/options'],
    message: 'The content script runs in web pages: it shares code only through src/shared, src/data and src/ui/kit.',
  },
  {
    // The in-page card shows badges and sources as the popup does: those components are the UI kit.
    target: './src/content',
    from: './src/ui',
    except: ['./kit'],
    message: 'The content script runs in web pages: of src/ui it uses the kit only (src/ui/kit: no UiApi, no browser).',
  },
  {
    target: './src/ui/kit',
    from: './src/ui',
    except: ['./kit'],
    message: 'The UI kit is shared with the in-page card: it imports nothing else from src/ui (no UiApi, no browser).',
  },
  { target: './src/shared', from: CONTEXTS, message: 'src/shared is pure code every context imports; it imports none of them.' },
  {
    target: './src/data',
    from: ['./src/shared', ...CONTEXTS],
    message: 'src/data is the ground floor: the dataset, its schema and its vocabulary import nothing above them.',
  },
  {
    target: './src',
    from: ['./tests', './bench', './scripts', './tooling'],
    message: 'Shipped code never imports tests or tooling.',
  },
  {
    // The scan is one room: the rest of the content script uses its index.ts only.
    target: ['./src/content/*.ts', './src/content/!(scan)/**/*'],
    from: './src/content/scan',
    except: ['./index.ts'],
    message: 'Import the scan through src/content/scan (its index.ts); the rest is private to it.',
  },
  {
    target: ['./src/background', './src/popup', './src/options'],
    from: ['./src/content'],
    message: 'Other contexts do not import the content script; move what both need to src/shared.',
  },
];

/** Network APIs: the extension makes no requests at all. */
const NETWORK_GLOBALS = ['fetch', 'XMLHttpRequest', 'WebSocket', 'EventSource', 'WebTransport', 'RTCPeerConnection', 'importScripts'].map(
  (name) => ({ name, message: 'The extension makes no network requests (README, Privacy).' }),
);

const REMOTE_URL = '/^(?:https?:)?\\/\\//';

/** HTML or code from strings, and network access by property (globalThis.fetch, navigator.sendBeacon...). */
const FORBIDDEN_SYNTAX = [
  {
    selector: 'AssignmentExpression > MemberExpression.left[property.name=/^(?:innerHTML|outerHTML)$/]',
    message: 'Never parse strings as HTML: build nodes, or render text with Preact.',
  },
  {
    selector: 'AssignmentExpression > MemberExpression.left[property.value=/^(?:innerHTML|outerHTML)$/]',
    message: 'Never parse strings as HTML: build nodes, or render text with Preact.',
  },
  { selector: 'JSXAttribute[name.name="dangerouslySetInnerHTML"]', message: 'Never render strings as HTML.' },
  { selector: 'Property[key.name="dangerouslySetInnerHTML"]', message: 'Never render strings as HTML.' },
  { selector: `ImportExpression > Literal[value=${REMOTE_URL}]`, message: 'No remote code: everything ships in the extension.' },
  { selector: `ImportDeclaration > Literal[value=${REMOTE_URL}]`, message: 'No remote code: everything ships in the extension.' },
  {
    selector: `JSXAttribute[name.name=/^(?:src|href|action|srcset|poster)$/] Literal[value=${REMOTE_URL}]`,
    message: 'No hard-coded remote address in markup: only dataset sources are linked, and they are checked.',
  },
];

const FORBIDDEN_PROPERTIES = [
  { property: 'insertAdjacentHTML', message: 'Never parse strings as HTML.' },
  { property: 'createContextualFragment', message: 'Never parse strings as HTML.' },
  { object: 'document', property: 'write', message: 'Never write strings into the document.' },
  { object: 'document', property: 'writeln', message: 'Never write strings into the document.' },
  { property: 'fetch', message: 'The extension makes no network requests (README, Privacy).' },
  { property: 'sendBeacon', message: 'The extension makes no network requests (README, Privacy).' },
  ...NETWORK_GLOBALS.filter((g) => g.name !== 'fetch').map(({ name, message }) => ({ property: name, message })),
];

export default tseslint.config(
  {
    ignores: ['**/node_modules/**', 'dist/**', '.scratch/**', 'bench/results/**', 'coverage/**', '**/*.js', '**/*.cjs', '**/*.mjs'],
  },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    plugins: { 'import-x': importX },
    languageOptions: { ecmaVersion: 2023, sourceType: 'module' },
    settings: {
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.tsx', '.js', '.json', '.d.ts'] })],
    },
    rules: {
      'import-x/no-restricted-paths': ['error', { basePath: root, zones }],
      // Unused arguments are documentation in callbacks (`(_type, sender) => ...`); `_` marks them.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
    },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser, ...globals.webextensions } },
    rules: {
      'no-eval': 'error',
      'no-implied-eval': 'error',
      'no-new-func': 'error',
      'no-script-url': 'error',
      'no-restricted-globals': ['error', ...NETWORK_GLOBALS],
      'no-restricted-properties': ['error', ...FORBIDDEN_PROPERTIES],
      'no-restricted-syntax': ['error', ...FORBIDDEN_SYNTAX],
    },
  },
  {
    // The content script carries the scan, not the claim checker (a third of its code, compiled in every tab):
    // the checker comes with the claim module a page loads only when it checks claims itself (issue 16).
    files: ['src/content/**/*.{ts,tsx}', 'src/shared/scan-matcher.ts'],
    ignores: ['src/content/claim-module.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/shared/matcher', './matcher', '**/claims/*', '!**/claims/fold', '!**/claims/types'],
              allowTypeImports: true,
              message: 'The content script scans with ScanMatcher; the claim checker comes with the claim module (claim-module.ts).',
            },
          ],
        },
      ],
    },
  },
  {
    // The UI pages reach the browser only through ui/api.ts's Platform (browser-platform.ts),
    // so components run against a mock; and every string a reader sees comes from _locales.
    files: ['src/popup/**/*.{ts,tsx}', 'src/options/**/*.{ts,tsx}', 'src/ui/**/*.{ts,tsx}'],
    ignores: ['src/ui/browser-platform.ts', 'src/popup/index.tsx', 'src/options/index.tsx'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [{ name: 'webextension-polyfill', message: 'UI code talks to the browser through UiApi (ui/api.ts).' }] },
      ],
      'no-restricted-syntax': [
        'error',
        ...FORBIDDEN_SYNTAX,
        {
          selector: 'MemberExpression[object.name=/^(?:browser|chrome)$/]',
          message: 'UI code talks to the browser through UiApi (ui/api.ts), so it can run against a mock.',
        },
        { selector: 'JSXText[value=/[A-Za-z\\u3400-\\u9fff]/]', message: 'UI text comes from public/_locales (t()), never from the code.' },
        {
          selector: 'JSXAttribute[name.name=/^(?:aria-label|placeholder|title|alt)$/] > Literal',
          message: 'UI text comes from public/_locales (t()), never from the code.',
        },
      ],
    },
  },
  {
    files: ['tests/**/*.{ts,tsx}', 'bench/**/*.ts', 'scripts/**/*.ts', 'tooling/**/*.ts', '*.config.ts'],
    languageOptions: { globals: { ...globals.node } },
  },
);

// The rules live in tooling/lint/config.js, beside the TypeScript 5 that typescript-eslint's parser needs.
export { default } from './tooling/lint/config.js';

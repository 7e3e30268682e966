/** Set by vite.config.ts: a hash of the package version and the dataset files (see there). */
declare const __FF_BUILD_ID__: string;

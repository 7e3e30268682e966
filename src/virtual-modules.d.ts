/** Modules the build generates (see scripts/matcher-tables-plugin.ts). */
declare module 'virtual:frontier-facts/matcher-tables' {
  /** The scan's part; the claim part is loaded on first need (src/content/claim-tables-loader.ts). */
  const tables: Omit<import('./shared/matcher-tables').LazyMatcherTables, 'loadClaims'>;
  export default tables;
}

declare module 'virtual:frontier-facts/claim-tables' {
  /** The claim part: compiled into the module a page loads when it checks claims itself (src/content/claim-module.ts). */
  const tables: import('./shared/matcher-tables').ClaimTables;
  export default tables;
}

/** Modules the build generates (see scripts/matcher-tables-plugin.ts). */
declare module 'virtual:frontier-facts/matcher-tables' {
  const tables: import('./shared/matcher-tables').MatcherTables;
  export default tables;
}

/**
 * The module a page imports when it must check claims itself (the background did not answer: remote-claims.ts):
 * the claim part of the matcher's tables and the checker's code, neither of which the content script carries.
 * Built on its own next to the content script (scripts/lazy-modules-plugin.ts) and loaded by
 * claim-tables-loader.ts.
 */
import claimTables from 'virtual:frontier-facts/claim-tables';
import { ClaimChecker, type CheckerConfig } from '../shared/claims/checker';
import type { LoadedClaims } from '../shared/matcher-tables';

const loaded: LoadedClaims = { ...claimTables, createChecker: (config: CheckerConfig) => new ClaimChecker(config) };
export default loaded;

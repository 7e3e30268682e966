/**
 * The matcher with the claim checker's code: what the background, the build's checks and the tests use. The
 * content script uses ScanMatcher alone (scan-matcher.ts) and gets the checker only with the claim tables it
 * loads when it must check claims itself.
 */
import { ClaimChecker, type CheckerConfig } from './claims/checker';
import { ScanMatcher } from './scan-matcher';

export * from './scan-matcher';

export class Matcher extends ScanMatcher {
  protected override newChecker(config: CheckerConfig): ClaimChecker {
    return new ClaimChecker(config);
  }
}

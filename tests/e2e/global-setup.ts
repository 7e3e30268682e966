/** Fails fast, with the fix in the message, when the build or a browser is missing. */
import { assertBuilt, BROWSERS, findBinary } from '../../tooling/browsers';

export default function setup(): void {
  for (const name of BROWSERS) {
    assertBuilt(name);
    findBinary(name);
  }
}

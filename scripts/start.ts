/**
 * `npm start`: builds, serves the demo article on 127.0.0.1 and opens it in a
 * real browser with the extension loaded (Chromium by default, `npm start --
 * firefox` for Firefox ESR). Without a display it runs headless, saves a
 * screenshot of the demo with a card open to dist/demo.png and prints what
 * the extension found. Stop with Ctrl+C.
 */
import { execFileSync } from 'node:child_process';
import { launch, type BrowserName } from '../tooling/browsers';
import { centerOf, readCard, waitFor } from '../tooling/page-helpers';
import { startServer } from '../tooling/server';

const name: BrowserName = process.argv.includes('firefox') ? 'firefox' : 'chromium';
execFileSync('npx', ['tsx', 'scripts/build.ts', name === 'firefox' ? 'firefox' : 'chrome'], { stdio: 'inherit' });

const server = await startServer();
const url = server.url('/demo/');
const headless = !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY;
const browser = await launch(name, { headless });
const page = await browser.newPage();
await page.goto(url);
const report = await browser.waitForReady(url);
console.log(`\nFrontier Facts is running in ${name} on ${url}`);
console.log(`  ${report.mentions.length} mentions, ${report.claims.length} flagged claims:`);
for (const claim of report.claims) console.log(`  ✗ [${claim.verdict}] ${claim.sentence}`);

if (headless) {
  // No screen to show: hover the first flagged sentence, as a reader would, and save a picture of
  // the page from its headline down with the card open below the mark (a viewport tall enough for both).
  await page.resize(1280, 900);
  await page.bringToFront();
  await page.evaluate(() => window.scrollTo(0, 0));
  const at = await centerOf(page, 'former President Donald Trump', false);
  await page.mouseMove(at.x, at.y);
  let last = '';
  await waitFor(
    async () => {
      const card = await readCard(page);
      if (!card || card.text.includes('Loading')) return false;
      const key = JSON.stringify(card.rect);
      const stable = key === last; // laid out: the same box twice
      last = key;
      return stable;
    },
    10_000,
    'the card',
  );
  await page.screenshot('dist/demo.png');
  console.log('\nNo display found, so the browser ran headless: see dist/demo.png.');
  await browser.close();
  await server.close();
} else {
  console.log(
    '\nHover a dotted or wavy underline to see its card; Alt+Shift+F steps through the marks, Alt+Shift+M hides them. Ctrl+C to stop.',
  );
  process.on('SIGINT', () => void browser.close().finally(() => server.close().finally(() => process.exit(0))));
}

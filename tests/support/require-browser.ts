/** Run before `npm test`: stops with a clear message when no Chromium can be found. */
import { findChromium } from './chromium.ts';

const path = findChromium();
if (!path) {
	console.error(`No Chromium found for the browser tests.

Install one of:
  • Debian/Ubuntu:  sudo apt-get install -y chromium      (gives /usr/bin/chromium)
  • any machine:    npx playwright install chromium        (Playwright's own build)
or point CHROMIUM_PATH at a Chromium or Chrome executable, e.g.
  CHROMIUM_PATH=/path/to/chrome npm test`);
	process.exit(1);
}
console.log(`Browser tests use ${path}`);

/**
 * Which Chromium the browser tests drive. Order: $CHROMIUM_PATH, the Debian package's
 * /usr/bin/chromium, then Playwright's own download (on machines that have it).
 */
import { existsSync } from 'node:fs';
import { chromium } from 'playwright';

const SYSTEM_CHROMIUM = '/usr/bin/chromium';

/** The executable to launch, or undefined when none can be found. */
export function findChromium(): string | undefined {
	const candidates = [
		process.env.CHROMIUM_PATH,
		SYSTEM_CHROMIUM,
		safe(() => chromium.executablePath())
	];
	return candidates.find((path): path is string => !!path && existsSync(path));
}

function safe(get: () => string): string | undefined {
	try {
		return get();
	} catch {
		return undefined;
	}
}

/** Launch options for Playwright and Vitest's browser mode. */
export function chromiumLaunchOptions() {
	return {
		executablePath: findChromium(),
		// Root in CI and containers needs --no-sandbox; the rest keep a closed network quiet.
		args: [
			'--no-sandbox',
			'--disable-gpu',
			'--disable-quic',
			'--no-first-run',
			'--disable-background-networking',
			'--disable-component-update',
			'--disable-sync'
		]
	};
}

import { defineConfig, devices } from '@playwright/test';
import { chromiumLaunchOptions } from './support/chromium.ts';

// PW_PORT (and COURSEKIT_BUILD_DIR, which the build and preview read) let a second run go on
// beside the first, with a build of its own.
const PORT = Number(process.env.PW_PORT ?? 4173);

export default defineConfig({
	testDir: '.',
	testMatch: '**/*.test.ts',
	outputDir: './.results',
	fullyParallel: true,
	// Whole journeys (a quiz by keyboard, an assignment round trip) take 15–25 s on the 2-core
	// CI machine; leave room so a busy moment is not a failure.
	timeout: 90_000,
	forbidOnly: !!process.env.CI,
	retries: process.env.CI ? 1 : 0,
	workers: 2,
	reporter: process.env.CI ? [['list']] : [['list']],
	use: {
		baseURL: `http://localhost:${PORT}`,
		trace: 'retain-on-failure'
	},
	projects: [
		{
			name: 'chromium',
			use: { ...devices['Desktop Chrome'], launchOptions: chromiumLaunchOptions() }
		}
	],
	webServer: {
		// The tests run against the static build, as a student's browser sees it. CI (.ci/run) has
		// just built it, so it is served as it is; elsewhere it is built first.
		command: `${process.env.CI ? '' : 'npm run build && '}npm run preview -- --port ${PORT} --strictPort`,
		cwd: '..',
		port: PORT,
		reuseExistingServer: !process.env.CI,
		timeout: 180_000
	}
});

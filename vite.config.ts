import { sveltekit } from '@sveltejs/kit/vite';
import { playwright } from '@vitest/browser-playwright';
import { defineConfig, type Plugin } from 'vitest/config';
import { loadCourses } from './src/lib/content/load.ts';
import { readContentFiles } from './src/lib/content/read-dir.ts';
import { formatContentError } from './src/lib/content/errors.ts';
import { chromiumLaunchOptions } from './tests/support/chromium.ts';

/**
 * Modules in the chunk every page loads. Keep it to what the root layout needs on every page:
 * anything here is downloaded by every visitor.
 */
const FRAMEWORK = new RegExp(
	[
		String.raw`node_modules[\\/](svelte|@sveltejs[\\/]kit|devalue|clsx|esm-env)[\\/]`,
		String.raw`vite[\\/]preload-helper`,
		String.raw`src[\\/]lib[\\/](progress[\\/]slot|progress[\\/]due-hint|lrs[\\/]wanted|ui[\\/]href)\.`
	].join('|')
);

/**
 * The learner store and what it always loads with it (the database code, idb, the record checks),
 * as one file: a quiz's Start, "mark as done" or a practice question fetches them together.
 */
const STORAGE = new RegExp(
	[
		String.raw`node_modules[\\/]idb[\\/]`,
		String.raw`src[\\/]lib[\\/](progress[\\/](db|store\.svelte|records)|quiz[\\/]attempt-guard|dates)\.ts`
	].join('|')
);

/** Refuses to build when quizzes/ has errors, listing all of them like `npm run content:check`. */
function contentCheck(): Plugin {
	return {
		name: 'coursekit:content-check',
		apply: 'build',
		buildStart() {
			const { errors } = loadCourses(readContentFiles(process.cwd()));
			if (errors.length) {
				this.error(
					`${errors.length} content error${errors.length === 1 ? '' : 's'}:\n` +
						errors.map(formatContentError).join('\n')
				);
			}
		}
	};
}

export default defineConfig({
	plugins: [contentCheck(), sveltekit()],
	// `npm run package` sets COURSEKIT_PACKAGE (src/lib/package.ts); the normal site has null.
	define: { __COURSEKIT_PACKAGE__: process.env.COURSEKIT_PACKAGE || 'null' },
	build: {
		rolldownOptions: {
			output: {
				codeSplitting: {
					// What every page loads (issue 13): the Svelte runtime, SvelteKit's client and the
					// few modules of ours the root layout imports, as one file rather than ten. Small files
					// compress badly on their own: one saves 1.7 KB gzip on every page.
					groups: [
						{ name: 'framework', test: FRAMEWORK },
						{ name: 'storage', test: STORAGE }
					]
				}
			}
		}
	},
	test: {
		expect: { requireAssertions: true },
		projects: [
			{
				extends: './vite.config.ts',
				test: {
					name: 'client',
					browser: {
						enabled: true,
						headless: true,
						provider: playwright({ launchOptions: chromiumLaunchOptions() }),
						instances: [{ browser: 'chromium' }]
					},
					include: ['src/**/*.svelte.{test,spec}.{js,ts}']
				}
			},
			{
				extends: './vite.config.ts',
				test: {
					name: 'server',
					environment: 'node',
					include: ['src/**/*.{test,spec}.{js,ts}'],
					exclude: ['src/**/*.svelte.{test,spec}.{js,ts}']
				}
			}
		]
	}
});

import prettier from 'eslint-config-prettier';
import js from '@eslint/js';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';
import svelteConfig from './svelte.config.js';

export default ts.config(
	{
		ignores: [
			'build/',
			'dist/',
			'.tmp/',
			'.svelte-kit/',
			'.svelte-kit-package/',
			'node_modules/',
			'test-results/',
			'playwright-report/'
		]
	},
	js.configs.recommended,
	...ts.configs.recommended,
	...svelte.configs.recommended,
	prettier,
	...svelte.configs.prettier,
	{
		languageOptions: { globals: { ...globals.browser, ...globals.node } },
		rules: {
			// typescript-eslint recommends this off for TypeScript projects: tsc already checks it.
			'no-undef': 'off',
			// zod must be configured (jitless, for our CSP) before use: import it from $lib/zod.
			'no-restricted-imports': [
				'error',
				{ paths: [{ name: 'zod', message: 'Import { z } from $lib/zod (configured jitless).' }] }
			]
		}
	},
	{
		files: ['src/lib/zod.ts'],
		rules: { 'no-restricted-imports': 'off' }
	},
	{
		files: ['**/*.svelte', '**/*.svelte.ts', '**/*.svelte.js'],
		languageOptions: {
			parserOptions: {
				projectService: true,
				extraFileExtensions: ['.svelte'],
				parser: ts.parser,
				svelteConfig
			}
		}
	}
);

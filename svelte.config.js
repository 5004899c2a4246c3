import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/**
 * Set by `npm run package` (src/scripts/package.ts) when building a package for an LMS:
 * `{ out, lrsOrigins, … }`. The normal site has none.
 * @type {{ out: string; lrsOrigins: string[] } | null}
 */
const pkg = process.env.COURSEKIT_PACKAGE ? JSON.parse(process.env.COURSEKIT_PACKAGE) : null;
/**
 * An origin for `connect-src`, or null: https, or http on this computer (tests). The same rule
 * as `allowedLrsOrigins` in src/lib/lrs/endpoint.ts, which refuses any other endpoint.
 * @param {string} text
 */
function lrsOrigin(text) {
	try {
		const url = new URL(text.trim());
		const local = ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
		return url.protocol === 'https:' || (url.protocol === 'http:' && local) ? url.origin : null;
	} catch {
		return null;
	}
}
/** LRS origins the site may send statements to (the outbox; a cmi5 package's LRS). */
const lrsOrigins = [
	...new Set(
		[...(process.env.VITE_COURSEKIT_LRS_ORIGINS ?? '').split(','), ...(pkg?.lrsOrigins ?? [])]
			.map(lrsOrigin)
			.filter((origin) => origin !== null)
	)
];

/**
 * Where the site is built: `build/`, a package's folder, or COURSEKIT_BUILD_DIR (a second build
 * beside the first, e.g. for a benchmark while tests serve `build/`). Anything but `build/` gets
 * a SvelteKit output folder of its own, so that it never replaces what `vite preview` serves.
 */
const out = pkg?.out ?? process.env.COURSEKIT_BUILD_DIR ?? 'build';
const outDir =
	out === 'build' ? undefined : `.svelte-kit-package/${out.split(/[\\/]/).filter(Boolean).pop()}`;

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	compilerOptions: {
		runes: true
	},
	kit: {
		// Every page is prerendered; 404.html lets static hosts show the app's own "not found" page.
		adapter: adapter({
			pages: out,
			assets: out,
			fallback: pkg ? undefined : '404.html',
			strict: true
		}),
		// A package builds apart, so that it never replaces the site that `vite preview` serves.
		...(outDir ? { outDir } : {}),
		// An LMS serves a package's files as they are: no service worker (src/service-worker.ts
		// would cache the LMS's pages), so a package points `files.serviceWorker` at nothing.
		// Its links are to `.html` files, which src/package-hooks.ts reroutes.
		...(pkg
			? {
					files: {
						serviceWorker: 'src/no-service-worker-in-packages',
						hooks: { universal: 'src/package-hooks' }
					}
				}
			: {}),
		// Stylesheets this small go inline: no render-blocking request before the first paint
		// (issue 13, Lighthouse). The CSP allows each by its hash (SvelteKit adds them).
		inlineStyleThreshold: 8 * 1024,
		prerender: {
			handleHttpError: 'fail',
			// A link to a #section that does not exist fails the build.
			handleMissingId: 'fail'
		},
		// Registered by hand (src/lib/ui/UpdatePrompt.svelte) so the page can offer updates.
		serviceWorker: { register: false },
		csp: {
			mode: 'hash',
			directives: {
				'default-src': ['self'],
				'script-src': ['self'],
				'style-src': ['self'],
				// SvelteKit's route announcer (for screen readers) carries one fixed inline style;
				// allow exactly that attribute by its hash rather than any inline style.
				'style-src-attr': ['unsafe-hashes', 'sha256-S8qMpvofolR8Mpjy4kQvEm7m1q8clzU4dfDH0AmvZjo='],
				'img-src': ['self', 'data:'],
				'font-src': ['self'],
				'connect-src': ['self', ...lrsOrigins],
				'object-src': ['none'],
				'base-uri': ['self'],
				'form-action': ['self'],
				'worker-src': ['self'],
				'manifest-src': ['self']
			}
		}
	}
};

export default config;

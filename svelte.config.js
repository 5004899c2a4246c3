import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	compilerOptions: {
		runes: true
	},
	kit: {
		// Every page is prerendered; 404.html lets static hosts show the app's own "not found" page.
		adapter: adapter({ fallback: '404.html', strict: true }),
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
				'connect-src': ['self'],
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

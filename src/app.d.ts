// See https://svelte.dev/docs/kit/types#app.d.ts
declare global {
	/** Set by vite.config.ts: the package being built (`npm run package`), or null. */
	const __COURSEKIT_PACKAGE__: import('$lib/package').PackageConfig | null;

	namespace App {
		interface Error {
			message: string;
		}
	}
}

export {};

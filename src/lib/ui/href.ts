/**
 * Links between pages. `href` is SvelteKit's `resolve`, except in a package for an LMS, where a
 * page is linked by its file (`courses/x.html`), since an LMS serves plain files (see package.ts).
 * The build constant (not `PACKAGE`) lets the normal site's bundle fold this to `resolve` itself.
 */
import { resolve } from '$app/paths';
import { asFile } from '$lib/package';

export const href: typeof resolve = __COURSEKIT_PACKAGE__
	? (((...args: Parameters<typeof resolve>) => asFile(resolve(...args))) as typeof resolve)
	: resolve;

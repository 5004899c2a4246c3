/**
 * The package this build is, when `npm run package` built it for an LMS (DESIGN.md, "Inside an
 * LMS"); null for the normal site. A build-time constant: code behind `if (PACKAGE)` is left out
 * of the normal site's pages altogether.
 */
import type { PackageFormat } from './lms/manifest.ts';

export interface PackageConfig {
	format: PackageFormat;
	courseId: string;
	/** Set when the package is one quiz (`--quiz`). */
	quizId?: string;
	/** What the LMS is told about (see lms/report.ts): the package's lessons and quizzes. */
	lessons: string[];
	quizzes: { id: string; passMark: number }[];
}

export const PACKAGE: PackageConfig | null = __COURSEKIT_PACKAGE__;

/**
 * A link as a package needs it. An LMS serves a package as plain files, with no URL rewriting,
 * so every page is linked by its file: `courses/x.html`, `index.html`. Elsewhere `path` as is.
 */
export function asFile(path: string): string {
	if (!PACKAGE) return path;
	const cut = path.search(/[?#]/);
	const [pathname, rest] = cut < 0 ? [path, ''] : [path.slice(0, cut), path.slice(cut)];
	if (/\.[a-z0-9]+$/i.test(pathname)) return path;
	const file =
		pathname === '' || pathname === '.' || pathname.endsWith('/')
			? `${pathname || '.'}${pathname.endsWith('/') ? '' : '/'}index.html`
			: `${pathname}.html`;
	return file + rest;
}

/**
 * The route path of a page file under `base` (`…/x.html` → `…/x`; the root's `index.html` →
 * `…/`), else undefined.
 */
export function routeOfFile(pathname: string, base: string): string | undefined {
	if (pathname === `${base}/index.html`) return `${base}/`;
	if (pathname.endsWith('.html')) return pathname.slice(0, -'.html'.length);
	return undefined;
}

/**
 * Universal hooks of a package build only (svelte.config.js names this file then; the normal
 * site has no universal hooks). In a package for an LMS, pages are linked by their files (`courses/x.html`,
 * see lib/package.ts); `reroute` maps such a file to its route so that the app still navigates
 * without reloading (a reload would end the LMS session).
 */
import type { Reroute } from '@sveltejs/kit';
import { base } from '$app/paths';
import { PACKAGE, routeOfFile } from '$lib/package';

export const reroute: Reroute | undefined = PACKAGE
	? ({ url }) => routeOfFile(url.pathname, base)
	: undefined;

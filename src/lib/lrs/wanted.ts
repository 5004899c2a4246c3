/**
 * Whether a page has an LRS to report to, answered without loading any LRS code, so that the
 * pages of a site with no LRS do not grow (SiteNotices asks this on every page). The keys are
 * where `config.ts` keeps the configuration of this tab and `start.ts` notes waiting statements.
 */

/** sessionStorage: the classic xAPI launch parameters this tab was opened with. */
export const LAUNCH_KEY = 'coursekit:lrs-launch';
/** sessionStorage: the LRS of the assignment this tab opened. */
export const ASSIGNMENT_KEY = 'coursekit:lrs-assignment';
/** localStorage: statements wait in the outbox (so that a later visit sends them). */
export const PENDING_KEY = 'coursekit:lrs-pending';

function has(storage: () => Storage, key: string): boolean {
	try {
		return storage().getItem(key) !== null;
	} catch {
		return false;
	}
}

/** True when `url` has launch parameters (not cmi5's, which carry `fetch`). */
export const hasLaunchParameters = (url: URL) =>
	url.searchParams.has('endpoint') && !url.searchParams.has('fetch');

/**
 * True when this page should start the LRS sender: launch parameters in its address, a launch or
 * assignment LRS kept by this tab, a build-time endpoint, or statements still waiting.
 */
export function lrsWanted(url: URL, buildEndpoint = import.meta.env.VITE_COURSEKIT_LRS): boolean {
	return (
		hasLaunchParameters(url) ||
		!!buildEndpoint ||
		has(() => sessionStorage, LAUNCH_KEY) ||
		has(() => sessionStorage, ASSIGNMENT_KEY) ||
		has(() => localStorage, PENDING_KEY)
	);
}

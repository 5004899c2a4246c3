/**
 * Starts (or updates) xAPI reporting for the page at `url`, when it has an LRS: an assignment's
 * (in the address) or one `lrsWanted` finds. Loaded by SiteNotices only when one of those may
 * apply, so that a site with no LRS never downloads it; see start.ts.
 */
import { resolve } from '$app/paths';
import type { Assignment } from '../assign/assignment.ts';
import type { StoreSlot } from '../progress/slot.svelte.ts';
import { lrsWanted } from './wanted.ts';

export async function reportToLrs(url: URL, slot: StoreSlot): Promise<void> {
	let assignment: Assignment | null = null;
	if (url.hash.startsWith('#a1.')) {
		const { decodeAssignment } = await import('../assign/assignment.ts');
		const decoded = await decodeAssignment(url.hash);
		if (decoded.ok && decoded.assignment.lrs) assignment = decoded.assignment;
	}
	if (!assignment && !lrsWanted(url)) return;
	const [{ startLrs }, store] = await Promise.all([import('./start.ts'), slot.load()]);
	await startLrs(store, {
		url,
		assignment,
		baseIri: new URL(resolve('/'), location.href).href,
		// `auth` leaves the address bar (and the history entry) at once.
		replaceUrl: (clean) => history.replaceState(history.state, '', clean)
	});
}

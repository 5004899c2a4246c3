/**
 * Whether this browser has ever stored Coursekit progress, asked without opening storage or
 * loading its code: a page that only shows stored progress (quiz states, review cards) can skip
 * the storage code on a first visit. Lists databases, which opens none (db.ts stays the only
 * module that opens one). When the browser cannot say, or in a package (whose learner's database
 * has another name), the answer is yes, so that the page loads storage and finds out.
 */
export async function storedBefore(): Promise<boolean> {
	if (__COURSEKIT_PACKAGE__) return true;
	try {
		const names = (await indexedDB.databases()).map((d) => d.name);
		return names.includes('coursekit');
	} catch {
		return true;
	}
}

/**
 * One tab writes an attempt at a time (Web Locks). Other tabs hear of every change through the
 * learner store's BroadcastChannel and show it read-only.
 */

export interface AttemptLock {
	/** False when another tab holds the attempt: this tab shows it read-only. */
	owner: boolean;
	release(): void;
}

/** Tries to take the attempt's lock; holds it until released or the tab closes. */
export async function lockAttempt(attemptId: string): Promise<AttemptLock> {
	const locks = globalThis.navigator?.locks;
	if (!locks) return { owner: true, release() {} };
	let release = () => {};
	const held = new Promise<void>((resolve) => (release = resolve));
	const owner = await new Promise<boolean>((resolve) => {
		locks
			.request(`coursekit:attempt:${attemptId}`, { ifAvailable: true }, (lock) => {
				resolve(lock !== null);
				return lock ? held : undefined;
			})
			.catch(() => resolve(true));
	});
	return { owner, release };
}

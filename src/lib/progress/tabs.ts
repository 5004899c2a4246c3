/**
 * Tab coordination: one tab writes an attempt at a time (Web Locks); every tab hears of saved
 * attempts (BroadcastChannel) and shows them.
 */
import type { Attempt } from '$lib/quiz/attempt';
import { isAttempt } from '$lib/quiz/attempt-guard';

const CHANNEL = 'coursekit';

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

/** Tells other tabs that an attempt was saved. */
export function announceAttempt(attempt: Attempt): void {
	if (typeof BroadcastChannel === 'undefined') return;
	const channel = new BroadcastChannel(CHANNEL);
	channel.postMessage({ type: 'attempt', attempt });
	channel.close();
}

/** Calls `onAttempt` with every valid attempt another tab saves; returns an unsubscribe. */
export function listenForAttempts(onAttempt: (attempt: Attempt) => void): () => void {
	if (typeof BroadcastChannel === 'undefined') return () => {};
	const channel = new BroadcastChannel(CHANNEL);
	channel.onmessage = (event: MessageEvent) => {
		const message = event.data as { type?: unknown; attempt?: unknown } | null;
		if (message?.type !== 'attempt') return;
		if (isAttempt(message.attempt)) onAttempt(message.attempt);
	};
	return () => channel.close();
}

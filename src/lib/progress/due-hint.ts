/**
 * The navigation's "Review 3 due" badge on pages that never open the learner store: the store
 * mirrors when each review card is next due into localStorage (a hint, never a record: the
 * database stays the one copy), and the badge counts the dates that have passed. Reading it
 * costs no IndexedDB connection and none of the storage code.
 */
const keyOf = (database: string) => `coursekit:review-due:${database}`;

/** Mirrors the due dates of `dueIndex` (question id → ISO date) for `database`. */
export function writeDueHint(database: string, dueIndex: Record<string, string>): void {
	try {
		localStorage.setItem(keyOf(database), JSON.stringify(Object.values(dueIndex)));
	} catch {
		// Storage off or full: the badge shows once the store is open, as before.
	}
}

/** The mirrored due dates of `database` (ISO), or null when there is no mirror. */
export function dueDatesFromHint(database: string): string[] | null {
	try {
		const stored = localStorage.getItem(keyOf(database));
		if (stored === null) return null;
		const dates: unknown = JSON.parse(stored);
		return Array.isArray(dates)
			? dates.filter((d): d is string => typeof d === 'string' && !Number.isNaN(Date.parse(d)))
			: null;
	} catch {
		return null;
	}
}

/** How many mirrored cards of `database` are due at `now` (0 when there is no mirror). */
export function dueFromHint(database: string, now = Date.now()): number {
	try {
		const dates: unknown = JSON.parse(localStorage.getItem(keyOf(database)) ?? '[]');
		if (!Array.isArray(dates)) return 0;
		return dates.filter((d) => typeof d === 'string' && Date.parse(d) <= now).length;
	} catch {
		return 0;
	}
}

/** Whether a storage event is about the mirror of `database`. */
export const isDueHint = (event: StorageEvent, database: string) => event.key === keyOf(database);

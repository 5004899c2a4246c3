/**
 * A small index of when each review card is next due (question id → ISO date), kept in the
 * `meta` store so that every page can show the due count without loading the scheduler. The
 * review page and the quiz result screen refresh it whenever they compute cards.
 */
import { getMeta, openCoursekitDB, setMeta, type CoursekitDB } from '$lib/progress/db';
import type { ReviewCard } from './schedule.ts';

const KEY = 'review-due';

async function readIndex(db: CoursekitDB): Promise<Record<string, string>> {
	const stored = await getMeta(db, KEY);
	if (!stored || typeof stored !== 'object' || Array.isArray(stored)) return {};
	return Object.fromEntries(
		Object.entries(stored).filter(([, v]) => typeof v === 'string' && !Number.isNaN(Date.parse(v)))
	);
}

/** Records the due dates of `cards`, keeping those of other questions. */
export async function updateDueIndex(db: CoursekitDB, cards: readonly ReviewCard[]): Promise<void> {
	const index = await readIndex(db);
	for (const card of cards) index[card.questionId] = card.due.toISOString();
	await setMeta(db, KEY, index);
}

/** How many cards are due at `now` (0 when storage is unavailable). */
export async function countDue(now: Date): Promise<number> {
	try {
		const index = await readIndex(await openCoursekitDB());
		return Object.values(index).filter((due) => Date.parse(due) <= now.getTime()).length;
	} catch {
		return 0;
	}
}

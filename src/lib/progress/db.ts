/**
 * The browser's IndexedDB database `coursekit`, through `idb`. Records are validated when read:
 * one that fails is moved to the `quarantine` store (kept, recoverable), never dropped or crashed on.
 */
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { Attempt } from '$lib/quiz/attempt';
import { isAttempt } from '$lib/quiz/attempt-guard';
import { LATEST_VERSION, MIGRATIONS } from './migrations';
import type { ReviewEvent } from '$lib/review/schedule';

export const DB_NAME = 'coursekit';
export const DB_VERSION = LATEST_VERSION;

export interface QuarantinedRecord {
	id?: number;
	store: string;
	key: string;
	record: unknown;
	reason: string;
	at: string;
}

interface CoursekitSchema extends DBSchema {
	attempts: {
		key: string;
		value: Attempt;
		indexes: { byQuiz: [string, string] };
	};
	quarantine: {
		key: number;
		value: QuarantinedRecord;
	};
	/** Small named records: the profile, the automatic backup taken before a restore. */
	meta: {
		key: string;
		value: { key: string; value: unknown };
	};
	/** Lessons marked as done, keyed `courseId/lessonId`. */
	lessons: {
		key: string;
		value: { key: string; at: string };
	};
	/** Answers given in spaced-repetition review. */
	reviews: {
		key: string;
		value: ReviewEvent;
	};
}

export type CoursekitDB = IDBPDatabase<CoursekitSchema>;

/** Opens (and creates or upgrades) the database; rejects when storage is unavailable. */
export function openCoursekitDB(): Promise<CoursekitDB> {
	if (typeof indexedDB === 'undefined')
		return Promise.reject(new Error('IndexedDB is not available'));
	return openDB<CoursekitSchema>(DB_NAME, DB_VERSION, {
		upgrade(db, oldVersion) {
			// Stores are created step by step; the record transforms of each step (migrations.ts)
			// are identities so far, so no record needs rewriting here yet.
			for (const step of MIGRATIONS.filter((m) => m.version > oldVersion)) {
				for (const store of step.stores) {
					const created = db.createObjectStore(store.name as 'attempts', {
						keyPath: store.keyPath,
						autoIncrement: store.autoIncrement
					});
					if (store.name === 'attempts') created.createIndex('byQuiz', ['courseId', 'quizId']);
				}
			}
		}
	});
}

/** The valid attempts at one quiz, oldest first; invalid records go to quarantine. */
export async function attemptsForQuiz(
	db: CoursekitDB,
	courseId: string,
	quizId: string
): Promise<Attempt[]> {
	const raw: unknown[] = await db.getAllFromIndex('attempts', 'byQuiz', [courseId, quizId]);
	return (await validOnly(db, raw)).sort((a, b) => a.startedAt.localeCompare(b.startedAt));
}

/** Every valid attempt in the database. */
export async function allAttempts(db: CoursekitDB): Promise<Attempt[]> {
	return validOnly(db, await db.getAll('attempts'));
}

async function validOnly(db: CoursekitDB, raw: unknown[]): Promise<Attempt[]> {
	const valid: Attempt[] = [];
	for (const record of raw) {
		if (isAttempt(record)) valid.push(record);
		else await quarantine(db, 'attempts', record, 'not a valid attempt record');
	}
	return valid;
}

async function quarantine(db: CoursekitDB, store: 'attempts', record: unknown, reason: string) {
	const key = String((record as { id?: unknown } | null)?.id ?? '');
	const tx = db.transaction([store, 'quarantine'], 'readwrite');
	await tx
		.objectStore('quarantine')
		.add({ store, key, record, reason, at: new Date().toISOString() });
	if (key) await tx.objectStore(store).delete(key);
	await tx.done;
}

/**
 * Saves an attempt unless the stored copy is submitted or newer: a submitted attempt never
 * changes, and a stale tab never overwrites newer work. Resolves to what is stored afterwards.
 */
export async function saveAttempt(db: CoursekitDB, attempt: Attempt): Promise<Attempt> {
	const tx = db.transaction('attempts', 'readwrite');
	const stored: unknown = await tx.store.get(attempt.id);
	if (isAttempt(stored) && (stored.submittedAt || stored.revision > attempt.revision)) {
		await tx.done;
		return stored;
	}
	await tx.store.put(attempt);
	await tx.done;
	return attempt;
}

/** Records that failed validation, for the recovery screen. */
export async function quarantined(db: CoursekitDB): Promise<QuarantinedRecord[]> {
	return db.getAll('quarantine');
}

/** A value of the `meta` store (undefined when absent). */
export async function getMeta(db: CoursekitDB, key: string): Promise<unknown> {
	return (await db.get('meta', key))?.value;
}

export async function setMeta(db: CoursekitDB, key: string, value: unknown): Promise<void> {
	await db.put('meta', { key, value });
}

/** Lessons marked as done. */
export async function lessonsDone(db: CoursekitDB): Promise<{ key: string; at: string }[]> {
	return (await db.getAll('lessons')).filter(
		(l) => typeof l?.key === 'string' && typeof l?.at === 'string'
	);
}

export async function setLessonDone(db: CoursekitDB, key: string, done: boolean, at: Date) {
	if (done) await db.put('lessons', { key, at: at.toISOString() });
	else await db.delete('lessons', key);
}

/** Writes a planned restore in one transaction: all of it lands, or none. */
export async function applyRestore(
	db: CoursekitDB,
	attempts: Attempt[],
	lessons: { key: string; at: string }[],
	profile: unknown,
	reviews: ReviewEvent[] = []
) {
	const tx = db.transaction(['attempts', 'lessons', 'meta', 'reviews'], 'readwrite');
	for (const attempt of attempts) await tx.objectStore('attempts').put(attempt);
	for (const review of reviews) await tx.objectStore('reviews').put(review);
	for (const lesson of lessons) await tx.objectStore('lessons').put(lesson);
	await tx.objectStore('meta').put({ key: 'profile', value: profile });
	await tx.done;
}

const RATINGS = new Set(['again', 'hard', 'good', 'easy']);

const isReviewEvent = (r: unknown): r is ReviewEvent => {
	const e = r as ReviewEvent | null;
	return (
		typeof e?.id === 'string' &&
		typeof e.courseId === 'string' &&
		typeof e.questionId === 'string' &&
		typeof e.at === 'string' &&
		!Number.isNaN(Date.parse(e.at)) &&
		RATINGS.has(e.rating)
	);
};

/** Every stored review answer (malformed ones are skipped). */
export async function allReviews(db: CoursekitDB): Promise<ReviewEvent[]> {
	return (await db.getAll('reviews')).filter(isReviewEvent);
}

export async function saveReview(db: CoursekitDB, event: ReviewEvent): Promise<void> {
	await db.put('reviews', event);
}

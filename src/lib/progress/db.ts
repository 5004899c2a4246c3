/**
 * The browser's IndexedDB database `coursekit`, through `idb`. Only the learner store
 * (`store.svelte.ts`) calls this module: it opens the one connection of a tab, runs the
 * migrations of `migrations.ts` on upgrade (loaded only then), and checks every record it reads. A record that
 * fails its check is moved to the `quarantine` store (kept, downloadable), never dropped.
 * What a quiz, a lesson and review need is here; backups, restore, the gradebook's imports and
 * the xAPI outbox are in `db-more.ts`, which the store loads when one of them is used.
 */
import { openDB, type IDBPDatabase, type IDBPTransaction } from 'idb';
import type { Attempt } from '../quiz/attempt.ts';
import type { Profile } from '../results/schema.ts';
import type { ReviewEvent } from '../review/schedule.ts';
import type { Snapshot } from './migrations.ts';
import { LATEST_VERSION, VERSIONS } from './versions.ts';
import {
	isAttempt,
	isDueIndex,
	isLessonDone,
	isProfile,
	isReviewEvent,
	type LessonDone,
	type QuarantinedRecord
} from './records.ts';

export type { RestoreWrite } from './db-more.ts';

export const DB_NAME = 'coursekit';
export const DB_VERSION = LATEST_VERSION;

// Records are checked on read, so the database is typed loosely here and precisely in `Loaded`.
export type CoursekitDB = IDBPDatabase<unknown>;
export type Tx = IDBPTransaction<unknown, string[], 'versionchange' | 'readwrite'>;

export interface ConnectionEvents {
	/** Another tab still has an older version open and has not closed it yet. */
	blocked(): void;
	/** Another tab is upgrading the database: this connection has been closed. */
	outdated(): void;
	/** The browser closed the connection (storage cleared, disk error). */
	closed(): void;
}

type Migrations = typeof import('./migrations.ts');

/**
 * Opens (and creates or upgrades) the database; rejects when storage is unavailable. A new
 * database gets the stores of `versions.ts`; one with data from an older version is upgraded by
 * `migrations.ts`, which loads only then: the first try aborts that upgrade (nothing changes),
 * and the second runs it.
 */
export async function openDatabase(
	events: ConnectionEvents,
	name: string = DB_NAME
): Promise<CoursekitDB> {
	if (typeof indexedDB === 'undefined') throw new Error('IndexedDB is not available');
	let migrations: Migrations | null = null;
	for (;;) {
		let needsMigrations = false;
		let opened: CoursekitDB | undefined = undefined;
		try {
			opened = await openDB(name, DB_VERSION, {
				upgrade: (db, oldVersion, _newVersion, tx) => {
					if (oldVersion > 0 && !migrations) {
						needsMigrations = true;
						abort(tx as Tx);
					} else void upgrade(db, oldVersion, tx as Tx, migrations);
				},
				blocked: () => events.blocked(),
				blocking: () => {
					// Let the other tab upgrade: an open connection would hold it up for as long as
					// this tab stays open.
					opened?.close();
					events.outdated();
				},
				terminated: () => events.closed()
			});
			return opened;
		} catch (error) {
			if (!needsMigrations) throw error;
			migrations = await import('./migrations.ts');
		}
	}
}

/**
 * Creates the stores of every version after `oldVersion` and, for a database that had data,
 * moves it through the migrations' `up` steps, all inside the upgrade transaction: if any step
 * fails, the upgrade aborts and the database stays as it was.
 */
async function upgrade(
	database: CoursekitDB,
	oldVersion: number,
	tx: Tx,
	migrations: Migrations | null
) {
	try {
		const before: Snapshot = {};
		for (const name of database.objectStoreNames)
			before[name] = await tx.objectStore(name).getAll();
		const after = migrations ? migrations.migrate(before, oldVersion, LATEST_VERSION) : before;
		for (const step of VERSIONS.filter((v) => v.version > oldVersion)) {
			for (const store of step.stores) {
				const created = database.createObjectStore(store.name, {
					keyPath: store.keyPath,
					autoIncrement: store.autoIncrement
				});
				for (const index of store.indexes ?? []) created.createIndex(index.name, index.keyPath);
			}
		}
		for (const [name, records] of Object.entries(after)) {
			// A step that leaves a store alone returns the same array: nothing to rewrite.
			if (records === before[name]) continue;
			const store = tx.objectStore(name);
			await store.clear();
			for (const record of records) await store.put(record);
		}
	} catch {
		// Half an upgrade must never commit: abort, and the database stays at its old version.
		abort(tx);
	}
}

export function abort(tx: Tx) {
	tx.done.catch(() => {});
	try {
		tx.abort();
	} catch {
		// Already aborted by the failed request.
	}
}

/** Everything a learner has stored, each record checked. */
export interface Loaded {
	/** Null for a new learner, or when the stored profile was set aside. */
	profile: Profile | null;
	attempts: Attempt[];
	lessons: LessonDone[];
	reviews: ReviewEvent[];
	dueIndex: Record<string, string>;
	quarantine: QuarantinedRecord[];
}

export interface Bad {
	store: string;
	key: IDBValidKey;
	record: unknown;
	reason: string;
}

/** Reads every store; records that fail their check are moved to quarantine. */
export async function readAll(db: CoursekitDB): Promise<Loaded> {
	const tx = db.transaction(['attempts', 'lessons', 'reviews', 'meta', 'quarantine'], 'readonly');
	const read = async (store: string) => {
		const [keys, values] = await Promise.all([
			tx.objectStore(store).getAllKeys(),
			tx.objectStore(store).getAll()
		]);
		return { keys, values: values as unknown[] };
	};
	const [attempts, lessons, reviews, meta, quarantine] = await Promise.all([
		read('attempts'),
		read('lessons'),
		read('reviews'),
		read('meta'),
		tx.objectStore('quarantine').getAll()
	]);
	await tx.done;

	const bad: Bad[] = [];
	const keep = <T>(
		store: string,
		rows: { keys: IDBValidKey[]; values: unknown[] },
		check: (v: unknown) => v is T,
		noun: string
	): T[] => {
		const split = splitValid(store, rows.keys, rows.values, check, noun);
		bad.push(...split.bad);
		return split.good;
	};
	const metaValue = <T>(key: string, check: (v: unknown) => v is T, noun: string) => {
		const i = meta.keys.indexOf(key);
		if (i < 0) return undefined;
		const record = meta.values[i];
		const value = (record as { value?: unknown } | undefined)?.value;
		if (check(value)) return value;
		bad.push({ store: 'meta', key, record, reason: `not a valid ${noun}` });
		return undefined;
	};

	const loaded: Loaded = {
		attempts: keep('attempts', attempts, isAttempt, 'attempt'),
		lessons: keep('lessons', lessons, isLessonDone, 'lesson record'),
		reviews: keep('reviews', reviews, isReviewEvent, 'review answer'),
		dueIndex: metaValue('review-due', isDueIndex, 'review schedule') ?? {},
		profile: metaValue('profile', isProfile, 'profile') ?? null,
		quarantine: quarantine as QuarantinedRecord[]
	};
	loaded.quarantine = [...loaded.quarantine, ...(await setAsideQuietly(db, bad))];
	return loaded;
}

/** The records of `store` that pass `check`, and the others as records to set aside. */
export function splitValid<T>(
	store: string,
	keys: IDBValidKey[],
	values: unknown[],
	check: (value: unknown) => value is T,
	noun: string
): { good: T[]; bad: Bad[] } {
	const bad: Bad[] = [];
	const good = values.filter((value, i): value is T => {
		if (check(value)) return true;
		bad.push({ store, key: keys[i], record: value, reason: `not a valid ${noun}` });
		return false;
	});
	return { good, bad };
}

/**
 * Sets records aside without stopping the page: if that fails, the bad records stay where they
 * are and are skipped again next time.
 */
export const setAsideQuietly = (db: CoursekitDB, bad: Bad[]) =>
	quarantineRecords(db, bad).catch(() => [] as QuarantinedRecord[]);

const metaOf = (record: unknown) => (record as { value?: unknown } | undefined)?.value;

/**
 * Moves records to the quarantine store, in one transaction. With `removeOriginals: false` they
 * are copied only (entries of a list that the caller stores again without them).
 */
export async function quarantineRecords(
	db: CoursekitDB,
	bad: Bad[],
	removeOriginals = true
): Promise<QuarantinedRecord[]> {
	if (!bad.length) return [];
	const stores = [...new Set(bad.map((b) => b.store)), 'quarantine'];
	const tx = db.transaction(stores, 'readwrite');
	const at = new Date().toISOString();
	const moved: QuarantinedRecord[] = [];
	for (const { store, key, record, reason } of bad) {
		const entry: QuarantinedRecord = { store, key: String(key), record, reason, at };
		entry.id = (await tx.objectStore('quarantine').add(entry)) as number;
		if (removeOriginals) await tx.objectStore(store).delete(key);
		moved.push(entry);
	}
	await tx.done;
	return moved;
}

/**
 * Saves an attempt unless the stored copy is submitted or newer: a submitted attempt never
 * changes, and a stale tab never overwrites newer work. Resolves to what is stored afterwards.
 */
export async function putAttempt(db: CoursekitDB, attempt: Attempt): Promise<Attempt> {
	const tx = db.transaction('attempts', 'readwrite');
	// The read and the write go together, so that the write does not wait for the read's answer
	// to reach this thread (which is busy drawing the change); a stored copy that wins rolls the
	// write back, which it can because the transaction cannot commit before the read is handled.
	const reading = tx.store.get(attempt.id);
	const writing = tx.store.put(attempt);
	writing.catch(() => {}); // Awaited below, unless rolled back on purpose.
	const stored: unknown = await reading;
	if (isAttempt(stored) && (stored.submittedAt || stored.revision > attempt.revision)) {
		tx.abort();
		await tx.done.catch(() => {});
		return stored;
	}
	await writing;
	await tx.done;
	return attempt;
}

export async function putMeta(db: CoursekitDB, key: string, value: unknown): Promise<void> {
	await db.put('meta', { key, value });
}

/** A `meta` value as stored (unchecked: the caller checks it). */
export async function getMeta(db: CoursekitDB, key: string): Promise<unknown> {
	return metaOf(await db.get('meta', key));
}

export async function setLessonDone(db: CoursekitDB, lesson: LessonDone, done: boolean) {
	if (done) await db.put('lessons', lesson);
	else await db.delete('lessons', lesson.key);
}

export async function putReview(db: CoursekitDB, event: ReviewEvent): Promise<void> {
	await db.put('reviews', event);
}

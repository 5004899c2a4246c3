/**
 * The browser's IndexedDB database `coursekit`, through `idb`. Only the learner store
 * (`store.svelte.ts`) calls this module: it opens the one connection of a tab, runs the
 * migrations of `migrations.ts` on upgrade, and checks every record it reads. A record that
 * fails its check is moved to the `quarantine` store (kept, downloadable), never dropped.
 */
import { openDB, type IDBPDatabase, type IDBPTransaction } from 'idb';
import type { Attempt } from '../quiz/attempt.ts';
import type { Profile } from '../results/schema.ts';
import type { ReviewEvent } from '../review/schedule.ts';
import { LATEST_VERSION, MIGRATIONS, migrate, type Snapshot } from './migrations.ts';
import {
	KEEP_BACKUPS,
	isAttempt,
	isDueIndex,
	isLessonDone,
	isOutboxEntry,
	isProfile,
	isReviewEvent,
	isStoredBackup,
	isStoredImport,
	type LessonDone,
	type OutboxEntry,
	type OutboxInput,
	type QuarantinedRecord,
	type StoredBackup,
	type StoredImport
} from './records.ts';

export const DB_NAME = 'coursekit';
export const DB_VERSION = LATEST_VERSION;

// Records are checked on read, so the database is typed loosely here and precisely in `Loaded`.
export type CoursekitDB = IDBPDatabase<unknown>;
type Tx = IDBPTransaction<unknown, string[], 'versionchange' | 'readwrite'>;

export interface ConnectionEvents {
	/** Another tab still has an older version open and has not closed it yet. */
	blocked(): void;
	/** Another tab is upgrading the database: this connection has been closed. */
	outdated(): void;
	/** The browser closed the connection (storage cleared, disk error). */
	closed(): void;
}

/** Opens (and creates or upgrades) the database; rejects when storage is unavailable. */
export async function openDatabase(
	events: ConnectionEvents,
	name: string = DB_NAME
): Promise<CoursekitDB> {
	if (typeof indexedDB === 'undefined') throw new Error('IndexedDB is not available');
	let opened: CoursekitDB | undefined = undefined;
	opened = await openDB(name, DB_VERSION, {
		upgrade: (db, oldVersion, _newVersion, tx) => void upgrade(db, oldVersion, tx as Tx),
		blocked: () => events.blocked(),
		blocking: () => {
			// Let the other tab upgrade: an open connection would hold it up for as long as this
			// tab stays open.
			opened?.close();
			events.outdated();
		},
		terminated: () => events.closed()
	});
	return opened;
}

/**
 * Creates the stores of every version after `oldVersion` and moves the data through the
 * migrations' `up` steps, all inside the upgrade transaction: if any step fails, the upgrade
 * aborts and the database stays as it was.
 */
async function upgrade(database: CoursekitDB, oldVersion: number, tx: Tx) {
	try {
		const before: Snapshot = {};
		for (const name of database.objectStoreNames)
			before[name] = await tx.objectStore(name).getAll();
		const after = migrate(before, oldVersion, LATEST_VERSION);
		for (const step of MIGRATIONS.filter((m) => m.version > oldVersion)) {
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

function abort(tx: Tx) {
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

interface Bad {
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
function splitValid<T>(
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
const setAsideQuietly = (db: CoursekitDB, bad: Bad[]) =>
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

/** The records of `store` that pass `check`; the others go to quarantine ("not a valid …"). */
async function validOrSetAside<T>(
	db: CoursekitDB,
	store: string,
	keys: IDBValidKey[],
	values: unknown[],
	check: (value: unknown) => value is T,
	noun: string
): Promise<T[]> {
	const { good, bad } = splitValid(store, keys, values, check, noun);
	await setAsideQuietly(db, bad);
	return good;
}

/** Pre-restore backups, newest first (envelopes checked; bad ones go to quarantine). */
export async function readBackups(db: CoursekitDB): Promise<StoredBackup[]> {
	const tx = db.transaction('backups', 'readonly');
	const [keys, values] = await Promise.all([tx.store.getAllKeys(), tx.store.getAll()]);
	await tx.done;
	const good = await validOrSetAside(db, 'backups', keys, values, isStoredBackup, 'backup');
	return good.sort((a, b) => b.at.localeCompare(a.at));
}

/** What a restore writes; see `results/restore.ts`. */
export interface RestoreWrite {
	attempts: Attempt[];
	lessons: LessonDone[];
	reviews: ReviewEvent[];
	profile: Profile;
	/** Replace everything (putting a backup back) rather than merge into it. */
	replace?: boolean;
}

/**
 * Applies a restore in one transaction, after keeping `before` (the state it replaces) as a
 * backup and trimming the backups to the newest three. Any failure aborts all of it.
 */
export async function applyRestore(db: CoursekitDB, write: RestoreWrite, before: StoredBackup) {
	const tx = db.transaction(['attempts', 'lessons', 'reviews', 'meta', 'backups'], 'readwrite');
	try {
		const backups = tx.objectStore('backups');
		await backups.put(before);
		const kept = ((await backups.getAll()) as unknown[])
			.filter(isStoredBackup)
			.sort((a, b) => b.at.localeCompare(a.at) || b.id.localeCompare(a.id));
		for (const old of kept.slice(KEEP_BACKUPS)) await backups.delete(old.id);
		if (write.replace) {
			for (const store of ['attempts', 'lessons', 'reviews']) await tx.objectStore(store).clear();
		}
		for (const attempt of write.attempts) await tx.objectStore('attempts').put(attempt);
		for (const lesson of write.lessons) await tx.objectStore('lessons').put(lesson);
		for (const review of write.reviews) await tx.objectStore('reviews').put(review);
		await tx.objectStore('meta').put({ key: 'profile', value: write.profile });
		await tx.done;
	} catch (error) {
		abort(tx);
		throw error;
	}
}

/** The gradebook's imports for one assignment (`scope`), oldest first; bad ones set aside. */
export async function readImports(db: CoursekitDB, scope: string): Promise<StoredImport[]> {
	const tx = db.transaction('imports', 'readonly');
	const index = tx.store.index('byScope');
	const [keys, values] = await Promise.all([index.getAllKeys(scope), index.getAll(scope)]);
	await tx.done;
	const good = await validOrSetAside(db, 'imports', keys, values, isStoredImport, 'import');
	return good.sort((a, b) => a.at.localeCompare(b.at) || a.id.localeCompare(b.id));
}

/** Keeps imported files, in one transaction. */
export async function putImports(db: CoursekitDB, imports: readonly StoredImport[]) {
	const tx = db.transaction('imports', 'readwrite');
	for (const item of imports) await tx.store.put(item);
	await tx.done;
}

export async function deleteImports(db: CoursekitDB, ids: readonly string[]) {
	const tx = db.transaction('imports', 'readwrite');
	for (const id of ids) await tx.store.delete(id);
	await tx.done;
}

// ── the xAPI outbox (see lrs/) ──

const inState = (state: OutboxEntry['state']) =>
	IDBKeyRange.bound([state, 0], [state, Number.MAX_SAFE_INTEGER]);

/**
 * Queues statements after the last one, in one transaction; a statement whose id is already in
 * the outbox (waiting or sent) is skipped, so queueing again never sends twice. Resolves to the
 * entries added.
 */
export async function enqueueStatements(
	db: CoursekitDB,
	inputs: readonly OutboxInput[],
	at: string
): Promise<OutboxEntry[]> {
	const tx = db.transaction('outbox', 'readwrite');
	const index = tx.store.index('byQueue');
	// The last of each state bounds the numbers used so far.
	const [lastWaiting, lastSent] = [
		await index.openCursor(inState('waiting'), 'prev'),
		await index.openCursor(inState('sent'), 'prev')
	];
	let seq = Math.max(seqOf(lastWaiting?.value), seqOf(lastSent?.value));
	const added: OutboxEntry[] = [];
	for (const input of inputs) {
		const id = input.statement.id;
		if ((await tx.store.getKey(id)) !== undefined || added.some((e) => e.id === id)) continue;
		const entry: OutboxEntry = { id, seq: ++seq, state: 'waiting', ...input, at };
		if (entry.auth === undefined) delete entry.auth;
		if (entry.attemptId === undefined) delete entry.attemptId;
		await tx.store.put(entry);
		added.push(entry);
	}
	await tx.done;
	return added;
}

const seqOf = (record: unknown) => {
	const seq = (record as { seq?: unknown } | undefined)?.seq;
	return typeof seq === 'number' && Number.isSafeInteger(seq) ? seq : 0;
};

/** The first `limit` waiting statements, in queue order (bad records go to quarantine). */
export async function readOutbox(db: CoursekitDB, limit?: number): Promise<OutboxEntry[]> {
	const tx = db.transaction('outbox', 'readonly');
	const index = tx.store.index('byQueue');
	const [keys, values] = await Promise.all([
		index.getAllKeys(inState('waiting'), limit),
		index.getAll(inState('waiting'), limit)
	]);
	await tx.done;
	return validOrSetAside(db, 'outbox', keys, values, isOutboxEntry, 'queued statement');
}

/** How many statements wait to be sent. */
export async function countOutbox(db: CoursekitDB): Promise<number> {
	return db.countFromIndex('outbox', 'byQueue', inState('waiting'));
}

/** The ids of every statement queued or sent. */
export async function outboxIds(db: CoursekitDB): Promise<string[]> {
	return (await db.getAllKeys('outbox')) as string[];
}

/**
 * Marks statements as delivered: each keeps its id, order and endpoint, and drops its body and
 * credentials. One transaction.
 */
export async function markSent(db: CoursekitDB, ids: readonly string[], at: string) {
	const tx = db.transaction('outbox', 'readwrite');
	for (const id of ids) {
		const entry: unknown = await tx.store.get(id);
		if (!isOutboxEntry(entry) || entry.state === 'sent') continue;
		const { seq, endpoint, attemptId } = entry;
		await tx.store.put({
			id,
			seq,
			state: 'sent',
			endpoint,
			...(attemptId ? { attemptId } : {}),
			at: entry.at,
			sentAt: at
		});
	}
	await tx.done;
}

/**
 * The rarer half of `db.ts`: pre-restore backups and restore, the gradebook's imported files and
 * the xAPI outbox. The learner store loads it when one of them is first used, so that a quiz or a
 * lesson does not download it. Records are checked on read like everywhere else.
 */
import type { Attempt } from '../quiz/attempt.ts';
import type { Profile } from '../results/schema.ts';
import type { ReviewEvent } from '../review/schedule.ts';
import { abort, setAsideQuietly, splitValid, type CoursekitDB } from './db.ts';
import { KEEP_BACKUPS, isOutboxEntry, isStoredBackup, isStoredImport } from './records-more.ts';
import type {
	LessonDone,
	OutboxEntry,
	OutboxInput,
	StoredBackup,
	StoredImport
} from './records.ts';

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

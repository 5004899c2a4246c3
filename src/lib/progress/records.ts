/**
 * The records of the `coursekit` database and the checks each one passes when it is read. The
 * checks are small hand-written guards rather than zod, because every page reads storage and zod
 * would cost student pages several KB; `records.spec.ts` holds each guard to the zod schema of
 * the backup file (the same shapes) on arbitrary input.
 */
import type { Profile } from '../results/schema.ts';
import type { ReviewEvent } from '../review/schedule.ts';
import {
	LIMITS,
	hasFields,
	isIsoInstant,
	isPlainObject,
	type Fields
} from '../quiz/attempt-guard.ts';

export { isAttempt } from '../quiz/attempt-guard.ts';

/** A lesson marked as done, keyed `courseId/lessonId`. */
export interface LessonDone {
	key: string;
	at: string;
}

/** A record that failed its check: kept as it was, shown on `/progress`, downloadable. */
export interface QuarantinedRecord {
	id?: number;
	store: string;
	key: string;
	record: unknown;
	reason: string;
	at: string;
}

/** The state before a restore, kept so that `/progress` can offer it back. */
export interface StoredBackup {
	id: string;
	at: string;
	reason: 'restore' | 'undo';
	/** A backup file; validated with the backup file schema when it is used. */
	backup: unknown;
}

/** How many pre-restore backups are kept. */
export const KEEP_BACKUPS = 3;

const text = (min: number, max: number) => (v: unknown) =>
	typeof v === 'string' && v.length >= min && v.length <= max;
const id = text(1, LIMITS.id);

const LEARNER: Fields = {
	id: { check: id },
	name: { check: text(0, 120), optional: true },
	studentId: { check: text(0, 120), optional: true },
	email: { check: text(0, 254), optional: true },
	username: { check: text(0, 254), optional: true }
};

/** Same rules as the `Profile` schema of the backup file. */
export const isProfile = (value: unknown): value is Profile =>
	hasFields(value, {
		learner: { check: (v) => hasFields(v, LEARNER) },
		lastBackupAt: { check: isIsoInstant, optional: true }
	});

/** Same rules as a `lessonsDone` entry of the backup file. */
export const isLessonDone = (value: unknown): value is LessonDone =>
	hasFields(value, { key: { check: text(0, LIMITS.id * 2 + 1) }, at: { check: isIsoInstant } });

const RATINGS = new Set<unknown>(['again', 'hard', 'good', 'easy']);

/** Same rules as a `reviews` entry of the backup file. */
export const isReviewEvent = (value: unknown): value is ReviewEvent =>
	hasFields(value, {
		id: { check: id },
		courseId: { check: id },
		questionId: { check: id },
		at: { check: isIsoInstant },
		rating: { check: (v) => RATINGS.has(v) }
	});

/** The review due index: question id → ISO date. */
export const isDueIndex = (value: unknown): value is Record<string, string> =>
	isPlainObject(value) && Object.entries(value).every(([k, v]) => id(k) && isIsoInstant(v));

/** A pre-restore backup's envelope (its file is checked by the backup schema when used). */
export const isStoredBackup = (value: unknown): value is StoredBackup =>
	hasFields(value, {
		id: { check: id },
		at: { check: isIsoInstant },
		reason: { check: (v) => v === 'restore' || v === 'undo' },
		backup: { check: isPlainObject }
	});

/** A results file the instructor imported into the gradebook, kept per assignment (`scope`). */
export interface StoredImport {
	id: string;
	/** The assignment id it was imported for, or '' for none. */
	scope: string;
	/** The file name, or "pasted code N". */
	source: string;
	/** The results file's JSON text, checked again with the results schema when it is read. */
	text: string;
	at: string;
}

/** The largest import kept: the cap on a results file. */
const MAX_IMPORT_CHARS = 5 * 1024 * 1024;

export const isStoredImport = (value: unknown): value is StoredImport =>
	hasFields(value, {
		id: { check: id },
		scope: { check: text(0, LIMITS.id) },
		source: { check: text(1, 500) },
		text: { check: text(1, MAX_IMPORT_CHARS) },
		at: { check: (v) => typeof v === 'string' && !Number.isNaN(Date.parse(v)) }
	});

/**
 * An xAPI statement in the outbox (`lrs/`). A waiting entry holds the statement and where it
 * goes; once the LRS has it, the entry keeps only its id, order and endpoint (`state: 'sent'`),
 * so that the same statement is never queued again.
 */
export interface OutboxEntry {
	/** The statement's id (a UUID). */
	id: string;
	/** Its place in the queue: statements are sent in this order. */
	seq: number;
	state: 'waiting' | 'sent';
	/** The LRS endpoint it goes to (ends with `/`). */
	endpoint: string;
	/**
	 * The Authorization header it was queued under (from the launch), so that it can still be
	 * sent after the tab closed; dropped once it is sent.
	 */
	auth?: string;
	/** The attempt it reports on, if any. */
	attemptId?: string;
	/** The statement itself, while it waits. */
	statement?: Record<string, unknown>;
	/** When it was queued, and when the LRS took it. */
	at: string;
	sentAt?: string;
}

/** A statement to queue: what `LearnerStore.enqueue` takes (it numbers and dates them). */
export type OutboxInput = Pick<OutboxEntry, 'endpoint' | 'auth' | 'attemptId'> & {
	statement: Record<string, unknown> & { id: string };
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const isOutboxEntry = (value: unknown): value is OutboxEntry =>
	hasFields(value, {
		id: { check: (v) => typeof v === 'string' && UUID.test(v) },
		seq: { check: (v) => Number.isSafeInteger(v) && (v as number) > 0 },
		state: { check: (v) => v === 'waiting' || v === 'sent' },
		endpoint: { check: text(1, 2_000) },
		auth: { check: text(1, 4_000), optional: true },
		attemptId: { check: id, optional: true },
		statement: {
			check: (v) => isPlainObject(v) && v.id === (value as { id?: unknown }).id,
			optional: true
		},
		at: { check: isIsoInstant },
		sentAt: { check: isIsoInstant, optional: true }
	}) &&
	// A waiting entry without its statement could never be sent.
	(value.state === 'sent' || value.statement !== undefined);

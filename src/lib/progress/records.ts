/**
 * The records of the `coursekit` database and the checks each one passes when it is read. The
 * checks are small hand-written guards rather than zod, because every page reads storage and zod
 * would cost student pages several KB; `records.spec.ts` holds each guard to the zod schema of
 * the backup file (the same shapes) on arbitrary input. The checks of the rarer records (backups,
 * imports, the outbox) are in `records-more.ts`, with the database code that reads them.
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

export const text = (min: number, max: number) => (v: unknown) =>
	typeof v === 'string' && v.length >= min && v.length <= max;
export const id = text(1, LIMITS.id);

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

/**
 * The records of the `coursekit` database and the checks each one passes when it is read. The
 * checks are small hand-written guards rather than zod, because every page reads storage and zod
 * would cost student pages several KB; `records.spec.ts` holds each guard to the zod schema of
 * the backup file (the same shapes) on arbitrary input.
 */
import type { Profile } from '../results/schema.ts';
import type { ReviewEvent } from '../review/schedule.ts';
import { LIMITS } from '../quiz/attempt-guard.ts';

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

type Fields = Record<string, { check: (v: unknown) => boolean; optional?: true }>;

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
	typeof value === 'object' &&
	value !== null &&
	!Array.isArray(value) &&
	(Object.getPrototypeOf(value) === Object.prototype || Object.getPrototypeOf(value) === null);

const text = (min: number, max: number) => (v: unknown) =>
	typeof v === 'string' && v.length >= min && v.length <= max;
const isoDate = (v: unknown) =>
	typeof v === 'string' && v.length <= 40 && !Number.isNaN(Date.parse(v));
const id = text(1, LIMITS.id);

/** True when `value` has exactly these fields (no others), each passing its check. */
function hasFields(value: unknown, fields: Fields): value is Record<string, unknown> {
	if (!isPlainObject(value)) return false;
	for (const key of Object.keys(value)) if (!Object.hasOwn(fields, key)) return false;
	return Object.entries(fields).every(([key, { check, optional }]) =>
		Object.hasOwn(value, key) && value[key] !== undefined ? check(value[key]) : !!optional
	);
}

const LEARNER: Fields = {
	id: { check: id },
	name: { check: text(0, 120), optional: true },
	studentId: { check: text(0, 120), optional: true },
	email: { check: text(0, 254), optional: true }
};

/** Same rules as the `Profile` schema of the backup file. */
export const isProfile = (value: unknown): value is Profile =>
	hasFields(value, {
		learner: { check: (v) => hasFields(v, LEARNER) },
		lastBackupAt: { check: isoDate, optional: true }
	});

/** Same rules as a `lessonsDone` entry of the backup file. */
export const isLessonDone = (value: unknown): value is LessonDone =>
	hasFields(value, { key: { check: text(0, LIMITS.id * 2 + 1) }, at: { check: isoDate } });

const RATINGS = new Set<unknown>(['again', 'hard', 'good', 'easy']);

/** Same rules as a `reviews` entry of the backup file. */
export const isReviewEvent = (value: unknown): value is ReviewEvent =>
	hasFields(value, {
		id: { check: id },
		courseId: { check: id },
		questionId: { check: id },
		at: { check: isoDate },
		rating: { check: (v) => RATINGS.has(v) }
	});

/** The review due index: question id → ISO date. */
export const isDueIndex = (value: unknown): value is Record<string, string> =>
	isPlainObject(value) && Object.entries(value).every(([k, v]) => id(k) && isoDate(v));

/** A pre-restore backup's envelope (its file is checked by the backup schema when used). */
export const isStoredBackup = (value: unknown): value is StoredBackup =>
	hasFields(value, {
		id: { check: id },
		at: { check: isoDate },
		reason: { check: (v) => v === 'restore' || v === 'undo' },
		backup: { check: isPlainObject }
	});

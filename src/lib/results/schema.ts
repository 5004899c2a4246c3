/**
 * The results file (DESIGN.md, "The results file"): what a learner hands in and the gradebook
 * re-grades. Every string and array has a maximum; only raw answers are trusted by the gradebook.
 */
import * as z from '../zod-mini.ts';
import { AnswerValue, Attempt, idRecord, isoDate } from '../quiz/attempt-schema.ts';
import { LIMITS } from '../quiz/attempt-guard.ts';

export const RESULTS_FORMAT = 'coursekit-results';
export const RESULTS_VERSION = 1;
export const BACKUP_FORMAT = 'coursekit-backup';
export const BACKUP_VERSION = 1;

const text = (max: number) => z.string().check(z.maxLength(max));
const id = z.string().check(z.minLength(1), z.maxLength(LIMITS.id));

export const Learner = z.strictObject({
	/** Pseudonymous by default: a random id made in the learner's browser. */
	id,
	name: z.optional(text(120)),
	studentId: z.optional(text(120)),
	email: z.optional(text(254)),
	/** The name the learner logs in to their LMS with (Moodle username, Canvas login ID). */
	username: z.optional(text(254))
});
export type Learner = z.infer<typeof Learner>;

/** One submitted attempt as handed in: raw answers, seed, content hash and the claimed score. */
export const ResultAttempt = z.strictObject({
	attemptId: id,
	courseId: id,
	quizId: id,
	contentHash: id,
	seed: z.number().check(z.int(), z.gte(0), z.lte(2 ** 32 - 1)),
	questionIds: z.array(id).check(z.minLength(1), z.maxLength(LIMITS.questions)),
	answers: idRecord(AnswerValue),
	startedAt: isoDate,
	submittedAt: isoDate,
	submittedBy: z.enum(['learner', 'timeout']),
	/** The score the learner's browser computed, in [0, 1]. Never trusted by the gradebook. */
	score: z.number().check(z.gte(0), z.lte(1)),
	assignmentId: z.optional(id)
});
export type ResultAttempt = z.infer<typeof ResultAttempt>;

export const ResultsFile = z.strictObject({
	format: z.literal(RESULTS_FORMAT),
	version: z.literal(RESULTS_VERSION),
	app: z.strictObject({ name: z.literal('coursekit'), version: text(40) }),
	exportedAt: isoDate,
	learner: Learner,
	assignmentId: z.optional(id),
	attempts: z.array(ResultAttempt).check(z.maxLength(2_000))
});
export type ResultsFile = z.infer<typeof ResultsFile>;

export const Profile = z.strictObject({
	learner: Learner,
	/** When the last backup file was made. */
	lastBackupAt: z.optional(isoDate)
});
export type Profile = z.infer<typeof Profile>;

/** Everything a learner has in this browser, to move to another one. */
export const BackupFile = z.strictObject({
	format: z.literal(BACKUP_FORMAT),
	version: z.literal(BACKUP_VERSION),
	app: z.strictObject({ name: z.literal('coursekit'), version: text(40) }),
	exportedAt: isoDate,
	profile: Profile,
	attempts: z.array(Attempt).check(z.maxLength(5_000)),
	/** `courseId/lessonId` of lessons marked as done, with when. */
	lessonsDone: z
		.array(z.strictObject({ key: text(LIMITS.id * 2 + 1), at: isoDate }))
		.check(z.maxLength(5_000)),
	/** Spaced-repetition review answers (absent in backups made before reviews existed). */
	reviews: z.optional(
		z
			.array(
				z.strictObject({
					id,
					courseId: id,
					questionId: id,
					at: isoDate,
					rating: z.enum(['again', 'hard', 'good', 'easy'])
				})
			)
			.check(z.maxLength(50_000))
	)
});
export type BackupFile = z.infer<typeof BackupFile>;

/**
 * The zod schema of a stored attempt: the source of truth for attempts in IndexedDB, backups and
 * results files. Student pages check stored records with `isAttempt` (attempt-guard.ts), which a
 * property test holds to exactly this schema, because zod would cost a sixth of their JS budget.
 */
import * as z from '../zod-mini.ts';
import { LIMITS } from './attempt-guard.ts';

const id = z.string().check(z.minLength(1), z.maxLength(LIMITS.id));

/**
 * A date and time in strict ISO 8601 with an offset (`2026-11-25T10:00:00.000Z`,
 * `2026-11-25T02:00:00-08:00`), compared as an instant (`Date.parse`), never as text. The refine
 * keeps out what an engine cannot read as an instant (ECMAScript only promises three fraction
 * digits), so no comparison ever meets NaN. `isIsoInstant` (attempt-guard.ts) is the same rule.
 */
export const isoDate = z.iso.datetime({ offset: true }).check(
	z.maxLength(40),
	z.refine((s) => !Number.isNaN(Date.parse(s)), 'not a date')
);

/**
 * A record keyed by ids. zod skips an own `__proto__` key without a word (and would accept
 * `{ "__proto__": anything }` as `{}`); such a key is refused here, as `isAttempt` refuses it.
 */
export const idRecord = <T extends z.core.SomeType>(value: T) =>
	z.pipe(
		z.custom<unknown>(
			(v) => typeof v !== 'object' || v === null || !Object.hasOwn(v, '__proto__'),
			'a "__proto__" key is not allowed'
		),
		z.record(id, value)
	);

export const AnswerValue = z.union([
	z.string().check(z.maxLength(LIMITS.text)),
	z.boolean(),
	z.array(id).check(z.maxLength(LIMITS.choices)),
	idRecord(id)
]);

export const Attempt = z.strictObject({
	id,
	courseId: id,
	quizId: id,
	contentHash: id,
	seed: z.number().check(z.int(), z.gte(0), z.lte(2 ** 32 - 1)),
	/** The questions presented, in order (after draw and shuffle). */
	questionIds: z.array(id).check(z.minLength(1), z.maxLength(LIMITS.questions)),
	answers: idRecord(AnswerValue),
	/** Questions checked in immediate-feedback mode: their answers are locked. */
	checked: z.array(id).check(z.maxLength(LIMITS.questions)),
	flagged: z.array(id).check(z.maxLength(LIMITS.questions)),
	current: z.number().check(z.int(), z.gte(0)),
	startedAt: isoDate,
	updatedAt: isoDate,
	deadline: z.optional(isoDate),
	submittedAt: z.optional(isoDate),
	submittedBy: z.optional(z.enum(['learner', 'timeout'])),
	/** The score the browser computed at submission, in [0, 1]. */
	score: z.optional(z.number().check(z.gte(0), z.lte(1))),
	/** Bumped on every change: the newer revision wins when copies meet. */
	revision: z.number().check(z.int(), z.gte(0)),
	assignmentId: z.optional(id)
});
export type Attempt = z.infer<typeof Attempt>;

/**
 * `isAttempt`: the stored-attempt check that ships to student pages. It accepts exactly what the
 * zod schema in attempt-schema.ts accepts (a property test compares them on arbitrary input).
 */
import type { Attempt } from './attempt-schema.ts';

/** Size limits of a stored attempt, shared with the zod schema. */
export const LIMITS = { id: 200, text: 2_000, choices: 100, questions: 500 } as const;

type Check = (value: unknown) => boolean;

/** A plain object (no class instance, array or null), as JSON and structured clone make them. */
export const isPlainObject = (value: unknown): value is Record<string, unknown> =>
	typeof value === 'object' &&
	value !== null &&
	!Array.isArray(value) &&
	(Object.getPrototypeOf(value) === Object.prototype || Object.getPrototypeOf(value) === null);

const id: Check = (v) => typeof v === 'string' && v.length >= 1 && v.length <= LIMITS.id;

/** `YYYY-MM-DDThh:mm:ss[.fraction]` then `Z` or `±hh:mm`: what zod's `iso.datetime({ offset: true })` takes. */
const ISO_INSTANT =
	/^(\d{4})-(\d\d)-(\d\d)T(?:[01]\d|2[0-3]):[0-5]\d:[0-5]\d(?:\.\d+)?(?:Z|[+-](?:[01]\d|2[0-3]):[0-5]\d)$/;

const daysIn = (year: number, month: number) =>
	month === 2
		? year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0)
			? 29
			: 28
		: [4, 6, 9, 11].includes(month)
			? 30
			: 31;

/**
 * True when `v` is a date and time in strict ISO 8601 with an offset, at most 40 characters, that
 * this engine reads as an instant: the rule of `isoDate` in attempt-schema.ts, without zod. The
 * browser only ever writes `toISOString()` (UTC, `Z`), which passes.
 */
export function isIsoInstant(v: unknown): v is string {
	if (typeof v !== 'string' || v.length > 40) return false;
	const parts = ISO_INSTANT.exec(v);
	if (!parts) return false;
	// (No slice/map: the gradebook checks every date of thousands of results files.)
	const year = Number(parts[1]);
	const month = Number(parts[2]);
	const day = Number(parts[3]);
	return (
		month >= 1 &&
		month <= 12 &&
		day >= 1 &&
		day <= daysIn(year, month) &&
		!Number.isNaN(Date.parse(v))
	);
}
const int: Check = (v) => typeof v === 'number' && Number.isSafeInteger(v);
const arrayOf =
	(item: Check, min: number, max: number): Check =>
	(v) =>
		Array.isArray(v) && v.length >= min && v.length <= max && v.every(item);
const recordOf =
	(value: Check): Check =>
	(v) =>
		isPlainObject(v) &&
		Object.keys(v).every((key) => id(key) && key !== '__proto__') &&
		Object.values(v).every(value);

const answer: Check = (v) =>
	(typeof v === 'string' && v.length <= LIMITS.text) ||
	typeof v === 'boolean' ||
	arrayOf(id, 0, LIMITS.choices)(v) ||
	recordOf(id)(v);

/** Fields a record must have (or may, when optional), each with its check. */
export type Fields = Record<string, { check: Check; optional?: true }>;

/** True when `value` has exactly these fields (no others), each passing its check. */
export function hasFields(value: unknown, fields: Fields): value is Record<string, unknown> {
	if (!isPlainObject(value)) return false;
	for (const key of Object.keys(value)) if (!Object.hasOwn(fields, key)) return false;
	return Object.entries(fields).every(([key, { check, optional }]) =>
		Object.hasOwn(value, key) && value[key] !== undefined ? check(value[key]) : !!optional
	);
}

const FIELDS: Fields = {
	id: { check: id },
	courseId: { check: id },
	quizId: { check: id },
	contentHash: { check: id },
	seed: { check: (v) => int(v) && (v as number) >= 0 && (v as number) <= 2 ** 32 - 1 },
	questionIds: { check: arrayOf(id, 1, LIMITS.questions) },
	answers: { check: recordOf(answer) },
	checked: { check: arrayOf(id, 0, LIMITS.questions) },
	flagged: { check: arrayOf(id, 0, LIMITS.questions) },
	current: { check: (v) => int(v) && (v as number) >= 0 },
	startedAt: { check: isIsoInstant },
	updatedAt: { check: isIsoInstant },
	deadline: { check: isIsoInstant, optional: true },
	submittedAt: { check: isIsoInstant, optional: true },
	submittedBy: { check: (v) => v === 'learner' || v === 'timeout', optional: true },
	score: { check: (v) => typeof v === 'number' && v >= 0 && v <= 1, optional: true },
	revision: { check: (v) => int(v) && (v as number) >= 0 },
	assignmentId: { check: id, optional: true }
};

/** True when `value` is a valid stored attempt (same rules as the zod schema `Attempt`). */
export function isAttempt(value: unknown): value is Attempt {
	return hasFields(value, FIELDS);
}

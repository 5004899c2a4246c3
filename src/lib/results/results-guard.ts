/**
 * `isResultsFile`: the results-file check without zod. zod runs `jitless` here (no `eval` under
 * our Content-Security-Policy), which made validation most of a large import's time; this check
 * accepts exactly what the `ResultsFile` schema accepts (a property test compares them), so the
 * gradebook asks zod only about a file this check refuses, for the message.
 */
import { isIsoInstant, isPlainObject, LIMITS, type Fields } from '../quiz/attempt-guard.ts';
import { RESULTS_FORMAT, RESULTS_VERSION, type ResultsFile } from './schema.ts';

type Check = (value: unknown) => boolean;

/**
 * `hasFields` of attempt-guard.ts (exactly these fields, each passing its check; `undefined` is
 * absent), with the field list prepared once: it runs on every attempt of every imported file.
 */
function fieldsCheck(fields: Fields): Check {
	const entries = Object.entries(fields).map(([key, { check, optional }]) => ({
		key,
		check,
		optional: !!optional
	}));
	return (value) => {
		if (!isPlainObject(value)) return false;
		for (const key in value) if (!Object.hasOwn(fields, key)) return false;
		for (const { key, check, optional } of entries) {
			const v = Object.hasOwn(value, key) ? value[key] : undefined;
			if (v === undefined ? !optional : !check(v)) return false;
		}
		return true;
	};
}

const text =
	(max: number): Check =>
	(v) =>
		typeof v === 'string' && v.length <= max;
const id: Check = (v) => typeof v === 'string' && v.length >= 1 && v.length <= LIMITS.id;
const ids =
	(min: number, max: number): Check =>
	(v) => {
		if (!Array.isArray(v) || v.length < min || v.length > max) return false;
		for (const item of v) if (!id(item)) return false;
		return true;
	};
const recordOf =
	(value: Check): Check =>
	(v) => {
		if (!isPlainObject(v)) return false;
		// Own keys only, as Object.keys lists them, without building the list for every record.
		for (const key in v)
			if (Object.hasOwn(v, key) && (!id(key) || key === '__proto__' || !value(v[key])))
				return false;
		return true;
	};
// Built once: `answer` runs on every answer of every attempt.
const choiceIds = ids(0, LIMITS.choices);
const idToId = recordOf(id);
const answer: Check = (v) =>
	(typeof v === 'string' && v.length <= LIMITS.text) ||
	typeof v === 'boolean' ||
	choiceIds(v) ||
	idToId(v);

const isLearner = fieldsCheck({
	id: { check: id },
	name: { check: text(120), optional: true },
	studentId: { check: text(120), optional: true },
	email: { check: text(254), optional: true },
	username: { check: text(254), optional: true }
});

const isAttempt = fieldsCheck({
	attemptId: { check: id },
	courseId: { check: id },
	quizId: { check: id },
	contentHash: { check: id },
	seed: {
		check: (v) => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0 && v <= 2 ** 32 - 1
	},
	questionIds: { check: ids(1, LIMITS.questions) },
	answers: { check: recordOf(answer) },
	startedAt: { check: isIsoInstant },
	submittedAt: { check: isIsoInstant },
	submittedBy: { check: (v) => v === 'learner' || v === 'timeout' },
	score: { check: (v) => typeof v === 'number' && v >= 0 && v <= 1 },
	assignmentId: { check: id, optional: true }
});

const isApp = fieldsCheck({
	name: { check: (n) => n === 'coursekit' },
	version: { check: text(40) }
});

const isFile = fieldsCheck({
	format: { check: (v) => v === RESULTS_FORMAT },
	version: { check: (v) => v === RESULTS_VERSION },
	app: { check: isApp },
	exportedAt: { check: isIsoInstant },
	learner: { check: isLearner },
	assignmentId: { check: id, optional: true },
	attempts: {
		check: (v) => Array.isArray(v) && v.length <= 2_000 && v.every(isAttempt)
	}
});

/** True when `value` is a valid results file (the same rules as the zod schema `ResultsFile`). */
export function isResultsFile(value: unknown): value is ResultsFile {
	return isFile(value);
}

import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { isResultsFile } from './results-guard.ts';
import { ResultsFile } from './schema.ts';
import { everyType, resultsFile, submittedAttempt } from '../testing/builders.ts';

const questions = everyType();
/** A results file with two attempts, answers of every shape, an assignment and a full learner. */
const valid = (): Record<string, unknown> =>
	JSON.parse(
		JSON.stringify(
			resultsFile(
				[
					submittedAttempt(questions, {
						'single-q': 'dynamic',
						'multiple-q': ['a', 'b'],
						'match-q': { tensorflow: 'gpus-tpus' },
						'truefalse-q': true
					}),
					submittedAttempt(questions, {}, { id: 'second', assignmentId: 'week-1' })
				],
				{
					assignmentId: 'week-1',
					learner: { id: 'ada', name: 'Ada', studentId: '42', email: 'a@b.c', username: 'ada' }
				}
			)
		)
	);

const odd = fc.oneof(
	fc.jsonValue(),
	fc.constant(undefined),
	fc.constantFrom(
		'',
		'x'.repeat(201),
		'x'.repeat(2_001),
		-1,
		0.5,
		1.5,
		2 ** 32,
		'not a date',
		'2026-02-30T10:00:00Z',
		'learner',
		'coursekit',
		'coursekit-results',
		{ a: 1 },
		{ '': 'x' },
		['a', 1],
		[],
		Array.from({ length: 101 }, (_, i) => `o${i}`)
	)
);

/** Where an edit goes: the file, its app, its learner, an attempt, or an attempt's answers. */
const paths = (file: Record<string, unknown>) => {
	const attempt = (file.attempts as Record<string, unknown>[])[0];
	return [
		...Object.keys(file).map((key) => ['', key]),
		...['name', 'version', 'extra'].map((key) => ['app', key]),
		...[...Object.keys(file.learner as object), 'extra'].map((key) => ['learner', key]),
		...[...Object.keys(attempt), 'extra', 'assignmentId'].map((key) => ['attempt', key]),
		...[...Object.keys(attempt.answers as object), 'new-q', '__proto__'].map((key) => [
			'answers',
			key
		]),
		['', 'extra']
	];
};

/** Arbitrary edits of a valid file: replace, drop or add one field somewhere in it. */
const mutated = fc
	.tuple(fc.constantFrom(...paths(valid())), odd, fc.boolean())
	.map(([[where, key], value, drop]) => {
		const file = valid();
		const attempt = (file.attempts as Record<string, unknown>[])[0];
		const target = {
			'': file,
			app: file.app,
			learner: file.learner,
			attempt,
			answers: attempt.answers
		}[where] as Record<string, unknown>;
		if (drop) delete target[key];
		else if (key === '__proto__') Object.defineProperty(target, key, { value, enumerable: true });
		else target[key] = value;
		return file;
	});

describe('isResultsFile, the check large imports run before zod', () => {
	it('accepts a valid file', () => {
		expect(isResultsFile(valid())).toBe(true);
		expect(ResultsFile.safeParse(valid()).success).toBe(true);
	});

	it('accepts exactly what the zod schema accepts', () => {
		fc.assert(
			fc.property(mutated, (file) => {
				expect(isResultsFile(file)).toBe(ResultsFile.safeParse(file).success);
			}),
			{ numRuns: 1_000 }
		);
	}, 30_000);

	it('refuses more than 2 000 attempts, and anything that is not a file', () => {
		const file = valid();
		const [first] = file.attempts as unknown[];
		const many = { ...file, attempts: Array.from({ length: 2_001 }, () => first) };
		expect(isResultsFile(many)).toBe(false);
		expect(ResultsFile.safeParse(many).success).toBe(false);
		for (const value of [null, [], 'file', 1, { ...file, attempts: {} }])
			expect(isResultsFile(value)).toBe(ResultsFile.safeParse(value).success);
	});
});

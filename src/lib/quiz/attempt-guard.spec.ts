import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Attempt } from './attempt-schema.ts';
import { isAttempt } from './attempt-guard.ts';
import { submitAttempt } from './attempt.ts';
import { attempt, everyType } from '../testing/builders.ts';

const questions = everyType();
const t0 = new Date('2026-11-25T10:00:00Z');
/** A timed attempt at every type, with answers of three shapes and a flag. */
const valid = () =>
	attempt({
		questionIds: questions.map((q) => q.id),
		answers: { 'single-q': 'dynamic', 'match-q': { tensorflow: 'gpus-tpus' }, 'truefalse-q': true },
		flagged: ['order-q'],
		deadline: '2026-01-01T10:05:00.000Z'
	});

const zodAccepts = (value: unknown) => Attempt.safeParse(value).success;

/** Arbitrary edits of a valid attempt: replace, drop or add one field. */
const mutated = fc
	.tuple(
		fc.constantFrom(...Object.keys(valid()), 'extra', 'answers', 'submittedBy', 'score'),
		fc.oneof(
			fc.jsonValue(),
			fc.constant(undefined),
			fc.constantFrom('', 'x'.repeat(201), -1, 1.5, 2 ** 32, 'not a date', { a: 1 }, ['a', 1])
		),
		fc.boolean()
	)
	.map(([key, value, drop]) => {
		const a: Record<string, unknown> = { ...valid() };
		if (drop) delete a[key];
		else a[key] = value;
		return a;
	});

describe('isAttempt, the check student pages run on stored attempts', () => {
	it('accepts valid attempts, submitted or not', () => {
		expect(isAttempt(valid())).toBe(true);
		expect(isAttempt(submitAttempt(valid(), questions, 70, t0))).toBe(true);
	});

	it('agrees with the zod schema on mutated attempts', () => {
		fc.assert(
			fc.property(mutated, (value) => {
				expect(isAttempt(value)).toBe(zodAccepts(value));
			}),
			{ numRuns: 3000 }
		);
	});

	it('agrees with the zod schema on arbitrary JSON (what IndexedDB and messages hold)', () => {
		fc.assert(
			fc.property(fc.jsonValue(), (value) => {
				expect(isAttempt(value)).toBe(zodAccepts(value));
			}),
			{ numRuns: 2000 }
		);
	});

	it('refuses an id-keyed record with an own "__proto__" key, as the schema does', () => {
		for (const answers of [
			JSON.parse('{"__proto__": "dynamic"}'),
			JSON.parse('{"__proto__": {"": 0}}'),
			{ 'match-q': JSON.parse('{"__proto__": "gpus-tpus"}') }
		]) {
			const value = { ...valid(), answers };
			expect(isAttempt(value)).toBe(false);
			expect(zodAccepts(value)).toBe(false);
		}
	});

	it('agrees on answers of every shape', () => {
		const answers = fc.dictionary(
			fc.oneof(fc.constantFrom('single-q', 'x'), fc.string()),
			fc.oneof(
				fc.string(),
				fc.boolean(),
				fc.array(fc.string()),
				fc.dictionary(fc.string(), fc.oneof(fc.string(), fc.integer())),
				fc.integer(),
				fc.constant(null)
			)
		);
		fc.assert(
			fc.property(answers, (a) => {
				const value = { ...valid(), answers: a };
				expect(isAttempt(value)).toBe(zodAccepts(value));
			}),
			{ numRuns: 2000 }
		);
	});
});

import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Attempt, isoDate } from './attempt-schema.ts';
import { isAttempt, isIsoInstant } from './attempt-guard.ts';
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

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

const year = fc.oneof(
	fc.integer({ min: 0, max: 9999 }),
	fc.integer({ min: 0, max: 99 }).map((century) => century * 100)
);

/** Strings near an ISO 8601 date and time: valid ones, and ones off in one part or another. */
const dateTexts = fc.oneof(
	fc
		.date({
			min: new Date('0000-01-01T00:00:00Z'),
			max: new Date('9999-12-31T23:59:59Z'),
			noInvalidDate: true
		})
		.map((d) => d.toISOString()),
	fc
		.record({
			year,
			month: fc.integer({ min: 0, max: 13 }),
			day: fc.integer({ min: 0, max: 32 }),
			hour: fc.integer({ min: 0, max: 24 }),
			minute: fc.integer({ min: 0, max: 60 }),
			second: fc.integer({ min: 0, max: 60 }),
			fraction: fc.constantFrom('', '.5', '.123', '.123456789', '.'),
			zone: fc.constantFrom('Z', 'z', '', '+09:00', '-08:00', '+05:30', '+24:00', '-23:59', '+0900')
		})
		.map(
			(p) =>
				`${pad(p.year, 4)}-${pad(p.month)}-${pad(p.day)}T${pad(p.hour)}:${pad(p.minute)}:${pad(p.second)}${p.fraction}${p.zone}`
		),
	// 29 February, which only leap years have; century years too, where the rule turns.
	year.map((y) => `${pad(y, 4)}-02-29T12:00:00Z`),
	// The last days of any month: months have 28 to 31 days.
	fc
		.tuple(year, fc.integer({ min: 1, max: 12 }), fc.integer({ min: 28, max: 31 }))
		.map(([year, month, day]) => `${pad(year, 4)}-${pad(month)}-${pad(day)}T12:00:00Z`),
	fc.constantFrom(
		'1 January 2099',
		'2026-11-25',
		'2026-11-25T10:00Z',
		'2026-11-25 10:00:00Z',
		'+275760-09-13T00:00:00.000Z',
		`2026-11-25T10:00:00.${'1'.repeat(20)}Z`
	),
	fc.string()
);

describe('isIsoInstant, the date check of stored records', () => {
	it('accepts what the browser writes, and offsets; refuses dates without an offset', () => {
		expect(isIsoInstant(new Date('2026-11-25T10:00:00Z').toISOString())).toBe(true);
		expect(isIsoInstant('2026-11-25T02:00:00-08:00')).toBe(true);
		expect(isIsoInstant('2026-11-25T10:00:00')).toBe(false);
		expect(isIsoInstant('1 January 2099')).toBe(false);
	});

	it("agrees with the zod schema's strict ISO 8601 dates", () => {
		fc.assert(
			fc.property(dateTexts, (value) => {
				expect(isIsoInstant(value)).toBe(isoDate.safeParse(value).success);
			}),
			{ numRuns: 5000 }
		);
	});
});

describe('isAttempt, the check student pages run on stored attempts', () => {
	it('accepts valid attempts, submitted or not', () => {
		expect(isAttempt(valid())).toBe(true);
		expect(isAttempt(submitAttempt(valid(), questions, 70, t0))).toBe(true);
	});

	it('agrees with the zod schema on attempts with any kind of date', () => {
		const dated = fc.tuple(
			fc.constantFrom('startedAt', 'updatedAt', 'deadline', 'submittedAt'),
			dateTexts
		);
		fc.assert(
			fc.property(dated, ([key, value]) => {
				const a = { ...valid(), [key]: value };
				expect(isAttempt(a)).toBe(zodAccepts(a));
			}),
			{ numRuns: 2000 }
		);
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

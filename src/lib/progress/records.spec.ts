import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BackupFile, Profile } from '../results/schema.ts';
import { isLessonDone, isProfile, isReviewEvent } from './records.ts';

// The guards that check stored records must accept exactly what the backup file's schema accepts
// (the same shapes), so that a record that can be restored can be read, and vice versa.
const lessonSchema = BackupFile.shape.lessonsDone.def.element;
const reviewSchema = BackupFile.shape.reviews.def.innerType.def.element;

const date = fc.oneof(
	fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
	fc.constantFrom(
		'not a date',
		'',
		'2026-02-30',
		'x'.repeat(41),
		'1 January 2099',
		'2026-11-25T10:00:00',
		'2026-11-25T02:00:00-08:00',
		'2026-11-25T19:00:00.5+09:00'
	)
);
const text = (max: number) =>
	fc.oneof(fc.string({ maxLength: 4 }), fc.string({ minLength: max - 1, maxLength: max + 1 }));
const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });
const withNoise = <T extends object>(arb: fc.Arbitrary<T>) =>
	fc.oneof(
		arb,
		arb.map((v) => ({ ...v, extra: 1 })),
		fc.anything(),
		fc.constantFrom(null, [], 'profile', { bogus: true })
	);
const defined = (o: Record<string, unknown>) =>
	Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));

const learner = fc
	.record({
		id: text(200),
		name: maybe(text(120)),
		studentId: maybe(text(120)),
		email: maybe(text(254)),
		username: maybe(text(254))
	})
	.map(defined);
const profile = fc.record({ learner, lastBackupAt: maybe(date) }).map(defined);
const lesson = fc.record({ key: text(401), at: date });
const review = fc.record({
	id: text(200),
	courseId: text(200),
	questionId: text(200),
	at: date,
	rating: fc.constantFrom('again', 'hard', 'good', 'easy', 'meh')
});

describe('stored-record guards', () => {
	it('accept exactly the profiles the backup schema accepts', () => {
		fc.assert(
			fc.property(withNoise(profile), (value) => {
				expect(isProfile(value)).toBe(Profile.safeParse(value).success);
			}),
			{ numRuns: 500 }
		);
	});

	it('accept exactly the lessons done the backup schema accepts', () => {
		fc.assert(
			fc.property(withNoise(lesson), (value) => {
				expect(isLessonDone(value)).toBe(lessonSchema.safeParse(value).success);
			}),
			{ numRuns: 500 }
		);
	});

	it('accept exactly the review answers the backup schema accepts', () => {
		fc.assert(
			fc.property(withNoise(review), (value) => {
				expect(isReviewEvent(value)).toBe(reviewSchema.safeParse(value).success);
			}),
			{ numRuns: 500 }
		);
	});
});

import { describe, expect, it } from 'vitest';
import { attempt } from '../testing/builders.ts';
import { packageReport, type PackageContent } from './report.ts';

const CONTENT: PackageContent = {
	courseId: 'tiny',
	lessons: ['colours', 'shapes'],
	quizzes: [
		{ id: 'basics-quiz', passMark: 60 },
		{ id: 'second', passMark: 50 }
	]
};

const taken = (quizId: string, score: number, id = `${quizId}-${score}`) =>
	attempt({ id, quizId, submitted: true, score });

describe('what the LMS is told', () => {
	it('is incomplete, scores 0 and is not passed while nothing is done', () => {
		expect(packageReport(CONTENT, new Set(), [])).toEqual({
			lessonsRead: 0,
			quizzesSubmitted: 0,
			completed: false,
			score: 0,
			passed: false
		});
	});

	it('completes when every lesson is read and every quiz submitted, whatever the scores', () => {
		const report = packageReport(CONTENT, new Set(['tiny/colours', 'tiny/shapes']), [
			taken('basics-quiz', 0.2),
			taken('second', 0.1)
		]);
		expect(report).toMatchObject({ completed: true, passed: false });
		expect(report.score).toBeCloseTo(0.15);
	});

	it('scores the mean of the best scores, a quiz not submitted counting 0', () => {
		const report = packageReport(CONTENT, new Set(), [
			taken('basics-quiz', 0.4),
			taken('basics-quiz', 0.8),
			attempt({ id: 'open', quizId: 'second' })
		]);
		expect(report.score).toBeCloseTo(0.4);
		expect(report).toMatchObject({ quizzesSubmitted: 1, completed: false, passed: false });
	});

	it('passes when every quiz reaches its pass mark', () => {
		const report = packageReport(CONTENT, new Set(['tiny/colours']), [
			taken('basics-quiz', 0.6),
			taken('second', 0.5)
		]);
		expect(report).toMatchObject({ passed: true, completed: false });
	});

	it('ignores attempts of other courses and quizzes', () => {
		const other = attempt({ id: 'x', courseId: 'other', quizId: 'second', submitted: true });
		expect(packageReport(CONTENT, new Set(['other/colours']), [other])).toMatchObject({
			lessonsRead: 0,
			quizzesSubmitted: 0
		});
	});

	it('has no score for a package of lessons only', () => {
		const lessons = { ...CONTENT, quizzes: [] };
		expect(packageReport(lessons, new Set(['tiny/colours', 'tiny/shapes']), [])).toEqual({
			lessonsRead: 2,
			quizzesSubmitted: 0,
			completed: true,
			score: undefined,
			passed: undefined
		});
	});
});

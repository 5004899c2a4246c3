import { describe, expect, it } from 'vitest';
import { buildCards, dueCards, nextDue, ratingForScore, type ReviewEvent } from './schedule.ts';
import { question, rightAnswers, submittedAttempt } from '../testing/builders.ts';
import type { Question } from '../content/schema.ts';

// A learner answered 10 questions in one quiz at a fixed time, 3 of them wrongly.
const t0 = new Date('2026-11-25T10:00:00Z');
const questions: Question[] = Array.from({ length: 10 }, (_, i) =>
	question('truefalse', { id: `q${i}`, topic: i < 5 ? 'graph-types' : 'deployment', answer: true })
);
const bank = new Map(questions.map((q) => [q.id, q]));
const wrong = new Set(['q1', 'q4', 'q7']);

const answers = {
	...rightAnswers(questions),
	...Object.fromEntries([...wrong].map((id) => [id, false]))
};
const quizAttempt = () =>
	submittedAttempt(questions, answers, { courseId: 'c', submittedAt: t0.toISOString() });

const minutesAfter = (d: Date) => Math.round((d.getTime() - t0.getTime()) / 60_000);

describe('review scheduling with FSRS and a fixed clock', () => {
	const cards = buildCards([quizAttempt()], [], bank);

	it('makes a card of every answered question', () => {
		expect(cards).toHaveLength(10);
	});

	it('schedules wrong answers again within minutes and right ones later, deterministically', () => {
		const due = Object.fromEntries(cards.map((c) => [c.questionId, minutesAfter(c.due)]));
		for (const id of wrong) expect(due[id], id).toBe(1);
		for (const q of questions.filter((q) => !wrong.has(q.id))) expect(due[q.id], q.id).toBe(10);
		expect(buildCards([quizAttempt()], [], bank).map((c) => c.due.toISOString())).toEqual(
			cards.map((c) => c.due.toISOString())
		);
	});

	it('takes up to 20 due cards, most overdue first, optionally of one topic', () => {
		expect(dueCards(cards, t0)).toEqual([]);
		expect(dueCards(cards, new Date(t0.getTime() + 2 * 60_000)).map((c) => c.questionId)).toEqual([
			'q1',
			'q4',
			'q7'
		]);
		expect(
			dueCards(cards, new Date(t0.getTime() + 60 * 60_000), { topic: 'deployment' }).map(
				(c) => c.questionId
			)
		).toEqual(['q7', 'q5', 'q6', 'q8', 'q9']);
		expect(dueCards(cards, new Date(t0.getTime() + 60 * 60_000), { limit: 4 })).toHaveLength(4);
	});

	it('pushes a card further out with every right review, and brings it back with a lapse', () => {
		let reviews: ReviewEvent[] = [];
		let at = new Date(t0.getTime() + 10 * 60_000);
		const intervals: number[] = [];
		for (let i = 0; i < 4; i++) {
			reviews = [
				...reviews,
				{ id: `r${i}`, courseId: 'c', questionId: 'q0', at: at.toISOString(), rating: 'good' }
			];
			const card = buildCards([quizAttempt()], reviews, bank).find((c) => c.questionId === 'q0')!;
			intervals.push(card.due.getTime() - at.getTime());
			at = card.due;
		}
		for (let i = 1; i < intervals.length; i++)
			expect(intervals[i]).toBeGreaterThan(intervals[i - 1]);
		const lapsed = buildCards(
			[quizAttempt()],
			[
				...reviews,
				{ id: 'lapse', courseId: 'c', questionId: 'q0', at: at.toISOString(), rating: 'again' }
			],
			bank
		).find((c) => c.questionId === 'q0')!;
		expect(lapsed.lapses).toBe(1);
		expect(lapsed.due.getTime() - at.getTime()).toBeLessThanOrEqual(10 * 60_000);
	});

	it('rates answers by score, and easy schedules further than hard', () => {
		expect([ratingForScore(1), ratingForScore(0.5), ratingForScore(0)]).toEqual([
			'good',
			'hard',
			'again'
		]);
		const card = cards.find((c) => c.questionId === 'q0')!;
		const now = card.due;
		expect(nextDue(card, now, 'easy').getTime()).toBeGreaterThan(
			nextDue(card, now, 'hard').getTime()
		);
	});
});

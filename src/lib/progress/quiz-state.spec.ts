import { describe, expect, it } from 'vitest';
import { describeQuizState, quizState } from './quiz-state.ts';
import { answerQuestion, startAttempt, submitAttempt } from '../quiz/attempt.ts';
import { correctAnswer } from '../quiz/grade.ts';
import { everyType } from '../testing/builders.ts';

const questions = everyType();
const t = new Date('2026-11-25T10:00:00Z');
const quiz = { courseId: 'c', quizId: 'q', contentHash: 'h', settings: {} };
const attempt = (id: string, right: number) => {
	let a = startAttempt(
		quiz,
		questions.map((q) => q.id),
		{ id, seed: 1, now: t }
	);
	for (const q of questions.slice(0, right)) a = answerQuestion(a, q.id, correctAnswer(q), t);
	return a;
};

describe('quiz state on the course page', () => {
	it('is "not started" without attempts', () => {
		expect(describeQuizState(quizState([], 70))).toBe('Not started');
	});

	it('shows an attempt in progress with how much is answered', () => {
		expect(describeQuizState(quizState([attempt('a', 3)], 70))).toBe(
			'In progress: 3 of 7 answered'
		);
	});

	it('shows the best score and whether it passed', () => {
		const low = submitAttempt(attempt('a', 2), questions, 70, t);
		const high = submitAttempt(attempt('b', 7), questions, 70, t);
		expect(describeQuizState(quizState([low], 70))).toBe('Not passed yet · best 29% (1 attempt)');
		expect(describeQuizState(quizState([low, high], 70))).toBe('Passed · best 100% (2 attempts)');
	});
});

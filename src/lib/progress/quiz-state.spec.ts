import { describe, expect, it } from 'vitest';
import { describeQuizState, quizState } from './quiz-state.ts';
import { attempt, everyType, rightAnswers, submittedAttempt } from '../testing/builders.ts';

const questions = everyType();
/** Right answers to the first `n` of the 7 questions (the others left unanswered). */
const firstRight = (n: number) => rightAnswers(questions.slice(0, n));

describe('quiz state on the course page', () => {
	it('is "not started" without attempts', () => {
		expect(describeQuizState(quizState([], 70))).toBe('Not started');
	});

	it('shows an attempt in progress with how much is answered', () => {
		const open = attempt({ questionIds: questions.map((q) => q.id), answers: firstRight(3) });
		expect(describeQuizState(quizState([open], 70))).toBe('In progress: 3 of 7 answered');
	});

	it('shows the best score and whether it passed', () => {
		const low = submittedAttempt(questions, firstRight(2), { id: 'a' });
		const high = submittedAttempt(questions, firstRight(7), { id: 'b' });
		expect(describeQuizState(quizState([low], 70))).toBe('Not passed yet · best 29% (1 attempt)');
		expect(describeQuizState(quizState([low, high], 70))).toBe('Passed · best 100% (2 attempts)');
	});
});

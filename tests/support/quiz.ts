/** The shipped quizzes as the tests need them. */
import type { FrameLocator, Page } from '@playwright/test';
import { COURSES, expect } from './fixtures.ts';

const course = COURSES.find((c) => c.id === 'ai-frameworks')!;

export const quizPath = (quizId: string) => `/courses/${course.id}/quizzes/${quizId}`;

export function quizOf(quizId: string) {
	const quiz = course.quizzes.get(quizId);
	if (!quiz) throw new Error(`no quiz ${quizId}`);
	return { quiz, question: (id: string) => quiz.questions.find((q) => q.id === id)! };
}

/**
 * Presses "Next →" and waits for the next question: the first question of a type loads its
 * controls before it shows, so reading the question straight after the click would still find
 * the previous one.
 */
export async function nextQuestion(scope: Page | FrameLocator) {
	const heading = scope.locator('#question-heading');
	const at = Number(/Question (\d+)/.exec((await heading.textContent()) ?? '')?.[1]);
	await scope.getByRole('button', { name: 'Next →' }).click();
	await expect(heading).toContainText(`Question ${at + 1} of`);
}

/** The shipped quizzes as the tests need them. */
import { COURSES } from './fixtures.ts';

const course = COURSES.find((c) => c.id === 'ai-frameworks')!;

export const quizPath = (quizId: string) => `/courses/${course.id}/quizzes/${quizId}`;

export function quizOf(quizId: string) {
	const quiz = course.quizzes.get(quizId);
	if (!quiz) throw new Error(`no quiz ${quizId}`);
	return { quiz, question: (id: string) => quiz.questions.find((q) => q.id === id)! };
}

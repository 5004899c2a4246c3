/** An assignment's settings applied to a quiz: its pass mark, attempts and feedback win. */
import type { QuizView } from '../content/quiz-view.ts';
import type { Assignment } from './assignment.ts';

export function applyAssignment(quiz: QuizView, assignment: Assignment | null): QuizView {
	if (!assignment) return quiz;
	return {
		...quiz,
		passMark: assignment.passMark ?? quiz.passMark,
		settings: {
			...quiz.settings,
			feedback: assignment.feedback ?? quiz.settings.feedback,
			maxAttempts: assignment.attempts ?? quiz.settings.maxAttempts
		}
	};
}

/** Whether an assignment includes this quiz of this course. */
export const assignsQuiz = (assignment: Assignment, courseId: string, quizId: string) =>
	assignment.course === courseId && assignment.quizzes.includes(quizId);

/**
 * A course's question bank as `bank.json` serves it (see results/fetch-bank.ts): every quiz's
 * questions rendered at build time by `questionView`, the renderer the quiz page uses, so review
 * and the quiz show the same formatted texts. Build-time only: it pulls in the markdown renderer.
 */
import type { Course } from './model.ts';
import type { Bank } from '../results/fetch-bank.ts';
import { questionView } from './quiz-view.ts';

/**
 * The bank of `course`: id, and each quiz's id, title, pass mark, the settings the gradebook
 * re-draws and times attempts with (shuffle, draw, time limit), and rendered questions in
 * authoring order (the order the quiz page draws from).
 */
export function courseBank(course: Course): Bank {
	return {
		courseId: course.id,
		practice: [...course.practice.values()].map((question) => questionView(course, question)),
		quizzes: [...course.quizzes.values()].map((quiz) => {
			const { shuffle, draw, timeLimitMinutes } = quiz.settings;
			return {
				id: quiz.id,
				title: quiz.title,
				passMark: quiz.passMark,
				settings: {
					shuffle,
					...(draw !== undefined ? { draw } : {}),
					...(timeLimitMinutes !== undefined ? { timeLimitMinutes } : {})
				},
				questions: quiz.questions.map((question) => questionView(course, question))
			};
		})
	};
}

/**
 * Lookups over question banks (`bank.json`, loaded with `fetchBank` from fetch-bank.ts) that the
 * progress, review and gradebook pages need. Free of zod, so /progress can import it up front.
 */
import type { QuestionView } from '../content/quiz-view.ts';
import type { Bank } from './fetch-bank.ts';
import type { QuizInfo } from './csv.ts';
import type { QuizMeta } from './xapi.ts';
import type { GradebookQuiz } from './regrade.ts';
import { contentHash } from '../quiz/hash.ts';

export type { Bank };

/** Question id → question with its build-time HTML, over every course (practice included). */
export const questionViews = (banks: readonly Bank[]): ReadonlyMap<string, QuestionView> =>
	new Map(
		banks
			.flatMap((b) => [...(b.practice ?? []), ...b.quizzes.flatMap((q) => q.questions)])
			.map((v) => [v.question.id, v])
	);

/** Question id → question, over every course. */
export const questionIndex = (banks: readonly Bank[]) =>
	new Map([...questionViews(banks)].map(([id, view]) => [id, view.question]));

/** `courseId/quizId` → title, pass mark and questions, for xAPI. */
export const quizMetas = (banks: readonly Bank[]) =>
	new Map<string, QuizMeta>(
		banks.flatMap((b) =>
			b.quizzes.map(
				(q) =>
					[
						`${b.courseId}/${q.id}`,
						{
							title: q.title,
							passMark: q.passMark,
							questions: new Map(q.questions.map(({ question }) => [question.id, question]))
						}
					] as const
			)
		)
	);

/** Quiz titles and pass marks, for the CSV. */
export const quizInfos = (banks: readonly Bank[]): QuizInfo[] =>
	banks.flatMap((b) =>
		b.quizzes.map((q) => ({
			courseId: b.courseId,
			quizId: q.id,
			title: q.title,
			passMark: q.passMark
		}))
	);

/**
 * `courseId/quizId` → what the gradebook re-grades with: questions in authoring order, the
 * settings it re-draws and times attempts with, and the content hash computed from the bank.
 */
export function gradebookQuizzes(banks: readonly Bank[]): ReadonlyMap<string, GradebookQuiz> {
	return new Map(
		banks.flatMap((bank) =>
			bank.quizzes.map(
				(q) =>
					[
						`${bank.courseId}/${q.id}`,
						{
							courseId: bank.courseId,
							quizId: q.id,
							title: q.title,
							passMark: q.passMark,
							contentHash: contentHash(q.questions.map((v) => v.question)),
							questions: new Map(q.questions.map(({ question }) => [question.id, question])),
							settings: q.settings
						}
					] as const
			)
		)
	);
}

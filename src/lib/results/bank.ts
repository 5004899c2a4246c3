/** The question bank of a course as `bank.json` serves it, and lookups the progress page needs. */
import type { Question } from '../content/schema.ts';
import type { QuizInfo } from './csv.ts';
import type { QuizMeta } from './xapi.ts';
import type { GradebookQuiz } from './regrade.ts';
import { contentHash } from '../quiz/hash.ts';

export interface Bank {
	courseId: string;
	quizzes: { id: string; title: string; passMark: number; questions: Question[] }[];
}

/** Question id → question, over every course. */
export const questionIndex = (banks: readonly Bank[]) =>
	new Map(banks.flatMap((b) => b.quizzes.flatMap((q) => q.questions)).map((q) => [q.id, q]));

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
							questions: new Map(q.questions.map((x) => [x.id, x]))
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

/** `courseId/quizId` → what the gradebook re-grades with, content hash computed from the bank. */
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
							contentHash: contentHash(q.questions),
							questions: new Map(q.questions.map((x) => [x.id, x]))
						}
					] as const
			)
		)
	);
}

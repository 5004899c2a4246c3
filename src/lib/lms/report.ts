/**
 * What an LMS is told about a learner in a package (DESIGN.md, "Inside an LMS"): the package is
 * complete when every lesson in it is read and every quiz in it submitted; its score is the mean
 * of the quizzes' best scores (a quiz not yet submitted counts as 0); it is passed when every
 * quiz's best score reaches its pass mark. A package of one quiz (`--quiz`) is that quiz alone.
 */
import type { Attempt } from '../quiz/attempt.ts';
import { passes } from '../quiz/pass.ts';

/** The lessons and quizzes a package holds. */
export interface PackageContent {
	courseId: string;
	lessons: readonly string[];
	quizzes: readonly { id: string; passMark: number }[];
}

export interface PackageReport {
	lessonsRead: number;
	quizzesSubmitted: number;
	completed: boolean;
	/** Mean of the quizzes' best scores, in [0, 1]; undefined for a package without quizzes. */
	score: number | undefined;
	/** Every quiz passed (false until then); undefined for a package without quizzes. */
	passed: boolean | undefined;
}

/** The report of `content` from the learner's lessons done (`courseId/lessonId`) and attempts. */
export function packageReport(
	content: PackageContent,
	lessonsDone: ReadonlySet<string>,
	attempts: readonly Attempt[]
): PackageReport {
	const lessonsRead = content.lessons.filter((id) =>
		lessonsDone.has(`${content.courseId}/${id}`)
	).length;
	const best = content.quizzes.map((quiz) => {
		const scores = attempts
			.filter((a) => a.courseId === content.courseId && a.quizId === quiz.id && a.submittedAt)
			.map((a) => a.score ?? 0);
		return { quiz, best: scores.length ? Math.max(...scores) : undefined };
	});
	const submitted = best.filter((b) => b.best !== undefined);
	const hasQuizzes = content.quizzes.length > 0;
	return {
		lessonsRead,
		quizzesSubmitted: submitted.length,
		completed: lessonsRead === content.lessons.length && submitted.length === best.length,
		score: hasQuizzes
			? best.reduce((sum, b) => sum + (b.best ?? 0), 0) / content.quizzes.length
			: undefined,
		passed: hasQuizzes
			? best.every((b) => b.best !== undefined && passes(b.best, b.quiz.passMark))
			: undefined
	};
}

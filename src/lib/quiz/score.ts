/**
 * The one home for scoring (DESIGN.md, "Scoring has one home"): an attempt's score and whether a
 * score passes a pass mark. The attempt, the gradebook's re-grade, xAPI, the CSV and the progress
 * views all call these, so they cannot disagree.
 *
 * The rule for an attempt's score: the mean of its presented questions' scores (an unanswered
 * question scores 0). A presented question the content no longer has cannot be graded, because
 * its key is gone: it is left out of the mean and listed in `missing`, for the caller to flag. An
 * attempt with no gradable question scores 0.
 */
import type { Question } from '../content/schema.ts';
import { gradeQuestions, type GradedQuestion } from './grade.ts';

export { effectivePassMark, passes } from './pass.ts';

/** A presented question that the content still has. */
export type GradableQuestion = GradedQuestion & { question: Question };

export interface AttemptScore {
	/** Mean of the gradable questions' scores, in [0, 1]; 0 when none is gradable. */
	score: number;
	/** How many presented questions were graded (the mean's denominator). */
	graded: number;
	/** Presented questions the content no longer has, in presentation order: left out. */
	missing: string[];
	/** The graded questions, in presentation order. */
	questions: GradableQuestion[];
}

const isGradable = (result: GradedQuestion): result is GradableQuestion =>
	result.question !== undefined;

/** Scores an attempt (or a handed-in one) from its raw answers against `questions`. */
export function scoreAttempt(
	presented: { questionIds: readonly string[]; answers: Record<string, unknown> },
	questions: ReadonlyMap<string, Question>
): AttemptScore {
	const graded: GradableQuestion[] = [];
	const missing: string[] = [];
	let total = 0;
	for (const result of gradeQuestions(presented, questions)) {
		if (isGradable(result)) {
			graded.push(result);
			total += result.score;
		} else missing.push(result.questionId);
	}
	return {
		score: graded.length ? total / graded.length : 0,
		graded: graded.length,
		missing,
		questions: graded
	};
}

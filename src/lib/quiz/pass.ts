/**
 * The pass rule, part of the one home for scoring (`score.ts` re-exports it). It sits in its own
 * module, without the grading code, so that pages which only say "passed" (the quiz start
 * screen, the assignment page) do not load the grader.
 */

/**
 * Percentage points forgiven for floating error, so that a mean that is exactly the pass mark in
 * fractions (say 57/100 against 57%, computed as 56.99999999999999) passes. Far smaller than any
 * real gap between a score and a pass mark: a mean over at most a few hundred questions whose
 * scores are fractions with small denominators.
 */
const TOLERANCE = 1e-9;

/** Whether `score` (in [0, 1]) reaches `passMark` (percent). */
export function passes(score: number, passMark: number): boolean {
	return score * 100 + TOLERANCE >= passMark;
}

/** The pass mark that applies: the assignment's when it sets one, else the quiz's. */
export function effectivePassMark(quizPassMark: number, assignmentPassMark?: number): number {
	return assignmentPassMark ?? quizPassMark;
}

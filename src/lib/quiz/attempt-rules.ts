/**
 * An attempt at a quiz and the rules it follows while it is taken: start, answer, flag, check,
 * time out. Pure: every function returns a new attempt; a submitted attempt is never changed.
 * Grading and submitting are in attempt.ts, which re-exports all of this: a quiz page loads the
 * grader only when it is needed (issue 13).
 */
import type { QuizSettings } from '../content/schema.ts';
import type { Attempt } from './attempt-schema.ts';
import type { Answer } from './grade.ts';
import { own } from '../own.ts';

export type { Attempt };

export interface AttemptQuiz {
	courseId: string;
	quizId: string;
	contentHash: string;
	settings: Pick<QuizSettings, 'timeLimitMinutes'>;
}

/** A new attempt presenting `questionIds` (already drawn and shuffled with `seed`). */
export function startAttempt(
	quiz: AttemptQuiz,
	questionIds: string[],
	options: { id: string; seed: number; now: Date; assignmentId?: string }
): Attempt {
	const now = options.now.toISOString();
	const limit = quiz.settings.timeLimitMinutes;
	return {
		id: options.id,
		courseId: quiz.courseId,
		quizId: quiz.quizId,
		contentHash: quiz.contentHash,
		seed: options.seed,
		questionIds,
		answers: {},
		checked: [],
		flagged: [],
		current: 0,
		startedAt: now,
		updatedAt: now,
		deadline: limit ? new Date(options.now.getTime() + limit * 60_000).toISOString() : undefined,
		revision: 0,
		...(options.assignmentId ? { assignmentId: options.assignmentId } : {})
	};
}

export const isSubmitted = (attempt: Attempt) => attempt.submittedAt !== undefined;

function change(attempt: Attempt, now: Date, patch: Partial<Attempt>): Attempt {
	if (isSubmitted(attempt)) return attempt;
	return { ...attempt, ...patch, updatedAt: now.toISOString(), revision: attempt.revision + 1 };
}

/** Records an answer; ignored once the question was checked or the attempt submitted. */
export function answerQuestion(
	attempt: Attempt,
	questionId: string,
	answer: Answer,
	now: Date
): Attempt {
	if (!attempt.questionIds.includes(questionId) || attempt.checked.includes(questionId))
		return attempt;
	return change(attempt, now, { answers: { ...attempt.answers, [questionId]: answer } });
}

/** Clears an answer (e.g. a text box emptied). */
export function clearAnswer(attempt: Attempt, questionId: string, now: Date): Attempt {
	if (attempt.checked.includes(questionId) || !(questionId in attempt.answers)) return attempt;
	const answers = { ...attempt.answers };
	delete answers[questionId];
	return change(attempt, now, { answers });
}

export function toggleFlag(attempt: Attempt, questionId: string, now: Date): Attempt {
	const flagged = attempt.flagged.includes(questionId)
		? attempt.flagged.filter((q) => q !== questionId)
		: [...attempt.flagged, questionId];
	return change(attempt, now, { flagged });
}

/** Locks a question's answer and shows its feedback (immediate mode). */
export function checkQuestion(attempt: Attempt, questionId: string, now: Date): Attempt {
	if (attempt.checked.includes(questionId) || !(questionId in attempt.answers)) return attempt;
	return change(attempt, now, { checked: [...attempt.checked, questionId] });
}

export function goTo(attempt: Attempt, index: number, now: Date): Attempt {
	const current = Math.min(Math.max(0, index), attempt.questionIds.length - 1);
	return current === attempt.current ? attempt : change(attempt, now, { current });
}

/** Milliseconds left before the deadline (Infinity without a time limit; never negative). */
export function remainingMs(attempt: Attempt, now: Date): number {
	if (!attempt.deadline) return Infinity;
	return Math.max(0, Date.parse(attempt.deadline) - now.getTime());
}

export const isExpired = (attempt: Attempt, now: Date) =>
	!isSubmitted(attempt) && remainingMs(attempt, now) === 0;

/** How many more attempts the learner may start (Infinity without a limit). */
export function attemptsLeft(submittedCount: number, maxAttempts: number | undefined): number {
	return maxAttempts === undefined ? Infinity : Math.max(0, maxAttempts - submittedCount);
}

/** Questions of the attempt with no answer yet, in presentation order. */
export const unanswered = (attempt: Attempt) =>
	attempt.questionIds.filter((q) => !isAnswered(attempt, q));

/** Whether the attempt has an answer to this question. */
export const isAnswered = (attempt: Attempt, questionId: string) =>
	own(attempt.answers, questionId) !== undefined;

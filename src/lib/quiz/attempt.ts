/**
 * An attempt at a quiz and the rules it follows: start, answer, flag, check, submit, time out.
 * Pure: every function returns a new attempt; a submitted attempt is never changed.
 */
import type { Question, QuizSettings } from '../content/schema.ts';
import type { Attempt } from './attempt-schema.ts';
import { givenAnswer, type Answer } from './grade.ts';
import { passes, scoreAttempt } from './score.ts';

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

export interface QuestionResult {
	questionId: string;
	topic: string;
	score: number;
	answered: boolean;
}

export interface AttemptResult {
	/** The attempt's score, in [0, 1] (score.ts: questions the content lacks are left out). */
	score: number;
	passed: boolean;
	questions: QuestionResult[];
	/** Presented questions the content no longer has (not graded). */
	missing: string[];
	/** Topic id → mean score of its questions in this attempt. */
	byTopic: Record<string, number>;
}

/** Grades an attempt (score.ts: unanswered questions score 0) against the pass mark (percent). */
export function gradeAttempt(
	attempt: Attempt,
	questions: readonly Question[],
	passMark: number
): AttemptResult {
	const byId = new Map(questions.map((q) => [q.id, q]));
	const { score, missing, questions: graded } = scoreAttempt(attempt, byId);
	const results: QuestionResult[] = graded.map(({ questionId, question, answered, score }) => ({
		questionId,
		topic: question.topic,
		answered,
		score
	}));
	const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0);
	const topics = [...new Set(results.map((r) => r.topic))];
	return {
		score,
		passed: passes(score, passMark),
		questions: results,
		missing,
		byTopic: Object.fromEntries(
			topics.map((t) => [t, mean(results.filter((r) => r.topic === t).map((r) => r.score))])
		)
	};
}

/** Submits: records the time, who submitted (the learner or the timer) and the computed score. */
export function submitAttempt(
	attempt: Attempt,
	questions: readonly Question[],
	passMark: number,
	now: Date,
	by: 'learner' | 'timeout' = 'learner'
): Attempt {
	if (isSubmitted(attempt)) return attempt;
	const { score } = gradeAttempt(attempt, questions, passMark);
	// A timed-out attempt is submitted as of its deadline, even when noticed later (after a reload).
	const at =
		by === 'timeout' && attempt.deadline
			? new Date(Math.min(now.getTime(), Date.parse(attempt.deadline)))
			: now;
	return {
		...attempt,
		submittedAt: at.toISOString(),
		submittedBy: by,
		score,
		updatedAt: now.toISOString(),
		revision: attempt.revision + 1
	};
}

/** How many more attempts the learner may start (Infinity without a limit). */
export function attemptsLeft(submittedCount: number, maxAttempts: number | undefined): number {
	return maxAttempts === undefined ? Infinity : Math.max(0, maxAttempts - submittedCount);
}

/** Questions of the attempt with no answer yet, in presentation order. */
export const unanswered = (attempt: Attempt) =>
	attempt.questionIds.filter((q) => !isAnswered(attempt, q));

/** Whether the attempt has an answer to this question. */
export const isAnswered = (attempt: Attempt, questionId: string) =>
	givenAnswer(attempt.answers, questionId) !== undefined;

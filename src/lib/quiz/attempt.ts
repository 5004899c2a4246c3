/**
 * An attempt at a quiz: the rules it follows while it is taken (attempt-rules.ts, re-exported
 * here), and grading and submitting, which need the grader (grade.ts, score.ts).
 */
import type { Question } from '../content/schema.ts';
import { isSubmitted, type Attempt } from './attempt-rules.ts';
import { passes, scoreAttempt } from './score.ts';

export * from './attempt-rules.ts';

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

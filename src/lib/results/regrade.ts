/**
 * The gradebook's own grading: every imported attempt is re-graded from its raw answers with the
 * app's content, and flagged when something does not add up. Nothing the learner's browser
 * computed is trusted.
 */
import type { Question } from '../content/schema.ts';
import { effectivePassMark, passes, scoreAttempt } from '../quiz/score.ts';
import type { Learner, ResultAttempt, ResultsFile } from './schema.ts';

export interface GradebookQuiz {
	courseId: string;
	quizId: string;
	title: string;
	passMark: number;
	contentHash: string;
	questions: ReadonlyMap<string, Question>;
}

export type Flag =
	| 'score-differs'
	| 'unknown-content'
	| 'unknown-quiz'
	| 'duplicate'
	| 'conflict'
	| 'other-assignment'
	| 'late';

export const FLAG_TEXT: Record<Flag, string> = {
	'score-differs': 'claimed score differs from the re-grade',
	'unknown-content': 'answered a version of the quiz this gradebook does not know',
	'unknown-quiz': 'a quiz this gradebook does not have',
	duplicate: 'the same attempt appears in another file',
	conflict: 'the same attempt appears elsewhere with different answers',
	'other-assignment': 'handed in for another assignment',
	late: 'submitted after the due date'
};

export interface GradedAttempt {
	source: string;
	learner: Learner;
	attempt: ResultAttempt;
	/** The gradebook's score in [0, 1] (undefined when the quiz is unknown). */
	score?: number;
	passed?: boolean;
	/** Per presented question the content has: its re-graded score. */
	questionScores: Record<string, number>;
	/** Presented questions the content does not have: left out of the score (score.ts). */
	missing: string[];
	flags: Flag[];
}

export interface RegradeOptions {
	quizzes: ReadonlyMap<string, GradebookQuiz>;
	/** Grading for an assignment: its id, due date and pass mark (which wins over the quiz's). */
	assignment?: { id: string; due?: string; passMark?: number };
}

const answerKey = (a: ResultAttempt) => JSON.stringify([a.questionIds, a.answers, a.submittedAt]);

/** Re-grades every attempt of every file and flags what does not add up. */
export function regrade(
	files: readonly { source: string; file: ResultsFile }[],
	options: RegradeOptions
): GradedAttempt[] {
	const seen = new Map<string, { key: string; source: string }>();
	const out: GradedAttempt[] = [];
	for (const { source, file } of files) {
		for (const attempt of file.attempts) {
			const flags: Flag[] = [];
			const quiz = options.quizzes.get(`${attempt.courseId}/${attempt.quizId}`);
			const questionScores: Record<string, number> = {};
			let missing: string[] = [];
			let score: number | undefined;
			if (!quiz) {
				flags.push('unknown-quiz');
			} else {
				const scored = scoreAttempt(attempt, quiz.questions);
				for (const q of scored.questions) questionScores[q.questionId] = q.score;
				score = scored.score;
				missing = scored.missing;
				// Questions this content lacks mean the attempt answered another version of the quiz.
				if (attempt.contentHash !== quiz.contentHash || missing.length)
					flags.push('unknown-content');
				if (Math.abs(score - attempt.score) > 1e-6) flags.push('score-differs');
			}
			const key = `${file.learner.id}/${attempt.attemptId}`;
			const before = seen.get(key);
			if (before) flags.push(before.key === answerKey(attempt) ? 'duplicate' : 'conflict');
			else seen.set(key, { key: answerKey(attempt), source });
			const assignmentId = attempt.assignmentId ?? file.assignmentId;
			if (options.assignment && assignmentId !== options.assignment.id)
				flags.push('other-assignment');
			if (
				options.assignment?.due &&
				attempt.submittedAt > new Date(options.assignment.due).toISOString()
			)
				flags.push('late');
			out.push({
				source,
				learner: file.learner,
				attempt,
				score,
				passed:
					quiz && score !== undefined
						? passes(score, effectivePassMark(quiz.passMark, options.assignment?.passMark))
						: undefined,
				questionScores,
				missing,
				flags
			});
		}
	}
	return out;
}

export interface GradebookRow {
	learner: Learner;
	/** quiz key → best re-graded score among attempts that are not duplicates. */
	scores: Record<string, { best: number; passed: boolean; attempts: number; flags: Flag[] }>;
}

/** Learners × quizzes: the best re-graded score of each, with every flag raised on the way. */
export function gradebookRows(
	graded: readonly GradedAttempt[],
	quizzes: ReadonlyMap<string, GradebookQuiz>,
	/** An assignment's pass mark, which wins over each quiz's. */
	passMark?: number
): GradebookRow[] {
	const rows = new Map<string, GradebookRow>();
	for (const g of graded) {
		const row = rows.get(g.learner.id) ?? { learner: g.learner, scores: {} };
		rows.set(g.learner.id, row);
		const key = `${g.attempt.courseId}/${g.attempt.quizId}`;
		const cell = row.scores[key] ?? { best: 0, passed: false, attempts: 0, flags: [] };
		if (!g.flags.includes('duplicate') && g.score !== undefined) {
			cell.attempts += 1;
			cell.best = Math.max(cell.best, g.score);
			cell.passed = passes(
				cell.best,
				effectivePassMark(quizzes.get(key)?.passMark ?? 100, passMark)
			);
		}
		cell.flags = [...new Set([...cell.flags, ...g.flags])];
		row.scores[key] = cell;
	}
	return [...rows.values()].sort((a, b) =>
		(a.learner.name ?? a.learner.id).localeCompare(b.learner.name ?? b.learner.id)
	);
}

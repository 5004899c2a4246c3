/**
 * The gradebook's own grading: every imported attempt is re-graded from its raw answers with the
 * app's content, its questions are re-drawn from its seed, its times are checked as instants, and
 * it is flagged when something does not add up. Nothing the learner's browser computed is
 * trusted. Only attempts with no flag, or accepted by the instructor, count in grades.
 */
import type { Question, QuizSettings } from '../content/schema.ts';
import { drawQuestions } from '../quiz/draw.ts';
import { effectivePassMark, passes, scoreAttempt } from '../quiz/score.ts';
import type { Learner, ResultAttempt, ResultsFile } from './schema.ts';

/** The settings an attempt's questions are drawn and timed with, as `bank.json` carries them. */
export type QuizRules = Pick<QuizSettings, 'shuffle' | 'draw' | 'timeLimitMinutes'>;

export interface GradebookQuiz {
	courseId: string;
	quizId: string;
	title: string;
	passMark: number;
	contentHash: string;
	/** In authoring order: the order the quiz page draws from. */
	questions: ReadonlyMap<string, Question>;
	/**
	 * The content hash does not cover these: attempts taken before the draw, shuffle or time limit
	 * changed are flagged (`questions-differ`, `over-time-limit`) and need the instructor's accept.
	 */
	settings: QuizRules;
}

/** How far ahead of the gradebook's clock a learner's clock may run: 5 minutes. */
export const CLOCK_SKEW_MS = 5 * 60_000;
/** Time allowed past a quiz's time limit (a slow save, a late timer tick): 2 minutes. */
export const TIME_LIMIT_GRACE_MS = 2 * 60_000;

export type Flag =
	| 'score-differs'
	| 'unknown-content'
	| 'unknown-quiz'
	| 'duplicate'
	| 'conflict'
	| 'other-assignment'
	| 'late'
	| 'two-learners'
	| 'started-after-submit'
	| 'submitted-in-future'
	| 'over-time-limit'
	| 'questions-differ'
	| 'repeated-question';

const minutes = (ms: number) => `${ms / 60_000} minutes`;

/** What each flag means, in words an instructor reads next to the attempt. */
export const FLAG_TEXT: Record<Flag, string> = {
	'score-differs': 'claimed score differs from the re-grade',
	'unknown-content': 'answered a version of the quiz this gradebook does not know',
	'unknown-quiz': 'a quiz this gradebook does not have',
	duplicate: 'the same attempt appears in another file',
	conflict: 'the same attempt appears elsewhere with different answers',
	'other-assignment': 'handed in for another assignment',
	late: 'submitted after the due date',
	'two-learners': 'the same attempt was also handed in under another learner, so one is a copy',
	'started-after-submit': 'its start time is after its submit time, so the times were edited',
	'submitted-in-future': `its submit time is more than ${minutes(CLOCK_SKEW_MS)} in the future, so the time was edited or the learner's computer clock is wrong`,
	'over-time-limit': `it took longer than the quiz's time limit (plus ${minutes(TIME_LIMIT_GRACE_MS)} of grace), which the quiz does not allow`,
	'questions-differ':
		'its questions are not the ones the quiz draws for this attempt, so questions were removed, added or swapped',
	'repeated-question': 'it lists the same question more than once, which the quiz never does'
};

/** The key an instructor accepts a flagged attempt by: the learner's id and the attempt's. */
export const attemptKey = (learnerId: string, attemptId: string) =>
	JSON.stringify([learnerId, attemptId]);

export interface GradedAttempt {
	source: string;
	learner: Learner;
	attempt: ResultAttempt;
	/** `attemptKey` of this attempt: what `accepted` holds once the instructor accepts it. */
	key: string;
	/** The gradebook's score in [0, 1] (undefined when the quiz is unknown). */
	score?: number;
	passed?: boolean;
	/** Per presented question the content has: its re-graded score. */
	questionScores: Record<string, number>;
	/** Presented questions the content does not have: left out of the score (score.ts). */
	missing: string[];
	flags: Flag[];
	/** Whether it counts in grades: it has a score, and no flag or the instructor accepted it. */
	counts: boolean;
}

export interface RegradeOptions {
	quizzes: ReadonlyMap<string, GradebookQuiz>;
	/** Grading for an assignment: its id, due date and pass mark (which wins over the quiz's). */
	assignment?: { id: string; due?: string; passMark?: number };
	/** `attemptKey`s of flagged attempts the instructor accepted: they count despite their flags. */
	accepted?: ReadonlySet<string>;
	/** The gradebook's clock, for submits in the future (default: now). */
	now?: Date;
}

/** What makes two copies of one attempt the same copy. */
const answerKey = (a: ResultAttempt) =>
	JSON.stringify([a.questionIds, a.answers, Date.parse(a.submittedAt)]);

const sameIds = (a: readonly string[], b: readonly string[]) =>
	a.length === b.length && a.every((id, i) => id === b[i]);

/** The flags of an attempt's questions and times that need only the attempt and its quiz. */
function integrityFlags(
	attempt: ResultAttempt,
	quiz: GradebookQuiz | undefined,
	options: { now: number; due?: number; knownContent: boolean }
): Flag[] {
	const flags: Flag[] = [];
	// Re-drawn only for content this gradebook knows: another version draws from another pool.
	if (quiz && options.knownContent) {
		const drawn = drawQuestions([...quiz.questions.values()], quiz.settings, attempt.seed);
		const drawnIds = drawn.map((q) => q.id);
		if (!sameIds(drawnIds, attempt.questionIds)) flags.push('questions-differ');
	}
	if (new Set(attempt.questionIds).size < attempt.questionIds.length)
		flags.push('repeated-question');
	const started = Date.parse(attempt.startedAt);
	const submitted = Date.parse(attempt.submittedAt);
	if (started > submitted) flags.push('started-after-submit');
	if (submitted > options.now + CLOCK_SKEW_MS) flags.push('submitted-in-future');
	const limit = quiz?.settings.timeLimitMinutes;
	if (limit !== undefined && submitted - started > limit * 60_000 + TIME_LIMIT_GRACE_MS)
		flags.push('over-time-limit');
	if (options.due !== undefined && submitted > options.due) flags.push('late');
	return flags;
}

/** Re-grades every attempt of every file and flags what does not add up. */
export function regrade(
	files: readonly { source: string; file: ResultsFile }[],
	options: RegradeOptions
): GradedAttempt[] {
	const now = (options.now ?? new Date()).getTime();
	const dueAt = options.assignment?.due ? Date.parse(options.assignment.due) : NaN;
	const due = Number.isNaN(dueAt) ? undefined : dueAt;
	const all = files.flatMap(({ source, file }) =>
		file.attempts.map((attempt) => ({ source, learner: file.learner, file, attempt }))
	);
	// First pass: who handed in each attempt id, and every version of each learner's attempt.
	const learnersOf = new Map<string, Set<string>>();
	const versionsOf = new Map<string, Set<string>>();
	for (const { learner, attempt } of all) {
		const learners = learnersOf.get(attempt.attemptId) ?? new Set();
		learnersOf.set(attempt.attemptId, learners.add(learner.id));
		const key = attemptKey(learner.id, attempt.attemptId);
		versionsOf.set(key, (versionsOf.get(key) ?? new Set()).add(answerKey(attempt)));
	}
	const seen = new Set<string>();
	return all.map(({ source, learner, file, attempt }) => {
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
			if (attempt.contentHash !== quiz.contentHash || missing.length) flags.push('unknown-content');
			if (Math.abs(score - attempt.score) > 1e-6) flags.push('score-differs');
		}
		const key = attemptKey(learner.id, attempt.attemptId);
		const copy = `${key}\n${answerKey(attempt)}`;
		if (seen.has(copy)) flags.push('duplicate');
		seen.add(copy);
		// Every version of an attempt that exists in two versions is suspect, not only the later.
		if (versionsOf.get(key)!.size > 1) flags.push('conflict');
		if (learnersOf.get(attempt.attemptId)!.size > 1) flags.push('two-learners');
		const assignmentId = attempt.assignmentId ?? file.assignmentId;
		if (options.assignment && assignmentId !== options.assignment.id)
			flags.push('other-assignment');
		flags.push(
			...integrityFlags(attempt, quiz, {
				now,
				due,
				knownContent: !flags.includes('unknown-content')
			})
		);
		return {
			source,
			learner,
			attempt,
			key,
			score,
			passed:
				quiz && score !== undefined
					? passes(score, effectivePassMark(quiz.passMark, options.assignment?.passMark))
					: undefined,
			questionScores,
			missing,
			flags,
			counts: score !== undefined && (flags.length === 0 || !!options.accepted?.has(key))
		};
	});
}

/** A learner's standing on one quiz. */
export interface GradebookCell {
	/** The best re-graded score among the attempts that count; undefined when none counts. */
	best?: number;
	/** Whether `best` reaches the pass mark (false when no attempt counts). */
	passed: boolean;
	/** How many attempts count (copies of one attempt count once); 0 means no grade. */
	attempts: number;
	/** Every flag raised on the learner's attempts at this quiz, whether they count or not. */
	flags: Flag[];
}

export interface GradebookRow {
	learner: Learner;
	/** quiz key (`courseId/quizId`) → the learner's standing on that quiz. */
	scores: Record<string, GradebookCell>;
}

/** The order of `localeCompare`, without building a collator on every comparison. */
const byName = new Intl.Collator();

/** One learner's attempts at one quiz, summed up for the gradebook against `passMark`. */
function cellOf(attempts: readonly GradedAttempt[], passMark: number): GradebookCell {
	const scores = attempts.flatMap((g) => (g.counts && g.score !== undefined ? [g.score] : []));
	const best = scores.length ? Math.max(...scores) : undefined;
	const counted = new Set(attempts.filter((g) => g.counts).map((g) => g.key));
	return {
		best,
		passed: best !== undefined && passes(best, passMark),
		attempts: counted.size,
		flags: [...new Set(attempts.flatMap((g) => g.flags))]
	};
}

/**
 * Learners × quizzes: the best re-graded score among the attempts that count (clean or accepted),
 * with every flag raised on the way.
 */
export function gradebookRows(
	graded: readonly GradedAttempt[],
	quizzes: ReadonlyMap<string, GradebookQuiz>,
	/** An assignment's pass mark, which wins over each quiz's. */
	passMark?: number
): GradebookRow[] {
	const byLearner = new Map<string, { learner: Learner; byQuiz: Map<string, GradedAttempt[]> }>();
	for (const g of graded) {
		const entry = byLearner.get(g.learner.id) ?? { learner: g.learner, byQuiz: new Map() };
		byLearner.set(g.learner.id, entry);
		const quizKey = `${g.attempt.courseId}/${g.attempt.quizId}`;
		const list = entry.byQuiz.get(quizKey);
		if (list) list.push(g);
		else entry.byQuiz.set(quizKey, [g]);
	}
	return [...byLearner.values()]
		.map(({ learner, byQuiz }) => ({
			learner,
			scores: Object.fromEntries(
				[...byQuiz].map(([quizKey, attempts]) => [
					quizKey,
					cellOf(attempts, effectivePassMark(quizzes.get(quizKey)?.passMark ?? 100, passMark))
				])
			)
		}))
		.sort((a, b) => byName.compare(a.learner.name ?? a.learner.id, b.learner.name ?? b.learner.id));
}

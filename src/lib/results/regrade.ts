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

/**
 * What the gradebook keeps of a handed-in attempt once it is re-graded (never the full file). Its
 * question ids may be shared with other attempts (the quiz's drawn ids): read-only.
 */
export type KeptAttempt = Pick<
	ResultAttempt,
	'attemptId' | 'courseId' | 'quizId' | 'startedAt' | 'submittedAt'
> & { questionIds: readonly string[] };

export interface GradedAttempt {
	source: string;
	learner: Learner;
	attempt: KeptAttempt;
	/** `attemptKey` of this attempt: what `accepted` holds once the instructor accepts it. */
	key: string;
	/** The gradebook's score in [0, 1] (undefined when the quiz is unknown). */
	score?: number;
	passed?: boolean;
	/** Per presented question the content has: its re-graded score. */
	questionScores: Record<string, number>;
	/** The raw answers that re-graded below 1, by question id: what the item analysis reads. */
	wrongAnswers: Record<string, unknown>;
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

/**
 * One attempt re-graded on its own: everything that needs neither the other files nor the
 * gradebook's options, so that a file can be dropped as soon as its attempts are graded.
 */
export interface AttemptGrade {
	source: string;
	learner: Learner;
	attempt: KeptAttempt;
	key: string;
	/** The assignment it was handed in for: the attempt's, else its file's. */
	assignmentId?: string;
	/** What makes two copies of the attempt the same copy (answers, questions, submit time). */
	copy: string;
	quizKey: string;
	score?: number;
	questionScores: Record<string, number>;
	wrongAnswers: Record<string, unknown>;
	missing: string[];
	/** `unknown-quiz`, or `unknown-content` and `score-differs`. */
	contentFlags: readonly Flag[];
	/** `questions-differ` and `repeated-question`. */
	shapeFlags: readonly Flag[];
	started: number;
	submitted: number;
	timeLimitMinutes?: number;
}

function sameIds(a: readonly string[], b: readonly string[]): boolean {
	if (a.length !== b.length) return false;
	for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
	return true;
}

interface Pool {
	/** The quiz's questions in authoring order, as `drawQuestions` takes them. */
	questions: Question[];
	distinctIds: boolean;
	/**
	 * Without a draw or a shuffle, the ids every attempt presents whatever its seed (the authoring
	 * order, drawQuestions): drawn once and shared by the attempts, with their JSON for the copy key
	 * and a record with a score per id, in their order, that each attempt's scores copy.
	 */
	fixed?: { ids: readonly string[]; json: string; scores: Readonly<Record<string, number>> };
}

/** Each quiz's pool, built once per quiz. */
const pools = new WeakMap<GradebookQuiz, Pool>();
function poolOf(quiz: GradebookQuiz): Pool {
	let pool = pools.get(quiz);
	if (!pool) {
		const questions = [...quiz.questions.values()];
		pool = {
			questions,
			distinctIds: new Set(questions.map((q) => q.id)).size === questions.length
		};
		if (quiz.settings.draw === undefined && !quiz.settings.shuffle.questions) {
			const ids = Object.freeze(drawQuestions(questions, quiz.settings, 0).map((q) => q.id));
			// Built at once, not key by key: V8 turns an object that gains many keys one by one into
			// a slow dictionary, and copies of this one stay fast to read.
			const scores = Object.fromEntries(ids.map((id) => [id, 0]));
			pool.fixed = { ids, json: JSON.stringify(ids), scores };
		}
		pools.set(quiz, pool);
	}
	return pool;
}

/** The ids `quiz` presents to an attempt drawn with `seed`. */
const drawnIds = (quiz: GradebookQuiz, pool: Pool, seed: number): readonly string[] =>
	pool.fixed?.ids ?? drawQuestions(pool.questions, quiz.settings, seed).map((q) => q.id);

// Shared by the many attempts that have none, so that a large class keeps fewer objects alive.
const NO_FLAGS: readonly Flag[] = Object.freeze([]);
const NO_IDS: string[] = [];

/** Re-grades one attempt of `file` with its quiz, and flags what the attempt alone shows. */
export function gradeAttempt(
	source: string,
	file: Pick<ResultsFile, 'learner' | 'assignmentId'>,
	attempt: ResultAttempt,
	quizzes: ReadonlyMap<string, GradebookQuiz>
): AttemptGrade {
	const quizKey = `${attempt.courseId}/${attempt.quizId}`;
	const quiz = quizzes.get(quizKey);
	const contentFlags: Flag[] = [];
	const shapeFlags: Flag[] = [];
	let questionScores: Record<string, number> = {};
	let wrongAnswers: Record<string, unknown> | undefined;
	let missing = NO_IDS;
	let score: number | undefined;
	// The presented ids, as the quiz's own strings when they are the drawn ones (shared by the
	// attempts when the quiz neither draws nor shuffles).
	let questionIds: readonly string[] = attempt.questionIds;
	let distinct = false;
	// The pool's fixed order, when the attempt presents it.
	let fixed: Pool['fixed'];
	if (!quiz) {
		contentFlags.push('unknown-quiz');
	} else {
		const scored = scoreAttempt(attempt, quiz.questions);
		score = scored.score;
		if (scored.missing.length) missing = scored.missing;
		// Questions this content lacks mean the attempt answered another version of the quiz.
		const otherVersion = attempt.contentHash !== quiz.contentHash || missing.length > 0;
		if (otherVersion) contentFlags.push('unknown-content');
		if (Math.abs(score - attempt.score) > 1e-6) contentFlags.push('score-differs');
		// Re-drawn only for content this gradebook knows: another version draws from another pool.
		if (!otherVersion) {
			const pool = poolOf(quiz);
			const drawn = drawnIds(quiz, pool, attempt.seed);
			if (sameIds(drawn, attempt.questionIds)) {
				questionIds = drawn;
				distinct = pool.distinctIds;
				fixed = pool.fixed;
			} else shapeFlags.push('questions-differ');
		}
		// In the fixed order, the scores go into a copy of the pool's record, which has these keys.
		if (fixed) questionScores = { ...fixed.scores };
		for (let i = 0; i < scored.questions.length; i++) {
			const q = scored.questions[i];
			questionScores[q.questionId] = q.score;
			if (q.score < 1 && q.answered)
				(wrongAnswers ??= {})[q.questionId] = attempt.answers[q.questionId];
		}
	}
	// The drawn questions are distinct: only other lists need counting.
	if (!distinct && new Set(questionIds).size < questionIds.length)
		shapeFlags.push('repeated-question');
	const { attemptId, courseId, quizId, startedAt, submittedAt } = attempt;
	const submitted = Date.parse(submittedAt);
	return {
		source,
		learner: file.learner,
		attempt: { attemptId, courseId, quizId, questionIds, startedAt, submittedAt },
		key: attemptKey(file.learner.id, attemptId),
		assignmentId: attempt.assignmentId ?? file.assignmentId,
		// What makes two copies of one attempt the same copy: exactly the JSON of
		// [questionIds, answers, submitted], built from the pool's JSON of the ids when it has it.
		copy: `[${fixed?.json ?? JSON.stringify(questionIds)},${JSON.stringify(attempt.answers)},${JSON.stringify(submitted)}]`,
		quizKey,
		score,
		questionScores,
		wrongAnswers: wrongAnswers ?? {},
		missing,
		contentFlags: contentFlags.length ? contentFlags : NO_FLAGS,
		shapeFlags: shapeFlags.length ? shapeFlags : NO_FLAGS,
		started: Date.parse(startedAt),
		submitted,
		timeLimitMinutes: quiz?.settings.timeLimitMinutes
	};
}

/**
 * The flags that need every file (copies, one attempt under two learners) or the options (due
 * date, assignment, clock), then whether each attempt counts. Linear in the attempts: one pass to
 * learn which attempts have copies, one to flag.
 */
export function finishGrades(
	grades: readonly AttemptGrade[],
	options: RegradeOptions
): GradedAttempt[] {
	const now = (options.now ?? new Date()).getTime();
	const dueAt = options.assignment?.due ? Date.parse(options.assignment.due) : NaN;
	const due = Number.isNaN(dueAt) ? undefined : dueAt;
	// Who handed in each attempt id, and the versions of each learner's attempt. Nearly every
	// attempt has one learner and one version, so the first is kept as a string, not a set.
	const firstLearner = new Map<string, string>();
	const sharedIds = new Set<string>();
	const firstCopy = new Map<string, string>();
	// The other versions of an attempt that has more than one, as a set: a forger may hand in many.
	const laterCopies = new Map<string, Set<string>>();
	const duplicate: boolean[] = [];
	for (const g of grades) {
		const id = g.attempt.attemptId;
		const learner = firstLearner.get(id);
		if (learner === undefined) firstLearner.set(id, g.learner.id);
		else if (learner !== g.learner.id) sharedIds.add(id);
		const first = firstCopy.get(g.key);
		if (first === undefined) {
			firstCopy.set(g.key, g.copy);
			duplicate.push(false);
		} else if (first === g.copy) {
			duplicate.push(true);
		} else {
			let later = laterCopies.get(g.key);
			if (!later) laterCopies.set(g.key, (later = new Set()));
			duplicate.push(later.has(g.copy));
			later.add(g.copy);
		}
	}
	return grades.map((g, i) => {
		const flags: Flag[] = [...g.contentFlags];
		if (duplicate[i]) flags.push('duplicate');
		// Every version of an attempt that exists in two versions is suspect, not only the later.
		if (laterCopies.has(g.key)) flags.push('conflict');
		if (sharedIds.has(g.attempt.attemptId)) flags.push('two-learners');
		if (options.assignment && g.assignmentId !== options.assignment.id)
			flags.push('other-assignment');
		flags.push(...g.shapeFlags);
		if (g.started > g.submitted) flags.push('started-after-submit');
		if (g.submitted > now + CLOCK_SKEW_MS) flags.push('submitted-in-future');
		const limit = g.timeLimitMinutes;
		if (limit !== undefined && g.submitted - g.started > limit * 60_000 + TIME_LIMIT_GRACE_MS)
			flags.push('over-time-limit');
		if (due !== undefined && g.submitted > due) flags.push('late');
		const quiz = options.quizzes.get(g.quizKey);
		return {
			source: g.source,
			learner: g.learner,
			attempt: g.attempt,
			key: g.key,
			score: g.score,
			passed:
				quiz && g.score !== undefined
					? passes(g.score, effectivePassMark(quiz.passMark, options.assignment?.passMark))
					: undefined,
			questionScores: g.questionScores,
			wrongAnswers: g.wrongAnswers,
			missing: g.missing,
			flags,
			counts: g.score !== undefined && (flags.length === 0 || !!options.accepted?.has(g.key))
		};
	});
}

/** Re-grades every attempt of every file and flags what does not add up. */
export function regrade(
	files: readonly { source: string; file: ResultsFile }[],
	options: RegradeOptions
): GradedAttempt[] {
	return finishGrades(
		files.flatMap(({ source, file }) =>
			file.attempts.map((attempt) => gradeAttempt(source, file, attempt, options.quizzes))
		),
		options
	);
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
	// One pass: a class has a cell per learner and quiz, nearly every one of a single attempt.
	let best: number | undefined;
	const counted = attempts.length > 1 ? new Set<string>() : undefined;
	let counts = 0;
	// Each kind of flag at most once: a short list, not a set.
	const flags: Flag[] = [];
	for (const g of attempts) {
		if (g.counts) {
			if (counted) counted.add(g.key);
			else counts = 1;
			if (g.score !== undefined) best = best === undefined ? g.score : Math.max(best, g.score);
		}
		for (const flag of g.flags) if (!flags.includes(flag)) flags.push(flag);
	}
	return {
		best,
		passed: best !== undefined && passes(best, passMark),
		attempts: counted ? counted.size : counts,
		flags
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

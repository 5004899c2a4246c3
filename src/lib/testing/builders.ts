/** Test data: valid objects in one line, e.g. `question('match')`, `question('single', { id: 'q2' })`. */
import type { Question, QuestionType } from '../content/schema.ts';
import type { Course, Lesson } from '../content/model.ts';
import { questionView, type QuestionView } from '../content/quiz-view.ts';
import {
	answerQuestion,
	startAttempt,
	submitAttempt,
	type Attempt,
	type AttemptQuiz
} from '../quiz/attempt.ts';
import { drawQuestions } from '../quiz/draw.ts';
import { correctAnswer, type Answer } from '../quiz/grade.ts';
import { contentHash } from '../quiz/hash.ts';
import type { BackupFile, Learner, Profile, ResultsFile } from '../results/schema.ts';
import { buildBackup, buildResultsFile } from '../results/export.ts';
import type { GradebookQuiz, GradebookRow } from '../results/regrade.ts';
import type { ReviewEvent } from '../review/schedule.ts';
import type { LessonDone } from '../progress/records.ts';

const common = {
	topic: 'graph-types',
	source: 'key-differences#graph-type',
	prompt: 'A question?',
	explanation: 'Because.'
};

const samples: { [T in QuestionType]: Extract<Question, { type: T }> } = {
	single: {
		...common,
		id: 'single-q',
		type: 'single',
		options: [
			{ id: 'dynamic', text: 'Dynamic', correct: true },
			{ id: 'static', text: 'Static' },
			{ id: 'both', text: 'Both' }
		]
	},
	multiple: {
		...common,
		id: 'multiple-q',
		type: 'multiple',
		options: [
			{ id: 'serving', text: 'TensorFlow Serving', correct: true },
			{ id: 'lite', text: 'TensorFlow Lite', correct: true },
			{ id: 'torchserve', text: 'TorchServe' },
			{ id: 'onnx', text: 'ONNX' }
		]
	},
	truefalse: { ...common, id: 'truefalse-q', type: 'truefalse', answer: true },
	match: {
		...common,
		id: 'match-q',
		type: 'match',
		pairs: [
			{ left: 'TensorFlow', right: 'GPUs, TPUs' },
			{ left: 'PyTorch', right: 'GPUs, limited TPU support' },
			{ left: 'Keras', right: 'Same as TensorFlow' },
			{ left: 'ONNX', right: 'Model exchange' }
		],
		distractors: ['CPUs only']
	},
	order: { ...common, id: 'order-q', type: 'order', items: ['TensorFlow', 'PyTorch', 'Keras'] },
	text: { ...common, id: 'text-q', type: 'text', answers: ['TensorBoard', 'Tensor Board'] },
	classify: {
		...common,
		id: 'classify-q',
		type: 'classify',
		categories: ['TensorFlow', 'PyTorch'],
		items: [
			{ text: 'TensorFlow Serving', category: 'TensorFlow' },
			{ text: 'TorchServe', category: 'PyTorch' },
			{ text: 'TensorBoard', category: 'TensorFlow' },
			{ text: 'Eager by default', category: 'PyTorch' }
		]
	}
};

/** A valid question of the given type, with any fields overridden. */
export function question<T extends QuestionType>(
	type: T,
	overrides: Partial<Extract<Question, { type: T }>> = {}
): Extract<Question, { type: T }> {
	return { ...structuredClone(samples[type]), ...overrides } as Extract<Question, { type: T }>;
}

/** One valid question of every type. */
export const everyType = (): Question[] =>
	(Object.keys(samples) as QuestionType[]).map((type) => question(type));

/**
 * The view a quiz page gets of `q`: its texts rendered as at build time, taught in the lesson
 * "Key differences", section "Graph type" (whatever `q.source` names).
 */
export function questionViewOf(q: Question): QuestionView {
	const [lessonId, anchor] = q.source.split('#');
	const lesson = {
		title: 'Key differences',
		sections: [{ id: anchor, title: 'Graph type', line: 1 }]
	};
	const course = { lessons: new Map([[lessonId, lesson as Lesson]]) };
	return questionView(course as Course, q);
}

/**
 * A valid stored attempt at the tiny course's quiz, in progress unless `submitted` (then answered
 * and scored), with any fields overridden.
 */
export function attempt(overrides: Partial<Attempt> & { submitted?: boolean } = {}): Attempt {
	const { submitted, ...fields } = overrides;
	const base: Attempt = {
		id: 'attempt-1',
		courseId: 'tiny',
		quizId: 'basics-quiz',
		contentHash: 'hash-1',
		seed: 1,
		questionIds: ['single-q'],
		answers: {},
		checked: [],
		flagged: [],
		current: 0,
		startedAt: '2026-01-01T10:00:00.000Z',
		updatedAt: '2026-01-01T10:00:00.000Z',
		revision: 0
	};
	const done: Partial<Attempt> = submitted
		? {
				answers: { 'single-q': 'dynamic' },
				submittedAt: '2026-01-01T10:05:00.000Z',
				submittedBy: 'learner',
				score: 1,
				revision: 2
			}
		: {};
	return { ...base, ...done, ...fields };
}

/** The right answer to each of `questions`, by question id. */
export const rightAnswers = (questions: readonly Question[]): Record<string, Answer> =>
	Object.fromEntries(questions.map((q) => [q.id, correctAnswer(q)]));

/**
 * Like `attempt({ submitted: true })`, but presenting `questions` under their content hash,
 * answered with `answers` (others left unanswered) and scored as the app scores it on submit.
 */
export function submittedAttempt(
	questions: readonly Question[],
	answers: Attempt['answers'],
	overrides: Partial<Attempt> = {}
): Attempt {
	const { submittedAt = '2026-01-01T10:05:00.000Z', ...fields } = overrides;
	const open = attempt({
		questionIds: questions.map((q) => q.id),
		contentHash: contentHash(questions),
		answers,
		...fields
	});
	// The pass mark only decides `passed`, which a stored attempt does not keep.
	return { ...submitAttempt(open, questions, 0, new Date(submittedAt)), ...fields };
}

/** The quiz `startAttempt` takes: the tiny course's quiz, as `attempt()` has it, untimed. */
export const attemptQuiz = (overrides: Partial<AttemptQuiz> = {}): AttemptQuiz => ({
	courseId: 'tiny',
	quizId: 'basics-quiz',
	contentHash: 'hash-1',
	settings: {},
	...overrides
});

/**
 * The gradebook's copy of the tiny course's quiz (`tiny/basics-quiz`) holding `questions`: by
 * default untimed, all questions in authoring order (no draw, no shuffle), as `attempt()` has them.
 */
export function gradebookQuiz(
	questions: readonly Question[],
	overrides: Partial<GradebookQuiz> = {}
): GradebookQuiz {
	return {
		courseId: 'tiny',
		quizId: 'basics-quiz',
		title: 'Basics',
		passMark: 70,
		contentHash: contentHash(questions),
		questions: new Map(questions.map((q) => [q.id, q])),
		settings: { shuffle: { questions: false, options: false } },
		...overrides
	};
}

/** A learner as a results file or profile names them: Ada, with a pseudonymous id. */
export const learner = (overrides: Partial<Learner> = {}): Learner => ({
	id: 'learner-0a1b2c3d',
	name: 'Ada',
	...overrides
});

/** The results file `learner()` hands in with `attempts` (by default one submitted attempt). */
export function resultsFile(
	attempts: readonly Attempt[] = [attempt({ submitted: true })],
	overrides: Partial<ResultsFile> = {}
): ResultsFile {
	const now = new Date('2026-01-01T10:10:00.000Z');
	return { ...buildResultsFile({ learner: learner(), attempts, now }), ...overrides };
}

/** A backup file of what `store` holds, stamped `at`. */
export function backupOf(
	store: { profile: Profile; attempts: Attempt[]; lessons: LessonDone[]; reviews: ReviewEvent[] },
	at: string
): BackupFile {
	return buildBackup({
		profile: store.profile,
		attempts: store.attempts,
		lessonsDone: store.lessons,
		reviews: store.reviews,
		now: new Date(at)
	});
}

/**
 * A gradebook row of `learner(fields)` with a counted best score per quiz key; `null` is a cell
 * whose attempts none count (no grade). `username` is the LMS login `Learner` does not hold yet.
 */
export function gradebookRow(
	fields: Partial<Learner> & { username?: string },
	scores: Record<string, number | null> = {}
): GradebookRow {
	return {
		learner: learner(fields),
		scores: Object.fromEntries(
			Object.entries(scores).map(([key, best]) => [
				key,
				best === null
					? { best: 0, passed: false, attempts: 0, flags: [] }
					: { best, passed: best >= 0.5, attempts: 1, flags: [] }
			])
		)
	};
}

/**
 * An attempt at `quiz` taken the way the quiz page takes it (quiz-session.svelte.ts): questions
 * drawn from the quiz's questions (in their order) by its settings with `seed`, started at
 * `startedAt`, answered with `answers` (answers to questions not drawn are ignored, as the page
 * never shows them), then submitted `minutes` later by the learner, or by the timer (`by:
 * 'timeout'`), which submits as of the deadline however late it is noticed.
 */
export function takenAttempt(
	quiz: GradebookQuiz,
	options: {
		seed: number;
		id?: string;
		answers?: Record<string, Answer>;
		startedAt?: string;
		minutes?: number;
		by?: 'learner' | 'timeout';
		assignmentId?: string;
	}
): Attempt {
	const questions = [...quiz.questions.values()];
	const start = new Date(options.startedAt ?? '2026-01-01T10:00:00.000Z');
	const drawn = drawQuestions(questions, quiz.settings, options.seed);
	let taken = startAttempt(
		attemptQuiz({
			courseId: quiz.courseId,
			quizId: quiz.quizId,
			contentHash: quiz.contentHash,
			settings: quiz.settings
		}),
		drawn.map((q) => q.id),
		{
			id: options.id ?? 'attempt-1',
			seed: options.seed,
			now: start,
			assignmentId: options.assignmentId
		}
	);
	for (const [questionId, answer] of Object.entries(options.answers ?? {}))
		taken = answerQuestion(taken, questionId, answer, start);
	const end = new Date(start.getTime() + (options.minutes ?? 5) * 60_000);
	return submitAttempt(taken, questions, quiz.passMark, end, options.by);
}

/**
 * The gradebook's work, away from the page: it runs in a Web Worker (the gradebook route's
 * `gradebook-worker.ts`) so that a large import never freezes the page. Each file is read,
 * validated and re-graded as it arrives and then dropped: only each attempt's grade and the small
 * keys that find copies across files are kept. The page receives the figures it shows, ready.
 */
import { readJsonFile, type ReadResult } from './read-file.ts';
import { isResultsFile } from './results-guard.ts';
import { RESULTS_FORMAT, RESULTS_VERSION, ResultsFile, type Learner } from './schema.ts';
import {
	finishGrades,
	gradeAttempt,
	gradebookRows,
	type AttemptGrade,
	type Flag,
	type GradebookQuiz,
	type GradebookRow,
	type GradedAttempt,
	type RegradeOptions
} from './regrade.ts';
import { itemAnalysis, type ItemStats } from './item-analysis.ts';
import { classMastery, type MasteryAttempt, type TopicMastery } from './mastery.ts';

/** Reads a results file someone gives the gradebook: capped, parsed safely, validated. */
export function readResultsFile(text: string, bytes: number): ReadResult<ResultsFile> {
	return readJsonFile(text, bytes, {
		format: RESULTS_FORMAT,
		version: RESULTS_VERSION,
		noun: 'results file',
		schema: ResultsFile,
		accepts: isResultsFile
	});
}

/** A flagged attempt as the page lists it. */
export interface FlaggedAttempt {
	key: string;
	source: string;
	learner: Learner;
	/** `courseId/quizId`. */
	quizKey: string;
	score?: number;
	flags: Flag[];
}

/** One quiz's figures: its item analysis and each learner's counted best score. */
export interface QuizFigures {
	items: ItemStats[];
	scores: number[];
}

/** Everything the gradebook page shows about the imported attempts. */
export interface GradebookView {
	/** How many attempts were re-graded. */
	attempts: number;
	rows: GradebookRow[];
	/** Attempts with a flag, accepted or not: the instructor decides on each. */
	flagged: FlaggedAttempt[];
	/** Per file name: every flag raised on its attempts. */
	flagsBySource: [string, Flag[]][];
	/** The class's mastery per topic, from the attempts that count. */
	mastery: TopicMastery[];
	/** Per quiz (`courseId/quizId`) with attempts: item analysis and scores. */
	quizzes: [string, QuizFigures][];
}

/** What the gradebook grades with, besides the banks: serialisable, to cross to the worker. */
export interface ViewOptions {
	assignment?: RegradeOptions['assignment'];
	/** `attemptKey`s of flagged attempts the instructor accepted. */
	accepted?: readonly string[];
	/** The gradebook's clock (ms), for submits in the future (default: now). */
	now?: number;
}

const quizKeyOf = (g: GradedAttempt) => `${g.attempt.courseId}/${g.attempt.quizId}`;

/** The page's figures from re-graded attempts (a quiz's analysis uses the attempts that count). */
export function gradebookView(
	graded: readonly GradedAttempt[],
	quizzes: ReadonlyMap<string, GradebookQuiz>,
	passMark?: number
): GradebookView {
	const rows = gradebookRows(graded, quizzes, passMark);
	const flagsBySource = new Map<string, Set<Flag>>();
	const counted = new Map<string, GradedAttempt[]>();
	const withAttempts = new Set<string>();
	const forMastery: MasteryAttempt[] = [];
	for (const g of graded) {
		const flags = flagsBySource.get(g.source) ?? new Set();
		for (const flag of g.flags) flags.add(flag);
		flagsBySource.set(g.source, flags);
		const quizKey = quizKeyOf(g);
		withAttempts.add(quizKey);
		const quiz = quizzes.get(quizKey);
		if (!quiz || !g.counts) continue;
		const list = counted.get(quizKey);
		if (list) list.push(g);
		else counted.set(quizKey, [g]);
		// classMastery groups the answers per learner and question, as masteryByTopic groups them
		// by `learner/question` (question ids are kebab-case, so that key is the same pair).
		forMastery.push({
			learnerId: g.learner.id,
			at: g.attempt.submittedAt,
			scores: g.questionScores,
			questions: quiz.questions
		});
	}
	return {
		attempts: graded.length,
		rows,
		flagged: graded
			.filter((g) => g.flags.length > 0)
			.map((g) => ({
				key: g.key,
				source: g.source,
				learner: g.learner,
				quizKey: quizKeyOf(g),
				score: g.score,
				flags: g.flags
			})),
		flagsBySource: [...flagsBySource].map(([source, flags]) => [source, [...flags]]),
		mastery: classMastery(forMastery),
		quizzes: [...quizzes].flatMap(([quizKey, quiz]): [string, QuizFigures][] =>
			withAttempts.has(quizKey)
				? [
						[
							quizKey,
							{
								items: itemAnalysis(counted.get(quizKey) ?? [], quiz.questions),
								scores: rows.flatMap((r) => {
									const best = r.scores[quizKey]?.best;
									return best !== undefined ? [best] : [];
								})
							}
						]
					]
				: []
		)
	};
}

/** What reading one file gave: its learner, or why it was refused. */
export type FileOutcome = { ok: true; learner: Learner } | { ok: false; message: string };

/** The imported files' grades, file by file, and the view over them. */
export class GradebookEngine {
	/** File id → its attempts' grades, in import order. */
	private readonly files = new Map<string, AttemptGrade[]>();

	constructor(private readonly quizzes: ReadonlyMap<string, GradebookQuiz>) {}

	/** Reads, validates and re-grades one file; keeps its grades, never the file. */
	add(id: string, source: string, text: string, bytes: number): FileOutcome {
		const read = readResultsFile(text, bytes);
		if (!read.ok) return read;
		const file = read.value;
		this.files.delete(id);
		this.files.set(
			id,
			file.attempts.map((attempt) => gradeAttempt(source, file, attempt, this.quizzes))
		);
		return { ok: true, learner: file.learner };
	}

	remove(ids: readonly string[]) {
		for (const id of ids) this.files.delete(id);
	}

	clear() {
		this.files.clear();
	}

	/** Every kept attempt, flagged across files and counted with `options`. */
	graded(options: ViewOptions = {}): GradedAttempt[] {
		return finishGrades([...this.files.values()].flat(), {
			quizzes: this.quizzes,
			assignment: options.assignment,
			accepted: new Set(options.accepted),
			now: options.now === undefined ? undefined : new Date(options.now)
		});
	}

	view(options: ViewOptions = {}): GradebookView {
		return gradebookView(this.graded(options), this.quizzes, options.assignment?.passMark);
	}
}

/** A request to the gradebook worker; each gets one reply with the same `seq`. */
export type GradebookRequest = { seq: number } & (
	| { type: 'init'; quizzes: ReadonlyMap<string, GradebookQuiz> }
	| { type: 'add'; id: string; source: string; text: string; bytes: number }
	| { type: 'remove'; ids: string[] }
	| { type: 'clear' }
	| { type: 'view'; options: ViewOptions }
);

export type GradebookReply = { seq: number } & (
	| { type: 'ready' }
	| { type: 'added'; outcome: FileOutcome }
	| { type: 'view'; view: GradebookView }
	| { type: 'failed'; message: string }
);

/** The worker's side: answers each request in order, with one engine for the page's life. */
export function gradebookService(post: (reply: GradebookReply) => void) {
	let engine = new GradebookEngine(new Map());
	return (request: GradebookRequest) => {
		const { seq } = request;
		try {
			switch (request.type) {
				case 'init':
					engine = new GradebookEngine(request.quizzes);
					return post({ seq, type: 'ready' });
				case 'add':
					return post({
						seq,
						type: 'added',
						outcome: engine.add(request.id, request.source, request.text, request.bytes)
					});
				case 'remove':
					engine.remove(request.ids);
					return post({ seq, type: 'ready' });
				case 'clear':
					engine.clear();
					return post({ seq, type: 'ready' });
				case 'view':
					return post({ seq, type: 'view', view: engine.view(request.options) });
			}
		} catch (error) {
			post({
				seq,
				type: 'failed',
				message: error instanceof Error ? error.message : String(error)
			});
		}
	};
}

/**
 * The gradebook CSV: one row per learner × quiz. Cells that a spreadsheet would run as a formula
 * (starting with = + - @, tab or carriage return) are neutralised with a leading apostrophe.
 */
import Papa from 'papaparse';
import { passes } from '../quiz/score.ts';
import type { ResultsFile } from './schema.ts';

export interface QuizInfo {
	courseId: string;
	quizId: string;
	title: string;
	passMark: number;
}

export const CSV_COLUMNS = [
	'learner_id',
	'name',
	'student_id',
	'email',
	'course',
	'quiz',
	'quiz_title',
	'attempts',
	'best_percent',
	'last_percent',
	'passed',
	'last_submitted'
] as const;

const FORMULA = /^[=+\-@\t\r]/;

/** Makes a cell safe to open in a spreadsheet. */
export function neutralise(cell: string): string {
	return FORMULA.test(cell) ? `'${cell}` : cell;
}

const pct = (score: number) => String(Math.round(score * 1000) / 10);

/** The CSV rows of one or more results files (learners × quizzes), with a header. */
export function resultsCsv(files: readonly ResultsFile[], quizzes: readonly QuizInfo[]): string {
	const info = new Map(quizzes.map((q) => [`${q.courseId}/${q.quizId}`, q]));
	const rows: string[][] = [];
	for (const file of files) {
		const byQuiz = new Map<string, ResultsFile['attempts']>();
		for (const a of file.attempts) {
			const key = `${a.courseId}/${a.quizId}`;
			byQuiz.set(key, [...(byQuiz.get(key) ?? []), a]);
		}
		for (const [key, attempts] of [...byQuiz].sort(([a], [b]) => a.localeCompare(b))) {
			const quiz = info.get(key);
			const sorted = [...attempts].sort((a, b) => a.submittedAt.localeCompare(b.submittedAt));
			const last = sorted.at(-1)!;
			const best = Math.max(...sorted.map((a) => a.score));
			rows.push([
				file.learner.id,
				file.learner.name ?? '',
				file.learner.studentId ?? '',
				file.learner.email ?? '',
				last.courseId,
				last.quizId,
				quiz?.title ?? last.quizId,
				String(sorted.length),
				pct(best),
				pct(last.score),
				quiz ? (passes(best, quiz.passMark) ? 'yes' : 'no') : '',
				last.submittedAt
			]);
		}
	}
	return Papa.unparse(
		{ fields: [...CSV_COLUMNS], data: rows.map((row) => row.map(neutralise)) },
		{ newline: '\r\n' }
	);
}

/**
 * Grade exports shaped for an LMS import: Moodle (identify learners by email or ID number) and
 * Canvas (Student, ID, SIS User ID, SIS Login ID, Section, then one column per quiz). Every
 * cell is formula-safe.
 */
import Papa from 'papaparse';
import { neutralise } from './csv.ts';
import type { GradebookRow } from './regrade.ts';

export interface QuizColumn {
	key: string;
	title: string;
}

const percent = (score: number | undefined) =>
	score === undefined ? '' : String(Math.round(score * 1000) / 10);

function unparse(fields: string[], rows: string[][]) {
	return Papa.unparse(
		{ fields: fields.map(neutralise), data: rows.map((r) => r.map(neutralise)) },
		{ newline: '\r\n' }
	);
}

/** Moodle's grade import: an identifier column, then a column per quiz (grade in percent). */
export function moodleCsv(
	rows: readonly GradebookRow[],
	quizzes: readonly QuizColumn[],
	identify: 'email' | 'idnumber'
): string {
	const header = [
		identify === 'email' ? 'Email address' : 'ID number',
		...quizzes.map((q) => q.title)
	];
	const data = rows.map((row) => [
		(identify === 'email' ? row.learner.email : row.learner.studentId) ?? '',
		...quizzes.map((q) => percent(row.scores[q.key]?.best))
	]);
	return unparse(header, data);
}

/** Canvas's gradebook import layout. */
export function canvasCsv(rows: readonly GradebookRow[], quizzes: readonly QuizColumn[]): string {
	const header = [
		'Student',
		'ID',
		'SIS User ID',
		'SIS Login ID',
		'Section',
		...quizzes.map((q) => q.title)
	];
	const data = rows.map((row) => [
		row.learner.name ?? row.learner.id,
		'',
		row.learner.studentId ?? '',
		row.learner.email ?? '',
		'',
		...quizzes.map((q) => percent(row.scores[q.key]?.best))
	]);
	return unparse(header, data);
}

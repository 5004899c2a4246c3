/**
 * Grade files that Moodle's "Import grades from CSV" and Canvas's gradebook import read the way we
 * mean them (shared/notes/lms-and-formats.md, "Grade files for LMS importers"): every row names
 * its learner by the identifier the assignment chose, never blank, and scores are on the scale the
 * LMS expects. Learners who cannot be named safely are left out and listed instead. Every cell is
 * formula-safe.
 */
import Papa from 'papaparse';
import { neutralise } from './csv.ts';
import type { GradebookRow } from './regrade.ts';
import type { Learner } from './schema.ts';
import {
	identifierNoun,
	identifierOf,
	MOODLE_IDENTIFIERS,
	type CanvasIdentifier,
	type LmsIdentifier,
	type MoodleIdentifier
} from '../assign/lms-target.ts';

export interface QuizColumn {
	/** The gradebook's quiz key, `course/quiz`. */
	key: string;
	title: string;
	/** Entered by the instructor: the grade item's maximum (Moodle), points possible (Canvas). */
	points: number;
}

export type LeftOutReason = 'missing' | 'invalid' | 'shared';

/** A learner whose grades stay out of the file until their identifier is fixed. */
export interface LeftOut {
	learner: Learner;
	reason: LeftOutReason;
	/** The identifier as given (trimmed), unless missing. */
	identifier?: string;
	/** For `shared`: the other learners who give the same identifier. */
	sharedWith: Learner[];
}

export interface IdentifiedRow {
	row: GradebookRow;
	identifier: string;
}

/** A file to download, and who was left out of it. */
export interface LmsCsv {
	csv: string;
	leftOut: LeftOut[];
}

export const MAX_POINTS = 100_000;

// A leading apostrophe keeps a spreadsheet from running the cell, but the LMS would then look for
// a student named "'=…" (and Moodle aborts the whole import), so such an identifier is refused.
const FORMULA = /^[=+\-@\t\r]/;
const CONTROL = /\p{Cc}/u;
const EMAIL = /^[^\s@]+@[^\s@]+$/;

function problem(identifier: string, kind: LmsIdentifier): boolean {
	if (FORMULA.test(identifier) || CONTROL.test(identifier)) return true;
	if (kind === 'email' && !EMAIL.test(identifier)) return true;
	// Moodle tests the identifier with PHP's empty(), which is true for "0": blank, to Moodle.
	return identifier === '0' && (MOODLE_IDENTIFIERS as readonly string[]).includes(kind);
}

/**
 * Splits rows into those the LMS can match and the learners left out: no identifier, one the LMS
 * would misread, or one that several learners give (their grades would land on one student).
 */
export function splitByIdentifier(
	rows: readonly GradebookRow[],
	identifier: LmsIdentifier
): { ready: IdentifiedRow[]; leftOut: LeftOut[] } {
	const given = rows.map((row) => ({
		row,
		value: identifierOf(row.learner, identifier)
	}));
	// Case-insensitive: two spellings of one address are one person to a reader, and to some LMSs.
	const holders = new Map<string, Learner[]>();
	for (const { row, value } of given) {
		if (value === undefined) continue;
		const key = value.toLowerCase();
		holders.set(key, [...(holders.get(key) ?? []), row.learner]);
	}
	const ready: IdentifiedRow[] = [];
	const leftOut: LeftOut[] = [];
	for (const { row, value } of given) {
		const learner = row.learner;
		if (value === undefined) leftOut.push({ learner, reason: 'missing', sharedWith: [] });
		else if (problem(value, identifier))
			leftOut.push({ learner, reason: 'invalid', identifier: value, sharedWith: [] });
		else {
			const others = holders.get(value.toLowerCase())!.filter((l) => l !== learner);
			if (others.length)
				leftOut.push({ learner, reason: 'shared', identifier: value, sharedWith: others });
			else ready.push({ row, identifier: value });
		}
	}
	return { ready, leftOut };
}

const nameOf = (learner: Learner) => learner.name?.trim() || learner.id;

// Canvas skips a row whose first cell contains "Points Possible"; such a name gives way to the id.
const canvasStudent = (learner: Learner) =>
	/Points Possible/i.test(nameOf(learner)) ? learner.id : nameOf(learner);

const listOf = (names: string[]) => `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;

/** What the gradebook says about a learner left out, e.g. "Ada gives no email address." */
export function leftOutMessage(left: LeftOut, identifier: LmsIdentifier): string {
	const what = identifierNoun(identifier);
	const who = nameOf(left.learner);
	switch (left.reason) {
		case 'missing':
			return `${who} gives no ${what}.`;
		case 'invalid':
			return `${who} gives “${left.identifier}” as ${what}, which the LMS would not recognise.`;
		case 'shared':
			return `${listOf([who, ...left.sharedWith.map(nameOf)])} give the same ${what} “${left.identifier}”.`;
	}
}

/** The columns whose points the instructor has not entered as a usable number. */
export const columnsWithoutPoints = (columns: readonly QuizColumn[]): QuizColumn[] =>
	columns.filter((c) => !(Number.isFinite(c.points) && c.points > 0 && c.points <= MAX_POINTS));

function checkPoints(columns: readonly QuizColumn[]) {
	const bad = columnsWithoutPoints(columns);
	if (bad.length)
		throw new RangeError(
			`Enter the points (more than 0, at most ${MAX_POINTS}) for: ${bad.map((c) => c.title).join(', ')}`
		);
}

/** Two decimals, as both LMSs show grades; `toPrecision` first so 8.335 rounds up, not down. */
const twoDecimals = (x: number) => String(Math.round(Number((x * 100).toPrecision(12))) / 100);

/** The learner's counted score in [0, 1], or undefined when no attempt counts (no grade). */
function scoreOf(row: GradebookRow, column: QuizColumn): number | undefined {
	const cell = row.scores[column.key];
	return cell && cell.attempts > 0 ? cell.best : undefined;
}

/** Column titles made distinct, so no two columns fill the same grade item. */
function distinct(titles: readonly string[]): string[] {
	const seen = new Set<string>();
	return titles.map((title) => {
		let unique = title;
		for (let n = 2; seen.has(unique.toLowerCase()); n++) unique = `${title} [${n}]`;
		seen.add(unique.toLowerCase());
		return unique;
	});
}

function unparse(rows: string[][]) {
	return Papa.unparse(
		rows.map((r) => r.map(neutralise)),
		{ newline: '\r\n' }
	);
}

const MOODLE_HEADER: Record<MoodleIdentifier, string> = {
	// The names of the fields in Moodle's "Map from / Map to" menu, so the mapping is obvious.
	email: 'Email address',
	idnumber: 'ID number',
	username: 'Username'
};

/**
 * Moodle's grade import: the identifier column, then one column per quiz with the score scaled to
 * the grade item's maximum (83.3% of 10 is 8.33), blank when no attempt counts.
 */
export function moodleCsv(
	rows: readonly GradebookRow[],
	columns: readonly QuizColumn[],
	identifier: MoodleIdentifier
): LmsCsv {
	checkPoints(columns);
	const { ready, leftOut } = splitByIdentifier(rows, identifier);
	const header = [MOODLE_HEADER[identifier], ...distinct(columns.map((c) => c.title.trim()))];
	const data = ready.map(({ row, identifier: id }) => [
		id,
		...columns.map((c) => {
			const score = scoreOf(row, c);
			return score === undefined ? '' : twoDecimals(score * c.points);
		})
	]);
	return { csv: unparse([header, ...data]), leftOut };
}

/**
 * Canvas reads a header ending in a space and `(digits)` as "the assignment with that id" (its
 * `Assignment.title_and_id`), so "Week 1 (2024)" would grade assignment 2024 or be refused. The
 * brackets become square ("Week 1 [2024]"): the number stays readable and is part of the title.
 */
export const canvasTitle = (title: string): string => title.trim().replace(/\s\((\d+)\)$/, ' [$1]');

export interface CanvasOptions {
	identifier: CanvasIdentifier;
	/** `points`: 8.33 on a 10-point assignment; `percent`: 83.33%, of Canvas's points possible. */
	scoreAs: 'points' | 'percent';
}

/**
 * Canvas's gradebook import: Student, ID, SIS User ID, SIS Login ID, Section, then one column per
 * quiz, with a Points Possible row. The learner's identifier goes in the column the assignment
 * names and the other identifier columns stay blank; Canvas's own ID is unknown here, so blank.
 */
export function canvasCsv(
	rows: readonly GradebookRow[],
	columns: readonly QuizColumn[],
	options: CanvasOptions
): LmsCsv {
	checkPoints(columns);
	const { ready, leftOut } = splitByIdentifier(rows, options.identifier);
	const header = [
		'Student',
		'ID',
		'SIS User ID',
		'SIS Login ID',
		'Section',
		...distinct(columns.map((c) => canvasTitle(c.title)))
	];
	const pointsPossible = [
		'Points Possible',
		'',
		'',
		'',
		'',
		...columns.map((c) => String(c.points))
	];
	const data = ready.map(({ row, identifier }) => [
		canvasStudent(row.learner),
		'',
		options.identifier === 'sis_user_id' ? identifier : '',
		options.identifier === 'sis_login_id' ? identifier : '',
		'',
		...columns.map((c) => {
			const score = scoreOf(row, c);
			if (score === undefined) return '';
			return options.scoreAs === 'points'
				? twoDecimals(score * c.points)
				: `${twoDecimals(score * 100)}%`;
		})
	]);
	return { csv: unparse([header, pointsPossible, ...data]), leftOut };
}

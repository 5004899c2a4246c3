import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import Papa from 'papaparse';
import {
	canvasCsv,
	canvasTitle,
	columnsWithoutPoints,
	leftOutMessage,
	moodleCsv,
	splitByIdentifier,
	type QuizColumn
} from './lms-csv.ts';
import type { GradebookRow } from './regrade.ts';
import { gradebookRow } from '../testing/builders.ts';

// Readers that follow the importers' documented rules (shared/notes/lms-and-formats.md, "Grade
// files for LMS importers"), on top of papaparse: an independent CSV parser, not our own split.

function parse(csv: string): string[][] {
	const parsed = Papa.parse<string[]>(csv, { skipEmptyLines: true });
	expect(parsed.errors).toEqual([]);
	return parsed.data;
}

interface MoodleUser {
	id: number;
	email: string;
	idnumber: string;
	username: string;
}

type MoodleImport =
	{ ok: true; grades: Map<number, Record<string, number | null>> } | { ok: false; error: string };

/**
 * Moodle's "Import grades from CSV" once the instructor maps `column` to a user `field` and each
 * other column to the grade item of the same name. Values are trimmed. A blank identifier (PHP's
 * `empty()`: '' or '0') keeps the previous row's student, and aborts on the first row; an unknown
 * one aborts; identifiers compare case-sensitively. A grade is a raw number on the item's scale;
 * '' or '-' is no grade; anything else aborts.
 */
function moodleImport(
	csv: string,
	map: { column: string; field: 'email' | 'idnumber' | 'username' },
	users: readonly MoodleUser[]
): MoodleImport {
	const [header, ...lines] = parse(csv);
	const names = header.map((h) => h.trim());
	const idColumn = names.indexOf(map.column);
	if (idColumn < 0) return { ok: false, error: `no column “${map.column}”` };
	const grades = new Map<number, Record<string, number | null>>();
	let student: MoodleUser | undefined;
	for (const line of lines) {
		if (line.length <= 1) continue;
		const value = line[idColumn].trim();
		if (value !== '' && value !== '0') {
			student = users.find((u) => u[map.field] === value);
			if (!student) return { ok: false, error: `no user with ${map.field} “${value}”` };
		}
		if (!student) return { ok: false, error: 'user not found' };
		const row = grades.get(student.id) ?? {};
		for (const [i, name] of names.entries()) {
			if (i === idColumn) continue;
			const cell = line[i].trim();
			if (cell === '' || cell === '-') row[name] = null;
			else if (/^\d+(\.\d+)?$/.test(cell)) row[name] = Number(cell);
			else return { ok: false, error: `bad grade “${cell}”` };
		}
		grades.set(student.id, row);
	}
	return { ok: true, grades };
}

interface CanvasStudent {
	id: number;
	name: string;
	sisUserId: string;
	sisLoginId: string;
}

interface CanvasAssignment {
	id: number;
	title: string;
	points: number;
}

interface CanvasImport {
	/** Canvas student id → assignment title → points. */
	grades: Map<number, Record<string, number>>;
	/** Rows (by Student cell) no student matched. */
	unmatched: string[];
	/** Headers read as an assignment id that the course does not have. */
	unknownAssignments: string[];
	/** Columns that make a new assignment: title → points possible. */
	created: Record<string, number>;
}

/**
 * Canvas's gradebook import. Header `Student, ID, SIS User ID, SIS Login ID, Section`, then one
 * column per assignment: a title ending in ` (digits)` names the assignment with that id, any
 * other title the assignment of that title (a new one when none has it). A row starting `Points
 * Possible` is not a student. Students match by ID, then SIS User ID, then SIS Login ID, then
 * exact name. `83.3` is points; `83.3%` is a percentage of points possible.
 */
function canvasImport(
	csv: string,
	students: readonly CanvasStudent[],
	assignments: readonly CanvasAssignment[]
): CanvasImport {
	const [header, ...lines] = parse(csv);
	expect(header.slice(0, 5)).toEqual(['Student', 'ID', 'SIS User ID', 'SIS Login ID', 'Section']);
	const result: CanvasImport = {
		grades: new Map(),
		unmatched: [],
		unknownAssignments: [],
		created: {}
	};
	const columns = header.slice(5).map((h) => {
		const titled = /^(.*)\s\((\d+)\)$/.exec(h);
		if (titled) {
			const found = assignments.find((a) => a.id === Number(titled[2]));
			if (!found) result.unknownAssignments.push(h);
			return found;
		}
		return assignments.find((a) => a.title === h) ?? { id: 0, title: h, points: NaN };
	});
	const possible = lines.find((line) => /Points Possible/.test(line[0]));
	for (const [i, column] of columns.entries())
		if (column?.id === 0) result.created[column.title] = column.points = Number(possible?.[5 + i]);
	for (const line of lines) {
		if (/Points Possible/.test(line[0])) continue;
		const [name, id, sisUserId, sisLoginId] = line;
		const student =
			(id && students.find((s) => String(s.id) === id)) ||
			(sisUserId && students.find((s) => s.sisUserId === sisUserId)) ||
			(sisLoginId && students.find((s) => s.sisLoginId === sisLoginId)) ||
			students.find((s) => s.name === name);
		if (!student) {
			result.unmatched.push(name);
			continue;
		}
		const row = result.grades.get(student.id) ?? {};
		for (const [i, column] of columns.entries()) {
			const cell = line[5 + i];
			if (!column || cell === '') continue;
			row[column.title] = cell.endsWith('%')
				? (Number(cell.slice(0, -1)) / 100) * column.points
				: Number(cell);
		}
		result.grades.set(student.id, row);
	}
	return result;
}

const BASICS = 'tiny/basics-quiz';
const WEEK1 = 'tiny/week-1';
const columns: QuizColumn[] = [
	{ key: BASICS, title: 'Basics', points: 10 },
	{ key: WEEK1, title: 'Week 1 (2024)', points: 20 }
];

/** A class with every awkward name: commas, quotes, formulas, Cyrillic, CJK, two Adas. */
const people = [
	{ name: 'Smith, Ada', email: 'ada@school.example', studentId: 'S001', username: 'asmith' },
	{ name: 'Bob "Bobby" Jones', email: 'bob@school.example', studentId: 'S002', username: 'bjones' },
	{
		name: '=HYPERLINK("http://evil")',
		email: 'h@school.example',
		studentId: 'S003',
		username: 'h'
	},
	{ name: '+Carol', email: 'carol@school.example', studentId: 'S004', username: 'carol' },
	{ name: '-Dan', email: 'dan@school.example', studentId: 'S005', username: 'dan' },
	{ name: '@Eve', email: 'eve@school.example', studentId: 'S006', username: 'eve' },
	{ name: 'Иван Петров', email: 'ivan@school.example', studentId: 'S007', username: 'ipetrov' },
	{ name: '王小明', email: 'wang@school.example', studentId: 'S008', username: 'xwang' },
	{ name: 'Smith, Ada', email: 'ada.smith2@school.example', studentId: 'S009', username: 'asmith2' }
];
const scoreOf = (i: number) => [0.833, 2 / 3, 1, 0, 0.5, 0.125, 0.9, 0.335, 0.7][i];
const classRows: GradebookRow[] = people.map((p, i) =>
	gradebookRow({ id: `learner-${i}`, ...p }, { [BASICS]: scoreOf(i), [WEEK1]: i % 2 ? null : 1 })
);
const moodleUsers: MoodleUser[] = people.map((p, i) => ({
	id: 100 + i,
	email: p.email,
	idnumber: p.studentId,
	username: p.username
}));
const canvasStudents: CanvasStudent[] = people.map((p, i) => ({
	id: 500 + i,
	name: p.name,
	sisUserId: p.studentId,
	sisLoginId: p.username
}));
const round2 = (x: number) => Math.round(x * 100) / 100;

describe('Moodle grade file', () => {
	it('puts every grade on its own student, scaled to the grade item maximum', () => {
		const { csv, leftOut } = moodleCsv(classRows, columns, 'email');
		expect(leftOut).toEqual([]);
		const read = moodleImport(csv, { column: 'Email address', field: 'email' }, moodleUsers);
		expect(read.ok && [...read.grades]).toEqual(
			people.map((_, i) => [
				100 + i,
				{ Basics: round2(scoreOf(i) * 10), 'Week 1 (2024)': i % 2 ? null : 20 }
			])
		);
	});

	it('writes 83.3% of a 10-point item as 8.33, and rounds 2/3 of 10 to 6.67', () => {
		const { csv } = moodleCsv(classRows.slice(0, 2), columns.slice(0, 1), 'email');
		expect(parse(csv)).toEqual([
			['Email address', 'Basics'],
			['ada@school.example', '8.33'],
			['bob@school.example', '6.67']
		]);
	});

	it('names the identifier column as Moodle maps it, and matches on each identifier', () => {
		for (const [identifier, column, field] of [
			['email', 'Email address', 'email'],
			['idnumber', 'ID number', 'idnumber'],
			['username', 'Username', 'username']
		] as const) {
			const { csv } = moodleCsv(classRows, columns, identifier);
			expect(parse(csv)[0][0]).toBe(column);
			const read = moodleImport(csv, { column, field }, moodleUsers);
			expect(read.ok && read.grades.get(106)?.Basics, identifier).toBe(9);
			expect(read.ok && read.grades.size, identifier).toBe(people.length);
		}
	});

	it('never writes a blank identifier: a learner without one is listed, not given a neighbour’s row', () => {
		const rows = [
			gradebookRow({ id: 'no-email-first', name: 'Nobody First' }, { [BASICS]: 0.1 }),
			classRows[0],
			gradebookRow({ id: 'blank-email', name: 'Blank', email: '   ' }, { [BASICS]: 0.2 }),
			classRows[1]
		];
		const { csv, leftOut } = moodleCsv(rows, columns, 'email');
		expect(
			parse(csv)
				.slice(1)
				.map((line) => line[0].trim())
		).toEqual(['ada@school.example', 'bob@school.example']);
		expect(leftOut.map((l) => [l.learner.id, l.reason])).toEqual([
			['no-email-first', 'missing'],
			['blank-email', 'missing']
		]);
		const read = moodleImport(csv, { column: 'Email address', field: 'email' }, moodleUsers);
		expect(read.ok && read.grades.get(100)?.Basics).toBe(8.33);
		expect(read.ok && read.grades.get(101)?.Basics).toBe(6.67);
	});

	it('reader check: a blank identifier puts the grade on the previous student, or aborts first', () => {
		// What the old export wrote; shows the reader catches the bug the export now avoids.
		const blankSecond = 'Email address,Basics\r\nada@school.example,8.33\r\n,1';
		const read = moodleImport(
			blankSecond,
			{ column: 'Email address', field: 'email' },
			moodleUsers
		);
		expect(read.ok && read.grades.get(100)?.Basics).toBe(1);
		const blankFirst = 'Email address,Basics\r\n,1\r\nada@school.example,8.33';
		expect(
			moodleImport(blankFirst, { column: 'Email address', field: 'email' }, moodleUsers).ok
		).toBe(false);
		const unknown = 'Email address,Basics\r\nADA@school.example,8.33';
		expect(moodleImport(unknown, { column: 'Email address', field: 'email' }, moodleUsers).ok).toBe(
			false
		);
	});

	it('leaves a quiz blank when no attempt counts, so no grade is invented', () => {
		const rows = [gradebookRow({ id: 'l', email: 'ada@school.example' }, { [BASICS]: null })];
		const { csv } = moodleCsv(rows, columns, 'email');
		expect(parse(csv)[1]).toEqual(['ada@school.example', '', '']);
	});

	it('leaves out and lists an identifier Moodle would misread or that two learners share', () => {
		const rows = [
			gradebookRow({ id: 'formula', name: 'F', email: '=1+1@school.example' }, { [BASICS]: 1 }),
			gradebookRow({ id: 'not-email', name: 'N', email: 'ada at school' }, { [BASICS]: 1 }),
			gradebookRow({ id: 'zero', name: 'Z', studentId: '0' }, { [BASICS]: 1 }),
			gradebookRow({ id: 'twin-1', name: 'Ann', email: 'ann@school.example' }, { [BASICS]: 1 }),
			gradebookRow({ id: 'twin-2', name: 'Anna', email: 'Ann@school.example' }, { [BASICS]: 0 })
		];
		const byEmail = splitByIdentifier(rows, 'email');
		expect(byEmail.ready).toEqual([]);
		expect(byEmail.leftOut.map((l) => [l.learner.id, l.reason])).toEqual([
			['formula', 'invalid'],
			['not-email', 'invalid'],
			['zero', 'missing'],
			['twin-1', 'shared'],
			['twin-2', 'shared']
		]);
		expect(leftOutMessage(byEmail.leftOut[3], 'email')).toBe(
			'Ann and Anna give the same email address “ann@school.example”.'
		);
		expect(
			splitByIdentifier(rows, 'idnumber').leftOut.find((l) => l.learner.id === 'zero')
		).toMatchObject({ reason: 'invalid', identifier: '0' });
		expect(moodleCsv(rows, columns, 'email').csv).toBe('Email address,Basics,Week 1 (2024)');
	});

	it('refuses to write a column without its maximum grade', () => {
		const unset = [{ key: BASICS, title: 'Basics', points: Number.NaN }];
		expect(columnsWithoutPoints([...columns, ...unset])).toEqual(unset);
		expect(() => moodleCsv(classRows, unset, 'email')).toThrow(/Basics/);
	});

	it('keeps every cell formula-safe', () => {
		const titled = [{ key: BASICS, title: '=SUM(A1:A9)', points: 10 }];
		const { csv } = moodleCsv(classRows, titled, 'email');
		expect(parse(csv)[0]).toEqual(['Email address', "'=SUM(A1:A9)"]);
		for (const cell of parse(csv).flat()) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
	});
});

describe('Canvas grade file', () => {
	const course: CanvasAssignment[] = [
		{ id: 2024, title: 'Old exam', points: 50 },
		{ id: 31, title: 'Basics', points: 10 }
	];

	it('has exactly the documented columns, then one per quiz, and a Points Possible row', () => {
		const { csv } = canvasCsv(classRows, columns, { identifier: 'sis_user_id', scoreAs: 'points' });
		const [header, possible, first] = parse(csv);
		expect(header).toEqual([
			'Student',
			'ID',
			'SIS User ID',
			'SIS Login ID',
			'Section',
			'Basics',
			'Week 1 [2024]'
		]);
		expect(possible).toEqual(['Points Possible', '', '', '', '', '10', '20']);
		expect(first).toEqual(['Smith, Ada', '', 'S001', '', '', '8.33', '20']);
	});

	it('puts every grade on its own student by SIS User ID, even two students with one name', () => {
		const { csv } = canvasCsv(classRows, columns, { identifier: 'sis_user_id', scoreAs: 'points' });
		const read = canvasImport(csv, canvasStudents, course);
		expect(read.unmatched).toEqual([]);
		expect([...read.grades]).toEqual(
			people.map((_, i) => [
				500 + i,
				i % 2
					? { Basics: round2(scoreOf(i) * 10) }
					: { Basics: round2(scoreOf(i) * 10), 'Week 1 [2024]': 20 }
			])
		);
	});

	it('scores as points or as percentages, which Canvas reads as the same points', () => {
		const points = canvasCsv(classRows, columns, { identifier: 'sis_user_id', scoreAs: 'points' });
		const percent = canvasCsv(classRows, columns, {
			identifier: 'sis_user_id',
			scoreAs: 'percent'
		});
		expect(parse(percent.csv)[2].slice(5)).toEqual(['83.3%', '100%']);
		expect(parse(points.csv)[2].slice(5)).toEqual(['8.33', '20']);
		const fromPercent = canvasImport(percent.csv, canvasStudents, course).grades;
		for (const [id, row] of canvasImport(points.csv, canvasStudents, course).grades)
			for (const [title, value] of Object.entries(row))
				expect(fromPercent.get(id)?.[title]).toBeCloseTo(value, 1);
	});

	it('puts the identifier only in the column the assignment names; the email never goes there', () => {
		const byLogin = canvasCsv(classRows, columns, {
			identifier: 'sis_login_id',
			scoreAs: 'points'
		});
		const lines = parse(byLogin.csv).slice(2);
		expect(lines.map((l) => [l[1], l[2], l[3]])).toEqual(people.map((p) => ['', '', p.username]));
		expect(byLogin.csv).not.toContain('@school.example');
		const read = canvasImport(byLogin.csv, canvasStudents, course);
		expect(read.grades.get(506)?.Basics).toBe(9);

		const emailOnly = [gradebookRow({ id: 'e', name: 'Eve', email: 'eve@school.example' })];
		const { csv, leftOut } = canvasCsv(emailOnly, columns, {
			identifier: 'sis_login_id',
			scoreAs: 'points'
		});
		expect(parse(csv)).toHaveLength(2);
		expect(leftOut.map((l) => leftOutMessage(l, 'sis_login_id'))).toEqual([
			'Eve gives no Canvas login ID.'
		]);
	});

	it('never writes a blank identifier, so a neighbour or a namesake never gets the grade', () => {
		const rows = [
			...classRows.slice(0, 2),
			gradebookRow({ id: 'ada-no-id', name: 'Smith, Ada' }, { [BASICS]: 0.1 }),
			gradebookRow({ id: 'pranked', name: 'Points Possible', studentId: 'S003' }, { [BASICS]: 1 })
		];
		const { csv, leftOut } = canvasCsv(rows, columns, {
			identifier: 'sis_user_id',
			scoreAs: 'points'
		});
		for (const line of parse(csv).slice(2)) expect(line[2]).not.toBe('');
		expect(leftOut.map((l) => l.learner.id)).toEqual(['ada-no-id']);
		// A blank row would have matched the first Ada by name and overwritten her 8.33 with 1.
		const read = canvasImport(csv, canvasStudents, course);
		expect(read.grades.get(500)?.Basics).toBe(8.33);
		// A name Canvas reads as the Points Possible row is replaced, so the row still counts.
		expect(read.grades.get(502)?.Basics).toBe(10);
	});

	it('gives a title ending in (digits) square brackets, so it does not grade assignment 2024', () => {
		const raw = 'Student,ID,SIS User ID,SIS Login ID,Section,Week 1 (2024)\r\nX,,S001,,,5';
		expect(canvasImport(raw, canvasStudents, course).grades.get(500)).toEqual({ 'Old exam': 5 });

		const { csv } = canvasCsv(classRows, columns, { identifier: 'sis_user_id', scoreAs: 'points' });
		const read = canvasImport(csv, canvasStudents, course);
		expect(read.created).toEqual({ 'Week 1 [2024]': 20 });
		expect(read.unknownAssignments).toEqual([]);
		for (const row of read.grades.values()) expect(row).not.toHaveProperty('Old exam');
		expect(canvasTitle('Week 1 (2024)')).toBe('Week 1 [2024]');
		expect(canvasTitle('Week 1 (2024) (3)')).toBe('Week 1 (2024) [3]');
		expect(canvasTitle('Week (one)')).toBe('Week (one)');
	});

	it('keeps names with commas, quotes, formulas and other scripts whole and formula-safe', () => {
		const { csv } = canvasCsv(classRows, columns, { identifier: 'sis_user_id', scoreAs: 'points' });
		expect(
			parse(csv)
				.slice(2)
				.map((line) => line[0])
		).toEqual([
			'Smith, Ada',
			'Bob "Bobby" Jones',
			`'=HYPERLINK("http://evil")`,
			"'+Carol",
			"'-Dan",
			"'@Eve",
			'Иван Петров',
			'王小明',
			'Smith, Ada'
		]);
	});

	it('makes two quizzes with one title two columns', () => {
		const twins = [
			{ key: BASICS, title: 'Quiz', points: 10 },
			{ key: WEEK1, title: 'Quiz', points: 10 }
		];
		const { csv } = canvasCsv(classRows, twins, { identifier: 'sis_user_id', scoreAs: 'points' });
		expect(parse(csv)[0].slice(5)).toEqual(['Quiz', 'Quiz [2]']);
	});
});

describe('any class, either LMS', () => {
	const learnerArb = fc.record({
		name: fc.oneof(
			fc.string({ unit: 'grapheme', maxLength: 30 }),
			fc.constantFrom(...people.map((p) => p.name))
		),
		hasId: fc.boolean(),
		basics: fc.option(fc.integer({ min: 0, max: 1000 }).map((n) => n / 1000)),
		week: fc.option(fc.integer({ min: 0, max: 1000 }).map((n) => n / 1000))
	});

	it('lands every written grade on its own student and lists everyone left out', () => {
		fc.assert(
			fc.property(fc.array(learnerArb, { maxLength: 25 }), (drawn) => {
				const rows = drawn.map((d, i) =>
					gradebookRow(
						{
							id: `learner-${i}`,
							name: d.name,
							...(d.hasId ? { email: `p${i}@school.example`, studentId: `S${i}` } : {})
						},
						{ [BASICS]: d.basics, [WEEK1]: d.week }
					)
				);
				const expected = (i: number, title: string, scale: (s: number) => number) => {
					const score = title === 'Basics' ? drawn[i].basics : drawn[i].week;
					return score === null ? null : scale(score);
				};
				const withId = drawn.flatMap((d, i) => (d.hasId ? [i] : []));

				const moodle = moodleCsv(rows, columns, 'email');
				const users = drawn.map((_, i) => ({
					id: i,
					email: `p${i}@school.example`,
					idnumber: `S${i}`,
					username: `u${i}`
				}));
				const read = moodleImport(moodle.csv, { column: 'Email address', field: 'email' }, users);
				expect(read.ok && [...read.grades]).toEqual(
					withId.map((i) => [
						i,
						{
							Basics: expected(i, 'Basics', (s) => round2(s * 10)),
							'Week 1 (2024)': expected(i, 'Week', (s) => round2(s * 20))
						}
					])
				);
				const missing = drawn.flatMap((d, i) => (d.hasId ? [] : [`learner-${i}`]));
				expect(moodle.leftOut.map((l) => l.learner.id)).toEqual(missing);

				const canvas = canvasCsv(rows, columns, { identifier: 'sis_user_id', scoreAs: 'percent' });
				const students = drawn.map((d, i) => ({
					id: i,
					name: d.name,
					sisUserId: `S${i}`,
					sisLoginId: `u${i}`
				}));
				const canvasRead = canvasImport(canvas.csv, students, []);
				expect(canvasRead.unmatched).toEqual([]);
				expect([...canvasRead.grades.keys()]).toEqual(withId);
				for (const i of withId) {
					const row = canvasRead.grades.get(i)!;
					for (const [title, points] of [
						['Basics', 10],
						['Week 1 [2024]', 20]
					] as const) {
						const score = expected(i, title === 'Basics' ? 'Basics' : 'Week', (s) => s);
						if (score === null) expect(row).not.toHaveProperty(title);
						else expect(row[title]).toBeCloseTo(score * points, 2);
					}
				}
				expect(canvas.leftOut.map((l) => l.learner.id)).toEqual(missing);
			}),
			{ numRuns: 200 }
		);
	});
});

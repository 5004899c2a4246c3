import { describe, expect, it } from 'vitest';
import { regrade, gradebookRows } from './regrade.ts';
import { itemAnalysis } from './item-analysis.ts';
import { canvasCsv, moodleCsv } from './lms-csv.ts';
import {
	gradebookQuiz,
	learner,
	question,
	resultsFile,
	submittedAttempt
} from '../testing/builders.ts';
import type { ResultsFile } from './schema.ts';

const q1 = question('truefalse', { id: 'q1', answer: true });
const q2 = question('single', { id: 'q2' });
const questions = [q1, q2];
const quiz = gradebookQuiz(questions, { passMark: 50 });
const quizzes = new Map([['tiny/basics-quiz', quiz]]);
const t = new Date('2026-11-25T10:00:00Z');

/** The results file of one honest attempt at `quiz`, submitted `minutes` after `t`. */
function fileFor(
	learnerId: string,
	answers: { q1?: boolean; q2?: string },
	options: { attemptId?: string; assignmentId?: string; minutes?: number } = {}
): ResultsFile {
	const when = new Date(t.getTime() + (options.minutes ?? 0) * 60_000).toISOString();
	const taken = submittedAttempt(questions, answers, {
		id: options.attemptId ?? `${learnerId}-1`,
		assignmentId: options.assignmentId,
		startedAt: when,
		submittedAt: when
	});
	return resultsFile([taken], {
		learner: learner({
			id: learnerId,
			name: learnerId.toUpperCase(),
			email: `${learnerId}@school.example`
		})
	});
}

const flagsOf = (files: { source: string; file: ResultsFile }[], options = {}) =>
	regrade(files, { quizzes, ...options }).map((g) => g.flags);

describe('re-grading', () => {
	it('scores every attempt from its raw answers and raises no flag on an honest file', () => {
		const [graded] = regrade(
			[{ source: 'ada.json', file: fileFor('ada', { q1: true, q2: 'static' }) }],
			{ quizzes }
		);
		expect(graded.score).toBe(0.5);
		expect(graded.passed).toBe(true);
		expect(graded.flags).toEqual([]);
	});

	it('flags a raised claimed score, and keeps its own score', () => {
		const file = fileFor('bob', { q1: false, q2: 'static' });
		file.attempts[0].score = 1;
		const [graded] = regrade([{ source: 'bob.json', file }], { quizzes });
		expect(graded.score).toBe(0);
		expect(graded.flags).toEqual(['score-differs']);
	});

	it('re-grades altered answers to their real score (and flags the mismatch)', () => {
		const file = fileFor('cy', { q1: false, q2: 'static' });
		file.attempts[0].answers = { q1: true, q2: 'dynamic' };
		const [graded] = regrade([{ source: 'cy.json', file }], { quizzes });
		expect(graded.score).toBe(1);
		expect(graded.flags).toEqual(['score-differs']);
	});

	it('flags duplicates, conflicting copies, another assignment, lateness and unknown content', () => {
		const honest = fileFor('di', { q1: true }, { assignmentId: 'week-3' });
		const conflicting = fileFor('di', { q1: false }, { assignmentId: 'week-3' });
		conflicting.attempts[0].score = honest.attempts[0].score;
		expect(
			flagsOf([
				{ source: 'a', file: honest },
				{ source: 'b', file: honest }
			])
		).toEqual([[], ['duplicate']]);
		expect(
			flagsOf([
				{ source: 'a', file: honest },
				{ source: 'b', file: conflicting }
			])[1]
		).toContain('conflict');
		expect(flagsOf([{ source: 'a', file: honest }], { assignment: { id: 'week-4' } })).toEqual([
			['other-assignment']
		]);
		expect(
			flagsOf(
				[
					{
						source: 'a',
						file: fileFor('ed', { q1: true }, { assignmentId: 'week-3', minutes: 120 })
					}
				],
				{ assignment: { id: 'week-3', due: '2026-11-25T11:00:00Z' } }
			)
		).toEqual([['late']]);
		const old = fileFor('fa', { q1: true });
		old.attempts[0].contentHash = 'q1-0000000000000000';
		expect(flagsOf([{ source: 'a', file: old }])).toEqual([['unknown-content']]);
	});

	it("applies an assignment's pass mark over the quiz's", () => {
		const file = fileFor('ha', { q1: true }, { assignmentId: 'week-3' });
		const graded = regrade([{ source: 'x', file }], {
			quizzes,
			assignment: { id: 'week-3', passMark: 40 }
		});
		expect(graded[0].passed).toBe(true);
		expect(gradebookRows(graded, quizzes, 60)[0].scores['tiny/basics-quiz'].passed).toBe(false);
		expect(gradebookRows(graded, quizzes, 40)[0].scores['tiny/basics-quiz'].passed).toBe(true);
	});

	it('builds learners × quizzes with the best score, ignoring duplicate copies', () => {
		const first = fileFor('gi', { q1: true }, { attemptId: 'g1' });
		const second = fileFor('gi', { q1: true, q2: 'dynamic' }, { attemptId: 'g2', minutes: 5 });
		const rows = gradebookRows(
			regrade(
				[
					{ source: 'x', file: first },
					{ source: 'y', file: second },
					{ source: 'z', file: second }
				],
				{ quizzes }
			),
			quizzes
		);
		expect(rows).toHaveLength(1);
		expect(rows[0].scores['tiny/basics-quiz']).toEqual({
			best: 1,
			passed: true,
			attempts: 2,
			flags: ['duplicate']
		});
	});
});

describe('item analysis, against hand-computed figures', () => {
	// Four learners. q1 right for A, B, C; q2 right for A only; D gets both wrong, choosing "static".
	const files = [
		fileFor('a', { q1: true, q2: 'dynamic' }),
		fileFor('b', { q1: true, q2: 'static' }),
		fileFor('c', { q1: true, q2: 'both' }),
		fileFor('d', { q1: false, q2: 'static' })
	].map((file, i) => ({ source: `${i}`, file }));
	const stats = itemAnalysis(regrade(files, { quizzes }), quiz.questions);

	it('gives facility as the mean score', () => {
		expect(stats.find((s) => s.questionId === 'q1')!.facility).toBe(0.75);
		expect(stats.find((s) => s.questionId === 'q2')!.facility).toBe(0.25);
	});

	it('gives discrimination as top 27% minus bottom 27% (one learner each of four)', () => {
		// Totals: a 1, b 0.5, c 0.5, d 0 → upper {a}, lower {d}.
		expect(stats.find((s) => s.questionId === 'q1')!.discrimination).toBe(1);
		expect(stats.find((s) => s.questionId === 'q2')!.discrimination).toBe(1);
	});

	it('names the most chosen wrong answer, in words', () => {
		expect(stats.find((s) => s.questionId === 'q2')!.commonWrong).toEqual({
			answer: 'static',
			text: 'Static',
			count: 2
		});
		expect(stats.find((s) => s.questionId === 'q1')!.commonWrong).toEqual({
			answer: 'false',
			text: 'False',
			count: 1
		});
	});
});

describe('LMS exports', () => {
	const rows = gradebookRows(
		regrade(
			[
				{ source: 'x', file: fileFor('=evil', { q1: true }) },
				{ source: 'y', file: fileFor('bob', { q1: true }) }
			],
			{ quizzes }
		),
		quizzes
	);
	const columns = [{ key: 'tiny/basics-quiz', title: 'Quiz', points: 10 }];

	it('Moodle: an identifier column then one per quiz, in points of the item maximum', () => {
		const { csv, leftOut } = moodleCsv(rows, columns, 'email');
		expect(csv.split('\r\n')).toEqual(['Email address,Quiz', 'bob@school.example,5']);
		expect(leftOut.map((l) => [l.learner.id, l.reason])).toEqual([['=evil', 'invalid']]);
		expect(moodleCsv(rows, columns, 'idnumber').csv.split('\r\n')[0]).toBe('ID number,Quiz');
	});

	it('Canvas: the documented columns, Points Possible; learners without the identifier listed', () => {
		const { csv, leftOut } = canvasCsv(rows, columns, {
			identifier: 'sis_user_id',
			scoreAs: 'percent'
		});
		expect(csv.split('\r\n')).toEqual([
			'Student,ID,SIS User ID,SIS Login ID,Section,Quiz',
			'Points Possible,,,,,10'
		]);
		expect(leftOut.map((l) => l.learner.id)).toEqual(['=evil', 'bob']);
	});
});

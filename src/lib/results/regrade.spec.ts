import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
	attemptKey,
	CLOCK_SKEW_MS,
	FLAG_TEXT,
	gradebookRows,
	regrade,
	TIME_LIMIT_GRACE_MS,
	type GradebookQuiz,
	type RegradeOptions
} from './regrade.ts';
import type { ResultsFile } from './schema.ts';
import type { Question } from '../content/schema.ts';
import type { Attempt } from '../quiz/attempt.ts';
import {
	gradebookQuiz,
	learner,
	question,
	resultsFile,
	rightAnswers,
	takenAttempt
} from '../testing/builders.ts';

/** A pool of seven questions over three topics. */
const pool: Question[] = [
	question('truefalse', { id: 'a1', topic: 'alpha', answer: true }),
	question('single', { id: 'a2', topic: 'alpha' }),
	question('truefalse', { id: 'a3', topic: 'alpha', answer: false }),
	question('text', { id: 'b1', topic: 'beta' }),
	question('order', { id: 'b2', topic: 'beta' }),
	question('multiple', { id: 'c1', topic: 'gamma' }),
	question('match', { id: 'c2', topic: 'gamma' })
];
const right = rightAnswers(pool);
/** One question per topic, drawn and shuffled from the seed. */
const drawn = gradebookQuiz(pool, {
	settings: { shuffle: { questions: true, options: true }, draw: 1 }
});
/** Every question, shuffled, within 10 minutes. */
const timed = gradebookQuiz(pool, {
	settings: { shuffle: { questions: true, options: true }, timeLimitMinutes: 10 }
});
const now = new Date('2026-11-26T12:00:00.000Z');

const ada = learner({ id: 'ada-1', name: 'Ada' });
const bob = learner({ id: 'bob-2', name: 'Bob' });

/** Re-grades `files` (each handed in by its learner) against `quiz` at `now`. */
function grade(quiz: GradebookQuiz, files: ResultsFile[], options: Partial<RegradeOptions> = {}) {
	return regrade(
		files.map((file, i) => ({ source: `file-${i}.json`, file })),
		{ quizzes: new Map([['tiny/basics-quiz', quiz]]), now, ...options }
	);
}

const fileOf = (attempts: Attempt[], who = ada, assignmentId?: string) =>
	resultsFile(attempts, { learner: who, ...(assignmentId ? { assignmentId } : {}) });

/** The one attempt of `file`, to forge. */
const only = (file: ResultsFile) => file.attempts[0];

describe('re-drawing the questions from the seed', () => {
	it('flags questionIds cut to the one question answered right', () => {
		const [first] = takenAttempt(drawn, { seed: 7 }).questionIds;
		const file = fileOf([takenAttempt(drawn, { seed: 7, answers: { [first]: right[first] } })]);
		const forged = only(file);
		expect(forged.score).toBeCloseTo(1 / 3, 12);
		forged.questionIds = [first];
		forged.score = 1;
		const [graded] = grade(drawn, [file]);
		expect(graded.score).toBe(1);
		expect(graded.flags).toEqual(['questions-differ']);
		expect(FLAG_TEXT[graded.flags[0]]).toBe(
			'its questions are not the ones the quiz draws for this attempt, so questions were removed, added or swapped'
		);
	});

	it('flags one question repeated ten times', () => {
		const file = fileOf([takenAttempt(drawn, { seed: 7, answers: right })]);
		const forged = only(file);
		forged.questionIds = Array(10).fill(forged.questionIds[0]);
		forged.score = 1;
		const [graded] = grade(drawn, [file]);
		expect(graded.score).toBe(1);
		expect(graded.flags).toEqual(['questions-differ', 'repeated-question']);
		expect(FLAG_TEXT['repeated-question']).toBe(
			'it lists the same question more than once, which the quiz never does'
		);
	});

	it("flags the questions of another seed's draw under this attempt's seed", () => {
		const mine = takenAttempt(drawn, { seed: 7, answers: right });
		const other = takenAttempt(drawn, { seed: 8, answers: right });
		expect(other.questionIds).not.toEqual(mine.questionIds);
		const file = fileOf([{ ...other, seed: mine.seed }]);
		const [graded] = grade(drawn, [file]);
		expect(graded.score).toBe(1);
		expect(graded.flags).toEqual(['questions-differ']);
	});

	it('raises no flag on genuine attempts under a draw with shuffled questions', () => {
		const attempts = [1, 2, 3, 4, 5].map((seed) =>
			takenAttempt(drawn, { seed, id: `try-${seed}`, answers: right })
		);
		const orders = attempts.map((a) => a.questionIds.join());
		// The seeds draw different questions and orders, not the authoring order.
		expect(new Set(orders).size).toBeGreaterThan(1);
		expect(attempts.every((a) => a.questionIds.length === 3)).toBe(true);
		expect(grade(drawn, [fileOf(attempts)]).map((g) => g.flags)).toEqual(attempts.map(() => []));
	});
});

describe('the same attempt under two learners', () => {
	it('flags every copy, whoever handed it in first', () => {
		const taken = takenAttempt(drawn, { seed: 3, answers: right });
		const graded = grade(drawn, [fileOf([taken], ada), fileOf([taken], bob)]);
		expect(graded.map((g) => [g.learner.id, g.flags])).toEqual([
			['ada-1', ['two-learners']],
			['bob-2', ['two-learners']]
		]);
		expect(FLAG_TEXT['two-learners']).toBe(
			'the same attempt was also handed in under another learner, so one is a copy'
		);
	});

	it('flags both versions of an attempt handed in with different answers', () => {
		const taken = takenAttempt(drawn, { seed: 3, answers: right });
		const altered = takenAttempt(drawn, { seed: 3, answers: {} });
		expect(altered.id).toBe(taken.id);
		const graded = grade(drawn, [fileOf([taken]), fileOf([altered])]);
		expect(graded.map((g) => g.flags)).toEqual([['conflict'], ['conflict']]);
	});
});

describe('times, compared as instants', () => {
	it('flags a start after the submit', () => {
		const file = fileOf([takenAttempt(drawn, { seed: 1, answers: right })]);
		only(file).startedAt = new Date(Date.parse(only(file).submittedAt) + 60_000).toISOString();
		expect(grade(drawn, [file])[0].flags).toEqual(['started-after-submit']);
		expect(FLAG_TEXT['started-after-submit']).toBe(
			'its start time is after its submit time, so the times were edited'
		);
	});

	it('flags a submit in 2099', () => {
		const file = fileOf([takenAttempt(drawn, { seed: 1, answers: right })]);
		only(file).submittedAt = '2099-01-01T00:00:00.000Z';
		expect(grade(drawn, [file])[0].flags).toEqual(['submitted-in-future']);
		expect(FLAG_TEXT['submitted-in-future']).toBe(
			"its submit time is more than 5 minutes in the future, so the time was edited or the learner's computer clock is wrong"
		);
	});

	it('forgives a learner clock up to 5 minutes fast, and no more', () => {
		expect(CLOCK_SKEW_MS).toBe(5 * 60_000);
		const startedAt = new Date(now.getTime() - 10 * 60_000).toISOString();
		const fast = takenAttempt(drawn, { seed: 1, answers: right, startedAt, minutes: 14.9 });
		const faster = takenAttempt(drawn, { seed: 1, answers: right, startedAt, minutes: 15.1 });
		expect(grade(drawn, [fileOf([fast])])[0].flags).toEqual([]);
		expect(grade(drawn, [fileOf([faster])])[0].flags).toEqual(['submitted-in-future']);
	});

	it('flags a submit past the time limit and its 2 minutes of grace', () => {
		expect(TIME_LIMIT_GRACE_MS).toBe(2 * 60_000);
		const within = takenAttempt(timed, { seed: 1, answers: right, minutes: 11.9 });
		const over = takenAttempt(timed, { seed: 1, answers: right, minutes: 12.1 });
		expect(grade(timed, [fileOf([within])])[0].flags).toEqual([]);
		const [graded] = grade(timed, [fileOf([over])]);
		expect(graded.flags).toEqual(['over-time-limit']);
		expect(FLAG_TEXT['over-time-limit']).toBe(
			"it took longer than the quiz's time limit (plus 2 minutes of grace), which the quiz does not allow"
		);
	});

	it('raises no flag on genuine attempts under a time limit, submitted or timed out', () => {
		const submitted = takenAttempt(timed, { seed: 2, id: 'in-time', answers: right, minutes: 9 });
		// The timer's submit, noticed three hours later (after a reload), is dated at the deadline.
		const timedOut = takenAttempt(timed, {
			seed: 4,
			id: 'timed-out',
			answers: { a1: true },
			minutes: 180,
			by: 'timeout'
		});
		expect(timedOut.submittedBy).toBe('timeout');
		expect(grade(timed, [fileOf([submitted, timedOut])]).map((g) => g.flags)).toEqual([[], []]);
	});

	// Due 2026-11-25 17:00 UTC. As text, the -08:00 time sorts before the due date and the +09:00
	// time after it; as instants, it is the other way round.
	const assignment = { id: 'week-3', due: '2026-11-25T17:00:00.000Z' };
	/** An attempt for week 3 started `start` (UTC) and submitted an hour later, written in `zone`. */
	function handedIn(start: string, written: { startedAt: string; submittedAt: string }) {
		const taken = takenAttempt(drawn, {
			seed: 5,
			answers: right,
			startedAt: start,
			minutes: 60,
			assignmentId: assignment.id
		});
		expect(Date.parse(written.startedAt)).toBe(Date.parse(taken.startedAt));
		expect(Date.parse(written.submittedAt)).toBe(Date.parse(taken.submittedAt!));
		return fileOf([{ ...taken, ...written }], ada, assignment.id);
	}

	it('flags as late a submit after the due date written with -08:00', () => {
		const file = handedIn('2026-11-25T16:30:00.000Z', {
			startedAt: '2026-11-25T08:30:00.000-08:00',
			submittedAt: '2026-11-25T09:30:00.000-08:00'
		});
		expect(grade(drawn, [file], { assignment })[0].flags).toEqual(['late']);
		expect(FLAG_TEXT.late).toBe('submitted after the due date');
	});

	it('does not flag an on-time submit written with +09:00', () => {
		const file = handedIn('2026-11-25T15:30:00.000Z', {
			startedAt: '2026-11-26T00:30:00.000+09:00',
			submittedAt: '2026-11-26T01:30:00.000+09:00'
		});
		expect(grade(drawn, [file], { assignment })[0].flags).toEqual([]);
	});
});

describe('an assignment', () => {
	it("raises no flag on a genuine attempt for it, and grades it against the assignment's pass mark", () => {
		const assignment = { id: 'week-3', due: '2026-01-02T00:00:00.000Z', passMark: 30 };
		const taken = takenAttempt(drawn, {
			seed: 9,
			answers: { a1: right.a1, a2: right.a2, a3: right.a3 },
			assignmentId: 'week-3'
		});
		const [graded] = grade(drawn, [fileOf([taken], ada, 'week-3')], { assignment });
		expect(graded.flags).toEqual([]);
		expect(graded.score).toBeCloseTo(1 / 3, 12);
		expect(graded.passed).toBe(true);
		const quizzes = new Map([['tiny/basics-quiz', drawn]]);
		expect(gradebookRows([graded], quizzes, assignment.passMark)[0].scores).toEqual({
			'tiny/basics-quiz': { best: 1 / 3, passed: true, attempts: 1, flags: [] }
		});
	});
});

describe('accepting flagged attempts', () => {
	const clean = takenAttempt(timed, { seed: 1, id: 'clean', answers: { a1: true }, minutes: 5 });
	const slow = takenAttempt(timed, { seed: 2, id: 'slow', answers: right, minutes: 30 });
	const files = [fileOf([clean, slow], ada), fileOf([{ ...slow, id: 'bob-slow' }], bob)];
	const quizzes = new Map([['tiny/basics-quiz', timed]]);

	it('counts only clean attempts, and flagged ones once the instructor accepts them', () => {
		const before = grade(timed, files);
		expect(before.map((g) => [g.key, g.flags, g.counts])).toEqual([
			[attemptKey('ada-1', 'clean'), [], true],
			[attemptKey('ada-1', 'slow'), ['over-time-limit'], false],
			[attemptKey('bob-2', 'bob-slow'), ['over-time-limit'], false]
		]);
		const after = grade(timed, files, { accepted: new Set([attemptKey('ada-1', 'slow')]) });
		expect(after.map((g) => g.counts)).toEqual([true, true, false]);
		// The flag stays on the accepted attempt, for the page to show.
		expect(after[1].flags).toEqual(['over-time-limit']);
	});

	it('grades a learner by the attempts that count, and lists every flag raised', () => {
		const [ada1, bob1] = gradebookRows(grade(timed, files), quizzes);
		expect(ada1.scores['tiny/basics-quiz']).toEqual({
			best: 1 / 7,
			passed: false,
			attempts: 1,
			flags: ['over-time-limit']
		});
		// Bob's only attempt does not count: no grade at all, not a zero.
		expect(bob1.scores['tiny/basics-quiz']).toEqual({
			best: undefined,
			passed: false,
			attempts: 0,
			flags: ['over-time-limit']
		});
		const accepted = new Set([attemptKey('ada-1', 'slow'), attemptKey('bob-2', 'bob-slow')]);
		const rows = gradebookRows(grade(timed, files, { accepted }), quizzes);
		expect(rows.map((r) => r.scores['tiny/basics-quiz'])).toEqual([
			{ best: 1, passed: true, attempts: 2, flags: ['over-time-limit'] },
			{ best: 1, passed: true, attempts: 1, flags: ['over-time-limit'] }
		]);
	});

	it('keys an attempt by learner and attempt id without ambiguity', () => {
		expect(attemptKey('a/b', 'c')).not.toBe(attemptKey('a', 'b/c'));
	});
});

describe('attempts made the way the quiz page makes them', () => {
	const topics = ['alpha', 'beta', 'gamma'];
	const settings = fc.record({
		shuffle: fc.record({ questions: fc.boolean(), options: fc.boolean() }),
		draw: fc.option(
			fc.oneof(
				fc.integer({ min: 1, max: 4 }),
				fc.dictionary(fc.constantFrom(...topics), fc.integer({ min: 1, max: 3 }), {
					minKeys: 1
				})
			),
			{ nil: undefined }
		),
		timeLimitMinutes: fc.option(fc.integer({ min: 1, max: 600 }), { nil: undefined })
	});
	const taking = fc.record({
		settings,
		seed: fc.integer({ min: 0, max: 2 ** 32 - 1 }),
		answered: fc.subarray(pool.map((q) => q.id)),
		start: fc.date({
			min: new Date('2020-01-01T00:00:00Z'),
			max: new Date('2026-11-01T00:00:00Z'),
			noInvalidDate: true
		}),
		/** Share of the time limit used (or minutes, untimed); above 1, the timer submits. */
		used: fc.double({ min: 0, max: 3, noNaN: true }),
		/** How long after the submit the instructor grades it, in minutes. */
		gradedAfter: fc.integer({ min: 0, max: 60 * 24 * 365 }),
		forAssignment: fc.boolean()
	});

	it('never get a flag, whatever the seed, settings, answers and times', () => {
		fc.assert(
			fc.property(
				taking,
				({ settings, seed, answered, start, used, gradedAfter, forAssignment }) => {
					const quiz = gradebookQuiz(pool, { settings });
					const limit = settings.timeLimitMinutes;
					const assignmentId = forAssignment ? 'week-3' : undefined;
					const taken = takenAttempt(quiz, {
						seed,
						answers: Object.fromEntries(answered.map((id) => [id, right[id]])),
						startedAt: start.toISOString(),
						minutes: limit ? used * limit : used * 100,
						by: limit && used > 1 ? 'timeout' : 'learner',
						assignmentId
					});
					const submitted = Date.parse(taken.submittedAt!);
					const [graded] = regrade(
						[{ source: 'ada.json', file: fileOf([taken], ada, assignmentId) }],
						{
							quizzes: new Map([['tiny/basics-quiz', quiz]]),
							now: new Date(submitted + gradedAfter * 60_000),
							...(assignmentId
								? { assignment: { id: assignmentId, due: new Date(submitted).toISOString() } }
								: {})
						}
					);
					expect(graded.flags).toEqual([]);
					expect(graded.counts).toBe(true);
				}
			),
			{ numRuns: 500 }
		);
	});
});

import { describe, expect, it } from 'vitest';
import {
	answerQuestion,
	attemptsLeft,
	checkQuestion,
	gradeAttempt,
	isExpired,
	remainingMs,
	startAttempt,
	submitAttempt,
	toggleFlag,
	unanswered
} from './attempt.ts';
import { correctAnswer } from './grade.ts';
import { Attempt } from './attempt-schema.ts';
import { attemptQuiz, everyType } from '../testing/builders.ts';

const questions = everyType();
const ids = questions.map((q) => q.id);
const t0 = new Date('2026-11-25T10:00:00Z');
const later = (minutes: number) => new Date(t0.getTime() + minutes * 60_000);
const quiz = attemptQuiz({ settings: { timeLimitMinutes: 10 } });
const fresh = () => startAttempt(quiz, ids, { id: 'a1', seed: 7, now: t0 });

describe('an attempt', () => {
	it('starts valid, unanswered, at the first question, with a deadline from the time limit', () => {
		const attempt = fresh();
		expect(Attempt.safeParse(attempt).success).toBe(true);
		expect(unanswered(attempt)).toEqual(ids);
		expect(attempt.deadline).toBe('2026-11-25T10:10:00.000Z');
		expect(remainingMs(attempt, later(4))).toBe(6 * 60_000);
	});

	it('records answers and flags, bumping the revision on every change', () => {
		let attempt = answerQuestion(fresh(), 'single-q', 'dynamic', later(1));
		attempt = toggleFlag(attempt, 'text-q', later(2));
		expect(attempt.answers).toEqual({ 'single-q': 'dynamic' });
		expect(attempt.flagged).toEqual(['text-q']);
		expect(attempt.revision).toBe(2);
		expect(toggleFlag(attempt, 'text-q', later(3)).flagged).toEqual([]);
	});

	it('locks an answer once it was checked', () => {
		let attempt = answerQuestion(fresh(), 'single-q', 'static', later(1));
		attempt = checkQuestion(attempt, 'single-q', later(1));
		expect(answerQuestion(attempt, 'single-q', 'dynamic', later(2)).answers['single-q']).toBe(
			'static'
		);
	});

	it('grades every question, unanswered ones as 0, with a score per topic and pass or fail', () => {
		let attempt = fresh();
		for (const q of questions.slice(0, 5))
			attempt = answerQuestion(attempt, q.id, correctAnswer(q), later(1));
		const result = gradeAttempt(attempt, questions, 70);
		expect(result.score).toBeCloseTo(5 / 7);
		expect(result.passed).toBe(true);
		expect(result.byTopic).toEqual({ 'graph-types': result.score });
		expect(gradeAttempt(attempt, questions, 75).passed).toBe(false);
	});

	it('passes exactly at the pass mark', () => {
		let attempt = startAttempt(quiz, ids.slice(0, 5), { id: 'a', seed: 1, now: t0 });
		for (const q of questions.slice(0, 4))
			attempt = answerQuestion(attempt, q.id, correctAnswer(q), t0);
		expect(gradeAttempt(attempt, questions, 80).passed).toBe(true);
	});

	it('never changes after it was submitted', () => {
		const submitted = submitAttempt(
			answerQuestion(fresh(), 'truefalse-q', true, later(1)),
			questions,
			70,
			later(2)
		);
		expect(submitted.submittedAt).toBe(later(2).toISOString());
		expect(submitted.score).toBeCloseTo(1 / 7);
		expect(answerQuestion(submitted, 'single-q', 'dynamic', later(3))).toBe(submitted);
		expect(toggleFlag(submitted, 'single-q', later(3))).toBe(submitted);
		expect(submitAttempt(submitted, questions, 70, later(4))).toBe(submitted);
	});

	it('expires at its deadline and, submitted by the timer later, is dated at the deadline', () => {
		const attempt = fresh();
		expect(isExpired(attempt, later(9))).toBe(false);
		expect(isExpired(attempt, later(10))).toBe(true);
		const timedOut = submitAttempt(attempt, questions, 70, later(60), 'timeout');
		expect(timedOut.submittedBy).toBe('timeout');
		expect(timedOut.submittedAt).toBe('2026-11-25T10:10:00.000Z');
	});

	it('counts the attempts left', () => {
		expect(attemptsLeft(1, 3)).toBe(2);
		expect(attemptsLeft(5, 3)).toBe(0);
		expect(attemptsLeft(5, undefined)).toBe(Infinity);
	});

	it('refuses a stored attempt that is not valid', () => {
		expect(Attempt.safeParse({ ...fresh(), seed: -1 }).success).toBe(false);
		expect(Attempt.safeParse({ ...fresh(), answers: { q: { left: 1 } } }).success).toBe(false);
		expect(Attempt.safeParse({ ...fresh(), extra: true }).success).toBe(false);
	});
});

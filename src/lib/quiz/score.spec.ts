import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { effectivePassMark, passes, scoreAttempt } from './score.ts';
import { answerQuestion, gradeAttempt, startAttempt, submitAttempt } from './attempt.ts';
import { gradeAnswer, type Answer } from './grade.ts';
import { choiceId } from './choices.ts';
import { contentHash } from './hash.ts';
import {
	attemptQuiz,
	everyType,
	gradebookQuiz,
	question,
	resultsFile,
	submittedAttempt
} from '../testing/builders.ts';
import type { Question } from '../content/schema.ts';
import { regrade } from '../results/regrade.ts';
import { xapiStatements } from '../results/xapi.ts';

const byId = (questions: readonly Question[]) => new Map(questions.map((q) => [q.id, q]));

describe('passes: the one pass rule', () => {
	it('passes a score that equals the pass mark, despite floating error', () => {
		// 57/100 * 100 is 56.99999999999999 and 29/50 * 100 is 57.99999999999999 in floating point.
		expect(passes(57 / 100, 57)).toBe(true);
		expect(passes(29 / 50, 58)).toBe(true);
		expect(passes(0.7, 70)).toBe(true);
		expect(passes(7 / 10, 70)).toBe(true);
	});

	it('fails a score just below the pass mark', () => {
		expect(passes(0.6999, 70)).toBe(false);
		expect(passes(0.5699, 57)).toBe(false);
		expect(passes(99 / 100, 100)).toBe(false);
	});

	it('agrees with exact arithmetic for every whole pass mark and up to 500 questions', () => {
		// k of n right passes m% exactly when 100·k ≥ m·n: check the smallest passing k and the one
		// below it, for every n and m (a sample would almost never hit the float-error cases).
		const wrong: string[] = [];
		for (let n = 1; n <= 500; n++) {
			for (let m = 0; m <= 100; m++) {
				const k = Math.ceil((m * n) / 100);
				if (!passes(k / n, m)) wrong.push(`${k}/${n} fails ${m}%`);
				if (k > 0 && passes((k - 1) / n, m)) wrong.push(`${k - 1}/${n} passes ${m}%`);
			}
		}
		expect(wrong).toEqual([]);
	});
});

describe('effectivePassMark', () => {
	it("uses the assignment's pass mark when it sets one, even 0, else the quiz's", () => {
		expect(effectivePassMark(70, 90)).toBe(90);
		expect(effectivePassMark(70, 0)).toBe(0);
		expect(effectivePassMark(70, undefined)).toBe(70);
		expect(effectivePassMark(70)).toBe(70);
	});
});

describe('scoreAttempt: one rule for an attempt’s score', () => {
	const tf = question('truefalse', { id: 'tf', answer: true });
	const single = question('single', { id: 'single' });
	const content = byId([tf, single]);

	it('scores the mean of the presented questions, an unanswered one as 0', () => {
		const scored = scoreAttempt({ questionIds: ['tf', 'single'], answers: { tf: true } }, content);
		expect(scored).toMatchObject({ score: 0.5, graded: 2, missing: [] });
		expect(scored.questions.map((q) => [q.questionId, q.answered, q.score])).toEqual([
			['tf', true, 1],
			['single', false, 0]
		]);
	});

	it('leaves a question the content no longer has out of the mean and names it in `missing`', () => {
		const scored = scoreAttempt(
			{ questionIds: ['tf', 'gone', 'single', 'also-gone'], answers: { tf: true, gone: false } },
			content
		);
		// Counting the two lost questions as 0 would give 0.25; dropping them gives 0.5.
		expect(scored).toMatchObject({ score: 0.5, graded: 2, missing: ['gone', 'also-gone'] });
		expect(scored.questions.map((q) => q.questionId)).toEqual(['tf', 'single']);
	});

	it('scores 0 when the content has none of the presented questions', () => {
		expect(
			scoreAttempt({ questionIds: ['gone', 'also-gone'], answers: { gone: true } }, content)
		).toEqual({ score: 0, graded: 0, missing: ['gone', 'also-gone'], questions: [] });
	});
});

/** Answers a student can give to `q`: right, partly right or wrong, built from its own ids. */
function answerTo(q: Question): fc.Arbitrary<Answer> {
	const keyed = (keys: string[], values: string[]) =>
		fc
			.tuple(...keys.map(() => fc.option(fc.constantFrom(...values), { nil: undefined })))
			.map((picked) =>
				Object.fromEntries(keys.flatMap((key, i) => (picked[i] ? [[key, picked[i]]] : [])))
			);
	switch (q.type) {
		case 'single':
			return fc.constantFrom(...q.options.map((o) => o.id));
		case 'multiple':
			return fc.subarray(q.options.map((o) => o.id));
		case 'truefalse':
			return fc.boolean();
		case 'text':
			return fc.constantFrom(...q.answers, ` ${q.answers[0].toUpperCase()} `, 'something else');
		case 'order': {
			const ids = q.items.map(choiceId);
			return fc.shuffledSubarray(ids, { minLength: ids.length, maxLength: ids.length });
		}
		case 'match':
			return keyed(
				q.pairs.map((p) => choiceId(p.left)),
				[...q.pairs.map((p) => p.right), ...(q.distractors ?? [])].map(choiceId)
			);
		case 'classify':
			return keyed(
				q.items.map((i) => choiceId(i.text)),
				q.categories.map(choiceId)
			);
	}
}

describe('one score everywhere: attempt, re-grade and xAPI', () => {
	const all = everyType();
	const t = new Date('2026-11-25T10:00:00Z');

	/** The presented questions, with an answer (or none) to each, and the questions later lost. */
	const scenario = fc.shuffledSubarray(all, { minLength: 1 }).chain((presented) =>
		fc.record({
			presented: fc.constant(presented),
			answers: fc.tuple(...presented.map((q) => fc.option(answerTo(q), { nil: undefined }))),
			lost: fc.subarray(all.map((q) => q.id)),
			passMark: fc.integer({ min: 0, max: 100 })
		})
	);

	it('gives the same score and verdict for the same answers, even when the content lost questions', () => {
		fc.assert(
			fc.property(scenario, ({ presented, answers, lost, passMark }) => {
				const content = all.filter((q) => !lost.includes(q.id));
				let attempt = startAttempt(
					attemptQuiz({ contentHash: contentHash(all) }),
					presented.map((q) => q.id),
					{ id: 'a1', seed: 1, now: t }
				);
				presented.forEach((q, i) => {
					const answer = answers[i];
					if (answer !== undefined) attempt = answerQuestion(attempt, q.id, answer, t);
				});
				attempt = submitAttempt(attempt, content, passMark, t);
				const inBrowser = gradeAttempt(attempt, content, passMark);

				const file = resultsFile([attempt]);
				const quiz = gradebookQuiz(content, { passMark, contentHash: contentHash(content) });
				const quizzes = new Map([['tiny/basics-quiz', quiz]]);
				const [graded] = regrade([{ source: 'ada.json', file }], { quizzes });

				const statements = xapiStatements(file, quizzes, 'https://coursekit.example.org/');
				const verbs = statements.map((s) => s.verb.display['en-US']);
				const completed = statements.find((s) => s.verb.display['en-US'] === 'completed') as
					{ result?: { score: { scaled: number; max: number } } } | undefined;
				const xapiScore = completed?.result?.score;

				// The rule, computed here by hand: the mean over the questions the content still has.
				const kept = presented.flatMap((q, i) =>
					lost.includes(q.id) ? [] : [answers[i] === undefined ? 0 : gradeAnswer(q, answers[i])]
				);
				const expected = kept.length ? kept.reduce((a, b) => a + b, 0) / kept.length : 0;
				const missing = presented.filter((q) => lost.includes(q.id)).map((q) => q.id);

				expect(attempt.score).toBeCloseTo(expected, 12);
				expect(inBrowser.score).toBe(attempt.score);
				expect(inBrowser.missing).toEqual(missing);
				expect(graded.score).toBe(attempt.score);
				expect(graded.missing).toEqual(missing);
				expect(xapiScore?.scaled).toBe(attempt.score);
				expect(xapiScore?.max).toBe(kept.length);
				expect(verbs.filter((v) => v === 'answered')).toHaveLength(kept.length);

				const verdict = passes(expected, passMark);
				expect(inBrowser.passed).toBe(verdict);
				expect(graded.passed).toBe(verdict);
				expect(verbs.at(-1)).toBe(verdict ? 'passed' : 'failed');

				// The claimed score re-grades to itself; a lost question shows as unknown content.
				expect(graded.flags).not.toContain('score-differs');
				expect(graded.flags.includes('unknown-content')).toBe(lost.length > 0);
			}),
			{ numRuns: 300 }
		);
	});

	it('flags a question the content lacks even under a content hash the gradebook knows', () => {
		const tf = question('truefalse', { id: 'tf', answer: true });
		const known = contentHash([tf]);
		const attempt = submittedAttempt(
			[tf],
			{ tf: true },
			{ questionIds: ['tf', 'made-up'], contentHash: known }
		);
		const quizzes = new Map([['tiny/basics-quiz', gradebookQuiz([tf], { contentHash: known })]]);
		const [graded] = regrade([{ source: 'ada.json', file: resultsFile([attempt]) }], { quizzes });
		expect(graded).toMatchObject({ score: 1, missing: ['made-up'], flags: ['unknown-content'] });
		expect(graded.questionScores).toEqual({ tf: 1 });
	});
});

import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
	answerQuestion,
	checkQuestion,
	clearAnswer,
	startAttempt,
	submitAttempt,
	type Attempt
} from '../quiz/attempt.ts';
import { correctAnswer } from '../quiz/grade.ts';
import { buildResultsFile } from '../results/export.ts';
import { xapiStatements, type QuizMeta } from '../results/xapi.ts';
import { attemptQuiz, everyType, learner } from '../testing/builders.ts';
import {
	attemptStatements,
	learnerActor,
	lessonStatement,
	reports,
	type Statement
} from './statements.ts';

const SITE = 'https://site.example/';
const questions = everyType();
const meta: QuizMeta = {
	title: 'Basics',
	passMark: 60,
	questions: new Map(questions.map((q) => [q.id, q]))
};
const context = { actor: learnerActor({ id: 'learner-1', name: 'Ada' }, SITE), baseIri: SITE };
const verb = (s: Statement) => (s.verb as { display: { 'en-US': string } }).display['en-US'];

const started = () =>
	startAttempt(
		attemptQuiz(),
		questions.map((q) => q.id),
		{ id: 'attempt-7', seed: 7, now: new Date('2026-01-01T10:00:00.000Z') }
	);

describe('statements of an attempt', () => {
	it('are `attempted` alone while nothing is final', () => {
		const attempt = answerQuestion(
			started(),
			'single-q',
			'dynamic',
			new Date('2026-01-01T10:01:00Z')
		);
		expect(attemptStatements(attempt, meta, context).map(verb)).toEqual(['attempted']);
	});

	it('add `answered` for a checked question, dated when it was checked', () => {
		const t = new Date('2026-01-01T10:02:00.000Z');
		const attempt = checkQuestion(
			answerQuestion(started(), 'truefalse-q', true, t),
			'truefalse-q',
			t
		);
		const [, answered] = attemptStatements(attempt, meta, context);
		expect(answered).toMatchObject({
			verb: { id: 'http://adlnet.gov/expapi/verbs/answered' },
			object: { id: `${SITE}courses/tiny/quizzes/basics-quiz/questions/truefalse-q` },
			result: { response: 'true', success: true },
			timestamp: t.toISOString(),
			actor: context.actor
		});
	});

	it('are those of the results export once submitted, with this learner as actor', () => {
		const now = new Date('2026-01-01T10:09:00.000Z');
		let attempt = started();
		for (const q of questions) attempt = answerQuestion(attempt, q.id, correctAnswer(q), now);
		attempt = submitAttempt(attempt, questions, 60, now);
		const live = attemptStatements(attempt, meta, {
			...context,
			registration: 'f'.repeat(8) + '-0000-4000-8000-' + '0'.repeat(12)
		});
		const file = xapiStatements(
			buildResultsFile({ learner: learner(), attempts: [attempt], now }),
			new Map([['tiny/basics-quiz', meta]]),
			SITE
		);
		expect(live.map((s) => s.id)).toEqual(file.map((s) => s.id));
		expect(live.map(verb)).toEqual([
			'attempted',
			...questions.map(() => 'answered'),
			'completed',
			'passed'
		]);
		for (const s of live) {
			expect(s.actor).toEqual(context.actor);
			expect((s.context as { registration: string }).registration).toBe(
				'ffffffff-0000-4000-8000-000000000000'
			);
		}
	});

	it('queued as an attempt goes (first copy of each id wins) are exactly the export’s, each answer as final', () => {
		const step = fc.oneof(
			fc.record({ do: fc.constant('answer' as const), q: fc.nat(questions.length - 1) }),
			fc.record({ do: fc.constant('clear' as const), q: fc.nat(questions.length - 1) }),
			fc.record({ do: fc.constant('check' as const), q: fc.nat(questions.length - 1) })
		);
		fc.assert(
			fc.property(fc.array(step, { maxLength: 25 }), (steps) => {
				let attempt: Attempt = started();
				const queued = new Map<string, Statement>();
				const queue = (a: Attempt) => {
					for (const s of attemptStatements(a, meta, context))
						if (!queued.has(s.id)) queued.set(s.id, s);
				};
				queue(attempt);
				steps.forEach((s, i) => {
					const now = new Date(Date.UTC(2026, 0, 1, 10, 1, i));
					const q = questions[s.q];
					if (s.do === 'answer') attempt = answerQuestion(attempt, q.id, correctAnswer(q), now);
					else if (s.do === 'clear') attempt = clearAnswer(attempt, q.id, now);
					else attempt = checkQuestion(attempt, q.id, now);
					queue(attempt);
				});
				attempt = submitAttempt(attempt, questions, 60, new Date('2026-01-01T11:00:00.000Z'));
				queue(attempt);
				const final = attemptStatements(attempt, meta, context);
				expect([...queued.keys()].sort()).toEqual(final.map((s) => s.id).sort());
				// What an LRS got early says what it would be told at the end (but the time).
				for (const s of final) expect(queued.get(s.id)!.result).toEqual(s.result);
				expect(verb([...queued.values()][0])).toBe('attempted');
				expect([...queued.values()].slice(-2).map(verb)).toEqual([
					'completed',
					attempt.score! >= 0.6 ? 'passed' : 'failed'
				]);
			}),
			{ numRuns: 150 }
		);
	});
});

describe('statements of a lesson', () => {
	it('are one `completed` per learner and registration, whenever it is marked again', () => {
		const first = lessonStatement('tiny', 'intro', '2026-01-01T10:00:00.000Z', context);
		const again = lessonStatement('tiny', 'intro', '2026-01-02T10:00:00.000Z', context);
		const other = lessonStatement('tiny', 'intro', '2026-01-01T10:00:00.000Z', {
			...context,
			actor: learnerActor({ id: 'learner-2' }, SITE)
		});
		expect(again.id).toBe(first.id);
		expect(other.id).not.toBe(first.id);
		expect(first).toMatchObject({
			verb: { id: 'http://adlnet.gov/expapi/verbs/completed' },
			object: { id: `${SITE}courses/tiny/lessons/intro` },
			result: { completion: true }
		});
	});

	it('are not sent when a lesson is unmarked', () => {
		const config = { source: 'build' as const, endpoint: 'https://lrs.example.org/' };
		expect(
			reports(config, { kind: 'lesson', courseId: 'tiny', lessonId: 'intro', done: false })
		).toBe(false);
		expect(
			reports(config, { kind: 'lesson', courseId: 'tiny', lessonId: 'intro', done: true })
		).toBe(true);
	});
});

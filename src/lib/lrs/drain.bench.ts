/**
 * How long the sender takes to drain 1 000 queued statements (fake-indexeddb, a fake LRS that
 * parses and checks every request). Run: `npx vitest bench --project server --run src/lib/lrs/drain.bench.ts`.
 */
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { bench, describe } from 'vitest';
import { LearnerStore } from '../progress/store.svelte.ts';
import { answerQuestion, startAttempt, submitAttempt } from '../quiz/attempt.ts';
import { attemptQuiz, everyType } from '../testing/builders.ts';
import { correctAnswer } from '../quiz/grade.ts';
import { FakeBrowser, FakeLrs } from './fake-lrs.ts';
import { LrsSender } from './sender.svelte.ts';
import { attemptStatements, learnerActor } from './statements.ts';

const ENDPOINT = 'https://lrs.example.org/xapi/';
const questions = everyType();
const meta = { title: 'Basics', passMark: 60, questions: new Map(questions.map((q) => [q.id, q])) };
const context = {
	actor: learnerActor({ id: 'learner-1' }, 'https://site.example/'),
	baseIri: 'https://site.example/'
};

/** Real statements: 100 submitted attempts of 7 questions (10 statements each). */
function statements() {
	const all = [];
	for (let i = 0; i < 100; i++) {
		const now = new Date(Date.UTC(2026, 0, 1, 10, i));
		let attempt = startAttempt(
			attemptQuiz(),
			questions.map((q) => q.id),
			{ id: `a${i}`, seed: i, now }
		);
		for (const q of questions) attempt = answerQuestion(attempt, q.id, correctAnswer(q), now);
		all.push(...attemptStatements(submitAttempt(attempt, questions, 60, now), meta, context));
	}
	return all;
}

const queued = statements();
let store: LearnerStore;
let sender: LrsSender;
let lrs: FakeLrs;

async function setup() {
	globalThis.indexedDB = new IDBFactory();
	lrs = new FakeLrs();
	store = new LearnerStore();
	await store.ready();
	sender = new LrsSender(store, {
		allowed: ['https://lrs.example.org'],
		deps: new FakeBrowser(lrs).deps()
	});
	// As the app queues them: one enqueue per attempt.
	for (let i = 0; i < queued.length; i += 10)
		await store.enqueue(
			queued.slice(i, i + 10).map((statement) => ({ endpoint: ENDPOINT, statement }))
		);
}

async function teardown() {
	if (lrs.stored.size !== queued.length || (await store.outboxCount()) !== 0)
		throw new Error('not drained');
	sender.end();
	store.close();
}

const times: number[] = [];

describe('the LRS outbox', () => {
	// tinybench's setup runs once per task, not per iteration: each iteration fills its own outbox
	// and times only the drain, printed at the end.
	bench(
		`queue and drain ${queued.length} statements (${Math.round(JSON.stringify(queued).length / 1024)} KB) in batches of 50`,
		async () => {
			await setup();
			const start = performance.now();
			await sender.drain();
			times.push(performance.now() - start);
			await teardown();
		},
		{
			iterations: 10,
			warmupIterations: 2,
			teardown: () => {
				const sorted = [...times].sort((a, b) => a - b);
				console.log(
					`drain of ${queued.length} statements: median ${sorted[sorted.length >> 1].toFixed(0)} ms, min ${sorted[0].toFixed(0)} ms, max ${sorted.at(-1)!.toFixed(0)} ms (${lrs.requests.length} requests)`
				);
			}
		}
	);
});

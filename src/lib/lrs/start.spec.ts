import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { LearnerStore } from '../progress/store.svelte.ts';
import { answerQuestion, checkQuestion, startAttempt, submitAttempt } from '../quiz/attempt.ts';
import type { Bank } from '../results/fetch-bank.ts';
import { attemptQuiz, question, questionViewOf } from '../testing/builders.ts';
import { FakeBrowser, FakeLrs, MemoryStorage } from './fake-lrs.ts';
import { startLrs, type StartOptions } from './start.ts';
import { LAUNCH_KEY } from './wanted.ts';

const SITE = 'https://site.example/';
const ENDPOINT = 'https://lrs.example.org/xapi/';
const AUTH = 'Basic YWRhOnNlY3JldA==';
const REGISTRATION = '2d1f6a0e-7c1b-4e8e-9f43-5b0a1c2d3e4f';
const ACTOR = { objectType: 'Agent', name: 'Ada', mbox: 'mailto:ada@example.org' };
const env = { VITE_COURSEKIT_LRS_ORIGINS: 'https://lrs.example.org' };

const questions = [
	question('single', { id: 'q1' }),
	question('truefalse', { id: 'q2' }),
	question('text', { id: 'q3' })
];
const bank = (courseId = 'tiny'): Bank => ({
	courseId,
	quizzes: [
		{
			id: 'basics-quiz',
			title: 'Basics',
			passMark: 50,
			settings: { shuffle: { questions: false, options: false } },
			questions: questions.map(questionViewOf)
		}
	]
});

const launchUrl = (page = 'courses/tiny/quizzes/basics-quiz') => {
	const url = new URL(page, SITE);
	url.searchParams.set('endpoint', ENDPOINT);
	url.searchParams.set('auth', AUTH);
	url.searchParams.set('actor', JSON.stringify(ACTOR));
	url.searchParams.set('registration', REGISTRATION);
	return url;
};

let lrs: FakeLrs;
let browser: FakeBrowser;
let session: MemoryStorage;
const stores: LearnerStore[] = [];

async function tab(options: Partial<StartOptions> = {}) {
	const store = new LearnerStore();
	stores.push(store);
	const sender = await startLrs(store, {
		url: new URL(SITE),
		baseIri: SITE,
		env,
		session,
		loadBank: async (courseId) => bank(courseId),
		deps: browser.deps(),
		...options
	});
	return { store, sender };
}

/** Takes the tiny quiz: starts, checks q1 (immediate feedback), answers the rest, submits. */
async function takeQuiz(
	store: LearnerStore,
	id = 'attempt-1',
	quiz = attemptQuiz(),
	assignmentId?: string
) {
	const t = (s: number) => new Date(Date.UTC(2026, 0, 1, 10, 0, s));
	let attempt = startAttempt(quiz, ['q1', 'q2', 'q3'], { id, seed: 1, now: t(0), assignmentId });
	await store.saveAttempt(attempt);
	attempt = answerQuestion(attempt, 'q1', 'dynamic', t(1));
	await store.saveAttempt(attempt);
	attempt = checkQuestion(attempt, 'q1', t(2));
	await store.saveAttempt(attempt);
	attempt = answerQuestion(attempt, 'q2', false, t(3));
	await store.saveAttempt(attempt);
	attempt = answerQuestion(attempt, 'q3', 'TensorBoard', t(4));
	await store.saveAttempt(attempt);
	attempt = submitAttempt(attempt, questions, 50, t(5));
	await store.saveAttempt(attempt);
	return attempt;
}

const verbs = () =>
	[...lrs.stored.values()].map((s) => {
		const statement = JSON.parse(s);
		const object = statement.object.id.replace(SITE, '');
		return `${statement.verb.display['en-US']} ${object}`;
	});

beforeEach(() => {
	globalThis.indexedDB = new IDBFactory();
	lrs = new FakeLrs();
	lrs.auth = AUTH;
	browser = new FakeBrowser(lrs);
	session = new MemoryStorage();
});

afterEach(() => {
	for (const store of stores.splice(0)) {
		store.lrs?.end();
		store.close();
	}
});

describe('xAPI reporting from a launch link', () => {
	it('sends what the learner does, in order, as the launch actor and registration', async () => {
		const replaceUrl = vi.fn();
		const { store, sender } = await tab({ url: launchUrl(), replaceUrl });
		expect(sender).not.toBeNull();
		await takeQuiz(store);
		await vi.waitFor(() => expect(lrs.stored.size).toBe(6));
		expect(verbs()).toEqual([
			'attempted courses/tiny/quizzes/basics-quiz',
			'answered courses/tiny/quizzes/basics-quiz/questions/q1',
			'answered courses/tiny/quizzes/basics-quiz/questions/q2',
			'answered courses/tiny/quizzes/basics-quiz/questions/q3',
			'completed courses/tiny/quizzes/basics-quiz',
			'passed courses/tiny/quizzes/basics-quiz'
		]);
		for (const json of lrs.stored.values()) {
			const statement = JSON.parse(json);
			expect(statement.actor).toEqual(ACTOR);
			expect(statement.context.registration).toBe(REGISTRATION);
		}
		// Saving the same attempt again queues nothing new.
		await store.saveAttempt(store.attempts[0]);
		await vi.waitFor(() => expect(sender!.status).toBe('idle'));
		expect(lrs.sent).toHaveLength(6);
		expect(await store.outboxCount()).toBe(0);
	});

	it('takes `auth` out of the address and keeps the launch for the rest of the visit', async () => {
		const replaceUrl = vi.fn();
		await tab({ url: launchUrl(), replaceUrl });
		const shown: URL = replaceUrl.mock.calls[0][0];
		expect(shown.searchParams.has('auth')).toBe(false);
		expect(shown.searchParams.get('endpoint')).toBe(ENDPOINT);
		expect(JSON.parse(session.getItem(LAUNCH_KEY)!)).toMatchObject({
			endpoint: ENDPOINT,
			auth: AUTH,
			registration: REGISTRATION
		});
		stores.pop()!.close();
		// The next page of the visit has no parameters: the launch still holds.
		const { store } = await tab({ url: new URL('courses/tiny', SITE) });
		await store.setLessonDone('tiny', 'intro', true);
		await vi.waitFor(() => expect(verbs()).toEqual(['completed courses/tiny/lessons/intro']));
	});

	it('answers offline, then sends every statement once when the browser is back online', async () => {
		const { store, sender } = await tab({ url: launchUrl() });
		browser.online = false;
		await takeQuiz(store);
		await vi.waitFor(async () => expect(await store.outboxCount()).toBe(6));
		expect(lrs.requests).toEqual([]);
		expect(sender!.status).toBe('offline');
		browser.goOnline();
		await vi.waitFor(() => expect(lrs.stored.size).toBe(6));
		expect(new Set(lrs.sent).size).toBe(lrs.sent.length);
	});

	it('sends after a closed tab, from a new visit with no launch, with the credentials they were queued with', async () => {
		const first = await tab({ url: launchUrl() });
		browser.online = false;
		await takeQuiz(first.store);
		await vi.waitFor(async () => expect(await first.store.outboxCount()).toBe(6));
		expect(browser.pending).toBe(true);
		first.store.lrs!.end();
		first.store.close();

		// A new tab: its own sessionStorage, no launch parameters; the waiting statements start it.
		session = new MemoryStorage();
		browser.online = true;
		const second = await tab();
		expect(second.sender).not.toBeNull();
		await vi.waitFor(() => expect(lrs.stored.size).toBe(6));
		expect(lrs.requests.every((r) => r.headers.authorization === AUTH)).toBe(true);
		await vi.waitFor(() => expect(browser.pending).toBe(false));
	});

	it('builds the statements of a quiz whose bank could not load once it can', async () => {
		let failing = true;
		const { store } = await tab({
			url: launchUrl(),
			loadBank: async (courseId) => {
				if (failing) throw new Error('offline');
				return bank(courseId);
			}
		});
		await takeQuiz(store);
		await new Promise((resolve) => setTimeout(resolve, 20));
		expect(lrs.stored.size).toBe(0);
		failing = false;
		browser.goOnline();
		await vi.waitFor(() => expect(lrs.stored.size).toBe(6));
		expect(verbs()[0]).toBe('attempted courses/tiny/quizzes/basics-quiz');
	});

	it('refuses an endpoint whose origin is not allowed: nothing is queued or sent', async () => {
		const url = launchUrl();
		url.searchParams.set('endpoint', 'https://elsewhere.example/xapi/');
		const { store, sender } = await tab({ url });
		expect(sender!.refused).toBe(
			'This site may not send your results to elsewhere.example: it sends only to lrs.example.org. Nothing was sent; your answers are kept here.'
		);
		await takeQuiz(store);
		await new Promise((resolve) => setTimeout(resolve, 20));
		expect(await store.outboxCount()).toBe(0);
		expect(lrs.requests).toEqual([]);
	});

	it('starts nothing without an endpoint or waiting statements', async () => {
		const { store, sender } = await tab();
		expect(sender).toBeNull();
		expect(store.lrs).toBeNull();
	});
});

describe('xAPI reporting for an assignment', () => {
	const assignment = {
		v: 1 as const,
		id: 'Week1abc',
		title: 'Week 1',
		course: 'tiny',
		lessons: ['intro'],
		quizzes: ['basics-quiz'],
		passMark: 90,
		lrs: 'https://lrs.example.org/xapi'
	};

	it('reports only its own lessons and quizzes, as the learner’s account, with its pass mark', async () => {
		lrs.auth = undefined;
		const { store } = await tab({ assignment });
		await store.setLessonDone('tiny', 'other-lesson', true);
		await takeQuiz(store, 'elsewhere', attemptQuiz({ quizId: 'other-quiz' }));
		await takeQuiz(store, 'attempt-1', attemptQuiz(), assignment.id);
		await vi.waitFor(() => expect(lrs.stored.size).toBe(6));
		// 2 of 3 right: above the quiz's pass mark (50), below the assignment's (90).
		expect(verbs().at(-1)).toBe('failed courses/tiny/quizzes/basics-quiz');
		const actor = JSON.parse([...lrs.stored.values()][0]).actor;
		expect(actor).toEqual({
			objectType: 'Agent',
			account: { homePage: SITE, name: store.profile.learner.id }
		});
		expect(lrs.requests[0].headers.authorization).toBeUndefined();
	});
});

import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { startTestLrs, type Cmi5LaunchOptions, type Statement } from '../../../tests/lrs/server.ts';
import { attempt, everyType, question, rightAnswers } from '../testing/builders.ts';
import { startCmi5, type Cmi5Session } from './cmi5.ts';
import { packageManifest } from './manifest.ts';
import { packageReport, type PackageContent } from './report.ts';

// Vitest resolves packages for Node without their `module` field, which is all @xapi/cmi5 has;
// its ESM file is the one a bundler picks. Its xAPI client sends with XHR only: Node gets a
// stand-in before the library loads.
vi.mock('@xapi/cmi5', async () => {
	const { installXmlHttpRequest } = await import('../../../tests/lrs/node-xhr.ts');
	installXmlHttpRequest();
	// @ts-expect-error -- the file has no types beside it; the package's types describe it.
	return import('@xapi/cmi5/dist/Cmi5.esm.js');
});

const lrs = await startTestLrs();
afterAll(() => lrs.close());
beforeEach(() => lrs.reset());

const AU = 'http://127.0.0.1:4173/courses/tiny.html';
const SESSION_ID = 'https://w3id.org/xapi/cmi5/context/extensions/sessionid';
const MASTERY = 'https://w3id.org/xapi/cmi5/context/extensions/masteryscore';
const CMI5_CATEGORY = 'https://w3id.org/xapi/cmi5/context/categories/cmi5';
const MOVE_ON_CATEGORY = 'https://w3id.org/xapi/cmi5/context/categories/moveon';

/** Launches the AU as the LMS would and starts its session (no pagehide listener, fast retries). */
async function launch(options: Cmi5LaunchOptions = {}, events: EventTarget | null = null) {
	const cmi5 = lrs.createCmi5Launch(options);
	const session = await startCmi5(new URL(cmi5.launchUrl(AU)), { events, retryDelaysMs: [5] });
	if (!session) throw new Error('no session');
	return { cmi5, session };
}

const verbs = (statements = lrs.statements()) =>
	statements.map((s) => (s.verb as { id: string }).id.split('/').pop());
const byVerb = (verb: string) =>
	lrs.statements().filter((s) => (s.verb as { id: string }).id.endsWith(`/${verb}`));
const categories = (s: Statement) =>
	(
		(s.context as { contextActivities?: { category?: { id: string }[] } }).contextActivities
			?.category ?? []
	).map((c) => c.id);

/** Waits until the LRS has stored `count` statements. */
async function stored(count: number) {
	await vi.waitFor(() => expect(lrs.statements()).toHaveLength(count), { timeout: 3000 });
}

async function answerAll(session: Cmi5Session, attemptId = 'attempt-1') {
	const questions = everyType();
	const answers = rightAnswers(questions);
	await Promise.all(questions.map((q) => session.answered(q, answers[q.id], true, attemptId)));
	return questions;
}

describe('starting', () => {
	it('is null without cmi5 launch parameters (also for a classic xAPI launch)', async () => {
		expect(await startCmi5(new URL(AU))).toBeNull();
		const classic = new URL(AU);
		classic.search = new URLSearchParams({
			endpoint: lrs.endpoint,
			auth: lrs.basicAuth,
			actor: '{"mbox":"mailto:a@b.test"}'
		}).toString();
		expect(await startCmi5(classic)).toBeNull();
	});

	it('refuses an actor without an account', async () => {
		const url = new URL(lrs.createCmi5Launch().launchUrl(AU));
		url.searchParams.set('actor', '{"objectType":"Agent","mbox":"mailto:a@b.test"}');
		await expect(startCmi5(url)).rejects.toThrow(/account/);
	});

	it('reads the learner and the launch data, and sends initialized first', async () => {
		const { cmi5, session } = await launch({
			actor: {
				objectType: 'Agent',
				name: 'Grace Hopper',
				account: { homePage: 'https://lms.test', name: 'u-42' }
			},
			masteryScore: 0.75,
			returnURL: 'https://lms.test/back'
		});
		expect(session.learner()).toEqual({
			id: 'u-42',
			name: 'Grace Hopper',
			homePage: 'https://lms.test'
		});
		expect(session).toMatchObject({
			launchMode: 'Normal',
			moveOn: 'CompletedAndPassed',
			masteryScore: 0.75,
			returnURL: 'https://lms.test/back',
			registration: cmi5.registration
		});
		await stored(1);
		const [initialized] = lrs.statements();
		expect(verbs()).toEqual(['initialized']);
		expect(initialized.object).toEqual({ objectType: 'Activity', id: cmi5.activityId });
		expect(initialized.context).toMatchObject({
			registration: cmi5.registration,
			extensions: { [SESSION_ID]: cmi5.sessionId }
		});
		expect(categories(initialized)).toEqual([CMI5_CATEGORY]);
	});

	it('uses the fetch URL once: a second start of the same launch is refused', async () => {
		const { cmi5 } = await launch();
		await expect(startCmi5(new URL(cmi5.launchUrl(AU)), { events: null })).rejects.toThrow(
			/no authorization token/
		);
	});
});

describe('a session', () => {
	it('sends initialized, answered per question, completed, passed, terminated, in that order', async () => {
		const { cmi5, session } = await launch();
		const questions = await answerAll(session);
		await session.report({ completed: true, score: 0.9, passed: true });
		await session.terminate();
		expect(verbs()).toEqual([
			'initialized',
			...questions.map(() => 'answered'),
			'completed',
			'passed',
			'terminated'
		]);
		const all = lrs.statements();
		for (const s of all) {
			expect(s.actor).toEqual(cmi5.actor);
			expect(s.context).toMatchObject({
				registration: cmi5.registration,
				extensions: { [SESSION_ID]: cmi5.sessionId }
			});
		}
		const [passed] = byVerb('passed');
		expect(passed.result).toMatchObject({ success: true, score: { scaled: 0.9 } });
		expect(categories(passed)).toEqual([CMI5_CATEGORY, MOVE_ON_CATEGORY]);
		expect(categories(byVerb('completed')[0])).toEqual([CMI5_CATEGORY, MOVE_ON_CATEGORY]);
	});

	it('answered: a cmi.interaction per question type, with the response, as an allowed statement', async () => {
		const { cmi5, session } = await launch();
		const questions = await answerAll(session);
		const answered = byVerb('answered');
		expect(answered.map((s) => (s.object as { id: string }).id)).toEqual(
			questions.map((q) => `${cmi5.activityId}/questions/${q.id}`)
		);
		const match = answered.find((s) => (s.object as { id: string }).id.endsWith('/match-q'))!;
		expect(match.object).toMatchObject({
			definition: {
				type: 'http://adlnet.gov/expapi/activities/cmi.interaction',
				interactionType: 'matching'
			}
		});
		expect(match.result).toMatchObject({ success: true });
		expect((match.result as { response: string }).response).toMatch(/\[\.\].*\[,\]/);
		for (const s of answered) {
			// "cmi5 allowed": never the cmi5 category; the AU is the parent.
			expect(categories(s)).toEqual([]);
			expect(s.context).toMatchObject({
				contextActivities: { parent: [{ id: cmi5.activityId }] }
			});
		}
	});

	it('sends each statement once: repeated answers, reports and terminations add nothing', async () => {
		const { session } = await launch();
		const single = question('single');
		await session.answered(single, 'dynamic', true, 'a1');
		await session.answered(single, 'static', false, 'a1');
		await session.answered(single, 'static', false, 'a2');
		for (let i = 0; i < 3; i++) await session.report({ completed: true, score: 1, passed: true });
		await Promise.all([session.terminate(), session.terminate()]);
		await session.answered(question('text'), 'x', false, 'a3');
		await session.report({ completed: true, score: 1, passed: true });
		expect(verbs()).toEqual([
			'initialized',
			'answered',
			'answered',
			'completed',
			'passed',
			'terminated'
		]);
	});

	it('sends completed and passed once per registration, across sessions', async () => {
		const first = await launch();
		await first.session.report({ completed: true, score: 0.8, passed: true });
		await first.session.terminate();
		const second = await launch({ registration: first.cmi5.registration });
		await second.session.report({ completed: true, score: 0.8, passed: true });
		await second.session.terminate();
		expect(verbs()).toEqual([
			'initialized',
			'completed',
			'passed',
			'terminated',
			'initialized',
			'terminated'
		]);
		// The second session asked the LRS first, rather than running into a 409.
		expect(lrs.requests().filter((r) => r.status === 409)).toEqual([]);
	});

	it('passes only when every quiz passes (no masteryScore): a good mean with a failed quiz fails', async () => {
		const { session } = await launch();
		await session.report({ completed: false, score: 0.5, passed: false });
		await session.report({ completed: true, score: 0.85, passed: false });
		expect(verbs()).toEqual(['initialized', 'completed']);
		await session.terminate();
		expect(verbs()).toEqual(['initialized', 'completed', 'failed', 'terminated']);
		const [failed] = byVerb('failed');
		expect(failed.result).toMatchObject({ success: false, score: { scaled: 0.85 } });
		expect(failed.context).not.toHaveProperty(['extensions', MASTERY]);
	});

	it('holds a failure until terminate, so a retake that passes in the session sends passed alone', async () => {
		const { session } = await launch();
		await session.report({ completed: true, score: 0.4, passed: false });
		await session.report({ completed: true, score: 0.9, passed: true });
		await session.terminate();
		expect(verbs()).toEqual(['initialized', 'completed', 'passed', 'terminated']);
	});

	it('follows a masteryScore the LMS sets: passed and failed by the score against it', async () => {
		const { session } = await launch({ masteryScore: 0.6 });
		await session.report({ completed: false, score: 0.7, passed: false });
		const [passed] = byVerb('passed');
		expect(passed.result).toMatchObject({ success: true, score: { scaled: 0.7 } });
		expect(passed.context).toMatchObject({ extensions: { [MASTERY]: 0.6 } });

		const other = await launch({ masteryScore: 0.6 });
		await other.session.report({ completed: true, score: 0.5, passed: true });
		await other.session.terminate();
		expect(verbs(lrs.statements().slice(2))).toEqual([
			'initialized',
			'completed',
			'failed',
			'terminated'
		]);
	});

	for (const launchMode of ['Browse', 'Review'] as const) {
		it(`sends no completed, passed or failed in ${launchMode} mode`, async () => {
			const { session } = await launch({ launchMode });
			expect(session.launchMode).toBe(launchMode);
			await session.report({ completed: true, score: 0.2, passed: false });
			await session.report({ completed: true, score: 1, passed: true });
			await session.terminate();
			expect(verbs()).toEqual(['initialized', 'terminated']);
		});
	}

	it('terminates on pagehide, once', async () => {
		const events = new EventTarget();
		const { session } = await launch({}, events);
		await session.report({ completed: true, score: 0.3, passed: false });
		events.dispatchEvent(new Event('pagehide'));
		await session.terminate();
		await stored(4);
		expect(verbs()).toEqual(['initialized', 'completed', 'failed', 'terminated']);
	});
});

describe('delivery', () => {
	for (const mode of ['refuse', 'unavailable'] as const) {
		it(`offline (${mode}) → answers → online: every statement arrives once, in order`, async () => {
			const { session } = await launch();
			await stored(1);
			lrs.setOffline(mode);
			const questions = everyType();
			const answers = rightAnswers(questions);
			const sends = questions.map((q) => session.answered(q, answers[q.id], true, 'a1'));
			const reported = session.report({ completed: true, score: 1, passed: true });
			await new Promise((r) => setTimeout(r, 50));
			expect(lrs.statements()).toHaveLength(1);
			lrs.setOffline(false);
			await Promise.all([...sends, reported, session.terminate()]);
			expect(verbs()).toEqual([
				'initialized',
				...questions.map(() => 'answered'),
				'completed',
				'passed',
				'terminated'
			]);
			expect(
				byVerb('answered').map((s) => (s.object as { id: string }).id.split('/').pop())
			).toEqual(questions.map((q) => q.id));
		});
	}

	it('gives stable ids: a statement sent again (pagehide with one in flight) is not stored twice', async () => {
		const events = new EventTarget();
		const { session } = await launch({}, events);
		lrs.setOffline('unavailable');
		const sent = session.answered(question('truefalse'), true, true, 'a1');
		events.dispatchEvent(new Event('pagehide'));
		lrs.setOffline(false);
		await Promise.all([sent, session.terminate()]);
		await new Promise((r) => setTimeout(r, 50));
		expect(verbs()).toEqual(['initialized', 'answered', 'terminated']);
		const posts = lrs
			.requests()
			.filter((r) => r.method === 'POST' && r.path.endsWith('/statements'));
		expect(posts.length).toBeGreaterThan(3);
	});
});

describe('cmi5.xml and the AU agree', () => {
	it('the LMS launches with what cmi5.xml says, and passed means every quiz passed', async () => {
		const { text } = packageManifest('cmi5', {
			id: 'tiny',
			title: 'Tiny',
			launch: 'index.html',
			files: ['index.html'],
			passMark: 70,
			iri: 'https://coursekit.test/courses/tiny'
		});
		const au = /<au [^>]*>/.exec(text)![0];
		const moveOn = /moveOn="([A-Za-z]+)"/.exec(au)![1] as Cmi5LaunchOptions['moveOn'];
		const mastery = /masteryScore="([\d.]+)"/.exec(au)?.[1];
		const { session } = await launch({
			moveOn,
			masteryScore: mastery === undefined ? undefined : Number(mastery)
		});
		const content: PackageContent = {
			courseId: 'tiny',
			lessons: [],
			quizzes: [
				{ id: 'one', passMark: 70 },
				{ id: 'two', passMark: 70 }
			]
		};
		const taken = (quizId: string, score: number) =>
			attempt({ id: `${quizId}-${score}`, quizId, submitted: true, score });
		// A mean of 0.75 above the 70% mark, but quiz two failed: the package is failed.
		const failing = packageReport(content, new Set(), [taken('one', 1), taken('two', 0.5)]);
		await session.report(failing);
		expect(verbs()).toEqual(['initialized', 'completed']);
		const passing = packageReport(content, new Set(), [
			taken('one', 1),
			taken('two', 0.5),
			taken('two', 0.7)
		]);
		await session.report(passing);
		await session.terminate();
		expect(verbs()).toEqual(['initialized', 'completed', 'passed', 'terminated']);
		expect(byVerb('passed')[0].result).toMatchObject({ score: { scaled: 0.85 } });
	});
});

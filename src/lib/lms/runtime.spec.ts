import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LearnerStore } from '../progress/store.svelte.ts';
import { attempt, everyType, rightAnswers } from '../testing/builders.ts';
import type { PackageConfig } from '../package.ts';
import type { Cmi5Report, Cmi5Session } from './cmi5.ts';
import { lmsApi, stored } from './scorm-fixtures.ts';
import { Cmi5Link, launchScorm, type QuestionSource } from './runtime.ts';
import { lmsState } from './lms-state.svelte.ts';
import { SUSPEND_LIMIT } from './suspend.ts';
import type { ApiWindow, ScormVersion } from './scorm-api.ts';

const QUESTIONS = everyType();
const questions: QuestionSource = async () => new Map(QUESTIONS.map((q) => [q.id, q]));
const config = (format: PackageConfig['format']): PackageConfig => ({
	format,
	courseId: 'tiny',
	lessons: ['one', 'two'],
	quizzes: [
		{ id: 'basics-quiz', passMark: 70 },
		{ id: 'other-quiz', passMark: 70 }
	]
});
const LEARNER = {
	'1.2': { core: { student_id: 'u-42', student_name: 'Lovelace, Ada', entry: 'ab-initio' } },
	'2004': { learner_id: 'u-42', learner_name: 'Lovelace, Ada', entry: 'ab-initio' }
};
const stores: LearnerStore[] = [];

async function storeFor(options: ConstructorParameters<typeof LearnerStore>[0]) {
	const store = new LearnerStore(options);
	stores.push(store);
	await store.ready();
	return store;
}

/** A window whose parent holds `api` as an LMS frame does. */
const windowWith = (version: ScormVersion, api: unknown): ApiWindow => {
	const parent = { [version === '1.2' ? 'API' : 'API_1484_11']: api } as unknown as ApiWindow;
	return { parent, opener: null } as unknown as ApiWindow;
};

const submitted = (id: string, quizId: string, score: number) =>
	attempt({
		id,
		quizId,
		submitted: true,
		questionIds: QUESTIONS.map((q) => q.id),
		answers: rightAnswers(QUESTIONS),
		score
	});

beforeEach(() => {
	globalThis.indexedDB = new IDBFactory();
	lmsState.problem = '';
	lmsState.learner = '';
});
afterEach(() => {
	for (const store of stores.splice(0)) store.close();
});

describe.each(['1.2', '2004'] as const)('a SCORM %s package', (version) => {
	const format = version === '1.2' ? 'scorm12' : 'scorm2004';
	const v12 = version === '1.2';
	const el = (a: string, b: string) => (v12 ? a : b);

	it('runs as the local app when there is no LMS', () => {
		const lonely = { parent: null, opener: null } as unknown as ApiWindow;
		expect(launchScorm(lonely, config(format), questions)).toBeNull();
		expect(lmsState.problem).toBe('');
	});

	it('refuses an LMS that gives no learner id, and says so', () => {
		const api = lmsApi(version, {});
		expect(launchScorm(windowWith(version, api), config(format), questions)).toBeNull();
		expect(lmsState.problem).toMatch(/did not say who you are/);
	});

	it('takes the learner from the LMS and reports lessons, quizzes and answers as they happen', async () => {
		const api = lmsApi(version, LEARNER[version]);
		const link = launchScorm(windowWith(version, api), config(format), questions)!;
		expect(link.learner).toEqual({ id: 'u-42', name: 'Lovelace, Ada' });
		const store = await storeFor(link.storeOptions());
		expect(store.profile.learner).toEqual({ id: 'u-42', name: 'Lovelace, Ada' });
		await link.attach(store);
		expect(stored(api)[el('cmi.core.lesson_status', 'cmi.completion_status')]).toBe('incomplete');

		await store.setLessonDone('tiny', 'one', true);
		await store.saveAttempt(submitted('a1', 'basics-quiz', 1));
		await link.settled();
		let cmi = stored(api);
		// Two quizzes, one at 100 %: 50; a lesson and a quiz left: incomplete, not yet failed.
		expect(cmi[el('cmi.core.score.raw', 'cmi.score.raw')]).toBe('50');
		expect(cmi[el('cmi.core.lesson_status', 'cmi.completion_status')]).toBe('incomplete');
		if (!v12) expect(cmi['cmi.success_status']).toBe('unknown');

		expect(QUESTIONS.map((_, i) => cmi[`cmi.interactions.${i}.result`])).toEqual(
			QUESTIONS.map(() => 'correct')
		);

		// Everything done, the second quiz failed: completed, failed.
		await store.setLessonDone('tiny', 'two', true);
		await store.saveAttempt(submitted('a2', 'other-quiz', 0.5));
		await link.settled();
		cmi = stored(api);
		expect(cmi[el('cmi.core.score.raw', 'cmi.score.raw')]).toBe('75');
		if (v12) expect(cmi['cmi.core.lesson_status']).toBe('failed');
		else {
			expect(cmi['cmi.completion_status']).toBe('completed');
			expect(cmi['cmi.success_status']).toBe('failed');
		}
		// A re-save of a submitted attempt adds no interactions.
		await store.saveAttempt({ ...submitted('a2', 'other-quiz', 0.5), revision: 9 });
		await link.settled();
		expect(
			Object.keys(stored(api)).filter((k) => /^cmi\.interactions\.\d+\.id$/.test(k))
		).toHaveLength(2 * QUESTIONS.length);
		expect(String(stored(api)['cmi.suspend_data']).length).toBeLessThanOrEqual(
			SUSPEND_LIMIT[version]
		);
	});

	it('resumes on another computer from what the LMS kept, and finishes suspended', async () => {
		const api = lmsApi(version, LEARNER[version]);
		const link = launchScorm(windowWith(version, api), config(format), questions)!;
		const store = await storeFor(link.storeOptions());
		await link.attach(store);
		await store.setLessonDone('tiny', 'one', true);
		await store.saveAttempt(submitted('a1', 'basics-quiz', 1));
		await store.saveAttempt(attempt({ id: 'a2', quizId: 'other-quiz', answers: { x: 'y' } }));
		await link.settled();
		link.end();
		expect(stored(api)[el('cmi.core.exit', 'cmi.exit')]).toBe('suspend');

		// Another computer: an empty browser.
		globalThis.indexedDB = new IDBFactory();
		const data = JSON.parse(JSON.stringify(api.cmi));
		if (v12) data.core.entry = 'resume';
		else data.entry = 'resume';
		const again = lmsApi(version, data);
		const relaunch = launchScorm(windowWith(version, again), config(format), questions)!;
		const fresh = await storeFor(relaunch.storeOptions());
		await relaunch.attach(fresh);
		expect(fresh.isLessonDone('tiny', 'one')).toBe(true);
		expect(fresh.attempts.map((a) => a.id).sort()).toEqual(['a1', 'a2']);
		expect(fresh.attempts.find((a) => a.id === 'a2')?.answers).toEqual({ x: 'y' });
	});
});

describe('a cmi5 package', () => {
	it('reports every change and one answered per question of a submitted quiz', async () => {
		const reports: Cmi5Report[] = [];
		const answered: string[] = [];
		const session = {
			learner: () => ({ id: 'u-42', name: 'Ada', homePage: 'https://lms.example' }),
			report: async (report: Cmi5Report) => void reports.push(report),
			answered: async (question: { id: string }, _answer: unknown, success: boolean) =>
				void answered.push(`${question.id} ${success}`),
			terminate: async () => {}
		} as unknown as Cmi5Session;
		const link = new Cmi5Link(config('cmi5'), session, { id: 'u-42', name: 'Ada' }, questions);
		const store = await storeFor(link.storeOptions());
		await link.attach(store);
		expect(reports.at(-1)).toMatchObject({ completed: false, passed: false });
		await store.setLessonDone('tiny', 'one', true);
		await store.setLessonDone('tiny', 'two', true);
		await store.saveAttempt(submitted('a1', 'basics-quiz', 1));
		await store.saveAttempt(submitted('a2', 'other-quiz', 1));
		await expect
			.poll(() => reports.at(-1))
			.toMatchObject({ completed: true, passed: true, score: 1 });
		expect(answered).toEqual([
			...QUESTIONS.map((q) => `${q.id} true`),
			...QUESTIONS.map((q) => `${q.id} true`)
		]);
	});
});

import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { loadCourses } from '$lib/content/load';
import { readContentFiles } from '$lib/content/read-dir';
import { courseBank } from '$lib/content/course-bank';
import { StoreSlot } from '$lib/progress/slot.svelte';
import { LearnerStore } from '$lib/progress/store.svelte';
import { attempt, backupOf } from '$lib/testing/builders';
import { ProgressState } from './progress-state.svelte';

const TINY = loadCourses(readContentFiles('tests/fixtures/tiny-course')).courses[0];
const stores: LearnerStore[] = [];

/** The progress page in a new tab, loaded. */
async function openProgress(courseIds = ['tiny', 'other']) {
	const slot = new StoreSlot(() => import('$lib/progress/store.svelte'));
	const progress = new ProgressState(slot);
	await progress.load(courseIds);
	stores.push(slot.current!);
	return progress;
}

/** Stores data as another page of the app would, then closes that tab. */
async function given(write: (store: LearnerStore) => Promise<unknown>) {
	const store = new LearnerStore();
	await store.ready();
	await write(store);
	store.close();
}

const fileOf = (value: unknown) =>
	new File([JSON.stringify(value)], 'backup.json', { type: 'application/json' });

let fetched: string[];

beforeEach(() => {
	globalThis.indexedDB = new IDBFactory();
	fetched = [];
	vi.stubGlobal('navigator', { storage: { persisted: async () => false } });
	vi.stubGlobal('fetch', async (url: string) => {
		fetched.push(url);
		return url.includes('/tiny/')
			? new Response(JSON.stringify(courseBank(TINY)))
			: new Response('', { status: 404 });
	});
});

afterEach(() => {
	for (const store of stores.splice(0)) store.close();
	vi.unstubAllGlobals();
});

describe('the progress page state', () => {
	it('shows a new learner nothing, with a pseudonymous profile', async () => {
		const progress = await openProgress();
		expect(progress.status).toBe('ready');
		expect(progress.attempts).toEqual([]);
		expect(progress.profile.learner.id).toMatch(/^learner-/);
		expect(fetched).toEqual([]);
	});

	it('loads the attempts, and the banks of the courses they belong to only', async () => {
		await given((store) => store.saveAttempt(attempt({ submitted: true })));
		const progress = await openProgress();
		expect(progress.submitted).toHaveLength(1);
		expect(fetched).toEqual(['/courses/tiny/bank.json']);
		expect(progress.banks.map((b) => b.courseId)).toEqual(['tiny']);
		expect(progress.unbackedUp).toBe(1);
	});

	it('fetches no bank while nothing is submitted (lessons and unfinished quizzes need none)', async () => {
		await given(async (store) => {
			await store.setLessonDone('tiny', 'shapes', true);
			await store.saveAttempt(attempt());
		});
		const progress = await openProgress();
		expect(progress.lessons).toHaveLength(1);
		expect(fetched).toEqual([]);
		expect(progress.masteryOf).toBeNull();
	});

	it('has mastery per topic once the banks are loaded', async () => {
		await given((store) =>
			store.saveAttempt(
				attempt({
					submitted: true,
					questionIds: ['primary-red'],
					answers: { 'primary-red': 'red' }
				})
			)
		);
		const progress = await openProgress();
		expect(progress.masteryOf?.(progress.submitted)).toEqual([
			{ topic: 'colours', mastery: 1, answers: 1, questions: 1 }
		]);
	});

	it('saves the profile and says whether it was written', async () => {
		const progress = await openProgress();
		expect(await progress.saveLearner({ id: progress.profile.learner.id, name: 'Ada' })).toBe(true);
		expect((await openProgress()).profile.learner.name).toBe('Ada');
	});

	it('restores a backup, keeps the state before it, and puts that back', async () => {
		await given((store) => store.saveAttempt(attempt({ id: 'mine', submitted: true })));
		const progress = await openProgress();
		const incoming = backupOf(
			{
				profile: { learner: { id: 'learner-elsewhere', name: 'Ada' } },
				attempts: [attempt({ id: 'from-elsewhere', submitted: true })],
				lessons: [{ key: 'tiny/shapes', at: '2026-01-01T00:00:00.000Z' }],
				reviews: []
			},
			'2026-02-01T00:00:00.000Z'
		);
		await progress.chooseBackup(fileOf(incoming));
		expect(progress.restore?.lines).toContain('1 new attempt will be added.');
		expect(await progress.confirmRestore()).toBe(true);
		expect(progress.notice?.kind).toBe('ok');
		expect(progress.attempts.map((a) => a.id).sort()).toEqual(['from-elsewhere', 'mine']);
		expect(progress.lessons.map((l) => l.key)).toEqual(['tiny/shapes']);
		expect(progress.backups).toHaveLength(1);

		await progress.putBack(progress.backups[0]);
		expect(progress.notice?.text).toContain('back as it was');
		expect(progress.attempts.map((a) => a.id)).toEqual(['mine']);
		expect(progress.lessons).toEqual([]);
		expect(progress.profile.learner.name).toBeUndefined();
		expect(progress.backups.map((b) => b.reason)).toEqual(['undo', 'restore']);
	});

	it('refuses a damaged file with a message, and changes nothing', async () => {
		const progress = await openProgress();
		await progress.chooseBackup(fileOf({ format: 'coursekit-backup', version: 1 }));
		expect(progress.notice?.kind).toBe('error');
		expect(progress.restore).toBeNull();
		expect(progress.backups).toEqual([]);
	});

	it('says when the saved profile could not be read', async () => {
		await given(async (store) => {
			await store.writeMeta('break the profile', 'profile', { learner: { id: '' } });
		});
		const progress = await openProgress();
		expect(progress.profileSetAside).toBe(true);
		expect(progress.quarantine[0].record).toEqual({
			key: 'profile',
			value: { learner: { id: '' } }
		});
	});
});

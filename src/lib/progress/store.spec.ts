import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { flushSync } from 'svelte';
import { attempt as makeAttempt, backupOf } from '../testing/builders.ts';
import { DB_NAME, DB_VERSION } from './db.ts';
import { LearnerStore } from './store.svelte.ts';

const stores: LearnerStore[] = [];

const REVIEW = {
	id: 'r1',
	courseId: 'tiny',
	questionId: 'q1',
	at: '2026-01-01T00:00:00.000Z',
	rating: 'good'
} as const;

/** A store as one tab has it; closed after each test. */
async function openTab(options?: ConstructorParameters<typeof LearnerStore>[0]) {
	const store = new LearnerStore(options);
	stores.push(store);
	await store.ready();
	return store;
}

/** Runs `change` on every record of every store with raw IndexedDB, as DevTools would. */
async function tamper(change: (store: string, key: IDBValidKey, value: unknown) => unknown) {
	const db = await new Promise<IDBDatabase>((resolve, reject) => {
		const open = indexedDB.open(DB_NAME);
		open.onsuccess = () => resolve(open.result);
		open.onerror = () => reject(open.error);
	});
	const names = [...db.objectStoreNames];
	const tx = db.transaction(names, 'readwrite');
	for (const name of names) {
		const store = tx.objectStore(name);
		store.openCursor().onsuccess = (event) => {
			const cursor = (event.target as IDBRequest<IDBCursorWithValue | null>).result;
			if (!cursor) return;
			cursor.update(change(name, cursor.primaryKey, cursor.value));
			cursor.continue();
		};
	}
	await new Promise((resolve) => (tx.oncomplete = resolve));
	db.close();
}

beforeEach(() => {
	globalThis.indexedDB = new IDBFactory();
});

afterEach(() => {
	for (const store of stores.splice(0)) store.close();
});

describe('the learner store', () => {
	it('takes the learner an LMS gives, and keeps each LMS learner in a database of their own', async () => {
		const ada = await openTab({
			databaseName: 'coursekit-lms-ada',
			learner: { id: 'ada', name: 'Ada' }
		});
		expect(ada.profile.learner).toEqual({ id: 'ada', name: 'Ada' });
		await ada.setLessonDone('tiny', 'one', true);
		const bob = await openTab({ databaseName: 'coursekit-lms-bob', learner: { id: 'bob' } });
		expect(bob.profile.learner).toEqual({ id: 'bob' });
		expect(bob.lessons).toEqual([]);
		const adaAgain = await openTab({ databaseName: 'coursekit-lms-ada', learner: { id: 'ada' } });
		expect(adaAgain.profile.learner).toEqual({ id: 'ada', name: 'Ada' });
		expect(adaAgain.isLessonDone('tiny', 'one')).toBe(true);
	});

	it('tells listeners of every attempt and lesson change made in this tab', async () => {
		const store = await openTab();
		const changes: string[] = [];
		const stop = store.onLocalChange((change) =>
			changes.push(
				change.kind === 'attempt'
					? `attempt ${change.attempt.id}`
					: `lesson ${change.lessonId} ${change.done}`
			)
		);
		await store.saveAttempt(makeAttempt({ id: 'a1' }));
		await store.setLessonDone('tiny', 'one', true);
		stop();
		await store.setLessonDone('tiny', 'two', true);
		expect(changes).toEqual(['attempt a1', 'lesson one true']);
	});

	it('gives a new learner a pseudonymous profile that stays the same on the next visit', async () => {
		const first = await openTab();
		expect(first.status).toBe('ready');
		expect(first.profile.learner.id).toMatch(/^learner-[0-9a-f]{8}$/);
		first.close();
		expect((await openTab()).profile.learner.id).toBe(first.profile.learner.id);
	});

	it('keeps attempts, lessons, reviews and the profile for the next visit', async () => {
		const tab = await openTab();
		const attempt = makeAttempt({ submitted: true });
		expect(await tab.saveAttempt(attempt)).toBe(true);
		expect(await tab.setLessonDone('tiny', 'shapes', true)).toBe(true);
		await tab.saveReview(REVIEW);
		await tab.saveProfile({ learner: { id: tab.profile.learner.id, name: 'Ada' } });
		tab.close();
		const next = await openTab();
		expect(next.attempts).toEqual([attempt]);
		expect(next.isLessonDone('tiny', 'shapes')).toBe(true);
		expect(next.reviews.map((r) => r.id)).toEqual(['r1']);
		expect(next.profile.learner.name).toBe('Ada');
	});

	it('sets aside a bad record of every store, keeps it, and loads the rest', async () => {
		const tab = await openTab();
		await tab.saveAttempt(makeAttempt({ id: 'good' }));
		await tab.saveAttempt(makeAttempt({ id: 'bad' }));
		await tab.setLessonDone('tiny', 'shapes', true);
		await tab.saveReview(REVIEW);
		await tab.setDue([{ questionId: 'q1', due: new Date('2026-01-02T00:00:00Z') }]);
		const learnerId = tab.profile.learner.id;
		tab.close();
		await tamper((store, key, value) => {
			if (store === 'attempts' && key !== 'bad') return value;
			const keyPath = store === 'meta' || store === 'lessons' ? 'key' : 'id';
			return { bogus: true, [keyPath]: key };
		});

		const next = await openTab();
		expect(next.status).toBe('ready');
		expect(next.attempts.map((a) => a.id)).toEqual(['good']);
		expect(next.lessons).toEqual([]);
		expect(next.reviews).toEqual([]);
		expect(next.due).toBe(0);
		expect(next.quarantine.map((q) => `${q.store}/${q.key}`).sort()).toEqual([
			'attempts/bad',
			'lessons/tiny/shapes',
			'meta/profile',
			'meta/review-due',
			'reviews/r1'
		]);
		// The profile was not silently replaced: the old one is kept, and a new id is used meanwhile.
		expect(next.profile.learner.id).not.toBe(learnerId);
		next.close();
		const again = await openTab();
		expect(again.quarantine).toHaveLength(5);
		expect(again.profile.learner.id).toBe(next.profile.learner.id);
	});

	it('keeps a change in memory and reports it when the write fails', async () => {
		const tab = await openTab();
		const put = IDBObjectStore.prototype.put;
		IDBObjectStore.prototype.put = () => {
			throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
		};
		try {
			expect(await tab.setLessonDone('tiny', 'shapes', true)).toBe(false);
			expect(tab.isLessonDone('tiny', 'shapes')).toBe(true);
			expect(tab.failure).toEqual({
				what: 'mark the lesson as done',
				why: 'the browser’s storage is full'
			});
		} finally {
			IDBObjectStore.prototype.put = put;
		}
		expect(await tab.setLessonDone('tiny', 'colours', true)).toBe(true);
		expect(tab.failure).toBeNull();
	});

	it('never lets a stale or a second tab overwrite a submitted attempt', async () => {
		const tab = await openTab();
		const submitted = makeAttempt({ submitted: true });
		await tab.saveAttempt(submitted);
		const other = await openTab();
		await other.saveAttempt({ ...submitted, submittedAt: undefined, revision: 99 });
		expect(other.attempts).toEqual([submitted]);
		// The refused write was rolled back: the database still holds the submitted copy.
		expect((await openTab()).attempts).toEqual([submitted]);
	});

	it('never lets a stale tab overwrite a newer revision of an open attempt', async () => {
		const tab = await openTab();
		const newer = makeAttempt({ revision: 5 });
		await tab.saveAttempt(newer);
		const stale = await openTab();
		await stale.saveAttempt({ ...newer, revision: 4, answers: {} });
		expect(stale.attempts).toEqual([newer]);
		expect((await openTab()).attempts).toEqual([newer]);
	});

	it('tells other tabs of every change', async () => {
		const tab = await openTab();
		const other = await openTab();
		const heard: string[] = [];
		other.onAttemptFromAnotherTab((a) => heard.push(a.id));
		await tab.saveAttempt(makeAttempt({ id: 'from-tab-1' }));
		await tab.setLessonDone('tiny', 'shapes', true);
		await expect.poll(() => other.isLessonDone('tiny', 'shapes')).toBe(true);
		expect(heard).toEqual(['from-tab-1']);
		expect(other.attempts.map((a) => a.id)).toEqual(['from-tab-1']);
	});

	it('closes its connection when another tab upgrades, and says to reload', async () => {
		const tab = await openTab();
		const upgraded = await new Promise<IDBDatabase>((resolve, reject) => {
			const open = indexedDB.open(DB_NAME, DB_VERSION + 1);
			open.onsuccess = () => resolve(open.result);
			open.onerror = () => reject(open.error);
			open.onblocked = () => reject(new Error('the upgrade was blocked by the old tab'));
		});
		upgraded.close();
		flushSync();
		expect(tab.status).toBe('outdated');
		expect(await tab.setLessonDone('tiny', 'shapes', true)).toBe(false);
		expect(tab.isLessonDone('tiny', 'shapes')).toBe(true);
	});
});

describe("the gradebook's imports", () => {
	const item = (id: string, scope: string, at = '2026-01-01T00:00:00.000Z') => ({
		id,
		scope,
		source: `${id}.json`,
		text: '{"format":"coursekit-results"}',
		at
	});

	it('are kept per assignment for the next visit, and removed one by one', async () => {
		const tab = await openTab();
		await tab.addImports([
			item('b', 'week-1', '2026-01-02T00:00:00.000Z'),
			item('a', 'week-1'),
			item('c', 'week-2')
		]);
		tab.close();
		const next = await openTab();
		expect((await next.imports('week-1')).map((i) => i.id)).toEqual(['a', 'b']);
		expect((await next.imports('week-2')).map((i) => i.id)).toEqual(['c']);
		expect(await next.imports('')).toEqual([]);
		await next.removeImports(['a']);
		expect((await next.imports('week-1')).map((i) => i.id)).toEqual(['b']);
	});

	it('sets aside a damaged import and keeps the others', async () => {
		const tab = await openTab();
		await tab.addImports([item('good', 'week-1'), item('bad', 'week-1')]);
		tab.close();
		await tamper((store, key, value) =>
			store === 'imports' && key === 'bad' ? { id: 'bad', scope: 'week-1', text: 42 } : value
		);
		const next = await openTab();
		expect((await next.imports('week-1')).map((i) => i.id)).toEqual(['good']);
		expect((await openTab()).quarantine.map((q) => `${q.store}/${q.key}`)).toEqual(['imports/bad']);
	});
});

describe('restoring a backup', () => {
	it('writes all of it and keeps the state before it, up to three times', async () => {
		const tab = await openTab();
		await tab.saveAttempt(makeAttempt({ id: 'mine', submitted: true }));
		for (let i = 1; i <= 4; i++) {
			const incoming = makeAttempt({ id: `restored-${i}`, submitted: true });
			const done = await tab.restore(
				{ attempts: [incoming], lessons: [], reviews: [], profile: tab.profile },
				backupOf(tab, `2026-01-0${i}T00:00:00.000Z`),
				'restore'
			);
			expect(done).toBe(true);
		}
		expect(tab.attempts.map((a) => a.id).sort()).toEqual([
			'mine',
			'restored-1',
			'restored-2',
			'restored-3',
			'restored-4'
		]);
		const kept = await tab.backups();
		expect(kept.map((b) => b.at)).toEqual([
			'2026-01-04T00:00:00.000Z',
			'2026-01-03T00:00:00.000Z',
			'2026-01-02T00:00:00.000Z'
		]);
	});

	it('changes nothing when any write fails, and says so', async () => {
		const tab = await openTab();
		await tab.saveAttempt(makeAttempt({ id: 'mine', submitted: true }));
		const put = IDBObjectStore.prototype.put;
		IDBObjectStore.prototype.put = function (this: IDBObjectStore, ...args) {
			if (this.name === 'lessons') throw new DOMException('Quota', 'QuotaExceededError');
			return put.apply(this, args);
		};
		try {
			const done = await tab.restore(
				{
					attempts: [makeAttempt({ id: 'restored', submitted: true })],
					lessons: [{ key: 'tiny/shapes', at: '2026-01-01T00:00:00.000Z' }],
					reviews: [],
					profile: { learner: { id: 'someone-else' } }
				},
				backupOf(tab, '2026-01-01T00:00:00.000Z'),
				'restore'
			);
			expect(done).toBe(false);
		} finally {
			IDBObjectStore.prototype.put = put;
		}
		expect(tab.failure?.what).toContain('restore the backup');
		tab.close();
		const next = await openTab();
		expect(next.attempts.map((a) => a.id)).toEqual(['mine']);
		expect(next.profile.learner.id).not.toBe('someone-else');
		expect(await next.backups()).toEqual([]);
	});

	it('puts a kept state back in place of the current one', async () => {
		const tab = await openTab();
		await tab.saveAttempt(makeAttempt({ id: 'before', submitted: true }));
		const before = backupOf(tab, '2026-01-01T00:00:00.000Z');
		await tab.restore(
			{
				attempts: [makeAttempt({ id: 'restored', submitted: true })],
				lessons: [],
				reviews: [],
				profile: tab.profile
			},
			before,
			'restore'
		);
		await tab.restore(
			{
				attempts: before.attempts,
				lessons: before.lessonsDone,
				reviews: [],
				profile: before.profile,
				replace: true
			},
			backupOf(tab, '2026-01-02T00:00:00.000Z'),
			'undo'
		);
		expect(tab.attempts.map((a) => a.id)).toEqual(['before']);
		expect((await tab.backups()).map((b) => b.reason)).toEqual(['undo', 'restore']);
	});
});

// In Chromium's own IndexedDB: a database left by every earlier version of Coursekit is upgraded
// by the learner store with nothing lost.
import { afterEach, describe, expect, it } from 'vitest';
import { attempt } from '../testing/builders.ts';
import { DB_NAME, DB_VERSION } from './db.ts';
import { MIGRATIONS } from './migrations.ts';
import { LearnerStore } from './store.svelte.ts';

const request = <T>(r: IDBRequest<T> | IDBOpenDBRequest) =>
	new Promise<T>((resolve, reject) => {
		r.onsuccess = () => resolve(r.result as T);
		r.onerror = () => reject(r.error);
	});

/** Writes a database as version `version` of Coursekit left it, with one record per store. */
async function writeOldDatabase(version: number, records: Record<string, unknown[]>) {
	await request(indexedDB.deleteDatabase(DB_NAME));
	const open = indexedDB.open(DB_NAME, version);
	open.onupgradeneeded = () => {
		for (const step of MIGRATIONS.filter((m) => m.version <= version)) {
			for (const def of step.stores) {
				const store = open.result.createObjectStore(def.name, {
					keyPath: def.keyPath,
					autoIncrement: def.autoIncrement
				});
				for (const index of def.indexes ?? []) store.createIndex(index.name, index.keyPath);
			}
		}
	};
	const db = await request<IDBDatabase>(open);
	const tx = db.transaction(Object.keys(records), 'readwrite');
	for (const [name, values] of Object.entries(records))
		for (const value of values) tx.objectStore(name).put(value);
	await new Promise((resolve) => (tx.oncomplete = resolve));
	db.close();
}

const old = attempt({ id: 'old-attempt', submitted: true });
const profile = { learner: { id: 'learner-0ld0ld00', name: 'Ada' } };
const lesson = { key: 'tiny/shapes', at: '2026-01-01T10:00:00.000Z' };
const review = {
	id: 'review-1',
	courseId: 'tiny',
	questionId: 'single-q',
	at: '2026-01-02T10:00:00.000Z',
	rating: 'good'
};
const setAside = {
	store: 'attempts',
	key: 'x',
	record: { bogus: true },
	reason: 'not a valid attempt',
	at: '2026-01-01T00:00:00.000Z'
};
const autoBackup = {
	format: 'coursekit-backup',
	version: 1,
	exportedAt: '2026-01-03T10:00:00.000Z'
};

/** The pre-restore backup, as versions 4 and later keep it in its own store. */
const preRestore = {
	id: `restore-${autoBackup.exportedAt}`,
	at: autoBackup.exportedAt,
	reason: 'restore',
	backup: autoBackup
};

/** What each earlier version stored. */
const SHAPES: Record<number, Record<string, unknown[]>> = {
	1: { attempts: [old], quarantine: [setAside] },
	2: {
		attempts: [old],
		quarantine: [setAside],
		meta: [{ key: 'profile', value: profile }],
		lessons: [lesson]
	},
	3: {
		attempts: [old],
		quarantine: [setAside],
		meta: [
			{ key: 'profile', value: profile },
			{ key: 'auto-backup', value: autoBackup }
		],
		lessons: [lesson],
		reviews: [review]
	},
	4: {
		attempts: [old],
		quarantine: [setAside],
		meta: [{ key: 'profile', value: profile }],
		lessons: [lesson],
		reviews: [review],
		backups: [preRestore]
	},
	5: {
		attempts: [old],
		quarantine: [setAside],
		meta: [{ key: 'profile', value: profile }],
		lessons: [lesson],
		reviews: [review],
		backups: [preRestore],
		imports: [
			{
				id: 'import-1',
				scope: '',
				source: 'results.json',
				text: '{}',
				at: '2026-01-04T10:00:00.000Z'
			}
		]
	}
};

let store: LearnerStore | null = null;
afterEach(() => store?.close());

describe('upgrading the database', () => {
	it('knows every earlier version', () => {
		expect(Object.keys(SHAPES).map(Number)).toEqual(
			MIGRATIONS.map((m) => m.version).filter((v) => v < DB_VERSION)
		);
	});

	for (const [version, records] of Object.entries(SHAPES)) {
		it(`keeps everything a version ${version} database holds`, async () => {
			await writeOldDatabase(Number(version), records);
			store = new LearnerStore();
			await store.ready();
			expect(store.status).toBe('ready');
			expect(store.attempts).toEqual([old]);
			expect(store.quarantine.map((q) => q.record)).toEqual([setAside.record]);
			if (records.meta) expect(store.profile).toEqual(profile);
			else expect(store.profile.learner.id).toMatch(/^learner-/);
			expect(store.lessons).toEqual(records.lessons ?? []);
			expect(store.reviews).toEqual(records.reviews ?? []);
			const kept = await store.backups();
			if (Number(version) >= 3) {
				expect(kept).toEqual([preRestore]);
			} else expect(kept).toEqual([]);
			expect(await store.imports('')).toEqual(records.imports ?? []);
			// And the upgraded database is the current version, with every store.
			const db = await request<IDBDatabase>(indexedDB.open(DB_NAME));
			expect(db.version).toBe(DB_VERSION);
			expect([...db.objectStoreNames].sort()).toEqual(
				MIGRATIONS.flatMap((m) => m.stores.map((s) => s.name)).sort()
			);
			db.close();
		});
	}
});

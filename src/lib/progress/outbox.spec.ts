import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { attempt as makeAttempt } from '../testing/builders.ts';
import { statementId } from '../results/xapi.ts';
import { DB_NAME } from './db.ts';
import { MIGRATIONS } from './migrations.ts';
import { LearnerStore } from './store.svelte.ts';

const ENDPOINT = 'https://lrs.example.org/xapi/';
const stores: LearnerStore[] = [];

async function openTab() {
	const store = new LearnerStore();
	stores.push(store);
	await store.ready();
	return store;
}

const statement = (n: number) => ({ id: statementId(`s${n}`), n });
const input = (n: number) => ({ endpoint: ENDPOINT, statement: statement(n) });

/** A database as version 5 of Coursekit left it, with one attempt in it. */
async function createV5() {
	const db = await new Promise<IDBDatabase>((resolve, reject) => {
		const open = indexedDB.open(DB_NAME, 5);
		open.onupgradeneeded = () => {
			for (const step of MIGRATIONS.filter((m) => m.version <= 5))
				for (const def of step.stores) {
					const store = open.result.createObjectStore(def.name, {
						keyPath: def.keyPath,
						autoIncrement: def.autoIncrement
					});
					for (const index of def.indexes ?? []) store.createIndex(index.name, index.keyPath);
				}
			open.transaction!.objectStore('attempts').put(makeAttempt({ id: 'kept' }));
		};
		open.onsuccess = () => resolve(open.result);
		open.onerror = () => reject(open.error);
	});
	db.close();
}

beforeEach(() => {
	globalThis.indexedDB = new IDBFactory();
});

afterEach(() => {
	for (const store of stores.splice(0)) store.close();
});

describe('the outbox of the learner store', () => {
	it('is added to a version 5 database, which keeps its data', async () => {
		await createV5();
		const store = await openTab();
		expect(store.attempts.map((a) => a.id)).toEqual(['kept']);
		expect(await store.outboxCount()).toBe(0);
		expect(await store.enqueue([input(1)])).toHaveLength(1);
		expect((await store.outbox()).map((e) => e.statement)).toEqual([statement(1)]);
	});

	it('keeps the order of queueing, skips ids queued before, and keeps sent ids out of the queue', async () => {
		const store = await openTab();
		await store.enqueue([input(3), input(1)]);
		const added = await store.enqueue([input(1), input(2), input(2)]);
		expect(added?.map((e) => e.statement)).toEqual([statement(2)]);
		expect((await store.outbox()).map((e) => e.id)).toEqual([3, 1, 2].map((n) => statement(n).id));
		expect(await store.markDelivered([statement(3).id])).toBe(true);
		expect(await store.enqueue([input(3)])).toEqual([]);
		expect((await store.outbox(1)).map((e) => e.id)).toEqual([statement(1).id]);
		expect(await store.outboxCount()).toBe(2);
		expect((await store.outboxIds()).length).toBe(3);
	});

	it('keeps the queue for the next visit: a new store on the same database carries on numbering', async () => {
		const first = await openTab();
		await first.enqueue([input(1), input(2)]);
		await first.markDelivered([statement(1).id, statement(2).id]);
		await first.enqueue([input(3)]);
		first.close();
		const next = await openTab();
		await next.enqueue([input(4)]);
		expect((await next.outbox()).map((e) => [e.seq, e.statement])).toEqual([
			[3, statement(3)],
			[4, statement(4)]
		]);
	});

	it('sets aside a damaged outbox record instead of sending it', async () => {
		const store = await openTab();
		await store.enqueue([input(1), input(2)]);
		const db = await new Promise<IDBDatabase>((resolve) => {
			const open = indexedDB.open(DB_NAME);
			open.onsuccess = () => resolve(open.result);
		});
		const tx = db.transaction('outbox', 'readwrite');
		tx.objectStore('outbox').put({
			id: statement(1).id,
			seq: 1,
			state: 'waiting',
			endpoint: ENDPOINT,
			at: 'yesterday'
		});
		await new Promise((resolve) => (tx.oncomplete = resolve));
		db.close();
		expect((await store.outbox()).map((e) => e.id)).toEqual([statement(2).id]);
		const reopened = await openTab();
		expect(reopened.quarantine).toMatchObject([
			{ store: 'outbox', reason: 'not a valid queued statement' }
		]);
	});
});

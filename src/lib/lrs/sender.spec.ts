import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LearnerStore } from '../progress/store.svelte.ts';
import { statementId } from '../results/xapi.ts';
import { FakeBrowser, FakeLrs } from './fake-lrs.ts';
import { LrsSender } from './sender.svelte.ts';

const ENDPOINT = 'https://lrs.example.org/xapi/';
const ALLOWED = ['https://lrs.example.org'];
const AUTH = 'Basic dGVzdDp0ZXN0';

const tabs: { store: LearnerStore; sender?: LrsSender }[] = [];
let lrs: FakeLrs;
let browser: FakeBrowser;

/** A tab: its learner store on the shared database, and a sender. */
async function openTab(options: { batchSize?: number } = {}) {
	const store = new LearnerStore();
	await store.ready();
	const sender = new LrsSender(store, { allowed: ALLOWED, deps: browser.deps(), ...options });
	sender.configure({ source: 'launch', endpoint: ENDPOINT, auth: AUTH });
	tabs.push({ store, sender });
	return { store, sender };
}

/** `n` statements numbered from `from`, queued for the LRS. */
async function queue(store: LearnerStore, n: number, from = 0, endpoint = ENDPOINT) {
	const inputs = Array.from({ length: n }, (_, i) => ({
		endpoint,
		auth: AUTH,
		statement: {
			id: statementId(`s${from + i}`),
			verb: { id: 'http://example.org/n' },
			n: from + i
		}
	}));
	await store.enqueue(inputs);
	return inputs.map((s) => s.statement.id);
}

beforeEach(() => {
	globalThis.indexedDB = new IDBFactory();
	lrs = new FakeLrs();
	lrs.auth = AUTH;
	browser = new FakeBrowser(lrs);
});

afterEach(() => {
	for (const { store, sender } of tabs.splice(0)) {
		sender?.end();
		store.close();
	}
});

describe('the LRS sender', () => {
	it('sends queued statements in order, in batches of at most 50, with the version header and credentials', async () => {
		const { store, sender } = await openTab();
		const ids = await queue(store, 120);
		await sender.drain();
		expect([...lrs.stored.keys()]).toEqual(ids);
		expect(lrs.requests.map((r) => r.ids.length)).toEqual([50, 50, 20]);
		for (const request of lrs.requests) {
			expect(request).toMatchObject({
				method: 'POST',
				url: 'https://lrs.example.org/xapi/statements',
				headers: { 'x-experience-api-version': '1.0.3', authorization: AUTH }
			});
		}
		expect(await store.outboxCount()).toBe(0);
		expect(sender.waiting).toBe(0);
		expect(sender.delivered).toBe(120);
		expect(browser.pending).toBe(false);
	});

	it('waits while offline and sends everything once the browser is back online', async () => {
		const { store, sender } = await openTab();
		browser.online = false;
		const ids = await queue(store, 3);
		await sender.drain();
		expect(lrs.requests).toEqual([]);
		expect(sender.status).toBe('offline');
		expect(sender.waiting).toBe(3);
		browser.goOnline();
		await sender.drain();
		expect([...lrs.stored.keys()]).toEqual(ids);
		expect(lrs.sent).toEqual(ids);
		expect(sender.status).toBe('idle');
	});

	it('retries after network errors with a growing, jittered wait, then delivers', async () => {
		const { store, sender } = await openTab();
		const ids = await queue(store, 2);
		lrs.reachable = false;
		await sender.drain();
		expect(sender.status).toBe('retrying');
		expect(sender.error).toMatch(/could not reach the learning record store at lrs\.example\.org/i);
		browser.runNextTimer();
		await sender.drain();
		browser.runNextTimer();
		await sender.drain();
		// Base 1 s, doubling; with random() = 0.5 each wait is three quarters of its ceiling.
		expect(browser.delays).toEqual([750, 1500, 3000]);
		lrs.reachable = true;
		browser.runNextTimer();
		await sender.drain();
		expect([...lrs.stored.keys()]).toEqual(ids);
		expect(sender.error).toBeNull();
		expect(await store.outboxCount()).toBe(0);
	});

	it('retries on 5xx and 429, waiting at least as long as Retry-After says', async () => {
		const { store, sender } = await openTab();
		const ids = await queue(store, 1);
		lrs.scripted.push({ status: 503 }, { status: 429, headers: { 'Retry-After': '30' } });
		await sender.drain();
		expect(sender.error).toMatch(/HTTP 503/);
		browser.runNextTimer();
		await sender.drain();
		expect(sender.error).toMatch(/HTTP 429/);
		expect(browser.delays).toEqual([750, 30_000]);
		browser.runNextTimer();
		await sender.drain();
		expect([...lrs.stored.keys()]).toEqual(ids);
	});

	it('counts a statement the LRS already has (409) as delivered and sends the rest of its batch', async () => {
		const { store, sender } = await openTab();
		const ids = await queue(store, 3);
		// The LRS got the middle one earlier, with other content (the 409 case).
		lrs.stored.set(ids[1], '{"other":"content"}');
		await sender.drain();
		expect(lrs.requests.map((r) => r.ids)).toEqual([ids, [ids[0]], [ids[1]], [ids[2]]]);
		expect([...lrs.stored.keys()].sort()).toEqual([...ids].sort());
		expect(await store.outboxCount()).toBe(0);
		expect(sender.delivered).toBe(3);
	});

	it('stops on 400, keeps the statements and says why; “Send now” sends them once fixed', async () => {
		const { store, sender } = await openTab();
		const ids = await queue(store, 60);
		lrs.scripted.push({ status: 400, body: 'statement.verb is not an IRI' });
		await sender.drain();
		expect(sender.status).toBe('stopped');
		expect(sender.error).toBe(
			'The learning record store at lrs.example.org refused the statements as invalid (HTTP 400). It said: “statement.verb is not an IRI”.'
		);
		expect(await store.outboxCount()).toBe(60);
		expect(browser.timers).toEqual([]);
		// A stopped sender does not try again by itself, not even for new statements.
		await queue(store, 1, 60);
		await sender.kick();
		expect(lrs.requests).toHaveLength(1);
		await sender.sendNow();
		expect([...lrs.stored.keys()]).toEqual([...ids, statementId('s60')]);
		expect(sender.status).toBe('idle');
	});

	it('stops on 401 and 403 with a message that says what to do', async () => {
		const { store, sender } = await openTab();
		await queue(store, 1);
		lrs.auth = 'Basic other';
		await sender.drain();
		expect(sender.status).toBe('stopped');
		expect(sender.error).toMatch(
			/did not accept this site’s credentials \(HTTP 401\)\. Open the course again/
		);
		lrs.auth = AUTH;
		lrs.scripted.push({ status: 403 });
		await sender.sendNow();
		expect(sender.error).toMatch(/does not allow these statements to be stored \(HTTP 403\)/);
		expect(await store.outboxCount()).toBe(1);
	});

	it('never sends to an origin that is not allowed', async () => {
		const { store, sender } = await openTab();
		await queue(store, 2, 0, 'https://evil.example/xapi/');
		await sender.drain();
		expect(lrs.requests).toEqual([]);
		expect(sender.status).toBe('stopped');
		expect(sender.error).toMatch(
			/may not send your results to evil\.example: it sends only to lrs\.example\.org/
		);
		sender.configure({ source: 'build', endpoint: 'https://evil.example/xapi' });
		expect(sender.refused).toMatch(/evil\.example/);
		expect(sender.endpoint).toBeNull();
	});

	it('never has a statement in flight twice, with two tabs and repeated kicks', async () => {
		const one = await openTab({ batchSize: 7 });
		const two = await openTab({ batchSize: 7 });
		const ids = await queue(one.store, 40);
		await Promise.all([
			one.sender.drain(),
			two.sender.drain(),
			one.sender.kick(),
			two.sender.kick(),
			one.sender.drain()
		]);
		expect(lrs.sent).toEqual(ids);
		expect([...lrs.stored.keys()]).toEqual(ids);
	});

	it('resumes after a closed tab: a new store on the same database sends what was left, once each', async () => {
		const first = await openTab();
		const ids = await queue(first.store, 75);
		// The tab closes while its first batch is on the wire: the LRS stores it, the tab never hears.
		let release = () => {};
		lrs.gate = new Promise((resolve) => (release = resolve));
		const draining = first.sender.drain();
		await new Promise((resolve) => setTimeout(resolve, 10));
		first.sender.end();
		first.store.close();
		lrs.gate = null;
		release();
		await draining.catch(() => {});
		expect(lrs.stored.size).toBe(50);

		const second = await openTab();
		expect(await second.store.outboxCount()).toBe(75);
		await second.sender.drain();
		expect([...lrs.stored.keys()]).toEqual(ids);
		expect(await second.store.outboxCount()).toBe(0);
		// The batch that was in flight went again and was accepted as the same statements.
		expect(lrs.sent.filter((id) => id === ids[0])).toHaveLength(2);
	});

	it('keeps the order across LRSs and credentials, one request to one of them', async () => {
		const { store, sender } = await openTab();
		const other = 'https://lrs.example.org/other/';
		await queue(store, 2, 0);
		await queue(store, 2, 2, other);
		await queue(store, 1, 4);
		await sender.drain();
		expect(lrs.requests.map((r) => [r.url, r.ids.length])).toEqual([
			['https://lrs.example.org/xapi/statements', 2],
			['https://lrs.example.org/other/statements', 2],
			['https://lrs.example.org/xapi/statements', 1]
		]);
	});
});

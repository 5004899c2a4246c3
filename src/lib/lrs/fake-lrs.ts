/**
 * Test doubles for the LRS sender (specs and the drain benchmark; never shipped): an in-memory
 * LRS behind a fake `fetch` that keeps the rules the sender relies on (version header, auth, a
 * reused id with other content is a 409 and changes nothing), and the browser around it (online
 * flag and event, timers run by hand, one lock shared by every "tab").
 */
import type { SenderDeps } from './sender.svelte.ts';

interface Request {
	method: string;
	url: string;
	headers: Record<string, string>;
	ids: string[];
}

export class FakeLrs {
	/** Statement id → its JSON, in the order stored. */
	readonly stored = new Map<string, string>();
	readonly requests: Request[] = [];
	/** Every id in every request, in order (a statement sent twice shows twice). */
	readonly sent: string[] = [];
	/** False: every request fails as a network error does. */
	reachable = true;
	/** The Authorization header it wants, if any. */
	auth: string | undefined;
	/** Answers the next requests with these statuses instead (e.g. 503, 400), one each. */
	readonly scripted: { status: number; headers?: Record<string, string>; body?: string }[] = [];
	/** While set, requests wait for it (a request in flight when a tab closes). */
	gate: Promise<void> | null = null;

	fetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
		const headers = Object.fromEntries(new Headers(init?.headers).entries());
		const body: unknown = JSON.parse(String(init?.body ?? 'null'));
		const statements = (Array.isArray(body) ? body : [body]) as { id: string }[];
		const ids = statements.map((s) => s.id);
		this.requests.push({ method: init?.method ?? 'GET', url: String(input), headers, ids });
		if (this.gate) await this.gate;
		if (!this.reachable) throw new TypeError('Failed to fetch');
		this.sent.push(...ids);
		const next = this.scripted.shift();
		if (next) return new Response(next.body ?? '', { status: next.status, headers: next.headers });
		if (headers['x-experience-api-version'] !== '1.0.3')
			return new Response('missing version header', { status: 400 });
		if (this.auth && headers.authorization !== this.auth)
			return new Response('bad credentials', { status: 401 });
		if (new Set(ids).size !== ids.length) return new Response('duplicate id', { status: 400 });
		const conflict = statements.some(
			(s) => this.stored.has(s.id) && this.stored.get(s.id) !== JSON.stringify(s)
		);
		if (conflict) return new Response('id already used', { status: 409 });
		for (const s of statements)
			if (!this.stored.has(s.id)) this.stored.set(s.id, JSON.stringify(s));
		return Response.json(ids);
	};
}

/** The browser around the sender, run by hand. */
export class FakeBrowser {
	online = true;
	clock = 0;
	readonly timers: { at: number; fn: () => void }[] = [];
	readonly delays: number[] = [];
	pending = false;
	private listeners: (() => void)[] = [];
	private lock: Promise<unknown> = Promise.resolve();

	constructor(readonly lrs: FakeLrs) {}

	deps(overrides: Partial<SenderDeps> = {}): SenderDeps {
		return {
			fetch: this.lrs.fetch,
			online: () => this.online,
			onOnline: (listener) => {
				this.listeners.push(listener);
				return () => (this.listeners = this.listeners.filter((l) => l !== listener));
			},
			later: (ms, fn) => {
				this.delays.push(ms);
				const timer = { at: this.clock + ms, fn };
				this.timers.push(timer);
				return () => this.timers.splice(this.timers.indexOf(timer) >>> 0, 1);
			},
			random: () => 0.5,
			now: () => this.clock,
			// One lock for every tab made from this browser, as Web Locks gives.
			exclusive: (fn) => {
				const run = this.lock.then(fn, fn);
				this.lock = run.catch(() => {});
				return run;
			},
			notePending: (pending) => (this.pending = pending),
			...overrides
		};
	}

	/** The network is back: the `online` event. */
	goOnline() {
		this.online = true;
		for (const listener of this.listeners) listener();
	}

	/** Moves the clock to the next timer and runs it. */
	runNextTimer() {
		this.timers.sort((a, b) => a.at - b.at);
		const timer = this.timers.shift();
		if (!timer) return false;
		this.clock = Math.max(this.clock, timer.at);
		timer.fn();
		return true;
	}
}

/** sessionStorage or localStorage, in memory. */
export class MemoryStorage implements Storage {
	private items = new Map<string, string>();
	get length() {
		return this.items.size;
	}
	clear() {
		this.items.clear();
	}
	getItem(key: string) {
		return this.items.get(key) ?? null;
	}
	key(index: number) {
		return [...this.items.keys()][index] ?? null;
	}
	removeItem(key: string) {
		this.items.delete(key);
	}
	setItem(key: string, value: string) {
		this.items.set(key, String(value));
	}
}

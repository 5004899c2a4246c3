/**
 * The LRS sender of a tab: takes statements from the outbox (the learner store's `outbox`
 * object store) in the order they were queued, POSTs them to `<endpoint>/statements` in batches
 * of at most 50 with `X-Experience-API-Version: 1.0.3`, and marks them delivered when the LRS
 * answers 2xx. A 409 means the LRS already has a statement with that id (ids are stable, so it
 * is ours): a batch that gets one is sent again one statement at a time, and a statement that
 * gets 409 alone counts as delivered. Offline, on a network error, a 5xx, 408 or 429 it waits
 * (exponential backoff with jitter, or until the browser is back online) and tries again; on
 * 400, 401, 403 or any other refusal it stops, keeps the statements and says why. One drain at
 * a time per tab, and one across tabs where the Web Locks API exists: no statement is ever in
 * flight twice at once.
 */
import type { LearnerStore } from '../progress/store.svelte.ts';
import type { OutboxEntry } from '../progress/records.ts';
import type { LrsConfig } from './config.ts';
import { checkEndpoint, hostOf, statementsUrl } from './endpoint.ts';

/** The most statements in one request. */
export const BATCH_SIZE = 50;
/** How long one request may take before it counts as a network failure (ms). */
const REQUEST_TIMEOUT = 30_000;

/** What the sender needs from the browser (tests pass fakes). */
export interface SenderDeps {
	fetch: typeof fetch;
	/** `navigator.onLine`: false means certainly offline. */
	online(): boolean;
	/** Calls `listener` when the browser is back online; returns an unsubscribe. */
	onOnline(listener: () => void): () => void;
	/** Calls `fn` after `ms` milliseconds; returns a cancel. */
	later(ms: number, fn: () => void): () => void;
	random(): number;
	now(): number;
	/** Runs `fn` while holding the one sender lock of this browser (Web Locks), else just runs it. */
	exclusive<T>(fn: () => Promise<T>): Promise<T>;
	/** Notes, for the next visit, whether statements are waiting. */
	notePending(pending: boolean): void;
}

export type SenderStatus = 'idle' | 'sending' | 'offline' | 'retrying' | 'stopped';

export interface SenderOptions {
	/** The origins statements may go to (endpoint.ts, `allowedLrsOrigins`). */
	allowed: readonly string[];
	deps: SenderDeps;
	batchSize?: number;
	/** The first wait after a failure, and the longest wait (ms). */
	baseDelay?: number;
	maxDelay?: number;
}

type Outcome =
	| { kind: 'delivered' }
	| { kind: 'conflict' }
	| { kind: 'retry'; reason: string; after?: number }
	| { kind: 'too-large' }
	| { kind: 'stop'; message: string };

const describeStatus = (status: number, host: string, detail: string): string => {
	const said = detail ? ` It said: “${detail}”.` : '';
	switch (status) {
		case 400:
			return `The learning record store at ${host} refused the statements as invalid (HTTP 400).${said}`;
		case 401:
			return `The learning record store at ${host} did not accept this site’s credentials (HTTP 401). Open the course again from the link you were given, then choose “Send now”.`;
		case 403:
			return `The learning record store at ${host} does not allow these statements to be stored (HTTP 403).${said}`;
		case 404:
			return `There is no learning record store at the address given for ${host} (HTTP 404).`;
		default:
			return `The learning record store at ${host} refused the statements (HTTP ${status}).${said}`;
	}
};

/** Seconds or an HTTP date in `Retry-After`, as milliseconds from `now`. */
function retryAfter(header: string | null, now: number): number | undefined {
	if (!header) return undefined;
	const seconds = Number(header);
	if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
	const at = Date.parse(header);
	return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

export class LrsSender {
	/** Statements waiting in the outbox. */
	waiting = $state(0);
	/** Statements this tab delivered since it opened. */
	delivered = $state(0);
	status = $state<SenderStatus>('idle');
	/** Why sending stopped or is being retried, in words for the learner. */
	error = $state<string | null>(null);
	/** Why the configured LRS is not used at all (its origin is not allowed). */
	refused = $state<string | null>(null);
	/** When the next try is due (ms since the epoch), while retrying. */
	retryAt = $state<number | null>(null);
	/** The configuration of this page (launch, assignment or build), if any. */
	config = $state.raw<LrsConfig | null>(null);
	/** The host the next statements go to. */
	host = $state<string | null>(null);

	private draining: Promise<void> | null = null;
	private again = false;
	private failures = 0;
	private batchSize: number;
	private cancelRetry: (() => void) | null = null;
	private unsubscribe: () => void;
	private ended = false;

	constructor(
		private readonly store: LearnerStore,
		private readonly options: SenderOptions
	) {
		this.batchSize = options.batchSize ?? BATCH_SIZE;
		this.unsubscribe = options.deps.onOnline(() => {
			if (this.status !== 'stopped') void this.resume();
		});
	}

	/** Uses `config` from now on (a new launch brings new credentials: a stopped sender retries). */
	configure(config: LrsConfig | null) {
		this.config = config;
		const check = config ? checkEndpoint(config.endpoint, this.options.allowed) : null;
		this.refused = check && !check.ok ? check.message : null;
		if (check?.ok && !this.host) this.host = hostOf(check.endpoint);
		if (this.status === 'stopped' && check?.ok) {
			this.error = null;
			this.status = 'idle';
		}
	}

	/** The endpoint statements queued now go to, or null when there is none or it is refused. */
	get endpoint(): string | null {
		if (!this.config) return null;
		const check = checkEndpoint(this.config.endpoint, this.options.allowed);
		return check.ok ? check.endpoint : null;
	}

	/** New statements were queued: send them unless a wait or a stop is in force. */
	kick(): Promise<void> {
		if (this.status === 'stopped' || this.status === 'retrying') return this.refresh();
		return this.drain();
	}

	/** Tries again now, whatever stopped or delayed the last try. */
	sendNow(): Promise<void> {
		this.error = null;
		return this.resume();
	}

	private resume(): Promise<void> {
		this.cancelRetry?.();
		this.cancelRetry = null;
		this.retryAt = null;
		this.failures = 0;
		this.status = 'idle';
		return this.drain();
	}

	/** Stops for good (tests; a tab stops by closing). */
	end() {
		this.ended = true;
		this.unsubscribe();
		this.cancelRetry?.();
	}

	/** The statements waiting, in order (for the learner to download and hand on). */
	async waitingStatements(): Promise<unknown[]> {
		return (await this.store.outbox()).map((entry) => entry.statement);
	}

	/** Counts what is waiting (for the page). */
	async refresh(): Promise<void> {
		this.waiting = await this.store.outboxCount();
	}

	/** Sends everything waiting, one drain at a time; resolves when this drain is over. */
	drain(): Promise<void> {
		if (this.draining) {
			this.again = true;
			return this.draining;
		}
		this.draining = (async () => {
			do {
				this.again = false;
				await this.options.deps.exclusive(() => this.loop());
			} while (this.again && this.status === 'idle' && !this.ended);
		})().finally(() => (this.draining = null));
		return this.draining;
	}

	private async loop(): Promise<void> {
		const { deps } = this.options;
		for (;;) {
			if (this.ended || this.status === 'stopped') return;
			if (!deps.online()) {
				this.status = 'offline';
				this.error = null;
				return this.refresh();
			}
			const batch = await this.store.outbox(this.batchSize);
			if (!batch.length) {
				this.status = 'idle';
				this.error = null;
				this.waiting = 0;
				deps.notePending(false);
				return;
			}
			// One request goes to one LRS with one credential: the leading run that shares them.
			const auth = this.authFor(batch[0]);
			const cut = batch.findIndex(
				(e) => e.endpoint !== batch[0].endpoint || this.authFor(e) !== auth
			);
			const send = cut < 0 ? batch : batch.slice(0, cut);
			const check = checkEndpoint(send[0].endpoint, this.options.allowed);
			if (!check.ok) return this.stop(check.message);
			this.host = hostOf(check.endpoint);
			this.status = 'sending';
			const outcome = await this.post(send, auth);
			if (outcome.kind === 'delivered') {
				if (!(await this.noteDelivered(send))) return;
			} else if (outcome.kind === 'conflict') {
				if (!(await this.oneByOne(send))) return;
			} else if (outcome.kind === 'too-large') {
				this.batchSize = Math.max(1, Math.floor(send.length / 2));
			} else if (outcome.kind === 'retry') {
				return this.retry(outcome.reason, outcome.after);
			} else {
				return this.stop(outcome.message);
			}
			this.failures = 0;
		}
	}

	/** Marks statements delivered; false (and stopped) when the browser could not note it. */
	private async noteDelivered(entries: readonly OutboxEntry[]): Promise<boolean> {
		const ok = await this.store.markDelivered(entries.map((e) => e.id));
		if (!ok) {
			this.stop(
				'The learning record store has the statements, but this browser could not note that; they will be sent again later (the store keeps one copy of each).'
			);
			return false;
		}
		this.delivered += entries.length;
		this.waiting = Math.max(0, this.waiting - entries.length);
		return true;
	}

	/** After a 409 on a batch: each statement alone; a 409 then means the LRS has it already. */
	private async oneByOne(entries: readonly OutboxEntry[]): Promise<boolean> {
		for (const entry of entries) {
			const outcome = await this.post([entry], this.authFor(entry));
			if (outcome.kind === 'delivered' || outcome.kind === 'conflict') {
				if (!(await this.noteDelivered([entry]))) return false;
			} else if (outcome.kind === 'retry') {
				this.retry(outcome.reason, outcome.after);
				return false;
			} else {
				this.stop(
					outcome.kind === 'stop' ? outcome.message : 'A statement is too large for the LRS.'
				);
				return false;
			}
		}
		return true;
	}

	/** The Authorization header for `entry`: this page's launch credentials, else those it was queued with. */
	private authFor(entry: OutboxEntry): string | undefined {
		return this.config?.auth && this.endpoint === entry.endpoint ? this.config.auth : entry.auth;
	}

	private async post(entries: readonly OutboxEntry[], auth: string | undefined): Promise<Outcome> {
		const endpoint = entries[0].endpoint;
		const host = hostOf(endpoint);
		let response: Response;
		try {
			response = await this.options.deps.fetch(statementsUrl(endpoint), {
				method: 'POST',
				headers: {
					'Content-Type': 'application/json',
					'X-Experience-API-Version': '1.0.3',
					...(auth ? { Authorization: auth } : {})
				},
				body: JSON.stringify(entries.map((e) => e.statement)),
				credentials: 'omit',
				cache: 'no-store',
				// A request that hangs would hold the sender lock of every tab: give up and retry.
				signal: AbortSignal.timeout?.(REQUEST_TIMEOUT)
			});
		} catch {
			return { kind: 'retry', reason: `Could not reach the learning record store at ${host}.` };
		}
		const status = response.status;
		if (status >= 200 && status < 300) return { kind: 'delivered' };
		if (status === 409) return { kind: 'conflict' };
		if (status === 413 && entries.length > 1) return { kind: 'too-large' };
		if (status === 408 || status === 429 || status >= 500)
			return {
				kind: 'retry',
				reason: `The learning record store at ${host} is busy or failing (HTTP ${status}).`,
				after: retryAfter(response.headers.get('Retry-After'), this.options.deps.now())
			};
		const detail = (await response.text().catch(() => '')).replace(/\s+/g, ' ').slice(0, 200);
		return { kind: 'stop', message: describeStatus(status, host, detail) };
	}

	private retry(reason: string, after?: number): Promise<void> {
		const { deps, baseDelay = 1_000, maxDelay = 5 * 60_000 } = this.options;
		this.failures++;
		const ceiling = Math.min(maxDelay, baseDelay * 2 ** (this.failures - 1));
		// "Equal jitter": at least half the ceiling, so that tabs and learners spread out.
		const delay = Math.max(after ?? 0, ceiling / 2 + (deps.random() * ceiling) / 2);
		this.status = 'retrying';
		this.error = reason;
		this.retryAt = deps.now() + delay;
		this.cancelRetry?.();
		this.cancelRetry = deps.later(delay, () => {
			this.cancelRetry = null;
			this.retryAt = null;
			if (this.status !== 'retrying') return;
			this.status = 'idle';
			void this.drain();
		});
		return this.refresh();
	}

	private stop(message: string): Promise<void> {
		this.status = 'stopped';
		this.error = message;
		this.retryAt = null;
		return this.refresh();
	}
}

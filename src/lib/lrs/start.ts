/**
 * Starts xAPI reporting in a tab: reads where statements go (config.ts), then queues what the
 * learner does (queue.ts) and sends it (sender.svelte.ts). Loaded only when a page has an LRS
 * (wanted.ts), so that the normal site's pages do not carry this code. The sender is kept on the
 * learner store (`store.lrs`), where /progress finds it; calling again (a later navigation)
 * updates its configuration.
 */
import type { Assignment } from '../assign/assignment.ts';
import type { LearnerStore } from '../progress/store.svelte.ts';
import type { Bank } from '../results/fetch-bank.ts';
import { captureAssignment, captureLaunch, resolveConfig } from './config.ts';
import { allowedLrsOrigins, type LrsEnv } from './endpoint.ts';
import { StatementQueue } from './queue.ts';
import { LrsSender, type SenderDeps } from './sender.svelte.ts';
import { PENDING_KEY } from './wanted.ts';

export interface StartOptions {
	/** The page's address: it may carry launch parameters. */
	url: URL;
	/** The site's home page (`new URL(resolve('/'), location.href).href`). */
	baseIri: string;
	/** An assignment link opened on this page (its `lrs`, if any, is used for its items). */
	assignment?: Assignment | null;
	/** Shows `url` in the address bar instead (used to take `auth` out of it). */
	replaceUrl?: (url: URL) => void;
	/** The build settings; `import.meta.env` by default. */
	env?: LrsEnv;
	/** Where this tab keeps its configuration; sessionStorage by default. */
	session?: Storage;
	/** A course's question bank; `fetchBank` by default. */
	loadBank?: (courseId: string) => Promise<Bank>;
	/** The browser, for tests. */
	deps?: Partial<SenderDeps>;
}

function storage(pick: () => Storage): Storage | undefined {
	try {
		return pick();
	} catch {
		return undefined;
	}
}

/** The browser's own dependencies of the sender. */
function browserDeps(): SenderDeps {
	const locks = globalThis.navigator?.locks;
	return {
		fetch: (...args) => fetch(...args),
		online: () => globalThis.navigator?.onLine ?? true,
		onOnline(listener) {
			globalThis.addEventListener?.('online', listener);
			return () => globalThis.removeEventListener?.('online', listener);
		},
		later(ms, fn) {
			const timer = setTimeout(fn, ms);
			return () => clearTimeout(timer);
		},
		random: Math.random,
		now: Date.now,
		exclusive: locks ? (fn) => locks.request('coursekit:lrs-sender', fn) : (fn) => fn(),
		notePending(pending) {
			try {
				if (pending) localStorage.setItem(PENDING_KEY, '1');
				else localStorage.removeItem(PENDING_KEY);
			} catch {
				// Storage off: the outbox is then off too.
			}
		}
	};
}

// The start in progress per store, so that two quick navigations never make two senders.
const starting = new WeakMap<LearnerStore, Promise<LrsSender | null>>();

/**
 * Starts (or updates) the tab's LRS sender. Resolves to it, or to null when there is nothing to
 * do: no LRS configured and nothing waiting, or no storage for an outbox.
 */
export async function startLrs(
	store: LearnerStore,
	options: StartOptions
): Promise<LrsSender | null> {
	await starting.get(store);
	const started = start(store, options);
	starting.set(store, started);
	return started;
}

async function start(store: LearnerStore, options: StartOptions): Promise<LrsSender | null> {
	const session = options.session ?? storage(() => sessionStorage);
	const env = options.env ?? import.meta.env;
	const launch = captureLaunch(options.url, session, options.replaceUrl ?? (() => {}));
	const assignment = captureAssignment(options.assignment, session);
	const config = resolveConfig({ launch, assignment, buildEndpoint: env.VITE_COURSEKIT_LRS });

	await store.ready();
	if (store.status !== 'ready') return null;
	if (store.lrs) {
		store.lrs.configure(config);
		await store.lrs.kick();
		return store.lrs;
	}
	const deps = { ...browserDeps(), ...options.deps };
	if (!config && (await store.outboxCount()) === 0) {
		deps.notePending(false);
		return null;
	}

	const sender = new LrsSender(store, { allowed: allowedLrsOrigins(env), deps });
	sender.configure(config);
	store.lrs = sender;

	const loadBank =
		options.loadBank ??
		(async (courseId: string) => (await import('../results/fetch-bank.ts')).fetchBank(courseId));
	const banks = new Map<string, Promise<Bank>>();
	const queue = new StatementQueue(store, sender, {
		baseIri: options.baseIri,
		notePending: deps.notePending,
		async quizMeta(courseId, quizId) {
			let bank = banks.get(courseId);
			if (!bank) banks.set(courseId, (bank = loadBank(courseId)));
			// A failed load is tried again next time.
			bank.catch(() => banks.delete(courseId));
			const { quizMetas } = await import('../results/bank.ts');
			return quizMetas([await bank]).get(`${courseId}/${quizId}`);
		}
	});
	await queue.start();
	store.onLocalChange(queue.onChange);
	deps.onOnline(() => void queue.retryUnbuilt());
	await queue.retryUnbuilt();
	await sender.refresh();
	void sender.drain();
	return sender;
}

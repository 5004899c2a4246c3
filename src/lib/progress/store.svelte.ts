/**
 * The learner store: everything this learner has in the browser, for every page of one tab.
 * The root layout's `StoreSlot` (slot.svelte.ts) creates it once, on first use, and shares it
 * through context; it owns the tab's single IndexedDB connection. Reads are checked record by
 * record (bad ones are set aside, see `db.ts`); every write goes through `write()`, whose failure
 * shows on screen while the change stays in memory; other tabs hear of every change.
 */
import type { Attempt } from '../quiz/attempt.ts';
import type { BackupFile, Profile } from '../results/schema.ts';
import type { ReviewEvent } from '../review/schedule.ts';
import type { CoursekitDB, RestoreWrite } from './db.ts';
import { nowIso } from '../dates.ts';
import { writeDueHint } from './due-hint.ts';
import type {
	LessonDone,
	OutboxEntry,
	OutboxInput,
	QuarantinedRecord,
	StoredBackup,
	StoredImport
} from './records.ts';
import type { LrsSender } from '../lrs/sender.svelte.ts';

export type StoreStatus = 'idle' | 'loading' | 'ready' | 'unavailable' | 'blocked' | 'outdated';

type Db = typeof import('./db.ts');
type DbMore = typeof import('./db-more.ts');

/** A change made in this tab, for code that mirrors progress elsewhere (an LMS, an LRS). */
export type LocalChange =
	| { kind: 'attempt'; attempt: Attempt }
	| { kind: 'lesson'; courseId: string; lessonId: string; done: boolean };

export interface StoreOptions {
	/** The IndexedDB database (a package keeps each LMS learner apart); `coursekit` by default. */
	databaseName?: string;
	/** A learner given by the LMS: the profile takes their id and name, never a made-up id. */
	learner?: { id: string; name?: string };
}
type Message = { type: 'attempt'; attempt: unknown } | { type: 'changed' };

const CHANNEL = 'coursekit';

/** A new pseudonymous learner id such as `learner-3f9a1c2b`. */
export const pseudonymousId = () => `learner-${crypto.randomUUID().slice(0, 8)}`;

/** Why a write failed, in words a learner understands. */
function describeFailure(error: unknown): string {
	const name = (error as { name?: unknown } | null)?.name;
	if (name === 'QuotaExceededError') return 'the browser’s storage is full';
	if (name === 'InvalidStateError' || name === 'UnknownError')
		return 'the browser’s storage stopped working';
	return 'the browser refused to save it';
}

export class LearnerStore {
	status = $state<StoreStatus>('idle');
	profile = $state.raw<Profile>({ learner: { id: '' } });
	attempts = $state.raw<Attempt[]>([]);
	lessons = $state.raw<LessonDone[]>([]);
	reviews = $state.raw<ReviewEvent[]>([]);
	/** Question id → when its review card is next due (kept so every page can count due cards). */
	dueIndex = $state.raw<Record<string, string>>({});
	quarantine = $state.raw<QuarantinedRecord[]>([]);
	/** The last write that failed (what, and why); cleared when a later write succeeds. */
	failure = $state.raw<{ what: string; why: string } | null>(null);
	/** Something to tell the learner: storage off or busy, a failed write, a newer tab. */
	get troubled() {
		return this.failure !== null || !['idle', 'loading', 'ready'].includes(this.status);
	}

	private db: CoursekitDB | null = null;
	private code: Db | null = null;
	/** The rarer half of the database code (backups, imports, outbox): loaded on first use. */
	private moreCode: Promise<DbMore> | null = null;
	private opening: Promise<void> | null = null;
	private channel: BroadcastChannel | null = null;
	// Not state: who to call when another tab saves an attempt.
	private attemptListeners: ((attempt: Attempt) => void)[] = [];
	private changeListeners: ((change: LocalChange) => void)[] = [];

	constructor(private readonly options: StoreOptions = {}) {}

	/** The IndexedDB database this learner's records live in. */
	get databaseName(): string {
		return this.options.databaseName ?? 'coursekit';
	}

	/** Opens storage and loads everything, once per tab; every reader awaits it. */
	ready(): Promise<void> {
		return (this.opening ??= this.open());
	}

	private async open() {
		this.status = 'loading';
		try {
			this.code = await import('./db.ts');
			this.db = await this.code.openDatabase(
				{
					blocked: () => (this.status = 'blocked'),
					outdated: () => this.lose('outdated'),
					closed: () => this.lose('unavailable')
				},
				this.options.databaseName
			);
			const loaded = await this.code.readAll(this.db);
			this.apply(loaded);
			this.status = 'ready';
			const given = this.givenLearner(loaded.profile);
			// A new learner, or one whose profile was set aside (and is shown as such on /progress).
			if (given) await this.saveProfile(given);
			else if (!loaded.profile) await this.saveProfile({ learner: { id: pseudonymousId() } });
		} catch {
			this.db = null;
			this.status = 'unavailable';
			// Without storage the learner still needs an id for the files they export.
			this.profile = this.givenLearner(undefined) ?? { learner: { id: pseudonymousId() } };
		}
		this.listen();
		this.ticking = setInterval(() => (this.clock = Date.now()), 60_000);
	}

	private ticking: ReturnType<typeof setInterval> | undefined;

	/** The profile of the learner the LMS gave, when it differs from `stored`. */
	private givenLearner(stored: Profile | null | undefined): Profile | undefined {
		const given = this.options.learner;
		if (!given) return undefined;
		const learner = { ...stored?.learner, id: given.id, name: given.name || stored?.learner.name };
		if (!learner.name) delete learner.name;
		const same = stored?.learner.id === learner.id && stored?.learner.name === learner.name;
		return same ? undefined : { ...stored, learner };
	}

	/** Calls `listener` with every attempt and lesson change made in this tab; returns an unsubscribe. */
	onLocalChange(listener: (change: LocalChange) => void): () => void {
		this.changeListeners.push(listener);
		return () => {
			this.changeListeners = this.changeListeners.filter((l) => l !== listener);
		};
	}

	private announce(change: LocalChange) {
		for (const listener of this.changeListeners) listener(change);
	}

	private lose(status: 'outdated' | 'unavailable') {
		this.db = null;
		this.status = status;
	}

	private apply(loaded: Awaited<ReturnType<Db['readAll']>>) {
		if (loaded.profile) this.profile = loaded.profile;
		this.attempts = loaded.attempts;
		this.lessons = loaded.lessons;
		this.reviews = loaded.reviews;
		this.dueIndex = loaded.dueIndex;
		this.quarantine = loaded.quarantine;
		writeDueHint(this.databaseName, loaded.dueIndex);
	}

	private listen() {
		if (typeof BroadcastChannel === 'undefined' || this.channel) return;
		this.channel = new BroadcastChannel(CHANNEL);
		this.channel.onmessage = (event: MessageEvent<Message>) => void this.hear(event.data);
	}

	private async hear(message: Message) {
		if (message?.type === 'attempt') {
			const { isAttempt } = await import('./records.ts');
			if (isAttempt(message.attempt)) this.remember(message.attempt, true);
		} else if (message?.type === 'changed' && this.db && this.code) {
			this.apply(await this.code.readAll(this.db));
		}
	}

	private tell(message: Message) {
		this.channel?.postMessage(message);
	}

	/**
	 * The one write path. Runs `op` against the database; a failure is shown on screen (the
	 * caller has already changed the state in memory, so nothing is lost while the tab is open).
	 * Resolves to what `op` returned, or undefined when nothing was written.
	 */
	private async write<T>(what: string, op: (db: CoursekitDB, code: Db) => Promise<T>) {
		// (Once open, don't wait: `open()` itself writes a new learner's profile.)
		if (this.status === 'idle' || this.status === 'loading') await this.ready();
		if (!this.db || !this.code) {
			if (this.status === 'outdated') this.failure = { what, why: 'Coursekit was updated' };
			return undefined;
		}
		try {
			const result = await op(this.db, this.code);
			this.failure = null;
			return { result };
		} catch (error) {
			this.failure = { what, why: describeFailure(error) };
			return undefined;
		}
	}

	// ── attempts ──

	/** This learner's valid attempts at one quiz, oldest first. */
	attemptsFor(courseId: string, quizId: string): Attempt[] {
		return this.attempts
			.filter((a) => a.courseId === courseId && a.quizId === quizId)
			.sort((a, b) => a.startedAt.localeCompare(b.startedAt));
	}

	/** Calls `listener` with every attempt another tab saves; returns an unsubscribe. */
	onAttemptFromAnotherTab(listener: (attempt: Attempt) => void): () => void {
		this.attemptListeners.push(listener);
		return () => {
			this.attemptListeners = this.attemptListeners.filter((l) => l !== listener);
		};
	}

	/**
	 * Saves an attempt (a submitted or newer stored copy wins, see `putAttempt`). Resolves to
	 * false when it could not be stored; the attempt is kept in memory either way.
	 */
	async saveAttempt(attempt: Attempt): Promise<boolean> {
		this.remember(attempt, false);
		this.announce({ kind: 'attempt', attempt });
		const saved = await this.write('save your answers', (db, code) => code.putAttempt(db, attempt));
		if (!saved) return false;
		if (saved.result !== attempt) this.remember(saved.result, false);
		this.tell({ type: 'attempt', attempt: saved.result });
		return true;
	}

	private remember(attempt: Attempt, fromAnotherTab: boolean) {
		const known = this.attempts.find((a) => a.id === attempt.id);
		if (fromAnotherTab && known && known.revision >= attempt.revision) return;
		this.attempts = [...this.attempts.filter((a) => a.id !== attempt.id), attempt];
		if (fromAnotherTab) for (const listener of this.attemptListeners) listener(attempt);
	}

	// ── lessons, reviews, profile ──

	isLessonDone(courseId: string, lessonId: string): boolean {
		return this.lessons.some((l) => l.key === `${courseId}/${lessonId}`);
	}

	async setLessonDone(courseId: string, lessonId: string, done: boolean): Promise<boolean> {
		const lesson = { key: `${courseId}/${lessonId}`, at: nowIso() };
		const others = this.lessons.filter((l) => l.key !== lesson.key);
		this.lessons = done ? [...others, lesson] : others;
		this.announce({ kind: 'lesson', courseId, lessonId, done });
		return this.changed(
			await this.write(done ? 'mark the lesson as done' : 'unmark the lesson', (db, code) =>
				code.setLessonDone(db, lesson, done)
			)
		);
	}

	async saveReview(event: ReviewEvent): Promise<boolean> {
		this.reviews = [...this.reviews.filter((r) => r.id !== event.id), event];
		return this.changed(
			await this.write('save your review answer', (db, code) => code.putReview(db, event))
		);
	}

	async saveProfile(profile: Profile): Promise<boolean> {
		this.profile = profile;
		return this.changed(
			await this.write('save your profile', (db, code) => code.putMeta(db, 'profile', profile))
		);
	}

	/** The time the due count is reckoned at, moved on every minute. */
	private clock = $state(Date.now());

	/** How many review cards are due now (for the navigation's badge). */
	get due(): number {
		return Object.values(this.dueIndex).filter((due) => Date.parse(due) <= this.clock).length;
	}

	/** Records when the given questions' review cards are next due. */
	async setDue(cards: readonly { questionId: string; due: Date }[]): Promise<boolean> {
		const index = { ...this.dueIndex };
		for (const card of cards) index[card.questionId] = card.due.toISOString();
		this.dueIndex = index;
		this.clock = Date.now();
		writeDueHint(this.databaseName, index);
		return this.changed(
			await this.write('update your review schedule', (db, code) =>
				code.putMeta(db, 'review-due', index)
			)
		);
	}

	private changed(written: { result: unknown } | undefined): boolean {
		if (written) this.tell({ type: 'changed' });
		return written !== undefined;
	}

	// ── other named records (checked by the page that owns them) ──

	/**
	 * A list kept in `meta` (e.g. saved assignments), each entry checked by the page's own check.
	 * Entries that fail are set aside and the list is stored again without them.
	 */
	async readList<T>(key: string, check: (entry: unknown) => entry is T): Promise<T[]> {
		await this.ready();
		if (!this.db || !this.code) return [];
		const stored = await this.code.getMeta(this.db, key).catch(() => undefined);
		if (stored === undefined) return [];
		const entries: unknown[] = Array.isArray(stored) ? stored : [stored];
		const valid = entries.filter(check);
		if (valid.length < entries.length) {
			await this.setAside(
				entries
					.filter((entry) => !check(entry))
					.map((record) => ({ store: 'meta', key, record, reason: `not a valid entry of ${key}` }))
			);
			await this.writeMeta(`save your ${key}`, key, valid);
		}
		return valid;
	}

	async writeMeta(what: string, key: string, value: unknown): Promise<boolean> {
		return this.changed(await this.write(what, (db, code) => code.putMeta(db, key, value)));
	}

	/** Keeps a copy of list entries a page found invalid, in quarantine. */
	private async setAside(
		records: { store: string; key: string; record: unknown; reason: string }[]
	) {
		const done = await this.write('set aside unreadable records', (db, code) =>
			code.quarantineRecords(db, records, false)
		);
		if (done) this.quarantine = [...this.quarantine, ...done.result];
	}

	// ── the instructor's gradebook ──

	private more(): Promise<DbMore> {
		return (this.moreCode ??= import('./db-more.ts').catch((error) => {
			this.moreCode = null; // Offline, say: the next use tries again.
			throw error;
		}));
	}

	/** Reads with the rarer database code; `fallback` when storage or the code is unavailable. */
	private async readMore<T>(fallback: T, op: (db: CoursekitDB, more: DbMore) => Promise<T>) {
		await this.ready();
		const db = this.db;
		if (!db || !this.code) return fallback;
		try {
			return await op(db, await this.more());
		} catch {
			return fallback;
		}
	}

	/** The files imported into the gradebook for one assignment (`scope`, '' for none). */
	async imports(scope: string): Promise<StoredImport[]> {
		return this.readMore([], (db, more) => more.readImports(db, scope));
	}

	/** Keeps imported files; resolves to false (and says so) when they could not be stored. */
	async addImports(imports: readonly StoredImport[]): Promise<boolean> {
		return this.changed(
			await this.write('keep the imported files', async (db) =>
				(await this.more()).putImports(db, imports)
			)
		);
	}

	async removeImports(ids: readonly string[]): Promise<boolean> {
		return this.changed(
			await this.write('remove the imported files', async (db) =>
				(await this.more()).deleteImports(db, ids)
			)
		);
	}

	// ── backups and restore ──

	/** The states kept before the last restores, newest first. */
	async backups(): Promise<StoredBackup[]> {
		return this.readMore([], (db, more) => more.readBackups(db));
	}

	/**
	 * Restores in one transaction after keeping `current` (a backup of the state now) so that it
	 * can be put back. All of it is written, or nothing; resolves to false on failure.
	 */
	async restore(
		write: RestoreWrite,
		current: BackupFile,
		reason: StoredBackup['reason']
	): Promise<boolean> {
		const before: StoredBackup = {
			id: `${reason}-${current.exportedAt}`,
			at: current.exportedAt,
			reason,
			backup: current
		};
		const what = reason === 'undo' ? 'put your earlier progress back' : 'restore the backup';
		const done = await this.write(`${what} (nothing was changed)`, async (db, code) => {
			await (await this.more()).applyRestore(db, write, before);
			return code.readAll(db);
		});
		if (!done) return false;
		this.apply(done.result);
		this.tell({ type: 'changed' });
		return true;
	}

	// ── the xAPI outbox (statements waiting for an LRS; see lrs/) ──

	/** The tab's LRS sender, when an LRS is configured (set by `startLrs`); /progress shows it. */
	lrs = $state.raw<LrsSender | null>(null);

	/**
	 * Queues statements for an LRS, after those already waiting. A statement whose id was queued
	 * before (waiting or sent) is skipped. Resolves to the entries added, or null when they could
	 * not be stored (said on screen like any failed write).
	 */
	async enqueue(statements: readonly OutboxInput[]): Promise<OutboxEntry[] | null> {
		if (!statements.length) return [];
		const done = await this.write('keep the statements for the learning record store', async (db) =>
			(await this.more()).enqueueStatements(db, statements, nowIso())
		);
		return done ? done.result : null;
	}

	/** The first `limit` statements waiting for an LRS, oldest first. */
	async outbox(limit?: number): Promise<OutboxEntry[]> {
		return this.readMore([], (db, more) => more.readOutbox(db, limit));
	}

	/** How many statements wait for an LRS. */
	async outboxCount(): Promise<number> {
		return this.readMore(0, (db, more) => more.countOutbox(db));
	}

	/** The ids of every statement ever queued here (waiting or sent). */
	async outboxIds(): Promise<string[]> {
		return this.readMore([], (db, more) => more.outboxIds(db));
	}

	/** Records that the LRS has these statements (they are never sent again). */
	async markDelivered(ids: readonly string[]): Promise<boolean> {
		if (!ids.length) return true;
		const done = await this.write(
			'note which statements the learning record store has',
			async (db) => (await this.more()).markSent(db, ids, nowIso())
		);
		return done !== undefined;
	}

	/** Closes the connection (tests; a tab closes it by itself). */
	close() {
		clearInterval(this.ticking);
		this.db?.close();
		this.channel?.close();
		this.db = null;
		this.channel = null;
	}
}

/**
 * The gradebook's state: imported files (each validated, size-capped), kept per assignment in
 * this browser through the learner store, every attempt re-graded with this site's own content,
 * flags, and the figures the page shows. Imported strings are only ever rendered as text.
 * Nothing is sent anywhere.
 */
import { gradebookQuizzes } from '$lib/results/bank';
import { fetchBank } from '$lib/results/fetch-bank';
import { MAX_FILE_BYTES } from '$lib/results/read-file';
import type { Learner } from '$lib/results/schema';
import type { GradebookView } from '$lib/results/gradebook-engine';
import { decodeResultsCode, splitResultsCodes } from '$lib/results/code';
import type { GradebookQuiz } from '$lib/results/regrade';
import type { StoreSlot } from '$lib/progress/slot.svelte';
import type { StoredImport } from '$lib/progress/records';
import { nowIso } from '$lib/dates';
import { GradebookClient } from './gradebook-client';

export const MAX_BATCH_BYTES = 50 * 1024 * 1024;

export interface Imported {
	/** The stored import's id; absent for a refused file (shown once, not kept). */
	id?: string;
	source: string;
	/** Whose results the file holds (a valid file). */
	learner?: Learner;
	/** Why the file was refused. */
	refused?: string;
}

/** The assignment the gradebook grades for (its checks and pass mark), or none. */
export interface GradedAssignment {
	id: string;
	due?: string;
	passMark?: number;
}

const EMPTY: GradebookView = {
	attempts: 0,
	rows: [],
	flagged: [],
	flagsBySource: [],
	mastery: [],
	quizzes: []
};

/** A file to read: its name, its text (empty when over the cap) and its size. */
interface Incoming {
	source: string;
	text: string;
	bytes: number;
}

export class Gradebook {
	quizzes = $state.raw<ReadonlyMap<string, GradebookQuiz>>(gradebookQuizzes([]));
	ready = $state(false);
	loadProblem = $state('');
	imported = $state.raw<Imported[]>([]);
	busy = $state(false);
	/** Files read so far out of how many, while an import runs. */
	progress = $state.raw<{ done: number; total: number } | null>(null);
	assignment = $state.raw<GradedAssignment | null>(null);
	/** What the worker computed from the imported files: rows, flags, figures. */
	view = $state.raw<GradebookView>(EMPTY);

	/** Flagged attempts the instructor accepted (attempt keys), kept per assignment. */
	private acceptedKeys = $state.raw<readonly string[]>([]);
	// A value rebuilt from the keys, never changed in place: no reactive Set needed.
	// eslint-disable-next-line svelte/prefer-svelte-reactivity
	accepted: ReadonlySet<string> = $derived(new Set(this.acceptedKeys));
	rows = $derived(this.view.rows);
	/** Attempts with a flag, accepted or not: the instructor decides on each. */
	flagged = $derived(this.view.flagged);

	/** Re-grading runs in a Web Worker, started when the banks are loaded (not on the server). */
	private client?: GradebookClient;
	/** Imports, removals and reopens run one after another, so the worker sees them in order. */
	private queue: Promise<unknown> = Promise.resolve();

	constructor(private readonly slot: StoreSlot) {}

	/** Imports are kept per assignment: '' holds those made with no assignment chosen. */
	private get scope() {
		return this.assignment?.id ?? '';
	}

	private serial<T>(work: () => Promise<T>): Promise<T> {
		const next = this.queue.then(work, work);
		this.queue = next.catch(() => {});
		return next;
	}

	/** Fetches every course's bank once, before any import (imports make no request). */
	async load(courseIds: string[]) {
		let banksLoaded = false;
		try {
			const banks = await Promise.all(courseIds.map((id) => fetchBank(id)));
			this.quizzes = gradebookQuizzes(banks);
			banksLoaded = true;
		} catch {
			this.loadProblem =
				'The question banks could not be loaded, so nothing can be re-graded. Reload the page while online.';
		}
		try {
			// Started now, so that an import fetches nothing.
			this.client = new GradebookClient();
			await this.client.init(this.quizzes);
			this.ready = banksLoaded;
		} catch {
			this.client = undefined;
			this.loadProblem ||=
				'The gradebook could not start its re-grading in the background, so nothing can be re-graded. Reload the page.';
		}
		await this.reopen();
	}

	/** Stops the worker (the page is left). */
	close() {
		this.client?.close();
	}

	/** Grades for `assignment` (or none) and shows the files kept for it. */
	async choose(assignment: GradedAssignment | null) {
		this.assignment = assignment;
		await this.reopen();
	}

	private reopen() {
		return this.serial(async () => {
			const scope = this.scope;
			const store = await this.slot.load();
			const [stored, accepted] = await Promise.all([
				store.imports(scope),
				store.readList(acceptedKey(scope), (key): key is string => typeof key === 'string')
			]);
			if (scope !== this.scope) return; // Another assignment was chosen meanwhile.
			this.acceptedKeys = accepted;
			await this.client?.clear();
			const read = await this.readAll(
				stored.map((item) => ({ source: item.source, text: item.text, bytes: item.text.length })),
				stored.map((item) => item.id)
			);
			this.imported = read.map(({ imported }) => imported);
			await this.refresh();
		});
	}

	/**
	 * Sends each file to the worker as it is read (the worker validates and re-grades it, then
	 * drops it) and counts the progress.
	 */
	private async readAll(
		incoming: Iterable<Incoming | Promise<Incoming>>,
		ids: readonly string[],
		total = ids.length
	): Promise<{ text: string; imported: Imported }[]> {
		const client = this.client;
		this.progress = total > 1 ? { done: 0, total } : null;
		const pending: Promise<{ text: string; imported: Imported }>[] = [];
		let i = 0;
		for (const next of incoming) {
			const id = ids[i++];
			const { source, text, bytes } = await next;
			const outcome = client
				? client.add(id, source, text, bytes)
				: Promise.resolve({ ok: false as const, message: 'The question banks are not loaded.' });
			pending.push(
				outcome.then((read) => {
					if (this.progress)
						this.progress = { done: this.progress.done + 1, total: this.progress.total };
					return {
						text,
						imported: read.ok
							? { id, source, learner: read.learner }
							: { id, source, refused: read.message }
					};
				})
			);
		}
		try {
			return await Promise.all(pending);
		} finally {
			this.progress = null;
		}
	}

	/** Asks the worker for the figures of what is imported now. */
	private async refresh() {
		if (!this.client) return;
		this.view = await this.client.view({
			assignment: this.assignment ?? undefined,
			accepted: this.acceptedKeys
		});
	}

	/** Imports chosen or dropped files: each capped at 5 MB, the batch at 50 MB. */
	importFiles(files: File[]) {
		this.busy = true;
		return this.serial(async () => {
			try {
				const total = files.reduce((n, f) => n + f.size, 0);
				if (total > MAX_BATCH_BYTES) {
					this.imported = [
						...this.imported,
						{
							source: `${files.length} files`,
							refused: `Together these files are ${(total / 1024 / 1024).toFixed(1)} MB; import at most 50 MB at a time.`
						}
					];
					return;
				}
				const read = await this.readAll(
					files.map(async (file) => ({
						source: file.name,
						text: file.size > MAX_FILE_BYTES ? '' : await file.text(),
						bytes: file.size
					})),
					newIds(files.length)
				);
				await this.keep(read);
			} finally {
				this.busy = false;
			}
		});
	}

	/** Imports results codes pasted as text, even wrapped over lines by an email client. */
	importCodes(text: string) {
		return this.serial(async () => {
			const codes = splitResultsCodes(text);
			const first = this.imported.length;
			const decoded = await Promise.all(codes.map((code) => decodeResultsCode(code)));
			const refused: Imported[] = [];
			const valid: Incoming[] = [];
			decoded.forEach((d, i) => {
				const source = `pasted code ${first + i + 1}`;
				if (d.ok) valid.push({ source, text: d.json, bytes: d.json.length });
				else refused.push({ source, refused: d.message });
			});
			const read = await this.readAll(valid, newIds(valid.length));
			await this.keep(read, refused);
		});
	}

	/** Stores the valid files for this assignment and shows them with the refused ones. */
	private async keep(read: { text: string; imported: Imported }[], refused: Imported[] = []) {
		const at = nowIso();
		const kept = read.filter(({ imported }) => !imported.refused);
		const stored: StoredImport[] = kept.map(({ imported, text }) => ({
			id: imported.id!,
			scope: this.scope,
			source: imported.source,
			text,
			at
		}));
		// A file that cannot be kept (storage full) is still graded now; the banner says why.
		if (stored.length) await (await this.slot.load()).addImports(stored);
		this.imported = [
			...this.imported,
			...kept.map(({ imported }) => imported),
			...read
				.filter(({ imported }) => imported.refused)
				.map(({ imported }) => ({
					source: imported.source,
					refused: imported.refused
				})),
			...refused
		];
		await this.refresh();
	}

	/** Counts (or stops counting) a flagged attempt in the grades, for this assignment. */
	async accept(key: string, accepted: boolean) {
		const next = [...this.acceptedKeys.filter((k) => k !== key), ...(accepted ? [key] : [])];
		this.acceptedKeys = next;
		await this.serial(() => this.refresh());
		await (
			await this.slot.load()
		).writeMeta('keep what you accepted', acceptedKey(this.scope), next);
	}

	/** Removes one imported file (kept or refused) from this assignment's gradebook. */
	async remove(item: Imported) {
		this.imported = this.imported.filter((i) => i !== item);
		if (!item.id) return;
		const id = item.id;
		await this.serial(async () => {
			await this.client?.remove([id]);
			await this.refresh();
		});
		await (await this.slot.load()).removeImports([id]);
	}

	/** Removes every file imported for this assignment. */
	async clear() {
		const ids = this.imported.flatMap((i) => (i.id ? [i.id] : []));
		this.imported = [];
		await this.serial(async () => {
			await this.client?.clear();
			await this.refresh();
		});
		if (ids.length) await (await this.slot.load()).removeImports(ids);
	}
}

/** Fresh import ids that sort in import order (the store lists a scope's imports by time, then id). */
function newIds(count: number) {
	const at = nowIso();
	return Array.from(
		{ length: count },
		(_, i) => `${at}/${String(i).padStart(5, '0')}/${crypto.randomUUID().slice(0, 8)}`
	);
}

/** Where the accepted attempts of an assignment's gradebook are kept (the `meta` store). */
const acceptedKey = (scope: string) => `gradebook-accepted:${scope}`;

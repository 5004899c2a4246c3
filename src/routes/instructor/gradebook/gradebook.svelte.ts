/**
 * The gradebook's state: imported files (each validated, size-capped), kept per assignment in
 * this browser through the learner store, every attempt re-graded with this site's own content,
 * flags, and the figures the page shows. Imported strings are only ever rendered as text.
 * Nothing is sent anywhere.
 */
import { gradebookQuizzes } from '$lib/results/bank';
import { fetchBank } from '$lib/results/fetch-bank';
import { readJsonFile, MAX_FILE_BYTES } from '$lib/results/read-file';
import { RESULTS_FORMAT, RESULTS_VERSION, ResultsFile } from '$lib/results/schema';
import { decodeResultsCode, splitResultsCodes } from '$lib/results/code';
import { gradebookRows, regrade, type GradebookQuiz } from '$lib/results/regrade';
import type { StoreSlot } from '$lib/progress/slot.svelte';
import type { StoredImport } from '$lib/progress/records';
import { nowIso } from '$lib/dates';

export const MAX_BATCH_BYTES = 50 * 1024 * 1024;

export interface Imported {
	/** The stored import's id; absent for a refused file (shown once, not kept). */
	id?: string;
	source: string;
	file?: ResultsFile;
	/** Why the file was refused. */
	refused?: string;
}

/** The assignment the gradebook grades for (its checks and pass mark), or none. */
export interface GradedAssignment {
	id: string;
	due?: string;
	passMark?: number;
}

export class Gradebook {
	quizzes = $state.raw<ReadonlyMap<string, GradebookQuiz>>(gradebookQuizzes([]));
	ready = $state(false);
	loadProblem = $state('');
	imported = $state.raw<Imported[]>([]);
	busy = $state(false);
	assignment = $state.raw<GradedAssignment | null>(null);

	/** The valid files, as the re-grade takes them. */
	files = $derived(
		this.imported.flatMap((i) => (i.file ? [{ source: i.source, file: i.file }] : []))
	);
	/** Flagged attempts the instructor accepted (attempt keys), kept per assignment. */
	private acceptedKeys = $state.raw<readonly string[]>([]);
	// A value rebuilt from the keys, never changed in place: no reactive Set needed.
	// eslint-disable-next-line svelte/prefer-svelte-reactivity
	accepted: ReadonlySet<string> = $derived(new Set(this.acceptedKeys));
	graded = $derived(
		regrade(this.files, {
			quizzes: this.quizzes,
			assignment: this.assignment ?? undefined,
			accepted: this.accepted
		})
	);
	/** Attempts with a flag, accepted or not: the instructor decides on each. */
	flagged = $derived(this.graded.filter((g) => g.flags.length > 0));
	rows = $derived(gradebookRows(this.graded, this.quizzes, this.assignment?.passMark));

	constructor(private readonly slot: StoreSlot) {}

	/** Imports are kept per assignment: '' holds those made with no assignment chosen. */
	private get scope() {
		return this.assignment?.id ?? '';
	}

	/** Fetches every course's bank once, before any import (imports make no request). */
	async load(courseIds: string[]) {
		try {
			const banks = await Promise.all(courseIds.map((id) => fetchBank(id)));
			this.quizzes = gradebookQuizzes(banks);
			this.ready = true;
		} catch {
			this.loadProblem =
				'The question banks could not be loaded, so nothing can be re-graded. Reload the page while online.';
		}
		await this.reopen();
	}

	/** Grades for `assignment` (or none) and shows the files kept for it. */
	async choose(assignment: GradedAssignment | null) {
		this.assignment = assignment;
		await this.reopen();
	}

	private async reopen() {
		const scope = this.scope;
		const store = await this.slot.load();
		const [stored, accepted] = await Promise.all([
			store.imports(scope),
			store.readList(acceptedKey(scope), (key): key is string => typeof key === 'string')
		]);
		if (scope !== this.scope) return; // Another assignment was chosen meanwhile.
		this.acceptedKeys = accepted;
		this.imported = stored.map((item) => ({
			id: item.id,
			...this.read(item.source, item.text, item.text.length)
		}));
	}

	/** Imports chosen or dropped files: each capped at 5 MB, the batch at 50 MB. */
	async importFiles(files: File[]) {
		this.busy = true;
		const total = files.reduce((n, f) => n + f.size, 0);
		const results: { text: string; read: Imported }[] = [];
		const refused: Imported[] = [];
		if (total > MAX_BATCH_BYTES) {
			refused.push({
				source: `${files.length} files`,
				refused: `Together these files are ${(total / 1024 / 1024).toFixed(1)} MB; import at most 50 MB at a time.`
			});
		} else {
			for (const [i, file] of files.entries()) {
				const text = file.size > MAX_FILE_BYTES ? '' : await file.text();
				const read = this.read(file.name, text, file.size);
				if (read.file) results.push({ text, read });
				else refused.push(read);
				// Let the page breathe between files so it stays responsive on large batches.
				if (i % 20 === 19) await new Promise((r) => setTimeout(r));
			}
		}
		await this.keep(results, refused);
		this.busy = false;
	}

	/** Imports results codes pasted as text, even wrapped over lines by an email client. */
	async importCodes(text: string) {
		const results: { text: string; read: Imported }[] = [];
		const refused: Imported[] = [];
		const codes = splitResultsCodes(text);
		for (const [i, code] of codes.entries()) {
			const source = `pasted code ${this.imported.length + i + 1}`;
			const decoded = await decodeResultsCode(code);
			const read = decoded.ok
				? this.read(source, decoded.json, decoded.json.length)
				: { source, refused: decoded.message };
			if (decoded.ok && read.file) results.push({ text: decoded.json, read });
			else refused.push(read);
		}
		await this.keep(results, refused);
	}

	/** Stores the valid files for this assignment and shows them with the refused ones. */
	private async keep(results: { text: string; read: Imported }[], refused: Imported[]) {
		const at = nowIso();
		// Ids sort in import order (the store lists a scope's imports by time, then id).
		const kept = results.map(({ text, read }, i) => ({
			...read,
			id: `${at}/${String(i).padStart(5, '0')}/${crypto.randomUUID().slice(0, 8)}`,
			text
		}));
		const stored: StoredImport[] = kept.map(({ id, source, text }) => ({
			id,
			scope: this.scope,
			source,
			text,
			at
		}));
		// A file that cannot be kept (storage full) is still graded now; the banner says why.
		if (stored.length) await (await this.slot.load()).addImports(stored);
		this.imported = [
			...this.imported,
			...kept.map(({ id, source, file }) => ({ id, source, file })),
			...refused
		];
	}

	private read(source: string, text: string, bytes: number): Imported {
		const read = readJsonFile(text, bytes, {
			format: RESULTS_FORMAT,
			version: RESULTS_VERSION,
			noun: 'results file',
			schema: ResultsFile
		});
		return read.ok ? { source, file: read.value } : { source, refused: read.message };
	}

	/** Counts (or stops counting) a flagged attempt in the grades, for this assignment. */
	async accept(key: string, accepted: boolean) {
		const next = [...this.acceptedKeys.filter((k) => k !== key), ...(accepted ? [key] : [])];
		this.acceptedKeys = next;
		await (
			await this.slot.load()
		).writeMeta('keep what you accepted', acceptedKey(this.scope), next);
	}

	/** Removes one imported file (kept or refused) from this assignment's gradebook. */
	async remove(item: Imported) {
		this.imported = this.imported.filter((i) => i !== item);
		if (item.id) await (await this.slot.load()).removeImports([item.id]);
	}

	/** Removes every file imported for this assignment. */
	async clear() {
		const ids = this.imported.flatMap((i) => (i.id ? [i.id] : []));
		this.imported = [];
		if (ids.length) await (await this.slot.load()).removeImports(ids);
	}
}

/** Where the accepted attempts of an assignment's gradebook are kept (the `meta` store). */
const acceptedKey = (scope: string) => `gradebook-accepted:${scope}`;

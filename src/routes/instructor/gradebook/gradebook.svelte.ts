/**
 * The gradebook's state: imported files (each validated, size-capped), every attempt re-graded
 * with this site's own content, flags, and the figures the page shows. Imported strings are only
 * ever rendered as text. Nothing is sent anywhere.
 */
import { gradebookQuizzes } from '$lib/results/bank';
import { fetchBank } from '$lib/results/fetch-bank';
import { readJsonFile, MAX_FILE_BYTES } from '$lib/results/read-file';
import { RESULTS_FORMAT, RESULTS_VERSION, ResultsFile } from '$lib/results/schema';
import { decodeResultsCode } from '$lib/results/code';
import { gradebookRows, regrade, type GradebookQuiz } from '$lib/results/regrade';

export const MAX_BATCH_BYTES = 50 * 1024 * 1024;

export interface Imported {
	source: string;
	file?: ResultsFile;
	/** Why the file was refused. */
	refused?: string;
}

export class Gradebook {
	quizzes = $state.raw<ReadonlyMap<string, GradebookQuiz>>(gradebookQuizzes([]));
	ready = $state(false);
	loadProblem = $state('');
	imported = $state.raw<Imported[]>([]);
	busy = $state(false);
	assignment = $state.raw<{ id: string; due?: string; passMark?: number } | null>(null);

	accepted = $derived(
		this.imported.flatMap((i) => (i.file ? [{ source: i.source, file: i.file }] : []))
	);
	graded = $derived(
		regrade(this.accepted, { quizzes: this.quizzes, assignment: this.assignment ?? undefined })
	);
	rows = $derived(gradebookRows(this.graded, this.quizzes, this.assignment?.passMark));

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
	}

	/** Imports chosen or dropped files: each capped at 5 MB, the batch at 50 MB. */
	async importFiles(files: File[]) {
		this.busy = true;
		const total = files.reduce((n, f) => n + f.size, 0);
		const results: Imported[] = [];
		if (total > MAX_BATCH_BYTES) {
			results.push({
				source: `${files.length} files`,
				refused: `Together these files are ${(total / 1024 / 1024).toFixed(1)} MB; import at most 50 MB at a time.`
			});
		} else {
			for (const [i, file] of files.entries()) {
				const text = file.size > MAX_FILE_BYTES ? '' : await file.text();
				results.push(this.read(file.name, text, file.size));
				// Let the page breathe between files so it stays responsive on large batches.
				if (i % 20 === 19) await new Promise((r) => setTimeout(r));
			}
		}
		this.imported = [...this.imported, ...results];
		this.busy = false;
	}

	/** Imports results codes pasted as text (one or more, separated by spaces or lines). */
	async importCodes(text: string) {
		const codes = text.split(/\s+/).filter(Boolean);
		const results: Imported[] = [];
		for (const [i, code] of codes.entries()) {
			const source = `pasted code ${this.imported.length + i + 1}`;
			const decoded = await decodeResultsCode(code);
			results.push(
				decoded.ok
					? this.read(source, decoded.json, decoded.json.length)
					: { source, refused: decoded.message }
			);
		}
		this.imported = [...this.imported, ...results];
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

	clear() {
		this.imported = [];
	}
}

import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { loadCourses } from '$lib/content/load';
import { readContentFiles } from '$lib/content/read-dir';
import { courseBank } from '$lib/content/course-bank';
import { StoreSlot } from '$lib/progress/slot.svelte';
import { encodeResultsCode } from '$lib/results/code';
import { learner, resultsFile, rightAnswers, submittedAttempt } from '$lib/testing/builders';
import { Gradebook } from './gradebook.svelte';

const TINY = loadCourses(readContentFiles('tests/fixtures/tiny-course')).courses[0];
const QUESTIONS = TINY.quizzes.get('basics-quiz')!.questions;
const slots: StoreSlot[] = [];

/** The gradebook page in a new tab, with the tiny course's bank loaded. */
async function openGradebook() {
	const slot = new StoreSlot(() => import('$lib/progress/store.svelte'));
	slots.push(slot);
	const book = new Gradebook(slot);
	await book.load(['tiny']);
	return book;
}

/** A results file of `name` who answered every question right, as a File. */
function fileOf(name: string, overrides: Parameters<typeof learner>[0] = {}) {
	const file = {
		...resultsFile([submittedAttempt(QUESTIONS, rightAnswers(QUESTIONS), { id: `a-${name}` })]),
		learner: learner({ id: `learner-${name}`, name, ...overrides })
	};
	return new File([JSON.stringify(file)], `${name}.json`, { type: 'application/json' });
}

beforeEach(() => {
	globalThis.indexedDB = new IDBFactory();
	vi.stubGlobal('fetch', async () => new Response(JSON.stringify(courseBank(TINY))));
});

afterEach(() => {
	for (const slot of slots.splice(0)) slot.current?.close();
	vi.unstubAllGlobals();
});

describe('the gradebook state', () => {
	it('re-grades imported files and keeps them for the next visit', async () => {
		const book = await openGradebook();
		await book.importFiles([fileOf('Ada'), fileOf('Grace')]);
		expect(book.rows.map((r) => r.learner.name).sort()).toEqual(['Ada', 'Grace']);
		expect(book.view.attempts).toBe(2);
		// Presented in authoring order, not as the quiz draws them: flagged, but re-graded in full.
		expect(book.flagged.map((g) => [g.score, g.flags])).toEqual([
			[1, ['questions-differ']],
			[1, ['questions-differ']]
		]);

		const again = await openGradebook();
		expect(again.imported.map((i) => i.source)).toEqual(['Ada.json', 'Grace.json']);
		expect(again.rows).toHaveLength(2);
	});

	it('counts the files read and re-graded while an import runs, then stops counting', async () => {
		const book = await openGradebook();
		// Every value the progress bar is given, in order.
		const shown: string[] = [];
		let progress = book.progress;
		Object.defineProperty(book, 'progress', {
			get: () => progress,
			set: (value: typeof progress) => {
				progress = value;
				shown.push(value ? `${value.done} of ${value.total}` : 'hidden');
			}
		});
		await book.importFiles([fileOf('Ada'), fileOf('Grace'), fileOf('Linus')]);
		expect(shown).toEqual(['0 of 3', '1 of 3', '2 of 3', '3 of 3', 'hidden']);
		expect(book.view.attempts).toBe(3);
	});

	it('keeps imports apart per assignment', async () => {
		const book = await openGradebook();
		await book.importFiles([fileOf('Ada')]);
		await book.choose({ id: 'week-1' });
		expect(book.imported).toEqual([]);
		await book.importFiles([fileOf('Grace')]);

		const again = await openGradebook();
		expect(again.imported.map((i) => i.source)).toEqual(['Ada.json']);
		await again.choose({ id: 'week-1' });
		expect(again.imported.map((i) => i.source)).toEqual(['Grace.json']);
	});

	it('removes files one by one, and all at once', async () => {
		const book = await openGradebook();
		await book.importFiles([fileOf('Ada'), fileOf('Grace'), fileOf('Linus')]);
		await book.remove(book.imported[1]);
		expect(book.imported.map((i) => i.source)).toEqual(['Ada.json', 'Linus.json']);
		expect((await openGradebook()).imported.map((i) => i.source)).toEqual([
			'Ada.json',
			'Linus.json'
		]);
		await book.clear();
		expect((await openGradebook()).imported).toEqual([]);
	});

	it('shows a refused file with its reason, without keeping it', async () => {
		const book = await openGradebook();
		await book.importFiles([new File(['not json'], 'notes.txt'), fileOf('Ada')]);
		expect(book.imported.map((i) => [i.source, i.refused === undefined])).toEqual([
			['Ada.json', true],
			['notes.txt', false]
		]);
		expect(book.imported[1].refused).toMatch(/not valid JSON/);
		expect((await openGradebook()).imported.map((i) => i.source)).toEqual(['Ada.json']);
	});

	it('imports pasted codes wrapped over lines, and says a cut one is incomplete', async () => {
		const book = await openGradebook();
		const code = await encodeResultsCode(JSON.parse(await fileOf('Ada').text()));
		const third = Math.ceil(code.length / 3);
		const wrapped = [code.slice(0, third), code.slice(third, 2 * third), code.slice(2 * third)];
		await book.importCodes(`${wrapped.join('\n')}\n\n${code.slice(0, 30)}`);
		expect(book.imported[0].learner?.name).toBe('Ada');
		expect(book.imported[1].refused).toMatch(/incomplete/);
		expect((await openGradebook()).imported).toHaveLength(1);
	});

	it('does not count a forged attempt until the instructor accepts it, and remembers that', async () => {
		const book = await openGradebook();
		const forged = JSON.parse(await fileOf('Ada').text());
		forged.attempts[0].answers = {};
		await book.importFiles([new File([JSON.stringify(forged)], 'ada.json')]);
		expect(book.flagged[0].flags).toContain('score-differs');
		expect(book.rows[0].scores['tiny/basics-quiz'].best).toBeUndefined();

		await book.accept(book.flagged[0].key, true);
		expect(book.rows[0].scores['tiny/basics-quiz'].best).toBe(0);
		const again = await openGradebook();
		expect(again.accepted.has(again.flagged[0].key)).toBe(true);
		expect(again.rows[0].scores['tiny/basics-quiz'].best).toBe(0);
	});

	it('refuses a batch over 50 MB as a whole', async () => {
		const book = await openGradebook();
		const big = new File([new Uint8Array(26 * 1024 * 1024)], 'big.json');
		await book.importFiles([big, big]);
		expect(book.imported).toHaveLength(1);
		expect(book.imported[0].refused).toMatch(/at most 50 MB/);
	});
});

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { expect, expectNoAxeViolations, test } from './support/fixtures.ts';
import { recordLayoutShifts } from './support/layout-shifts.ts';
import { answerCorrectly } from './support/keyboard.ts';
import { nextQuestion, quizOf, quizPath } from './support/quiz.ts';
import { readJsonFile } from '../src/lib/results/read-file.ts';
import { RESULTS_FORMAT, RESULTS_VERSION, ResultsFile } from '../src/lib/results/schema.ts';
import type { Download, Page } from '@playwright/test';

const OVERVIEW = quizOf('overview');
// A CommonJS package: load it as Node does.
const validateStatement: (statement: object) => unknown[] = createRequire(import.meta.url)(
	'@learninglocker/xapi-validation'
).default;
const courseText = async (page: Page) =>
	((await page.locator('section.course').textContent()) ?? '').replace(/\s+/g, ' ').trim();

/** Takes the overview quiz, answering the first `right` questions correctly, and submits. */
async function takeQuiz(page: Page, right: number) {
	await page.goto(quizPath('overview'));
	await page.getByRole('button', { name: /Start/ }).click();
	for (let i = 0; i < right; i++) {
		const id = await page.locator('[data-question-id]').getAttribute('data-question-id');
		await answerCorrectly(page, OVERVIEW.question(id!));
		if (i < OVERVIEW.quiz.questions.length - 1) await nextQuestion(page);
	}
	await page.getByRole('button', { name: 'Submit quiz…' }).click();
	await page.getByRole('button', { name: 'Submit now' }).click();
	await expect(page.getByRole('heading', { name: 'Your result' })).toBeVisible();
}

async function downloaded(
	page: Page,
	button: string
): Promise<{ download: Download; text: string }> {
	const waiting = page.waitForEvent('download');
	await page.getByRole('button', { name: button }).click();
	const download = await waiting;
	return { download, text: readFileSync((await download.path())!, 'utf8') };
}

/** The layout shifts of loading `path` (`shifts` reads them), once `ready` holds and the network is idle. */
async function layoutShiftsOf(
	page: Page,
	shifts: () => Promise<string[]>,
	path: string,
	ready: () => Promise<void>
) {
	await page.goto(path);
	await ready();
	await page.waitForLoadState('networkidle');
	return shifts();
}

test('a first visit says where to start, offers a restore, stores nothing and axe finds nothing', async ({
	page
}) => {
	await page.goto('/progress');
	await expect(page.getByRole('heading', { name: 'Nothing here yet' })).toBeVisible();
	await expect(
		page.getByRole('link', { name: 'AI Frameworks: TensorFlow vs PyTorch vs Keras' })
	).toHaveAttribute('href', /lessons\/overview$/);
	await expect(page.getByLabel('Restore from a backup…')).toBeVisible();
	// Nothing to export or back up yet, and looking at the page creates no storage.
	await expect(page.getByRole('button', { name: 'Results file (JSON)' })).toHaveCount(0);
	await page.waitForLoadState('networkidle');
	expect(await page.evaluate(async () => (await indexedDB.databases()).map((d) => d.name))).toEqual(
		[]
	);
	await expectNoAxeViolations(page);
});

test('nothing moves while the page loads, on a first visit and with progress', async ({ page }) => {
	const shifts = await recordLayoutShifts(page, { afterInput: false });
	const empty = page.getByRole('heading', { name: 'Nothing here yet' });
	expect(
		await layoutShiftsOf(page, shifts, '/progress', () => expect(empty).toBeVisible())
	).toEqual([]);

	await page.goto('/courses/ai-frameworks/lessons/overview', { waitUntil: 'networkidle' });
	await page.getByRole('button', { name: 'Mark this lesson as done' }).click();
	await expect(page.getByRole('button', { name: '✓ Done' })).toBeVisible();
	await takeQuiz(page, 3);
	const mastery = page.getByRole('table').filter({ hasText: 'Based on' });
	for (const viewport of [
		{ width: 1280, height: 720 },
		{ width: 390, height: 800 }
	]) {
		await page.setViewportSize(viewport);
		expect(
			await layoutShiftsOf(page, shifts, '/progress', () => expect(mastery).toBeVisible())
		).toEqual([]);
	}
});

test('without JavaScript the page says what it is for and that progress needs JavaScript', async ({
	browser
}) => {
	const context = await browser.newContext({ javaScriptEnabled: false });
	const page = await context.newPage();
	await page.goto('/progress');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Your progress');
	await expect(page.getByRole('heading', { name: 'Nothing here yet' })).toBeVisible();
	await expect(page.getByRole('link', { name: /AI Frameworks/ }).last()).toBeVisible();
	// The parser treats <noscript> as text when scripts are merely stopped (see no-js.test.ts).
	expect(await page.locator('noscript').first().textContent()).toContain('needs JavaScript');
	// Restoring needs JavaScript: its control is not offered.
	await expect(page.getByLabel('Restore from a backup…')).toBeHidden();
	await context.close();
});

test('progress shows lessons done, quiz scores, mastery per topic and history', async ({
	page
}) => {
	await page.goto('/courses/ai-frameworks/lessons/overview', { waitUntil: 'networkidle' });
	await page.getByRole('button', { name: 'Mark this lesson as done' }).click();
	await expect(page.getByRole('button', { name: '✓ Done' })).toHaveAttribute(
		'aria-pressed',
		'true'
	);
	await takeQuiz(page, 10);
	await page.goto('/progress');
	await expect(page.getByRole('heading', { name: 'Lessons: 1 of 7 done' })).toBeVisible();
	await expect(
		page.getByRole('row', { name: /Quiz: Meet the frameworks 1 100% 100% Passed/ })
	).toBeVisible();
	await expect(
		page
			.getByRole('table')
			.filter({ hasText: 'Based on' })
			.getByRole('row', { name: /Framework overview 100% 10 answers to 10 questions/ })
	).toBeVisible();
	await expect(page.getByText('Not backed up yet.')).toBeVisible();
	for (const colorScheme of ['light', 'dark'] as const) {
		await page.emulateMedia({ colorScheme });
		await expectNoAxeViolations(page);
	}
	// The printable report: who it is for, the figures, none of the buttons.
	await page.emulateMedia({ media: 'print' });
	await expect(page.getByText(/^Report for learner-/)).toBeVisible();
	await expect(page.getByRole('heading', { name: 'Mastery per topic' })).toBeVisible();
	await expect(page.getByRole('button', { name: 'Download a backup' })).toBeHidden();
	await expect(page.locator('.site-header')).toBeHidden();
});

test('each export downloads and parses: results JSON, CSV, xAPI and backup', async ({ page }) => {
	await takeQuiz(page, 4);
	await page.goto('/progress');
	await page.getByLabel('Display name').fill('=Ada');
	await page.getByRole('button', { name: 'Save profile' }).click();
	await expect(page.getByText('Profile saved in this browser.')).toBeVisible();

	const results = await downloaded(page, 'Results file (JSON)');
	expect(results.download.suggestedFilename()).toMatch(/^coursekit-results-\d{4}-\d\d-\d\d\.json$/);
	const read = readJsonFile(results.text, results.text.length, {
		format: RESULTS_FORMAT,
		version: RESULTS_VERSION,
		noun: 'results file',
		schema: ResultsFile
	});
	expect(read.ok).toBe(true);
	if (read.ok) {
		expect(read.value.learner.name).toBe('=Ada');
		expect(read.value.attempts).toHaveLength(1);
		expect(read.value.attempts[0].score).toBeCloseTo(0.4);
	}

	const csv = await downloaded(page, 'Gradebook CSV');
	const [header, row] = csv.text.split('\r\n');
	expect(header.split(',')).toContain('best_percent');
	expect(row).toContain(`'=Ada`);
	expect(row).toContain(',overview,Quiz: Meet the frameworks,1,40,40,no,');

	const xapi = await downloaded(page, 'xAPI statements');
	const statements = JSON.parse(xapi.text) as object[];
	expect(statements).toHaveLength(10 + 3);
	for (const statement of statements) expect(validateStatement(statement)).toEqual([]);

	const backup = await downloaded(page, 'Download a backup');
	expect(JSON.parse(backup.text)).toMatchObject({ format: 'coursekit-backup', version: 1 });
	await expect(page.getByText(/Last backed up/)).toBeVisible();
});

test('a backup restored in a fresh browser reproduces the progress page', async ({
	page,
	browser
}) => {
	await takeQuiz(page, 7);
	await page.goto('/courses/ai-frameworks/lessons/key-differences', { waitUntil: 'networkidle' });
	await page.getByRole('button', { name: 'Mark this lesson as done' }).click();
	await expect(page.getByRole('button', { name: '✓ Done' })).toBeVisible();
	await page.goto('/progress');
	await expect(page.getByRole('table').filter({ hasText: 'Based on' })).toBeVisible();
	const original = await courseText(page);
	const { download } = await downloaded(page, 'Download a backup');
	const file = (await download.path())!;

	const fresh = await browser.newContext();
	const other = await fresh.newPage();
	await other.goto('/progress');
	await expect(other.getByRole('heading', { name: 'Nothing here yet' })).toBeVisible();
	await other.getByLabel('Restore from a backup…').setInputFiles(file);
	const preview = other.getByRole('region', { name: 'Restore this backup?' });
	await expect(preview).toContainText('1 new attempt will be added.');
	await expect(preview).toContainText('1 lesson will be marked as done.');
	await preview.getByRole('button', { name: 'Restore' }).click();
	// The restored progress replaces the first visit's view; focus goes to what happened.
	await expect(other.getByRole('status').filter({ hasText: 'Backup restored' })).toBeFocused();
	await expect(other.getByRole('table').filter({ hasText: 'Based on' })).toBeVisible();
	expect(await courseText(other)).toBe(original);

	// Restoring the same file again adds nothing.
	await other.getByLabel('Restore from a backup…').setInputFiles(file);
	await expect(other.getByRole('region', { name: 'Restore this backup?' })).toContainText(
		'0 new attempts will be added.'
	);

	// The state before the first restore (nothing) can be put back, and survives a reload.
	await other.getByRole('button', { name: 'Cancel' }).click();
	await other.reload();
	await other.getByRole('button', { name: 'Undo the last restore' }).click();
	await expect(other.getByRole('status').filter({ hasText: 'back as it was' })).toBeVisible();
	await expect(other.getByRole('heading', { name: 'Nothing here yet' })).toBeVisible();
	await other.reload();
	await expect(other.getByRole('heading', { name: 'Nothing here yet' })).toBeVisible();
	// …and that undo can itself be undone.
	await other.getByRole('button', { name: 'Put this back' }).first().click();
	await expect(other.getByRole('table').filter({ hasText: 'Based on' })).toBeVisible();
	expect(await courseText(other)).toBe(original);
	await fresh.close();
});

test('a restore that fails changes nothing and says so', async ({ page, browser }) => {
	await takeQuiz(page, 1);
	await page.goto('/progress');
	const { download } = await downloaded(page, 'Download a backup');
	const file = (await download.path())!;

	const fresh = await browser.newContext();
	const other = await fresh.newPage();
	await other.addInitScript(() => {
		const put = IDBObjectStore.prototype.put;
		IDBObjectStore.prototype.put = function (this: IDBObjectStore, ...args) {
			if (this.name === 'attempts')
				throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
			return put.apply(this, args);
		};
	});
	await other.goto('/progress');
	await other.getByLabel('Restore from a backup…').setInputFiles(file);
	const preview = other.getByRole('region', { name: 'Restore this backup?' });
	await preview.getByRole('button', { name: 'Restore' }).click();
	await expect(other.getByRole('alert')).toContainText(
		'couldn’t restore the backup (nothing was changed): the browser’s storage is full'
	);
	await expect(other.getByRole('region', { name: 'Restore this backup?' })).toHaveCount(0);
	await expect(other.getByRole('heading', { name: 'Nothing here yet' })).toBeVisible();
	await expect(other.getByRole('button', { name: 'Undo the last restore' })).toHaveCount(0);
	await fresh.close();
});

test('a wrong file gets a clear message and changes nothing', async ({ page }) => {
	await takeQuiz(page, 2);
	await page.goto('/progress');
	await expect(page.getByRole('table').filter({ hasText: 'Based on' })).toBeVisible();
	const before = await courseText(page);
	for (const [name, body, message] of [
		['notes.txt', 'hello', 'not valid JSON'],
		[
			'results.json',
			JSON.stringify({ format: 'coursekit-results', version: 1 }),
			'not a Coursekit backup'
		],
		[
			'future.json',
			JSON.stringify({ format: 'coursekit-backup', version: 9 }),
			'newer version of Coursekit'
		],
		['evil.json', '{"format":"coursekit-backup","version":1,"__proto__":{"x":1}}', 'forbidden key']
	]) {
		await page
			.getByLabel('Restore from a backup…')
			.setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(body) });
		await expect(page.getByRole('alert')).toContainText(message);
		await expect(page.getByRole('region', { name: 'Restore this backup?' })).toHaveCount(0);
	}
	expect(await courseText(page)).toBe(before);
});

test('a bad record in every store leaves every page working, with the records set aside', async ({
	page
}) => {
	await takeQuiz(page, 1);
	await page.goto('/courses/ai-frameworks/lessons/overview', { waitUntil: 'networkidle' });
	await page.getByRole('button', { name: 'Mark this lesson as done' }).click();
	await expect(page.getByRole('button', { name: '✓ Done' })).toBeVisible();
	// The store opens on that click: wait until the lesson is written before tampering.
	await expect
		.poll(() =>
			page.evaluate(
				() =>
					new Promise<number>((resolve) => {
						const open = indexedDB.open('coursekit');
						open.onsuccess = () => {
							const db = open.result;
							if (!db.objectStoreNames.contains('lessons')) return resolve(0);
							const count = db.transaction('lessons').objectStore('lessons').count();
							count.onsuccess = () => {
								db.close();
								resolve(count.result);
							};
						};
					})
			)
		)
		.toBe(1);
	// As from DevTools: the first record of every store becomes `{ bogus: true }` (keeping its key).
	const stores = await page.evaluate(
		() =>
			new Promise<string[]>((resolve, reject) => {
				const open = indexedDB.open('coursekit');
				open.onsuccess = () => {
					const db = open.result;
					const names = [...db.objectStoreNames];
					const tx = db.transaction(names, 'readwrite');
					const changed: string[] = [];
					for (const name of names) {
						const store = tx.objectStore(name);
						store.openCursor().onsuccess = (event) => {
							const cursor = (event.target as IDBRequest<IDBCursorWithValue | null>).result;
							if (!cursor) return;
							const keyPath = store.keyPath as string;
							cursor.update({ bogus: true, [keyPath]: cursor.primaryKey });
							changed.push(name);
						};
					}
					tx.oncomplete = () => {
						db.close();
						resolve(changed.sort());
					};
					tx.onerror = () => reject(tx.error);
				};
			})
	);
	expect(stores).toEqual(['attempts', 'lessons', 'meta']);

	for (const path of [
		'/',
		'/courses/ai-frameworks',
		'/courses/ai-frameworks/lessons/overview',
		quizPath('overview'),
		'/review',
		'/instructor'
	]) {
		await page.goto(path);
		await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
		await expect(page.getByRole('alert')).toHaveCount(0);
	}
	await page.goto(quizPath('overview'));
	await expect(page.getByRole('button', { name: 'Start the quiz' })).toBeEnabled();
	await page.goto('/progress');
	const notice = page.getByRole('status').filter({ hasText: 'could not be read' });
	await expect(notice).toContainText('3 stored records');
	await expect(notice).toContainText('One of them is your saved profile');
	const waiting = page.waitForEvent('download');
	await page.getByRole('button', { name: 'Download the set-aside records' }).click();
	const records = JSON.parse(readFileSync((await (await waiting).path())!, 'utf8'));
	expect(records.map((r: { store: string }) => r.store).sort()).toEqual([
		'attempts',
		'lessons',
		'meta'
	]);
	expect(records.every((r: { record: unknown }) => (r.record as { bogus?: boolean }).bogus)).toBe(
		true
	);
});

import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, expectNoAxeViolations, test } from './support/fixtures.ts';
import { answerCorrectly } from './support/keyboard.ts';
import { nextQuestion, quizOf } from './support/quiz.ts';
import { answerQuestion, startAttempt, submitAttempt } from '../src/lib/quiz/attempt.ts';
import { correctAnswer } from '../src/lib/quiz/grade.ts';
import { contentHash } from '../src/lib/quiz/hash.ts';
import { drawQuestions } from '../src/lib/quiz/draw.ts';
import { buildResultsFile } from '../src/lib/results/export.ts';

const OVERVIEW = quizOf('overview');

test('an assignment goes from the instructor to a student and back into the gradebook', async ({
	page,
	browser
}) => {
	// The instructor builds an assignment whose grades go to Moodle, matched by email.
	await page.goto('/instructor');
	await page.getByLabel('Title').fill('Week 1: meet the frameworks');
	await page.getByRole('checkbox', { name: 'Meet the frameworks', exact: true }).check();
	await page.getByRole('checkbox', { name: 'Quiz: Meet the frameworks' }).check();
	await page.getByLabel(/Pass mark/).fill('60');
	await page.getByLabel(/Attempts allowed/).fill('2');
	await page.getByLabel('Feedback').selectOption('deferred');
	await page.getByLabel(/Instructions/).fill('Read first, then take the quiz.');
	await page.getByLabel('Grades go to').selectOption('moodle:email');
	await page
		.getByLabel(/How to hand in/)
		.fill('Upload the file to the Moodle assignment “Week 1”.');
	await page.getByRole('button', { name: 'Create the link' }).click();
	const linkBox = page.getByLabel(/Assignment link \(\d+ characters\)/);
	const link = await linkBox.inputValue();
	expect(link).toMatch(/\/assignment#a1\.[A-Za-z0-9_-]+$/);
	await expect(page.getByRole('table')).toContainText('Week 1: meet the frameworks');
	await expectNoAxeViolations(page);

	// A student opens the link in their own browser, reads the lesson, takes the quiz.
	const studentContext = await browser.newContext({ acceptDownloads: true });
	const student = await studentContext.newPage();
	await student.goto(link);
	await expect(student.getByRole('heading', { level: 1 })).toHaveText(
		'Week 1: meet the frameworks'
	);
	await expect(student.getByText('Read first, then take the quiz.')).toBeVisible();
	await expectNoAxeViolations(student);
	await student.getByRole('link', { name: 'Meet the frameworks', exact: true }).click();
	const bar = student.getByRole('navigation', { name: 'Assignment' });
	await expect(bar).toContainText('Week 1: meet the frameworks');
	await bar.getByRole('link', { name: /Back to Week 1/ }).click();
	// The lesson also links to its module's quiz: wait for the assignment page.
	await expect(student).toHaveURL(/\/assignment#/);
	await student.getByRole('link', { name: 'Quiz: Meet the frameworks' }).click();
	await expect(
		student.getByRole('status').filter({ hasText: 'Part of the assignment' })
	).toBeVisible();
	await expect(student.getByText('After you submit (exam style)')).toBeVisible();
	await expect(student.getByText('1 of 2').or(student.getByText('2 of 2'))).toBeVisible();
	await student.getByRole('button', { name: 'Start the quiz' }).click();
	for (let i = 0; i < 6; i++) {
		const id = await student.locator('[data-question-id]').getAttribute('data-question-id');
		await answerCorrectly(student, OVERVIEW.question(id!));
		await expect(student.getByRole('button', { name: 'Check answer' })).toHaveCount(0);
		await nextQuestion(student);
	}
	await student.getByRole('button', { name: 'Submit quiz…' }).click();
	await student.getByRole('button', { name: 'Submit now' }).click();
	await expect(student.getByRole('status').filter({ hasText: '60%' })).toContainText('Passed');

	// "Hand in" from the result screen: the form asks for the name and the email Moodle needs.
	await student.getByRole('main').getByRole('link', { name: 'Hand in' }).click();
	await expect(student.getByRole('heading', { name: 'Hand in' })).toBeFocused();
	await expect(
		student.getByRole('listitem').filter({ hasText: 'Quiz: Meet the frameworks' })
	).toContainText('Best 60% · passed');
	await student.getByRole('button', { name: /Hand in: download/ }).click();
	await expect(student.getByRole('alert')).toContainText('Write your name');
	await student.getByLabel('Your name').fill('Ada Lovelace');
	await student.getByRole('button', { name: /Hand in: download/ }).click();
	await expect(student.getByRole('alert')).toContainText('email address');
	await student.getByLabel('Email address').fill('ada@school.example');
	const waiting = student.waitForEvent('download');
	await student.getByRole('button', { name: /Hand in: download/ }).click();
	const download = await waiting;
	expect(download.suggestedFilename()).toBe('Week-1-meet-the-frameworks-Ada-Lovelace.json');
	const handedIn = readFileSync((await download.path())!, 'utf8');
	expect(JSON.parse(handedIn).learner).toMatchObject({
		name: 'Ada Lovelace',
		email: 'ada@school.example'
	});
	await expect(student.getByText('Your instructor says')).toContainText(
		'Upload the file to the Moodle assignment “Week 1”.'
	);
	await expect(student.getByLabel('Results code')).toHaveValue(/^CK1\./);
	const code = await student.getByLabel('Results code').inputValue();
	await studentContext.close();

	// The instructor imports the file, a copy with an edited score, and the code wrapped over
	// three lines as an email client sends it.
	const dir = mkdtempSync(join(tmpdir(), 'coursekit-'));
	const honest = join(dir, 'ada.json');
	const edited = join(dir, 'ada-edited.json');
	writeFileSync(honest, handedIn);
	const forged = JSON.parse(handedIn);
	forged.attempts[0].score = 1;
	writeFileSync(edited, JSON.stringify(forged));
	await page.goto('/instructor/gradebook');
	await page
		.getByLabel('Grade for assignment')
		.selectOption({ label: 'Week 1: meet the frameworks' });
	await page.getByLabel(/Choose results files/).setInputFiles([honest, edited]);
	const files = page.getByRole('table').first();
	await expect(files.getByRole('row', { name: /^ada\.json/ })).toContainText('OK');
	await expect(files.getByRole('row', { name: /ada-edited\.json/ })).toContainText(
		'claimed score differs from the re-grade'
	);
	const third = Math.ceil(code.length / 3);
	await page
		.getByLabel(/paste results codes/)
		.fill([code.slice(0, third), code.slice(third, 2 * third), code.slice(2 * third)].join('\n'));
	await page.getByRole('button', { name: 'Import the codes' }).click();
	await expect(files.getByRole('row', { name: /pasted code/ })).toContainText(
		'the same attempt appears in another file'
	);
	// The forged copy is flagged, and does not count unless the instructor accepts it.
	const flagged = page.getByRole('region', { name: /Flagged attempts/ });
	await expect(flagged).toContainText('claimed score differs from the re-grade');

	// Reload: every import is still there, per assignment.
	await page.reload();
	await page
		.getByLabel('Grade for assignment')
		.selectOption({ label: 'Week 1: meet the frameworks' });
	await expect(page.getByRole('table').first().getByRole('row')).toHaveCount(4);
	await page.getByRole('button', { name: 'Remove ada-edited.json' }).click();
	await expect(page.getByRole('table').first().getByRole('row')).toHaveCount(3);
	await expect(page.locator('table.grades')).toContainText('60% · pass');
	await expectNoAxeViolations(page);

	// Moodle: the email column, points scaled to the item's maximum; Canvas: the columns Canvas
	// documents, a Points Possible row. No blank identifier in either.
	await page.getByRole('spinbutton', { name: 'Quiz: Meet the frameworks' }).fill('10');
	await expect(page.getByLabel('LMS and identifier')).toHaveValue('moodle:email');
	let csv = page.waitForEvent('download');
	await page.getByRole('button', { name: 'Download the CSV for Moodle' }).click();
	const moodle = readFileSync((await (await csv).path())!, 'utf8').split('\r\n');
	expect(moodle).toEqual(['Email address,Quiz: Meet the frameworks', 'ada@school.example,6']);
	await page.getByLabel('LMS and identifier').selectOption('canvas:sis_login_id');
	await expect(page.getByRole('status').filter({ hasText: 'left out' })).toContainText(
		'Ada Lovelace'
	);
	await page.getByLabel('LMS and identifier').selectOption('canvas:sis_user_id');
	await page.getByRole('spinbutton', { name: 'Quiz: Meet the frameworks' }).fill('10');
	csv = page.waitForEvent('download');
	await page.getByRole('button', { name: 'Download the CSV for Canvas' }).click();
	const canvas = readFileSync((await (await csv).path())!, 'utf8').split('\r\n');
	expect(canvas.slice(0, 2)).toEqual([
		'Student,ID,SIS User ID,SIS Login ID,Section,Quiz: Meet the frameworks',
		'Points Possible,,,,,10'
	]);
	expect(canvas).toHaveLength(2);
});

test('the gradebook imports 30 files at once', async ({ page }) => {
	const dir = mkdtempSync(join(tmpdir(), 'coursekit-class-'));
	const questions = OVERVIEW.quiz.questions;
	const hash = contentHash(questions);
	const t = new Date('2026-11-20T09:00:00Z');
	const paths = Array.from({ length: 30 }, (_, n) => {
		// Drawn as the quiz page draws them: the gradebook re-draws and compares.
		const drawn = drawQuestions(questions, OVERVIEW.quiz.settings, n);
		let a = startAttempt(
			{ courseId: 'ai-frameworks', quizId: 'overview', contentHash: hash, settings: {} },
			drawn.map((q) => q.id),
			{ id: `class-${n}`, seed: n, now: t }
		);
		for (const q of drawn.slice(0, n % 11)) a = answerQuestion(a, q.id, correctAnswer(q), t);
		const file = buildResultsFile({
			learner: { id: `learner-${n}`, name: `Learner ${String(n).padStart(2, '0')}` },
			attempts: [submitAttempt(a, questions, 70, t)],
			now: t
		});
		const path = join(dir, `learner-${n}.json`);
		writeFileSync(path, JSON.stringify(file));
		return path;
	});
	await page.goto('/instructor/gradebook');
	await expect(page.getByLabel(/Choose results files/)).toBeEnabled();
	// The page's own code (storage included) loads after it is on screen; let it finish first.
	await page.waitForLoadState('networkidle');
	const requests: string[] = [];
	page.on('request', (request) => requests.push(request.url()));
	await page.getByLabel(/Choose results files/).setInputFiles(paths);
	await expect(page.getByText('30 imported; 30 attempts re-graded.')).toBeVisible();
	// Importing sends nothing anywhere (and fetches nothing).
	expect(requests).toEqual([]);
	await expect(page.getByRole('row', { name: /^Learner 10 / })).toContainText('100% · pass');
	await page.getByLabel('Filter learners').fill('Learner 0');
	await expect(page.locator('table.grades tbody tr')).toHaveCount(10);
});

test('a damaged assignment link gets a clear page, not a crash', async ({
	page,
	consoleErrors
}) => {
	await page.goto('/assignment#a1.this-is-not-an-assignment');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(
		'This assignment link does not work'
	);
	await expect(page.getByRole('alert')).toContainText('damaged');
	await expectNoAxeViolations(page);
	expect(consoleErrors).toEqual([]);
});

test('the instructor pages fit a 390 px phone without scrolling sideways', async ({ page }) => {
	await page.setViewportSize({ width: 390, height: 844 });
	const fitsWidth = () =>
		page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
	await page.goto('/instructor');
	expect(await fitsWidth()).toBe(true);

	const dir = mkdtempSync(join(tmpdir(), 'coursekit-phone-'));
	const questions = OVERVIEW.quiz.questions;
	const t = new Date('2026-11-20T09:00:00Z');
	const paths = [0, 1, 2].map((n) => {
		const drawn = drawQuestions(questions, OVERVIEW.quiz.settings, n);
		let a = startAttempt(
			{
				courseId: 'ai-frameworks',
				quizId: 'overview',
				contentHash: contentHash(questions),
				settings: {}
			},
			drawn.map((q) => q.id),
			{ id: `phone-${n}`, seed: n, now: t }
		);
		for (const q of drawn.slice(0, n + 2)) a = answerQuestion(a, q.id, correctAnswer(q), t);
		const file = buildResultsFile({
			learner: { id: `learner-${n}`, name: `A learner with a rather long name number ${n}` },
			attempts: [submitAttempt(a, questions, 70, t)],
			now: t
		});
		const path = join(dir, `a-results-file-with-a-long-name-${n}.json`);
		writeFileSync(path, JSON.stringify(file));
		return path;
	});
	await page.goto('/instructor/gradebook');
	// The picker is enabled once the question banks are loaded.
	await expect(page.getByLabel(/Choose results files/)).toBeEnabled();
	await page.getByLabel(/Choose results files/).setInputFiles(paths);
	await expect(page.getByText('3 imported; 3 attempts re-graded.')).toBeVisible();
	await expect(page.getByRole('heading', { name: 'Quizzes and questions' })).toBeVisible();
	expect(await fitsWidth()).toBe(true);
});

test('saved assignments can be copied, edited and deleted', async ({ page, context }) => {
	await context.grantPermissions(['clipboard-read', 'clipboard-write']);
	await page.goto('/instructor');
	await expect(page.getByLabel('Course')).toHaveValue('ai-frameworks');
	await page.getByLabel('Title').fill('Week 2');
	await page.getByRole('checkbox', { name: 'Meet the frameworks', exact: true }).check();
	await page.getByRole('button', { name: 'Create the link' }).click();
	const sheet = page.getByRole('region', { name: 'Week 2' });
	await expect(sheet.getByRole('listitem')).toHaveText(['Meet the frameworks']);
	const saved = page.getByRole('region', { name: 'Your assignments' });
	await saved.getByRole('button', { name: 'Copy link' }).click();
	await expect(saved.getByRole('status')).toHaveText('Link to “Week 2” copied.');
	expect(await page.evaluate(() => navigator.clipboard.readText())).toMatch(/#a1\./);

	await saved.getByRole('button', { name: 'Edit' }).click();
	await expect(page.getByRole('heading', { name: 'Edit “Week 2”' })).toBeVisible();
	await expect(page.getByLabel('Title')).toHaveValue('Week 2');
	await page.getByLabel('Title').fill('Week 2 (revised)');
	await page.getByRole('button', { name: 'Save and make a new link' }).click();
	await expect(saved.getByRole('row')).toHaveCount(2);
	await expect(saved.getByRole('row').nth(1)).toContainText('Week 2 (revised)');

	page.once('dialog', (dialog) => void dialog.accept());
	await saved.getByRole('button', { name: 'Delete' }).click();
	await expect(saved).toContainText('The assignments you create are listed here');
	await page.reload();
	await expect(saved).toContainText('The assignments you create are listed here');
});

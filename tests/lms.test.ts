/**
 * The course as an LMS runs it (issue 11): the SCORM package, unzipped under a deep sub-path of
 * a plain static server, launched by a host page whose API is scorm-again's. The LMS's own CMI
 * data is what is checked: status, score, interactions, suspend data, and a relaunch on another
 * computer (a fresh browser context) that resumes.
 */
import type { BrowserContext, Page } from '@playwright/test';
import { expect, test } from './support/fixtures.ts';
import { answerCorrectly } from './support/keyboard.ts';
import { nextQuestion, quizOf } from './support/quiz.ts';
import { CONTENT_PATH, serveLms, unzippedPackage, type LmsHost } from './support/lms-host.ts';
import { startTestLrs, type TestLrs } from './lrs/server.ts';
import { received } from './lrs/received.ts';

// One worker: the packages are built once, in turn, when dist/ lacks them.
test.describe.configure({ mode: 'serial' });

const OVERVIEW = quizOf('overview');
const COURSE_PAGE = `${CONTENT_PATH}courses/ai-frameworks.html`;
const LEARNER = {
	'1.2': { core: { student_id: 'u-42', student_name: 'Lovelace, Ada', entry: 'ab-initio' } },
	'2004': { learner_id: 'u-42', learner_name: 'Lovelace, Ada', entry: 'ab-initio' }
} as const;

type Version = keyof typeof LEARNER;
type LmsData = { flat: Record<string, string>; json: Record<string, unknown> };

declare global {
	interface Window {
		launchPackage(version: Version, cmi: object, launch: string, how: 'window' | 'frame'): void;
		lmsData(): LmsData;
		commits: number;
		finished: boolean;
	}
}

/** Opens the host page and launches the course in a window of its own, as many LMSs do. */
async function launch(context: BrowserContext, lms: LmsHost, version: Version, cmi: object) {
	const host = await context.newPage();
	await host.goto(`${lms.url}/lms/host.html`);
	const opened = context.waitForEvent('page');
	await host.evaluate(
		([version, cmi, launch]) => window.launchPackage(version, cmi, launch, 'window'),
		[version, cmi, COURSE_PAGE] as const
	);
	const sco = await opened;
	await expect(sco.getByRole('status').filter({ hasText: 'Your LMS records' })).toContainText(
		'Lovelace, Ada'
	);
	return { host, sco };
}

/** Takes the overview quiz, answering every question correctly, by keyboard. */
async function takeOverviewQuiz(sco: Page) {
	await sco.getByRole('link', { name: OVERVIEW.quiz.title }).click();
	await sco.getByRole('button', { name: /Start/ }).click();
	const count = OVERVIEW.quiz.questions.length;
	for (let i = 0; i < count; i++) {
		const id = await sco.locator('[data-question-id]').getAttribute('data-question-id');
		await answerCorrectly(sco, OVERVIEW.question(id!));
		if (i < count - 1) await nextQuestion(sco);
	}
	await sco.getByRole('button', { name: 'Submit quiz…' }).click();
	await sco.getByRole('button', { name: 'Submit now' }).click();
	await expect(sco.getByRole('heading', { name: 'Your result' })).toBeVisible();
}

for (const version of ['1.2', '2004'] as const) {
	const format = version === '1.2' ? 'scorm12' : 'scorm2004';
	test.describe(`SCORM ${version} package`, () => {
		let lms: LmsHost;
		test.beforeAll(async () => {
			test.setTimeout(180_000);
			const dir = unzippedPackage(`ai-frameworks-${format}`, [
				'--course',
				'ai-frameworks',
				'--format',
				format
			]);
			lms = await serveLms(dir);
		});
		test.afterAll(() => lms?.close());

		test('reports status, score and one interaction per question, and a relaunch resumes', async ({
			browser
		}) => {
			const first = await browser.newContext();
			const { host, sco } = await launch(first, lms, version, LEARNER[version]);

			// A lesson, read and marked as done, by links alone (no page load would keep the session).
			await sco.getByRole('link', { name: 'Meet the frameworks', exact: true }).click();
			await sco.getByRole('button', { name: 'Mark this lesson as done' }).click();
			await expect(sco.getByRole('button', { name: '✓ Done' })).toBeVisible();
			await sco
				.getByRole('link', { name: /AI Frameworks/ })
				.first()
				.click();
			await takeOverviewQuiz(sco);

			const v12 = version === '1.2';
			const el = (name12: string, name2004: string) => (v12 ? name12 : name2004);
			await expect
				.poll(
					async () =>
						(await host.evaluate(() => window.lmsData())).flat[
							el('cmi.core.score.raw', 'cmi.score.raw')
						]
				)
				.toBe('16.67');
			const { flat } = await host.evaluate(() => window.lmsData());
			// Six quizzes: one at 100 %, five not taken; not every lesson read, so not complete.
			expect(flat[el('cmi.core.lesson_status', 'cmi.completion_status')]).toBe('incomplete');
			if (!v12) {
				expect(flat['cmi.score.scaled']).toBe('0.1667');
				expect(flat['cmi.success_status']).toBe('unknown');
			}
			const count = OVERVIEW.quiz.questions.length;
			const ids = Array.from({ length: count }, (_, i) => flat[`cmi.interactions.${i}.id`]);
			expect(new Set(ids).size).toBe(count);
			expect(Array.from({ length: count }, (_, i) => flat[`cmi.interactions.${i}.result`])).toEqual(
				Array(count).fill('correct')
			);
			expect(flat['cmi.interactions.0.type']).toBeTruthy();
			expect(flat['cmi.interactions.0.correct_responses.0.pattern']).toBeTruthy();
			const suspend = flat['cmi.suspend_data'];
			expect(suspend.startsWith('CKS1.')).toBe(true);
			expect(suspend.length).toBeLessThanOrEqual(v12 ? 4096 : 64000);
			expect(await host.evaluate(() => window.commits)).toBeGreaterThan(count);
			console.log(
				`SCORM ${version} CMI after the quiz: status ${flat[el('cmi.core.lesson_status', 'cmi.completion_status')]}, ` +
					`score ${flat[el('cmi.core.score.raw', 'cmi.score.raw')]}, interaction 0: ` +
					JSON.stringify(
						Object.fromEntries(
							Object.entries(flat).filter(([key]) => key.startsWith('cmi.interactions.0.'))
						)
					) +
					`, suspend data ${suspend.length} characters`
			);

			// Leaving the course finishes the session: suspended, with the time spent.
			await sco.close({ runBeforeUnload: true });
			await expect.poll(() => host.evaluate(() => window.finished)).toBe(true);
			const stored = await host.evaluate(() => window.lmsData());
			expect(stored.flat[el('cmi.core.exit', 'cmi.exit')]).toBe('suspend');
			expect(stored.flat[el('cmi.core.session_time', 'cmi.session_time')]).toMatch(
				v12 ? /^\d{2,4}:\d{2}:\d{2}/ : /^PT/
			);
			await first.close();

			// Another computer: nothing in its browser; the LMS relaunches with what it stored.
			const relaunch = stored.json as Record<string, Record<string, unknown>>;
			if (v12) relaunch.core.entry = 'resume';
			else (relaunch as Record<string, unknown>).entry = 'resume';
			const second = await browser.newContext();
			const again = await launch(second, lms, version, relaunch);
			await expect(again.sco.locator('.state').first()).toContainText('100%');
			await again.sco.getByRole('link', { name: 'Meet the frameworks', exact: true }).click();
			await expect(again.sco.getByRole('button', { name: '✓ Done' })).toBeVisible();
			await second.close();
		});
	});
}

test.describe('cmi5 package', () => {
	// The package's CSP names its LMS's LRS, as `--lrs-origin` does for a real LMS.
	const PORT = 4181;
	let lrs: TestLrs;
	let lms: LmsHost;
	test.beforeAll(async () => {
		test.setTimeout(180_000);
		lrs = await startTestLrs({ port: PORT });
		const name = 'ai-frameworks-cmi5-test';
		const dir = unzippedPackage(name, [
			'--course',
			'ai-frameworks',
			'--format',
			'cmi5',
			'--lrs-origin',
			`http://127.0.0.1:${PORT}`,
			'--name',
			name
		]);
		lms = await serveLms(dir);
	});
	test.afterAll(async () => {
		await lms?.close();
		await lrs?.close();
	});

	test('sends initialized, one answered per question and terminated to the LMS’s LRS, each once', async ({
		browser
	}) => {
		const launch = lrs.createCmi5Launch();
		const context = await browser.newContext();
		const sco = await context.newPage();
		await sco.goto(launch.launchUrl(`${lms.url}${COURSE_PAGE}`));
		await expect(sco.getByRole('status').filter({ hasText: 'Your LMS records' })).toContainText(
			'Ada Lovelace'
		);
		await sco.getByRole('link', { name: 'Meet the frameworks', exact: true }).click();
		await sco.getByRole('button', { name: 'Mark this lesson as done' }).click();
		await sco
			.getByRole('link', { name: /AI Frameworks/ })
			.first()
			.click();
		await takeOverviewQuiz(sco);

		const verbs = () => received(lrs.statements()).map((s) => s.verb);
		const count = OVERVIEW.quiz.questions.length;
		await expect.poll(() => verbs().filter((v) => v === 'answered').length).toBe(count);
		await sco.close({ runBeforeUnload: true });
		await expect.poll(() => verbs().at(-1)).toBe('terminated');
		const sent = verbs();
		expect(sent[0]).toBe('initialized');
		// One lesson of seven and one quiz of six: neither completed nor passed nor failed yet.
		expect(sent.filter((v) => !['initialized', 'answered', 'terminated'].includes(v!))).toEqual([]);
		expect(sent.filter((v) => v === 'terminated')).toHaveLength(1);
		const ids = received(lrs.statements()).map((s) => s.id);
		expect(new Set(ids).size).toBe(ids.length);
		expect(received(lrs.statements()).every((s) => s.registration === launch.registration)).toBe(
			true
		);
		console.log(`cmi5: the LRS stored ${sent.length} statements: ${sent.join(', ')}`);
		await context.close();
	});
});

test('without an LMS the package is the normal app, and its pages work from a sub-path by links and reloads', async ({
	browser
}) => {
	const dir = unzippedPackage('ai-frameworks-scorm12', [
		'--course',
		'ai-frameworks',
		'--format',
		'scorm12'
	]);
	const lms = await serveLms(dir);
	const context = await browser.newContext();
	const page = await context.newPage();
	const failed: string[] = [];
	page.on('response', (r) => void (r.status() >= 400 && failed.push(`${r.status()} ${r.url()}`)));
	await page.goto(`${lms.url}${COURSE_PAGE}`);
	await page.getByRole('link', { name: 'Meet the frameworks', exact: true }).click();
	await expect(page).toHaveURL(/lessons\/overview\.html$/);
	await page.getByRole('button', { name: 'Mark this lesson as done' }).click();
	await page.reload();
	await expect(page.getByRole('button', { name: '✓ Done' })).toBeVisible();
	await page.getByRole('link', { name: 'Your progress' }).click();
	await expect(page).toHaveURL(/progress\.html$/);
	await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
	expect(failed).toEqual([]);
	await context.close();
	await lms.close();
});

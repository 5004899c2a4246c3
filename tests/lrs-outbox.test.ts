/**
 * Statements to an LRS through the offline outbox (issue 11), against the strict test LRS: a
 * learner launched with the classic xAPI parameters answers a quiz while the LRS cannot be
 * reached, closes the tab, and comes back later; every statement arrives exactly once, in order.
 * The site is built for this test with the test LRS's origin as its one allowed LRS (CSP
 * `connect-src` and the endpoint allow-list), and served as static files.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from './support/fixtures.ts';
import { answerCorrectly } from './support/keyboard.ts';
import { nextQuestion, quizOf, quizPath } from './support/quiz.ts';
import { startTestLrs, type TestLrs } from './lrs/server.ts';
import { received } from './lrs/received.ts';
import { builtSite } from './support/lms-host.ts';
import { serveBuild, type StaticServer } from './support/static-server.ts';

const OVERVIEW = quizOf('overview');
const REGISTRATION = '6f1a2b3c-4d5e-4f60-8a7b-9c0d1e2f3a4b';
// One worker: the test LRS listens on one port.
test.describe.configure({ mode: 'serial' });

const PORT = 4182;
let lrs: TestLrs;
let site: StaticServer;

test.beforeAll(async () => {
	test.setTimeout(180_000);
	lrs = await startTestLrs({ port: PORT });
	const dir = builtSite('site-with-test-lrs', {
		VITE_COURSEKIT_LRS_ORIGINS: `http://127.0.0.1:${PORT}`
	});
	site = await serveBuild(dir);
});
test.afterAll(async () => {
	await site?.close();
	await lrs?.close();
});

test('the CSP lets the site reach exactly the LRS origins it was built with', () => {
	const connectSrc = (dir: string) =>
		/connect-src ([^;"]*)/.exec(readFileSync(join(dir, 'index.html'), 'utf8'))?.[1];
	expect(connectSrc(builtSite('site-with-test-lrs', {}))).toBe(`'self' http://127.0.0.1:${PORT}`);
	expect(connectSrc(join(import.meta.dirname, '..', 'build'))).toBe(`'self'`);
});

test('statements made offline reach the LRS once each, in order, after the tab was closed', async ({
	browser
}) => {
	const context = await browser.newContext({ baseURL: site.url });
	const page = await context.newPage();
	const actor = { name: 'Ada', account: { homePage: 'https://lms.test', name: 'ada' } };
	const launch = new URLSearchParams({
		endpoint: lrs.endpoint,
		auth: lrs.basicAuth,
		actor: JSON.stringify(actor),
		registration: REGISTRATION
	});

	// The LRS is unreachable for the whole quiz.
	lrs.setOffline('refuse');
	await page.goto(`${quizPath('overview')}?${launch}`);
	// The credential leaves the address bar at once.
	await expect(page).not.toHaveURL(/auth=/);
	await page.getByRole('button', { name: /Start/ }).click();
	const count = OVERVIEW.quiz.questions.length;
	for (let i = 0; i < count; i++) {
		const id = await page.locator('[data-question-id]').getAttribute('data-question-id');
		await answerCorrectly(page, OVERVIEW.question(id!));
		if (i < count - 1) await nextQuestion(page);
	}
	await page.getByRole('button', { name: 'Submit quiz…' }).click();
	await page.getByRole('button', { name: 'Submit now' }).click();
	await expect(page.getByRole('heading', { name: 'Your result' })).toBeVisible();

	// /progress says what is waiting, and where it goes.
	await page.getByRole('link', { name: 'Your progress' }).click();
	const panel = page.getByRole('region', { name: 'Learning record store' });
	await expect(panel).toContainText(/\d+ statements? waiting/);
	await expect(panel).toContainText('127.0.0.1');
	expect(lrs.statements()).toEqual([]);
	await page.close({ runBeforeUnload: true });

	// Later, with the LRS back: a new visit (no launch link) sends what waited.
	lrs.setOffline(false);
	const later = await context.newPage();
	await later.goto('/progress');
	const verbs = () => received(lrs.statements()).map((s) => s.verb);
	await expect.poll(verbs, { timeout: 30_000 }).toContain('passed');
	await expect(later.getByRole('region', { name: 'Learning record store' })).toContainText(
		/Nothing is waiting|Everything you did has been sent/
	);
	const sent = verbs();
	expect(sent[0]).toBe('attempted');
	expect(sent.filter((v) => v === 'answered')).toHaveLength(count);
	expect(sent.slice(-2)).toEqual(['completed', 'passed']);
	const ids = received(lrs.statements()).map((s) => s.id);
	expect(new Set(ids).size).toBe(ids.length);
	expect(received(lrs.statements()).every((s) => s.account === 'ada')).toBe(true);
	expect(received(lrs.statements()).every((s) => s.registration === REGISTRATION)).toBe(true);
	// Nothing more is sent on a further visit.
	await later.reload();
	await later.waitForTimeout(1000);
	expect(lrs.statements()).toHaveLength(sent.length);
	console.log(`outbox: ${sent.length} statements delivered once each after an offline quiz`);
	await context.close();
});

import { expect, test } from './support/fixtures.ts';
import { quizOf, quizPath } from './support/quiz.ts';
import { answerCorrectly } from './support/keyboard.ts';
import { join } from 'node:path';
import { serveBuild } from './support/static-server.ts';
import type { Page } from '@playwright/test';

/** The first visit: waits until the service worker has cached the site and controls the page. */
async function firstVisit(page: Page) {
	await page.goto('/');
	await page.evaluate(async () => {
		await navigator.serviceWorker.ready;
	});
	await page.reload();
	await expect.poll(() => page.evaluate(() => !!navigator.serviceWorker.controller)).toBe(true);
}

test('after the first visit every page works with the network off', async ({ page, context }) => {
	await firstVisit(page);
	await context.setOffline(true);

	await page.goto('/courses/ai-frameworks');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(
		'AI Frameworks: TensorFlow vs PyTorch vs Keras'
	);
	await page.getByRole('link', { name: 'Meet the frameworks', exact: true }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Meet the frameworks');
	await page.getByRole('link', { name: /Next lesson/ }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(/Key differences/);

	// Take a whole quiz offline.
	const overview = quizOf('overview');
	await page.goto(quizPath('overview'));
	await page.getByRole('button', { name: 'Start the quiz' }).click();
	const id = await page.locator('[data-question-id]').getAttribute('data-question-id');
	await answerCorrectly(page, overview.question(id!));
	await page.getByRole('button', { name: 'Check answer' }).click();
	await expect(page.getByRole('heading', { name: 'Correct', exact: true })).toBeVisible();
	await page.getByRole('button', { name: 'Submit quiz…' }).click();
	await page.getByRole('button', { name: 'Submit now' }).click();
	await expect(page.getByRole('heading', { name: 'Your result' })).toBeVisible();

	await page.goto('/progress');
	await expect(page.getByRole('heading', { name: 'Mastery per topic' })).toBeVisible();
	await page.goto('/review');
	await expect(page.getByRole('status').filter({ hasText: 'due now' })).toContainText('of 1.');
	await page.goto('/instructor');
	await expect(page.getByRole('button', { name: 'Create the link' })).toBeVisible();
	await page.goto('/instructor/gradebook');
	await expect(page.getByLabel(/Choose results files/)).toBeEnabled();
	await page.goto('/no/such/page');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found');
});

test('a new deployment offers "reload", and only then takes over', async ({ page }) => {
	// Our own server, so the test can change the service worker it sends: a new deployment.
	const server = await serveBuild(join(process.cwd().replace(/\/tests$/, ''), 'build'));
	try {
		await page.goto(`${server.url}/`);
		await page.evaluate(async () => {
			await navigator.serviceWorker.ready;
		});
		await page.reload();
		await expect.poll(() => page.evaluate(() => !!navigator.serviceWorker.controller)).toBe(true);
		const current = await (await page.request.get(`${server.url}/service-worker.js`)).text();
		server.override('/service-worker.js', `${current}\n// the next deployment`);
		await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.update());
		const prompt = page
			.getByRole('status')
			.filter({ hasText: 'A new version of Coursekit is ready' });
		await expect(prompt).toBeVisible();
		// Until the learner chooses, the old version keeps running the page.
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Courses');
		const reloaded = page.waitForEvent('load');
		await prompt.getByRole('button', { name: 'Reload' }).click();
		await reloaded;
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Courses');
		await expect(prompt).toHaveCount(0);
	} finally {
		await server.close();
	}
});

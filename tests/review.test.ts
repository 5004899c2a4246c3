import { expect, expectNoAxeViolations, test } from './support/fixtures.ts';
import { answerCorrectly, tabTo } from './support/keyboard.ts';
import { nextQuestion, quizOf, quizPath } from './support/quiz.ts';

const OVERVIEW = quizOf('overview');

test('answered questions come back for review on schedule, by keyboard', async ({ page }) => {
	await page.clock.install({ time: new Date('2026-11-25T10:00:00Z') });
	await page.goto('/review');
	await expect(page.getByText('Nothing to review yet.')).toBeVisible();
	await expectNoAxeViolations(page);

	// Three questions answered right in a quiz become three cards, due in ten minutes.
	await page.goto(quizPath('overview'));
	await page.getByRole('button', { name: 'Start the quiz' }).click();
	for (let i = 0; i < 3; i++) {
		const id = await page.locator('[data-question-id]').getAttribute('data-question-id');
		await answerCorrectly(page, OVERVIEW.question(id!));
		await nextQuestion(page);
	}
	await page.getByRole('button', { name: 'Submit quiz…' }).click();
	await page.getByRole('button', { name: 'Submit now' }).click();
	await expect(page.getByRole('heading', { name: 'Your result' })).toBeVisible();

	await page.goto('/review');
	await expect(page.getByRole('status').filter({ hasText: 'due now' })).toHaveText(
		'0 cards due now, of 3.'
	);
	await expect(page.getByText(/The next card is due/)).toBeVisible();
	await expect(page.getByRole('link', { name: 'Review', exact: true })).toBeVisible();

	await page.clock.fastForward('11:00');
	await page.reload();
	await expect(page.getByRole('status').filter({ hasText: 'due now' })).toHaveText(
		'3 cards due now, of 3.'
	);
	await expect(page.getByRole('link', { name: 'Review 3 due' })).toBeVisible();
	await expectNoAxeViolations(page);
	await tabTo(page, page.getByRole('button', { name: 'Start reviewing (3 cards)' }));
	await page.keyboard.press('Enter');
	for (const rating of ['Good', 'Easy', 'Hard']) {
		const id = await page.locator('[data-question-id]').getAttribute('data-question-id');
		await answerCorrectly(page, OVERVIEW.question(id!), `review-${id}`);
		await tabTo(page, page.getByRole('button', { name: 'Check answer' }));
		await page.keyboard.press('Enter');
		await expect(page.getByRole('region', { name: 'Feedback' })).toBeFocused();
		await expect(page.getByRole('heading', { name: 'Correct', exact: true })).toBeVisible();
		await expect(
			page.getByRole('link', { name: /Review in the lesson: Meet the frameworks/ })
		).toBeVisible();
		await tabTo(page, page.getByRole('button', { name: rating, exact: true }));
		await page.keyboard.press('Enter');
	}
	await expect(page.getByRole('heading', { name: 'Session done' })).toBeFocused();
	await expect(page.getByText('You reviewed 3 cards: 0 to see again soon.')).toBeVisible();
	await page.getByRole('button', { name: 'Back to review' }).click();
	await expect(page.getByRole('status').filter({ hasText: 'due now' })).toHaveText(
		'0 cards due now, of 3.'
	);
	await page.goto('/');
	await expect(page.getByRole('link', { name: 'Review', exact: true })).toBeVisible();
});

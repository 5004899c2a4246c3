import { readFileSync } from 'node:fs';
import { expect, expectNoAxeViolations, test } from './support/fixtures.ts';
import { answerCorrectly, tabTo } from './support/keyboard.ts';
import { nextQuestion, quizOf, quizPath } from './support/quiz.ts';
import type { Page } from '@playwright/test';

// The overview quiz has every one of the seven question types.
const OVERVIEW = quizOf('overview');
// The quiz that has every question type (the keyboard journey answers one of each).
const ALL_TYPES = quizOf('graphs-and-usability');

const currentQuestionId = (page: Page) =>
	page.locator('[data-question-id]').getAttribute('data-question-id');

async function start(page: Page, quizId = 'overview', { storage = true } = {}) {
	await page.goto(quizPath(quizId));
	await page.getByRole('button', { name: /Start the quiz|Start a new attempt/ }).click();
	await expect(page.getByRole('heading', { name: /Question 1 of/ })).toBeFocused();
	if (storage) await expect(page.getByText('All answers saved')).toBeVisible();
}

/**
 * Counts the keys a test presses (Tab, Enter, Space, arrows…) and the characters it types, so that
 * a journey's cost to a keyboard user is a number a change can be held to.
 */
function countKeys(page: Page) {
	const counts = { presses: 0, typed: 0 };
	const { press, type } = page.keyboard;
	page.keyboard.press = (key, options) => {
		counts.presses++;
		return press.call(page.keyboard, key, options);
	};
	page.keyboard.type = (text, options) => {
		counts.typed += text.length;
		return type.call(page.keyboard, text, options);
	};
	return counts;
}

/** Every attempt gets the same seed, so the questions and options come in the same order. */
async function fixSeed(page: Page, seed: number) {
	await page.addInitScript((seed) => {
		const random = crypto.getRandomValues.bind(crypto);
		crypto.getRandomValues = ((array: ArrayBufferView<ArrayBuffer>) => {
			if (array instanceof Uint32Array && array.length === 1) {
				array[0] = seed;
				return array;
			}
			return random(array);
		}) as typeof crypto.getRandomValues;
	}, seed);
}

test('keyboard only: every question type answered correctly scores 100%', async ({
	page,
	consoleErrors
}) => {
	await fixSeed(page, 20261126);
	const keys = countKeys(page);
	await page.goto(quizPath(ALL_TYPES.quiz.id));
	const startButton = page.getByRole('button', { name: 'Start the quiz' });
	await tabTo(page, startButton);
	await page.keyboard.press('Enter');
	const types = new Set<string>();
	const total = ALL_TYPES.quiz.questions.length;
	for (let i = 0; i < total; i++) {
		await expect(
			page.getByRole('heading', { name: `Question ${i + 1} of ${total}` })
		).toBeVisible();
		const question = ALL_TYPES.question((await currentQuestionId(page))!);
		types.add(question.type);
		await answerCorrectly(page, question);
		await tabTo(page, page.getByRole('button', { name: 'Check answer' }));
		await page.keyboard.press('Enter');
		await expect(page.getByRole('region', { name: 'Feedback' })).toBeFocused();
		await expect(page.getByRole('heading', { name: 'Correct', exact: true })).toBeVisible();
		if (i < total - 1) {
			await tabTo(page, page.getByRole('button', { name: 'Next →' }));
			await page.keyboard.press('Enter');
		}
	}
	expect(types.size).toBe(7);
	await tabTo(page, page.getByRole('button', { name: 'Submit quiz…' }));
	await page.keyboard.press('Enter');
	const dialog = page.getByRole('dialog', { name: 'Submit your answers?' });
	await expect(dialog).toContainText('You have answered every question');
	await tabTo(page, dialog.getByRole('button', { name: 'Submit now' }));
	await page.keyboard.press('Enter');
	await expect(page.getByRole('heading', { name: 'Your result' })).toBeFocused();
	await expect(page.getByRole('status').filter({ hasText: '100%' })).toContainText('Passed');
	test.info().annotations.push({
		type: 'key presses',
		description: `${keys.presses} presses (Tab, Enter, Space, arrows, Home) and ${keys.typed} typed characters`
	});
	console.log(`keyboard journey: ${keys.presses} presses, ${keys.typed} typed characters`);
	expect(consoleErrors).toEqual([]);
});

test('a wrong answer shows why: the right answer, the explanation and the lesson section', async ({
	page
}) => {
	await start(page);
	// Walk to a single-choice question (the order is shuffled per attempt).
	let question = OVERVIEW.question((await currentQuestionId(page))!);
	while (question.type !== 'single') {
		await nextQuestion(page);
		question = OVERVIEW.question((await currentQuestionId(page))!);
	}
	const wrong = question.options.find((o) => !o.correct)!;
	await page.getByRole('radio', { name: wrong.text, exact: true }).check();
	await page.getByRole('button', { name: 'Check answer' }).click();
	const feedback = page.getByRole('region', { name: 'Feedback' });
	await expect(feedback.getByRole('heading', { name: 'Not correct' })).toBeVisible();
	await expect(feedback).toContainText('The right answer:');
	await expect(feedback).toContainText(question.options.find((o) => o.correct)!.text);
	if (wrong.feedback) await expect(feedback).toContainText(wrong.feedback);
	const [lesson, anchor] = question.source.split('#');
	await expect(feedback.getByRole('link', { name: /Review in the lesson/ })).toHaveAttribute(
		'href',
		new RegExp(`/lessons/${lesson}#${anchor}$`)
	);
	// A checked answer is locked.
	await expect(page.getByRole('radio').first()).toBeDisabled();
	await feedback.getByRole('link', { name: /Review in the lesson/ }).click();
	await expect(page.locator(`h2#${anchor}`)).toBeInViewport();
});

test('a reload keeps every answer and the current question', async ({ page }) => {
	await start(page);
	const answered: string[] = [];
	for (let i = 0; i < 3; i++) {
		const question = OVERVIEW.question((await currentQuestionId(page))!);
		await answerCorrectly(page, question);
		answered.push(question.id);
		await nextQuestion(page);
	}
	const current = await currentQuestionId(page);
	await expect(page.getByText('All answers saved')).toBeVisible();
	await page.reload();
	await expect(page.getByText('3 of 10 answered')).toBeVisible();
	await page.getByRole('button', { name: 'Resume the quiz' }).click();
	expect(await currentQuestionId(page)).toBe(current);
	await expect(page.getByText('3 of 10 answered')).toBeVisible();
	for (const [i] of answered.entries()) {
		await expect(page.getByRole('button', { name: `Question ${i + 1}, answered` })).toBeVisible();
	}
	await page.getByRole('button', { name: /^Question 1,/ }).click();
	// The first answer is still selected or typed.
	const first = OVERVIEW.question(answered[0]);
	const scope = page.locator(`[data-question-id="${first.id}"]`);
	if (first.type === 'text') await expect(scope.getByRole('textbox')).toHaveValue(first.answers[0]);
	else if (first.type === 'single' || first.type === 'truefalse')
		await expect(scope.getByRole('radio', { checked: true })).toHaveCount(1);
	else await expect(page.getByText('3 of 10 answered')).toBeVisible();
});

test('closing the tab and opening the quiz again resumes the attempt', async ({
	page,
	context
}) => {
	await start(page);
	const question = OVERVIEW.question((await currentQuestionId(page))!);
	await answerCorrectly(page, question);
	await page.getByRole('button', { name: 'Flag for review' }).click();
	await expect(page.getByText('All answers saved')).toBeVisible();
	await page.close();
	const again = await context.newPage();
	await again.goto(quizPath('overview'));
	await again.getByRole('button', { name: 'Resume the quiz' }).click();
	await expect(again.getByRole('button', { name: 'Question 1, answered, flagged' })).toBeVisible();
	expect(await currentQuestionId(again)).toBe(question.id);
});

test('a second tab on the same attempt is read-only and follows the first', async ({
	page,
	context
}) => {
	await start(page);
	const second = await context.newPage();
	await second.goto(quizPath('overview'));
	await second.getByRole('button', { name: 'Resume the quiz' }).click();
	await expect(second.getByRole('status').filter({ hasText: 'open in another tab' })).toBeVisible();
	await expect(second.getByRole('button', { name: 'Submit quiz…' })).toBeDisabled();
	const question = OVERVIEW.question((await currentQuestionId(page))!);
	await answerCorrectly(page, question);
	await expect(second.getByText('1 of 10 answered')).toBeVisible();
	await expect(page.getByText('1 of 10 answered')).toBeVisible();
});

test('when storage fails, the quiz says so, still grades, and offers a backup', async ({
	page
}) => {
	await page.addInitScript(() => {
		// Private mode or disabled storage: every IndexedDB open fails.
		Object.defineProperty(window, 'indexedDB', { value: undefined });
	});
	await start(page, 'overview', { storage: false });
	await expect(page.getByText('All answers saved')).toHaveCount(0);
	await expect(page.getByRole('alert')).toContainText('can’t be saved in this browser');
	const question = OVERVIEW.question((await currentQuestionId(page))!);
	await answerCorrectly(page, question);
	const download = page.waitForEvent('download');
	await page.getByRole('button', { name: 'Download a backup of your work' }).click();
	expect((await download).suggestedFilename()).toMatch(/^coursekit-backup-\d{4}-\d\d-\d\d\.json$/);
	// The backup holds the attempt in progress, so it can be restored in another browser.
	const backup = JSON.parse(readFileSync((await (await download).path())!, 'utf8'));
	expect(backup.format).toBe('coursekit-backup');
	expect(backup.attempts[0].answers[question.id]).toBeDefined();
	await page.getByRole('button', { name: 'Submit quiz…' }).click();
	await page.getByRole('button', { name: 'Submit now' }).click();
	await expect(page.getByRole('status').filter({ hasText: '10%' })).toContainText('Not passed');
});

test('when storage is full, saving fails visibly and the work stays on screen', async ({
	page
}) => {
	await page.addInitScript(() => {
		IDBObjectStore.prototype.put = () => {
			throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
		};
	});
	await start(page, 'overview', { storage: false });
	await expect(page.getByRole('alert')).toContainText(
		'couldn’t save your answers: the browser’s storage is full'
	);
	const question = OVERVIEW.question((await currentQuestionId(page))!);
	await answerCorrectly(page, question);
	await expect(page.getByText('1 of 10 answered')).toBeVisible();
});

test('the time limit submits the attempt when it runs out, also after a reload', async ({
	page
}) => {
	await page.clock.install();
	await start(page, 'deployment-and-hardware');
	await expect(page.locator('time')).toHaveText(/^(20:00|19:5\d)$/);
	await page.clock.fastForward('10:00');
	await page.reload();
	await page.getByRole('button', { name: 'Resume the quiz' }).click();
	await expect(page.locator('time')).toHaveText(/^(10:00|9:5\d)$/);
	await page.clock.fastForward('10:05');
	await expect(page.getByRole('heading', { name: 'Your result' })).toBeVisible();
	await expect(page.getByText('automatically, when the time ran out')).toBeVisible();

	// Time that runs out while the page is closed is noticed on the next visit.
	await page.getByRole('button', { name: 'Quiz overview' }).click();
	await page.getByRole('button', { name: 'Start a new attempt' }).click();
	await expect(page.getByText('All answers saved')).toBeVisible();
	await page.goto('/');
	await page.clock.fastForward('25:00');
	await page.goto(quizPath('deployment-and-hardware'));
	await expect(page.getByRole('row').filter({ hasText: 'time ran out' })).toHaveCount(2);
});

test('a submitted attempt cannot be changed and is listed in the history', async ({ page }) => {
	await start(page);
	await page.getByRole('button', { name: 'Submit quiz…' }).click();
	await expect(page.getByRole('dialog')).toContainText('You have not answered 10 of 10');
	await page.getByRole('button', { name: 'Submit now' }).click();
	await expect(page.getByRole('heading', { name: 'Your result' })).toBeVisible();
	await expect(page.getByRole('radio').first()).toBeDisabled();
	await page.getByRole('button', { name: 'Quiz overview' }).click();
	await expect(page.getByRole('table').getByRole('row')).toHaveCount(2);
	await page.goto('/courses/ai-frameworks');
	await expect(
		page.getByRole('listitem').filter({ hasText: 'Quiz: Meet the frameworks' })
	).toContainText('Not passed yet · best 0% (1 attempt)');
});

for (const colorScheme of ['light', 'dark'] as const) {
	test(`axe: start, question, feedback and result screens (${colorScheme})`, async ({ page }) => {
		await page.emulateMedia({ colorScheme });
		await page.goto(quizPath('overview'));
		await expectNoAxeViolations(page);
		await page.getByRole('button', { name: 'Start the quiz' }).click();
		await expectNoAxeViolations(page);
		const question = OVERVIEW.question((await currentQuestionId(page))!);
		await answerCorrectly(page, question);
		await page.getByRole('button', { name: 'Check answer' }).click();
		await expectNoAxeViolations(page);
		await page.getByRole('button', { name: 'Submit quiz…' }).click();
		await expectNoAxeViolations(page);
		await page.getByRole('button', { name: 'Submit now' }).click();
		await expect(page.getByRole('heading', { name: 'Your result' })).toBeVisible();
		await expectNoAxeViolations(page);
	});
}

/**
 * Answering without friction: the step forward stays on screen, focus lands somewhere visible
 * after each step, and the pages around a quiz lead to it and confirm what they did.
 */
import type { Locator, Page } from '@playwright/test';
import { COURSES, expect, test } from './support/fixtures.ts';
import { answerCorrectly, tabTo } from './support/keyboard.ts';
import { quizOf, quizPath } from './support/quiz.ts';

// Every question type, so every kind of input and feedback is measured.
const ALL_TYPES = quizOf('graphs-and-usability');
const SIZES = [
	{ name: 'phone', width: 390, height: 844 },
	{ name: 'desktop', width: 1280, height: 800 }
];
/** Where screenshots go when SCREENSHOTS names a folder (a person looks at them; tests do not). */
const SCREENSHOTS = process.env.SCREENSHOTS;

const currentQuestionId = (page: Page) =>
	page.locator('[data-question-id]').getAttribute('data-question-id');

/** The focus outline as drawn: style and width, from the element's computed style. */
const outline = (target: Locator) =>
	target.evaluate((el) => {
		const style = getComputedStyle(el);
		return { style: style.outlineStyle, width: parseFloat(style.outlineWidth) };
	});

async function expectVisibleFocus(target: Locator) {
	await expect(target).toBeFocused();
	await expect(target).toBeInViewport();
	const drawn = await outline(target);
	expect(drawn.style).not.toBe('none');
	expect(drawn.width).toBeGreaterThanOrEqual(2);
}

for (const size of SIZES) {
	test(`${size.name} (${size.width}×${size.height}): after "Check answer" the next step is on screen and focus is visible`, async ({
		page
	}) => {
		await page.setViewportSize({ width: size.width, height: size.height });
		await page.goto(quizPath(ALL_TYPES.quiz.id));
		await page.getByRole('button', { name: 'Start the quiz' }).click();
		const total = ALL_TYPES.quiz.questions.length;
		for (let i = 0; i < total; i++) {
			const heading = page.getByRole('heading', { name: `Question ${i + 1} of ${total}` });
			await expect(heading).toBeFocused();
			await expect(heading).toBeInViewport();
			const question = ALL_TYPES.question((await currentQuestionId(page))!);
			await answerCorrectly(page, question);
			const check = page.getByRole('button', { name: 'Check answer' });
			await expect(check).toBeInViewport();
			await tabTo(page, check);
			await page.keyboard.press('Enter');
			await expectVisibleFocus(page.getByRole('region', { name: 'Feedback' }));
			const next = page.getByRole('button', { name: i < total - 1 ? 'Next →' : 'Submit quiz…' });
			await expect(next).toBeInViewport();
			if (SCREENSHOTS && i < 2) {
				await page.screenshot({ path: `${SCREENSHOTS}/checked-${size.name}-${question.type}.png` });
			}
			if (i < total - 1) {
				// Next comes right after the feedback: past its lesson link, at most two Tabs.
				await tabTo(page, next, { max: 3 });
				await page.keyboard.press('Enter');
			}
		}
		await page.getByRole('button', { name: 'Submit quiz…' }).press('Enter');
		await page.getByRole('dialog').getByRole('button', { name: 'Submit now' }).press('Enter');
		await expectVisibleFocus(page.getByRole('heading', { name: 'Your result' }));
	});
}

test('phone: the header is one row and question 1 starts near the top', async ({ page }) => {
	await page.setViewportSize({ width: 390, height: 844 });
	await page.goto(quizPath(ALL_TYPES.quiz.id));
	const header = await page.locator('.site-header').boundingBox();
	expect(header!.height).toBeLessThanOrEqual(56);
	for (const link of await page.locator('.site-header a').all()) {
		const box = (await link.boundingBox())!;
		expect(box.height, await link.innerText()).toBeGreaterThanOrEqual(24);
		expect(box.width, await link.innerText()).toBeGreaterThanOrEqual(24);
	}
	await page.getByRole('button', { name: 'Start the quiz' }).click();
	const heading = page.getByRole('heading', { name: /Question 1 of/ });
	await expect(heading).toBeFocused();
	// The prompt and the first answer are on the first screen, above the step bar.
	const first = page.locator(
		'.question-input label, .question-input select, .question-input button'
	);
	const box = (await first.first().boundingBox())!;
	const bar = (await page.locator('.step-bar').boundingBox())!;
	expect(box.y + box.height).toBeLessThanOrEqual(bar.y);
	// It was at 52% of the height, below a header of three rows; now in the top 40%.
	expect((await heading.boundingBox())!.y).toBeLessThan(844 * 0.4);
	if (SCREENSHOTS) await page.screenshot({ path: `${SCREENSHOTS}/question-1-phone.png` });
});

test('order question: a moved item keeps focus on its own button, which never undoes silently', async ({
	page
}) => {
	await page.goto(quizPath(ALL_TYPES.quiz.id));
	await page.getByRole('button', { name: 'Start the quiz' }).click();
	for (let i = 2; ALL_TYPES.question((await currentQuestionId(page))!).type !== 'order'; i++) {
		await page.getByRole('button', { name: 'Next →' }).click();
		// The first order question loads its controls before it shows.
		await expect(
			page.getByRole('heading', { name: new RegExp(`^Question ${i} of`) })
		).toBeVisible();
	}
	const question = ALL_TYPES.question((await currentQuestionId(page))!);
	const scope = page.locator(`[data-question-id="${question.id}"]`);
	const texts = async () =>
		(await scope.locator('ol.order li .text').allTextContents()).map((t) => t.trim());
	const second = (await texts())[1];
	const up = scope.getByRole('button', { name: `Move ${second} up` });
	await up.focus();
	await page.keyboard.press('Enter');
	await expect(up).toBeFocused();
	await expect(up).toHaveAttribute('aria-disabled', 'true');
	await expect(scope.getByRole('status')).toHaveText(`${second} moved to position 1 of 3, first.`);
	await page.keyboard.press('Enter');
	expect((await texts())[0]).toBe(second);
	await expect(scope.getByRole('status')).toHaveText(`${second} is already first.`);
});

test('a lesson followed by a quiz in its module leads to that quiz', async ({ page }) => {
	const course = COURSES.find((c) => c.id === 'ai-frameworks')!;
	const next = course.modules.flatMap((m) =>
		m.items.flatMap((item, i) =>
			'lesson' in item ? [{ lesson: item.lesson, after: m.items[i + 1] }] : []
		)
	);
	const toQuiz = next.flatMap(({ lesson, after }) =>
		after && 'quiz' in after ? [{ lesson, quiz: after.quiz }] : []
	);
	expect(toQuiz.length).toBeGreaterThan(0);
	for (const { lesson, quiz } of toQuiz) {
		await page.goto(`/courses/${course.id}/lessons/${lesson}`);
		const link = page.getByRole('link', { name: /^Next in this module/ });
		await expect(link).toContainText(course.quizzes.get(quiz)!.title);
		await link.click();
		await expect(page).toHaveURL(new RegExp(`${quizPath(quiz)}$`));
	}
	// A lesson followed by another lesson leads only to that lesson.
	const toLesson = next.find(({ after }) => after && 'lesson' in after)!;
	await page.goto(`/courses/${course.id}/lessons/${toLesson.lesson}`);
	await expect(page.getByRole('link', { name: /^Next in this module/ })).toHaveCount(0);
	await expect(page.getByRole('link', { name: /^Next lesson/ })).toBeVisible();
});

test('/progress lists quizzes in course order, explains mastery and confirms a saved profile', async ({
	page
}) => {
	const course = COURSES.find((c) => c.id === 'ai-frameworks')!;
	await page.goto(quizPath('overview'));
	await page.getByRole('button', { name: 'Start the quiz' }).click();
	await page.getByRole('button', { name: 'Submit quiz…' }).click();
	await page.getByRole('button', { name: 'Submit now' }).click();
	await expect(page.getByRole('heading', { name: 'Your result' })).toBeVisible();

	await page.goto('/progress');
	const inCourseOrder = course.modules.flatMap((m) =>
		m.items.flatMap((item) => ('quiz' in item ? [course.quizzes.get(item.quiz)!.title] : []))
	);
	const quizzes = page.getByRole('table').first().getByRole('rowheader');
	await expect(quizzes).toHaveText(inCourseOrder);
	await expect(page.getByText(/README/)).toHaveCount(0);

	await page.getByLabel('Display name').fill('Ada');
	await page.getByRole('button', { name: 'Save profile' }).click();
	const profile = page.getByRole('region', { name: 'Your profile' });
	await expect(profile.getByRole('status')).toHaveText('✓ Profile saved in this browser.');
	// Changing a field again clears the confirmation, so it never speaks of an older save.
	await page.getByLabel('Display name').fill('Ada L.');
	await expect(profile.getByRole('status')).toHaveText('');
});

test('/review says plainly when the next card is due', async ({ page }) => {
	const overview = quizOf('overview');
	await page.goto(quizPath('overview'));
	await page.getByRole('button', { name: 'Start the quiz' }).click();
	await answerCorrectly(page, overview.question((await currentQuestionId(page))!));
	await page.getByRole('button', { name: 'Submit quiz…' }).click();
	await page.getByRole('button', { name: 'Submit now' }).click();
	await expect(page.getByRole('heading', { name: 'Your result' })).toBeVisible();
	await page.goto('/review');
	// A right answer comes back in minutes, not now.
	await expect(page.getByText(/^Nothing due right now\. The next card is due /)).toBeVisible();
	await expect(page.locator('main')).not.toContainText(/FSRS|scheduler/);
});

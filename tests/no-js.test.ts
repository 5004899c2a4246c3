import { embeddedQuestion } from '../src/lib/content/practice.ts';
import { COURSES, expect, test } from './support/fixtures.ts';

// Every page is prerendered: a reader without JavaScript gets the whole course.
test.use({ javaScriptEnabled: false });

for (const course of COURSES) {
	test(`${course.id}: every lesson reads in full without JavaScript`, async ({ page }) => {
		await page.goto('/');
		await page.getByRole('link', { name: course.title }).click();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(course.title);

		for (const id of course.lessonOrder) {
			const lesson = course.lessons.get(id)!;
			await page.goto(`/courses/${course.id}/lessons/${id}`);
			await expect(page.getByRole('heading', { level: 1 })).toHaveText(lesson.title);
			for (const section of lesson.sections) {
				await expect(page.locator(`h2#${section.id}`)).toHaveText(section.title);
			}
			for (const { term } of lesson.keyTerms) {
				await expect(page.locator('dt', { hasText: term }).first()).toBeVisible();
			}
			await expect(page.getByText(lesson.summary)).toBeVisible();
		}
	});
}

test('links work without JavaScript: course page to lesson to next lesson', async ({ page }) => {
	const course = COURSES[0];
	const [first, second] = course.lessonOrder.map((id) => course.lessons.get(id)!);
	await page.goto(`/courses/${course.id}`);
	await page.getByRole('link', { name: first.title, exact: true }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(first.title);
	await page.getByRole('link', { name: /Next lesson/ }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(second.title);
});

test('without JavaScript a "check yourself" question shows its answer in a disclosure', async ({
	page
}) => {
	const course = COURSES[0];
	const lesson = [...course.lessons.values()].find((l) => l.checks.length)!;
	const question = embeddedQuestion(course, lesson.checks[0].questionId)!.question;
	await page.goto(`/courses/${course.id}/lessons/${lesson.id}`);
	const box = page.getByRole('group', { name: 'Check yourself' }).first();
	await expect(box.getByRole('button', { name: 'Check' })).toHaveCount(0);
	const explanation = box.locator('.explanation');
	await expect(explanation).toBeHidden();
	await box.getByText('Show the answer').click();
	await expect(explanation).toBeVisible();
	await expect(box).toContainText('The right answer:');
	expect(question.explanation.length).toBeGreaterThan(0);
	// Nothing could be stored either: no "mark as done" button that would do nothing.
	await expect(page.getByRole('button', { name: 'Mark this lesson as done' })).toHaveCount(0);
});

test('without JavaScript a quiz page describes the quiz and says it needs JavaScript', async ({
	page
}) => {
	const course = COURSES[0];
	const quiz = [...course.quizzes.values()][0];
	await page.goto(`/courses/${course.id}/quizzes/${quiz.id}`);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(quiz.title);
	await expect(page.getByText(`${quiz.passMark}%`)).toBeVisible();
	// Playwright only stops scripts; the parser still treats <noscript> as scripting-enabled
	// text, so check that the message is in the page rather than that it is painted.
	expect(await page.locator('noscript').first().textContent()).toContain(
		'Taking a quiz needs JavaScript'
	);
	await expect(page.getByText('Loading your progress')).toHaveCount(0);
});

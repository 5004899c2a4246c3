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

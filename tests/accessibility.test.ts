import { COURSES, LESSON_PATHS, expect, expectNoAxeViolations, test } from './support/fixtures.ts';

const QUIZ_PATHS = COURSES.flatMap((c) =>
	[...c.quizzes.keys()].map((q) => `/courses/${c.id}/quizzes/${q}`)
);
const PAGES = [
	'/',
	...COURSES.map((c) => `/courses/${c.id}`),
	...LESSON_PATHS,
	...QUIZ_PATHS,
	'/progress',
	'/review',
	'/instructor',
	'/instructor/gradebook',
	'/assignment',
	'/courses/no-such-course'
];

for (const colorScheme of ['light', 'dark'] as const) {
	test.describe(`${colorScheme} theme`, () => {
		test.use({ colorScheme });

		for (const path of PAGES) {
			test(`axe finds no WCAG 2.2 A/AA violation on ${path}`, async ({ page }) => {
				await page.goto(path);
				await expectNoAxeViolations(page);
			});
		}
	});
}

test('keyboard: the skip link is the first stop and moves focus to the content', async ({
	page
}) => {
	await page.goto(LESSON_PATHS[0]);
	await page.keyboard.press('Tab');
	const skip = page.getByRole('link', { name: 'Skip to content' });
	await expect(skip).toBeFocused();
	await page.keyboard.press('Enter');
	await expect(page.locator('main')).toBeFocused();
});

test('pages carry a Content-Security-Policy without unsafe-eval and load without violations', async ({
	page,
	consoleErrors
}) => {
	for (const path of ['/', ...LESSON_PATHS.slice(0, 2)]) {
		await page.goto(path);
		const csp = await page
			.locator('meta[http-equiv="content-security-policy"]')
			.getAttribute('content');
		expect(csp).toContain("script-src 'self'");
		expect(csp).not.toContain('unsafe-eval');
	}
	expect(consoleErrors).toEqual([]);
});

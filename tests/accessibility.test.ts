import type { Page } from '@playwright/test';
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

/**
 * Controls smaller than 24 × 24 px on the page (WCAG 2.2, 2.5.8), as "tag text width×height".
 * Exempt, as the criterion allows: links inside a sentence, and a checkbox or radio inside its
 * label (the label is the target).
 */
function smallTargets(page: Page) {
	return page.evaluate(() =>
		[...document.querySelectorAll<HTMLElement>('a[href], button, select, input, summary, textarea')]
			.filter((el) => {
				if (el.closest('.visually-hidden, .skip-link, dialog:not([open])')) return false;
				const box = el.getBoundingClientRect();
				if (box.width === 0 && box.height === 0) return false;
				if (box.width >= 24 && box.height >= 24) return false;
				if (el instanceof HTMLInputElement && /^(checkbox|radio)$/.test(el.type))
					return !el.closest('label');
				const sentence = el.parentElement?.closest('p, dd');
				const own = el.textContent?.trim().length ?? 0;
				return !(el.tagName === 'A' && sentence && sentence.textContent!.trim().length > own + 3);
			})
			.map((el) => {
				const box = el.getBoundingClientRect();
				const text = (el.textContent?.trim() || el.getAttribute('aria-label') || '').slice(0, 40);
				return `${el.tagName.toLowerCase()} "${text}" ${Math.round(box.width)}×${Math.round(box.height)}`;
			})
	);
}

for (const width of [390, 1280]) {
	test(`touch targets are at least 24 × 24 px on every page at ${width} px`, async ({ page }) => {
		await page.setViewportSize({ width, height: 844 });
		const found: string[] = [];
		for (const path of PAGES) {
			await page.goto(path);
			await page.waitForLoadState('networkidle');
			found.push(...(await smallTargets(page)).map((target) => `${path}: ${target}`));
		}
		expect(found).toEqual([]);
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

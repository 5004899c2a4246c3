/** Shared Playwright fixtures: the shipped content (as the build sees it) and an axe checker. */
import { test as base, expect, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { loadCourses } from '../../src/lib/content/load.ts';
import { readContentFiles } from '../../src/lib/content/read-dir.ts';
import type { Course } from '../../src/lib/content/model.ts';

const { courses, errors } = loadCourses(readContentFiles(process.cwd().replace(/\/tests$/, '')));
if (errors.length) throw new Error(`content has errors; run npm run content:check`);

/** Every course in quizzes/, loaded with the app's own loader. */
export const COURSES: Course[] = courses;

/** Every lesson page path of every course, in reading order. */
export const LESSON_PATHS = COURSES.flatMap((course) =>
	course.lessonOrder.map((id) => `/courses/${course.id}/lessons/${id}`)
);

/** WCAG 2.2 A and AA, the bar in DESIGN.md. */
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

export async function expectNoAxeViolations(page: Page) {
	const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
	const summary = results.violations.map(
		(v) =>
			`${v.id} (${v.impact}): ${v.help}\n  ${v.nodes.map((n) => n.target.join(' ')).join('\n  ')}`
	);
	expect(summary, `axe violations on ${page.url()}`).toEqual([]);
}

interface Fixtures {
	/** Console errors the page printed (CSP violations included); tests assert it stays empty. */
	consoleErrors: string[];
}

export const test = base.extend<Fixtures>({
	consoleErrors: async ({ page }, use) => {
		const messages: string[] = [];
		page.on('console', (message) => {
			if (message.type() === 'error') messages.push(message.text());
		});
		page.on('pageerror', (error) => messages.push(error.message));
		await use(messages);
	}
});

export { expect };

import { embeddedQuestion } from '../src/lib/content/practice.ts';
import type { Question } from '../src/lib/content/schema.ts';
import { COURSES, LESSON_PATHS, expect, test } from './support/fixtures.ts';
import { answerCorrectly, tabTo } from './support/keyboard.ts';
import { recordLayoutShifts } from './support/layout-shifts.ts';

test('every lesson is reached from the home page by following links', async ({
	page,
	consoleErrors
}) => {
	const reached = new Set<string>();
	for (const course of COURSES) {
		await page.goto('/');
		await page.getByRole('link', { name: course.title }).click();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(course.title);

		// The course page links the first lesson; "Next lesson" walks through the rest.
		const first = course.lessons.get(course.lessonOrder[0])!;
		await page.getByRole('link', { name: first.title, exact: true }).click();
		for (const id of course.lessonOrder) {
			const lesson = course.lessons.get(id)!;
			await expect(page.getByRole('heading', { level: 1 })).toHaveText(lesson.title);
			reached.add(new URL(page.url()).pathname);
			const next = page.getByRole('link', { name: /Next lesson/ });
			if (await next.count()) await next.click();
		}
		await expect(page.getByRole('link', { name: /Back to the course/ })).toBeVisible();
	}
	expect([...reached].sort()).toEqual([...LESSON_PATHS].sort());
	expect(consoleErrors).toEqual([]);
});

test('the course page lists every module with its lessons and quizzes', async ({ page }) => {
	for (const course of COURSES) {
		await page.goto(`/courses/${course.id}`);
		for (const module of course.modules) {
			await expect(page.getByRole('heading', { level: 2, name: module.title })).toBeVisible();
		}
		for (const lesson of course.lessons.values()) {
			await expect(page.getByRole('link', { name: lesson.title, exact: true })).toBeVisible();
		}
		for (const quiz of course.quizzes.values()) {
			const item = page
				.getByRole('listitem')
				.filter({ has: page.getByText(quiz.title, { exact: true }) });
			await expect(item).toContainText(
				`${quiz.questions.length} questions · pass mark ${quiz.passMark}%`
			);
		}
	}
});

test('a lesson has a breadcrumb, learning objectives, sections, key terms and a summary', async ({
	page
}) => {
	const course = COURSES[0];
	const lesson = course.lessons.get(course.lessonOrder[1] ?? course.lessonOrder[0])!;
	await page.goto(`/courses/${course.id}/lessons/${lesson.id}`);
	const breadcrumb = page.getByRole('navigation', { name: 'Breadcrumb' });
	await expect(breadcrumb.getByRole('link')).toHaveText(['Courses', course.title, lesson.title]);
	await expect(page.getByRole('heading', { name: 'What you will learn' })).toBeVisible();
	for (const section of lesson.sections) {
		await expect(page.locator(`h2#${section.id}`)).toHaveText(section.title);
	}
	await expect(page.getByRole('heading', { name: 'Key terms' })).toBeVisible();
	await expect(page.getByText(lesson.summary)).toBeVisible();
});

test('a table-of-contents link moves to its section', async ({ page }) => {
	const course = COURSES[0];
	const lesson = [...course.lessons.values()].find((l) => l.sections.length > 2)!;
	await page.goto(`/courses/${course.id}/lessons/${lesson.id}`);
	const target = lesson.sections.at(-1)!;
	await page
		.getByRole('navigation', { name: 'On this page' })
		.getByRole('link', { name: target.title })
		.click();
	await expect(page).toHaveURL(new RegExp(`#${target.id}$`));
	await expect(page.locator(`h2#${target.id}`)).toBeInViewport();
});

test('an unknown lesson or course shows a helpful "not found" page', async ({ page }) => {
	const course = COURSES[0];
	for (const path of [
		`/courses/${course.id}/lessons/no-such-lesson`,
		'/courses/no-such-course',
		'/no/such/page'
	]) {
		const response = await page.goto(path);
		expect(response?.status(), path).toBe(404);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found');
		await expect(page.getByRole('link', { name: 'All courses' })).toBeVisible();
	}
});

test('a "check yourself" question is answered in the lesson, by keyboard, with feedback', async ({
	page
}) => {
	const course = COURSES[0];
	const lesson = [...course.lessons.values()].find((l) => l.checks.length)!;
	const question = embeddedQuestion(course, lesson.checks[0].questionId)!.question;
	await page.goto(`/courses/${course.id}/lessons/${lesson.id}`);
	const box = page.getByRole('group', { name: 'Check yourself' }).first();
	await expect(box.getByRole('button', { name: 'Check' })).toBeDisabled();
	await answerCorrectly(page, question, `check-${question.id}`);
	await tabTo(page, box.getByRole('button', { name: 'Check' }));
	await page.keyboard.press('Enter');
	const feedback = page.getByRole('region', { name: `Feedback on ${question.id}` });
	await expect(feedback).toBeFocused();
	await expect(feedback.getByRole('heading', { name: 'Correct', exact: true })).toBeVisible();
	// A practice question (ungraded) becomes a review card.
	await expect(feedback.getByRole('status')).toHaveText('This question will come back in Review.');
	await box.getByRole('button', { name: 'Try again' }).click();
	await expect(feedback).toHaveCount(0);
});

/** The lesson with a "check yourself" question first in it, and that question. */
function firstCheck() {
	const course = COURSES[0];
	const lesson = [...course.lessons.values()].find((l) => l.checks.length)!;
	const { question } = embeddedQuestion(course, lesson.checks[0].questionId)!;
	return { path: `/courses/${course.id}/lessons/${lesson.id}`, question };
}

/** The label of the right choice of a single or true/false question. */
function rightChoice(question: Question): string {
	if (question.type === 'truefalse') return question.answer ? 'True' : 'False';
	if (question.type === 'single')
		return question.options.find((o) => o.correct)!.text.replace(/\*\*/g, '');
	throw new Error(`the first practice question is a ${question.type}`);
}

test('the first Tab into a "check yourself" question loads it, and focus stays where it was', async ({
	page,
	consoleErrors
}) => {
	const { path, question } = firstCheck();
	await page.goto(path);
	await page.waitForLoadState('networkidle');
	// The lesson is read first: the question's code comes when the learner reaches the question.
	const fetched: string[] = [];
	page.on('request', (request) => {
		if (request.resourceType() === 'script') fetched.push(request.url());
	});
	const box = page.getByRole('group', { name: 'Check yourself' }).first();
	const first = box.getByRole('radio').first();
	await tabTo(page, first);
	await expect.poll(() => fetched.length).toBeGreaterThan(0);
	await page.keyboard.press('Space');
	await expect(box.getByRole('button', { name: 'Check' })).toBeEnabled();
	await expect(first).toBeFocused();
	await expect(first).toBeChecked();
	// Arrow keys go on from there, as in any radio group.
	await answerCorrectly(page, question, `check-${question.id}`);
	await tabTo(page, box.getByRole('button', { name: 'Check' }));
	await page.keyboard.press('Enter');
	await expect(page.getByRole('heading', { name: 'Correct', exact: true })).toBeVisible();
	expect(consoleErrors).toEqual([]);
});

test("a choice clicked before the question's code has arrived is kept", async ({ page }) => {
	const { path, question } = firstCheck();
	await page.goto(path);
	await page.waitForLoadState('networkidle');
	// A slow connection: the code is held back until the learner has clicked.
	let release!: () => void;
	const held = new Promise<void>((resolve) => (release = resolve));
	let asked = 0;
	await page.route('**/*.js', async (route) => {
		asked++;
		await held;
		await route.continue();
	});
	const box = page.getByRole('group', { name: 'Check yourself' }).first();
	const choice = box.getByRole('radio', { name: rightChoice(question), exact: true });
	await choice.click();
	await expect(choice).toBeChecked();
	expect(asked, 'the click asked for the code').toBeGreaterThan(0);
	release();
	await expect(box.getByRole('button', { name: 'Check' })).toBeEnabled();
	await expect(choice).toBeChecked();
	await box.getByRole('button', { name: 'Check' }).click();
	await expect(box.getByRole('heading', { name: 'Correct', exact: true })).toBeVisible();
});

test('every "check yourself" question of every lesson takes over its built HTML and checks an answer', async ({
	page,
	consoleErrors
}) => {
	// Svelte says so (a warning) when the HTML it hydrates is not what it would have rendered.
	const warnings: string[] = [];
	page.on('console', (message) => {
		if (message.type() === 'warning') warnings.push(message.text());
	});
	for (const course of COURSES) {
		for (const lesson of course.lessons.values()) {
			if (!lesson.checks.length) continue;
			await page.goto(`/courses/${course.id}/lessons/${lesson.id}`);
			for (const { questionId } of lesson.checks) {
				const { question } = embeddedQuestion(course, questionId)!;
				const box = page.locator(`.check-yourself[data-question-id="${questionId}"]`);
				await answerCorrectly(page, question, `check-${questionId}`);
				await box.getByRole('button', { name: 'Check' }).click();
				await expect(box.getByRole('heading', { name: 'Correct', exact: true })).toBeVisible();
			}
		}
	}
	expect(warnings).toEqual([]);
	expect(consoleErrors).toEqual([]);
});

for (const width of [390, 1280]) {
	test(`nothing on a lesson moves as it loads or as a question is first used (${width} px)`, async ({
		page
	}) => {
		// Tall enough to show the whole lesson: a shift counts only where it can be seen.
		await page.setViewportSize({ width, height: 9000 });
		const shifts = await recordLayoutShifts(page);
		const { path } = firstCheck();
		await page.goto(path, { waitUntil: 'networkidle' });
		await page.getByRole('button', { name: 'Mark this lesson as done' }).click();
		// Again, with progress: "mark as done" changes once the store has answered.
		await page.reload();
		await expect(page.getByRole('button', { name: '✓ Done' })).toBeVisible();
		const box = page.getByRole('group', { name: 'Check yourself' }).first();
		await box.getByRole('radio').first().click();
		await expect(box.getByRole('button', { name: 'Check' })).toBeEnabled();
		expect(await shifts()).toEqual([]);
	});
}

test('a practice question answered wrongly in a lesson comes back in Review', async ({ page }) => {
	const course = COURSES[0];
	const lesson = [...course.lessons.values()].find((l) => l.checks.length)!;
	const { question, practice } = embeddedQuestion(course, lesson.checks[0].questionId)!;
	expect(practice).toBe(true);
	await page.clock.install();
	await page.goto(`/courses/${course.id}/lessons/${lesson.id}`);
	const box = page.getByRole('group', { name: 'Check yourself' }).first();
	// A wrong answer.
	if (question.type === 'truefalse') {
		await box.getByRole('radio', { name: question.answer ? 'False' : 'True' }).check();
	} else if (question.type === 'single') {
		const wrong = question.options.find((o) => !o.correct)!;
		await box.getByRole('radio', { name: wrong.text.replace(/\*\*/g, ''), exact: true }).check();
	} else throw new Error(`the first practice question is a ${question.type}`);
	await box.getByRole('button', { name: 'Check' }).click();
	await expect(box.getByRole('status')).toHaveText('This question will come back in Review.');
	// Rated "again": due within minutes.
	await page.clock.fastForward('30:00');
	await page.goto('/review');
	await expect(page.getByRole('status').filter({ hasText: 'due now' })).toContainText('1');
	await page.getByRole('button', { name: 'Start reviewing (1 card)' }).click();
	await expect(page.locator(`[data-question-id="${question.id}"]`)).toBeVisible();
});

test('"mark as done" belongs to its lesson: the next lesson is not done', async ({ page }) => {
	// Once the network is idle the page is hydrated, and "mark as done" (an island) hears the
	// click; a click before hydration does nothing, as on any server-rendered page.
	await page.goto(LESSON_PATHS[0], { waitUntil: 'networkidle' });
	await page.getByRole('button', { name: 'Mark this lesson as done' }).click();
	await expect(page.getByRole('button', { name: '✓ Done' })).toBeVisible();
	await page.getByRole('link', { name: /Next lesson/ }).click();
	await expect(page).toHaveURL(new RegExp(`${LESSON_PATHS[1]}$`));
	await expect(page.getByRole('button', { name: 'Mark this lesson as done' })).toBeVisible();
	await page.goBack();
	await expect(page.getByRole('button', { name: '✓ Done' })).toBeVisible();
});

test('when "mark as done" cannot be saved, the page says so and keeps it', async ({ page }) => {
	await page.addInitScript(() => {
		IDBObjectStore.prototype.put = () => {
			throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
		};
	});
	await page.goto(LESSON_PATHS[0], { waitUntil: 'networkidle' });
	await page.getByRole('button', { name: 'Mark this lesson as done' }).click();
	await expect(page.getByRole('alert')).toContainText(
		'couldn’t mark the lesson as done: the browser’s storage is full'
	);
	await expect(page.getByRole('button', { name: '✓ Done' })).toBeVisible();
	const download = page.waitForEvent('download');
	await page.getByRole('button', { name: 'Download a backup of your work' }).click();
	expect((await download).suggestedFilename()).toMatch(/^coursekit-backup-.*\.json$/);
});

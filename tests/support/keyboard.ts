/**
 * Answering questions the way a keyboard-only learner does: Tab to a control, then arrows,
 * Space, Enter or typing. No clicks, no programmatic focus.
 */
import { expect, type Locator, type Page } from '@playwright/test';
import type { Question } from '../../src/lib/content/schema.ts';
import { choiceId, classifyCategories, matchRights } from '../../src/lib/quiz/choices.ts';

/** Presses Tab (or Shift+Tab) until `target` has focus. */
export async function tabTo(page: Page, target: Locator, { backwards = false, max = 80 } = {}) {
	for (let i = 0; i < max; i++) {
		if (await target.evaluate((el) => el === document.activeElement)) return;
		await page.keyboard.press(backwards ? 'Shift+Tab' : 'Tab');
	}
	throw new Error(`could not reach ${target} with the keyboard`);
}

/** Chooses `optionText` in a focused native <select> with arrow keys. */
async function chooseInSelect(page: Page, select: Locator, optionText: string) {
	await tabTo(page, select);
	const options = await select.locator('option').allTextContents();
	const index = options.findIndex((text) => text.trim() === optionText.trim());
	expect(index, `option "${optionText}" in ${options.join(' | ')}`).toBeGreaterThan(0);
	await page.keyboard.press('Home');
	for (let i = 0; i < index; i++) await page.keyboard.press('ArrowDown');
	await expect(select).toHaveValue(
		(await select.locator('option').nth(index).getAttribute('value')) ?? ''
	);
}

/** Selects the radio labelled `label` in its group: Tab into the group, then arrow keys. */
async function chooseRadio(page: Page, scope: Locator, label: string) {
	const radios = scope.getByRole('radio');
	const target = scope.getByRole('radio', { name: label, exact: true });
	await tabTo(page, radios.first());
	for (let i = 0; i < (await radios.count()) + 1; i++) {
		if (await target.isChecked()) return;
		await page.keyboard.press('ArrowDown');
	}
	await expect(target).toBeChecked();
}

/** Gives the correct answer to the question on screen, by keyboard alone. */
export async function answerCorrectly(page: Page, question: Question, uid = `q-${question.id}`) {
	const scope = page.locator(`[data-question-id="${question.id}"]`);
	switch (question.type) {
		case 'single':
			return chooseRadio(
				page,
				scope,
				question.options.find((o) => o.correct)!.text.replace(/\*\*/g, '')
			);
		case 'truefalse':
			return chooseRadio(page, scope, question.answer ? 'True' : 'False');
		case 'multiple':
			for (const option of question.options.filter((o) => o.correct)) {
				const box = scope.getByRole('checkbox', {
					name: option.text.replace(/\*\*/g, ''),
					exact: true
				});
				await tabTo(page, box);
				await page.keyboard.press('Space');
				await expect(box).toBeChecked();
			}
			return;
		case 'text': {
			const input = scope.getByRole('textbox', { name: 'Your answer' });
			await tabTo(page, input);
			await page.keyboard.type(question.answers[0]);
			return;
		}
		case 'match': {
			const rights = matchRights(question);
			for (const [i, pair] of question.pairs.entries()) {
				await chooseInSelect(
					page,
					scope.locator(`select#${uid}-${choiceId(pair.left)}`),
					rights[i].text
				);
			}
			return;
		}
		case 'classify': {
			const categories = classifyCategories(question);
			for (const item of question.items) {
				const category = categories.find((c) => c.text === item.category)!;
				await chooseInSelect(
					page,
					scope.locator(`select#${uid}-${choiceId(item.text)}`),
					category.text
				);
			}
			return;
		}
		case 'order': {
			// Move each item, in key order, up to its place.
			for (const [target, text] of question.items.entries()) {
				for (let guard = 0; guard < question.items.length; guard++) {
					const texts = (await scope.locator('ol.order li .text').allTextContents()).map((t) =>
						t.trim()
					);
					const at = texts.indexOf(text);
					if (at <= target) break;
					const up = scope.getByRole('button', { name: `Move ${text} up` });
					await tabTo(page, up);
					await page.keyboard.press('Enter');
				}
			}
			const texts = (await scope.locator('ol.order li .text').allTextContents()).map((t) =>
				t.trim()
			);
			expect(texts).toEqual(question.items);
			return;
		}
	}
}

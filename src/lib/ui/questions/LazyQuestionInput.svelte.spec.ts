import { describe, expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import type { ComponentProps } from 'svelte';
import { renderAnswering } from '$lib/testing/render-answering';
import type { Question } from '$lib/content/schema';
import { everyType, question, questionViewOf } from '$lib/testing/builders';
import LazyQuestionInput from './LazyQuestionInput.svelte';
import { answerControls } from './on-demand.svelte';
import { answerMarks } from './marks';

const presentation = { seed: 7, shuffleOptions: false };

function renderQuestion(
	q: Question,
	props: Partial<ComponentProps<typeof LazyQuestionInput>> = {}
) {
	return renderAnswering(LazyQuestionInput, {
		view: questionViewOf(q),
		uid: 'q1',
		presentation,
		answer: undefined,
		...props
	});
}

describe('LazyQuestionInput', () => {
	it('shows the prompt, then the controls of its type once they have loaded, which answer by keyboard', async () => {
		const { reported } = await renderQuestion(question('single'));
		await expect.element(page.getByRole('group', { name: 'A question?' })).toBeVisible();
		await page.getByText('Static').click();
		await userEvent.keyboard('{ArrowDown}');
		await expect.element(page.getByRole('radio', { name: 'Both' })).toBeChecked();
		expect(reported).toEqual(['static', 'both']);
		expect(answerControls('single').current).toBeDefined();
	});

	it('loads each type’s controls once, shared by the types that use the same ones', async () => {
		for (const q of everyType()) await answerControls(q.type).load();
		expect(answerControls('truefalse')).toBe(answerControls('single'));
		expect(answerControls('classify')).toBe(answerControls('match'));
		expect(answerControls('order')).not.toBe(answerControls('match'));
		const again = answerControls('order').load();
		expect(await again).toBe(answerControls('order').current);
	});

	it('shows the marks the page gives it, for every type', async () => {
		const { screen } = await renderQuestion(question('truefalse'), {
			answer: false,
			disabled: true,
			marks: answerMarks(questionViewOf(question('truefalse')), false)
		});
		await expect.element(page.getByRole('radio', { name: 'False (not correct)' })).toBeChecked();
		await expect
			.element(page.getByRole('radio', { name: 'True (correct answer, not chosen)' }))
			.toBeDisabled();
		const order = question('order');
		const given = [...order.items].reverse().map((item) => item.toLowerCase());
		await screen.rerender({
			view: questionViewOf(order),
			answer: given,
			marks: answerMarks(questionViewOf(order), given)
		});
		await expect.element(page.getByText('wrong place').first()).toBeVisible();
	});
});

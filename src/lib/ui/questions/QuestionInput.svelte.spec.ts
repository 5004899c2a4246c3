import { describe, expect, it } from 'vitest';
import { renderAnswering } from '$lib/testing/render-answering';
import { page, userEvent } from 'vitest/browser';
import type { ComponentProps } from 'svelte';
import QuestionInput from './QuestionInput.svelte';
import { orderLayout } from './present';
import type { Question } from '$lib/content/schema';
import { question, questionViewOf } from '$lib/testing/builders';

const presentation = { seed: 7, shuffleOptions: false };

/** Renders `q` the way a quiz page does: each reported answer is passed back in. */
function renderQuestion(q: Question, props: Partial<ComponentProps<typeof QuestionInput>> = {}) {
	return renderAnswering(QuestionInput, {
		view: questionViewOf(q),
		uid: 'q1',
		presentation,
		answer: undefined,
		...props
	});
}

describe('QuestionInput', () => {
	it('single: the prompt names a radio group; a click or the arrow keys answer by option id', async () => {
		const { reported } = await renderQuestion(question('single'));
		const group = page.getByRole('group', { name: 'A question?' });
		await expect.element(group).toBeVisible();
		await group.getByText('Static').click();
		await userEvent.keyboard('{ArrowDown}');
		await expect.element(page.getByRole('radio', { name: 'Both' })).toBeChecked();
		expect(reported).toEqual(['static', 'both']);
	});

	it('multiple: says to choose all that apply; click and Space tick boxes by id', async () => {
		const { reported } = await renderQuestion(question('multiple'));
		await expect
			.element(page.getByRole('group', { name: 'A question? Choose all that apply.' }))
			.toBeVisible();
		await page.getByText('TensorFlow Lite').click();
		await userEvent.tab({ shift: true });
		await userEvent.keyboard(' ');
		expect(reported).toEqual([['lite'], ['serving', 'lite']]);
	});

	it('truefalse: answers true or false (not text), by pointer and by keyboard', async () => {
		const { reported } = await renderQuestion(question('truefalse'));
		await page.getByText('False').click();
		await expect.element(page.getByRole('radio', { name: 'False' })).toBeChecked();
		await userEvent.keyboard('{ArrowUp}');
		await expect.element(page.getByRole('radio', { name: 'True' })).toBeChecked();
		expect(reported).toEqual([false, true]);
	});

	it('truefalse: after checking, marks the wrong choice and the missed key', async () => {
		await renderQuestion(question('truefalse'), {
			answer: false,
			disabled: true,
			showMarks: true
		});
		await expect.element(page.getByRole('radio', { name: 'False (not correct)' })).toBeChecked();
		await expect
			.element(page.getByRole('radio', { name: 'True (correct answer, not chosen)' }))
			.toBeDisabled();
	});

	it('match: a select per item, answered by keyboard as item id → match id', async () => {
		const { reported } = await renderQuestion(question('match'));
		await expect
			.element(page.getByRole('group', { name: 'A question? Choose the match for each item.' }))
			.toBeVisible();
		expect(page.getByRole('combobox').all()).toHaveLength(4);
		await userEvent.tab();
		await expect.element(page.getByRole('combobox', { name: 'TensorFlow' })).toHaveFocus();
		await userEvent.keyboard('g');
		await userEvent.keyboard('{ArrowDown}');
		await expect
			.element(page.getByRole('combobox', { name: 'TensorFlow' }))
			.toHaveDisplayValue('GPUs, TPUs');
		await userEvent.selectOptions(page.getByRole('combobox', { name: 'ONNX' }), 'Model exchange');
		expect(reported.at(-1)).toEqual({ tensorflow: 'gpus-tpus', onnx: 'model-exchange' });
	});

	it('match: after checking, says which pairs are right', async () => {
		await renderQuestion(question('match'), {
			answer: { tensorflow: 'gpus-tpus', pytorch: 'cpus-only' },
			disabled: true,
			showMarks: true
		});
		const rows = page.getByRole('listitem');
		await expect.element(rows.nth(0)).toHaveTextContent(/TensorFlow.*\bcorrect$/);
		await expect.element(rows.nth(1)).toHaveTextContent(/PyTorch.*not correct$/);
		await expect.element(rows.nth(3)).toHaveTextContent(/ONNX.*not correct$/);
	});

	it('classify: a category per item, chosen by keyboard, reported by ids', async () => {
		const { reported } = await renderQuestion(question('classify'));
		await expect
			.element(page.getByRole('group', { name: 'A question? Choose a category for each item.' }))
			.toBeVisible();
		await userEvent.tab();
		await userEvent.tab();
		await expect.element(page.getByRole('combobox', { name: 'TorchServe' })).toHaveFocus();
		await userEvent.keyboard('p');
		await page.getByRole('combobox', { name: 'TensorBoard' }).click();
		await userEvent.selectOptions(
			page.getByRole('combobox', { name: 'TensorBoard' }),
			'TensorFlow'
		);
		expect(reported).toEqual([
			{ torchserve: 'pytorch' },
			{ torchserve: 'pytorch', tensorboard: 'tensorflow' }
		]);
	});

	it('order: the Move buttons put items in order, reported by id, by pointer and by keyboard', async () => {
		const q = question('order');
		const { initial } = orderLayout(questionViewOf(q), presentation);
		const { reported } = await renderQuestion(q);
		await expect
			.element(page.getByRole('group', { name: /Use the arrow buttons to put the items in order/ }))
			.toBeVisible();
		const [first, second] = initial;
		const text = (id: string) => q.items.find((item) => item.toLowerCase() === id)!;
		await page.getByRole('button', { name: `Move ${text(second)} up` }).click();
		// At the top: focus stays on Move up, and pressing it again changes nothing.
		await expect
			.element(page.getByRole('button', { name: `Move ${text(second)} up` }))
			.toHaveFocus();
		await userEvent.keyboard('{Enter}');
		expect(reported).toEqual([[second, first, ...initial.slice(2)]]);
		await userEvent.tab();
		await expect
			.element(page.getByRole('button', { name: `Move ${text(second)} down` }))
			.toHaveFocus();
		await userEvent.keyboard('{Enter}');
		expect(reported).toEqual([[second, first, ...initial.slice(2)], initial]);
	});

	it('text: a labelled box that reports what is typed, clicked into or reached by Tab', async () => {
		const { reported } = await renderQuestion(question('text'));
		const box = page.getByRole('textbox', { name: 'Your answer' });
		await box.click();
		await userEvent.keyboard('Tensor');
		await expect.element(box).toHaveValue('Tensor');
		expect(reported.at(-1)).toBe('Tensor');
		await userEvent.tab({ shift: true });
		await userEvent.tab();
		await expect.element(box).toHaveFocus();
		await userEvent.keyboard('{End} Boarx{Backspace}d');
		expect(reported.at(-1)).toBe('Tensor Board');
		await expect.element(box).toHaveValue('Tensor Board');
	});

	it('text: shows a saved answer, and none of another shape', async () => {
		const { screen } = await renderQuestion(question('text'), { answer: 'TensorBoard' });
		await expect
			.element(page.getByRole('textbox', { name: 'Your answer' }))
			.toHaveValue('TensorBoard');
		await screen.rerender({ answer: ['TensorBoard'] });
		await expect.element(page.getByRole('textbox', { name: 'Your answer' })).toHaveValue('');
	});

	it('disabled: no control of any type can be changed', async () => {
		const { screen, reported } = await renderQuestion(question('text'), { disabled: true });
		await expect.element(page.getByRole('textbox', { name: 'Your answer' })).toBeDisabled();
		for (const type of ['single', 'multiple', 'truefalse', 'match', 'classify', 'order'] as const) {
			await screen.rerender({ view: questionViewOf(question(type)) });
			const controls = [
				...page.getByRole('radio').all(),
				...page.getByRole('checkbox').all(),
				...page.getByRole('combobox').all(),
				...page.getByRole('button').all()
			];
			expect(controls.length, type).toBeGreaterThan(1);
			for (const control of controls) await expect.element(control).toBeDisabled();
		}
		expect(reported).toEqual([]);
	});
});

import { describe, expect, it } from 'vitest';
import { renderAnswering } from '$lib/testing/render-answering';
import { page, userEvent } from 'vitest/browser';
import type { ComponentProps } from 'svelte';
import ChoiceInput from './ChoiceInput.svelte';

const SINGLE = [
	{ id: 'dynamic', html: 'Dynamic' },
	{ id: 'static', html: 'Static' },
	{ id: 'both', html: '<em>Both</em>' }
];

const MULTIPLE = [
	{ id: 'serving', html: 'TensorFlow Serving' },
	{ id: 'lite', html: 'TensorFlow Lite' },
	{ id: 'onnx', html: 'ONNX' }
];

/** Renders the input the way a quiz page uses it: each reported answer is passed back in. */
function renderChoices(props: Partial<ComponentProps<typeof ChoiceInput>> = {}) {
	return renderAnswering(ChoiceInput, {
		name: 'q1',
		choices: SINGLE,
		multiple: false,
		answer: undefined,
		disabled: false,
		...props
	});
}

describe('ChoiceInput, one answer (radio buttons)', () => {
	it('reports the option clicked, by its id', async () => {
		const { reported } = await renderChoices();
		await page.getByText('Static').click();
		await expect.element(page.getByRole('radio', { name: 'Static' })).toBeChecked();
		await page.getByText('Both').click();
		await expect.element(page.getByRole('radio', { name: 'Both' })).toBeChecked();
		await expect.element(page.getByRole('radio', { name: 'Static' })).not.toBeChecked();
		expect(reported).toEqual(['static', 'both']);
	});

	it('is picked with the keyboard: Tab in, Space to choose, arrow keys to change', async () => {
		const { reported } = await renderChoices();
		await userEvent.tab();
		await expect.element(page.getByRole('radio', { name: 'Dynamic' })).toHaveFocus();
		await userEvent.keyboard(' ');
		await userEvent.keyboard('{ArrowDown}');
		await userEvent.keyboard('{ArrowDown}');
		await userEvent.keyboard('{ArrowUp}');
		await expect.element(page.getByRole('radio', { name: 'Static' })).toBeChecked();
		await expect.element(page.getByRole('radio', { name: 'Static' })).toHaveFocus();
		expect(reported).toEqual(['dynamic', 'static', 'both', 'static']);
	});

	it('shows the answer it is given as chosen', async () => {
		await renderChoices({ answer: 'both' });
		await expect.element(page.getByRole('radio', { name: 'Both' })).toBeChecked();
		await expect.element(page.getByRole('radio', { name: 'Dynamic' })).not.toBeChecked();
	});
});

describe('ChoiceInput, several answers (checkboxes)', () => {
	it('ticks and unticks by click, reporting the ids in the options’ order', async () => {
		const { reported } = await renderChoices({ choices: MULTIPLE, multiple: true });
		await page.getByText('ONNX').click();
		await page.getByText('TensorFlow Serving').click();
		await expect.element(page.getByRole('checkbox', { name: 'ONNX' })).toBeChecked();
		await page.getByText('ONNX').click();
		await expect.element(page.getByRole('checkbox', { name: 'ONNX' })).not.toBeChecked();
		expect(reported).toEqual([['onnx'], ['serving', 'onnx'], ['serving']]);
	});

	it('toggles with Space on each box reached by Tab', async () => {
		const { reported } = await renderChoices({ choices: MULTIPLE, multiple: true });
		await userEvent.tab();
		await userEvent.tab();
		await expect.element(page.getByRole('checkbox', { name: 'TensorFlow Lite' })).toHaveFocus();
		await userEvent.keyboard(' ');
		await userEvent.tab({ shift: true });
		await userEvent.keyboard(' ');
		await userEvent.keyboard(' ');
		await expect.element(page.getByRole('checkbox', { name: 'TensorFlow Lite' })).toBeChecked();
		await expect
			.element(page.getByRole('checkbox', { name: 'TensorFlow Serving' }))
			.not.toBeChecked();
		expect(reported).toEqual([['lite'], ['serving', 'lite'], ['lite']]);
	});
});

describe('ChoiceInput, after checking', () => {
	it('cannot be changed once disabled, by pointer or keyboard', async () => {
		const { reported } = await renderChoices({ answer: 'static', disabled: true });
		for (const name of ['Dynamic', 'Static', 'Both']) {
			await expect.element(page.getByRole('radio', { name })).toBeDisabled();
		}
		await page.getByText('Dynamic').click({ force: true });
		await userEvent.tab();
		await userEvent.keyboard('{ArrowDown}');
		await expect.element(page.getByRole('radio', { name: 'Static' })).toBeChecked();
		expect(reported).toEqual([]);
	});

	it('says which options were right, wrong or missed', async () => {
		await renderChoices({
			answer: 'static',
			disabled: true,
			marks: { dynamic: 'missed', static: 'wrong' }
		});
		await expect
			.element(page.getByRole('radio', { name: 'Dynamic (correct answer, not chosen)' }))
			.toBeInTheDocument();
		await expect
			.element(page.getByRole('radio', { name: 'Static (not correct)' }))
			.toBeInTheDocument();
		await expect
			.element(page.getByRole('radio', { name: 'Both', exact: true }))
			.toBeInTheDocument();
	});

	it('gives no mark to an option whose id is "constructor" when the marks leave it out', async () => {
		await renderChoices({
			choices: [
				{ id: 'constructor', html: 'A constructor' },
				{ id: 'factory', html: 'A factory' }
			],
			answer: 'factory',
			disabled: true,
			marks: { factory: 'right' }
		});
		await expect
			.element(page.getByRole('radio', { name: 'A factory (correct answer)' }))
			.toBeChecked();
		await expect
			.element(page.getByRole('radio', { name: 'A constructor', exact: true }))
			.not.toBeChecked();
	});
});
